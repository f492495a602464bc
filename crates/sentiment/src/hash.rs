//! FNV-1a, the one hash of this crate: model checksums, feature hashing, the lexicon's map.

use std::hash::Hasher;

/// FNV-1a's starting value.
pub const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
/// FNV-1a's multiplier.
pub const PRIME: u64 = 0x0000_0100_0000_01b3;

/// Feeds bytes into an FNV-1a state.
#[inline]
pub fn feed(state: u64, bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(state, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
}

/// FNV-1a of a byte string.
pub fn fnv1a(bytes: &[u8]) -> u64 {
    feed(OFFSET, bytes)
}

/// FNV-1a as a `Hasher`: much faster than the default for short words, and the lexicon is not
/// attacker controlled.
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(OFFSET)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        self.0 = feed(self.0, bytes);
    }
}
