//! Sending statements to an LRS in batches, whatever carries the HTTP (the CLI brings it):
//! a batch is posted as one JSON array; a 409 (one of them conflicts with a statement the LRS
//! holds under the same id) sends that batch's statements one by one, so the others are still
//! stored and the conflicting ones are named; a failure to connect or a 5xx is tried again,
//! three times in all, waiting longer each time.

use crate::error::{CoreError, Result};

/// What carries a batch to the LRS.
pub trait Transport {
    /// POSTs `body` (a JSON array of statements) to the statements resource; the HTTP status
    /// and the body of the answer, or why it could not be sent.
    fn post(&mut self, body: &str) -> std::result::Result<(u16, String), String>;
    /// Waits before trying again (tests pass a no-op).
    fn wait(&mut self, attempt: u32);
}

/// Statements gathered for one POST.
pub struct Batch {
    statements: Vec<String>,
}

impl Batch {
    fn body(&self) -> String {
        let mut body =
            String::with_capacity(self.statements.iter().map(|s| s.len() + 1).sum::<usize>() + 2);
        body.push('[');
        for (i, s) in self.statements.iter().enumerate() {
            if i > 0 {
                body.push(',');
            }
            body.push_str(s);
        }
        body.push(']');
        body
    }
}

/// What the LRS said, statement by statement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SendReport {
    /// Sent.
    pub sent: u64,
    /// Stored or already held with the same content (an LRS does not say which for a batch).
    pub accepted: u64,
    /// Refused because the LRS holds a different statement under the same id: their ids.
    pub conflicts: Vec<String>,
    /// Batches that had to be tried again.
    pub retries: u32,
}

const TRIES: u32 = 3;

fn post_with_retries(
    t: &mut dyn Transport,
    body: &str,
    report: &mut SendReport,
) -> Result<(u16, String)> {
    let mut last = String::new();
    for attempt in 1..=TRIES {
        match t.post(body) {
            Ok((status, answer)) if status < 500 => return Ok((status, answer)),
            Ok((status, answer)) => last = format!("{status} {answer}"),
            Err(e) => last = e,
        }
        if attempt < TRIES {
            report.retries += 1;
            t.wait(attempt);
        }
    }
    Err(CoreError::InvalidInput(format!(
        "the LRS did not take the statements after {TRIES} tries: {last}"
    )))
}

fn refused(status: u16, answer: &str) -> CoreError {
    let answer: String = answer.chars().take(300).collect();
    CoreError::InvalidInput(format!(
        "the LRS refused the statements ({status}): {answer}"
    ))
}

/// Sends statements as they come, a batch at a time.
pub struct Sender<'t> {
    transport: &'t mut dyn Transport,
    batch: Batch,
    size: usize,
    report: SendReport,
}

impl<'t> Sender<'t> {
    pub fn new(transport: &'t mut dyn Transport, batch_size: usize) -> Sender<'t> {
        Sender {
            transport,
            batch: Batch {
                statements: Vec::with_capacity(batch_size.max(1)),
            },
            size: batch_size.max(1),
            report: SendReport::default(),
        }
    }

    /// Adds one statement (a JSON text); posts the batch when it is full.
    pub fn push(&mut self, statement: &str) -> Result<()> {
        self.batch.statements.push(statement.to_string());
        if self.batch.statements.len() >= self.size {
            self.flush()?;
        }
        Ok(())
    }

    /// Posts what is left; what the LRS said.
    pub fn finish(mut self) -> Result<SendReport> {
        self.flush()?;
        Ok(self.report)
    }

    fn flush(&mut self) -> Result<()> {
        if self.batch.statements.is_empty() {
            return Ok(());
        }
        let n = self.batch.statements.len() as u64;
        self.report.sent += n;
        let (status, answer) =
            post_with_retries(self.transport, &self.batch.body(), &mut self.report)?;
        match status {
            200..=299 => self.report.accepted += n,
            409 => {
                for s in &self.batch.statements {
                    let (status, answer) =
                        post_with_retries(self.transport, &format!("[{s}]"), &mut self.report)?;
                    match status {
                        200..=299 => self.report.accepted += 1,
                        409 => {
                            let id = serde_json::from_str::<serde_json::Value>(s)
                                .ok()
                                .and_then(|v| v["id"].as_str().map(str::to_string))
                                .unwrap_or_default();
                            self.report.conflicts.push(id);
                        }
                        _ => return Err(refused(status, &answer)),
                    }
                }
            }
            _ => return Err(refused(status, &answer)),
        }
        self.batch.statements.clear();
        Ok(())
    }
}

/// Sends `statements` (JSON texts) in batches of `batch_size`.
pub fn send(
    statements: impl IntoIterator<Item = String>,
    batch_size: usize,
    transport: &mut dyn Transport,
) -> Result<SendReport> {
    let mut sender = Sender::new(transport, batch_size);
    for s in statements {
        sender.push(&s)?;
    }
    sender.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// An LRS in memory: stores by id, 409 on a different statement under a known id, and
    /// fails the first `fail` posts with a 503.
    struct Fake {
        held: HashMap<String, String>,
        fail: u32,
        posts: u32,
    }

    impl Transport for Fake {
        fn post(&mut self, body: &str) -> std::result::Result<(u16, String), String> {
            self.posts += 1;
            if self.fail > 0 {
                self.fail -= 1;
                return Ok((503, "busy".into()));
            }
            let list: Vec<serde_json::Value> = serde_json::from_str(body).unwrap();
            let conflict = list.iter().any(|s| {
                self.held
                    .get(s["id"].as_str().unwrap())
                    .is_some_and(|h| h != &s.to_string())
            });
            if conflict {
                return Ok((409, "conflict".into()));
            }
            for s in list {
                self.held
                    .insert(s["id"].as_str().unwrap().to_string(), s.to_string());
            }
            Ok((200, "[]".into()))
        }
        fn wait(&mut self, _: u32) {}
    }

    fn statement(id: u32, v: &str) -> String {
        serde_json::json!({ "id": format!("00000000-0000-4000-8000-{id:012}"), "v": v }).to_string()
    }

    #[test]
    fn batches_retries_and_conflicts() {
        let mut lrs = Fake {
            held: HashMap::new(),
            fail: 2,
            posts: 0,
        };
        let all: Vec<String> = (0..25).map(|i| statement(i, "a")).collect();
        let r = send(all.clone(), 10, &mut lrs).unwrap();
        assert_eq!((r.sent, r.accepted, r.retries), (25, 25, 2));
        assert!(r.conflicts.is_empty());
        assert_eq!(lrs.held.len(), 25);
        // Sending again stores nothing new; one changed statement is a conflict, named.
        let mut again = all;
        again[3] = statement(3, "b");
        let r = send(again, 10, &mut lrs).unwrap();
        assert_eq!(r.accepted, 24);
        assert_eq!(r.conflicts, vec!["00000000-0000-4000-8000-000000000003"]);
        assert_eq!(lrs.held.len(), 25);
    }

    #[test]
    fn an_lrs_that_stays_down_is_an_error() {
        let mut lrs = Fake {
            held: HashMap::new(),
            fail: 100,
            posts: 0,
        };
        let e = send(vec![statement(1, "a")], 10, &mut lrs).unwrap_err();
        assert!(e.to_string().contains("3 tries"), "{e}");
        assert_eq!(lrs.posts, 3);
    }
}
