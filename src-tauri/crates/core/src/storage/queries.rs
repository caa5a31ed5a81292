//! SQL of profiles, progress events and settings.

use rusqlite::params;

use super::Db;
use crate::error::Result;
use crate::learning::{EventKind, Learner, ProgressEvent};
use crate::locale::Locale;

/// A profile as shown: the values it was created with, overridden field by field by its latest
/// edit (highest `seq`, then latest time, then highest id: the same answer on every laptop).
const PROFILE_SELECT: &str = "SELECT p.id,
    coalesce((SELECT e.value FROM profile_edits e WHERE e.profile_id = p.id AND e.field = 'display_name'
              ORDER BY e.seq DESC, e.at_ms DESC, e.id DESC LIMIT 1), p.display_name),
    coalesce((SELECT e.value FROM profile_edits e WHERE e.profile_id = p.id AND e.field = 'locale'
              ORDER BY e.seq DESC, e.at_ms DESC, e.id DESC LIMIT 1), p.locale),
    p.created_at_ms
    FROM profiles p";

/// A field of a profile that can change after it is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ProfileField {
    DisplayName,
    Locale,
}

impl ProfileField {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            ProfileField::DisplayName => "display_name",
            ProfileField::Locale => "locale",
        }
    }
}

fn learner_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<Learner> {
    let locale: String = r.get(2)?;
    Ok(Learner {
        id: r.get(0)?,
        display_name: r.get(1)?,
        locale: Locale::from_code(&locale).unwrap_or(Locale::FALLBACK),
        created_at_ms: r.get(3)?,
    })
}

impl Db {
    pub(crate) fn insert_profile(&self, p: &Learner) -> Result<()> {
        self.exec(
            "INSERT INTO profiles (id, display_name, locale, created_at_ms) VALUES (?1, ?2, ?3, ?4)",
            params![p.id, p.display_name, p.locale.code(), p.created_at_ms],
        )?;
        Ok(())
    }

    pub(crate) fn profiles(&self) -> Result<Vec<Learner>> {
        self.rows(
            &format!("{PROFILE_SELECT} ORDER BY 2 COLLATE NOCASE, p.created_at_ms, p.id"),
            [],
            learner_from_row,
        )
    }

    pub(crate) fn profile(&self, id: &str) -> Result<Option<Learner>> {
        self.row(
            &format!("{PROFILE_SELECT} WHERE p.id = ?1"),
            [id],
            learner_from_row,
        )
    }

    /// Records a change of one of a profile's fields. Its `seq` is one more than the highest
    /// known for that field, so an edit made after seeing another wins over it whatever the
    /// laptops' clocks say.
    pub(crate) fn edit_profile(
        &self,
        edit_id: &str,
        id: &str,
        field: ProfileField,
        value: &str,
        now_ms: i64,
        origin: &str,
    ) -> Result<()> {
        self.exec(
            "INSERT INTO profile_edits (id, profile_id, field, value, seq, at_ms, origin)
             VALUES (?1, ?2, ?3, ?4,
                     1 + coalesce((SELECT max(seq) FROM profile_edits WHERE profile_id = ?2 AND field = ?3), 0),
                     ?5, ?6)",
            params![
                edit_id,
                id,
                field.as_str(),
                value,
                now_ms,
                origin
            ],
        )?;
        Ok(())
    }

    pub(crate) fn insert_event(&self, e: &ProgressEvent) -> Result<()> {
        self.exec(
            "INSERT INTO progress_events (id, profile_id, kind, module_id, lesson_id, at_ms) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![
                e.id,
                e.profile_id,
                e.kind.as_str(),
                e.module_id,
                e.lesson_id,
                e.at_ms
            ],
        )?;
        Ok(())
    }

    /// A profile's events in the order they happened.
    pub(crate) fn events(&self, profile_id: &str) -> Result<Vec<ProgressEvent>> {
        self.rows(
            "SELECT id, profile_id, kind, module_id, lesson_id, at_ms FROM progress_events WHERE profile_id = ?1 ORDER BY at_ms, rowid",
            [profile_id],
            |r| {
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
            },
        )
    }

    pub(crate) fn setting(&self, key: &str) -> Result<Option<String>> {
        self.row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
    }

    pub(crate) fn set_setting(&self, key: &str, value: &str) -> Result<()> {
        self.exec(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}
