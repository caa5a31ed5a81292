//! Demo data: learners who studied the course through the facade's own public calls (create a
//! profile, join a workshop, read lessons, take quizzes, do the self-assessment, receive a
//! certificate), for tests, benchmarks and a trainer trying the organizer screens.
//!
//! Everything a seed decides comes out the same again: the record ids (the facade's id source
//! is seeded, see [`Sdr::use_seeded_ids`]), the names, the answers and the times, which come
//! from a simulated clock starting on a workshop day in the workshop's year, never from the
//! computer's clock. Only the installation's issuer key (and so the signature inside each
//! certificate's payload) is random. The same seed, learner count and workshop therefore give
//! the same learner records in a fresh data folder; different seeds give disjoint ids.

use std::collections::HashSet;

use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::RngCore;

use crate::content::{Lesson, Module, Question, QuestionKind};
use crate::error::{CoreError, Result};
use crate::facade::Sdr;
use crate::ids::{IdSource, seeded_rng};
use crate::learning::normalize_display_name;
use crate::locale::Locale;
use crate::views::QuizOutcome;
use crate::workshops::dates::{self, Date};

/// The most learners one call makes.
pub const MAX_LEARNERS: u32 = 10_000;

/// How far the demo learners went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DemoMode {
    /// A room as a trainer finds it: some barely started, many half-way, some finished; some
    /// failed a quiz and tried again, some did the self-assessment; certificates for those who
    /// met the workshop's requirements.
    Spread,
    /// Everyone read every lesson, took every quiz twice and did one self-assessment; a
    /// certificate for each who met the requirements.
    FullCourse,
}

/// What to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    /// How many learners (1 to [`MAX_LEARNERS`]).
    pub learners: u32,
    /// The workshop they join.
    pub workshop_id: String,
    /// Fixes everything: the same seed gives the same learners. Give every laptop whose
    /// records will be merged its own seed.
    pub seed: u64,
    pub mode: DemoMode,
}

/// The records made, by kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DemoSummary {
    pub profiles: u32,
    pub enrolments: u32,
    pub progress_events: u32,
    pub quiz_attempts: u32,
    pub quiz_answers: u32,
    pub quiz_results: u32,
    pub assessments: u32,
    pub assessment_answers: u32,
    pub assessment_results: u32,
    pub certificates: u32,
}

impl DemoSummary {
    /// Each kind with its count, in the order a learner makes them.
    pub fn by_kind(&self) -> [(&'static str, u32); 10] {
        [
            ("profiles", self.profiles),
            ("enrolments", self.enrolments),
            ("progress events", self.progress_events),
            ("quiz attempts", self.quiz_attempts),
            ("quiz answers", self.quiz_answers),
            ("quiz results", self.quiz_results),
            ("assessments", self.assessments),
            ("assessment answers", self.assessment_answers),
            ("assessment results", self.assessment_results),
            ("certificates", self.certificates),
        ]
    }

    /// Every record made.
    pub fn records(&self) -> u32 {
        self.by_kind().iter().map(|(_, n)| n).sum()
    }
}

/// Fills `sdr`'s data folder with `spec.learners` learners of `spec.workshop_id`, in one
/// transaction (all of them or none). The facade's ids are seeded for the run and random
/// again afterwards. Refused when the folder already holds this seed's learners.
pub fn generate(sdr: &Sdr, spec: &DemoSpec) -> Result<DemoSummary> {
    if spec.learners == 0 || spec.learners > MAX_LEARNERS {
        return Err(CoreError::InvalidInput(format!(
            "the number of learners must be 1 to {MAX_LEARNERS}"
        )));
    }
    let workshop = sdr.workshop(&spec.workshop_id)?;
    let existing = sdr.start_state()?.profiles;
    // The first id of the seed is the first learner's profile id.
    let first_id = IdSource::seeded(spec.seed).next().to_string();
    if existing.iter().any(|p| p.id == first_id) {
        return Err(CoreError::InvalidInput(format!(
            "this data folder already holds the demo learners of seed {}; use another seed",
            spec.seed
        )));
    }
    let mut run = Run {
        sdr,
        dice: Dice(seeded_rng(b"sdr-demo", spec.seed)),
        summary: DemoSummary::default(),
        workshop_id: workshop.id.clone(),
        offset_min: workshop.utc_offset_min,
    };
    let taken: HashSet<String> = existing
        .iter()
        .map(|p| p.display_name.to_lowercase())
        .collect();
    let roster = run.roster(spec.learners, workshop.default_locale, taken)?;
    let first_day = first_day(workshop.year, &workshop.details.start_date);
    sdr.use_seeded_ids(spec.seed);
    let made = sdr.in_batch(|_| {
        for (i, (name, locale)) in roster.iter().enumerate() {
            // Learners come in a few minutes apart from 09:00 on the first day.
            let arrival = local_ms(first_day, 9 * 3600, run.offset_min)
                + i as i64 * 180_000
                + run.dice.between(0, 90_000);
            let arrival = run.working_hours(arrival);
            run.learner(name, *locale, arrival, spec.mode)?;
        }
        Ok(())
    });
    sdr.use_random_ids();
    made?;
    Ok(run.summary)
}

/// The workshop's first day: the date a trainer entered, else the first Monday of September
/// of the workshop's year.
fn first_day(year: i32, start_date: &str) -> i64 {
    if let Some(d) = dates::parse_iso(start_date) {
        return dates::days_from_civil(d);
    }
    let sept = dates::days_from_civil(Date {
        year,
        month: 9,
        day: 1,
    });
    sept + (1 - weekday(sept)).rem_euclid(7)
}

/// 0 = Sunday … 6 = Saturday, of a day counted from 1970-01-01 (a Thursday).
fn weekday(day: i64) -> i64 {
    (day + 4).rem_euclid(7)
}

/// Unix milliseconds of `second` seconds into local `day` in a place `offset_min` east of UTC.
fn local_ms(day: i64, second: i64, offset_min: i32) -> i64 {
    (day * 86_400 + second - i64::from(offset_min) * 60) * 1000
}

/// A seeded source of choices.
struct Dice(ChaCha20Rng);

impl Dice {
    /// In `lo..=hi`.
    fn between(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi - lo).max(0) as u64 + 1;
        lo + (self.0.next_u64() % span) as i64
    }

    /// In `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.between(0, items.len() as i64 - 1) as usize]
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.between(0, i as i64) as usize);
        }
    }
}

/// How far a learner of the spread got.
#[derive(Debug, Clone, Copy)]
enum Persona {
    /// Opened a lesson or two.
    Browsing,
    /// Some modules done, one under way.
    MidWay,
    /// Every lesson read, but a quiz not passed or a lesson not ticked.
    NearlyDone,
    /// Everything, certificate included when the workshop's rule is met.
    Finished,
}

/// One learner's state while they study.
struct Learner {
    id: String,
    locale: Locale,
    /// The simulated clock.
    at: i64,
    /// The chance of answering a quiz question right on a first attempt.
    skill: f64,
    /// Where their business stands, 0-3, for the self-assessment.
    maturity: f64,
}

struct Run<'a> {
    sdr: &'a Sdr,
    dice: Dice,
    summary: DemoSummary,
    workshop_id: String,
    offset_min: i32,
}

impl Run<'_> {
    /// Names and course languages: about three in five from the workshop's own language, the
    /// rest spread over the other five (at least one each from six learners up), in a shuffled
    /// order; each studies in their name's language, some in English instead.
    fn roster(
        &mut self,
        learners: u32,
        home: Locale,
        mut taken: HashSet<String>,
    ) -> Result<Vec<(String, Locale)>> {
        let others: Vec<Locale> = Locale::ALL.into_iter().filter(|l| *l != home).collect();
        let n = learners as usize;
        let visitors = if n <= 1 {
            0
        } else {
            (n * 2 / 5).max(others.len().min(n - 1))
        };
        let mut languages: Vec<Locale> = (0..n)
            .map(|i| {
                if i < visitors {
                    others[i % others.len()]
                } else {
                    home
                }
            })
            .collect();
        self.dice.shuffle(&mut languages);
        languages
            .into_iter()
            .map(|language| {
                let name = self.unique_name(language, &mut taken)?;
                let locale = if self.dice.chance(0.85) {
                    language
                } else if language == Locale::En {
                    home
                } else {
                    Locale::En
                };
                Ok((name, locale))
            })
            .collect()
    }

    /// A name in `language` nobody on this laptop has (names are compared as the facade
    /// does: normalised, ignoring case); after many draws, a number makes it unique.
    fn unique_name(&mut self, language: Locale, taken: &mut HashSet<String>) -> Result<String> {
        let mut name = String::new();
        for _ in 0..40 {
            name = normalize_display_name(&names::draw(language, &mut self.dice))?;
            if taken.insert(name.to_lowercase()) {
                return Ok(name);
            }
        }
        let mut n = 2;
        loop {
            let numbered = format!("{name} {n}");
            if taken.insert(numbered.to_lowercase()) {
                return Ok(numbered);
            }
            n += 1;
        }
    }

    /// Moves the learner's clock on by `lo_s..=hi_s` seconds (and some milliseconds).
    fn wait(&mut self, l: &mut Learner, lo_s: i64, hi_s: i64) {
        let later = l.at + self.dice.between(lo_s * 1000, hi_s * 1000 + 999);
        l.at = self.working_hours(later);
    }

    /// `at`, or when it falls outside working hours (09:00-17:30 local, Monday to Friday), a
    /// moment in the first twenty minutes of the next working day.
    fn working_hours(&mut self, at: i64) -> i64 {
        let local_s = at.div_euclid(1000) + i64::from(self.offset_min) * 60;
        let (mut day, second) = (local_s.div_euclid(86_400), local_s.rem_euclid(86_400));
        if (9 * 3600..17 * 3600 + 1800).contains(&second) && !matches!(weekday(day), 0 | 6) {
            return at;
        }
        if second >= 9 * 3600 {
            day += 1;
        }
        while matches!(weekday(day), 0 | 6) {
            day += 1;
        }
        local_ms(day, 9 * 3600 + self.dice.between(0, 1200), self.offset_min)
            + self.dice.between(0, 999)
    }

    fn learner(&mut self, name: &str, locale: Locale, arrival: i64, mode: DemoMode) -> Result<()> {
        let sdr = self.sdr;
        let profile = sdr.create_profile(name, locale, arrival)?;
        self.summary.profiles += 1;
        let mut l = Learner {
            id: profile.id,
            locale,
            at: arrival,
            skill: 0.6 + 0.35 * self.dice.unit(),
            maturity: 0.4 + 2.2 * self.dice.unit(),
        };
        self.wait(&mut l, 20, 120);
        sdr.enrol(&l.id, &self.workshop_id, l.at)?;
        self.summary.enrolments += 1;
        let modules = &sdr.pack().modules;
        match mode {
            DemoMode::FullCourse => {
                for m in modules {
                    self.read_module(&mut l, m)?;
                    if m.quiz.is_some() {
                        for attempt in 0..2 {
                            self.take_quiz(&mut l, m, attempt, true)?;
                        }
                    }
                }
                self.assessment(&mut l, true, false)?;
            }
            DemoMode::Spread => {
                let persona = match self.dice.between(0, 99) {
                    0..15 => Persona::Browsing,
                    15..60 => Persona::MidWay,
                    60..70 => Persona::NearlyDone,
                    _ => Persona::Finished,
                };
                self.spread(&mut l, modules, persona)?;
            }
        }
        if sdr.workshop_status(&l.id)?.is_some_and(|s| s.complete) {
            self.wait(&mut l, 30, 600);
            sdr.certificate_file_name(&l.id, l.at)?;
            self.summary.certificates += 1;
        }
        Ok(())
    }

    fn spread(&mut self, l: &mut Learner, modules: &[Module], persona: Persona) -> Result<()> {
        let lessons: Vec<&Lesson> = modules.iter().flat_map(|m| &m.lessons).collect();
        match persona {
            Persona::Browsing => {
                let read = self.dice.between(0, 1) as usize;
                for lesson in lessons.iter().take(read) {
                    self.read(l, lesson)?;
                }
                for lesson in lessons
                    .iter()
                    .skip(read)
                    .take(self.dice.between(1, 2) as usize)
                {
                    self.open(l, &lesson.id)?;
                }
                if self.dice.chance(0.1) {
                    self.assessment(l, false, true)?;
                }
            }
            Persona::MidWay => {
                let done = self
                    .dice
                    .between(1, modules.len().saturating_sub(2).max(1) as i64);
                let done = (done as usize).min(modules.len());
                for m in &modules[..done] {
                    let tries = self.dice.between(1, 3) as u32;
                    self.study_module(l, m, tries)?;
                }
                if let Some(m) = modules.get(done) {
                    let read = self.dice.between(0, m.lessons.len() as i64 - 1) as usize;
                    for lesson in &m.lessons[..read] {
                        self.read(l, lesson)?;
                    }
                    if let Some(lesson) = m.lessons.get(read) {
                        self.open(l, &lesson.id)?;
                    }
                    if m.quiz.is_some() && self.dice.chance(0.1) {
                        self.take_quiz(l, m, 0, false)?;
                    }
                }
                match self.dice.between(0, 9) {
                    0..3 => self.assessment(l, true, true)?,
                    3 => self.assessment(l, false, true)?,
                    _ => {}
                }
            }
            Persona::NearlyDone => {
                let untouched = self.dice.between(0, modules.len() as i64 - 1) as usize;
                for (i, m) in modules.iter().enumerate() {
                    if i == untouched && m.lessons.len() > 1 && self.dice.chance(0.5) {
                        // Read it all but forgot to tick the last lesson.
                        let (last, rest) = m.lessons.split_last().expect("lessons");
                        for lesson in rest {
                            self.read(l, lesson)?;
                        }
                        self.open(l, &last.id)?;
                    } else {
                        let tries = self.dice.between(1, 2) as u32;
                        self.study_module(l, m, tries)?;
                    }
                }
                if self.dice.chance(0.5) {
                    self.assessment(l, true, true)?;
                }
            }
            Persona::Finished => {
                for m in modules {
                    self.study_module(l, m, 5)?;
                }
                self.assessment(l, true, true)?;
            }
        }
        Ok(())
    }

    /// Reads a module's lessons, then takes its quiz until passed or `tries` attempts are used,
    /// going back to a lesson the quiz points to between attempts.
    fn study_module(&mut self, l: &mut Learner, m: &Module, tries: u32) -> Result<()> {
        self.read_module(l, m)?;
        if m.quiz.is_none() {
            return Ok(());
        }
        for attempt in 0..tries {
            let Some(outcome) = self.take_quiz(l, m, attempt, true)? else {
                break;
            };
            if outcome.passed {
                break;
            }
            if let Some(lesson) = outcome.review.first()
                && attempt + 1 < tries
            {
                self.open(l, &lesson.id)?;
                self.wait(l, 60, 300);
            }
        }
        Ok(())
    }

    fn read_module(&mut self, l: &mut Learner, m: &Module) -> Result<()> {
        for lesson in &m.lessons {
            self.read(l, lesson)?;
        }
        Ok(())
    }

    /// Opens a lesson, reads it for about its reading time, and ticks it done.
    fn read(&mut self, l: &mut Learner, lesson: &Lesson) -> Result<()> {
        self.open(l, &lesson.id)?;
        let minutes = i64::from(
            lesson
                .text(l.locale, self.sdr.pack().source_locale)
                .value
                .reading_minutes
                .max(1),
        );
        self.wait(l, minutes * 30, minutes * 80);
        self.sdr.set_lesson_done(&l.id, &lesson.id, true, l.at)?;
        self.summary.progress_events += 1;
        self.wait(l, 5, 60);
        Ok(())
    }

    fn open(&mut self, l: &mut Learner, lesson_id: &str) -> Result<()> {
        self.sdr.open_lesson(&l.id, lesson_id, l.at)?;
        self.summary.progress_events += 1;
        self.wait(l, 5, 30);
        Ok(())
    }

    /// A fresh attempt at a module's quiz, answered question by question; finished (and its
    /// outcome returned) when `finish`, else left half answered. Learners do better on later
    /// attempts.
    fn take_quiz(
        &mut self,
        l: &mut Learner,
        m: &Module,
        attempt: u32,
        finish: bool,
    ) -> Result<Option<QuizOutcome>> {
        let Some(quiz) = &m.quiz else {
            return Ok(None);
        };
        let sdr = self.sdr;
        let view = sdr.start_quiz(&l.id, &m.id, true, l.at)?;
        self.summary.quiz_attempts += 1;
        let right = (l.skill + 0.15 * f64::from(attempt)).min(0.97);
        let count = if finish {
            view.questions.len()
        } else {
            view.questions.len() / 2
        };
        for shown in view.questions.iter().take(count) {
            let question = quiz
                .questions
                .iter()
                .find(|q| q.id == shown.id)
                .ok_or_else(|| CoreError::Internal(format!("quiz question {}", shown.id)))?;
            self.wait(l, 15, 75);
            let correct = self.dice.chance(right);
            let chosen = self.choose(question, correct);
            sdr.answer_question(&l.id, &view.attempt_id, &question.id, &chosen, l.at)?;
            self.summary.quiz_answers += 1;
        }
        if !finish {
            return Ok(None);
        }
        self.wait(l, 3, 20);
        let done = sdr.finish_quiz(&l.id, &view.attempt_id, l.at)?;
        self.summary.quiz_results += 1;
        self.wait(l, 20, 120);
        Ok(done.result)
    }

    /// The right options, or a plausible mistake: another option, or for a multiple choice
    /// some of the right ones with a wrong one.
    fn choose(&mut self, q: &Question, right: bool) -> Vec<String> {
        let correct: Vec<&str> = q.correct_ids().collect();
        let wrong: Vec<&str> = q
            .options
            .iter()
            .filter(|(_, c)| !c)
            .map(|(id, _)| id.as_str())
            .collect();
        if right || wrong.is_empty() {
            return correct.into_iter().map(str::to_string).collect();
        }
        let mistake = self.dice.pick(&wrong).to_string();
        if q.kind != QuestionKind::Multiple {
            return vec![mistake];
        }
        let mut chosen: Vec<String> = correct
            .iter()
            .filter(|_| self.dice.chance(0.6))
            .map(|s| s.to_string())
            .collect();
        if chosen.len() == correct.len() || chosen.is_empty() || self.dice.chance(0.5) {
            chosen.push(mistake);
        }
        chosen
    }

    /// The self-assessment, answered as the learner's business stands. `finish` false leaves
    /// it part answered; `second_thoughts` lets them change an answer or two.
    fn assessment(&mut self, l: &mut Learner, finish: bool, second_thoughts: bool) -> Result<()> {
        let sdr = self.sdr;
        if sdr.pack().assessment.is_none() {
            return Ok(());
        }
        self.wait(l, 30, 300);
        let view = sdr.start_assessment(&l.id, l.at)?;
        self.summary.assessments += 1;
        let count = if finish {
            view.questions.len()
        } else {
            self.dice.between(1, view.questions.len() as i64 / 2) as usize
        };
        for q in view.questions.iter().take(count) {
            self.wait(l, 8, 45);
            let answer = self.level(l);
            sdr.answer_assessment(&l.id, &view.id, &q.id, answer, l.at)?;
            self.summary.assessment_answers += 1;
        }
        if second_thoughts && count > 0 {
            for _ in 0..self.dice.between(0, 2) {
                let q = &view.questions[self.dice.between(0, count as i64 - 1) as usize];
                self.wait(l, 5, 30);
                let answer = self.level(l);
                sdr.answer_assessment(&l.id, &view.id, &q.id, answer, l.at)?;
                self.summary.assessment_answers += 1;
            }
        }
        if finish {
            self.wait(l, 5, 30);
            sdr.finish_assessment(&l.id, &view.id, l.at)?;
            self.summary.assessment_results += 1;
        }
        Ok(())
    }

    /// An answer 0-3 near the learner's maturity.
    fn level(&mut self, l: &Learner) -> u8 {
        (l.maturity + 2.0 * self.dice.unit() - 1.0)
            .round()
            .clamp(0.0, 3.0) as u8
    }
}

/// Given and family names in the six languages, put together the way each language writes
/// a full name. Each list is one string, its names separated by ", ".
mod names {
    use super::Dice;
    use crate::locale::Locale;

    const EN_MEN: &str = "James, Michael, Daniel, David, Thomas, Andrew, Samuel, Benjamin";
    const EN_WOMEN: &str = "Olivia, Emily, Sarah, Grace, Hannah, Chloe, Charlotte, Amelia";
    pub(super) const EN_FAMILY: &str = "Smith, Johnson, Brown, Taylor, Wilson, Clarke, Walker, \
        Hughes, Turner, Bennett, Mitchell, Harris";

    const MS_MEN: &str =
        "Ahmad, Muhammad Faiz, Amirul, Hafiz, Zulkifli, Azman, Khairul Anuar, Syafiq";
    const MS_WOMEN: &str =
        "Siti Aminah, Nur Aisyah, Nurul Izzah, Farah, Zainab, Noraini, Haslinda, Nur Syafiqah";
    /// Fathers' names, after bin (son of) or binti (daughter of).
    const MS_FATHERS: &str =
        "Ismail, Yusof, Abdullah, Hassan, Rahman, Othman, Ibrahim, Kamarudin, Hamid, Salleh";

    const FIL_MEN: &str = "Jose, Juan Carlos, Mark Anthony, Ramon, Danilo, Rodel, Jericho, Paolo";
    const FIL_WOMEN: &str =
        "Maria Cristina, Angelica, Maricel, Rowena, Liza, Jennifer, Kristine, Josefina";
    pub(super) const FIL_FAMILY: &str = "Santos, Reyes, Cruz, Bautista, Ocampo, Mendoza, \
        Dela Cruz, Villanueva, Aquino, Castillo, Peñaranda, Magbanua";

    pub(super) const ZH_FAMILY: &str = "陳, 林, 黃, 張, 李, 王, 吳, 劉, 蔡, 楊, 許, 鄭, 謝, 郭";
    const ZH_MEN: &str = "志明, 家豪, 俊傑, 建宏, 冠宇, 宗翰, 承恩, 彥廷";
    const ZH_WOMEN: &str = "美玲, 淑芬, 怡君, 雅婷, 佳穎, 詩涵, 欣怡, 宜蓁";

    const TH_MEN: &str = "สมชาย, ประเสริฐ, ณัฐพล, ธนากร, อนุชา, ชัยวัฒน์, วีระพงษ์, กิตติศักดิ์";
    const TH_WOMEN: &str = "สมศรี, วิไลวรรณ, กนกวรรณ, สุภาพร, พิมพ์ชนก, ศิริพร, นภัสสร, จันทร์เพ็ญ";
    const TH_FAMILY: &str = "ใจดี, ศรีสุข, วงศ์สวัสดิ์, แก้วมณี, บุญมา, สุขสวัสดิ์, ทองคำ, \
        รัตนพันธ์, พงษ์ศักดิ์, เจริญผล, ศักดิ์สิทธิ์, อินทร์แก้ว";

    pub(super) const VI_FAMILY: &str =
        "Nguyễn, Trần, Lê, Phạm, Hoàng, Huỳnh, Phan, Vũ, Võ, Đặng, Bùi, Đỗ";
    const VI_MEN_MIDDLE: &str = "Văn, Minh, Đức, Quang, Hữu";
    const VI_WOMEN_MIDDLE: &str = "Thị, Ngọc, Thu, Thanh, Mỹ";
    const VI_MEN: &str = "Tuấn, Dũng, Hùng, Khoa, Nam, Phúc, Quân, Long";
    const VI_WOMEN: &str = "Hương, Lan, Hà, Phương, Linh, Trang, Thảo, Nhung";

    /// The names of a list.
    pub(super) fn each(list: &str) -> impl Iterator<Item = &str> {
        list.split(", ")
    }

    /// A full name in `language`: given and family name (English, Filipino, Thai); given name,
    /// bin or binti, father's name (Malay); family then given name, unspaced (Chinese); family,
    /// middle and given name (Vietnamese).
    pub(super) fn draw(language: Locale, dice: &mut Dice) -> String {
        let woman = dice.chance(0.5);
        let by = |men: &'static str, women: &'static str| if woman { women } else { men };
        let mut pick = |list: &'static str| -> &'static str {
            let names: Vec<&'static str> = each(list).collect();
            names[dice.between(0, names.len() as i64 - 1) as usize]
        };
        match language {
            Locale::En => format!("{} {}", pick(by(EN_MEN, EN_WOMEN)), pick(EN_FAMILY)),
            Locale::Ms => format!(
                "{} {} {}",
                pick(by(MS_MEN, MS_WOMEN)),
                if woman { "binti" } else { "bin" },
                pick(MS_FATHERS)
            ),
            Locale::Fil => format!("{} {}", pick(by(FIL_MEN, FIL_WOMEN)), pick(FIL_FAMILY)),
            Locale::ZhHant => format!("{}{}", pick(ZH_FAMILY), pick(by(ZH_MEN, ZH_WOMEN))),
            Locale::Th => format!("{} {}", pick(by(TH_MEN, TH_WOMEN)), pick(TH_FAMILY)),
            Locale::Vi => format!(
                "{} {} {}",
                pick(VI_FAMILY),
                pick(by(VI_MEN_MIDDLE, VI_WOMEN_MIDDLE)),
                pick(by(VI_MEN, VI_WOMEN))
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, HashSet};

    use super::*;
    use crate::content;

    const WORKSHOP: &str = "2018-viet-nam";

    fn open() -> (tempfile::TempDir, Sdr) {
        let dir = tempfile::tempdir().unwrap();
        let sdr = Sdr::open(dir.path(), content::builtin().unwrap()).unwrap();
        (dir, sdr)
    }

    fn spec(learners: u32, seed: u64, mode: DemoMode) -> DemoSpec {
        DemoSpec {
            learners,
            workshop_id: WORKSHOP.into(),
            seed,
            mode,
        }
    }

    fn ids(sdr: &Sdr) -> HashSet<String> {
        sdr.learner_records()
            .into_iter()
            .flat_map(|(_, rows)| rows)
            .map(|row| row.split('|').next().unwrap().to_string())
            .collect()
    }

    #[test]
    fn the_same_seed_gives_the_same_records_in_two_fresh_folders() {
        let (_a, first) = open();
        let (_b, second) = open();
        let s1 = generate(&first, &spec(10, 42, DemoMode::Spread)).unwrap();
        let s2 = generate(&second, &spec(10, 42, DemoMode::Spread)).unwrap();
        assert_eq!(s1, s2);
        let records = first.learner_records();
        assert_eq!(records, second.learner_records());
        let counted: usize = records.iter().map(|(_, rows)| rows.len()).sum();
        assert_eq!(counted, s1.records() as usize);
        let profiles = |sdr: &Sdr| sdr.start_state().unwrap().profiles;
        assert_eq!(profiles(&first), profiles(&second));
    }

    #[test]
    fn different_seeds_give_disjoint_ids_and_ids_are_random_again_afterwards() {
        let (_a, first) = open();
        let (_b, second) = open();
        generate(&first, &spec(6, 1, DemoMode::Spread)).unwrap();
        generate(&second, &spec(6, 2, DemoMode::Spread)).unwrap();
        let (one, two) = (ids(&first), ids(&second));
        assert!(one.len() > 6 && two.len() > 6);
        assert!(one.is_disjoint(&two));
        let profile_ids = |sdr: &Sdr| -> HashSet<String> {
            let state = sdr.start_state().unwrap();
            state.profiles.into_iter().map(|p| p.id).collect()
        };
        assert_eq!(profile_ids(&first).len(), 6);
        assert!(profile_ids(&first).is_disjoint(&profile_ids(&second)));

        // After the run the facade's ids are random: a real learner here gets an id no
        // seed gave.
        let real = first
            .create_profile("Lê Thị Mai", Locale::Vi, 1_800_000_000_000)
            .unwrap();
        assert!(!one.contains(&real.id) && !two.contains(&real.id));
    }

    #[test]
    fn a_folder_keeps_its_learners_and_refuses_a_seed_it_already_holds() {
        let (_a, sdr) = open();
        generate(&sdr, &spec(8, 5, DemoMode::Spread)).unwrap();
        let err = generate(&sdr, &spec(8, 5, DemoMode::Spread)).unwrap_err();
        assert_eq!(err.code(), crate::ErrorCode::InvalidInput, "{err}");
        // Another seed adds learners beside them, their names still unique.
        generate(&sdr, &spec(8, 6, DemoMode::Spread)).unwrap();
        let names: Vec<String> = sdr
            .start_state()
            .unwrap()
            .profiles
            .into_iter()
            .map(|p| p.display_name.to_lowercase())
            .collect();
        assert_eq!(names.len(), 16);
        assert_eq!(names.iter().collect::<HashSet<_>>().len(), 16);
        assert!(generate(&sdr, &spec(0, 7, DemoMode::Spread)).is_err());
        assert!(
            generate(
                &sdr,
                &DemoSpec {
                    workshop_id: "1999-atlantis".into(),
                    ..spec(1, 7, DemoMode::Spread)
                }
            )
            .is_err()
        );
    }

    #[test]
    fn full_course_gives_the_expected_records_per_learner() {
        let (_a, sdr) = open();
        let learners = 3;
        let summary = generate(&sdr, &spec(learners, 9, DemoMode::FullCourse)).unwrap();
        let pack = sdr.pack();
        let lessons = pack.lessons().count() as u32;
        let quizzes: Vec<u32> = pack
            .modules
            .iter()
            .filter_map(|m| m.quiz.as_ref().map(|q| q.questions.len() as u32))
            .collect();
        let questions = pack.assessment.as_ref().unwrap().questions.len() as u32;
        let per_learner = DemoSummary {
            profiles: 1,
            enrolments: 1,
            progress_events: 2 * lessons,
            quiz_attempts: 2 * quizzes.len() as u32,
            quiz_answers: 2 * quizzes.iter().sum::<u32>(),
            quiz_results: 2 * quizzes.len() as u32,
            assessments: 1,
            assessment_answers: questions,
            assessment_results: 1,
            certificates: 0,
        };
        for ((kind, made), (_, expected)) in summary.by_kind().iter().zip(per_learner.by_kind()) {
            if *kind != "certificates" {
                assert_eq!(*made, expected * learners, "{kind}");
            }
        }
        // What was counted is what the database holds.
        let held: BTreeMap<&str, usize> = sdr
            .learner_records()
            .into_iter()
            .map(|(table, rows)| (table, rows.len()))
            .collect();
        assert_eq!(held["progress_events"], summary.progress_events as usize);
        assert_eq!(held["quiz_answers"], summary.quiz_answers as usize);
        assert_eq!(
            held["assessment_answers"],
            summary.assessment_answers as usize
        );
        assert_eq!(held["certificates"], summary.certificates as usize);
        // Everyone did everything; a certificate for each who met the pass mark.
        let roster = sdr.roster(WORKSHOP, Locale::En).unwrap();
        assert_eq!(roster.learners.len(), learners as usize);
        for l in &roster.learners {
            assert_eq!(l.assessment_done, Some(true));
            assert_eq!(l.certificate_id.is_some(), l.complete, "{}", l.name);
        }
        let complete = roster.learners.iter().filter(|l| l.complete).count();
        assert_eq!(summary.certificates as usize, complete);
    }

    /// The language a demo name was drawn in.
    fn language_of(name: &str) -> Option<Locale> {
        use super::names::{EN_FAMILY, FIL_FAMILY, VI_FAMILY, ZH_FAMILY, each};
        let last = name.split(' ').next_back()?;
        if name.chars().any(|c| ('\u{0E00}'..='\u{0E7F}').contains(&c)) {
            Some(Locale::Th)
        } else if each(ZH_FAMILY).any(|f| name.starts_with(f)) {
            Some(Locale::ZhHant)
        } else if each(VI_FAMILY).any(|f| name.starts_with(&format!("{f} "))) {
            Some(Locale::Vi)
        } else if name.contains(" bin ") || name.contains(" binti ") {
            Some(Locale::Ms)
        } else if each(FIL_FAMILY).any(|f| name.ends_with(f)) {
            Some(Locale::Fil)
        } else if each(EN_FAMILY).any(|f| f == last) {
            Some(Locale::En)
        } else {
            None
        }
    }

    #[test]
    fn names_cover_all_six_languages_in_their_scripts_and_mostly_match_the_course_language() {
        let (_a, sdr) = open();
        generate(&sdr, &spec(12, 3, DemoMode::Spread)).unwrap();
        let profiles = sdr.start_state().unwrap().profiles;
        let mut languages = BTreeMap::new();
        let mut matching = 0;
        for p in &profiles {
            let language = language_of(&p.display_name)
                .unwrap_or_else(|| panic!("{} is in no known language", p.display_name));
            *languages.entry(language).or_insert(0) += 1;
            matching += usize::from(language == p.locale);
        }
        assert_eq!(languages.len(), 6, "{languages:?}");
        // The workshop's own language comes first.
        assert!(languages[&Locale::Vi] >= 5, "{languages:?}");
        assert!(
            matching * 10 >= profiles.len() * 6,
            "{matching} of {}",
            profiles.len()
        );
        let all: String = profiles.iter().map(|p| p.display_name.as_str()).collect();
        // Vietnamese with its diacritics, Thai with its marks, Chinese in Han characters.
        assert!(
            all.chars()
                .any(|c| "ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ".contains(c))
        );
        assert!(all.chars().any(|c| ('\u{0E31}'..='\u{0E4E}').contains(&c)));
        assert!(all.chars().any(|c| ('\u{4E00}'..='\u{9FFF}').contains(&c)));
    }

    #[test]
    fn a_spread_has_beginners_the_half_way_and_the_finished_with_retries_and_certificates() {
        let (_a, sdr) = open();
        let summary = generate(&sdr, &spec(30, 11, DemoMode::Spread)).unwrap();
        let roster = sdr.roster(WORKSHOP, Locale::En).unwrap();
        assert_eq!(roster.learners.len(), 30);
        let (mut barely, mut half, mut retried, mut failed, mut assessed) = (0, 0, 0, 0, 0);
        for l in &roster.learners {
            let library = sdr.library(&l.profile_id).unwrap();
            if library.lessons_done <= 1 {
                barely += 1;
            } else if !l.complete {
                half += 1;
            }
            let quizzes = library.modules.iter().filter_map(|m| m.quiz.as_ref());
            for q in quizzes {
                retried += usize::from(q.attempts > 1);
                failed += usize::from(q.latest_score.is_some() && !q.passed);
            }
            assessed += usize::from(l.assessment_done == Some(true));
            assert_eq!(l.certificate_id.is_some(), l.complete, "{}", l.name);
        }
        let complete = roster.learners.iter().filter(|l| l.complete).count();
        assert!(
            barely >= 1 && half >= 8 && complete >= 3,
            "{barely} {half} {complete}"
        );
        assert!(
            retried >= 3 && failed >= 1 && assessed >= 5,
            "{retried} {failed} {assessed}"
        );
        assert_eq!(summary.certificates as usize, complete);
    }

    #[test]
    fn times_come_from_workshop_days_in_its_year_never_from_the_clock() {
        let (_a, sdr) = open();
        generate(&sdr, &spec(5, 4, DemoMode::FullCourse)).unwrap();
        let offset = sdr.workshop(WORKSHOP).unwrap().utc_offset_min;
        let profiles = sdr.start_state().unwrap().profiles;
        let first = profiles.iter().map(|p| p.created_at_ms).min().unwrap();
        // The first Monday of September 2018, from 09:00 in Viet Nam.
        assert_eq!(Date::at(first, offset).iso(), "2018-09-03");
        for (table, rows) in sdr.learner_records() {
            for row in rows {
                let at: i64 = row.rsplit('|').next().unwrap().parse().unwrap();
                let local_s = at / 1000 + i64::from(offset) * 60;
                let second = local_s.rem_euclid(86_400);
                assert!(
                    (9 * 3600..17 * 3600 + 1800).contains(&second),
                    "{table}: {row} is outside working hours"
                );
                assert!(
                    !matches!(weekday(local_s.div_euclid(86_400)), 0 | 6),
                    "{row}"
                );
                assert_eq!(Date::at(at, offset).year, 2018, "{table}: {row}");
            }
        }
    }

    #[test]
    fn the_first_day_is_the_trainers_date_or_the_first_monday_of_september() {
        let day = |y, m, d| {
            dates::days_from_civil(Date {
                year: y,
                month: m,
                day: d,
            })
        };
        assert_eq!(first_day(2018, ""), day(2018, 9, 3));
        assert_eq!(first_day(2019, ""), day(2019, 9, 2));
        assert_eq!(first_day(2018, "2018-10-17"), day(2018, 10, 17));
        assert_eq!(weekday(day(2018, 9, 3)), 1);
    }
}
