//! Workshops on the facade: the seeded list, a trainer's details, enrolment, and where a
//! learner stands against the completion rule.

use super::Sdr;
use crate::error::{CoreError, Result};
use crate::locale::Locale;
use crate::views::{
    CertificateInfo, LessonRef, ModuleRequirement, RosterEntry, RosterView, WorkshopStatus,
    WorkshopView,
};
use crate::workshops::completion::{self, Evaluation};
use crate::workshops::dates::{self, Date};
use crate::workshops::economies::economy_name;
use crate::workshops::{Workshop, WorkshopDetails};

impl Sdr {
    /// Brings the workshops table up to the embedded seeds (a no-op write when nothing
    /// changed). Called on every open, so a new version's seeds arrive with the upgrade.
    pub(super) fn load_seeds(&self) -> Result<()> {
        let seeds = crate::workshops::parse_seeds(crate::workshops::SEEDS)?;
        self.db.load_workshop_seeds(&seeds)?;
        Ok(())
    }

    pub(crate) fn workshop(&self, id: &str) -> Result<Workshop> {
        self.db.workshop(id)?.ok_or_else(|| CoreError::NotFound {
            what: "workshop",
            id: id.to_string(),
        })
    }

    /// A module as a reference, its title in `locale` or the fallback.
    pub(super) fn module_ref(&self, id: &str, locale: Locale) -> LessonRef {
        match self.pack.module(id) {
            Some(m) => {
                let t = m.text(locale, self.pack.source_locale);
                LessonRef {
                    id: id.to_string(),
                    title: t.value.title.clone(),
                    locale: t.locale,
                }
            }
            None => LessonRef {
                id: id.to_string(),
                title: id.to_string(),
                locale: self.pack.source_locale,
            },
        }
    }

    pub(super) fn workshop_view(&self, w: &Workshop, locale: Locale) -> WorkshopView {
        WorkshopView {
            id: w.id.clone(),
            economy_name: economy_name(&w.economy, locale),
            economy: w.economy.clone(),
            year: w.year,
            locales: w.locales.clone(),
            default_locale: w.default_locale,
            calendar: w.calendar,
            details: w.details.clone(),
            details_disagreement: w.details_disagreement.clone(),
            required_modules: completion::required_module_ids(&self.pack, &w.rule)
                .iter()
                .map(|id| self.module_ref(id, locale))
                .collect(),
            pass_mark: w.rule.pass_mark,
            assessment_required: w.rule.assessment,
        }
    }

    /// Every workshop, the economies named in `locale`.
    pub fn workshops(&self, locale: Locale) -> Result<Vec<WorkshopView>> {
        Ok(self
            .db
            .workshops()?
            .iter()
            .map(|w| self.workshop_view(w, locale))
            .collect())
    }

    /// Saves what a trainer entered about a workshop (city, host, dates).
    pub fn update_workshop(
        &self,
        id: &str,
        details: WorkshopDetails,
        locale: Locale,
        now_ms: i64,
    ) -> Result<WorkshopView> {
        let details = details.validated()?;
        self.workshop(id)?;
        let origin = self.laptop_name()?;
        self.db
            .set_workshop_details(&self.new_id().to_string(), id, &details, now_ms, &origin)?;
        Ok(self.workshop_view(&self.workshop(id)?, locale))
    }

    /// Enrols a learner in a workshop; a later enrolment replaces an earlier one.
    pub fn enrol(
        &self,
        profile_id: &str,
        workshop_id: &str,
        now_ms: i64,
    ) -> Result<WorkshopStatus> {
        self.profile(profile_id)?;
        self.workshop(workshop_id)?;
        if self.db.enrolment(profile_id)?.as_deref() != Some(workshop_id) {
            self.db
                .enrol(&self.new_id().to_string(), profile_id, workshop_id, now_ms)?;
        }
        self.workshop_status(profile_id)?
            .ok_or_else(|| CoreError::Internal("enrolment was not recorded".to_string()))
    }

    /// The learner's workshop and what they still need; `None` when not enrolled.
    pub(super) fn enrolled_workshop(&self, profile_id: &str) -> Result<Option<Workshop>> {
        match self.db.enrolment(profile_id)? {
            Some(id) => Ok(Some(self.workshop(&id)?)),
            None => Ok(None),
        }
    }

    /// Applies a workshop's rule to a learner's records.
    pub(super) fn evaluate(&self, profile_id: &str, w: &Workshop) -> Result<Evaluation> {
        let finished: Vec<i64> = self
            .db
            .assessment_results(profile_id)?
            .iter()
            .map(|r| r.at_ms)
            .collect();
        Ok(completion::evaluate(
            &self.pack,
            &w.rule,
            &self.db.events(profile_id)?,
            &self.db.results(profile_id)?,
            &finished,
        ))
    }

    /// Where a learner stands in their workshop; `None` when they have not joined one.
    pub fn workshop_status(&self, profile_id: &str) -> Result<Option<WorkshopStatus>> {
        let profile = self.profile(profile_id)?;
        let Some(w) = self.enrolled_workshop(profile_id)? else {
            return Ok(None);
        };
        let locale = profile.locale;
        let eval = self.evaluate(profile_id, &w)?;
        let certificate = self
            .db
            .certificate_for(profile_id, &w.id)?
            .map(|c| CertificateInfo {
                file_name: crate::certificates::file_name(&c.id, &profile.display_name),
                id: c.id,
                issued_at_ms: c.issued_at_ms,
            });
        Ok(Some(WorkshopStatus {
            workshop: self.workshop_view(&w, locale),
            modules: eval
                .modules
                .iter()
                .map(|m| ModuleRequirement {
                    module: self.module_ref(&m.module_id, locale),
                    lessons_done: m.lessons_done,
                    lessons_total: m.lessons_total,
                    has_quiz: m.has_quiz,
                    best_score: m.best_score,
                    met: m.met,
                })
                .collect(),
            assessment_done: eval.assessment.map(|a| a.is_some()),
            complete: eval.complete,
            completed_on: eval
                .completed_at_ms
                .map(|at| dates::format(Date::at(at, w.utc_offset_min), locale, w.calendar)),
            certificate,
        }))
    }

    /// A workshop's learners and how far each is, for the trainer; economy and module names
    /// in `locale`.
    pub fn roster(&self, workshop_id: &str, locale: Locale) -> Result<RosterView> {
        let w = self.workshop(workshop_id)?;
        let mut learners = Vec::new();
        for id in self.db.enrolled(workshop_id)? {
            let profile = self.profile(&id)?;
            let eval = self.evaluate(&id, &w)?;
            learners.push(RosterEntry {
                modules_met: eval.modules.iter().filter(|m| m.met).count() as u32,
                modules_required: eval.modules.len() as u32,
                assessment_done: eval.assessment.map(|a| a.is_some()),
                complete: eval.complete,
                certificate_id: self.db.certificate_for(&id, workshop_id)?.map(|c| c.id),
                profile_id: profile.id,
                name: profile.display_name,
                locale: profile.locale,
            });
        }
        Ok(RosterView {
            workshop: self.workshop_view(&w, locale),
            learners,
        })
    }
}
