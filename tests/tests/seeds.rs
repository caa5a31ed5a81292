//! The seed data parses, and holds exactly the five 2018 workshops with supported languages.

use std::collections::BTreeSet;

use sdr_core::Locale;
use sdr_system_tests::repo_root;

#[test]
fn the_five_2018_workshops_are_seeded_with_supported_languages() {
    let text = std::fs::read_to_string(repo_root().join("seeds/workshops.toml")).unwrap();
    let doc: toml::Table = toml::from_str(&text).unwrap();
    let workshops = doc["workshops"].as_array().unwrap();
    let economies: BTreeSet<&str> = workshops
        .iter()
        .map(|w| w["economy"].as_str().unwrap())
        .collect();
    assert_eq!(
        economies,
        BTreeSet::from([
            "Chinese Taipei",
            "Malaysia",
            "Thailand",
            "The Philippines",
            "Viet Nam"
        ])
    );
    let ids: BTreeSet<&str> = workshops
        .iter()
        .map(|w| w["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids.len(), 5);
    for w in workshops {
        assert_eq!(w["year"].as_integer(), Some(2018));
        let default = w["default_locale"].as_str().unwrap();
        let locales: Vec<&str> = w["locales"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l.as_str().unwrap())
            .collect();
        assert!(locales.contains(&default));
        for l in locales {
            assert!(Locale::from_code(l).is_some(), "{l}");
        }
        assert!(["gregorian", "buddhist", "minguo"].contains(&w["calendar"].as_str().unwrap()));
        // Nothing about the workshops is invented: no city, dates or host in the seed.
        for field in ["city", "dates", "start_date", "host"] {
            assert!(w.get(field).is_none(), "{field} must be left to trainers");
        }
    }
}
