//! The C-ABI boundary between the byline host and a plugin library.
//!
//! Everything that crosses a shared-library boundary is defined here, as `#[repr(C)]` types. Plugin
//! authors never touch this module directly: [`crate::export_plugin!`] generates the entry point and
//! [`crate::Document`] wraps [`DocView`]. The host (`byline-core`) reads the same types.
//!
//! # Versioning rules
//!
//! * A plugin library exports exactly one symbol, [`ENTRY_SYMBOL`], an `extern "C" fn() -> *const
//!   PluginHeader`. The returned header lives as long as the library (which the host never unloads).
//! * The header starts with [`MAGIC`], then the ABI major and minor version. The host reads nothing
//!   else until these check out: it refuses a library whose major differs from its own, or whose minor
//!   is newer than its own.
//! * [`PluginVTable`] and [`DocView`] only ever grow by appending fields, each bumping [`ABI_MINOR`].
//!   Both start with their size in bytes, so either side can tell which fields the other knows.
//!   Removing, reordering or retyping a field bumps [`ABI_MAJOR`].
//! * Whoever allocates frees: the plugin writes its output through the host's [`Sink`] callback (the
//!   host copies the bytes into host memory); an instance made by `create` is released by the same
//!   library's `destroy`.

use std::ffi::c_void;

/// First field of every [`PluginHeader`]: the bytes `BYLINEPL` read as a little-endian `u64`.
pub const MAGIC: u64 = u64::from_le_bytes(*b"BYLINEPL");
/// The ABI major version. A host and a plugin must agree on it exactly.
pub const ABI_MAJOR: u32 = 1;
/// The ABI minor version. A host accepts plugins whose minor is the same as or older than its own.
pub const ABI_MINOR: u32 = 0;
/// Name of the one symbol a plugin library exports (NUL-terminated for the dynamic loader).
pub const ENTRY_SYMBOL: &[u8] = b"byline_plugin_entry\0";

/// Signature of the entry symbol.
pub type EntryFn = unsafe extern "C" fn() -> *const PluginHeader;

/// A borrowed UTF-8 string: a pointer and a length in bytes. Never NUL-terminated.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrRef {
    /// Start of the bytes; may dangle when `len` is 0.
    pub ptr: *const u8,
    /// Length in bytes.
    pub len: usize,
}

impl StrRef {
    /// Borrows a Rust string for the duration of a call across the boundary.
    pub const fn new(s: &str) -> Self {
        StrRef {
            ptr: s.as_ptr(),
            len: s.len(),
        }
    }

    /// The empty string.
    pub const EMPTY: StrRef = StrRef::new("");

    /// Reads the bytes back as a string.
    ///
    /// # Safety
    /// `ptr` must point to `len` initialised bytes of valid UTF-8 that stay alive and unchanged for
    /// `'a`. Both sides of the boundary only ever build `StrRef`s from `&str`, which guarantees this.
    pub unsafe fn as_str<'a>(self) -> &'a str {
        if self.len == 0 {
            return "";
        }
        // SAFETY: the caller guarantees `ptr..ptr+len` is live, initialised UTF-8 for 'a.
        unsafe { std::str::from_utf8_unchecked(std::slice::from_raw_parts(self.ptr, self.len)) }
    }
}

/// A borrowed list of strings.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct StrList {
    /// First element; may dangle when `len` is 0.
    pub ptr: *const StrRef,
    /// Number of elements.
    pub len: usize,
}

/// What a plugin library says about itself. Returned by the entry symbol; static for the library's life.
#[repr(C)]
#[derive(Debug)]
pub struct PluginHeader {
    /// Always [`MAGIC`].
    pub magic: u64,
    /// The [`ABI_MAJOR`] the plugin was built against.
    pub abi_major: u32,
    /// The [`ABI_MINOR`] the plugin was built against.
    pub abi_minor: u32,
    /// The plugin's name: the key of its layer in every output record.
    pub name: StrRef,
    /// The plugin's own version (its crate version).
    pub version: StrRef,
    /// One line saying what the plugin extracts.
    pub description: StrRef,
    /// Layers the plugin produces (its own name first).
    pub provides: StrList,
    /// Layers that must be present before it runs.
    pub requires: StrList,
    /// Layers it reads when they are present, without requiring them.
    pub uses: StrList,
    /// A JSON array describing its configuration options (see [`crate::ConfigOption`]).
    pub options_json: StrRef,
    /// The function table.
    pub vtable: *const PluginVTable,
}

/// Outcome of a call across the boundary.
pub type Status = i32;
/// The call succeeded; the sink holds its output (JSON), if any.
pub const STATUS_OK: Status = 0;
/// The call failed; the sink holds a UTF-8 error message.
pub const STATUS_ERROR: Status = 1;
/// The plugin panicked; the panic was caught and the sink holds its message.
pub const STATUS_PANIC: Status = 2;

/// A host-owned byte buffer the plugin writes into. The host copies what it is given; the plugin keeps
/// ownership of (and frees) the bytes it passed.
#[repr(C)]
pub struct Sink {
    /// Host context, passed back to `write` untouched.
    pub ctx: *mut c_void,
    /// Appends `bytes` to the host's buffer.
    pub write: unsafe extern "C" fn(ctx: *mut c_void, bytes: StrRef),
}

impl Sink {
    /// Appends a string to the host's buffer.
    pub fn write_str(&self, s: &str) {
        // SAFETY: `ctx` and `write` come from the host, which keeps the buffer alive for the whole
        // call, and `s` is live for the duration of this call.
        unsafe { (self.write)(self.ctx, StrRef::new(s)) }
    }
}

/// The plugin's functions. Append-only: new functions go at the end and bump [`ABI_MINOR`].
#[repr(C)]
#[derive(Debug)]
pub struct PluginVTable {
    /// `size_of::<PluginVTable>()` as the plugin was built; the host reads only fields within it.
    pub size: usize,
    /// Builds an instance from a JSON configuration object. On success writes the instance to `out`.
    /// On failure writes a message to `sink` and returns [`STATUS_ERROR`].
    pub create: unsafe extern "C" fn(
        config_json: StrRef,
        out: *mut *mut c_void,
        sink: *const Sink,
    ) -> Status,
    /// Processes one document. Writes the layer as JSON (byte offsets) to `sink`. Called from many
    /// threads at once on the same instance.
    pub process: unsafe extern "C" fn(
        instance: *const c_void,
        doc: *const DocView,
        sink: *const Sink,
    ) -> Status,
    /// Releases an instance made by `create`.
    pub destroy: unsafe extern "C" fn(instance: *mut c_void),
}

/// A token: a byte span of the document text and what kind of token it is.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// One of the `TOKEN_*` kinds.
    pub kind: u32,
}

/// A run of letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "Beijing-Pyongyang").
pub const TOKEN_WORD: u32 = 0;
/// A number, possibly with separators, decimals or a unit suffix ("1,000", "3.5", "5bn").
pub const TOKEN_NUMBER: u32 = 1;
/// Punctuation other than quotes and dashes.
pub const TOKEN_PUNCT: u32 = 2;
/// A quotation mark, straight or curly (not an apostrophe inside a word).
pub const TOKEN_QUOTE: u32 = 3;
/// A dash used as punctuation ("-", "--", "–", "—").
pub const TOKEN_DASH: u32 = 4;
/// A currency or other symbol ("$", "£", "%", "&").
pub const TOKEN_SYMBOL: u32 = 5;
/// A URL or e-mail address.
pub const TOKEN_URL: u32 = 6;
/// A clitic split from the word before it ("'s", "n't").
pub const TOKEN_CLITIC: u32 = 7;

/// A byte span of the document text.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
}

/// A sentence: its byte span and the range of its tokens.
#[repr(C)]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Sentence {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset one past the last byte.
    pub end: u32,
    /// Index of the sentence's first token.
    pub first_token: u32,
    /// Index one past the sentence's last token.
    pub end_token: u32,
}

/// An earlier plugin's output for this document.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct Layer {
    /// The layer's name (the plugin's name).
    pub name: StrRef,
    /// The layer as JSON, offsets in bytes.
    pub json: StrRef,
}

/// One document as the host shows it to a plugin. Append-only, like [`PluginVTable`].
#[repr(C)]
#[derive(Debug)]
pub struct DocView {
    /// `size_of::<DocView>()` as the host was built.
    pub size: usize,
    /// The document's id.
    pub id: StrRef,
    /// The full text.
    pub text: StrRef,
    /// The input's `date` field, or empty.
    pub date: StrRef,
    /// The input's other fields as a JSON object (`{}` when none).
    pub meta_json: StrRef,
    /// Tokens in text order (empty unless some selected plugin requires `tokens` or `sentences`).
    pub tokens: *const Token,
    /// Number of tokens.
    pub n_tokens: usize,
    /// Sentences in text order (empty unless some selected plugin requires `sentences`).
    pub sentences: *const Sentence,
    /// Number of sentences.
    pub n_sentences: usize,
    /// Paragraphs in text order (empty unless some selected plugin requires `sentences` or `paragraphs`).
    pub paragraphs: *const Span,
    /// Number of paragraphs.
    pub n_paragraphs: usize,
    /// Earlier plugins' layers that this plugin requires or uses.
    pub layers: *const Layer,
    /// Number of layers.
    pub n_layers: usize,
}

/// Silences the "raw pointer is not Send" rule for the static header: the pointers in a header only
/// ever point to data that is immutable and lives as long as the library.
#[derive(Debug)]
pub struct StaticHeader(pub PluginHeader);

// SAFETY: a `PluginHeader` is written once (inside a `OnceLock`) and only read afterwards; every
// pointer in it refers to leaked, immutable data, so sharing it between threads is sound.
unsafe impl Sync for StaticHeader {}
// SAFETY: as above; nothing in it is tied to the thread that built it.
unsafe impl Send for StaticHeader {}
