//! Where record ids come from: the operating system's randomness, or, for demo data only, a
//! generator seeded by a number so that the same seed gives the same ids again.
//!
//! Both give RFC 4122 version 4 UUIDs (122 random bits, the version and variant bits set).
//! A seeded source is ChaCha20 keyed by the seed, so two seeds give two independent streams:
//! their ids are as unlikely to meet as two random v4 ids, and records made on laptops with
//! different seeds merge without collisions.

use rand_chacha::ChaCha20Rng;
use rand_chacha::rand_core::{RngCore, SeedableRng};
use uuid::Uuid;

/// The stream of ids of one installation.
#[derive(Debug)]
pub(crate) enum IdSource {
    /// A fresh random id each time (what the app always uses).
    Os,
    /// The ids a seed fixes, in order.
    Seeded(Box<ChaCha20Rng>),
}

impl IdSource {
    /// The stream of ids `seed` fixes.
    pub(crate) fn seeded(seed: u64) -> IdSource {
        IdSource::Seeded(Box::new(seeded_rng(b"sdr-ids\0", seed)))
    }

    /// The next id.
    pub(crate) fn next(&mut self) -> Uuid {
        match self {
            IdSource::Os => Uuid::new_v4(),
            IdSource::Seeded(rng) => {
                let mut bytes = [0u8; 16];
                rng.fill_bytes(&mut bytes);
                uuid::Builder::from_random_bytes(bytes).into_uuid()
            }
        }
    }
}

/// A ChaCha20 generator keyed by `tag` and `seed`: one key per (tag, seed), so streams for
/// different purposes or seeds never share a key.
pub(crate) fn seeded_rng(tag: &[u8; 8], seed: u64) -> ChaCha20Rng {
    let mut key = [0u8; 32];
    key[..8].copy_from_slice(tag);
    key[8..16].copy_from_slice(&seed.to_le_bytes());
    ChaCha20Rng::from_seed(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_ids_repeat_for_a_seed_and_are_version_4() {
        let take = |seed| {
            let mut s = IdSource::seeded(seed);
            (0..100).map(|_| s.next()).collect::<Vec<_>>()
        };
        let a = take(7);
        assert_eq!(a, take(7));
        for id in &a {
            assert_eq!(id.get_version_num(), 4, "{id}");
            assert_eq!(id.get_variant(), uuid::Variant::RFC4122, "{id}");
        }
        let unique: std::collections::HashSet<_> = a.iter().collect();
        assert_eq!(unique.len(), a.len());
    }

    #[test]
    fn different_seeds_give_disjoint_ids() {
        let mut all = std::collections::HashSet::new();
        for seed in 0..100 {
            let mut s = IdSource::seeded(seed);
            for _ in 0..200 {
                assert!(all.insert(s.next()), "seed {seed} repeated an id");
            }
        }
    }

    #[test]
    fn the_facade_holding_a_source_can_still_move_to_another_thread() {
        fn send<T: Send>() {}
        send::<crate::Sdr>();
    }

    #[test]
    fn os_ids_are_version_4_and_fresh() {
        let mut s = IdSource::Os;
        let (a, b) = (s.next(), s.next());
        assert_ne!(a, b);
        assert_eq!(a.get_version_num(), 4);
    }
}
