//! Module quizzes: `<locale>/<module-id>/quiz.toml`. The source locale's file defines the
//! structure (question ids and kinds, option ids, which are correct); every translation must
//! repeat that structure exactly and only changes the texts.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::{Deserialize, Serialize};
use toml::Spanned;
use ts_rs::TS;

use super::PackFiles;
use super::checking::{Checker, LocaleCoverage, line_at, valid_id};
use super::manifest::ManifestToml;
use crate::locale::Locale;

pub const QUIZ_FILE: &str = "quiz.toml";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum QuestionKind {
    /// One correct option.
    Single,
    /// Several correct options ("choose all that apply"), scored with partial credit.
    Multiple,
    /// A statement that is true or false.
    TrueFalse,
    /// A short situation, then one correct option.
    Scenario,
}

/// The language-independent part of a question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub id: String,
    pub kind: QuestionKind,
    /// Option ids in authored order, with whether each is correct. For true/false questions:
    /// `true` and `false`, one of them correct.
    pub options: Vec<(String, bool)>,
    /// The lesson that teaches it.
    pub lesson: String,
}

impl Question {
    pub fn correct_ids(&self) -> impl Iterator<Item = &str> {
        self.options
            .iter()
            .filter(|(_, c)| *c)
            .map(|(id, _)| id.as_str())
    }
}

#[derive(Debug, Clone, Default)]
pub struct QuestionText {
    pub prompt: String,
    pub scenario: Option<String>,
    pub explanation: String,
    /// Option id -> text (empty for true/false questions: the interface words those).
    pub options: HashMap<String, String>,
}

#[derive(Debug, Clone)]
pub struct Quiz {
    pub questions: Vec<Question>,
    /// Per locale, question id -> text.
    pub texts: BTreeMap<Locale, HashMap<String, QuestionText>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizToml {
    questions: Vec<Spanned<QuestionToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuestionToml {
    id: Spanned<String>,
    kind: QuestionKind,
    scenario: Option<Spanned<String>>,
    prompt: Spanned<String>,
    explanation: Spanned<String>,
    lesson: Spanned<String>,
    answer: Option<bool>,
    #[serde(default)]
    options: Vec<Spanned<OptionToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionToml {
    id: Spanned<String>,
    text: Spanned<String>,
    correct: bool,
}

/// Parses and checks one quiz file. `lessons` are the ids of the module's lessons.
pub(super) fn check_quiz(
    c: &mut Checker,
    path: &str,
    src: &str,
    lessons: &[&str],
) -> Option<(Vec<Question>, HashMap<String, QuestionText>)> {
    let parsed: QuizToml = c.toml(path, src, 1)?;
    let errors_before = c.error_count();
    let line = |span: std::ops::Range<usize>| Some(line_at(src, span.start));
    let mut questions = Vec::new();
    let mut texts = HashMap::new();
    let mut seen = HashSet::new();
    if parsed.questions.is_empty() {
        c.error(path, None, Some("questions"), "the quiz has no questions");
    }
    for q in &parsed.questions {
        let qline = line(q.span());
        let q = q.get_ref();
        let id = q.id.get_ref().clone();
        let field = |f: &str| format!("questions.{id}.{f}");
        if !valid_id(&id) {
            c.error(
                path,
                line(q.id.span()),
                Some("questions.id"),
                format!("`{id}`: ids are lowercase letters, digits and single hyphens"),
            );
        }
        if !seen.insert(id.clone()) {
            c.error(
                path,
                line(q.id.span()),
                Some("questions.id"),
                format!("question id `{id}` is used twice"),
            );
        }
        for (name, value) in [("prompt", &q.prompt), ("explanation", &q.explanation)] {
            if value.get_ref().trim().is_empty() {
                c.error(
                    path,
                    line(value.span()),
                    Some(&field(name)),
                    "must not be empty",
                );
            }
        }
        if !lessons.contains(&q.lesson.get_ref().as_str()) {
            c.error(
                path,
                line(q.lesson.span()),
                Some(&field("lesson")),
                format!("`{}` is not a lesson of this module", q.lesson.get_ref()),
            );
        }
        match (&q.kind, &q.scenario) {
            (QuestionKind::Scenario, None) => c.error(
                path,
                qline,
                Some(&field("scenario")),
                "a scenario question needs a `scenario` text",
            ),
            (QuestionKind::Scenario, Some(s)) if s.get_ref().trim().is_empty() => c.error(
                path,
                line(s.span()),
                Some(&field("scenario")),
                "must not be empty",
            ),
            (QuestionKind::Scenario, _) => {}
            (_, Some(s)) => c.error(
                path,
                line(s.span()),
                Some(&field("scenario")),
                "only scenario questions have a `scenario` text",
            ),
            (_, None) => {}
        }
        let mut options = Vec::new();
        let mut option_texts = HashMap::new();
        if q.kind == QuestionKind::TrueFalse {
            if !q.options.is_empty() {
                c.error(path, qline, Some(&field("options")), "a true_false question has no options, only `answer = true` or `answer = false`");
            }
            match q.answer {
                Some(answer) => {
                    options.push(("true".to_string(), answer));
                    options.push(("false".to_string(), !answer));
                }
                None => c.error(
                    path,
                    qline,
                    Some(&field("answer")),
                    "a true_false question needs `answer = true` or `answer = false`",
                ),
            }
        } else {
            if q.answer.is_some() {
                c.error(
                    path,
                    qline,
                    Some(&field("answer")),
                    "only true_false questions have an `answer`; mark options `correct` instead",
                );
            }
            let mut option_ids = HashSet::new();
            for o in &q.options {
                let o = o.get_ref();
                let oid = o.id.get_ref().clone();
                if !valid_id(&oid) || !option_ids.insert(oid.clone()) {
                    c.error(
                        path,
                        line(o.id.span()),
                        Some(&field("options.id")),
                        format!("option id `{oid}` is not a valid id or is used twice"),
                    );
                }
                if o.text.get_ref().trim().is_empty() {
                    c.error(
                        path,
                        line(o.text.span()),
                        Some(&field("options.text")),
                        "must not be empty",
                    );
                }
                options.push((oid.clone(), o.correct));
                option_texts.insert(oid, o.text.get_ref().trim().to_string());
            }
            let correct = options.iter().filter(|(_, c)| *c).count();
            let n = options.len();
            let problem = match q.kind {
                QuestionKind::Single | QuestionKind::Scenario if n < 2 => {
                    Some("needs at least two options".to_string())
                }
                QuestionKind::Single | QuestionKind::Scenario if correct != 1 => {
                    Some(format!("needs exactly one correct option, has {correct}"))
                }
                QuestionKind::Multiple if n < 3 => Some("needs at least three options".to_string()),
                QuestionKind::Multiple if correct == 0 || correct == n => {
                    Some("needs at least one correct and one wrong option".to_string())
                }
                _ => None,
            };
            if let Some(problem) = problem {
                c.error(
                    path,
                    qline,
                    Some(&field("options")),
                    format!("a {} question {problem}", kind_name(q.kind)),
                );
            }
        }
        questions.push(Question {
            id: id.clone(),
            kind: q.kind,
            options,
            lesson: q.lesson.get_ref().clone(),
        });
        texts.insert(
            id,
            QuestionText {
                prompt: q.prompt.get_ref().trim().to_string(),
                scenario: q.scenario.as_ref().map(|s| s.get_ref().trim().to_string()),
                explanation: q.explanation.get_ref().trim().to_string(),
                options: option_texts,
            },
        );
    }
    (c.error_count() == errors_before).then_some((questions, texts))
}

fn kind_name(kind: QuestionKind) -> &'static str {
    match kind {
        QuestionKind::Single => "single",
        QuestionKind::Multiple => "multiple",
        QuestionKind::TrueFalse => "true_false",
        QuestionKind::Scenario => "scenario",
    }
}

/// Reports where a translation's structure differs from the source locale's.
pub(super) fn check_same_structure(
    c: &mut Checker,
    path: &str,
    source: &[Question],
    translated: &[Question],
) -> bool {
    let before = c.error_count();
    let ids = |qs: &[Question]| qs.iter().map(|q| q.id.clone()).collect::<Vec<_>>();
    if ids(source) != ids(translated) {
        c.error(
            path,
            None,
            Some("questions"),
            format!(
                "the questions must be those of the source locale, in the same order: {}",
                ids(source).join(", ")
            ),
        );
        return false;
    }
    for (s, t) in source.iter().zip(translated) {
        if s != t {
            c.error(path, None, Some(&format!("questions.{}", s.id)), "kind, lesson, option ids and correct answers must be exactly as in the source locale; translate only the texts");
        }
    }
    c.error_count() == before
}

/// Checks each module's quiz: the source locale's defines it, translations must match it.
pub(super) fn check_quizzes(
    files: &PackFiles,
    c: &mut Checker,
    manifest: &ManifestToml,
    locales: &[Locale],
    source_locale: Locale,
    coverage: &mut [LocaleCoverage],
) -> Vec<Option<Quiz>> {
    let mut quizzes = Vec::new();
    for m in &manifest.modules {
        let lessons: Vec<&str> = m.lesson_ids().collect();
        let path = |loc: Locale| format!("{loc}/{}/{QUIZ_FILE}", m.id());
        let source_path = path(source_locale);
        let Some((questions, texts)) = c
            .text(files, &source_path)
            .and_then(|src| check_quiz(c, &source_path, src, &lessons))
        else {
            if files.get(&source_path).is_none() {
                for &loc in locales.iter().filter(|&&l| l != source_locale) {
                    if files.get(&path(loc)).is_some() {
                        c.error(
                            &path(loc),
                            None,
                            None,
                            "a translated quiz for a module whose source locale has no quiz",
                        );
                    }
                }
            }
            quizzes.push(None);
            continue;
        };
        let mut all = BTreeMap::from([(source_locale, texts)]);
        for cov in coverage.iter_mut() {
            cov.quizzes_total += 1;
            let loc = cov.locale;
            if loc == source_locale {
                cov.quizzes_present += 1;
                continue;
            }
            let p = path(loc);
            if files.get(&p).is_none() {
                cov.missing.push(p);
                continue;
            }
            if let Some((qs, texts)) = c
                .text(files, &p)
                .and_then(|src| check_quiz(c, &p, src, &lessons))
                && check_same_structure(c, &p, &questions, &qs)
            {
                all.insert(loc, texts);
                cov.quizzes_present += 1;
            }
        }
        quizzes.push(Some(Quiz {
            questions,
            texts: all,
        }));
    }
    quizzes
}
