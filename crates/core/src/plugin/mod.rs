//! The plugin host: discovering libraries, loading them across the C-ABI, and ordering the selected
//! plugins by what they require.

pub mod discover;
pub mod load;
pub mod order;

pub use discover::{Catalog, PLUGIN_PATH_ENV, search_dirs};
pub use load::{CallFailure, Manifest, PluginInstance, PluginLibrary};
