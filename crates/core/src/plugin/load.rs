//! Opening plugin libraries and calling across the C-ABI. All of byline's `unsafe` host code lives
//! here.
//!
//! Invariants this module keeps:
//! * A library is never unloaded: [`libloading::Library`] values are leaked, so every pointer a
//!   plugin hands out (its header, strings, function table) stays valid for the process's life.
//! * Nothing past the magic and version fields of a header is read until those check out.
//! * Every buffer that crosses the boundary is owned by the side that allocated it: plugins write
//!   output into host buffers through [`Sink`] callbacks; instances are destroyed by their library.

use crate::error::{Error, Result};
use byline_plugin_api::abi::{
    self, DocView, EntryFn, PluginHeader, PluginVTable, STATUS_OK, STATUS_PANIC, Sink, StrList,
    StrRef,
};
use serde_json::Value;
use std::ffi::c_void;
use std::path::{Path, PathBuf};

/// What a plugin says about itself, copied out of its header.
#[derive(Clone, Debug)]
pub struct Manifest {
    /// The plugin's name (its layer's key).
    pub name: String,
    /// The plugin's version.
    pub version: String,
    /// One line saying what it extracts.
    pub description: String,
    /// The ABI (major, minor) it was built against.
    pub abi: (u32, u32),
    /// Layers it provides, its own name first.
    pub provides: Vec<String>,
    /// Layers it requires.
    pub requires: Vec<String>,
    /// Layers it reads when present.
    pub uses: Vec<String>,
    /// Its configuration options (a JSON array of `{name, type, default, help}`).
    pub options: Value,
}

/// An opened plugin library.
#[derive(Debug)]
pub struct PluginLibrary {
    /// The library file.
    pub path: PathBuf,
    /// What it says about itself.
    pub manifest: Manifest,
    vtable: &'static PluginVTable,
}

/// Opens the library at `path`, checks its header, and copies its manifest.
pub fn open(path: &Path) -> Result<PluginLibrary> {
    // SAFETY: loading a library runs its initialisers. byline only loads files that a user placed in
    // a plugin directory under a `byline_plugin_` name, which is the trust boundary of any plugin
    // system (as with SQLite or Postgres extensions).
    let library = unsafe { libloading::Library::new(path) }.map_err(|e| Error::Load {
        path: path.to_path_buf(),
        message: e.to_string(),
    })?;
    // Never unloaded: see the module invariants.
    let library: &'static libloading::Library = Box::leak(Box::new(library));
    // SAFETY: the symbol is declared by the ABI as `EntryFn`; a library that exports the name with
    // another type violates the ABI, which the magic check below catches in practice.
    let entry: EntryFn = unsafe { library.get::<EntryFn>(abi::ENTRY_SYMBOL) }
        .map(|symbol| *symbol)
        .map_err(|_| Error::NoEntry {
            path: path.to_path_buf(),
        })?;
    // SAFETY: the entry point takes no arguments and returns a pointer to a static header (or null).
    let header_ptr = unsafe { entry() };
    if header_ptr.is_null() {
        return Err(Error::BadHeader {
            path: path.to_path_buf(),
            message: "its entry point returned no header (it failed while building it)".into(),
        });
    }
    // SAFETY: every version of the ABI starts the header with `magic: u64, abi_major: u32,
    // abi_minor: u32`, so reading these three fields is sound before the versions are known.
    let (magic, major, minor) = unsafe {
        let head = header_ptr as *const u64;
        let versions = head.add(1) as *const u32;
        (head.read(), versions.read(), versions.add(1).read())
    };
    if magic != abi::MAGIC {
        return Err(Error::BadHeader {
            path: path.to_path_buf(),
            message: format!("wrong magic value {magic:#018x}"),
        });
    }
    if major != abi::ABI_MAJOR || minor > abi::ABI_MINOR {
        return Err(Error::Abi {
            path: path.to_path_buf(),
            plugin_major: major,
            plugin_minor: minor,
            host_major: abi::ABI_MAJOR,
            host_minor: abi::ABI_MINOR,
            advice: if major != abi::ABI_MAJOR {
                "rebuild the plugin against a byline-plugin-api with the same ABI major"
            } else {
                "upgrade byline, or rebuild the plugin against an older byline-plugin-api"
            },
        });
    }
    // SAFETY: magic and versions match this host, so the header has this host's layout (an older
    // minor has the same header; only the vtable and view grow) and lives as long as the library.
    let header: &'static PluginHeader = unsafe { &*header_ptr };
    let manifest = read_manifest(header, path)?;
    if header.vtable.is_null() {
        return Err(bad_header(path, "it has no function table"));
    }
    // SAFETY: non-null, static for the library's life, and written by the plugin's export macro.
    let vtable: &'static PluginVTable = unsafe { &*header.vtable };
    if vtable.size < std::mem::size_of::<PluginVTable>() {
        // ABI 1.0 is the first version: every 1.x table has at least these three functions.
        return Err(bad_header(
            path,
            "its function table is smaller than ABI 1.0's",
        ));
    }
    Ok(PluginLibrary {
        path: path.to_path_buf(),
        manifest,
        vtable,
    })
}

fn bad_header(path: &Path, message: &str) -> Error {
    Error::BadHeader {
        path: path.to_path_buf(),
        message: message.to_string(),
    }
}

fn read_manifest(header: &PluginHeader, path: &Path) -> Result<Manifest> {
    let string = |s: StrRef, what: &str| -> Result<String> {
        let bytes = if s.len == 0 {
            &[][..]
        } else if s.ptr.is_null() {
            return Err(bad_header(path, &format!("its {what} is a null pointer")));
        } else {
            // SAFETY: non-null; the header's strings point into the plugin's static data (the
            // export macro leaks them). UTF-8 is still checked below rather than trusted.
            unsafe { std::slice::from_raw_parts(s.ptr, s.len) }
        };
        String::from_utf8(bytes.to_vec())
            .map_err(|_| bad_header(path, &format!("its {what} is not UTF-8")))
    };
    let list = |l: StrList, what: &str| -> Result<Vec<String>> {
        if l.len == 0 {
            return Ok(Vec::new());
        }
        if l.ptr.is_null() {
            return Err(bad_header(
                path,
                &format!("its {what} list is a null pointer"),
            ));
        }
        // SAFETY: non-null and, per the ABI, `len` initialised `StrRef`s in static data.
        let items = unsafe { std::slice::from_raw_parts(l.ptr, l.len) };
        items.iter().map(|s| string(*s, what)).collect()
    };
    let name = string(header.name, "name")?;
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        return Err(bad_header(
            path,
            &format!("its name {name:?} is not a plain identifier"),
        ));
    }
    let options_text = string(header.options_json, "options")?;
    let options = if options_text.is_empty() {
        Value::Array(Vec::new())
    } else {
        serde_json::from_str(&options_text)
            .map_err(|e| bad_header(path, &format!("its options are not JSON: {e}")))?
    };
    Ok(Manifest {
        name,
        version: string(header.version, "version")?,
        description: string(header.description, "description")?,
        abi: (header.abi_major, header.abi_minor),
        provides: list(header.provides, "provides")?,
        requires: list(header.requires, "requires")?,
        uses: list(header.uses, "uses")?,
        options,
    })
}

/// Appends the plugin's bytes to the host's `Vec<u8>`.
///
/// # Safety
/// `ctx` must be the `*mut Vec<u8>` the host put in the [`Sink`], alive and not otherwise borrowed,
/// and `bytes` must describe `len` readable bytes.
unsafe extern "C" fn sink_write(ctx: *mut c_void, bytes: StrRef) {
    if ctx.is_null() || (bytes.ptr.is_null() && bytes.len > 0) {
        return;
    }
    // SAFETY: see the function's contract; the host builds `ctx` from a `&mut Vec<u8>` that outlives
    // the call, and only one thread uses a given sink.
    let buffer = unsafe { &mut *(ctx as *mut Vec<u8>) };
    if bytes.len > 0 {
        // SAFETY: the plugin passes a live slice for the duration of this callback.
        buffer.extend_from_slice(unsafe { std::slice::from_raw_parts(bytes.ptr, bytes.len) });
    }
}

/// Why a plugin call failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CallFailure {
    /// Whether the plugin panicked (rather than returning an error).
    pub panicked: bool,
    /// The plugin's message.
    pub message: String,
}

/// A live plugin instance, shared by every worker thread of a run.
#[derive(Debug)]
pub struct PluginInstance {
    name: String,
    vtable: &'static PluginVTable,
    instance: *mut c_void,
}

// SAFETY: the plugin-api's `Plugin` trait requires `Send + Sync` of every plugin type, and the
// instance pointer is only ever used through `process` (shared) and `destroy` (on drop, once).
unsafe impl Send for PluginInstance {}
// SAFETY: as above.
unsafe impl Sync for PluginInstance {}

impl PluginLibrary {
    /// Creates an instance with a JSON configuration object, which the plugin validates.
    pub fn instantiate(&self, config: &Value) -> Result<PluginInstance> {
        let config_text = config.to_string();
        let mut message = Vec::new();
        let sink = Sink {
            ctx: &mut message as *mut Vec<u8> as *mut c_void,
            write: sink_write,
        };
        let mut instance: *mut c_void = std::ptr::null_mut();
        // SAFETY: `config_text`, `instance` and `sink` (with `message`) outlive the call; `create`
        // catches panics inside the plugin, so nothing unwinds into the host.
        let status =
            unsafe { (self.vtable.create)(StrRef::new(&config_text), &mut instance, &sink) };
        if status != STATUS_OK || instance.is_null() {
            let text = String::from_utf8_lossy(&message);
            return Err(Error::Config {
                plugin: self.manifest.name.clone(),
                message: if text.is_empty() {
                    format!("create failed with status {status}")
                } else {
                    text.into_owned()
                },
            });
        }
        Ok(PluginInstance {
            name: self.manifest.name.clone(),
            vtable: self.vtable,
            instance,
        })
    }
}

impl PluginInstance {
    /// The plugin's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Runs the plugin on one document; returns the JSON it wrote (byte offsets) or its failure.
    pub fn process(&self, view: &DocView) -> std::result::Result<Vec<u8>, CallFailure> {
        let mut output = Vec::new();
        let sink = Sink {
            ctx: &mut output as *mut Vec<u8> as *mut c_void,
            write: sink_write,
        };
        // SAFETY: `instance` came from this library's `create`; `view` and everything it points to
        // are borrowed for the call; `sink` and `output` outlive it; `process` catches panics.
        let status = unsafe { (self.vtable.process)(self.instance, view, &sink) };
        if status == STATUS_OK {
            return Ok(output);
        }
        let message = String::from_utf8_lossy(&output).into_owned();
        Err(CallFailure {
            panicked: status == STATUS_PANIC,
            message: if message.is_empty() {
                format!("failed with status {status}")
            } else {
                message
            },
        })
    }
}

impl Drop for PluginInstance {
    fn drop(&mut self) {
        // SAFETY: `instance` came from this library's `create`, is destroyed exactly once (here), and
        // the library is never unloaded, so `destroy` is still mapped.
        unsafe { (self.vtable.destroy)(self.instance) }
    }
}
