//! The self-assessment: start or resume, answer (answers may change until the end), finish
//! with levels, index and plan, and look back at earlier ones.

use std::collections::{BTreeMap, HashMap};

use super::Sdr;
use crate::content::assessment::{Assessment, AssessmentTexts};
use crate::error::{CoreError, Result};
use crate::learning::assessment as scoring;
use crate::locale::Locale;
use crate::storage::StoredResult;
use crate::views::{
    AssessmentDomain, AssessmentHistoryEntry, AssessmentItem, AssessmentOverview,
    AssessmentProgress, AssessmentReport, AssessmentView, DomainResult, PlanStep,
};

impl Sdr {
    fn assessment(&self) -> Result<&Assessment> {
        self.pack
            .assessment
            .as_ref()
            .ok_or_else(|| CoreError::NotFound {
                what: "self-assessment",
                id: self.pack.id.clone(),
            })
    }

    /// Texts in `locale`, or in the source locale when not translated yet.
    fn assessment_texts(&self, locale: Locale) -> Result<(Locale, &AssessmentTexts)> {
        let a = self.assessment()?;
        let source = self.pack.source_locale;
        Ok(match a.texts.get(&locale) {
            Some(t) => (locale, t),
            None => (source, &a.texts[&source]),
        })
    }

    fn check_owner(&self, profile_id: &str, assessment_id: &str) -> Result<()> {
        match self.db.assessment_owner(assessment_id)? {
            Some(owner) if owner == profile_id => Ok(()),
            _ => Err(CoreError::NotFound {
                what: "assessment",
                id: assessment_id.to_string(),
            }),
        }
    }

    pub fn assessment_overview(&self, profile_id: &str) -> Result<AssessmentOverview> {
        self.profile(profile_id)?;
        let Some(a) = self.pack.assessment.as_ref() else {
            return Ok(AssessmentOverview {
                available: false,
                total: 0,
                in_progress: None,
                history: Vec::new(),
            });
        };
        let in_progress = match self.db.open_assessment(profile_id)? {
            Some(id) => {
                let answered = self.db.assessment_answers(&id)?.len() as u32;
                Some(AssessmentProgress { id, answered })
            }
            None => None,
        };
        let mut history: Vec<AssessmentHistoryEntry> = self
            .db
            .assessment_results(profile_id)?
            .into_iter()
            .map(|r| AssessmentHistoryEntry {
                id: r.assessment_id,
                finished_at_ms: r.at_ms,
                overall: r.overall,
            })
            .collect();
        history.reverse();
        Ok(AssessmentOverview {
            available: true,
            total: a.questions.len() as u32,
            in_progress,
            history,
        })
    }

    /// Resumes the learner's unfinished assessment, or starts a new one.
    pub fn start_assessment(&self, profile_id: &str, now_ms: i64) -> Result<AssessmentView> {
        self.profile(profile_id)?;
        self.assessment()?;
        let id = match self.db.open_assessment(profile_id)? {
            Some(id) => id,
            None => {
                let id = self.new_id().to_string();
                self.db.insert_assessment(&id, profile_id, now_ms)?;
                id
            }
        };
        self.assessment_view(profile_id, &id)
    }

    fn is_finished(&self, profile_id: &str, assessment_id: &str) -> Result<Option<StoredResult>> {
        Ok(self
            .db
            .assessment_results(profile_id)?
            .into_iter()
            .find(|r| r.assessment_id == assessment_id))
    }

    /// Records (or changes) one answer, 0-3.
    pub fn answer_assessment(
        &self,
        profile_id: &str,
        assessment_id: &str,
        question_id: &str,
        answer: u8,
        now_ms: i64,
    ) -> Result<AssessmentView> {
        self.check_owner(profile_id, assessment_id)?;
        if answer > 3 {
            return Err(CoreError::InvalidInput(format!(
                "answer {answer} is not 0-3"
            )));
        }
        if !self
            .assessment()?
            .questions
            .iter()
            .any(|q| q.id == question_id)
        {
            return Err(CoreError::NotFound {
                what: "assessment question",
                id: question_id.to_string(),
            });
        }
        if self.is_finished(profile_id, assessment_id)?.is_some() {
            return Err(CoreError::InvalidInput(
                "this assessment is finished; start a new one".into(),
            ));
        }
        self.db.insert_assessment_answer(
            &self.new_id().to_string(),
            assessment_id,
            question_id,
            answer,
            now_ms,
        )?;
        self.assessment_view(profile_id, assessment_id)
    }

    fn assessment_view(&self, profile_id: &str, assessment_id: &str) -> Result<AssessmentView> {
        let profile = self.profile(profile_id)?;
        let a = self.assessment()?;
        let (locale, texts) = self.assessment_texts(profile.locale)?;
        let answers = self.db.assessment_answers(assessment_id)?;
        Ok(AssessmentView {
            id: assessment_id.to_string(),
            answered: a
                .questions
                .iter()
                .filter(|q| answers.contains_key(&q.id))
                .count() as u32,
            total: a.questions.len() as u32,
            domains: a
                .domains
                .iter()
                .map(|d| AssessmentDomain {
                    id: d.clone(),
                    title: texts.domains[d].title.clone(),
                    description: texts.domains[d].description.clone(),
                    locale,
                })
                .collect(),
            questions: a
                .questions
                .iter()
                .map(|q| AssessmentItem {
                    id: q.id.clone(),
                    domain: q.domain.clone(),
                    prompt: texts.questions[&q.id].prompt.clone(),
                    levels: texts.questions[&q.id].levels.to_vec(),
                    answer: answers.get(&q.id).copied(),
                    locale,
                })
                .collect(),
        })
    }

    /// Scores a fully answered assessment and keeps the result.
    pub fn finish_assessment(
        &self,
        profile_id: &str,
        assessment_id: &str,
        now_ms: i64,
    ) -> Result<AssessmentReport> {
        self.check_owner(profile_id, assessment_id)?;
        if self.is_finished(profile_id, assessment_id)?.is_none() {
            let a = self.assessment()?;
            let answers = self.db.assessment_answers(assessment_id)?;
            let missing = a
                .questions
                .iter()
                .filter(|q| !answers.contains_key(&q.id))
                .count();
            if missing > 0 {
                return Err(CoreError::InvalidInput(format!(
                    "{missing} questions are not answered yet"
                )));
            }
            let levels = scoring::domain_levels(&a.domains, &a.questions, &answers);
            self.db.insert_assessment_result(&StoredResult {
                assessment_id: assessment_id.to_string(),
                overall: scoring::overall_index(&a.questions, &answers),
                levels: a.domains.iter().cloned().zip(levels).collect(),
                at_ms: now_ms,
            })?;
        }
        self.assessment_report(profile_id, assessment_id)
    }

    /// The report of a finished assessment, compared with the one finished before it.
    pub fn assessment_report(
        &self,
        profile_id: &str,
        assessment_id: &str,
    ) -> Result<AssessmentReport> {
        self.check_owner(profile_id, assessment_id)?;
        let profile = self.profile(profile_id)?;
        let a = self.assessment()?;
        let results = self.db.assessment_results(profile_id)?;
        let Some(pos) = results
            .iter()
            .position(|r| r.assessment_id == assessment_id)
        else {
            return Err(CoreError::InvalidInput(
                "this assessment is not finished yet".into(),
            ));
        };
        let this = &results[pos];
        let previous = pos.checked_sub(1).map(|p| &results[p]);
        let (locale, texts) = self.assessment_texts(profile.locale)?;
        let answers: HashMap<String, u8> = self.db.assessment_answers(assessment_id)?;
        let level_of = |r: &StoredResult, d: &str| -> Option<u8> { r.levels.get(d).copied() };
        let domain_titles: BTreeMap<&str, &str> = texts
            .domains
            .iter()
            .map(|(k, v)| (k.as_str(), v.title.as_str()))
            .collect();
        Ok(AssessmentReport {
            id: assessment_id.to_string(),
            finished_at_ms: this.at_ms,
            overall: this.overall,
            previous_overall: previous.map(|p| p.overall),
            domains: a
                .domains
                .iter()
                .map(|d| DomainResult {
                    id: d.clone(),
                    title: domain_titles[d.as_str()].to_string(),
                    locale,
                    level: level_of(this, d).unwrap_or(0),
                    previous_level: previous.and_then(|p| level_of(p, d)),
                })
                .collect(),
            plan: scoring::action_plan(&a.questions, &answers)
                .into_iter()
                .map(|q| PlanStep {
                    question_id: q.id.clone(),
                    domain_title: domain_titles[q.domain.as_str()].to_string(),
                    action: texts.questions[&q.id].action.clone(),
                    answer: answers.get(&q.id).copied().unwrap_or(0),
                    impact: q.impact,
                    effort: q.effort,
                    control: q.control.clone(),
                    lessons: q
                        .lessons
                        .iter()
                        .map(|l| self.lesson_ref_by_id(l, profile.locale))
                        .collect(),
                    locale,
                })
                .collect(),
        })
    }
}
