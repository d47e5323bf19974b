//! `recover`: the new store, what it was built from, and what could not be.

use crate::i18n::msg;
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
        let args =
            msg::CliRecoverBackupUnreadable { path: path.display().to_string(), reason: reason.as_str() };
        warn(&args.text(lang));
    }
    for line in &recovered.journal_unreadable {
        let (path, at) = (line.segment.display().to_string(), line.line);
        if line.torn_tail {
            say(&msg::CliRecoverTornTail { path, line: at }.text(lang));
        } else {
            warn(&msg::CliRecoverLineUnreadable { path, line: at, reason: line.reason.as_str() }.text(lang));
        }
    }
    for refused in &recovered.replayed.refused {
        warn(&msg::CliRecoverRefused { what: refused.as_str() }.text(lang));
    }
    if let Some((first, last)) = recovered.gap {
        warn(&msg::CliRecoverGap { first, last }.text(lang));
    }
    let base = match &recovered.base {
        Some(base) => msg::CliRecoverBase {
            path: base.path.display().to_string(),
            covers: base.covers.map_or_else(|| "-".to_string(), |c| c.to_string()),
        }
        .text(lang),
        None if recovered.unreadable_backups.is_empty() => msg::CliRecoverNoBackupYet.text(lang),
        None => msg::CliRecoverNoBase.text(lang),
    };
    let args = msg::CliRecovered {
        dir: to.display().to_string(),
        counts: recovered.counts.words(lang),
        base,
        changes: recovered.replayed.changes,
        operations: recovered.replayed.operations,
    };
    done(&args.text(lang));
    std::mem::forget(app);
    Ok(if recovered.lost_any() { 1 } else { 0 })
}
