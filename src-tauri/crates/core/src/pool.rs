//! A small worker pool for jobs that mix computing and waiting for the disk (drawing and
//! writing a batch of certificates; later, reading a folder of results files): one job per
//! item on scoped threads, the caller told of each finished item as it finishes, and no new
//! job started once one has failed.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;

use crate::error::{CoreError, Result};

/// Runs `job` on every item, `2 × cores` at a time (while some wait for the disk, the others
/// compute). Calls `on_done(index)` on the calling thread as each item succeeds. Returns the
/// indexes done, in order, or the first failure (items already done stay done).
pub fn run<T: Sync>(
    items: &[T],
    job: impl Fn(&T) -> Result<()> + Sync,
    mut on_done: impl FnMut(usize),
) -> Result<Vec<usize>> {
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let workers = (2 * cores).min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let failed = AtomicBool::new(false);
    let (tx, rx) = mpsc::channel::<Result<usize>>();
    let mut done = Vec::new();
    let mut failure: Option<CoreError> = None;
    std::thread::scope(|s| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (next, failed, job) = (&next, &failed, &job);
            s.spawn(move || {
                while !failed.load(Ordering::Relaxed) {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(item) = items.get(i) else { break };
                    let result = job(item);
                    if result.is_err() {
                        failed.store(true, Ordering::Relaxed);
                    }
                    if tx.send(result.map(|()| i)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        for r in rx {
            match r {
                Ok(i) => {
                    done.push(i);
                    on_done(i);
                }
                Err(e) => {
                    failure.get_or_insert(e);
                }
            }
        }
    });
    match failure {
        Some(e) => Err(e),
        None => {
            done.sort_unstable();
            Ok(done)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_item_runs_once_and_is_reported() {
        let items: Vec<u32> = (0..50).collect();
        let seen = std::sync::Mutex::new(Vec::new());
        let mut reported = 0;
        let done = run(
            &items,
            |i| {
                seen.lock().unwrap().push(*i);
                Ok(())
            },
            |_| reported += 1,
        )
        .unwrap();
        assert_eq!(done, (0..50).collect::<Vec<usize>>());
        assert_eq!(reported, 50);
        let mut seen = seen.into_inner().unwrap();
        seen.sort_unstable();
        assert_eq!(seen, items);
    }

    #[test]
    fn a_failure_stops_new_work_and_is_returned() {
        let items: Vec<u32> = (0..1000).collect();
        let started = AtomicUsize::new(0);
        let e = run(
            &items,
            |i| {
                started.fetch_add(1, Ordering::Relaxed);
                if *i == 3 {
                    Err(CoreError::Internal("job 3 failed".into()))
                } else {
                    Ok(())
                }
            },
            |_| {},
        )
        .unwrap_err();
        assert!(e.to_string().contains("job 3 failed"));
        assert!(started.load(Ordering::Relaxed) < 1000);
        assert!(run(&[] as &[u32], |_| Ok(()), |_| {}).unwrap().is_empty());
    }
}
