//! The glossary: `<locale>/glossary.toml`, one entry per term, with the phrases that link a
//! lesson's text to it. The source locale's entries define the terms; translations give the
//! same ids. It doubles as each language's terminology list.

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;
use toml::Spanned;

use super::PackFiles;
use super::checking::{Checker, LocaleCoverage, line_at, valid_id};
use crate::locale::Locale;

pub const GLOSSARY_FILE: &str = "glossary.toml";
const MAX_DEFINITION_CHARS: usize = 400;

#[derive(Debug, Clone)]
pub struct GlossaryEntry {
    pub term: String,
    pub definition: String,
    /// Phrases (lowercased) that link lesson text to this entry.
    pub matches: Vec<String>,
}

#[derive(Debug, Clone, Default)]
pub struct Glossary {
    /// Term ids in the source locale's order.
    pub ids: Vec<String>,
    pub texts: BTreeMap<Locale, HashMap<String, GlossaryEntry>>,
}

impl Glossary {
    /// (id, match phrases) of a locale, for linking lesson text; longer phrases first so the
    /// most specific term wins.
    pub fn matcher(&self, locale: Locale) -> Option<super::markdown::TermMatcher> {
        super::markdown::TermMatcher::new(&self.matchers(locale))
    }

    fn matchers(&self, locale: Locale) -> Vec<(String, String)> {
        let mut out: Vec<(String, String)> = self
            .texts
            .get(&locale)
            .map(|t| {
                t.iter()
                    .flat_map(|(id, e)| e.matches.iter().map(move |m| (id.clone(), m.clone())))
                    .collect()
            })
            .unwrap_or_default();
        out.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.0.cmp(&b.0)));
        out
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GlossaryToml {
    terms: BTreeMap<String, Spanned<EntryToml>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntryToml {
    term: String,
    definition: String,
    #[serde(default, rename = "match")]
    matches: Vec<String>,
}

/// Counts each locale's glossary entries, and lists the missing ones.
pub(super) fn coverage(glossary: &Glossary, coverage: &mut [LocaleCoverage]) {
    for cov in coverage.iter_mut() {
        let path = format!("{}/{GLOSSARY_FILE}", cov.locale);
        cov.glossary_total = glossary.ids.len() as u32;
        match glossary.texts.get(&cov.locale) {
            Some(entries) => {
                cov.glossary_present = entries.len() as u32;
                for id in glossary.ids.iter().filter(|id| !entries.contains_key(*id)) {
                    cov.missing.push(format!("{path}#terms.{id}"));
                }
            }
            None if !glossary.ids.is_empty() => cov.missing.push(path),
            None => {}
        }
    }
}

/// Checks every locale's glossary. Returns an empty glossary when the source has none.
pub(super) fn check_glossary(
    files: &PackFiles,
    c: &mut Checker,
    locales: &[Locale],
    source_locale: Locale,
) -> Glossary {
    let mut glossary = Glossary::default();
    let source_path = format!("{source_locale}/{GLOSSARY_FILE}");
    let Some(source) = c
        .text(files, &source_path)
        .and_then(|src| parse(c, &source_path, src))
    else {
        return glossary;
    };
    let mut ids: Vec<String> = source.keys().cloned().collect();
    ids.sort();
    glossary.ids = ids;
    glossary.texts.insert(source_locale, source);
    for &loc in locales.iter().filter(|&&l| l != source_locale) {
        let path = format!("{loc}/{GLOSSARY_FILE}");
        let Some(entries) = c.text(files, &path).and_then(|src| {
            let entries = parse(c, &path, src)?;
            for id in entries.keys() {
                if !glossary.ids.contains(id) {
                    let line = src.find(&format!("[terms.{id}]")).map(|o| line_at(src, o));
                    c.error(
                        &path,
                        line,
                        Some(&format!("terms.{id}")),
                        "no such term in the source locale's glossary",
                    );
                }
            }
            Some(entries)
        }) else {
            continue;
        };
        glossary.texts.insert(loc, entries);
    }
    glossary
}

fn parse(c: &mut Checker, path: &str, src: &str) -> Option<HashMap<String, GlossaryEntry>> {
    let parsed: GlossaryToml = c.toml(path, src, 1)?;
    let before = c.error_count();
    let mut out = HashMap::new();
    for (id, e) in parsed.terms {
        let line = Some(line_at(src, e.span().start));
        let e = e.into_inner();
        let field = format!("terms.{id}");
        if !valid_id(&id) {
            c.error(
                path,
                line,
                Some(&field),
                "ids are lowercase letters, digits and single hyphens",
            );
        }
        if e.term.trim().is_empty() || e.definition.trim().is_empty() {
            c.error(
                path,
                line,
                Some(&field),
                "term and definition must not be empty",
            );
        }
        if e.definition.chars().count() > MAX_DEFINITION_CHARS {
            c.error(
                path,
                line,
                Some(&format!("{field}.definition")),
                format!("longer than {MAX_DEFINITION_CHARS} characters"),
            );
        }
        let mut matches: Vec<String> = e
            .matches
            .iter()
            .map(|m| m.trim().to_lowercase())
            .filter(|m| !m.is_empty())
            .collect();
        if matches.is_empty() {
            matches.push(e.term.trim().to_lowercase());
        }
        out.insert(
            id,
            GlossaryEntry {
                term: e.term.trim().into(),
                definition: e.definition.trim().into(),
                matches,
            },
        );
    }
    (c.error_count() == before).then_some(out)
}
