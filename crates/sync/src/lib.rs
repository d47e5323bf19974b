//! Sync through PostgreSQL, the only code that knows the server: the
//! connection (TLS as the URL's `sslmode` says) and the team's database,
//! created and brought up to date by versioned migrations.
//!
//! Who may see what is PostgreSQL's to enforce, not the client's: every
//! table has row-level security. A rep's role (a member of `leadline_rep`)
//! reads and writes the rows of its own books; a manager's role (a member of
//! `leadline_manager`) reads every book and writes none.

mod pgpass;
mod server;

pub use server::{CHANGES_PER_PAGE, Incoming, MemoryServer, Outgoing, PgServer, Server};

use postgres::config::SslMode;
use postgres::{Client, NoTls};

/// What can go wrong talking to the server.
#[derive(Debug, thiserror::Error)]
pub enum SyncError {
    #[error("'{url}' is not a PostgreSQL connection string: {reason}")]
    BadUrl { url: String, reason: String },
    #[error("cannot set up TLS: {0}")]
    Tls(#[from] native_tls::Error),
    #[error("{0}")]
    Server(#[from] postgres::Error),
    #[error("'{0}' is not a role name: use letters, digits and underscores, starting with a letter")]
    BadRole(String),
    #[error(
        "the server's Leadline schema is version {found}, newer than this Leadline's {known}: update Leadline"
    )]
    NewerSchema { found: i32, known: i32 },
    #[error("the server's Leadline schema is version {found}, older than this Leadline's {known}")]
    OlderSchema { found: i32, known: i32 },
    #[error("the database has no Leadline schema yet")]
    NoSchema,
    #[error("the server sent a change that cannot be read: {0}")]
    Malformed(String),
}

impl SyncError {
    /// The server could not be reached (no network, the host down): the
    /// device is offline, which is no fault of the settings.
    pub fn is_unreachable(&self) -> bool {
        match self {
            SyncError::Server(error) => error.as_db_error().is_none(),
            _ => false,
        }
    }
}

/// Connects as the URL says (`postgres://rep@host/db?sslmode=require`, or
/// `host=/run/postgresql dbname=leadline`): without TLS when `sslmode` is
/// `disable`, else with the system's certificates (`prefer`, the default,
/// falls back to plain when the server offers no TLS; `require` does not).
pub fn connect(url: &str) -> Result<Client, SyncError> {
    let mut config: postgres::Config = url
        .parse()
        .map_err(|e: postgres::Error| SyncError::BadUrl { url: url.to_string(), reason: e.to_string() })?;
    // A server out of reach is said within seconds, not minutes: every
    // command works offline, and sync says so and returns.
    if config.get_connect_timeout().is_none() {
        config.connect_timeout(std::time::Duration::from_secs(5));
    }
    // Never in the settings: as libpq, from PGPASSWORD, else ~/.pgpass.
    if config.get_password().is_none() {
        let from_env = std::env::var("PGPASSWORD").ok().filter(|p| !p.is_empty());
        if let Some(password) = from_env.or_else(|| pgpass::password_for(&config)) {
            config.password(password);
        }
    }
    match config.get_ssl_mode() {
        SslMode::Disable => Ok(config.connect(NoTls)?),
        _ => {
            let connector = native_tls::TlsConnector::new()?;
            Ok(config.connect(postgres_native_tls::MakeTlsConnector::new(connector))?)
        }
    }
}

/// The migrations, in order: the schema is at version N when the first N
/// have run. Each runs once, in a transaction of its own.
const MIGRATIONS: &[&str] = &[
    // 1: books, their changes in the server's one order, the roles and who
    // may see what.
    r#"
    CREATE TABLE leadline.books (
        name text PRIMARY KEY,
        owner name NOT NULL DEFAULT current_user,
        created_at timestamptz NOT NULL DEFAULT now()
    );
    CREATE TABLE leadline.changes (
        version bigserial PRIMARY KEY,
        book text NOT NULL REFERENCES leadline.books (name),
        device text NOT NULL,
        pushed_at timestamptz NOT NULL DEFAULT now(),
        operations jsonb NOT NULL
    );
    CREATE INDEX changes_of_a_book ON leadline.changes (book, version);

    DO $$ BEGIN CREATE ROLE leadline_rep NOLOGIN;
    EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE leadline_manager NOLOGIN;
    EXCEPTION WHEN duplicate_object THEN NULL; END $$;

    GRANT USAGE ON SCHEMA leadline TO leadline_rep, leadline_manager;
    GRANT SELECT ON leadline.schema_version TO leadline_rep, leadline_manager;
    GRANT SELECT, INSERT ON leadline.books, leadline.changes TO leadline_rep;
    GRANT USAGE ON SEQUENCE leadline.changes_version_seq TO leadline_rep;
    GRANT SELECT ON leadline.books, leadline.changes TO leadline_manager;

    ALTER TABLE leadline.books ENABLE ROW LEVEL SECURITY;
    ALTER TABLE leadline.changes ENABLE ROW LEVEL SECURITY;
    CREATE POLICY reps_own_books ON leadline.books TO leadline_rep
        USING (owner = current_user) WITH CHECK (owner = current_user);
    CREATE POLICY reps_own_changes ON leadline.changes TO leadline_rep
        USING (book IN (SELECT name FROM leadline.books WHERE owner = current_user))
        WITH CHECK (book IN (SELECT name FROM leadline.books WHERE owner = current_user));
    CREATE POLICY managers_read_books ON leadline.books FOR SELECT TO leadline_manager USING (true);
    CREATE POLICY managers_read_changes ON leadline.changes FOR SELECT TO leadline_manager USING (true);

    -- How a client reads a book's changes: a book that is not the caller's
    -- (nor a manager's to read) is refused with a permission error, where
    -- the table, through its policies, would just show nothing.
    CREATE FUNCTION leadline.changes_of(book_name text, since bigint)
    RETURNS SETOF leadline.changes
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = leadline, pg_temp AS $$
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM leadline.books WHERE name = book_name) THEN
            RAISE EXCEPTION 'no book %', book_name USING ERRCODE = 'no_data_found';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM leadline.books WHERE name = book_name AND owner = session_user)
           AND NOT pg_has_role(session_user, 'leadline_manager', 'MEMBER') THEN
            RAISE EXCEPTION 'permission denied for book %', book_name USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN QUERY SELECT * FROM leadline.changes WHERE book = book_name AND version > since ORDER BY version;
    END $$;
    REVOKE ALL ON FUNCTION leadline.changes_of(text, bigint) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION leadline.changes_of(text, bigint) TO leadline_rep, leadline_manager;
    "#,
    // 2: where a change came from (the device's store, its change number
    // and part there), so that a change sent again after a cut-off sync is
    // taken once; and what it was, in words. `changes_of` returns the
    // table's rows, new columns included.
    r#"
    ALTER TABLE leadline.changes
        ADD COLUMN origin uuid,
        ADD COLUMN seq bigint NOT NULL DEFAULT 0,
        ADD COLUMN part integer NOT NULL DEFAULT 0,
        ADD COLUMN summary text NOT NULL DEFAULT '';
    CREATE UNIQUE INDEX changes_taken_once ON leadline.changes (book, origin, seq, part);
    "#,
    // 3: handing an account over to a colleague. A rep cannot write into
    // another's book; this function does it for them, only from a book of
    // the caller's own and only into a rep's, and says which book it was.
    r#"
    CREATE FUNCTION leadline.hand_over(from_book text, to_rep name, from_device text, from_origin uuid,
                                       change_seq bigint, change_summary text, change_operations jsonb)
    RETURNS text
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = leadline, pg_temp AS $$
    DECLARE
        target text;
    BEGIN
        IF NOT EXISTS (SELECT 1 FROM leadline.books b WHERE b.name = from_book AND b.owner = session_user) THEN
            RAISE EXCEPTION 'permission denied for book %', from_book USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = to_rep)
           OR NOT pg_has_role(to_rep, 'leadline_rep', 'MEMBER') THEN
            RAISE EXCEPTION '% is not a rep of the team', to_rep USING ERRCODE = 'insufficient_privilege';
        END IF;
        SELECT b.name INTO target FROM leadline.books b WHERE b.owner = to_rep
            ORDER BY (b.name = to_rep::text) DESC, b.created_at LIMIT 1;
        IF target IS NULL THEN
            RAISE EXCEPTION '% has no book yet: they sync once first', to_rep USING ERRCODE = 'no_data_found';
        END IF;
        INSERT INTO leadline.changes AS c (book, device, origin, seq, part, summary, operations)
            VALUES (target, from_device, from_origin, change_seq, 0, change_summary, change_operations)
            ON CONFLICT (book, origin, seq, part) DO NOTHING;
        RETURN target;
    END $$;
    REVOKE ALL ON FUNCTION leadline.hand_over(text, name, text, uuid, bigint, text, jsonb) FROM PUBLIC;
    GRANT EXECUTE ON FUNCTION leadline.hand_over(text, name, text, uuid, bigint, text, jsonb) TO leadline_rep;
    "#,
];

/// The schema version this Leadline writes and reads.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

/// Brings the team's database to [`SCHEMA_VERSION`], running the
/// migrations it lacks; says which version it was at (0: none).
pub fn migrate(client: &mut Client) -> Result<i32, SyncError> {
    client.batch_execute(
        "CREATE SCHEMA IF NOT EXISTS leadline;
         CREATE TABLE IF NOT EXISTS leadline.schema_version (version integer NOT NULL);",
    )?;
    let found: i32 =
        client.query_opt("SELECT version FROM leadline.schema_version", &[])?.map_or(0, |row| row.get(0));
    if found > SCHEMA_VERSION {
        return Err(SyncError::NewerSchema { found, known: SCHEMA_VERSION });
    }
    for (at, migration) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let mut txn = client.transaction()?;
        txn.batch_execute(migration)?;
        txn.execute("DELETE FROM leadline.schema_version", &[])?;
        txn.execute("INSERT INTO leadline.schema_version VALUES ($1)", &[&(at as i32 + 1)])?;
        txn.commit()?;
    }
    Ok(found)
}

/// Who a role is on the team.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Member {
    /// Reads and writes its own books.
    Rep,
    /// Reads every book, writes none.
    Manager,
}

/// Makes `role` a member of the team (a login role, created when missing,
/// with no password: the administrator sets one, or the server trusts the
/// connection, as `pg_hba.conf` says).
pub fn add_member(client: &mut Client, role: &str, member: Member) -> Result<(), SyncError> {
    let valid = role.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && role.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && role.len() <= 63;
    if !valid {
        return Err(SyncError::BadRole(role.to_string()));
    }
    let group = match member {
        Member::Rep => "leadline_rep",
        Member::Manager => "leadline_manager",
    };
    // A role name cannot be a query parameter; it was checked above to be
    // a plain identifier, and is quoted as one.
    let exists = client.query_opt("SELECT 1 FROM pg_roles WHERE rolname = $1", &[&role])?.is_some();
    if !exists {
        client.batch_execute(&format!("CREATE ROLE \"{role}\" LOGIN"))?;
    }
    client.batch_execute(&format!("GRANT {group} TO \"{role}\""))?;
    Ok(())
}
