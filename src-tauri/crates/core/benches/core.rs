//! Criterion benches, each beside a floor measured in the same run:
//! - the whole built-in course loaded, validated and rendered, beside Markdown rendering alone;
//! - one progress event recorded durably (WAL, synchronous=FULL), beside one bare
//!   write + fsync of a small file in the same folder.

use std::io::Write;

use criterion::{Criterion, criterion_group, criterion_main};
use sdr_core::content::{self, markdown};
use sdr_core::{Locale, Sdr};

fn pack(c: &mut Criterion) {
    let files = content::builtin_files();
    let bodies: Vec<String> = files
        .paths()
        .filter(|p| p.ends_with(".md") && p.contains('/'))
        .map(|p| String::from_utf8(files.get(p).unwrap().to_vec()).unwrap())
        .map(|s| s.splitn(3, "+++").nth(2).unwrap_or_default().to_string())
        .collect();
    let mut g = c.benchmark_group("pack");
    // What the app does at start: parse and check every file (lessons render on first read).
    g.bench_function("load_validate_whole_pack", |b| {
        b.iter(|| content::load(std::hint::black_box(&files)).unwrap())
    });
    // The whole job: load, check, and render and sanitize every lesson in every language.
    g.bench_function("load_validate_render_whole_pack", |b| {
        b.iter(|| {
            let pack = content::load(std::hint::black_box(&files)).unwrap();
            pack.render_all();
            pack
        })
    });
    g.bench_function("floor_pulldown_cmark_html_only", |b| {
        b.iter(|| {
            let mut n = 0;
            for body in &bodies {
                let mut html = String::new();
                pulldown_cmark::html::push_html(
                    &mut html,
                    pulldown_cmark::Parser::new_ext(body, markdown::options()),
                );
                n += html.len();
            }
            n
        })
    });
    g.finish();
}

fn progress(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), content::builtin().unwrap()).unwrap();
    let lesson = sdr.pack().modules[0].lessons[0].id.clone();
    let mut g = c.benchmark_group("progress");
    let mut t = 0i64;
    // Each sample starts a new learner, so the history read back stays the size of a real
    // learner's (tens to a few hundred events), not the sum of every iteration so far.
    g.bench_function("record_lesson_done_event", |b| {
        b.iter_custom(|iters| {
            t += 1;
            let p = sdr
                .create_profile(&format!("Nguyễn Thị Hương {t}"), Locale::Vi, t)
                .unwrap();
            let start = std::time::Instant::now();
            for i in 0..iters {
                sdr.set_lesson_done(&p.id, &lesson, i % 2 == 0, t).unwrap();
            }
            start.elapsed()
        })
    });
    let floor = dir.path().join("fsync-floor");
    g.bench_function("floor_write_and_fsync_100_bytes", |b| {
        b.iter(|| {
            let mut f = std::fs::OpenOptions::new()
                .create(true)
                .append(true)
                .open(&floor)
                .unwrap();
            f.write_all(&[b'x'; 100]).unwrap();
            f.sync_all().unwrap();
        })
    });
    g.finish();
}

criterion_group!(benches, pack, progress);
criterion_main!(benches);
