//! The SQLite database: opening it safely, migrating it, and every SQL statement of the app.
//! Nothing outside this module sees a connection.

mod assessment_queries;
mod exchange_queries;
mod programme_queries;
mod queries;
mod quiz_queries;
mod report_queries;
mod workshop_queries;
mod xapi_queries;

pub(crate) use assessment_queries::StoredResult;
pub(crate) use exchange_queries::{ImportLogRow, MergeFault, Merged, Order};
pub(crate) use programme_queries::{StoredEndorsement, StoredProgramme};
pub(crate) use queries::ProfileField;
pub(crate) use workshop_queries::{StoredCertificate, StoredIssuer};

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Params, Row};

use crate::error::{CoreError, Result};

/// Numbered migrations, applied in order. A shipped migration is never edited: add a new one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_quizzes.sql"),
    include_str!("migrations/0003_assessments.sql"),
    include_str!("migrations/0004_workshops.sql"),
    include_str!("migrations/0005_exchange.sql"),
    include_str!("migrations/0006_people.sql"),
    include_str!("migrations/0007_programmes.sql"),
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) struct Db {
    conn: Connection,
    path: PathBuf,
}

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

impl Db {
    /// Opens (creating if absent) the database at `path` and brings its schema up to date.
    ///
    /// A file that is not a database, is damaged, is from a newer app, or cannot be written is
    /// reported and left exactly as it was.
    pub(crate) fn open(path: &Path) -> Result<Db> {
        let unavailable = |detail: String| CoreError::DatabaseUnavailable {
            path: path.to_path_buf(),
            detail,
        };
        let exists = path.exists();
        if exists {
            check_header(path)?;
        } else if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| classify_io(path, e))?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX
            | if exists {
                OpenFlags::empty()
            } else {
                OpenFlags::SQLITE_OPEN_CREATE
            };
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, e))?;
        let db = Db {
            conn,
            path: path.to_path_buf(),
        };
        db.conn
            .busy_timeout(std::time::Duration::from_secs(5))
            .map_err(|e| unavailable(e.to_string()))?;
        // Room for every statement the app repeats (a merge alone uses two per table), so none
        // is prepared again and again.
        db.conn.set_prepared_statement_cache_capacity(128);
        // Reading the schema is the first thing that touches a damaged file.
        let version: i64 = db
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .map_err(|e| db.classify(e))?;
        db.conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| {
                r.get::<_, i64>(0)
            })
            .map_err(|e| db.classify(e))?;
        if version > SCHEMA_VERSION {
            return Err(CoreError::DatabaseTooNew {
                path: path.to_path_buf(),
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if exists {
            let ok: String = db
                .conn
                .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
                .map_err(|e| db.classify(e))?;
            if ok != "ok" {
                return Err(CoreError::DatabaseCorrupt {
                    path: path.to_path_buf(),
                    detail: ok,
                });
            }
        }
        db.conn
            .pragma_update(None, "foreign_keys", "ON")
            .map_err(|e| db.classify(e))?;
        let mode: String = db
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| db.classify(e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(unavailable(format!("could not switch to WAL (got {mode})")));
        }
        db.conn
            .pragma_update(None, "synchronous", "FULL")
            .map_err(|e| db.classify(e))?;
        db.migrate(version)?;
        Ok(db)
    }

    /// Applies every pending migration in one transaction: the schema moves from `from` to
    /// the newest version whole or not at all, with one sync to disk.
    fn migrate(&self, from: i64) -> Result<()> {
        if from >= SCHEMA_VERSION {
            return Ok(());
        }
        self.in_transaction(|| {
            for sql in MIGRATIONS.iter().skip(from as usize) {
                self.conn.execute_batch(sql).map_err(|e| self.classify(e))?;
            }
            self.conn
                .pragma_update(None, "user_version", SCHEMA_VERSION)
                .map_err(|e| self.classify(e))
        })
    }

    /// Runs `f` in one transaction: every write it makes lands together (one sync to disk
    /// instead of one per statement), or none does if it fails. Inside another transaction it
    /// is a savepoint of that one: its writes are undone alone if it fails, and reach the disk
    /// when the outermost transaction commits.
    pub(crate) fn in_transaction<T>(&self, f: impl FnOnce() -> Result<T>) -> Result<T> {
        self.in_transaction_if(true, f)
    }

    /// [`Db::in_transaction`], kept only if `commit` is true: a dry run sees exactly what the
    /// real run would do, and leaves nothing behind. Nests the same way.
    pub(crate) fn in_transaction_if<T>(
        &self,
        commit: bool,
        f: impl FnOnce() -> Result<T>,
    ) -> Result<T> {
        if !self.conn.is_autocommit() {
            return self.in_savepoint(commit, f);
        }
        let tx = self
            .conn
            .unchecked_transaction()
            .map_err(|e| self.classify(e))?;
        let value = f()?;
        if commit {
            tx.commit().map_err(|e| self.classify(e))?;
        } else {
            tx.rollback().map_err(|e| self.classify(e))?;
        }
        Ok(value)
    }

    /// `f` under a savepoint of the open transaction (rusqlite's own savepoints need the
    /// connection mutably). On failure, a panic, or when not to `keep`, its writes are rolled
    /// back.
    fn in_savepoint<T>(&self, keep: bool, f: impl FnOnce() -> Result<T>) -> Result<T> {
        struct Savepoint<'a> {
            conn: &'a Connection,
            done: bool,
        }
        impl Drop for Savepoint<'_> {
            fn drop(&mut self) {
                if !self.done {
                    // Nothing more can be done about a failing rollback here; the outer
                    // transaction then fails or rolls back as a whole.
                    let _ = self
                        .conn
                        .execute_batch("ROLLBACK TO sdr_nested; RELEASE sdr_nested");
                }
            }
        }
        self.conn
            .execute_batch("SAVEPOINT sdr_nested")
            .map_err(|e| self.classify(e))?;
        let mut sp = Savepoint {
            conn: &self.conn,
            done: false,
        };
        let value = f()?;
        if keep {
            self.conn
                .execute_batch("RELEASE sdr_nested")
                .map_err(|e| self.classify(e))?;
            sp.done = true;
        }
        Ok(value)
    }

    /// Runs `f`, a series of large transactions (an import of many files), letting the
    /// write-ahead log grow to 64 MiB before its pages are copied into the database, instead of
    /// the usual 4 MiB: each transaction of an import touches pages all over the indexes, and
    /// copying them after every file costs more than the import itself. When `f` says it
    /// stored something, the log is copied back and emptied at the end; when it stored
    /// nothing (a dry run, every file refused), the database file is left byte for byte as it
    /// was.
    pub(crate) fn in_bulk<T>(&self, f: impl FnOnce() -> (T, bool)) -> T {
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 16_384);
        let (value, stored) = f();
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 1_000);
        if stored {
            let _ = self.conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)");
        }
        value
    }

    /// Lets the database grow by at most `pages` more pages: SQLite then answers "disk full",
    /// as a full disk would. For tests of what a full disk does.
    #[cfg(test)]
    pub(crate) fn fill_disk_after(&self, pages: i64) {
        let used: i64 = self
            .conn
            .query_row("PRAGMA page_count", [], |r| r.get(0))
            .expect("page count");
        self.conn
            .pragma_update(None, "max_page_count", used + pages)
            .expect("max_page_count");
    }

    /// Turns a SQLite error into the error the user needs to see.
    pub(crate) fn classify(&self, e: rusqlite::Error) -> CoreError {
        classify(&self.path, e)
    }

    /// Runs SQL work on the connection: the one place a SQLite error of a query becomes the
    /// user's error ([`classify`]). The helpers below cover the common shapes.
    pub(crate) fn sql<T>(
        &self,
        work: impl FnOnce(&Connection) -> rusqlite::Result<T>,
    ) -> Result<T> {
        work(&self.conn).map_err(|e| self.classify(e))
    }

    /// Executes one statement (cached); the number of rows changed.
    pub(crate) fn exec(&self, sql: &str, params: impl Params) -> Result<usize> {
        self.sql(|c| c.prepare_cached(sql)?.execute(params))
    }

    /// The first row of a query, mapped, or `None`.
    pub(crate) fn row<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnOnce(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Option<T>> {
        self.sql(|c| c.prepare_cached(sql)?.query_row(params, map).optional())
    }

    /// Calls `f` on every row of a query, in order, without collecting them first.
    pub(crate) fn each(
        &self,
        sql: &str,
        params: impl Params,
        mut f: impl FnMut(&Row<'_>) -> rusqlite::Result<()>,
    ) -> Result<()> {
        self.sql(|c| {
            let mut statement = c.prepare_cached(sql)?;
            let mut rows = statement.query(params)?;
            while let Some(row) = rows.next()? {
                f(row)?;
            }
            Ok(())
        })
    }

    /// Every row of a query, mapped.
    pub(crate) fn rows<T>(
        &self,
        sql: &str,
        params: impl Params,
        map: impl FnMut(&Row<'_>) -> rusqlite::Result<T>,
    ) -> Result<Vec<T>> {
        self.sql(|c| c.prepare_cached(sql)?.query_map(params, map)?.collect())
    }
}

/// The tables of learner records, and their columns a seed fixes (a certificate's payload
/// is signed with the installation's random key, so it is left out).
#[cfg(test)]
const LEARNER_TABLES: &[(&str, &str)] = &[
    ("profiles", "*"),
    ("enrolments", "*"),
    ("progress_events", "*"),
    ("quiz_attempts", "*"),
    ("quiz_answers", "*"),
    ("quiz_results", "*"),
    ("assessments", "*"),
    ("assessment_answers", "*"),
    ("assessment_results", "*"),
    ("certificates", "id, profile_id, workshop_id, issued_at_ms"),
];

#[cfg(test)]
impl Db {
    /// Every learner record, table by table in the order written, each row as text: for tests
    /// that compare two databases.
    pub(crate) fn learner_records(&self) -> Vec<(&'static str, Vec<String>)> {
        LEARNER_TABLES
            .iter()
            .map(|(table, columns)| {
                let rows = self
                    .sql(|c| {
                        let mut st =
                            c.prepare(&format!("SELECT {columns} FROM {table} ORDER BY rowid"))?;
                        let n = st.column_count();
                        st.query_map([], |r| {
                            (0..n)
                                .map(|i| {
                                    use rusqlite::types::ValueRef;
                                    Ok(match r.get_ref(i)? {
                                        ValueRef::Null => "NULL".to_string(),
                                        ValueRef::Integer(n) => n.to_string(),
                                        ValueRef::Real(x) => x.to_string(),
                                        ValueRef::Text(t) => String::from_utf8_lossy(t).into(),
                                        ValueRef::Blob(b) => format!("{b:02x?}"),
                                    })
                                })
                                .collect::<rusqlite::Result<Vec<_>>>()
                                .map(|cells| cells.join("|"))
                        })?
                        .collect()
                    })
                    .expect("learner records read");
                (*table, rows)
            })
            .collect()
    }
}

fn classify(path: &Path, e: rusqlite::Error) -> CoreError {
    let detail = e.to_string();
    let path = path.to_path_buf();
    match e.sqlite_error_code() {
        Some(rusqlite::ErrorCode::NotADatabase) | Some(rusqlite::ErrorCode::DatabaseCorrupt) => {
            CoreError::DatabaseCorrupt { path, detail }
        }
        Some(rusqlite::ErrorCode::ReadOnly) | Some(rusqlite::ErrorCode::PermissionDenied) => {
            CoreError::DatabaseReadOnly { path, detail }
        }
        Some(rusqlite::ErrorCode::CannotOpen)
        | Some(rusqlite::ErrorCode::DiskFull)
        | Some(rusqlite::ErrorCode::SystemIoFailure)
        | Some(rusqlite::ErrorCode::DatabaseBusy)
        | Some(rusqlite::ErrorCode::DatabaseLocked) => {
            CoreError::DatabaseUnavailable { path, detail }
        }
        _ => CoreError::Sql(e),
    }
}

fn classify_io(path: &Path, e: std::io::Error) -> CoreError {
    let path = path.to_path_buf();
    let detail = e.to_string();
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            CoreError::DatabaseReadOnly { path, detail }
        }
        _ => CoreError::DatabaseUnavailable { path, detail },
    }
}

/// Refuses a file that does not start like a SQLite database, before SQLite touches it.
fn check_header(path: &Path) -> Result<()> {
    use std::io::Read;
    let mut file = std::fs::File::open(path).map_err(|e| classify_io(path, e))?;
    let mut header = [0u8; 16];
    let mut read = 0;
    while read < header.len() {
        match file.read(&mut header[read..]) {
            Ok(0) => break,
            Ok(n) => read += n,
            Err(e) => return Err(classify_io(path, e)),
        }
    }
    // An empty file is what SQLite itself leaves after a failed first open; it holds nothing.
    if read == 0 {
        return Ok(());
    }
    if read < header.len() || &header != SQLITE_HEADER {
        return Err(CoreError::DatabaseCorrupt {
            path: path.to_path_buf(),
            detail: "the file does not start with the SQLite header".into(),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp() -> tempfile::TempDir {
        tempfile::tempdir().unwrap()
    }

    #[test]
    fn a_new_database_gets_the_latest_schema_and_pragmas() {
        let dir = tmp();
        let path = dir.path().join("nested/progress.db");
        let db = Db::open(&path).unwrap();
        let v: i64 = db
            .conn
            .query_row("PRAGMA user_version", [], |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
        let fk: i64 = db
            .conn
            .query_row("PRAGMA foreign_keys", [], |r| r.get(0))
            .unwrap();
        assert_eq!(fk, 1);
        let sync: i64 = db
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .unwrap();
        assert_eq!(sync, 2, "FULL");
        let mode: String = db
            .conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "wal");
        drop(db);
        // Opening again is a no-op migration.
        Db::open(&path).unwrap();
    }

    #[test]
    fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
        let dir = tmp();
        let path = dir.path().join("progress.db");
        let junk = b"these are somebody's notes, not a database\n".repeat(100);
        std::fs::write(&path, &junk).unwrap();
        let err = Db::open(&path).err().unwrap();
        assert!(matches!(err, CoreError::DatabaseCorrupt { .. }), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), junk);
        assert!(!dir.path().join("progress.db-wal").exists());
    }

    #[test]
    fn a_damaged_database_is_refused_and_left_untouched() {
        let dir = tmp();
        let path = dir.path().join("progress.db");
        {
            let db = Db::open(&path).unwrap();
            db.conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
                .unwrap();
        }
        let mut bytes = std::fs::read(&path).unwrap();
        // Keep the header, scramble the schema page.
        for b in bytes.iter_mut().skip(100).take(3000) {
            *b = 0xA5;
        }
        std::fs::write(&path, &bytes).unwrap();
        let err = Db::open(&path).err().unwrap();
        assert_eq!(err.code(), crate::ErrorCode::DatabaseCorrupt, "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused_and_left_untouched() {
        let dir = tmp();
        let path = dir.path().join("progress.db");
        {
            let db = Db::open(&path).unwrap();
            db.conn
                .execute_batch("PRAGMA user_version = 99; PRAGMA wal_checkpoint(TRUNCATE);")
                .unwrap();
        }
        let before = std::fs::read(&path).unwrap();
        let err = Db::open(&path).err().unwrap();
        assert!(
            matches!(err, CoreError::DatabaseTooNew { found: 99, .. }),
            "{err}"
        );
        assert_eq!(std::fs::read(&path).unwrap(), before);
    }

    fn count(db: &Db) -> i64 {
        db.conn
            .query_row("SELECT count(*) FROM settings", [], |r| r.get(0))
            .unwrap()
    }

    #[test]
    fn transactions_nest_and_an_inner_failure_undoes_only_its_own_writes() {
        let dir = tmp();
        let db = Db::open(&dir.path().join("progress.db")).unwrap();
        db.in_transaction(|| {
            db.set_setting("outer", "1")?;
            db.in_transaction(|| db.set_setting("inner", "1"))?;
            let failed: Result<()> = db.in_transaction(|| {
                db.set_setting("doomed", "1")?;
                Err(CoreError::InvalidInput("no".into()))
            });
            assert!(failed.is_err());
            assert!(
                !db.conn.is_autocommit(),
                "the outer transaction is still open"
            );
            Ok(())
        })
        .unwrap();
        assert!(db.conn.is_autocommit());
        assert_eq!(db.setting("outer").unwrap().as_deref(), Some("1"));
        assert_eq!(db.setting("inner").unwrap().as_deref(), Some("1"));
        assert_eq!(db.setting("doomed").unwrap(), None);
        assert_eq!(count(&db), 2);
    }

    #[test]
    fn an_outer_failure_undoes_the_inner_writes_too() {
        let dir = tmp();
        let db = Db::open(&dir.path().join("progress.db")).unwrap();
        let failed: Result<()> = db.in_transaction(|| {
            db.in_transaction(|| db.set_setting("inner", "1"))?;
            Err(CoreError::InvalidInput("no".into()))
        });
        assert!(failed.is_err());
        assert!(db.conn.is_autocommit());
        assert_eq!(count(&db), 0);
    }

    #[test]
    fn a_version_4_database_keeps_its_details_and_certificates_through_the_exchange_migration() {
        let dir = tmp();
        let path = dir.path().join("sdr.db");
        {
            let conn = Connection::open(&path).unwrap();
            for sql in &MIGRATIONS[..4] {
                conn.execute_batch(sql).unwrap();
            }
            conn.execute_batch(
                "PRAGMA user_version = 4;
                 INSERT INTO workshops (id, economy, year, locales, default_locale, calendar, utc_offset_min,
                                        required_modules, pass_mark, assessment_required, city, host, start_date, end_date, edited_at_ms)
                 VALUES ('w1', 'TH', 2018, 'th,en', 'th', 'buddhist', 420, '*', 70, 1, 'Bangkok', 'OSMEP', '2018-08-01', '', 5),
                        ('w2', 'VN', 2018, 'vi,en', 'vi', 'gregorian', 420, '*', 70, 1, '', '', '', '', NULL);
                 INSERT INTO profiles VALUES ('p1', 'สมชาย', 'th', 1);
                 INSERT INTO certificates VALUES ('c1', 'p1', 'w1', 'SDR1.x.y', 9);",
            )
            .unwrap();
        }
        let db = Db::open(&path).unwrap();
        let w1 = db.workshop("w1").unwrap().unwrap();
        assert_eq!(
            (w1.details.city.as_str(), w1.details.host.as_str()),
            ("Bangkok", "OSMEP")
        );
        assert_eq!(w1.details.start_date, "2018-08-01");
        assert_eq!(db.workshop("w2").unwrap().unwrap().details.city, "");
        assert_eq!(db.certificate_for("p1", "w1").unwrap().unwrap().id, "c1");
        // Profiles are append-only now: a change is an edit.
        assert!(
            db.conn
                .execute("UPDATE profiles SET locale = 'en'", [])
                .is_err()
        );
        let id: String = db
            .conn
            .query_row("SELECT id FROM workshop_edits", [], |r| r.get(0))
            .unwrap();
        assert!(uuid::Uuid::parse_str(&id).is_ok(), "{id}");
    }

    #[test]
    fn a_folder_that_cannot_be_created_is_reported() {
        let dir = tmp();
        let blocker = dir.path().join("a-file");
        std::fs::write(&blocker, b"x").unwrap();
        let err = Db::open(&blocker.join("sub/progress.db")).err().unwrap();
        assert_eq!(err.code(), crate::ErrorCode::DatabaseUnavailable, "{err}");
    }
}
