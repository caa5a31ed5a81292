//! Thin commands: parse arguments, call one core function, map the error. Each is `async` so
//! SQLite work runs off the window's thread.

pub mod app;
pub mod assessments;
pub mod certificates;
pub mod exchange;
pub mod learning;
pub mod profiles;
pub mod programme;
pub mod quizzes;
pub mod reports;
pub mod workshops;
