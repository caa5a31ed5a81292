//! Quiz attempts: start or resume, answer one question at a time with immediate feedback,
//! finish with a score. Every step is an append-only record.

use std::collections::HashMap;

use super::Sdr;
use crate::content::{Module, Question};
use crate::error::{CoreError, Result};
use crate::learning::quiz::{self, Attempt, RecordedAnswer, RecordedResult};
use crate::views::{AnswerFeedback, LessonRef, QuizOption, QuizOutcome, QuizQuestion, QuizView};

impl Sdr {
    fn module_with_quiz(&self, module_id: &str) -> Result<&Module> {
        self.pack
            .module(module_id)
            .filter(|m| m.quiz.is_some())
            .ok_or_else(|| CoreError::NotFound {
                what: "quiz",
                id: module_id.to_string(),
            })
    }

    /// Resumes the learner's unfinished attempt at a module's quiz, or starts a new one (always
    /// a new one, in a fresh order, when `fresh`).
    pub fn start_quiz(
        &self,
        profile_id: &str,
        module_id: &str,
        fresh: bool,
        now_ms: i64,
    ) -> Result<QuizView> {
        self.profile(profile_id)?;
        self.module_with_quiz(module_id)?;
        if !fresh && let Some(id) = self.db.open_attempt(profile_id, module_id)? {
            return self.quiz_view(profile_id, &id);
        }
        let uuid = self.new_id();
        let attempt = Attempt {
            id: uuid.to_string(),
            profile_id: profile_id.to_string(),
            module_id: module_id.to_string(),
            seed: uuid.as_u64_pair().0,
            started_at_ms: now_ms,
        };
        self.db.insert_attempt(&attempt)?;
        self.quiz_view(profile_id, &attempt.id)
    }

    fn attempt_of(&self, profile_id: &str, attempt_id: &str) -> Result<Attempt> {
        self.db
            .attempt(attempt_id)?
            .filter(|a| a.profile_id == profile_id)
            .ok_or_else(|| CoreError::NotFound {
                what: "quiz attempt",
                id: attempt_id.to_string(),
            })
    }

    /// Records the answer to one question and returns the attempt with its feedback.
    pub fn answer_question(
        &self,
        profile_id: &str,
        attempt_id: &str,
        question_id: &str,
        option_ids: &[String],
        now_ms: i64,
    ) -> Result<QuizView> {
        let attempt = self.attempt_of(profile_id, attempt_id)?;
        let module = self.module_with_quiz(&attempt.module_id)?;
        let question = module
            .quiz
            .as_ref()
            .and_then(|q| q.questions.iter().find(|q| q.id == question_id))
            .ok_or_else(|| CoreError::NotFound {
                what: "question",
                id: question_id.to_string(),
            })?;
        if self.attempt_finished(attempt_id)? {
            return Err(CoreError::InvalidInput("this attempt is finished".into()));
        }
        if self
            .db
            .answers(attempt_id)?
            .iter()
            .any(|a| a.question_id == question_id)
        {
            return Err(CoreError::InvalidInput(format!(
                "question {question_id} is already answered in this attempt"
            )));
        }
        if option_ids.is_empty() {
            return Err(CoreError::InvalidInput("no option chosen".into()));
        }
        let mut chosen = option_ids.to_vec();
        chosen.sort();
        self.db.insert_answer(&RecordedAnswer {
            id: self.new_id().to_string(),
            attempt_id: attempt_id.to_string(),
            question_id: question_id.to_string(),
            credit: quiz::credit(question, &chosen),
            option_ids: chosen,
            at_ms: now_ms,
        })?;
        self.quiz_view(profile_id, attempt_id)
    }

    fn attempt_finished(&self, attempt_id: &str) -> Result<bool> {
        Ok(self.db.result_of(attempt_id)?.is_some())
    }

    /// Scores a fully answered attempt and records the result.
    pub fn finish_quiz(&self, profile_id: &str, attempt_id: &str, now_ms: i64) -> Result<QuizView> {
        let attempt = self.attempt_of(profile_id, attempt_id)?;
        if self.attempt_finished(attempt_id)? {
            return self.quiz_view(profile_id, attempt_id);
        }
        let module = self.module_with_quiz(&attempt.module_id)?;
        let questions = &module.quiz.as_ref().expect("checked").questions;
        let answers = self.db.answers(attempt_id)?;
        let credits: Vec<f64> = questions
            .iter()
            .filter_map(|q| {
                answers
                    .iter()
                    .find(|a| a.question_id == q.id)
                    .map(|a| a.credit)
            })
            .collect();
        if credits.len() < questions.len() {
            return Err(CoreError::InvalidInput(format!(
                "{} of {} questions are not answered yet",
                questions.len() - credits.len(),
                questions.len()
            )));
        }
        let score = quiz::score(&credits, questions.len());
        self.db.insert_result(&RecordedResult {
            attempt_id: attempt_id.to_string(),
            module_id: module.id.clone(),
            score,
            passed: quiz::passed(score, module.pass_mark),
            pass_mark: module.pass_mark,
            at_ms: now_ms,
        })?;
        self.quiz_view(profile_id, attempt_id)
    }

    fn quiz_view(&self, profile_id: &str, attempt_id: &str) -> Result<QuizView> {
        let profile = self.profile(profile_id)?;
        let attempt = self.attempt_of(profile_id, attempt_id)?;
        let module = self.module_with_quiz(&attempt.module_id)?;
        let quiz = module.quiz.as_ref().expect("checked");
        let (locale, fallback) = (profile.locale, self.pack.source_locale);
        let text_locale = if quiz.texts.contains_key(&locale) {
            locale
        } else {
            fallback
        };
        let texts = &quiz.texts[&text_locale];
        let recorded = self.db.answers(attempt_id)?;
        let answers: HashMap<&str, &RecordedAnswer> = recorded
            .iter()
            .map(|a| (a.question_id.as_str(), a))
            .collect();
        let order = quiz::permutation(attempt.seed, quiz.questions.len());
        let questions: Vec<QuizQuestion> = order
            .iter()
            .enumerate()
            .map(|(i, &qi)| {
                let q = &quiz.questions[qi];
                let t = &texts[&q.id];
                QuizQuestion {
                    id: q.id.clone(),
                    kind: q.kind,
                    scenario: t.scenario.clone(),
                    prompt: t.prompt.clone(),
                    locale: text_locale,
                    options: shuffled_options(
                        q,
                        attempt.seed.wrapping_add(i as u64 + 1),
                        &t.options,
                    ),
                    feedback: answers.get(q.id.as_str()).map(|a| AnswerFeedback {
                        chosen: a.option_ids.clone(),
                        correct: q.correct_ids().map(str::to_string).collect(),
                        credit_percent: (a.credit * 100.0).round() as u32,
                        explanation: t.explanation.clone(),
                        lesson: self.lesson_ref_by_id(&q.lesson, locale),
                    }),
                }
            })
            .collect();
        let result = match self.db.result_of(attempt_id)? {
            Some(r) => {
                let summary = quiz::summarize(&self.db.results(profile_id)?);
                let best = summary
                    .get(&module.id)
                    .and_then(|s| s.best)
                    .unwrap_or(r.score);
                let mut review: Vec<LessonRef> = Vec::new();
                for q in &quiz.questions {
                    let full = answers.get(q.id.as_str()).is_some_and(|a| a.credit >= 1.0);
                    if !full && !review.iter().any(|l| l.id == q.lesson) {
                        review.push(self.lesson_ref_by_id(&q.lesson, locale));
                    }
                }
                Some(QuizOutcome {
                    score: r.score,
                    passed: r.passed,
                    pass_mark: r.pass_mark,
                    best_score: best,
                    module_complete: self.module_complete(profile_id, &module.id)?,
                    review,
                })
            }
            None => None,
        };
        Ok(QuizView {
            attempt_id: attempt.id.clone(),
            module_id: module.id.clone(),
            module_title: module.text(locale, fallback).value.title.clone(),
            pass_mark: module.pass_mark,
            answered: answers.len() as u32,
            questions,
            result,
        })
    }
}

/// Options in this attempt's order; true/false stay "true, false".
fn shuffled_options(q: &Question, seed: u64, texts: &HashMap<String, String>) -> Vec<QuizOption> {
    let order: Vec<usize> = if q.kind == crate::content::QuestionKind::TrueFalse {
        (0..q.options.len()).collect()
    } else {
        quiz::permutation(seed, q.options.len())
    };
    order
        .into_iter()
        .map(|i| {
            let id = &q.options[i].0;
            QuizOption {
                id: id.clone(),
                text: texts.get(id).cloned().unwrap_or_default(),
            }
        })
        .collect()
}
