//! Results exchange: every laptop writes its learners' records into one signed file, and any
//! laptop merges such files into its own database without losing or doubling a record.
//!
//! - [`format`]: the file, byte by byte: first line, signature, compressed JSON lines.
//! - [`records`]: the records it carries, one per table row.
//! - this module: the rules a file's records must keep before any is stored ([`FileRules`]).
//!
//! The merge itself is a union by record id in one transaction per file
//! (`storage::exchange_queries`), orchestrated by the facade (`facade/exchange.rs`): a known id
//! with the same content is skipped, a known id with different content refuses the whole file.
//! Nothing is ever overwritten or deleted. What people change later (a learner's language, a
//! workshop's details) travels as edit records; the latest edit is shown.

pub mod format;
pub mod people;
pub mod programme;
pub mod records;

use std::collections::HashSet;

use records::Line;

use crate::learning::normalize_display_name;
use crate::locale::Locale;

/// Whose records an export holds.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum ExportScope {
    /// Every learner on the laptop.
    All,
    /// The learners whose latest enrolment is this workshop.
    Workshop(String),
    /// One learner ("take my progress with me").
    Profile(String),
}

impl ExportScope {
    /// As written in the file's header: `all`, `workshop:<id>`, `profile:<id>`.
    pub fn code(&self) -> String {
        match self {
            ExportScope::All => "all".into(),
            ExportScope::Workshop(id) => format!("workshop:{id}"),
            ExportScope::Profile(id) => format!("profile:{id}"),
        }
    }
}

/// What a file's records must keep, checked record by record as they are read: every id is
/// well-formed, every text is what the app itself would have stored, and every reference
/// points at a record earlier in the same file (a file is self-contained: it never leans on
/// what happens to be on the importing laptop already). Memory grows with the learners and
/// attempts of one file, never with the database.
#[derive(Default)]
pub struct FileRules {
    profiles: HashSet<String>,
    attempts: HashSet<String>,
    assessments: HashSet<String>,
}

impl FileRules {
    /// `Ok` when `line` keeps the rules; else what is wrong with it, in English.
    pub fn check(&mut self, line: &Line) -> std::result::Result<(), String> {
        match line {
            Line::Header(_) | Line::End(_) => Ok(()),
            Line::Profile(p) => {
                id(&p.id)?;
                match normalize_display_name(&p.display_name) {
                    Ok(n) if n == p.display_name => {}
                    _ => return Err("its name is not a name this app would store".into()),
                }
                locale(&p.locale)?;
                self.profiles.insert(p.id.clone());
                Ok(())
            }
            Line::ProfileEdit(e) => {
                id(&e.id)?;
                self.profile(&e.profile_id)?;
                match e.field.as_str() {
                    "locale" => locale(&e.value)?,
                    "display_name" => match normalize_display_name(&e.value) {
                        Ok(n) if n == e.value => {}
                        _ => return Err("its name is not a name this app would store".into()),
                    },
                    _ => return Err(format!("it changes an unknown field {:?}", e.field)),
                }
                text(&e.origin, 200)
            }
            Line::Enrolment(e) => {
                id(&e.id)?;
                self.profile(&e.profile_id)?;
                id(&e.workshop_id)
            }
            Line::ProgressEvent(e) => {
                id(&e.id)?;
                self.profile(&e.profile_id)?;
                id(&e.module_id)?;
                id(&e.lesson_id)
            }
            Line::QuizAttempt(a) => {
                id(&a.id)?;
                self.profile(&a.profile_id)?;
                id(&a.module_id)?;
                self.attempts.insert(a.id.clone());
                Ok(())
            }
            Line::QuizAnswer(a) => {
                id(&a.id)?;
                self.attempt(&a.attempt_id)?;
                id(&a.question_id)?;
                if !a
                    .option_ids
                    .split(',')
                    .all(|o| o.is_empty() || id(o).is_ok())
                {
                    return Err("its chosen options are not option ids".into());
                }
                if !(0.0..=1.0).contains(&a.credit) {
                    return Err("its credit is not between 0 and 1".into());
                }
                Ok(())
            }
            Line::QuizResult(r) => self.attempt(&r.attempt_id),
            Line::Assessment(a) => {
                id(&a.id)?;
                self.profile(&a.profile_id)?;
                self.assessments.insert(a.id.clone());
                Ok(())
            }
            Line::AssessmentAnswer(a) => {
                id(&a.id)?;
                self.assessment(&a.assessment_id)?;
                id(&a.question_id)
            }
            Line::AssessmentResult(r) => {
                self.assessment(&r.assessment_id)?;
                match serde_json::from_str::<std::collections::BTreeMap<String, u8>>(&r.levels) {
                    Ok(levels) if levels.values().all(|l| *l <= 3) => Ok(()),
                    _ => Err("its levels are not domain levels 0-3".into()),
                }
            }
            Line::Certificate(c) => {
                id(&c.id)?;
                self.profile(&c.profile_id)?;
                id(&c.workshop_id)?;
                text(&c.payload, 4096)
            }
            Line::PersonLink(l) => {
                id(&l.id)?;
                self.profile(&l.profile_id)?;
                self.profile(&l.other_id)?;
                if l.profile_id >= l.other_id {
                    return Err("its two profiles are not in order".into());
                }
                text(&l.origin, 200)
            }
            Line::WorkshopEdit(e) => {
                id(&e.id)?;
                id(&e.workshop_id)?;
                let details = crate::workshops::WorkshopDetails {
                    city: e.city.clone(),
                    host: e.host.clone(),
                    start_date: e.start_date.clone(),
                    end_date: e.end_date.clone(),
                };
                match details.clone().validated() {
                    Ok(d) if d == details => {}
                    _ => return Err("its details are not details this app would store".into()),
                }
                text(&e.origin, 200)
            }
        }
    }

    fn profile(&self, id: &str) -> std::result::Result<(), String> {
        self.profiles
            .contains(id)
            .then_some(())
            .ok_or_else(|| format!("it belongs to learner {id}, who is not in the file"))
    }

    fn attempt(&self, id: &str) -> std::result::Result<(), String> {
        self.attempts
            .contains(id)
            .then_some(())
            .ok_or_else(|| format!("it belongs to quiz attempt {id}, which is not in the file"))
    }

    fn assessment(&self, id: &str) -> std::result::Result<(), String> {
        self.assessments
            .contains(id)
            .then_some(())
            .ok_or_else(|| format!("it belongs to self-assessment {id}, which is not in the file"))
    }
}

/// A record id, a module, lesson, question or workshop id: 1-64 ASCII letters, digits, `-`
/// and `_`.
fn id(s: &str) -> std::result::Result<(), String> {
    let ok = !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    ok.then_some(())
        .ok_or_else(|| format!("{s:?} is not an id"))
}

fn locale(code: &str) -> std::result::Result<(), String> {
    Locale::from_code(code)
        .map(|_| ())
        .ok_or_else(|| format!("{code:?} is not a language of this app"))
}

fn text(s: &str, max_chars: usize) -> std::result::Result<(), String> {
    if s.chars().count() > max_chars || s.chars().any(char::is_control) {
        return Err("a text in it is too long or holds control characters".into());
    }
    Ok(())
}
