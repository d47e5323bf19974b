//! Reads the catalogues when the crate is built. Every language must have
//! the same files, each the same messages, each message the same variables:
//! a message missing from one language, or a variable one language uses and
//! another lacks, stops the build with the file and the id. Then it writes
//! `catalogue.rs`: the files of each language built into the binary, and a
//! typed accessor per message (`msg::TabToday.text(lang)`,
//! `msg::ReviewTitle { date, weekday }.text(lang)`), so that code naming a
//! message that does not exist, or leaving out one of its variables, does
//! not compile.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

/// The languages, as the directories under `locales/` name them, English
/// first (the fallback, and the words the accessors' docs quote).
const LANGUAGES: [&str; 2] = ["en-US", "zh-CN"];

/// One message: the variables it places in its text, those it only
/// chooses a variant by (a plural's count, which a language without plurals
/// need not use), and its English for the accessor's doc.
struct Message {
    placed: BTreeSet<String>,
    selectors: BTreeSet<String>,
    text: String,
}

impl Message {
    fn variables(&self) -> BTreeSet<String> {
        self.placed.union(&self.selectors).cloned().collect()
    }
}

/// A catalogue file's messages, by id, in the order written.
type File = Vec<(String, Message)>;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it")).join("locales");
    println!("cargo::rerun-if-changed={}", root.display());
    let mut languages: Vec<BTreeMap<String, (PathBuf, File)>> = Vec::new();
    for language in LANGUAGES {
        let dir = root.join(language);
        println!("cargo::rerun-if-changed={}", dir.display());
        let mut files = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| fail(&format!("{}: {e}", dir.display()))) {
            let path = entry.expect("a directory entry").path();
            if path.extension().is_some_and(|e| e == "ftl") {
                println!("cargo::rerun-if-changed={}", path.display());
                let name = path.file_name().expect("a file name").to_string_lossy().into_owned();
                files.insert(name, (path.clone(), read(&path)));
            }
        }
        languages.push(files);
    }
    let (english, others) = languages.split_first().expect("English");
    for (other, language) in others.iter().zip(&LANGUAGES[1..]) {
        compare(english, other, language);
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("catalogue.rs");
    std::fs::write(&out, generate(&languages)).unwrap_or_else(|e| fail(&format!("{}: {e}", out.display())));
}

fn fail(message: &str) -> ! {
    panic!("\n\nThe catalogues (crates/i18n/locales) do not agree:\n{message}\n\n");
}

fn read(path: &Path) -> File {
    let source = std::fs::read_to_string(path).unwrap_or_else(|e| fail(&format!("{}: {e}", path.display())));
    let resource = fluent_syntax::parser::parse(source.as_str())
        .unwrap_or_else(|(_, errors)| fail(&format!("{}: {errors:?}", path.display())));
    let mut messages = File::new();
    for entry in resource.body {
        match entry {
            Entry::Message(message) => {
                let Some(value) = message.value else {
                    fail(&format!("{}: {} has no value", path.display(), message.id.name))
                };
                let mut variables = Variables::default();
                pattern_variables(&value, &mut variables);
                let text = &source[span_of(&source, message.id.name)..];
                let text =
                    text.lines().next().unwrap_or_default().split_once('=').map_or("", |(_, t)| t.trim());
                let Variables { placed, selectors } = variables;
                messages.push((
                    message.id.name.to_string(),
                    Message { placed, selectors, text: text.to_string() },
                ));
            }
            Entry::Junk { content } => fail(&format!("{}: cannot read {content:?}", path.display())),
            _ => {}
        }
    }
    messages
}

/// Where the message `id` starts in `source`.
fn span_of(source: &str, id: &str) -> usize {
    source.find(&format!("\n{id} =")).map_or(0, |at| at + 1)
}

#[derive(Default)]
struct Variables {
    placed: BTreeSet<String>,
    selectors: BTreeSet<String>,
}

fn pattern_variables(pattern: &Pattern<&str>, out: &mut Variables) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut Variables) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out, false),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out, true);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut Variables, selector: bool) {
    match inline {
        InlineExpression::VariableReference { id } if selector => {
            out.selectors.insert(id.name.to_string());
        }
        InlineExpression::VariableReference { id } => {
            out.placed.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            arguments.positional.iter().for_each(|a| inline_variables(a, out, selector));
            arguments.named.iter().for_each(|a| inline_variables(&a.value, out, selector));
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Every file of English in `other` with the same messages and variables.
fn compare(
    english: &BTreeMap<String, (PathBuf, File)>,
    other: &BTreeMap<String, (PathBuf, File)>,
    language: &str,
) {
    let names = |files: &BTreeMap<String, (PathBuf, File)>| files.keys().cloned().collect::<BTreeSet<_>>();
    if names(english) != names(other) {
        fail(&format!("en-US has the files {:?}, {language} {:?}", names(english), names(other)));
    }
    let mut problems = Vec::new();
    for (name, (_, messages)) in english {
        let theirs: BTreeMap<&str, &Message> = other[name].1.iter().map(|(id, m)| (id.as_str(), m)).collect();
        let ours: BTreeMap<&str, &Message> = messages.iter().map(|(id, m)| (id.as_str(), m)).collect();
        for (id, message) in &ours {
            let Some(their) = theirs.get(id) else {
                problems.push(format!("{language}/{name}: {id} is missing"));
                continue;
            };
            // A translation uses every variable English puts in its text,
            // and none English lacks; one English only chooses a plural by
            // it may leave out.
            let (allowed, used) = (message.variables(), their.variables());
            if !message.placed.is_subset(&used) || !used.is_subset(&allowed) {
                problems.push(format!(
                    "{language}/{name}: {id} has the variables {used:?}, en-US {allowed:?} (of which it must use {:?})",
                    message.placed
                ));
            }
        }
        for id in theirs.keys().filter(|id| !ours.contains_key(*id)) {
            problems.push(format!("{language}/{name}: {id} is not in en-US/{name}"));
        }
    }
    if !problems.is_empty() {
        fail(&problems.join("\n"));
    }
}

/// `tab-today` as a type's name: `TabToday`; an argument's help
/// (`help-leadline--store`) `HelpLeadlineArgStore`.
fn type_name(id: &str) -> String {
    id.replace("--", "-arg-")
        .split(['-', '_'])
        .map(|part| {
            let mut chars = part.chars();
            chars.next().map_or(String::new(), |first| first.to_uppercase().chain(chars).collect())
        })
        .collect()
}

fn generate(languages: &[BTreeMap<String, (PathBuf, File)>]) -> String {
    let mut out = String::from("// Written by build.rs from the catalogues: do not edit.\n\n");
    out.push_str("/// The catalogue files of each language, as built into the binary.\n");
    out.push_str("pub(crate) const FILES: [&[(&str, &str)]; 2] = [\n");
    for (files, language) in languages.iter().zip(LANGUAGES) {
        out.push_str("    &[\n");
        for (name, (path, _)) in files {
            writeln!(
                out,
                "        ({:?}, include_str!({:?})),",
                format!("{language}/{name}"),
                path.display().to_string()
            )
            .expect("a string");
        }
        out.push_str("    ],\n");
    }
    out.push_str("];\n\n");
    out.push_str("/// One type per message of the catalogues: `.text(lang)` words it.\n");
    out.push_str("pub mod msg {\n    use crate::{FluentValue, Lang};\n");
    let mut names = BTreeMap::new();
    for (file, (_, messages)) in &languages[0] {
        writeln!(out, "\n    // {file}").expect("a string");
        for (id, message) in messages {
            if let Some(other) = names.insert(type_name(id), id) {
                fail(&format!("{id} and {other} would be the same accessor: rename one"));
            }
            write_accessor(&mut out, id, message);
        }
    }
    out.push_str("}\n\n");
    out.push_str("/// Every message id of the catalogues, for [`msg_id!`](crate::msg_id).\n");
    out.push_str("pub const IDS: &[&str] = &[\n");
    for (_, messages) in languages[0].values() {
        for (id, _) in messages {
            writeln!(out, "    {id:?},").expect("a string");
        }
    }
    out.push_str("];\n");
    out
}

fn write_accessor(out: &mut String, id: &str, message: &Message) {
    let name = type_name(id);
    let doc = message.text.replace('\\', "\\\\");
    writeln!(out, "\n    /// `{id}`: {doc}").expect("a string");
    let variables = message.variables();
    if variables.is_empty() {
        writeln!(out, "    #[derive(Clone, Copy, Debug)]\n    pub struct {name};").expect("a string");
        writeln!(
            out,
            "    impl {name} {{\n        pub fn text(self, lang: Lang) -> String {{\n            crate::format(lang, {id:?}, None)\n        }}\n    }}"
        )
        .expect("a string");
        return;
    }
    let fields: Vec<(String, String)> =
        variables.iter().enumerate().map(|(i, v)| (v.replace('-', "_"), format!("A{i}"))).collect();
    let generics = fields.iter().map(|(_, g)| g.as_str()).collect::<Vec<_>>().join(", ");
    writeln!(out, "    #[derive(Clone, Copy, Debug)]\n    pub struct {name}<{generics}> {{")
        .expect("a string");
    for (field, generic) in &fields {
        writeln!(out, "        pub {field}: {generic},").expect("a string");
    }
    out.push_str("    }\n");
    let bounds =
        fields.iter().map(|(_, g)| format!("{g}: Into<FluentValue<'a>>")).collect::<Vec<_>>().join(", ");
    writeln!(out, "    impl<'a, {bounds}> {name}<{generics}> {{").expect("a string");
    out.push_str("        pub fn text(self, lang: Lang) -> String {\n");
    writeln!(out, "            let mut args = fluent_bundle::FluentArgs::with_capacity({});", fields.len())
        .expect("a string");
    for ((field, _), variable) in fields.iter().zip(&variables) {
        writeln!(out, "            args.set({variable:?}, self.{field}.into());").expect("a string");
    }
    writeln!(out, "            crate::format(lang, {id:?}, Some(&args))").expect("a string");
    out.push_str("        }\n    }\n");
}
