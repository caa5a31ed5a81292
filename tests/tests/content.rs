//! System tests over the REAL course in content/: it lints clean, every lesson renders in every
//! locale it has, the copy built into the binary is the same course, and hostile or broken
//! copies are caught.

use sdr_core::content::{self, PackFiles, Severity};
use sdr_system_tests::repo_root;

fn shipped() -> PackFiles {
    PackFiles::from_dir(&repo_root().join("content")).unwrap()
}

#[test]
fn the_shipped_course_lints_clean() {
    let checked = content::check(&shipped());
    let findings: Vec<String> = checked.diagnostics.iter().map(|d| d.to_string()).collect();
    assert!(findings.is_empty(), "{findings:#?}");
    let pack = checked.pack.expect("the pack loads");
    assert!(!pack.modules.is_empty());
    let first = &pack.modules[0];
    assert!(
        first.lessons.len() >= 3,
        "the first module has at least three lessons"
    );
}

#[test]
fn every_lesson_renders_to_safe_html_in_every_locale_it_has() {
    let pack = content::load(&shipped()).unwrap();
    let mut rendered = 0;
    for lesson in pack.lessons() {
        assert!(
            lesson.texts.contains_key(&pack.source_locale),
            "{}",
            lesson.id
        );
        for (locale, text) in &lesson.texts {
            let html = &pack.rendered(text, *locale).html;
            assert!(
                html.len() > 500,
                "{} ({locale}) rendered to almost nothing",
                lesson.id
            );
            assert!(
                html.contains("<h2>"),
                "{} ({locale}) has no sections",
                lesson.id
            );
            for bad in [
                "<script",
                "javascript:",
                " onerror",
                " onclick",
                " style=",
                "<iframe",
            ] {
                assert!(
                    !html.contains(bad),
                    "{} ({locale}) contains {bad}",
                    lesson.id
                );
            }
            rendered += 1;
        }
    }
    assert!(rendered >= 3);
}

#[test]
fn the_course_built_into_the_binary_is_the_shipped_course() {
    let embedded = content::builtin_files();
    let on_disk = shipped();
    let a: Vec<_> = embedded.paths().collect();
    let b: Vec<_> = on_disk.paths().collect();
    assert_eq!(a, b);
    for p in a {
        assert_eq!(embedded.get(p), on_disk.get(p), "{p}");
    }
    content::builtin().unwrap();
}

#[test]
fn a_hostile_lesson_is_refused_and_its_html_sanitized() {
    let mut files = shipped();
    let pack = content::load(&files).unwrap();
    let lesson = &pack.modules[0].lessons[0];
    let path = format!("en/{}/{}.md", lesson.module_id, lesson.id);
    let hostile = "+++\ntitle = \"Hostile\"\nsummary = \"s\"\n+++\n\nHello.\n\n<script>alert('x')</script>\n\n<img src=x onerror=\"alert(1)\">\n\n[click](javascript:alert(1))\n\n<a href=\"javascript:alert(2)\" onmouseover=\"alert(3)\">x</a>\n";
    files.insert(path.clone(), hostile);
    let checked = content::check(&files);
    assert!(checked.pack.is_none());
    let lines: Vec<_> = checked
        .errors()
        .filter(|d| d.file == path)
        .filter_map(|d| d.line)
        .collect();
    assert_eq!(lines, vec![8, 10, 12, 14]);
    assert!(
        checked
            .errors()
            .any(|d| d.file == path && d.message.contains("words long")),
        "the course's lesson_length applies"
    );

    // Even if such a body reached the renderer, nothing executable survives.
    let html = content::markdown::render(hostile.split("+++").nth(2).unwrap());
    for bad in ["<script", "onerror", "onmouseover", "javascript:"] {
        assert!(!html.contains(bad), "{bad} survived: {html}");
    }
}

#[test]
fn a_broken_copy_reports_each_fault_with_file_and_line() {
    let mut files = shipped();
    let pack = content::load(&files).unwrap();
    let module = &pack.modules[0];
    let l0 = format!("en/{}/{}.md", module.id, module.lessons[0].id);
    let l1 = format!("en/{}/{}.md", module.id, module.lessons[1].id);
    let text = String::from_utf8(files.get(&l0).unwrap().to_vec()).unwrap();
    files.insert(l0.clone(), text.replacen("title = ", "titel = ", 1));
    files.remove(&l1);
    files.insert(
        "en/course.toml",
        "title = \"x\"\n[modules.no-such-module]\ntitle = \"t\"\nsummary = \"s\"\n",
    );
    let checked = content::check(&files);
    let found: Vec<(String, Option<u32>, Option<String>)> = checked
        .errors()
        .map(|d| (d.file.clone(), d.line, d.field.clone()))
        .collect();
    assert!(
        found.contains(&(l0.clone(), Some(2), Some("titel".into()))),
        "{found:#?}"
    );
    assert!(found.iter().any(|(f, _, _)| f == &l1), "{found:#?}");
    assert!(
        found.contains(&(
            "en/course.toml".into(),
            Some(2),
            Some("modules.no-such-module".into())
        )),
        "{found:#?}"
    );
    assert!(
        checked
            .diagnostics
            .iter()
            .all(|d| d.severity == Severity::Error || d.file != l0)
    );
}
