//! The glue behind [`crate::export_plugin!`]: generic `extern "C"` functions that adapt a
//! [`crate::Plugin`] to the function table, catching every panic at the boundary.

use crate::abi::{
    self, DocView, PluginHeader, PluginVTable, STATUS_ERROR, STATUS_OK, STATUS_PANIC, Sink,
    StaticHeader, StrList, StrRef,
};
use crate::{Config, Document, Plugin};
use std::cell::RefCell;
use std::ffi::c_void;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Once;

thread_local! {
    /// The message and location of the last panic on this thread, captured by our panic hook.
    static LAST_PANIC: RefCell<Option<String>> = const { RefCell::new(None) };
}

static INSTALL_HOOK: Once = Once::new();

/// Replaces this library's panic hook (each cdylib has its own copy of std) so that a panic is
/// recorded for the error message instead of being printed over the host's output.
fn install_panic_hook() {
    INSTALL_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            let payload = info.payload();
            let message = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_string())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "non-string panic payload".to_string());
            let location = info
                .location()
                .map(|l| format!(" at {}:{}:{}", l.file(), l.line(), l.column()))
                .unwrap_or_default();
            LAST_PANIC.with(|last| *last.borrow_mut() = Some(format!("{message}{location}")));
        }));
    });
}

fn take_panic_message() -> String {
    LAST_PANIC
        .with(|last| last.borrow_mut().take())
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// Runs `f`, turning a panic into [`STATUS_PANIC`] with its message written to `sink`.
fn guarded(sink: &Sink, f: impl FnOnce() -> Result<(), String>) -> abi::Status {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(())) => STATUS_OK,
        Ok(Err(message)) => {
            sink.write_str(&message);
            STATUS_ERROR
        }
        Err(_) => {
            sink.write_str(&format!("plugin panicked: {}", take_panic_message()));
            STATUS_PANIC
        }
    }
}

unsafe extern "C" fn create<P: Plugin>(
    config_json: StrRef,
    out: *mut *mut c_void,
    sink: *const Sink,
) -> abi::Status {
    install_panic_hook();
    // SAFETY: the host passes a live sink for the duration of the call.
    let sink = unsafe { &*sink };
    guarded(sink, || {
        // SAFETY: the host builds `config_json` from a `&str` it keeps alive during the call.
        let text = unsafe { config_json.as_str() };
        let given: serde_json::Value = if text.trim().is_empty() {
            serde_json::Value::Null
        } else {
            serde_json::from_str(text).map_err(|e| format!("configuration is not JSON: {e}"))?
        };
        let config = Config::validate(P::OPTIONS, &given)?;
        let instance = P::new(&config).map_err(|e| e.to_string())?;
        let raw = Box::into_raw(Box::new(instance)) as *mut c_void;
        // SAFETY: the host passes a valid pointer to write the instance into.
        unsafe { *out = raw };
        Ok(())
    })
}

unsafe extern "C" fn process<P: Plugin>(
    instance: *const c_void,
    doc: *const DocView,
    sink: *const Sink,
) -> abi::Status {
    // SAFETY: the host passes a live sink for the duration of the call.
    let sink = unsafe { &*sink };
    guarded(sink, || {
        // SAFETY: `instance` came from `create::<P>` (a `Box<P>`), and `P: Sync`, so a shared
        // reference may be used from this thread while others use it too.
        let plugin = unsafe { &*(instance as *const P) };
        // SAFETY: the host keeps the view and everything it points to alive during the call.
        let document = unsafe { Document::from_view(&*doc) };
        let mut json = Vec::new();
        plugin
            .write_layer(&document, &mut json)
            .map_err(|e| e.to_string())?;
        let json = std::str::from_utf8(&json)
            .map_err(|_| "the plugin wrote a layer that is not UTF-8".to_string())?;
        sink.write_str(json);
        Ok(())
    })
}

unsafe extern "C" fn destroy<P: Plugin>(instance: *mut c_void) {
    if instance.is_null() {
        return;
    }
    // A panicking Drop must not unwind into the host; the instance is lost either way.
    let _ = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: `instance` came from `Box::into_raw` in `create::<P>` and the host destroys it once.
        drop(unsafe { Box::from_raw(instance as *mut P) });
    }));
}

fn leak_list(items: &[&'static str]) -> StrList {
    let refs: &'static [StrRef] = Box::leak(items.iter().map(|s| StrRef::new(s)).collect());
    StrList {
        ptr: refs.as_ptr(),
        len: refs.len(),
    }
}

/// Builds the static header of plugin `P`. Called once per library by the generated entry point.
#[doc(hidden)]
pub fn build_header<P: Plugin>() -> StaticHeader {
    let vtable: &'static PluginVTable = Box::leak(Box::new(PluginVTable {
        size: std::mem::size_of::<PluginVTable>(),
        create: create::<P>,
        process: process::<P>,
        destroy: destroy::<P>,
    }));
    let mut provides = vec![P::NAME];
    provides.extend(P::PROVIDES.iter().copied().filter(|p| *p != P::NAME));
    let options: &'static str =
        Box::leak(crate::config::options_to_json(P::OPTIONS).into_boxed_str());
    StaticHeader(PluginHeader {
        magic: abi::MAGIC,
        abi_major: abi::ABI_MAJOR,
        abi_minor: abi::ABI_MINOR,
        name: StrRef::new(P::NAME),
        version: StrRef::new(P::VERSION),
        description: StrRef::new(P::DESCRIPTION),
        provides: leak_list(&provides),
        requires: leak_list(P::REQUIRES),
        uses: leak_list(P::USES),
        options_json: StrRef::new(options),
        vtable,
    })
}

/// Returns the header pointer, or null when building it panicked (the host reports that).
#[doc(hidden)]
pub fn header_ptr(
    cell: &'static std::sync::OnceLock<StaticHeader>,
    build: fn() -> StaticHeader,
) -> *const PluginHeader {
    match catch_unwind(|| cell.get_or_init(build)) {
        Ok(header) => &header.0,
        Err(_) => std::ptr::null(),
    }
}
