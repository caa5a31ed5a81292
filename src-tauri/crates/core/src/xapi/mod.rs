//! xAPI statements of everything the reports count, for a learning record store (LRS):
//! registered in a workshop, completed a lesson and a module, passed or failed a quiz (with its
//! score), answered a question, completed the self-assessment (with its index), earned a
//! certificate.
//!
//! - **Who.** Each person as the reports count them (linked profiles are one person), as an
//!   opaque account on the organizer's home page: the account name is the person's id, never an
//!   invented e-mail address. Their display name goes with it, as typed (NFC).
//! - **Ids.** A statement's id is a name-based UUID (v5) of the record it comes from, so sending
//!   the same records again never makes a second statement in an LRS.
//! - **Words.** Verbs are ADL's (and `earned` from the xAPI registry); activities carry their
//!   names in every language of the course as language maps.
//! - **Which people.** The same [`ReportFilter`] as the reports.

mod send;

use std::collections::HashMap;

use serde::Serialize;
use serde::ser::SerializeMap as _;
use serde_json::value::{RawValue, to_raw_value};
use serde_json::{Value, json};
use uuid::Uuid;

use crate::content::Pack;
use crate::error::{CoreError, Result};
use crate::locale::Locale;
use crate::reports::Reports;
use crate::workshops::Workshop;
use crate::workshops::dates::Date;
use crate::workshops::economies::economy_name;

pub use send::{SendReport, Sender, Transport, send};

/// The namespace of our statement ids: a fixed random UUID.
const NAMESPACE: Uuid = Uuid::from_u128(0x6f1c_7a52_93d4_4e0b_9b1e_2c54_d8a7_03f1);

/// One record a statement is made from, borrowed from the database row being read.
pub enum Record<'a> {
    Enrolment {
        id: &'a str,
        profile: &'a str,
        workshop: &'a str,
        at_ms: i64,
    },
    LessonCompleted {
        id: &'a str,
        profile: &'a str,
        module: &'a str,
        lesson: &'a str,
        at_ms: i64,
    },
    QuizResult {
        attempt: &'a str,
        profile: &'a str,
        module: &'a str,
        score: u32,
        passed: bool,
        at_ms: i64,
    },
    Answer {
        id: &'a str,
        profile: &'a str,
        module: &'a str,
        question: &'a str,
        options: &'a str,
        credit: f64,
        at_ms: i64,
        attempt: &'a str,
    },
    Assessment {
        id: &'a str,
        profile: &'a str,
        overall: u32,
        levels: &'a str,
        at_ms: i64,
    },
    Certificate {
        id: &'a str,
        profile: &'a str,
        workshop: &'a str,
        at_ms: i64,
    },
}

/// `2018-08-10T03:04:05.678Z`.
pub fn timestamp(at_ms: i64) -> String {
    let day = Date::at(at_ms, 0);
    let ms = at_ms.rem_euclid(86_400_000);
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        day.iso(),
        ms / 3_600_000,
        ms / 60_000 % 60,
        ms / 1000 % 60,
        ms % 1000
    )
}

/// The statement id of the record `kind`/`id`.
pub fn statement_id(kind: &str, id: &str) -> Uuid {
    Uuid::new_v5(&NAMESPACE, format!("{kind}:{id}").as_bytes())
}

#[derive(Serialize)]
struct Account<'a> {
    #[serde(rename = "homePage")]
    home_page: &'a str,
    name: &'a str,
}

#[derive(Serialize)]
struct Actor<'a> {
    #[serde(rename = "objectType")]
    object_type: &'static str,
    name: &'a str,
    account: Account<'a>,
}

#[derive(Serialize)]
struct Score {
    scaled: f64,
    raw: f64,
    min: f64,
    max: f64,
}

/// A one-entry extensions object, written without building a map.
struct Extension<'a>(&'a str, ExtensionValue<'a>);

enum ExtensionValue<'a> {
    Text(&'a str),
    Json(&'a Value),
}

impl Serialize for Extension<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(1))?;
        match &self.1 {
            ExtensionValue::Text(t) => map.serialize_entry(self.0, t)?,
            ExtensionValue::Json(v) => map.serialize_entry(self.0, v)?,
        }
        map.end()
    }
}

#[derive(Serialize, Default)]
struct Outcome<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    score: Option<Score>,
    #[serde(skip_serializing_if = "Option::is_none")]
    success: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    completion: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    response: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extensions: Option<Extension<'a>>,
}

#[derive(Serialize)]
struct Context<'a> {
    platform: &'static str,
    language: &'static str,
    #[serde(rename = "contextActivities", skip_serializing_if = "Option::is_none")]
    activities: Option<&'a RawValue>,
}

/// What one statement says, before the shared parts are added.
struct Said<'x> {
    kind: &'static str,
    id: &'x str,
    person: usize,
    verb: &'static str,
    object: &'x RawValue,
    result: Option<Outcome<'x>>,
    /// The activity whose parents the context names ("" for none).
    activity: &'x str,
    at_ms: i64,
}

#[derive(Serialize)]
struct Statement<'a> {
    id: Uuid,
    actor: &'a RawValue,
    verb: &'a RawValue,
    object: &'a RawValue,
    #[serde(skip_serializing_if = "Option::is_none")]
    result: Option<Outcome<'a>>,
    context: Context<'a>,
    timestamp: String,
}

const PLATFORM: &str = "SME Digital Resilience";
const VERBS: [(&str, &str); 6] = [
    ("registered", "http://adlnet.gov/expapi/verbs/registered"),
    ("completed", "http://adlnet.gov/expapi/verbs/completed"),
    ("passed", "http://adlnet.gov/expapi/verbs/passed"),
    ("failed", "http://adlnet.gov/expapi/verbs/failed"),
    ("answered", "http://adlnet.gov/expapi/verbs/answered"),
    ("earned", "http://id.tincanapi.com/verb/earned"),
];
const TYPE: &str = "http://adlnet.gov/expapi/activities/";

/// Every statement's shared parts, written out once: verbs and activities with their
/// language maps, and each activity's context (its module and the course). A statement then
/// only copies them.
struct Vocabulary {
    base: String,
    verbs: HashMap<&'static str, Box<RawValue>>,
    activities: rustc_hash::FxHashMap<String, Box<RawValue>>,
    parents: rustc_hash::FxHashMap<String, Box<RawValue>>,
}

/// Our own JSON: writing it out cannot fail.
fn raw(v: &Value) -> Box<RawValue> {
    to_raw_value(v).expect("JSON writes out")
}

fn language_map(texts: impl IntoIterator<Item = (Locale, String)>) -> Value {
    let map: serde_json::Map<String, Value> = texts
        .into_iter()
        .filter(|(_, t)| !t.is_empty())
        .map(|(l, t)| (l.bcp47().to_string(), Value::String(t)))
        .collect();
    Value::Object(map)
}

impl Vocabulary {
    fn new(pack: &Pack, workshops: &[Workshop], home_page: &str) -> Vocabulary {
        let base = format!("{}/activities", home_page.trim_end_matches('/'));
        let labels = |key: &str| {
            language_map(
                Locale::ALL
                    .iter()
                    .map(|&l| (l, crate::reports::labels::Labels::new(l).text(key))),
            )
        };
        let verbs: Vec<(&'static str, Value)> = VERBS
            .iter()
            .map(|(name, iri)| {
                (
                    *name,
                    json!({ "id": iri, "display": labels(&format!("verb.{name}")) }),
                )
            })
            .collect();
        let mut activities = HashMap::new();
        let mut parents = HashMap::new();
        let activity = |id: String, kind: &str, name: Value| json!({ "objectType": "Activity", "id": id, "definition": { "type": format!("{TYPE}{kind}"), "name": name } });
        let course = format!("{base}/course/{}", pack.id);
        activities.insert(
            course.clone(),
            activity(
                course.clone(),
                "course",
                language_map(pack.titles.iter().map(|(l, t)| (*l, t.clone()))),
            ),
        );
        for m in &pack.modules {
            let id = format!("{base}/module/{}", m.id);
            let names = language_map(m.texts.iter().map(|(l, t)| (*l, t.title.clone())));
            activities.insert(id.clone(), activity(id.clone(), "module", names.clone()));
            parents.insert(
                id.clone(),
                json!({ "grouping": [{ "id": course, "objectType": "Activity" }] }),
            );
            let module_parent = json!({ "parent": [{ "id": id, "objectType": "Activity" }], "grouping": [{ "id": course, "objectType": "Activity" }] });
            for l in &m.lessons {
                let lid = format!("{base}/lesson/{}", l.id);
                let names = language_map(l.texts.iter().map(|(loc, t)| (*loc, t.title.clone())));
                activities.insert(lid.clone(), activity(lid.clone(), "lesson", names));
                parents.insert(lid, module_parent.clone());
            }
            if let Some(quiz) = &m.quiz {
                let qid = format!("{base}/quiz/{}", m.id);
                activities.insert(
                    qid.clone(),
                    activity(qid.clone(), "assessment", names.clone()),
                );
                parents.insert(qid.clone(), module_parent.clone());
                let quiz_parent = json!({ "parent": [{ "id": qid, "objectType": "Activity" }], "grouping": [{ "id": course, "objectType": "Activity" }] });
                for q in &quiz.questions {
                    let id = format!("{base}/question/{}/{}", m.id, q.id);
                    // Only what the answer needs to be read: the kind of question, its choices'
                    // ids and the right ones. Its words (six languages) are in the course under
                    // the same ids; carried in each of a programme's million answers they would
                    // make the statements four times the size.
                    let choices: Vec<Value> =
                        q.options.iter().map(|(o, _)| json!({ "id": o })).collect();
                    let correct: Vec<&str> = q.correct_ids().collect();
                    activities.insert(
                        id.clone(),
                        json!({ "objectType": "Activity", "id": id, "definition": {
                            "type": format!("{TYPE}cmi.interaction"),
                            "interactionType": "choice",
                            "correctResponsesPattern": [correct.join("[,]")],
                            "choices": choices,
                        } }),
                    );
                    parents.insert(id, quiz_parent.clone());
                }
            }
        }
        if pack.assessment.is_some() {
            let id = format!("{base}/self-assessment");
            activities.insert(
                id.clone(),
                activity(id, "assessment", labels("xapi.self_assessment")),
            );
        }
        for w in workshops {
            let id = format!("{base}/workshop/{}", w.id);
            let names = language_map(
                Locale::ALL
                    .iter()
                    .map(|&l| (l, format!("{} {}", economy_name(&w.economy, l), w.year))),
            );
            activities.insert(id.clone(), activity(id.clone(), "meeting", names.clone()));
            let cid = format!("{base}/certificate/{}", w.id);
            activities.insert(
                cid.clone(),
                activity(cid, "badge", labels("xapi.certificate")),
            );
        }
        Vocabulary {
            base,
            verbs: verbs
                .into_iter()
                .map(|(k, v): (&'static str, Value)| (k, raw(&v)))
                .collect(),
            activities: activities.into_iter().map(|(k, v)| (k, raw(&v))).collect(),
            parents: parents.into_iter().map(|(k, v)| (k, raw(&v))).collect(),
        }
    }
}

/// Writes every statement for the people of `reports` through `each` (one JSON text each),
/// in table order; the number written. `records` streams the records (the storage reads them).
pub fn statements(
    reports: &Reports,
    pack: &Pack,
    workshops: &[Workshop],
    home_page: &str,
    records: impl FnOnce(&mut dyn FnMut(Record<'_>)) -> Result<()>,
    each: &mut dyn FnMut(&str) -> Result<()>,
) -> Result<u64> {
    if !(home_page.starts_with("https://") || home_page.starts_with("http://")) {
        return Err(CoreError::InvalidInput(format!(
            "the organizer's home page must be a web address (https://...), not {home_page}"
        )));
    }
    let vocabulary = Vocabulary::new(pack, workshops, home_page);
    let v = &vocabulary;
    // Each profile's person, as the reports count them.
    let mut person_of: rustc_hash::FxHashMap<&str, usize> = Default::default();
    for (i, p) in reports.people.iter().enumerate() {
        for profile in &p.profiles {
            person_of.insert(profile.as_str(), i);
        }
    }
    let actors: Vec<Box<RawValue>> = reports
        .people
        .iter()
        .map(|p| {
            to_raw_value(&Actor {
                object_type: "Agent",
                name: &p.name,
                account: Account {
                    home_page,
                    name: &p.id,
                },
            })
            .expect("JSON writes out")
        })
        .collect();
    let attempt_key = format!("{}/extensions/attempt", v.base);
    let levels_key = format!("{}/extensions/levels", v.base);
    let reach = reports.reach.as_ref();
    let mut module_done: HashMap<(usize, String), i64> = HashMap::new();
    let mut written = 0u64;
    let mut failure: Option<CoreError> = None;
    let mut buffer = String::new();
    // One statement from one record: its id from the record's, the rest from the vocabulary.
    let mut say = |said: Said<'_>| {
        if failure.is_some() {
            return;
        }
        let statement = Statement {
            id: statement_id(said.kind, said.id),
            actor: &actors[said.person],
            verb: &v.verbs[said.verb],
            object: said.object,
            result: said.result,
            context: Context {
                platform: PLATFORM,
                language: reports.people[said.person].locale.bcp47(),
                activities: v.parents.get(said.activity).map(|r| &**r),
            },
            timestamp: timestamp(said.at_ms),
        };
        buffer.clear();
        // Our own types: serialising to a string cannot fail.
        buffer.push_str(&serde_json::to_string(&statement).expect("a statement serialises"));
        match each(&buffer) {
            Ok(()) => written += 1,
            Err(e) => failure = Some(e),
        }
    };
    let object = |id: String| -> Option<&RawValue> { v.activities.get(&id).map(|r| &**r) };
    records(&mut |record| match record {
        Record::Enrolment {
            id,
            profile,
            workshop,
            at_ms,
        } => {
            let (Some(&p), Some(o)) = (
                person_of.get(profile),
                object(format!("{}/workshop/{workshop}", v.base)),
            ) else {
                return;
            };
            say(Said {
                kind: "enrolment",
                id,
                person: p,
                verb: "registered",
                object: o,
                result: None,
                activity: "",
                at_ms,
            });
        }
        Record::LessonCompleted {
            id,
            profile,
            module,
            lesson,
            at_ms,
        } => {
            let key = format!("{}/lesson/{lesson}", v.base);
            let (Some(&p), Some(o)) = (person_of.get(profile), v.activities.get(&key)) else {
                return;
            };
            let latest = module_done.entry((p, module.to_string())).or_insert(at_ms);
            *latest = (*latest).max(at_ms);
            say(Said {
                kind: "progress_event",
                id,
                person: p,
                verb: "completed",
                object: o,
                result: Some(Outcome {
                    completion: Some(true),
                    ..Outcome::default()
                }),
                activity: &key,
                at_ms,
            });
        }
        Record::QuizResult {
            attempt,
            profile,
            module,
            score,
            passed,
            at_ms,
        } => {
            let key = format!("{}/quiz/{module}", v.base);
            let (Some(&p), Some(o)) = (person_of.get(profile), v.activities.get(&key)) else {
                return;
            };
            say(Said {
                kind: "quiz_result",
                id: attempt,
                person: p,
                verb: if passed { "passed" } else { "failed" },
                object: o,
                result: Some(Outcome {
                    score: Some(Score {
                        scaled: f64::from(score) / 100.0,
                        raw: f64::from(score),
                        min: 0.0,
                        max: 100.0,
                    }),
                    success: Some(passed),
                    completion: Some(true),
                    ..Outcome::default()
                }),
                activity: &key,
                at_ms,
            });
        }
        Record::Answer {
            id,
            profile,
            module,
            question,
            options,
            credit,
            at_ms,
            attempt,
        } => {
            let key = format!("{}/question/{module}/{question}", v.base);
            let (Some(&p), Some(o)) = (person_of.get(profile), v.activities.get(&key)) else {
                return;
            };
            let response = options.replace(',', "[,]");
            say(Said {
                kind: "quiz_answer",
                id,
                person: p,
                verb: "answered",
                object: o,
                result: Some(Outcome {
                    score: Some(Score {
                        scaled: credit,
                        raw: credit,
                        min: 0.0,
                        max: 1.0,
                    }),
                    success: Some(credit >= 1.0),
                    response: Some(&response),
                    extensions: Some(Extension(&attempt_key, ExtensionValue::Text(attempt))),
                    ..Outcome::default()
                }),
                activity: &key,
                at_ms,
            });
        }
        Record::Assessment {
            id,
            profile,
            overall,
            levels,
            at_ms,
        } => {
            let key = format!("{}/self-assessment", v.base);
            let (Some(&p), Some(o)) = (person_of.get(profile), v.activities.get(&key)) else {
                return;
            };
            let levels: Value = serde_json::from_str(levels).unwrap_or(Value::Null);
            say(Said {
                kind: "assessment_result",
                id,
                person: p,
                verb: "completed",
                object: o,
                result: Some(Outcome {
                    score: Some(Score {
                        scaled: f64::from(overall) / 100.0,
                        raw: f64::from(overall),
                        min: 0.0,
                        max: 100.0,
                    }),
                    completion: Some(true),
                    extensions: Some(Extension(&levels_key, ExtensionValue::Json(&levels))),
                    ..Outcome::default()
                }),
                activity: "",
                at_ms,
            });
        }
        Record::Certificate {
            id,
            profile,
            workshop,
            at_ms,
        } => {
            let (Some(&p), Some(o)) = (
                person_of.get(profile),
                object(format!("{}/certificate/{workshop}", v.base)),
            ) else {
                return;
            };
            say(Said {
                kind: "certificate",
                id,
                person: p,
                verb: "earned",
                object: o,
                result: Some(Outcome {
                    success: Some(true),
                    response: Some(id),
                    ..Outcome::default()
                }),
                activity: "",
                at_ms,
            });
        }
    })?;
    // Modules: completed when every lesson is done now (the reach report's rule), at the
    // time of the latest lesson completion.
    if let Some(reach) = reach {
        for (p, person) in reach.people.iter().enumerate() {
            for (m, done) in person.modules.iter().enumerate() {
                let module = &reach.modules[m];
                let key = format!("{}/module/{module}", v.base);
                let (true, Some(&at), Some(o)) = (
                    *done,
                    module_done.get(&(p, module.clone())),
                    v.activities.get(&key),
                ) else {
                    continue;
                };
                say(Said {
                    kind: "module",
                    id: &format!("{}:{module}", reports.people[p].id),
                    person: p,
                    verb: "completed",
                    object: o,
                    result: Some(Outcome {
                        completion: Some(true),
                        ..Outcome::default()
                    }),
                    activity: &key,
                    at_ms: at,
                });
            }
        }
    }
    match failure {
        Some(e) => Err(e),
        None => Ok(written),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_with_milliseconds() {
        assert_eq!(timestamp(1_533_859_200_000), "2018-08-10T00:00:00.000Z");
        assert_eq!(
            timestamp(1_533_859_200_000 + 3_723_456),
            "2018-08-10T01:02:03.456Z"
        );
    }

    #[test]
    fn statement_ids_follow_the_record() {
        assert_eq!(
            statement_id("quiz_answer", "a"),
            statement_id("quiz_answer", "a")
        );
        assert_ne!(
            statement_id("quiz_answer", "a"),
            statement_id("quiz_answer", "b")
        );
        assert_ne!(
            statement_id("quiz_answer", "a"),
            statement_id("certificate", "a")
        );
    }
}
