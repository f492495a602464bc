//! Plugin configuration: the options a plugin declares, and the validated values it receives.

use serde_json::{Map, Value};

/// The type of a configuration option's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OptionKind {
    /// `true` or `false`.
    Bool,
    /// A whole number.
    Integer,
    /// Any number.
    Number,
    /// A string.
    String,
    /// A list of strings.
    StringList,
}

impl OptionKind {
    /// The name used in descriptions and error messages.
    pub const fn name(self) -> &'static str {
        match self {
            OptionKind::Bool => "bool",
            OptionKind::Integer => "integer",
            OptionKind::Number => "number",
            OptionKind::String => "string",
            OptionKind::StringList => "list of strings",
        }
    }

    fn accepts(self, value: &Value) -> bool {
        match self {
            OptionKind::Bool => value.is_boolean(),
            OptionKind::Integer => value.is_i64() || value.is_u64(),
            OptionKind::Number => value.is_number(),
            OptionKind::String => value.is_string(),
            OptionKind::StringList => value
                .as_array()
                .is_some_and(|items| items.iter().all(Value::is_string)),
        }
    }
}

/// One option a plugin accepts, declared in [`crate::Plugin::OPTIONS`].
#[derive(Clone, Copy, Debug)]
pub struct ConfigOption {
    /// The key, as given with `--set PLUGIN.KEY=VALUE` or in a config file.
    pub name: &'static str,
    /// The type of its value.
    pub kind: OptionKind,
    /// The default, as a JSON literal (`"250"`, `"true"`, `"\"en\""`).
    pub default: &'static str,
    /// One line saying what it changes.
    pub help: &'static str,
}

impl ConfigOption {
    fn to_json(self) -> Value {
        let default = serde_json::from_str(self.default).unwrap_or(Value::Null);
        serde_json::json!({
            "name": self.name,
            "type": self.kind.name(),
            "default": default,
            "help": self.help,
        })
    }
}

/// Serialises a list of options for the plugin header.
pub(crate) fn options_to_json(options: &[ConfigOption]) -> String {
    Value::Array(options.iter().map(|o| o.to_json()).collect()).to_string()
}

/// A plugin's configuration after validation: every declared option has a value of its declared type
/// (the user's or the default), and no undeclared option is present.
#[derive(Clone, Debug, Default)]
pub struct Config {
    values: Map<String, Value>,
}

impl Config {
    /// Validates a JSON object against the declared options and fills in defaults.
    pub fn validate(options: &[ConfigOption], given: &Value) -> Result<Config, String> {
        let given = match given {
            Value::Null => Map::new(),
            Value::Object(map) => map.clone(),
            other => return Err(format!("configuration must be a JSON object, got {other}")),
        };
        for (key, value) in &given {
            let Some(option) = options.iter().find(|o| o.name == key) else {
                let known: Vec<&str> = options.iter().map(|o| o.name).collect();
                return Err(if known.is_empty() {
                    format!("unknown option '{key}': this plugin takes no options")
                } else {
                    format!("unknown option '{key}' (known: {})", known.join(", "))
                });
            };
            if !option.kind.accepts(value) {
                return Err(format!(
                    "option '{key}' must be a {}, got {value}",
                    option.kind.name()
                ));
            }
        }
        let mut values = Map::new();
        for option in options {
            let value = match given.get(option.name) {
                Some(v) => v.clone(),
                None => serde_json::from_str(option.default).map_err(|e| {
                    format!(
                        "the plugin's default for '{}' is not JSON ({e}); this is a bug in the plugin",
                        option.name
                    )
                })?,
            };
            values.insert(option.name.to_string(), value);
        }
        Ok(Config { values })
    }

    /// The raw value of an option.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// A bool option's value (`false` when undeclared).
    pub fn bool(&self, name: &str) -> bool {
        self.get(name).and_then(Value::as_bool).unwrap_or(false)
    }

    /// An integer option's value (`0` when undeclared).
    pub fn integer(&self, name: &str) -> i64 {
        self.get(name).and_then(Value::as_i64).unwrap_or(0)
    }

    /// A number option's value (`0.0` when undeclared).
    pub fn number(&self, name: &str) -> f64 {
        self.get(name).and_then(Value::as_f64).unwrap_or(0.0)
    }

    /// A string option's value (`""` when undeclared).
    pub fn string(&self, name: &str) -> &str {
        self.get(name).and_then(Value::as_str).unwrap_or("")
    }

    /// A string-list option's value (empty when undeclared).
    pub fn strings(&self, name: &str) -> Vec<&str> {
        self.get(name)
            .and_then(Value::as_array)
            .map(|items| items.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const OPTIONS: &[ConfigOption] = &[
        ConfigOption {
            name: "words_per_minute",
            kind: OptionKind::Integer,
            default: "230",
            help: "reading speed",
        },
        ConfigOption {
            name: "lang",
            kind: OptionKind::String,
            default: "\"en\"",
            help: "language",
        },
    ];

    #[test]
    fn fills_defaults_and_keeps_given_values() {
        let config = Config::validate(OPTIONS, &json!({"lang": "de"})).unwrap();
        assert_eq!(config.integer("words_per_minute"), 230);
        assert_eq!(config.string("lang"), "de");
    }

    #[test]
    fn rejects_unknown_keys_naming_the_known_ones() {
        let err = Config::validate(OPTIONS, &json!({"wpm": 3})).unwrap_err();
        assert!(err.contains("unknown option 'wpm'"), "{err}");
        assert!(err.contains("words_per_minute, lang"), "{err}");
    }

    #[test]
    fn rejects_wrong_types() {
        let err = Config::validate(OPTIONS, &json!({"words_per_minute": "fast"})).unwrap_err();
        assert!(
            err.contains("must be a integer") || err.contains("integer"),
            "{err}"
        );
    }
}
