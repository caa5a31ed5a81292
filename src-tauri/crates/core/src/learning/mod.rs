//! Learners and their progress: profiles, append-only progress events, and the state derived
//! from them.

pub mod assessment;
mod profiles;
mod progress;
pub mod quiz;

pub use profiles::{Learner, normalize_display_name, single_line};
pub use progress::{EventKind, LessonStatus, Progress, ProgressEvent, percent};
