//! The team's PostgreSQL database: `leadline sync init`, run once by
//! whoever administers it, creates the schema (or brings it up to date) and
//! makes roles reps and managers.

use leadline_sync::{Member, SyncError};

use super::{AppError, AppResult};
use crate::config::Config;
use crate::i18n::msg;

/// What `sync init` did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeamInit {
    /// The schema's version before (0: none) and now.
    pub was: i32,
    pub now: i32,
    pub reps: Vec<String>,
    pub managers: Vec<String>,
}

/// Creates or updates the team's database at `url` (else `[sync] url`) and
/// makes the roles named reps and managers.
pub fn init_team(
    config: &Config,
    url: Option<&str>,
    reps: &[String],
    managers: &[String],
) -> AppResult<TeamInit> {
    let lang = config.ui.lang();
    let url = url
        .or(config.sync.url.as_deref())
        .ok_or_else(|| AppError::Invalid(msg::ErrorSyncNoUrl.text(lang)))?;
    let failed = |error: SyncError| {
        let reason = sync_words(&error, lang);
        AppError::Conflict(msg::ErrorSyncServer { reason }.text(lang))
    };
    let mut client = leadline_sync::connect(url).map_err(failed)?;
    let was = leadline_sync::migrate(&mut client).map_err(failed)?;
    for (roles, member) in [(reps, Member::Rep), (managers, Member::Manager)] {
        for role in roles {
            leadline_sync::add_member(&mut client, role, member).map_err(failed)?;
        }
    }
    Ok(TeamInit { was, now: leadline_sync::SCHEMA_VERSION, reps: reps.to_vec(), managers: managers.to_vec() })
}

/// What went wrong with the server, in the rep's language (what the server
/// itself said stays as it said it).
pub(crate) fn sync_words(error: &SyncError, lang: crate::i18n::Lang) -> String {
    match error {
        SyncError::BadUrl { url, reason } => {
            msg::ErrorSyncBadUrl { url: url.as_str(), reason: reason.as_str() }.text(lang)
        }
        SyncError::BadRole(role) => msg::ErrorSyncBadRole { role: role.as_str() }.text(lang),
        SyncError::NewerSchema { found, known } => {
            msg::ErrorSyncNewerSchema { found: *found, known: *known }.text(lang)
        }
        SyncError::OlderSchema { found, known } => {
            msg::ErrorSyncOlderSchema { found: *found, known: *known }.text(lang)
        }
        SyncError::NoSchema => msg::ErrorSyncNoSchema.text(lang),
        SyncError::Malformed(reason) => msg::ErrorSyncMalformed { reason: reason.as_str() }.text(lang),
        SyncError::Tls(error) => msg::ErrorSyncTls { reason: error.to_string() }.text(lang),
        // What the server itself said ("permission denied for book …"),
        // not the driver's summary of it ("db error").
        SyncError::Server(error) => match error.as_db_error() {
            Some(db) => db.message().to_string(),
            None => {
                let cause =
                    std::error::Error::source(error).map(|cause| format!(": {cause}")).unwrap_or_default();
                format!("{error}{cause}")
            }
        },
    }
}
