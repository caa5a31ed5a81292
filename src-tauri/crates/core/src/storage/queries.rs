//! Every SQL statement the app runs, as small functions over [`Db`].

use rusqlite::{OptionalExtension, params};

use super::Db;
use crate::error::Result;
use crate::learning::{EventKind, ProgressEvent};
use crate::locale::Locale;
use crate::views::Profile;

fn profile_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<(String, String, String, i64)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn to_profile((id, display_name, locale, created_at_ms): (String, String, String, i64)) -> Profile {
    Profile {
        id,
        display_name,
        locale: Locale::from_code(&locale).unwrap_or(Locale::FALLBACK),
        created_at_ms,
    }
}

impl Db {
    pub(crate) fn insert_profile(&self, p: &Profile) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO profiles (id, display_name, locale, created_at_ms) VALUES (?1, ?2, ?3, ?4)",
                params![p.id, p.display_name, p.locale.code(), p.created_at_ms],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    pub(crate) fn profiles(&self) -> Result<Vec<Profile>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, display_name, locale, created_at_ms FROM profiles ORDER BY display_name COLLATE NOCASE, created_at_ms",
            )
            .map_err(|e| self.classify(e))?;
        let rows = stmt
            .query_map([], profile_from_row)
            .map_err(|e| self.classify(e))?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.classify(e))?;
        Ok(rows.into_iter().map(to_profile).collect())
    }

    pub(crate) fn profile(&self, id: &str) -> Result<Option<Profile>> {
        let row = self
            .conn
            .query_row(
                "SELECT id, display_name, locale, created_at_ms FROM profiles WHERE id = ?1",
                [id],
                profile_from_row,
            )
            .optional()
            .map_err(|e| self.classify(e))?;
        Ok(row.map(to_profile))
    }

    pub(crate) fn set_profile_locale(&self, id: &str, locale: Locale) -> Result<()> {
        self.conn
            .execute(
                "UPDATE profiles SET locale = ?2 WHERE id = ?1",
                params![id, locale.code()],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    pub(crate) fn insert_event(&self, e: &ProgressEvent) -> Result<()> {
        self.conn
            .prepare_cached(
                "INSERT INTO progress_events (id, profile_id, kind, module_id, lesson_id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut s| {
                s.execute(params![
                    e.id,
                    e.profile_id,
                    e.kind.as_str(),
                    e.module_id,
                    e.lesson_id,
                    e.at_ms
                ])
            })
            .map_err(|e| self.classify(e))?;
        Ok(())
    }

    /// A profile's events in the order they happened.
    pub(crate) fn events(&self, profile_id: &str) -> Result<Vec<ProgressEvent>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, profile_id, kind, module_id, lesson_id, at_ms FROM progress_events WHERE profile_id = ?1 ORDER BY at_ms, rowid",
            )
            .map_err(|e| self.classify(e))?;
        let rows = stmt
            .query_map([profile_id], |r| {
                Ok(ProgressEvent {
                    id: r.get(0)?,
                    profile_id: r.get(1)?,
                    kind: EventKind::parse(&r.get::<_, String>(2)?).ok_or_else(|| {
                        rusqlite::Error::FromSqlConversionFailure(
                            2,
                            rusqlite::types::Type::Text,
                            "unknown progress event kind".into(),
                        )
                    })?,
                    module_id: r.get(3)?,
                    lesson_id: r.get(4)?,
                    at_ms: r.get(5)?,
                })
            })
            .map_err(|e| self.classify(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.classify(e))
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        self.conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()
            .map_err(|e| self.classify(e))
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.conn
            .execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [key, value],
            )
            .map_err(|e| self.classify(e))?;
        Ok(())
    }
}
