//! `byline plugins list` and `byline plugins describe`.

use crate::EXIT_OK;
use crate::args::PluginsCommand;
use anyhow::Result;
use byline_core::plugin::{Catalog, PluginLibrary};
use serde_json::Value;

/// Runs a `plugins` subcommand; returns the exit code.
pub fn run(command: PluginsCommand) -> Result<u8> {
    match command {
        PluginsCommand::List { dirs } => {
            print!("{}", list(&super::catalog(&dirs)));
            Ok(EXIT_OK)
        }
        PluginsCommand::Describe { name, dirs } => {
            let catalog = super::catalog(&dirs);
            let plugin = catalog.get(&name)?;
            print!("{}", describe(plugin));
            Ok(EXIT_OK)
        }
    }
}

fn join_or_dash(items: &[String]) -> String {
    if items.is_empty() {
        "-".to_string()
    } else {
        items.join(", ")
    }
}

fn list(catalog: &Catalog) -> String {
    let mut out = String::new();
    if catalog.plugins.is_empty() {
        out.push_str("No plugins found.\n");
    } else {
        let width = catalog
            .plugins
            .iter()
            .map(|p| p.manifest.name.len())
            .max()
            .unwrap_or(4)
            .max(4);
        out.push_str(&format!(
            "{:width$}  {:8}  {:4}  {:20}  DESCRIPTION\n",
            "NAME", "VERSION", "ABI", "REQUIRES"
        ));
        for plugin in &catalog.plugins {
            let m = &plugin.manifest;
            out.push_str(&format!(
                "{:width$}  {:8}  {:4}  {:20}  {}\n",
                m.name,
                m.version,
                format!("{}.{}", m.abi.0, m.abi.1),
                join_or_dash(&m.requires),
                m.description
            ));
        }
    }
    out.push_str("\nSearched, in order:\n");
    for dir in &catalog.searched {
        out.push_str(&format!("  {}\n", dir.display()));
    }
    for plugin in &catalog.shadowed {
        out.push_str(&format!(
            "Shadowed: {} {} at {} (an earlier directory has a plugin of that name)\n",
            plugin.manifest.name,
            plugin.manifest.version,
            plugin.path.display()
        ));
    }
    for (_, error) in &catalog.broken {
        out.push_str(&format!("Not loaded: {error}\n"));
    }
    out
}

fn describe(plugin: &PluginLibrary) -> String {
    let m = &plugin.manifest;
    let mut out = format!(
        "{} {}\n  {}\n\n  library:   {}\n  ABI:       {}.{}\n  provides:  {}\n  requires:  {}\n  uses:      {}\n",
        m.name,
        m.version,
        m.description,
        plugin.path.display(),
        m.abi.0,
        m.abi.1,
        join_or_dash(&m.provides),
        join_or_dash(&m.requires),
        join_or_dash(&m.uses),
    );
    let options = m.options.as_array().map(Vec::as_slice).unwrap_or(&[]);
    if options.is_empty() {
        out.push_str("\n  options:   none\n");
    } else {
        out.push_str("\n  options (set with --set NAME.KEY=VALUE or --config FILE):\n");
        for option in options {
            let field = |k: &str| option.get(k).cloned().unwrap_or(Value::Null);
            out.push_str(&format!(
                "    {} ({}, default {}): {}\n",
                field("name").as_str().unwrap_or("?"),
                field("type").as_str().unwrap_or("?"),
                field("default"),
                field("help").as_str().unwrap_or(""),
            ));
        }
    }
    out
}
