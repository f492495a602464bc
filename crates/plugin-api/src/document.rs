//! The plugin-side view of one document.

use crate::abi::{self, DocView, Layer, Sentence, Span, Token};
use serde_json::Value;

/// One document as a plugin sees it: text, metadata, tokens, sentences, paragraphs, earlier layers.
///
/// Every offset is a **byte** offset into [`Document::text`]; the host converts them to Unicode
/// scalar offsets when it writes the record. A plugin's output uses byte offsets too.
pub struct Document<'a> {
    view: &'a DocView,
}

impl<'a> Document<'a> {
    /// Wraps a view received from the host.
    ///
    /// # Safety
    /// Every pointer/length pair in `view` must describe live, initialised memory (UTF-8 for strings)
    /// for `'a`. The host guarantees this for the duration of a `process` call.
    #[doc(hidden)]
    pub unsafe fn from_view(view: &'a DocView) -> Self {
        Document { view }
    }

    /// The document's id.
    pub fn id(&self) -> &'a str {
        // SAFETY: `from_view`'s contract: the host's strings live for 'a.
        unsafe { self.view.id.as_str() }
    }

    /// The full text, exactly as given in the input.
    pub fn text(&self) -> &'a str {
        // SAFETY: as in `id`.
        unsafe { self.view.text.as_str() }
    }

    /// The input's `date` field (publication date, usually ISO 8601), if it had one.
    pub fn date(&self) -> Option<&'a str> {
        // SAFETY: as in `id`.
        let date = unsafe { self.view.date.as_str() };
        (!date.is_empty()).then_some(date)
    }

    /// The input's other fields, as a JSON object string.
    pub fn meta_json(&self) -> &'a str {
        // SAFETY: as in `id`.
        unsafe { self.view.meta_json.as_str() }
    }

    /// The input's other fields, parsed.
    pub fn meta(&self) -> Value {
        serde_json::from_str(self.meta_json()).unwrap_or(Value::Null)
    }

    /// Tokens in text order. Empty unless the plugin requires `tokens` or `sentences`.
    pub fn tokens(&self) -> &'a [Token] {
        // SAFETY: as in `id`; the host passes a valid (pointer, count) pair of its token vector.
        unsafe { slice(self.view.tokens, self.view.n_tokens) }
    }

    /// Sentences in text order. Empty unless the plugin requires `sentences`.
    pub fn sentences(&self) -> &'a [Sentence] {
        // SAFETY: as in `tokens`.
        unsafe { slice(self.view.sentences, self.view.n_sentences) }
    }

    /// Paragraphs in text order. Empty unless the plugin requires `sentences` or `paragraphs`.
    pub fn paragraphs(&self) -> &'a [Span] {
        // SAFETY: as in `tokens`.
        unsafe { slice(self.view.paragraphs, self.view.n_paragraphs) }
    }

    /// The tokens of one sentence.
    pub fn sentence_tokens(&self, sentence: &Sentence) -> &'a [Token] {
        let tokens = self.tokens();
        let start = (sentence.first_token as usize).min(tokens.len());
        let end = (sentence.end_token as usize).clamp(start, tokens.len());
        &tokens[start..end]
    }

    /// The text of a token, sentence or any other byte span.
    pub fn slice(&self, start: u32, end: u32) -> &'a str {
        self.text().get(start as usize..end as usize).unwrap_or("")
    }

    /// An earlier plugin's layer as JSON text (byte offsets), if it ran on this document.
    pub fn layer_json(&self, name: &str) -> Option<&'a str> {
        // SAFETY: as in `tokens`.
        let layers: &[Layer] = unsafe { slice(self.view.layers, self.view.n_layers) };
        layers.iter().find_map(|layer| {
            // SAFETY: as in `id`.
            let (layer_name, json) = unsafe { (layer.name.as_str(), layer.json.as_str()) };
            (layer_name == name).then_some(json)
        })
    }

    /// An earlier plugin's layer, parsed; `None` when it did not run on this document or is not
    /// valid JSON. [`Document::layer_as`] tells the two apart and builds no tree of values.
    pub fn layer(&self, name: &str) -> Option<Value> {
        self.layer_json(name)
            .and_then(|json| serde_json::from_str(json).ok())
    }

    /// An earlier plugin's layer read into your own type `T` (which may borrow strings from the
    /// layer: `#[serde(borrow)] Cow<'a, str>`), reading only the fields `T` names; `Ok(None)`
    /// when the layer did not run on this document, an error naming the layer when it does not
    /// fit `T`.
    pub fn layer_as<T: serde::Deserialize<'a>>(&self, name: &str) -> Result<Option<T>, String> {
        self.layer_json(name)
            .map(|json| {
                serde_json::from_str(json)
                    .map_err(|e| format!("the {name} layer could not be read: {e}"))
            })
            .transpose()
    }
}

/// Builds a slice from a host pointer and count, tolerating a null pointer for an empty list.
///
/// # Safety
/// When `len > 0`, `ptr` must point to `len` initialised values that live for `'a`.
unsafe fn slice<'a, T>(ptr: *const T, len: usize) -> &'a [T] {
    if len == 0 || ptr.is_null() {
        return &[];
    }
    // SAFETY: the caller guarantees `ptr` points to `len` live values for 'a.
    unsafe { std::slice::from_raw_parts(ptr, len) }
}

/// Convenience predicates on token kinds.
pub trait TokenExt {
    /// Whether this is a word token.
    fn is_word(&self) -> bool;
    /// Whether this is a quotation mark.
    fn is_quote(&self) -> bool;
}

impl TokenExt for Token {
    fn is_word(&self) -> bool {
        self.kind == abi::TOKEN_WORD
    }
    fn is_quote(&self) -> bool {
        self.kind == abi::TOKEN_QUOTE
    }
}
