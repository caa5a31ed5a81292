//! Issuing a workshop's 200 certificates (mixed scripts) in one batch, beside two floors
//! measured in the same run: rendering the same 200 PDFs on one thread with nothing else, and
//! writing 200 files of a certificate's size atomically (temporary file, fsync, rename).

use std::path::Path;

use criterion::{BatchSize, Criterion, criterion_group, criterion_main};
use sdr_core::certificates::pdf::{CertificateDoc, render};
use sdr_core::files::write_atomically;
use sdr_core::{Locale, Sdr, content};
use sdr_system_tests::complete_workshop;

const LEARNERS: usize = 200;
const T0: i64 = 1_795_737_600_000;

const NAMES: [(&str, Locale); 6] = [
    ("สมชาย ใจดี", Locale::Th),
    ("Nguyễn Thị Hương", Locale::Vi),
    ("陳淑芬", Locale::ZhHant),
    ("Nur Aisyah binti Abdullah", Locale::Ms),
    ("Ma. Cristina dela Cruz-Santos", Locale::Fil),
    ("Ana Reyes", Locale::En),
];

/// A data folder with 200 learners who completed the Thai workshop.
fn prepared() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let sdr = Sdr::open(dir.path(), content::builtin().unwrap()).unwrap();
    for i in 0..LEARNERS {
        let (name, locale) = NAMES[i % NAMES.len()];
        let p = sdr
            .create_profile(&format!("{name} {i}"), locale, T0)
            .unwrap();
        complete_workshop(&sdr, &p.id, "2018-thailand", T0);
    }
    dir
}

fn copy(from: &Path, to: &Path) {
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

fn doc(i: usize) -> CertificateDoc {
    let (name, locale) = NAMES[i % NAMES.len()];
    CertificateDoc {
        locale,
        heading: "Certificate of Completion".into(),
        heading_en: "Certificate of Completion".into(),
        presented_to: "This certifies that".into(),
        name: format!("{name} {i}"),
        achievement: "has completed the APEC SME Digital Resilience Training Workshop".into(),
        achievement_en:
            "has completed the APEC SME Digital Resilience Training Workshop, Thailand 2018".into(),
        workshop_line: "Thailand · 2018".into(),
        details: vec![
            ("Date of completion".into(), "27 November 2026".into()),
            ("Certificate ID".into(), format!("SDR-TH18-ABCDE-{i:05}")),
            ("Quiz score".into(), "89%".into()),
        ],
        modules_heading: "Modules completed".into(),
        modules: (1..=12)
            .map(|m| format!("Module {m}: a title of some length"))
            .collect(),
        verify_hint: "Scan to check this certificate offline".into(),
        payload: format!("SDR1.{}.{}", "A".repeat(260), "B".repeat(86)),
        endorsement: None,
        title: format!("Certificate of Completion — {name}"),
        issuer_fingerprint: "3f2a 9c01 77be 4d10".into(),
        issuer_label: "Issuer key".into(),
    }
}

fn bench(c: &mut Criterion) {
    eprintln!("preparing {LEARNERS} learners who completed the workshop…");
    let source = prepared();
    let mut g = c.benchmark_group("certificates");
    g.sample_size(10);
    g.bench_function("issue_200_batch", |b| {
        b.iter_batched(
            || {
                let data = tempfile::tempdir().unwrap();
                copy(source.path(), data.path());
                let out = tempfile::tempdir().unwrap();
                let sdr = Sdr::open(data.path(), content::builtin().unwrap()).unwrap();
                (data, out, sdr)
            },
            |(data, out, sdr)| {
                let summary = sdr
                    .issue_batch("2018-thailand", out.path(), Locale::En, T0, &mut |_| {})
                    .unwrap();
                assert_eq!(summary.written.len(), LEARNERS);
                (data, out, sdr)
            },
            BatchSize::PerIteration,
        )
    });
    let docs: Vec<CertificateDoc> = (0..LEARNERS).map(doc).collect();
    g.bench_function("floor_render_200_one_thread", |b| {
        b.iter(|| {
            for d in &docs {
                std::hint::black_box(render(d).unwrap());
            }
        })
    });
    let bytes = render(&docs[0]).unwrap();
    g.bench_function("floor_write_200_files_atomically", |b| {
        b.iter_batched(
            || tempfile::tempdir().unwrap(),
            |out| {
                for i in 0..LEARNERS {
                    write_atomically(&out.path().join(format!("{i}.pdf")), &bytes).unwrap();
                }
                out
            },
            BatchSize::PerIteration,
        )
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
