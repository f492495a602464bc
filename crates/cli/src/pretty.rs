//! The readable view of records, for people at a terminal (`--format pretty`).
//!
//! Layers the contract defines (entities, quotes, sentiment) and the bundled plugins' summaries
//! (entity_clusters, quote_speakers) get a tailored view; any other layer is shown as compact JSON.

use serde_json::Value;
use std::io::{self, Write};

/// The longest JSON shown for a layer without a tailored view.
const MAX_GENERIC: usize = 300;
/// The most characters of a quotation shown.
const MAX_QUOTE: usize = 160;
/// The most entries of a summary list (clusters, speakers) shown.
const MAX_LISTED: usize = 8;
/// A sentence scoring beyond this (either way) counts as positive or negative in the sentiment
/// line: VADER's usual neutral band.
const NEUTRAL_BAND: f64 = 0.05;

/// Writes one record (a JSON line) in the readable form.
pub fn write_record(out: &mut dyn Write, line: &str) -> io::Result<()> {
    let Ok(Value::Object(record)) = serde_json::from_str::<Value>(line) else {
        return writeln!(out, "{line}");
    };
    let id = record.get("id").and_then(Value::as_str).unwrap_or("?");
    writeln!(
        out,
        "── {id} {}",
        "─".repeat(60usize.saturating_sub(id.chars().count()))
    )?;
    for (key, value) in &record {
        match key.as_str() {
            "id" | "meta" | "errors" => {}
            "entities" => entities(out, value)?,
            "quotes" => quotes(out, value)?,
            "sentiment" => sentiment(out, value)?,
            "entity_clusters" => counted(out, "most mentioned", value, "label", "mentions")?,
            "quote_speakers" => counted(out, "speakers", value, "kind", "quotes")?,
            _ => generic(out, key, value)?,
        }
    }
    if let Some(errors) = record.get("errors").and_then(Value::as_array) {
        for error in errors {
            let who = error
                .get("plugin")
                .or_else(|| error.get("input"))
                .and_then(Value::as_str)
                .unwrap_or("byline");
            let message = error.get("message").and_then(Value::as_str).unwrap_or("");
            writeln!(out, "  ! {who}: {message}")?;
        }
    }
    writeln!(out)
}

fn str_field<'v>(value: &'v Value, key: &str) -> &'v str {
    value.get(key).and_then(Value::as_str).unwrap_or("")
}

fn entities(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let Some(list) = value
        .as_array()
        .or_else(|| value.get("mentions").and_then(Value::as_array))
    else {
        return generic(out, "entities", value);
    };
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for entity in list {
        let label = str_field(entity, "label").to_string();
        let text = str_field(entity, "text").to_string();
        match groups.iter_mut().find(|(l, _)| *l == label) {
            Some((_, texts)) => {
                if !texts.contains(&text) {
                    texts.push(text);
                }
            }
            None => groups.push((label, vec![text])),
        }
    }
    writeln!(out, "  entities ({}):", list.len())?;
    for (label, texts) in groups {
        writeln!(out, "    {label:<8} {}", texts.join(" · "))?;
    }
    Ok(())
}

fn quotes(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let Some(list) = value.as_array() else {
        return generic(out, "quotes", value);
    };
    writeln!(out, "  quotes ({}):", list.len())?;
    let mut k = 0;
    while k < list.len() {
        let quote = &list[k];
        // A reported content that its cue splits ("Higher fuel costs also are expected to eat
        // into earnings", "The plan, he said, will fail") is two quotes sharing the cue: one
        // line, the parts joined by "…".
        let rest = list
            .get(k + 1)
            .filter(|next| splits_around_cue(quote, next));
        k += if rest.is_some() { 2 } else { 1 };
        let speaker = quote
            .get("speaker")
            .map(|s| {
                let name = str_field(s, "name");
                if name.is_empty() {
                    str_field(s, "text")
                } else {
                    name
                }
            })
            .filter(|s| !s.is_empty())
            .unwrap_or("(unknown)");
        let cue = quote.get("cue").map(|c| str_field(c, "text")).unwrap_or("");
        let text = match rest {
            Some(rest) => format!("{} … {}", str_field(quote, "text"), str_field(rest, "text")),
            None => str_field(quote, "text").to_string(),
        };
        let text = cut_at_word(&text, MAX_QUOTE);
        let mut extras = Vec::new();
        if let Some(speaker) = quote.get("speaker") {
            let described = [
                str_field(speaker, "role"),
                str_field(speaker, "affiliation"),
            ]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>();
            if !described.is_empty() {
                extras.push(described.join(", "));
            }
        }
        if let Some(to) = quote.get("addressee").map(|a| str_field(a, "text")) {
            extras.push(format!("to {to}"));
        }
        if let Some(via) = quote.get("via").map(|v| str_field(v, "text")) {
            extras.push(format!("via {via}"));
        }
        let extras = if extras.is_empty() {
            String::new()
        } else {
            format!(" ({})", extras.join("; "))
        };
        writeln!(
            out,
            "    [{}] {speaker}{extras} {cue}: “{text}”",
            str_field(quote, "kind")
        )?;
    }
    Ok(())
}

/// Whether reported quotes `first` and `second` are one content split by their shared cue:
/// `first` ends before the cue, `second` starts after it, and neither is a direct quote (those
/// are quotations of their own: "“A,” he said. “B.”").
fn splits_around_cue(first: &Value, second: &Value) -> bool {
    let bytes = |v: &Value, key: &str| v.get(key).and_then(Value::as_u64);
    let (Some(cue), Some(other)) = (first.get("cue"), second.get("cue")) else {
        return false;
    };
    let (Some(cue_start), Some(cue_end)) = (bytes(cue, "start"), bytes(cue, "end")) else {
        return false;
    };
    let reported = |v: &Value| str_field(v, "kind") != "direct";
    cue == other
        && reported(first)
        && reported(second)
        && first.get("speaker") == second.get("speaker")
        && bytes(first, "end").is_some_and(|end| end <= cue_start)
        && bytes(second, "start").is_some_and(|start| start >= cue_end)
}

fn sentiment(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    let (Some(label), Some(score)) = (
        value.get("label").and_then(Value::as_str),
        value.get("score").and_then(Value::as_f64),
    ) else {
        return generic(out, "sentiment", value);
    };
    let scores: Vec<f64> = value
        .get("sentences")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|s| s.get("score").and_then(Value::as_f64))
                .collect()
        })
        .unwrap_or_default();
    if scores.is_empty() {
        return writeln!(out, "  sentiment: {label} ({score:+.2})");
    }
    let positive = scores.iter().filter(|s| **s > NEUTRAL_BAND).count();
    let negative = scores.iter().filter(|s| **s < -NEUTRAL_BAND).count();
    writeln!(
        out,
        "  sentiment: {label} ({score:+.2}); sentences: {positive} positive, {negative} negative, {} neutral",
        scores.len() - positive - negative
    )
}

/// A summary list (`entity_clusters`, `quote_speakers`): each entry's name, its `kind_key` and its
/// count (`count_key`), most counted first, at most [`MAX_LISTED`] of them.
fn counted(
    out: &mut dyn Write,
    title: &str,
    value: &Value,
    kind_key: &str,
    count_key: &str,
) -> io::Result<()> {
    let Some(list) = value.as_array() else {
        return generic(out, title, value);
    };
    let mut entries: Vec<(&str, &str, u64)> = list
        .iter()
        .map(|e| {
            let count = e.get(count_key).and_then(Value::as_u64).unwrap_or(0);
            (str_field(e, "name"), str_field(e, kind_key), count)
        })
        .collect();
    // Stable: entries with equal counts keep the record's order.
    entries.sort_by_key(|e| std::cmp::Reverse(e.2));
    let shown: Vec<String> = entries
        .iter()
        .take(MAX_LISTED)
        .map(|(name, kind, count)| format!("{name} ({kind}) {count}"))
        .collect();
    let more = match entries.len().saturating_sub(MAX_LISTED) {
        0 => String::new(),
        n => format!(" · and {n} more"),
    };
    writeln!(out, "  {title}: {}{more}", shown.join(" · "))
}

/// `text` up to `max` characters, cut after the last whole word that fits and marked "…" when cut.
fn cut_at_word(text: &str, max: usize) -> String {
    let Some((end, _)) = text.char_indices().nth(max) else {
        return text.to_string();
    };
    let head = &text[..end];
    let kept = head
        .rfind(char::is_whitespace)
        .map_or(head, |space| &head[..space]);
    format!(
        "{}…",
        kept.trim_end_matches(|c: char| c.is_whitespace() || c == ',')
    )
}

fn generic(out: &mut dyn Write, key: &str, value: &Value) -> io::Result<()> {
    let mut text = value.to_string();
    if text.len() > MAX_GENERIC {
        let cut = (0..=MAX_GENERIC)
            .rev()
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(0);
        text.truncate(cut);
        text.push('…');
    }
    writeln!(out, "  {key}: {text}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(line: &str) -> String {
        let mut out = Vec::new();
        write_record(&mut out, line).expect("writing to a Vec");
        String::from_utf8(out).expect("UTF-8")
    }

    #[test]
    fn quotes_show_role_affiliation_addressee_and_a_cut_at_a_word() {
        let long = "the two sides will have deeper and closer strategic communication ".repeat(4);
        let record = serde_json::json!({
            "id": "a",
            "quotes": [{
                "text": long, "kind": "indirect",
                "speaker": {"text": "Wang", "name": "Wang Junsheng", "role": "research fellow",
                            "affiliation": "Chinese Academy of Social Sciences"},
                "cue": {"text": "told"},
                "addressee": {"text": "the Global Times"}
            }]
        });
        let text = shown(&record.to_string());
        assert!(
            text.contains("[indirect] Wang Junsheng (research fellow, Chinese Academy of Social Sciences; to the Global Times) told: “the two sides"),
            "{text}"
        );
        // 160 characters end inside "deeper" in the third repetition: the cut keeps "have".
        assert!(
            text.contains("communication the two sides will have…”"),
            "{text}"
        );
    }

    #[test]
    fn a_content_split_by_its_cue_is_one_line() {
        let cue = serde_json::json!({"start": 23, "end": 35, "text": "are expected"});
        let record = serde_json::json!({
            "id": "a",
            "quotes": [
                {"text": "Higher fuel costs also", "kind": "indirect", "start": 0, "end": 22,
                 "speaker": null, "cue": cue},
                {"text": "to eat into earnings", "kind": "indirect", "start": 36, "end": 56,
                 "speaker": null, "cue": cue},
                {"text": "We will cut costs,", "kind": "direct", "start": 60, "end": 78,
                 "speaker": {"text": "Dixon"}, "cue": {"start": 80, "end": 84, "text": "said"}},
                {"text": "Jobs will go.", "kind": "direct", "start": 86, "end": 99,
                 "speaker": {"text": "Dixon"}, "cue": {"start": 80, "end": 84, "text": "said"}}
            ]
        });
        let text = shown(&record.to_string());
        assert!(
            text.contains(
                "[indirect] (unknown) are expected: “Higher fuel costs also … to eat into earnings”"
            ),
            "{text}"
        );
        // Direct quotes around their cue stay two quotations.
        assert!(
            text.contains("Dixon said: “We will cut costs,”\n"),
            "{text}"
        );
        assert!(text.contains("Dixon said: “Jobs will go.”\n"), "{text}");
    }

    #[test]
    fn summaries_list_the_most_counted_first() {
        let speakers: Vec<_> = (0..10)
            .map(|i| serde_json::json!({"name": format!("P{i}"), "kind": "person", "quotes": i}))
            .collect();
        let record = serde_json::json!({
            "id": "a",
            "entity_clusters": [
                {"id": 0, "label": "GPE", "name": "China", "mentions": 14},
                {"id": 1, "label": "GPE", "name": "North Korea", "mentions": 16}
            ],
            "quote_speakers": speakers,
            "sentiment": {"label": "positive", "score": 0.28,
                          "sentences": [{"score": 0.5}, {"score": -0.3}, {"score": 0.01}]}
        });
        let text = shown(&record.to_string());
        assert!(
            text.contains("most mentioned: North Korea (GPE) 16 · China (GPE) 14\n"),
            "{text}"
        );
        assert!(
            text.contains("speakers: P9 (person) 9 · P8 (person) 8"),
            "{text}"
        );
        assert!(text.contains("P2 (person) 2 · and 2 more\n"), "{text}");
        assert!(
            text.contains(
                "sentiment: positive (+0.28); sentences: 1 positive, 1 negative, 1 neutral"
            ),
            "{text}"
        );
    }

    #[test]
    fn short_quotes_are_not_cut() {
        assert_eq!(cut_at_word("Wang noted it.", 160), "Wang noted it.");
        assert_eq!(cut_at_word("abc def, ghi", 9), "abc def…");
        assert_eq!(cut_at_word("zoë zoë zoë", 5), "zoë…");
    }
}
