//! Errors that stop a run before or while it starts. Problems with single documents are not errors
//! of this kind: they become entries in that document's record (see [`crate::record::DocError`]).

use std::path::PathBuf;

/// Something that prevents a run from starting, with the file, plugin or option it concerns.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An input path does not exist or cannot be opened.
    #[error("cannot read input '{path}': {source}")]
    Input {
        /// The input as given on the command line.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The output file cannot be created or written.
    #[error("cannot write output '{path}': {source}")]
    Output {
        /// The output path.
        path: PathBuf,
        /// What the operating system said.
        source: std::io::Error,
    },
    /// The dynamic loader could not open a plugin library.
    #[error("cannot load plugin library '{path}': {message}")]
    Load {
        /// The library file.
        path: PathBuf,
        /// The loader's message.
        message: String,
    },
    /// A library in a plugin directory does not export the entry symbol.
    #[error(
        "'{path}' is not a byline plugin: it does not export `byline_plugin_entry` (build it with `byline_plugin_api::export_plugin!`)"
    )]
    NoEntry {
        /// The library file.
        path: PathBuf,
    },
    /// The entry symbol returned something that is not a byline plugin header.
    #[error("'{path}' is not a byline plugin: {message}")]
    BadHeader {
        /// The library file.
        path: PathBuf,
        /// What was wrong with the header.
        message: String,
    },
    /// The plugin was built against an ABI this host cannot use.
    #[error(
        "plugin library '{path}' was built for byline plugin ABI {plugin_major}.{plugin_minor}, but this byline speaks ABI {host_major}.{host_minor}: {advice}"
    )]
    Abi {
        /// The library file.
        path: PathBuf,
        /// The plugin's ABI major version.
        plugin_major: u32,
        /// The plugin's ABI minor version.
        plugin_minor: u32,
        /// The host's ABI major version.
        host_major: u32,
        /// The host's ABI minor version.
        host_minor: u32,
        /// What to do about it.
        advice: &'static str,
    },
    /// A plugin named on the command line was not found.
    #[error("{}", unknown_plugin_message(.name, .found, .searched, .broken))]
    UnknownPlugin {
        /// The name asked for.
        name: String,
        /// Names of the plugins that were found.
        found: Vec<String>,
        /// The directories searched, in order.
        searched: Vec<PathBuf>,
        /// Libraries that looked like plugins but could not be loaded, with why.
        broken: Vec<String>,
    },
    /// A selected plugin requires a layer that no selected plugin provides.
    #[error(
        "plugin '{plugin}' requires the layer '{layer}', which no selected plugin provides{hint}"
    )]
    MissingRequirement {
        /// The plugin with the requirement.
        plugin: String,
        /// The missing layer.
        layer: String,
        /// A suggestion (", add 'x' to --plugins"), or empty.
        hint: String,
    },
    /// The selected plugins require each other in a circle.
    #[error("the plugins {} require each other in a cycle; no order can run them", .plugins.join(", "))]
    Cycle {
        /// The plugins involved.
        plugins: Vec<String>,
    },
    /// A plugin rejected its configuration.
    #[error("plugin '{plugin}' rejected its configuration: {message}")]
    Config {
        /// The plugin.
        plugin: String,
        /// The plugin's message.
        message: String,
    },
    /// Options were given for a plugin that is not part of the run.
    #[error("options were given for plugin '{plugin}', which is not selected (selected: {})", .selected.join(", "))]
    ConfigForUnselected {
        /// The plugin named in the options.
        plugin: String,
        /// The selected plugins.
        selected: Vec<String>,
    },
    /// Two selected plugins provide the same layer, or a plugin provides a layer named like one of
    /// the record's own keys: one would overwrite the other in the record.
    #[error(
        "layer '{layer}' of plugin '{plugin}' {}: deselect one of them, or rename the layer",
        match .other { Some(other) => format!("is also provided by plugin '{other}'"), None => "has the name of a record key (id, meta, errors)".to_string() }
    )]
    LayerConflict {
        /// The layer.
        layer: String,
        /// The plugin that provides it (the later one in the selection).
        plugin: String,
        /// The other plugin providing it, or `None` when the name is a record key's.
        other: Option<String>,
    },
    /// The same plugin was selected twice.
    #[error("plugin '{0}' is selected more than once")]
    DuplicateSelection(String),
    /// No plugin was selected.
    #[error("no plugins selected: name at least one with --plugins")]
    NothingSelected,
}

fn unknown_plugin_message(
    name: &str,
    found: &[String],
    searched: &[PathBuf],
    broken: &[String],
) -> String {
    let mut message = format!("unknown plugin '{name}'");
    if let Some(close) = found.iter().find(|f| edit_distance(f, name) <= 2) {
        message.push_str(&format!(" (did you mean '{close}'?)"));
    }
    message.push_str(". ");
    if found.is_empty() {
        message.push_str("No plugins were found");
    } else {
        message.push_str(&format!("Found: {}", found.join(", ")));
    }
    let dirs: Vec<String> = searched.iter().map(|d| d.display().to_string()).collect();
    message.push_str(&format!(
        "; searched: {}",
        if dirs.is_empty() {
            "nowhere".to_string()
        } else {
            dirs.join(", ")
        }
    ));
    for problem in broken {
        message.push_str(&format!("\n  skipped: {problem}"));
    }
    message.push_str(
        "\nPlugins are libraries named `byline_plugin_<name>` next to the byline executable, in --plugin-dir DIR, or in a directory on BYLINE_PLUGIN_PATH.",
    );
    message
}

/// Levenshtein distance, for "did you mean" suggestions.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous + usize::from(ca != *cb);
            previous = row[j + 1];
            row[j + 1] = substitution.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

/// A result whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;
