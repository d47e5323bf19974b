//! The server as a device sees it: a book's changes in one order (the
//! `version` the server gives each), sent and read in batches. The team's
//! PostgreSQL is one; [`MemoryServer`] is another, in memory, for tests and
//! simulations of many devices.

use std::sync::{Arc, Mutex};

use serde_json::Value;

use super::SyncError;

/// A change a device sends: its number in the device's history and its
/// part (a big change goes in parts), what it was, and its operations.
#[derive(Clone, Debug, PartialEq)]
pub struct Outgoing {
    pub seq: i64,
    pub part: i32,
    pub summary: String,
    pub operations: Value,
}

/// A change read from the server, in its order.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub version: i64,
    pub device: String,
    pub summary: String,
    pub operations: Value,
}

/// Where a book's changes are kept and ordered.
pub trait Server {
    /// Who the server knows the device as (a rep's book is named after it
    /// unless the settings say otherwise).
    fn user(&mut self) -> Result<String, SyncError>;
    /// Makes sure the book is there (a rep's first sync creates it).
    fn open_book(&mut self, book: &str) -> Result<(), SyncError>;
    /// The newest change (number, part) the server holds from `origin`.
    fn newest_from(&mut self, book: &str, origin: &str) -> Result<Option<(i64, i32)>, SyncError>;
    /// Adds changes, all or none; one the server already holds from that
    /// origin is taken once.
    fn push(&mut self, book: &str, device: &str, origin: &str, changes: &[Outgoing])
    -> Result<(), SyncError>;
    /// The changes after `since`, but those from `origin`, in order: as
    /// many as hold fewer than `max_ops` operations before the last (at
    /// least one, at most [`CHANGES_PER_PAGE`]).
    fn pull(
        &mut self,
        book: &str,
        origin: &str,
        since: i64,
        max_ops: i64,
    ) -> Result<Vec<Incoming>, SyncError>;
}

/// Changes read at most at once.
pub const CHANGES_PER_PAGE: i64 = 500;

/// The team's PostgreSQL database.
pub struct PgServer {
    client: postgres::Client,
}

impl PgServer {
    /// Connects as [`super::connect`] does and checks the schema is the one
    /// this Leadline speaks.
    pub fn connect(url: &str) -> Result<PgServer, SyncError> {
        let mut client = super::connect(url)?;
        let found: Option<i32> = client
            .query_opt("SELECT version FROM leadline.schema_version", &[])
            .map_err(|error| match error.code() {
                Some(&postgres::error::SqlState::UNDEFINED_TABLE)
                | Some(&postgres::error::SqlState::INVALID_SCHEMA_NAME) => SyncError::NoSchema,
                _ => SyncError::Server(error),
            })?
            .map(|row| row.get(0));
        match found {
            Some(found) if found == super::SCHEMA_VERSION => Ok(PgServer { client }),
            Some(found) if found > super::SCHEMA_VERSION => {
                Err(SyncError::NewerSchema { found, known: super::SCHEMA_VERSION })
            }
            Some(found) => Err(SyncError::OlderSchema { found, known: super::SCHEMA_VERSION }),
            None => Err(SyncError::NoSchema),
        }
    }
}

impl PgServer {
    /// Every book the role may read, with its owner (a manager: all).
    pub fn books(&mut self) -> Result<Vec<(String, String)>, SyncError> {
        let rows = self.client.query("SELECT name, owner::text FROM leadline.books ORDER BY name", &[])?;
        Ok(rows.into_iter().map(|row| (row.get(0), row.get(1))).collect())
    }

    /// Puts a change into a colleague's book (their oldest, or the one
    /// named after them); says which.
    pub fn hand_over(
        &mut self,
        from_book: &str,
        to_rep: &str,
        device: &str,
        origin: &str,
        change: &Outgoing,
    ) -> Result<String, SyncError> {
        let operations = change.operations.to_string();
        let row = self.client.query_one(
            "SELECT leadline.hand_over($1, $2::text::name, $3, $4::text::uuid, $5, $6, $7::text::jsonb)",
            &[&from_book, &to_rep, &device, &origin, &change.seq, &change.summary, &operations],
        )?;
        Ok(row.get(0))
    }
}

impl Server for PgServer {
    fn user(&mut self) -> Result<String, SyncError> {
        Ok(self.client.query_one("SELECT current_user::text", &[])?.get(0))
    }

    fn open_book(&mut self, book: &str) -> Result<(), SyncError> {
        self.client
            .execute("INSERT INTO leadline.books (name) VALUES ($1) ON CONFLICT DO NOTHING", &[&book])?;
        Ok(())
    }

    fn newest_from(&mut self, book: &str, origin: &str) -> Result<Option<(i64, i32)>, SyncError> {
        let row = self.client.query_opt(
            "SELECT seq, part FROM leadline.changes WHERE book = $1 AND origin = $2::text::uuid
             ORDER BY seq DESC, part DESC LIMIT 1",
            &[&book, &origin],
        )?;
        Ok(row.map(|row| (row.get(0), row.get(1))))
    }

    fn push(
        &mut self,
        book: &str,
        device: &str,
        origin: &str,
        changes: &[Outgoing],
    ) -> Result<(), SyncError> {
        let mut txn = self.client.transaction()?;
        let insert = txn.prepare(
            "INSERT INTO leadline.changes (book, device, origin, seq, part, summary, operations)
             VALUES ($1, $2, $3::text::uuid, $4, $5, $6, $7::text::jsonb)
             ON CONFLICT (book, origin, seq, part) DO NOTHING",
        )?;
        for change in changes {
            let operations = change.operations.to_string();
            txn.execute(
                &insert,
                &[&book, &device, &origin, &change.seq, &change.part, &change.summary, &operations],
            )?;
        }
        txn.commit()?;
        Ok(())
    }

    fn pull(
        &mut self,
        book: &str,
        origin: &str,
        since: i64,
        max_ops: i64,
    ) -> Result<Vec<Incoming>, SyncError> {
        let rows = self.client.query(
            "SELECT version, device, summary, operations::text FROM (
                 SELECT version, device, summary, operations,
                        jsonb_array_length(operations) AS size,
                        sum(jsonb_array_length(operations)) OVER (ORDER BY version) AS running
                 FROM leadline.changes_of($1, $2) WHERE origin IS DISTINCT FROM $3::text::uuid
             ) page
             WHERE running - size < $4 ORDER BY version LIMIT $5",
            &[&book, &since, &origin, &max_ops, &CHANGES_PER_PAGE],
        )?;
        rows.into_iter()
            .map(|row| {
                let text: String = row.get(3);
                Ok(Incoming {
                    version: row.get(0),
                    device: row.get(1),
                    summary: row.get(2),
                    operations: serde_json::from_str(&text)
                        .map_err(|e| SyncError::Malformed(e.to_string()))?,
                })
            })
            .collect()
    }
}

/// A server in memory that any number of devices share (clone the handle).
#[derive(Clone, Default)]
pub struct MemoryServer {
    changes: Arc<Mutex<Vec<Stored>>>,
}

struct Stored {
    book: String,
    device: String,
    origin: String,
    change: Outgoing,
}

impl MemoryServer {
    pub fn new() -> MemoryServer {
        MemoryServer::default()
    }

    /// Every change it holds: the device it came from and its operations.
    pub fn changes(&self) -> Vec<(String, Value)> {
        let held = self.changes.lock().unwrap_or_else(|p| p.into_inner());
        held.iter().map(|s| (s.device.clone(), s.change.operations.clone())).collect()
    }
}

impl Server for MemoryServer {
    fn user(&mut self) -> Result<String, SyncError> {
        Ok("rep".to_string())
    }

    fn open_book(&mut self, _book: &str) -> Result<(), SyncError> {
        Ok(())
    }

    fn newest_from(&mut self, book: &str, origin: &str) -> Result<Option<(i64, i32)>, SyncError> {
        let changes = self.changes.lock().unwrap_or_else(|p| p.into_inner());
        Ok(changes
            .iter()
            .filter(|s| s.book == book && s.origin == origin)
            .map(|s| (s.change.seq, s.change.part))
            .max())
    }

    fn push(
        &mut self,
        book: &str,
        device: &str,
        origin: &str,
        changes: &[Outgoing],
    ) -> Result<(), SyncError> {
        let mut held = self.changes.lock().unwrap_or_else(|p| p.into_inner());
        for change in changes {
            let taken = held.iter().any(|s| {
                s.book == book
                    && s.origin == origin
                    && (s.change.seq, s.change.part) == (change.seq, change.part)
            });
            if !taken {
                held.push(Stored {
                    book: book.to_string(),
                    device: device.to_string(),
                    origin: origin.to_string(),
                    change: change.clone(),
                });
            }
        }
        Ok(())
    }

    fn pull(
        &mut self,
        book: &str,
        origin: &str,
        since: i64,
        max_ops: i64,
    ) -> Result<Vec<Incoming>, SyncError> {
        let held = self.changes.lock().unwrap_or_else(|p| p.into_inner());
        let mut running = 0;
        Ok(held
            .iter()
            .enumerate()
            .map(|(index, stored)| (index as i64 + 1, stored))
            .filter(|(version, s)| *version > since && s.book == book && s.origin != origin)
            .take_while(|(_, s)| {
                let before = running;
                running += s.change.operations.as_array().map_or(0, Vec::len) as i64;
                before < max_ops
            })
            .take(CHANGES_PER_PAGE as usize)
            .map(|(version, s)| Incoming {
                version,
                device: s.device.clone(),
                summary: s.change.summary.clone(),
                operations: s.change.operations.clone(),
            })
            .collect())
    }
}
