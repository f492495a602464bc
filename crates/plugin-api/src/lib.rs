//! # byline-plugin-api
//!
//! The one crate a byline extractor plugin depends on. Implement [`Plugin`] for a type, call
//! [`export_plugin!`] once, build the crate as a `cdylib` named `byline_plugin_<name>`, and put the
//! library next to the `byline` executable, in `--plugin-dir`, or on `BYLINE_PLUGIN_PATH`.
//!
//! ```no_run
//! use byline_plugin_api::{export_plugin, Config, Document, Plugin, PluginResult};
//! use byline_plugin_api::serde_json::{json, Value};
//!
//! struct Shouting;
//!
//! impl Plugin for Shouting {
//!     const NAME: &'static str = "shouting";
//!     const VERSION: &'static str = env!("CARGO_PKG_VERSION");
//!     const REQUIRES: &'static [&'static str] = &["tokens"];
//!
//!     fn new(_config: &Config) -> PluginResult<Self> {
//!         Ok(Shouting)
//!     }
//!
//!     fn process(&self, doc: &Document<'_>) -> PluginResult<Value> {
//!         let loud: Vec<Value> = doc
//!             .tokens()
//!             .iter()
//!             .filter(|t| { let w = doc.slice(t.start, t.end); w.len() > 1 && w.chars().all(char::is_uppercase) })
//!             .map(|t| json!({"start": t.start, "end": t.end, "text": doc.slice(t.start, t.end)}))
//!             .collect();
//!         Ok(Value::Array(loud))
//!     }
//! }
//!
//! export_plugin!(Shouting);
//! ```
//!
//! Offsets in a plugin's output are **byte** offsets into the text, like every offset the
//! [`Document`] gives; the host converts every object's `start`/`end` pair to Unicode scalar offsets
//! when it writes the record.
//!
//! The C-ABI beneath this is in [`abi`]; plugin authors do not need it.

pub mod abi;
mod config;
mod document;
#[doc(hidden)]
pub mod export;

pub use config::{Config, ConfigOption, OptionKind};
pub use document::{Document, TokenExt};
pub use serde_json;

/// The error a plugin returns: anything that can be shown as a message.
pub type PluginError = Box<dyn std::error::Error + Send + Sync>;

/// The result of a plugin's `new` and `process`.
pub type PluginResult<T> = Result<T, PluginError>;

/// Layers the host computes itself, which any plugin may require.
pub const BUILTIN_LAYERS: &[&str] = &["tokens", "sentences", "paragraphs"];

/// An extractor: what it is called, what it provides and requires, its configuration, and how it
/// processes one document. One instance serves every thread of a run at once, hence `Send + Sync`.
pub trait Plugin: Send + Sync + Sized + 'static {
    /// The plugin's name, and the key of its layer in the output record.
    const NAME: &'static str;
    /// The plugin's version; use `env!("CARGO_PKG_VERSION")`.
    const VERSION: &'static str;
    /// One line saying what the plugin extracts (shown by `byline plugins list`).
    const DESCRIPTION: &'static str = "";
    /// Layers provided besides its own (which is always provided, under [`Plugin::NAME`]). A plugin
    /// that provides more than its own layer returns from [`Plugin::process`] a JSON object with one
    /// member per provided layer (its own included); each becomes a top-level key of the record.
    const PROVIDES: &'static [&'static str] = &[];
    /// Layers that must be computed before this plugin runs: built-in ones ([`BUILTIN_LAYERS`]) or
    /// other plugins' names. A run that selects this plugin without them fails before any document.
    const REQUIRES: &'static [&'static str] = &[];
    /// Layers this plugin reads when they are selected, without requiring them.
    const USES: &'static [&'static str] = &[];
    /// The configuration options it accepts. Unknown keys and wrongly typed values are rejected
    /// before [`Plugin::new`] is called, and defaults filled in.
    const OPTIONS: &'static [ConfigOption] = &[];

    /// Builds the plugin from a validated configuration. Called once per run, before any document.
    /// Load models here.
    fn new(config: &Config) -> PluginResult<Self>;

    /// Processes one document and returns its layer (any JSON; spans as objects with byte `start`
    /// and `end`). An `Err` or a panic becomes an entry in that document's `errors`; the run goes on.
    fn process(&self, doc: &Document<'_>) -> PluginResult<serde_json::Value>;

    /// Writes the layer of one document into `out` as JSON text: what the host calls. The default
    /// serialises what [`Plugin::process`] returns. A plugin whose layers are large may override it
    /// to serialise its own `#[derive(Serialize)]` types straight into `out`, skipping the tree of
    /// `Value`s (the shipped entities plugin does: its mentions are most of a record); its
    /// `process` must then return the same JSON, parsed.
    fn write_layer(&self, doc: &Document<'_>, out: &mut Vec<u8>) -> PluginResult<()> {
        serde_json::to_writer(out, &self.process(doc)?)?;
        Ok(())
    }
}

/// Exports a [`Plugin`] implementation as the library's C-ABI entry point. Use once per library.
#[macro_export]
macro_rules! export_plugin {
    ($plugin:ty) => {
        /// The byline plugin entry point: returns this library's static header.
        #[unsafe(no_mangle)]
        pub extern "C" fn byline_plugin_entry() -> *const $crate::abi::PluginHeader {
            static HEADER: ::std::sync::OnceLock<$crate::abi::StaticHeader> =
                ::std::sync::OnceLock::new();
            $crate::export::header_ptr(&HEADER, $crate::export::build_header::<$plugin>)
        }
    };
}
