//! The password of a connection string that has none, from `~/.pgpass` (or
//! `PGPASSFILE`) as libpq finds it: the first line
//! `host:port:database:user:password` whose fields match, `*` matching
//! anything, `\:` and `\\` escaped; a file others may read is ignored.

use std::path::PathBuf;

use postgres::config::Host;

pub fn password_for(config: &postgres::Config) -> Option<String> {
    let path = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".pgpass")))?;
    if !private(&path) {
        return None;
    }
    let text = std::fs::read_to_string(path).ok()?;
    let host = match config.get_hosts().first() {
        Some(Host::Tcp(name)) => name.clone(),
        // libpq matches a Unix socket as `localhost`.
        _ => "localhost".to_string(),
    };
    let port = config.get_ports().first().copied().unwrap_or(5432).to_string();
    let user = config.get_user().map(str::to_string).or_else(|| std::env::var("USER").ok())?;
    let database = config.get_dbname().map_or_else(|| user.clone(), str::to_string);
    find(&text, [host.as_str(), port.as_str(), database.as_str(), user.as_str()])
}

/// Whether only its owner may read the file (libpq's own rule).
fn private(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).is_ok_and(|meta| meta.is_file() && meta.permissions().mode() & 0o077 == 0)
}

fn find(text: &str, wanted: [&str; 4]) -> Option<String> {
    for line in text.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()) {
        let fields = split(line);
        let [host, port, database, user, password] = &fields[..] else { continue };
        let matches = [host, port, database, user]
            .iter()
            .zip(wanted)
            .all(|(field, want)| *field == "*" || *field == want);
        if matches {
            return Some(password.clone());
        }
    }
    None
}

/// A line's fields, split at unescaped colons, escapes undone.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().unwrap().extend(chars.next()),
            ':' if fields.len() < 5 => fields.push(String::new()),
            c => fields.last_mut().unwrap().push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_matching_line_gives_the_password_and_escapes_are_undone() {
        let text = "# comment\ndb.example.com:5432:leadline:alice:first\n*:*:*:bob:p\\:w\\\\d\nlocalhost:*:*:*:local\n";
        assert_eq!(find(text, ["db.example.com", "5432", "leadline", "alice"]).as_deref(), Some("first"));
        assert_eq!(find(text, ["db.example.com", "5433", "leadline", "alice"]), None);
        assert_eq!(find(text, ["other", "5432", "x", "bob"]).as_deref(), Some("p:w\\d"));
        assert_eq!(find(text, ["localhost", "5432", "leadline", "carol"]).as_deref(), Some("local"));
    }
}
