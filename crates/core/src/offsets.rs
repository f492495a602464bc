//! Conversion from byte offsets (what plugins speak) to Unicode scalar offsets (what records say).

/// Block size, in bytes, between stored character counts.
const BLOCK: usize = 256;

/// Maps byte offsets of one text to Unicode scalar offsets in O(1) amortised per lookup.
pub struct OffsetMap<'t> {
    text: &'t str,
    /// `counts[k]` is the number of characters in `text[..k * BLOCK]`; empty for ASCII text.
    counts: Vec<u32>,
}

impl<'t> OffsetMap<'t> {
    /// Prepares the map for `text`. ASCII text needs no table.
    pub fn new(text: &'t str) -> Self {
        let counts = if text.is_ascii() {
            Vec::new()
        } else {
            let mut counts = Vec::with_capacity(text.len() / BLOCK + 1);
            let mut total = 0u32;
            for block in text.as_bytes().chunks(BLOCK) {
                counts.push(total);
                total += count_chars(block);
            }
            counts.push(total);
            counts
        };
        OffsetMap { text, counts }
    }

    /// The character offset of byte offset `byte`, or `None` when `byte` is past the end of the text
    /// or inside a character.
    pub fn to_char(&self, byte: usize) -> Option<usize> {
        if byte > self.text.len() || !self.text.is_char_boundary(byte) {
            return None;
        }
        if self.counts.is_empty() {
            return Some(byte);
        }
        let block = byte / BLOCK;
        let base = self.counts[block] as usize;
        let start = block * BLOCK;
        Some(base + count_chars(&self.text.as_bytes()[start..byte]) as usize)
    }
}

/// Counts the characters that start in `bytes` (bytes that are not UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> u32 {
    bytes.iter().filter(|&&b| (b & 0xC0) != 0x80).count() as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_char_indices_on_mixed_text() {
        let text = "Zoë said “北京” — ok 🙂 ".repeat(40);
        let map = OffsetMap::new(&text);
        for (chars, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(map.to_char(byte), Some(chars));
        }
        assert_eq!(map.to_char(text.len()), Some(text.chars().count()));
        assert_eq!(map.to_char(text.len() + 1), None);
        assert_eq!(map.to_char(3), None, "inside the two-byte ë");
    }

    #[test]
    fn ascii_is_identity() {
        let map = OffsetMap::new("plain");
        assert_eq!(map.to_char(5), Some(5));
        assert_eq!(map.to_char(6), None);
    }
}
