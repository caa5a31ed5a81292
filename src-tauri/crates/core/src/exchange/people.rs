//! One person under several profiles: the groups that an organizer's links make. Pure.

use std::collections::{BTreeMap, BTreeSet};

/// The people `profiles` make once the `links` (pairs of profile ids, each meaning "the same
/// person") join them: each group sorted, groups in the order of their first profile. A link
/// naming a profile not in `profiles` is ignored.
pub fn groups(profiles: &[String], links: &[(String, String)]) -> Vec<Vec<String>> {
    let index: BTreeMap<&str, usize> = profiles
        .iter()
        .enumerate()
        .map(|(i, p)| (p.as_str(), i))
        .collect();
    let mut parent: Vec<usize> = (0..profiles.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (a, b) in links {
        if let (Some(&a), Some(&b)) = (index.get(a.as_str()), index.get(b.as_str())) {
            let (ra, rb) = (root(&mut parent, a), root(&mut parent, b));
            if ra != rb {
                parent[ra.max(rb)] = ra.min(rb);
            }
        }
    }
    let mut by_root: BTreeMap<usize, BTreeSet<String>> = BTreeMap::new();
    for (i, profile) in profiles.iter().enumerate() {
        let r = root(&mut parent, i);
        by_root.entry(r).or_default().insert(profile.clone());
    }
    by_root
        .into_values()
        .map(|g| g.into_iter().collect())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn links_join_profiles_into_people_transitively() {
        let profiles = s(&["a", "b", "c", "d"]);
        let links = vec![
            ("a".to_string(), "c".to_string()),
            ("c".to_string(), "d".to_string()),
            ("x".to_string(), "b".to_string()),
        ];
        assert_eq!(
            groups(&profiles, &links),
            vec![s(&["a", "c", "d"]), s(&["b"])]
        );
        assert_eq!(groups(&profiles, &[]).len(), 4);
    }
}
