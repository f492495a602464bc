//! The readable view of records, for people at a terminal (`--format pretty`).
//!
//! Layers the contract defines (entities, quotes, sentiment) get a tailored view; any other layer
//! is shown as compact JSON.

use serde_json::Value;
use std::io::{self, Write};

/// The longest JSON shown for a layer without a tailored view.
const MAX_GENERIC: usize = 300;

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
    for quote in list {
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
        let text: String = str_field(quote, "text").chars().take(160).collect();
        let mut extras = Vec::new();
        if let Some(role) = quote
            .get("speaker")
            .map(|s| str_field(s, "role"))
            .filter(|r| !r.is_empty())
        {
            extras.push(role.to_string());
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

fn sentiment(out: &mut dyn Write, value: &Value) -> io::Result<()> {
    match (
        value.get("label"),
        value.get("score").and_then(Value::as_f64),
    ) {
        (Some(label), Some(score)) => writeln!(
            out,
            "  sentiment: {} ({score:+.2})",
            label.as_str().unwrap_or("?")
        ),
        _ => generic(out, "sentiment", value),
    }
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
