//! One person, several profiles: the organizer sees profiles that share a name (perhaps one
//! person who signed up on two laptops) and may link them, or undo the link. Nothing is ever
//! linked automatically, and a link rewrites no record: it is a record of its own, which
//! travels in results files, and reports count linked profiles as one person.

use std::collections::BTreeMap;

use super::Sdr;
use crate::error::{CoreError, Result};
use crate::exchange::people;
use crate::locale::Locale;
use crate::views::{PeopleView, PersonProfile, SameNameGroup};
use crate::workshops::economies::economy_name;

impl Sdr {
    /// The learners as people, and the profiles that share a name.
    pub fn people(&self, locale: Locale) -> Result<PeopleView> {
        let profiles = self.db.profiles()?;
        let ids: Vec<String> = profiles.iter().map(|p| p.id.clone()).collect();
        let groups = people::groups(&ids, &self.db.linked_pairs()?);
        let person_of = |id: &str| groups.iter().position(|g| g.iter().any(|p| p == id));
        let mut by_name: BTreeMap<String, Vec<&crate::learning::Learner>> = BTreeMap::new();
        for p in &profiles {
            by_name
                .entry(p.display_name.to_lowercase())
                .or_default()
                .push(p);
        }
        let mut same_name = Vec::new();
        for (_, group) in by_name.into_iter().filter(|(_, g)| g.len() > 1) {
            let linked = group
                .iter()
                .map(|p| person_of(&p.id))
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                == 1;
            let mut shown = Vec::new();
            for p in &group {
                let workshop = match self.db.enrolment(&p.id)? {
                    Some(w) => self
                        .db
                        .workshop(&w)?
                        .map(|w| format!("{} {}", economy_name(&w.economy, locale), w.year)),
                    None => None,
                };
                shown.push(PersonProfile {
                    id: p.id.clone(),
                    display_name: p.display_name.clone(),
                    locale: p.locale,
                    created_at_ms: p.created_at_ms,
                    workshop,
                    lessons_done: self.library(&p.id)?.lessons_done,
                    certificate_ids: self.db.certificate_ids(&p.id)?,
                });
            }
            same_name.push(SameNameGroup {
                name: group[0].display_name.clone(),
                profiles: shown,
                linked,
            });
        }
        Ok(PeopleView {
            learners: profiles.len() as u32,
            people: groups.len() as u32,
            same_name,
        })
    }

    /// Links `profiles` as one person (`same`), or undoes every link among them.
    pub fn set_same_person(
        &self,
        profiles: &[String],
        same: bool,
        locale: Locale,
        now_ms: i64,
    ) -> Result<PeopleView> {
        if profiles.len() < 2 {
            return Err(CoreError::InvalidInput(
                "linking needs at least two profiles".into(),
            ));
        }
        for id in profiles {
            self.profile(id)?;
        }
        let origin = self.laptop_name()?;
        self.db.in_transaction(|| {
            let pairs = self.db.linked_pairs()?;
            if same {
                let ids: Vec<String> = self.db.profile_ids()?;
                let groups = people::groups(&ids, &pairs);
                let first = &profiles[0];
                for other in &profiles[1..] {
                    let together = groups
                        .iter()
                        .any(|g| g.contains(first) && g.contains(other));
                    if !together && first != other {
                        let id = self.new_id().to_string();
                        self.db
                            .link_people(&id, first, other, true, now_ms, &origin)?;
                    }
                }
            } else {
                for (a, b) in pairs {
                    if profiles.contains(&a) && profiles.contains(&b) {
                        let id = self.new_id().to_string();
                        self.db.link_people(&id, &a, &b, false, now_ms, &origin)?;
                    }
                }
            }
            Ok(())
        })?;
        self.people(locale)
    }
}
