//! Feature hashing: features are strings hashed to 64 bits without allocating, and maps keyed by
//! those hashes use them as they are.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds a 64-bit feature hash from a template name and parts, without allocating.
#[derive(Clone, Copy, Debug)]
pub struct FeatureHash(u64);

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;
/// What opens a string part (so that "ab"+"c" differs from "a"+"bc").
const PART: u64 = 0xff;
/// What opens a number part.
const NUMBER: u64 = 0xfe;

/// One FNV-1a step: `value` mixed into `h`.
#[inline]
const fn step(h: u64, value: u64) -> u64 {
    (h ^ value).wrapping_mul(PRIME)
}

impl FeatureHash {
    /// Starts a feature of the given template. A `const fn`, so that a template named by a
    /// literal can be hashed at compile time (see [`template!`](crate::template)).
    #[inline]
    pub const fn new(template: &str) -> Self {
        FeatureHash(OFFSET).part(template)
    }

    /// Adds one part (separated from the previous one, so "ab"+"c" differs from "a"+"bc").
    #[inline]
    pub const fn part(self, s: &str) -> Self {
        let bytes = s.as_bytes();
        let mut h = step(self.0, PART);
        let mut i = 0;
        while i < bytes.len() {
            h = step(h, bytes[i] as u64);
            i += 1;
        }
        FeatureHash(h)
    }

    /// Calls `each` with `self.part(prefix)` for each of the first `max_chars` character
    /// prefixes of `s`, shortest first, hashing `s` once instead of once per prefix.
    #[inline]
    pub fn part_prefixes(self, s: &str, max_chars: usize, mut each: impl FnMut(FeatureHash)) {
        let mut h = step(self.0, PART);
        let mut buf = [0u8; 4];
        for c in s.chars().take(max_chars) {
            for &b in c.encode_utf8(&mut buf).as_bytes() {
                h = step(h, u64::from(b));
            }
            each(FeatureHash(h));
        }
    }

    /// Adds a part written in lower case, without allocating.
    #[inline]
    pub fn part_lower(self, s: &str) -> Self {
        let mut h = step(self.0, PART);
        let mut buf = [0u8; 4];
        for c in s.chars() {
            if c.is_ascii() {
                h = step(h, u64::from(c.to_ascii_lowercase() as u8));
            } else {
                for lower in c.to_lowercase() {
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        h = step(h, u64::from(b));
                    }
                }
            }
        }
        FeatureHash(h)
    }

    /// Adds a small number as a part.
    #[inline]
    pub fn num(self, n: u64) -> Self {
        FeatureHash(step(step(self.0, NUMBER), n))
    }

    /// The final hash, mixed so that nearby inputs spread over all bits.
    #[inline]
    pub fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

/// The hash of a feature template named by a string literal, computed at compile time:
/// `template!("w")` is `FeatureHash::new("w")`.
#[macro_export]
macro_rules! template {
    ($name:literal) => {{
        const TEMPLATE: $crate::hash::FeatureHash = $crate::hash::FeatureHash::new($name);
        TEMPLATE
    }};
}

/// FNV-1a of a byte string (the checksum of model files).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(OFFSET, |h, &b| step(h, u64::from(b)))
}

/// A `Hasher` for keys that are already well-mixed 64-bit hashes: it passes them through.
#[derive(Default, Clone, Copy, Debug)]
pub struct PassThrough(u64);

impl Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 << 8) ^ u64::from(b) ^ (self.0 >> 56);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// A `HashMap` keyed by feature hashes.
pub type HashMap<V> = std::collections::HashMap<u64, V, BuildHasherDefault<PassThrough>>;

/// A `Hasher` for short strings (words): eight bytes per step, a rotate, xor and multiply each
/// (the scheme of rustc's FxHasher). Several times faster than the standard SipHash on words, and
/// with no defence against chosen collisions, which a per-document map of an article's words does
/// not need.
#[derive(Default, Clone, Copy, Debug)]
pub struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0x517c_c1b7_2722_0a95;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::K);
    }
}

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A `HashMap` keyed by words (or anything hashed as a few bytes), with [`WordHasher`].
pub type WordMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A deterministic pseudo-random generator (SplitMix64), for reproducible shuffles.
#[derive(Clone, Debug)]
pub struct SplitMix(u64);

impl SplitMix {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Self {
        SplitMix(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Shuffles a slice (Fisher–Yates).
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_are_separated() {
        let a = FeatureHash::new("w").part("ab").part("c").finish();
        let b = FeatureHash::new("w").part("a").part("bc").finish();
        assert_ne!(a, b);
        assert_eq!(a, FeatureHash::new("w").part("ab").part("c").finish());
    }

    #[test]
    fn prefixes_hash_as_their_own_parts() {
        for word in ["beijing", "zoë", "ab", ""] {
            let mut each = Vec::new();
            FeatureHash::new("p").part_prefixes(word, 4, |h| each.push(h.finish()));
            let one_by_one: Vec<u64> = word
                .char_indices()
                .take(4)
                .map(|(i, c)| {
                    FeatureHash::new("p")
                        .part(&word[..i + c.len_utf8()])
                        .finish()
                })
                .collect();
            assert_eq!(each, one_by_one, "{word}");
        }
    }

    #[test]
    fn templates_hash_at_compile_time_as_at_run_time() {
        let name = String::from("w-1|w");
        assert_eq!(
            crate::template!("w-1|w").part("x").finish(),
            FeatureHash::new(&name).part("x").finish()
        );
    }

    #[test]
    fn lower_case_parts_equal_lowered_strings() {
        let a = FeatureHash::new("w").part_lower("Zoë ÉTÉ").finish();
        let b = FeatureHash::new("w").part("zoë été").finish();
        assert_eq!(a, b);
    }

    #[test]
    fn shuffles_are_reproducible() {
        let mut x: Vec<u32> = (0..20).collect();
        let mut y = x.clone();
        SplitMix::new(7).shuffle(&mut x);
        SplitMix::new(7).shuffle(&mut y);
        assert_eq!(x, y);
        assert_ne!(x, (0..20).collect::<Vec<_>>());
    }
}
