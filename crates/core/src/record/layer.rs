//! Copying a plugin's layer into a record in one pass: the layer's JSON is read token by token and
//! written straight out, each integer `start` and `end` turned from a byte offset into a character
//! offset on the way, with no tree of values built in between.
//!
//! This is the host's part of every document's cost that grows with the output (a layer of a few
//! hundred mentions or quotes): parsing each layer into a `serde_json::Value`, rewriting it and
//! serialising it again took about a tenth of a run of all three plugins (`docs/performance.md`).

use crate::offsets::OffsetMap;
use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// Appends `json` (one JSON value) to `out` in compact form, with every integer under a `start`
/// or `end` key converted by `offsets`. On an error (invalid JSON, an offset past the end of the
/// text or inside a character) `out` may hold part of the layer: the caller truncates it.
pub fn write_converted(
    json: &str,
    offsets: &OffsetMap<'_>,
    out: &mut Vec<u8>,
) -> Result<(), String> {
    let mut sink = Sink {
        out,
        offsets,
        bad_offset: None,
    };
    let mut reader = serde_json::Deserializer::from_str(json);
    let copied = Copy {
        sink: &mut sink,
        offset_key: None,
    }
    .deserialize(&mut reader)
    .and_then(|()| reader.end());
    match (copied, sink.bad_offset) {
        (_, Some(message)) => Err(message),
        (Err(e), None) => Err(format!("the plugin wrote invalid JSON: {e}")),
        (Ok(()), None) => Ok(()),
    }
}

/// Where the copy goes, and the first offset that did not convert.
struct Sink<'o, 'm> {
    out: &'o mut Vec<u8>,
    offsets: &'m OffsetMap<'m>,
    bad_offset: Option<String>,
}

impl Sink<'_, '_> {
    /// Writes the comma before an element or member unless it is the first, and returns where
    /// the output stood before it (to take the comma back when no element follows).
    fn separate(&mut self, first: bool) -> usize {
        let mark = self.out.len();
        if !first {
            self.out.push(b',');
        }
        mark
    }

    /// Writes any serialisable scalar as serde_json writes it (into a `Vec`, which cannot fail).
    fn write(&mut self, value: &impl serde::Serialize) {
        let _ = serde_json::to_writer(&mut *self.out, value);
    }
}

/// Copies one value; `offset_key` is `Some("start" | "end")` when the value is an offset's.
struct Copy<'s, 'o, 'm> {
    sink: &'s mut Sink<'o, 'm>,
    offset_key: Option<&'static str>,
}

impl<'de> DeserializeSeed<'de> for Copy<'_, '_, '_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Copy<'_, '_, '_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<(), E> {
        self.sink.write(&v);
        Ok(())
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<(), E> {
        let Some(key) = self.offset_key else {
            self.sink.write(&v);
            return Ok(());
        };
        let converted = usize::try_from(v)
            .ok()
            .and_then(|byte| self.sink.offsets.to_char(byte));
        match converted {
            Some(chars) => {
                self.sink.write(&chars);
                Ok(())
            }
            None => {
                let message =
                    format!("{key} {v} is past the end of the text or inside a character");
                self.sink.bad_offset = Some(message.clone());
                Err(E::custom(message))
            }
        }
    }

    fn visit_i64<E>(self, v: i64) -> Result<(), E> {
        self.sink.write(&v);
        Ok(())
    }

    fn visit_f64<E>(self, v: f64) -> Result<(), E> {
        self.sink.write(&v);
        Ok(())
    }

    fn visit_str<E>(self, v: &str) -> Result<(), E> {
        self.sink.write(&v);
        Ok(())
    }

    fn visit_unit<E>(self) -> Result<(), E> {
        self.sink.out.extend_from_slice(b"null");
        Ok(())
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.sink.out.push(b'[');
        let mut first = true;
        loop {
            let mark = self.sink.separate(first);
            let element = Copy {
                sink: &mut *self.sink,
                offset_key: None,
            };
            if seq.next_element_seed(element)?.is_none() {
                // No element after the comma: take it back.
                self.sink.out.truncate(mark);
                break;
            }
            first = false;
        }
        self.sink.out.push(b']');
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.sink.out.push(b'{');
        let mut first = true;
        loop {
            let mark = self.sink.separate(first);
            let Some(offset_key) = map.next_key_seed(Key(&mut *self.sink))? else {
                // No member after the comma: take it back.
                self.sink.out.truncate(mark);
                break;
            };
            first = false;
            self.sink.out.push(b':');
            map.next_value_seed(Copy {
                sink: &mut *self.sink,
                offset_key,
            })?;
        }
        self.sink.out.push(b'}');
        Ok(())
    }
}

/// Copies a member's key; its value is `Some("start" | "end")` when the member is an offset.
struct Key<'s, 'o, 'm>(&'s mut Sink<'o, 'm>);

impl<'de> DeserializeSeed<'de> for Key<'_, '_, '_> {
    type Value = Option<&'static str>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for Key<'_, '_, '_> {
    type Value = Option<&'static str>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a member name")
    }

    fn visit_str<E>(self, key: &str) -> Result<Self::Value, E> {
        self.0.write(&key);
        Ok(match key {
            "start" => Some("start"),
            "end" => Some("end"),
            _ => None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn converted(text: &str, json: &str) -> Result<String, String> {
        let offsets = OffsetMap::new(text);
        let mut out = Vec::new();
        write_converted(json, &offsets, &mut out)?;
        Ok(String::from_utf8(out).expect("the copy is UTF-8"))
    }

    #[test]
    fn converts_offsets_at_any_depth_and_copies_the_rest_compactly() {
        // "Zoë" is 4 bytes, 3 characters; "Wang" starts at byte 9, character 8.
        let text = "Zoë met Wang.";
        let json = r#"[ {"start": 9, "end": 13, "text": "Wang \"W\"", "score": -0.25,
            "speaker": {"start": 0, "end": 4, "name": "Zoë"}, "ok": true, "none": null,
            "list": [], "map": {}, "n": -3, "big": 1e300} ]"#;
        assert_eq!(
            converted(text, json).as_deref(),
            Ok(
                r#"[{"start":8,"end":12,"text":"Wang \"W\"","score":-0.25,"speaker":{"start":0,"end":3,"name":"Zoë"},"ok":true,"none":null,"list":[],"map":{},"n":-3,"big":1e+300}]"#
            )
        );
    }

    /// The tree-based conversion this module replaced: parse, rewrite each object's integer
    /// `start`/`end` pair, serialise. The copy must write the same line.
    fn convert_tree(value: &mut serde_json::Value, offsets: &OffsetMap<'_>) {
        match value {
            serde_json::Value::Object(map) => {
                for key in ["start", "end"] {
                    let byte = map.get(key).and_then(serde_json::Value::as_u64);
                    if let Some(chars) = byte.and_then(|b| offsets.to_char(b as usize)) {
                        map.insert(key.into(), chars.into());
                    }
                }
                map.values_mut().for_each(|v| convert_tree(v, offsets));
            }
            serde_json::Value::Array(items) => {
                items.iter_mut().for_each(|v| convert_tree(v, offsets))
            }
            _ => {}
        }
    }

    #[test]
    fn writes_what_a_parsed_value_writes() {
        let text = "Zoë met Wang in 北京 on Tuesday.";
        let json = r#"{"a":[1,2.5,{"start":9,"end":13}],"b":"\u00e9\n","c":0.1,"d":[[],[{}]]}"#;
        let mut value: serde_json::Value = serde_json::from_str(json).expect("valid JSON");
        convert_tree(&mut value, &OffsetMap::new(text));
        assert_eq!(converted(text, json), Ok(value.to_string()));
    }

    #[test]
    fn refuses_offsets_outside_the_text_or_inside_a_character() {
        assert_eq!(
            converted("Zoë", r#"[{"start":0,"end":9}]"#),
            Err("end 9 is past the end of the text or inside a character".to_string())
        );
        assert_eq!(
            converted("Zoë", r#"{"start":3,"end":4}"#),
            Err("start 3 is past the end of the text or inside a character".to_string())
        );
    }

    #[test]
    fn refuses_invalid_json_and_trailing_text() {
        for json in [r#"[{"start":0"#, r#"{"a":1} x"#, ""] {
            let err = converted("text", json).expect_err("invalid");
            assert!(
                err.starts_with("the plugin wrote invalid JSON"),
                "{json}: {err}"
            );
        }
    }
}
