//! Plugin options from the command line (`--set NAME.KEY=VALUE`) and a config file (`--config`).

use anyhow::{Context, Result, bail};
use serde_json::{Map, Value};
use std::path::Path;

/// Merges the config file (if any) and the `--set` assignments into one object keyed by plugin.
/// `--set` wins over the file.
pub fn collect(config_file: Option<&Path>, assignments: &[String]) -> Result<Map<String, Value>> {
    let mut configs = match config_file {
        Some(path) => read_config_file(path)?,
        None => Map::new(),
    };
    for assignment in assignments {
        let (plugin, key, value) = parse_assignment(assignment)?;
        let entry = configs
            .entry(plugin.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(options) = entry {
            options.insert(key.to_string(), value);
        }
    }
    Ok(configs)
}

fn read_config_file(path: &Path) -> Result<Map<String, Value>> {
    let text = std::fs::read_to_string(path)
        .with_context(|| format!("cannot read config file '{}'", path.display()))?;
    let value: Value = serde_json::from_str(&text).with_context(|| {
        format!(
            "config file '{}' is not JSON; expected {{\"PLUGIN\": {{\"KEY\": VALUE}}}}",
            path.display()
        )
    })?;
    let Value::Object(map) = value else {
        bail!(
            "config file '{}' must hold a JSON object keyed by plugin name",
            path.display()
        );
    };
    for (plugin, options) in &map {
        if !options.is_object() {
            bail!(
                "config file '{}': the options of '{plugin}' must be a JSON object",
                path.display()
            );
        }
    }
    Ok(map)
}

/// Splits `NAME.KEY=VALUE`; VALUE is JSON when it parses as JSON, a string otherwise.
fn parse_assignment(assignment: &str) -> Result<(&str, &str, Value)> {
    let usage = || {
        format!(
            "--set '{assignment}' is not of the form NAME.KEY=VALUE (e.g. readability.words_per_minute=200)"
        )
    };
    let (target, raw) = assignment.split_once('=').with_context(usage)?;
    let (plugin, key) = target.split_once('.').with_context(usage)?;
    if plugin.is_empty() || key.is_empty() {
        bail!(usage());
    }
    let value = serde_json::from_str(raw).unwrap_or_else(|_| Value::String(raw.to_string()));
    Ok((plugin, key, value))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_json_values_and_falls_back_to_strings() {
        let configs = collect(
            None,
            &[
                "readability.words_per_minute=200".into(),
                "quotes.mode=strict".into(),
                "quotes.verbs=[\"say\"]".into(),
            ],
        )
        .unwrap();
        assert_eq!(configs["readability"]["words_per_minute"], 200);
        assert_eq!(configs["quotes"]["mode"], "strict");
        assert_eq!(configs["quotes"]["verbs"][0], "say");
    }

    #[test]
    fn rejects_malformed_assignments() {
        let err = collect(None, &["readability=3".into()]).unwrap_err();
        assert!(err.to_string().contains("NAME.KEY=VALUE"));
    }
}
