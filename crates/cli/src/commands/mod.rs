//! One module per subcommand.

pub mod eval;
pub mod eval_quotes;
pub mod plugins;
pub mod run;
pub mod tokenize;
pub mod train;
pub mod train_sentiment;

use crate::args::PluginDirs;
use byline_core::plugin::{Catalog, PLUGIN_PATH_ENV, search_dirs};

/// Finds the plugins in the directories the user and the environment name.
pub fn catalog(dirs: &PluginDirs) -> Catalog {
    let env = std::env::var_os(PLUGIN_PATH_ENV);
    Catalog::discover(search_dirs(&dirs.plugin_dirs, env.as_deref()))
}
