//! Progress is a log of events; lesson status, the last lesson and module percentages are
//! derived from it, so results from several laptops merge as a union of events.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use crate::content::Pack;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventKind {
    LessonOpened,
    LessonCompleted,
    LessonUncompleted,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::LessonOpened => "lesson_opened",
            EventKind::LessonCompleted => "lesson_completed",
            EventKind::LessonUncompleted => "lesson_uncompleted",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        [
            EventKind::LessonOpened,
            EventKind::LessonCompleted,
            EventKind::LessonUncompleted,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgressEvent {
    pub id: String,
    pub profile_id: String,
    pub kind: EventKind,
    pub module_id: String,
    pub lesson_id: String,
    pub at_ms: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum LessonStatus {
    NotStarted,
    InProgress,
    Done,
}

/// A learner's progress, folded from their events in order.
#[derive(Debug, Clone, Default)]
pub struct Progress {
    status: HashMap<String, LessonStatus>,
    /// The lesson opened most recently.
    pub last_lesson: Option<String>,
}

impl Progress {
    pub fn from_events<'a>(events: impl IntoIterator<Item = &'a ProgressEvent>) -> Progress {
        let mut p = Progress::default();
        for e in events {
            let entry = p
                .status
                .entry(e.lesson_id.clone())
                .or_insert(LessonStatus::NotStarted);
            match e.kind {
                EventKind::LessonOpened => {
                    if *entry == LessonStatus::NotStarted {
                        *entry = LessonStatus::InProgress;
                    }
                    p.last_lesson = Some(e.lesson_id.clone());
                }
                EventKind::LessonCompleted => *entry = LessonStatus::Done,
                EventKind::LessonUncompleted => *entry = LessonStatus::InProgress,
            }
        }
        p
    }

    pub fn status(&self, lesson_id: &str) -> LessonStatus {
        self.status
            .get(lesson_id)
            .copied()
            .unwrap_or(LessonStatus::NotStarted)
    }

    /// Lessons done in a module, and its total.
    pub fn module_counts(&self, pack: &Pack, module_id: &str) -> (u32, u32) {
        let Some(module) = pack.module(module_id) else {
            return (0, 0);
        };
        let done = module
            .lessons
            .iter()
            .filter(|l| self.status(&l.id) == LessonStatus::Done)
            .count();
        (done as u32, module.lessons.len() as u32)
    }
}

/// Percentage rounded down, so 100 means every lesson is done.
pub fn percent(done: u32, total: u32) -> u32 {
    (done * 100).checked_div(total).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(kind: EventKind, lesson: &str, at: i64) -> ProgressEvent {
        ProgressEvent {
            id: format!("{lesson}-{at}"),
            profile_id: "p".into(),
            kind,
            module_id: "m".into(),
            lesson_id: lesson.into(),
            at_ms: at,
        }
    }

    #[test]
    fn status_follows_the_latest_event() {
        use EventKind::*;
        let events = [
            ev(LessonOpened, "a", 1),
            ev(LessonCompleted, "a", 2),
            ev(LessonOpened, "b", 3),
            ev(LessonOpened, "a", 4),
            ev(LessonCompleted, "c", 5),
            ev(LessonUncompleted, "c", 6),
        ];
        let p = Progress::from_events(&events);
        assert_eq!(p.status("a"), LessonStatus::Done, "reopening keeps done");
        assert_eq!(p.status("b"), LessonStatus::InProgress);
        assert_eq!(p.status("c"), LessonStatus::InProgress);
        assert_eq!(p.status("d"), LessonStatus::NotStarted);
        assert_eq!(p.last_lesson.as_deref(), Some("a"));
    }

    #[test]
    fn percent_rounds_down() {
        assert_eq!(percent(2, 3), 66);
        assert_eq!(percent(3, 3), 100);
        assert_eq!(percent(0, 0), 0);
    }
}
