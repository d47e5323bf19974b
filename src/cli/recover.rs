//! `recover`: the new store, what it was built from, and what could not be.

use crate::i18n::Text as _;
use std::path::Path;

use super::{Cli, CliResult, done, lang, load_config, say, store_dir, warn};
use crate::app::App;
use crate::clock;

pub(super) fn recover(cli: &Cli, to: &Path) -> CliResult<i32> {
    let (config, _, _) = load_config(cli)?;
    let from = store_dir(cli, &config)?;
    let (app, recovered) = App::recover(&from, to, clock::from_env()?, config)?;
    let lang = lang();
    for (path, reason) in &recovered.unreadable_backups {
        let args = [("path", path.display().to_string().into()), ("reason", reason.as_str().into())];
        warn(&lang.text_with("cli-recover-backup-unreadable", &args));
    }
    for line in &recovered.journal_unreadable {
        let args = [
            ("path", line.segment.display().to_string().into()),
            ("line", line.line.into()),
            ("reason", line.reason.as_str().into()),
        ];
        if line.torn_tail {
            say(&lang.text_with("cli-recover-torn-tail", &args));
        } else {
            warn(&lang.text_with("cli-recover-line-unreadable", &args));
        }
    }
    for refused in &recovered.replayed.refused {
        warn(&lang.text_with("cli-recover-refused", &[("what", refused.as_str().into())]));
    }
    if let Some((first, last)) = recovered.gap {
        warn(&lang.text_with("cli-recover-gap", &[("first", first.into()), ("last", last.into())]));
    }
    let base = match &recovered.base {
        Some(base) => lang.text_with(
            "cli-recover-base",
            &[
                ("path", base.path.display().to_string().into()),
                ("covers", base.covers.map_or_else(|| "-".to_string(), |c| c.to_string()).into()),
            ],
        ),
        None if recovered.unreadable_backups.is_empty() => lang.text("cli-recover-no-backup-yet"),
        None => lang.text("cli-recover-no-base"),
    };
    let args = [
        ("dir", to.display().to_string().into()),
        ("counts", recovered.counts.words(lang).into()),
        ("base", base.into()),
        ("changes", recovered.replayed.changes.into()),
        ("operations", recovered.replayed.operations.into()),
    ];
    done(&lang.text_with("cli-recovered", &args));
    std::mem::forget(app);
    Ok(if recovered.lost_any() { 1 } else { 0 })
}
