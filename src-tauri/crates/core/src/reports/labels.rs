//! The words of the reports in each language (`labels/<locale>.toml`): table titles, column
//! headings, row labels. A key a locale lacks is shown in English, and [`Labels::fallback`]
//! says so, so the window can mark it.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::locale::Locale;

const SOURCES: [(Locale, &str); 6] = [
    (Locale::En, include_str!("labels/en.toml")),
    (Locale::Ms, include_str!("labels/ms.toml")),
    (Locale::Fil, include_str!("labels/fil.toml")),
    (Locale::ZhHant, include_str!("labels/zh-Hant.toml")),
    (Locale::Th, include_str!("labels/th.toml")),
    (Locale::Vi, include_str!("labels/vi.toml")),
];

fn catalogues() -> &'static HashMap<Locale, HashMap<String, String>> {
    static CATALOGUES: OnceLock<HashMap<Locale, HashMap<String, String>>> = OnceLock::new();
    CATALOGUES.get_or_init(|| {
        SOURCES
            .iter()
            .map(|(locale, text)| {
                // Built into the binary and checked by a test: a broken file is a build bug.
                let table: HashMap<String, String> =
                    toml::from_str(text).expect("report labels parse");
                (*locale, table)
            })
            .collect()
    })
}

/// The labels of one language.
#[derive(Debug, Clone, Copy)]
pub struct Labels {
    pub locale: Locale,
}

impl Labels {
    pub fn new(locale: Locale) -> Labels {
        Labels { locale }
    }

    /// The label `key`, with `{name}` placeholders filled from `params`.
    pub fn get(&self, key: &str, params: &[(&str, &str)]) -> String {
        let all = catalogues();
        let template = all[&self.locale]
            .get(key)
            .filter(|t| !t.is_empty())
            .or_else(|| all[&Locale::En].get(key))
            .map_or(key, String::as_str);
        let mut text = template.to_string();
        for (name, value) in params {
            text = text.replace(&format!("{{{name}}}"), value);
        }
        text
    }

    /// [`Labels::get`] without placeholders.
    pub fn text(&self, key: &str) -> String {
        self.get(key, &[])
    }

    /// True when `key` is shown in English because this language lacks it.
    pub fn fallback(&self, key: &str) -> bool {
        self.locale != Locale::En
            && catalogues()[&self.locale]
                .get(key)
                .is_none_or(|t| t.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_language_has_every_label_with_its_placeholders() {
        let all = catalogues();
        let en = &all[&Locale::En];
        for locale in Locale::ALL {
            let own = &all[&locale];
            for (key, english) in en {
                let text = own
                    .get(key)
                    .unwrap_or_else(|| panic!("{locale:?} lacks {key}"));
                assert!(!text.trim().is_empty(), "{locale:?} {key} is empty");
                for part in english.split('{').skip(1) {
                    let name = part.split('}').next().unwrap();
                    assert!(
                        text.contains(&format!("{{{name}}}")),
                        "{locale:?} {key} lacks {{{name}}}"
                    );
                }
            }
            assert_eq!(own.len(), en.len(), "{locale:?} has labels English lacks");
            assert!(!Labels::new(locale).fallback("row.total"));
        }
        assert_eq!(
            Labels::new(Locale::En).get("col.band", &[("from", "0"), ("to", "9")]),
            "Score 0-9"
        );
    }
}
