//! Feature hashing: features are strings hashed to 64 bits without allocating, and maps keyed by
//! those hashes use them as they are.

use std::hash::{BuildHasherDefault, Hasher};

/// Builds a 64-bit feature hash from a template name and parts, without allocating.
#[derive(Clone, Copy, Debug)]
pub struct FeatureHash(u64);

const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const PRIME: u64 = 0x0000_0100_0000_01b3;

impl FeatureHash {
    /// Starts a feature of the given template.
    #[inline]
    pub fn new(template: &str) -> Self {
        FeatureHash(OFFSET).part(template)
    }

    /// Adds one part (separated from the previous one, so "ab"+"c" differs from "a"+"bc").
    #[inline]
    pub fn part(self, s: &str) -> Self {
        let mut h = self.0 ^ 0xff;
        h = h.wrapping_mul(PRIME);
        for &b in s.as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
        FeatureHash(h)
    }

    /// Adds a part written in lower case, without allocating.
    #[inline]
    pub fn part_lower(self, s: &str) -> Self {
        let mut h = self.0 ^ 0xff;
        h = h.wrapping_mul(PRIME);
        let mut buf = [0u8; 4];
        for c in s.chars() {
            if c.is_ascii() {
                h ^= u64::from(c.to_ascii_lowercase() as u8);
                h = h.wrapping_mul(PRIME);
            } else {
                for lower in c.to_lowercase() {
                    for &b in lower.encode_utf8(&mut buf).as_bytes() {
                        h ^= u64::from(b);
                        h = h.wrapping_mul(PRIME);
                    }
                }
            }
        }
        FeatureHash(h)
    }

    /// Adds a small number as a part.
    #[inline]
    pub fn num(self, n: u64) -> Self {
        let mut h = self.0 ^ 0xfe;
        h = h.wrapping_mul(PRIME);
        h ^= n;
        FeatureHash(h.wrapping_mul(PRIME))
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

/// FNV-1a of a byte string (the checksum of model files).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes
        .iter()
        .fold(OFFSET, |h, &b| (h ^ u64::from(b)).wrapping_mul(PRIME))
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
