//! The loader's findings name the file, the line and the field of each fault.

use std::path::Path;

use sdr_core::content::{self, Diagnostic, PackFiles, Severity};

fn fixture() -> PackFiles {
    PackFiles::from_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixture/course"))
        .unwrap()
}

fn errors(files: &PackFiles) -> Vec<Diagnostic> {
    content::check(files).errors().cloned().collect()
}

fn one_error(files: &PackFiles) -> Diagnostic {
    let errs = errors(files);
    assert_eq!(errs.len(), 1, "{errs:#?}");
    errs.into_iter().next().unwrap()
}

#[test]
fn the_fixture_is_clean_and_reports_coverage() {
    let checked = content::check(&fixture());
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let th = checked
        .coverage
        .iter()
        .find(|c| c.locale.code() == "th")
        .unwrap();
    assert_eq!((th.lessons_present, th.lessons_total), (1, 3));
    assert_eq!(
        th.missing,
        vec![
            "th/basics/two.md",
            "th/basics/three.md",
            "th/glossary.toml#terms.step",
            "th/basics/quiz.toml",
            "th/assessment.toml"
        ]
    );
    assert_eq!((th.quizzes_present, th.quizzes_total), (0, 1));
    let vi = checked
        .coverage
        .iter()
        .find(|c| c.locale.code() == "vi")
        .unwrap();
    assert_eq!(vi.percent(), 0);
    assert!(vi.missing.contains(&"vi/course.toml".to_string()));
}

#[test]
fn a_toml_syntax_error_names_its_line() {
    let mut f = fixture();
    f.insert(
        "en/course.toml",
        "title = \"Fixture\"\n\n[modules.basics]\ntitle = \"Basics\nsummary = \"x\"\n",
    );
    let e = one_error(&f);
    assert_eq!(e.file, "en/course.toml");
    assert_eq!(e.line, Some(4));
}

#[test]
fn a_missing_front_matter_field_is_named() {
    let mut f = fixture();
    f.insert("en/basics/two.md", "+++\ntitle = \"Two\"\n+++\n\nBody.\n");
    let e = one_error(&f);
    assert_eq!(e.file, "en/basics/two.md");
    assert_eq!(e.field.as_deref(), Some("summary"));
}

#[test]
fn an_empty_title_names_field_and_line() {
    let mut f = fixture();
    f.insert(
        "en/basics/two.md",
        "+++\nsummary = \"s\"\ntitle = \"  \"\n+++\n\nBody.\n",
    );
    let e = one_error(&f);
    assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("title")));
}

#[test]
fn raw_html_and_broken_links_are_reported_at_their_file_line() {
    let mut f = fixture();
    f.insert(
        "th/basics/one.md",
        "+++\ntitle = \"t\"\nsummary = \"s\"\n+++\n\nText.\n\n<script>alert(1)</script>\n\nSee [x](lesson:nowhere).\n",
    );
    let errs = errors(&f);
    let at: Vec<_> = errs.iter().map(|e| (e.file.as_str(), e.line)).collect();
    assert_eq!(
        at,
        vec![
            ("th/basics/one.md", Some(8)),
            ("th/basics/one.md", Some(10))
        ]
    );
    assert!(errs[0].message.contains("raw HTML"));
    assert!(errs[1].message.contains("nowhere"));
}

#[test]
fn manifest_faults_are_reported() {
    let mut f = fixture();
    f.insert(
        "course.toml",
        "id = \"fixture\"\nversion = \"1\"\nsource_locale = \"en\"\nlocales = [\"en\"]\n\n[[modules]]\nid = \"basics\"\nlessons = [\"one\", \"two\", \"one\"]\n",
    );
    let errs = errors(&f);
    assert!(
        errs.iter()
            .any(|e| e.line == Some(8) && e.message.contains("used twice")),
        "{errs:#?}"
    );
    let mut f = fixture();
    f.insert("course.toml", "id = \"Fixture Course\"\nversion = \"1\"\nsource_locale = \"en\"\nlocales = [\"en\"]\nmodules = []\nextra = 1\n");
    let e = one_error(&f);
    assert_eq!((e.line, e.field.as_deref()), (Some(6), Some("extra")));
}

#[test]
fn a_missing_source_lesson_or_a_stray_lesson_is_an_error() {
    let mut f = fixture();
    f.remove("en/basics/three.md");
    f.insert(
        "en/basics/thre.md",
        "+++\ntitle = \"t\"\nsummary = \"s\"\n+++\n\nx\n",
    );
    let errs = errors(&f);
    let files: Vec<_> = errs.iter().map(|e| e.file.as_str()).collect();
    assert_eq!(files, vec!["en/basics/thre.md", "en/basics/three.md"]);
}

#[test]
fn non_utf8_and_oversized_files_are_refused() {
    let mut f = fixture();
    f.insert(
        "en/basics/two.md",
        b"+++\ntitle = \"t\"\n\xff\xfe\n".to_vec(),
    );
    let e = one_error(&f);
    assert_eq!((e.file.as_str(), e.line), ("en/basics/two.md", Some(3)));
    let mut f = fixture();
    f.insert("en/basics/two.md", vec![b'a'; 2 * 1024 * 1024]);
    assert!(errors(&f).iter().any(|e| e.message.contains("larger than")));
}

#[test]
fn warnings_do_not_block_loading() {
    let mut f = fixture();
    f.insert("notes.txt", "a note for authors");
    let checked = content::check(&f);
    assert!(checked.pack.is_some());
    assert_eq!(checked.diagnostics.len(), 1);
    assert_eq!(checked.diagnostics[0].severity, Severity::Warning);
}

fn quiz_src(f: &PackFiles) -> String {
    String::from_utf8(f.get("en/basics/quiz.toml").unwrap().to_vec()).unwrap()
}

#[test]
fn quiz_rules_are_enforced_with_field_and_line() {
    // Two correct options in a single-choice question.
    let mut f = fixture();
    let src = quiz_src(&f).replacen(
        "text = \"Lesson two\"\ncorrect = false",
        "text = \"Lesson two\"\ncorrect = true",
        1,
    );
    f.insert("en/basics/quiz.toml", src);
    let e = one_error(&f);
    assert_eq!(
        (e.file.as_str(), e.line, e.field.as_deref()),
        (
            "en/basics/quiz.toml",
            Some(1),
            Some("questions.first.options")
        )
    );
    assert!(e.message.contains("exactly one correct"), "{}", e.message);

    // A question pointing at a lesson of no module.
    let mut f = fixture();
    let src = quiz_src(&f).replacen("lesson = \"two\"", "lesson = \"twelve\"", 1);
    f.insert("en/basics/quiz.toml", src);
    let e = one_error(&f);
    assert_eq!(
        (e.line, e.field.as_deref()),
        (Some(28), Some("questions.all-lessons.lesson"))
    );

    // A missing explanation.
    let mut f = fixture();
    let src = quiz_src(&f).replacen("explanation = \"It does: lesson three.\"\n", "", 1);
    f.insert("en/basics/quiz.toml", src);
    let e = one_error(&f);
    assert_eq!(e.field.as_deref(), Some("explanation"));
    assert!(e.line.is_some());

    // A true/false question with options.
    let mut f = fixture();
    let src = quiz_src(&f).replacen(
        "answer = true\n",
        "answer = true\n\n[[questions.options]]\nid = \"a\"\ntext = \"x\"\ncorrect = true\n",
        1,
    );
    f.insert("en/basics/quiz.toml", src);
    assert!(
        errors(&f)
            .iter()
            .any(|e| e.field.as_deref() == Some("questions.three-exists.options"))
    );
}

#[test]
fn a_translated_quiz_must_keep_the_structure() {
    let mut f = fixture();
    let src = quiz_src(&f);
    f.insert(
        "th/basics/quiz.toml",
        src.replace("Lesson one", "บทเรียนที่หนึ่ง"),
    );
    let checked = content::check(&f);
    assert!(checked.diagnostics.is_empty(), "{:#?}", checked.diagnostics);
    let th = checked
        .coverage
        .iter()
        .find(|c| c.locale.code() == "th")
        .unwrap();
    assert_eq!(th.quizzes_present, 1);

    // The translator "fixed" an answer: refused.
    let changed = src.replacen("answer = true", "answer = false", 1);
    f.insert("th/basics/quiz.toml", changed);
    let e = one_error(&f);
    assert_eq!(
        (e.file.as_str(), e.field.as_deref()),
        ("th/basics/quiz.toml", Some("questions.three-exists"))
    );
}

#[test]
fn assessment_rules_are_enforced() {
    let structure =
        |f: &PackFiles| String::from_utf8(f.get("assessment.toml").unwrap().to_vec()).unwrap();
    // A lesson that does not exist.
    let mut f = fixture();
    let src = structure(&f).replacen("lessons = [\"three\"]", "lessons = [\"thirteen\"]", 1);
    f.insert("assessment.toml", src);
    let e = one_error(&f);
    assert_eq!(
        (e.file.as_str(), e.field.as_deref()),
        ("assessment.toml", Some("questions.offline-copy.lessons"))
    );
    assert!(e.line.is_some());
    // A domain without a basic (level-1) practice.
    let mut f = fixture();
    let src = structure(&f).replacen(
        "domain = \"backup\"\nlevel = 1",
        "domain = \"backup\"\nlevel = 2",
        1,
    );
    f.insert("assessment.toml", src);
    assert_eq!(one_error(&f).field.as_deref(), Some("domains.backup"));
    // Three level descriptions instead of four, in a translation.
    let mut f = fixture();
    let en = String::from_utf8(f.get("en/assessment.toml").unwrap().to_vec()).unwrap();
    f.insert(
        "th/assessment.toml",
        en.replacen(", \"Fully: every account.\"", "", 1),
    );
    let e = one_error(&f);
    assert_eq!(
        (e.file.as_str(), e.field.as_deref()),
        ("th/assessment.toml", Some("questions.mfa-email.levels"))
    );
}

#[test]
fn lessons_must_be_of_reasonable_length_and_have_no_images() {
    let mut f = fixture();
    let manifest = String::from_utf8(f.get("course.toml").unwrap().to_vec()).unwrap();
    f.insert(
        "course.toml",
        manifest.replacen(
            "version = \"1\"",
            "version = \"1\"\nlesson_length = [5, 100]",
            1,
        ),
    );
    f.insert("en/basics/two.md", "+++\ntitle = \"t\"\nsummary = \"s\"\n+++\n\nToo short.\n\n![a diagram](media/diagram.png)\n");
    let errs = errors(&f);
    assert!(
        errs.iter()
            .any(|e| e.file == "en/basics/two.md" && e.message.contains("words long")),
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.line == Some(8) && e.message.contains("cannot show images")),
        "{errs:#?}"
    );
}

#[test]
fn glossary_links_and_entries_are_checked() {
    let mut f = fixture();
    f.insert(
        "en/basics/two.md",
        "+++\ntitle = \"t\"\nsummary = \"s\"\n+++\n\nSee [a term](glossary:no-such-term).\n",
    );
    let e = one_error(&f);
    assert_eq!((e.file.as_str(), e.line), ("en/basics/two.md", Some(6)));
    assert!(e.message.contains("no-such-term"));
    let mut f = fixture();
    f.insert(
        "th/glossary.toml",
        "[terms.invented]\nterm = \"x\"\ndefinition = \"y\"\n",
    );
    let e = one_error(&f);
    assert_eq!(
        (e.file.as_str(), e.line, e.field.as_deref()),
        ("th/glossary.toml", Some(1), Some("terms.invented"))
    );
}
