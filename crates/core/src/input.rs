//! Reading inputs: JSON Lines files, `.txt` files, folders of `.txt` files, and standard input.
//!
//! Every line of a JSON Lines input and every `.txt` file yields exactly one [`InputItem`]: a
//! [`Document`], or an [`InputFailure`] that still becomes a record (with an `errors` entry naming
//! the input and line), so nothing is dropped silently.

use crate::document::{Document, Origin};
use crate::error::{Error, Result};
use serde_json::{Map, Value};
use std::fs::File;
use std::io::{self, BufRead, BufReader};
use std::path::{Path, PathBuf};

/// A document that could not be read, with the id its record gets.
#[derive(Clone, Debug)]
pub struct InputFailure {
    /// The record's id: the line's 0-based number, or the file's path.
    pub id: String,
    /// Where it came from.
    pub origin: Origin,
    /// What was wrong and what to do.
    pub message: String,
    /// How many bytes of input it covered (for throughput figures).
    pub bytes: usize,
}

/// One unit of input: a document or a failure to read one.
pub type InputItem = std::result::Result<Document, InputFailure>;

/// One input named on the command line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputSpec {
    /// JSON Lines on standard input (`-`).
    Stdin,
    /// A JSON Lines file.
    JsonLines(PathBuf),
    /// One `.txt` file: one document.
    TextFile(PathBuf),
    /// A folder: every `.txt` file under it, in path order, is one document.
    Folder(PathBuf),
}

impl InputSpec {
    /// Classifies a command-line input, checking that it exists.
    pub fn from_arg(arg: &Path) -> Result<InputSpec> {
        if arg == Path::new("-") {
            return Ok(InputSpec::Stdin);
        }
        let metadata = std::fs::metadata(arg).map_err(|source| Error::Input {
            path: arg.to_path_buf(),
            source,
        })?;
        if metadata.is_dir() {
            Ok(InputSpec::Folder(arg.to_path_buf()))
        } else if arg
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
        {
            Ok(InputSpec::TextFile(arg.to_path_buf()))
        } else {
            Ok(InputSpec::JsonLines(arg.to_path_buf()))
        }
    }

    /// The total size in bytes of the files this input reads, when it is known in advance.
    pub fn size_hint(&self) -> Option<u64> {
        match self {
            InputSpec::Stdin => None,
            InputSpec::JsonLines(p) | InputSpec::TextFile(p) => {
                std::fs::metadata(p).ok().map(|m| m.len())
            }
            InputSpec::Folder(dir) => text_files_under(dir).ok().map(|files| {
                files
                    .iter()
                    .filter_map(|f| std::fs::metadata(f).ok())
                    .map(|m| m.len())
                    .sum()
            }),
        }
    }
}

/// How JSON Lines are read.
#[derive(Clone, Debug)]
pub struct JsonLinesOptions {
    /// The field that holds the text (`text` by default).
    pub text_field: String,
}

impl Default for JsonLinesOptions {
    fn default() -> Self {
        JsonLinesOptions {
            text_field: "text".to_string(),
        }
    }
}

/// Opens every input in order as one stream of [`InputItem`]s. Opening is checked up front (a
/// missing file is an [`Error`] before any document runs); problems inside are per-document.
pub fn open_all(
    specs: &[InputSpec],
    options: &JsonLinesOptions,
) -> Result<Box<dyn Iterator<Item = InputItem> + Send>> {
    let mut streams: Vec<Box<dyn Iterator<Item = InputItem> + Send>> = Vec::new();
    for spec in specs {
        streams.push(open(spec, options)?);
    }
    Ok(Box::new(streams.into_iter().flatten()))
}

/// Opens one input as a stream of [`InputItem`]s.
pub fn open(
    spec: &InputSpec,
    options: &JsonLinesOptions,
) -> Result<Box<dyn Iterator<Item = InputItem> + Send>> {
    match spec {
        InputSpec::Stdin => Ok(Box::new(JsonLines::new(
            Box::new(BufReader::with_capacity(1 << 20, io::stdin())),
            "-".to_string(),
            options.clone(),
        ))),
        InputSpec::JsonLines(path) => {
            let file = File::open(path).map_err(|source| Error::Input {
                path: path.clone(),
                source,
            })?;
            Ok(Box::new(JsonLines::new(
                Box::new(BufReader::with_capacity(1 << 20, file)),
                path.display().to_string(),
                options.clone(),
            )))
        }
        InputSpec::TextFile(path) => {
            let id = path.display().to_string();
            Ok(Box::new(std::iter::once(read_text_file(path, id))))
        }
        InputSpec::Folder(dir) => {
            let files = text_files_under(dir).map_err(|source| Error::Input {
                path: dir.clone(),
                source,
            })?;
            let dir = dir.clone();
            Ok(Box::new(files.into_iter().map(move |file| {
                let relative = file.strip_prefix(&dir).unwrap_or(&file);
                let id = relative
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy())
                    .collect::<Vec<_>>()
                    .join("/");
                read_text_file(&file, id)
            })))
        }
    }
}

/// Every `.txt` file under `dir`, recursively, sorted by path. Symbolic links to folders are not
/// followed (so a link cycle cannot loop).
pub fn text_files_under(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(folder) = pending.pop() {
        for entry in std::fs::read_dir(&folder)? {
            let entry = entry?;
            let kind = entry.file_type()?;
            let path = entry.path();
            if kind.is_dir() {
                pending.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("txt"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

/// Reads one `.txt` file as one document, refusing binary and non-UTF-8 files with a clear message.
fn read_text_file(path: &Path, id: String) -> InputItem {
    let origin = Origin {
        input: path.display().to_string(),
        line: None,
    };
    let fail = |message: String, bytes: usize| InputFailure {
        id: id.clone(),
        origin: origin.clone(),
        message,
        bytes,
    };
    let bytes =
        std::fs::read(path).map_err(|e| fail(format!("cannot read {}: {e}", path.display()), 0))?;
    if let Some(nul) = bytes.iter().position(|&b| b == 0) {
        return Err(fail(
            format!(
                "{} looks binary (a NUL byte at offset {nul}); only UTF-8 text files are read",
                path.display()
            ),
            bytes.len(),
        ));
    }
    let len = bytes.len();
    let text = String::from_utf8(bytes).map_err(|e| {
        fail(
            format!(
                "{} is not valid UTF-8 (invalid byte at offset {}); convert it, e.g. `iconv -f latin1 -t utf-8`",
                path.display(),
                e.utf8_error().valid_up_to()
            ),
            len,
        )
    })?;
    Ok(Document {
        id,
        text,
        meta: Map::new(),
        origin,
    })
}

/// A JSON Lines reader: one [`InputItem`] per physical line.
struct JsonLines {
    reader: Box<dyn BufRead + Send>,
    input: String,
    options: JsonLinesOptions,
    /// 0-based number of the next line.
    line: u64,
    buffer: Vec<u8>,
    done: bool,
}

impl JsonLines {
    fn new(reader: Box<dyn BufRead + Send>, input: String, options: JsonLinesOptions) -> Self {
        JsonLines {
            reader,
            input,
            options,
            line: 0,
            buffer: Vec::new(),
            done: false,
        }
    }

    fn parse_line(&self, bytes: &[u8], number: u64) -> InputItem {
        let origin = Origin {
            input: self.input.clone(),
            line: Some(number + 1),
        };
        let fallback_id = number.to_string();
        let fail = |message: String| InputFailure {
            id: fallback_id.clone(),
            origin: origin.clone(),
            message: format!("{origin}: {message}"),
            bytes: bytes.len(),
        };
        let text = std::str::from_utf8(bytes).map_err(|e| {
            fail(format!(
                "not valid UTF-8 (invalid byte at column {})",
                e.valid_up_to() + 1
            ))
        })?;
        if text.trim().is_empty() {
            return Err(fail("empty line; expected a JSON object".to_string()));
        }
        let value: Value =
            serde_json::from_str(text).map_err(|e| fail(format!("malformed JSON: {e}")))?;
        let Value::Object(mut fields) = value else {
            return Err(fail("expected a JSON object".to_string()));
        };
        let id = match fields.shift_remove("id") {
            Some(Value::String(s)) => s,
            Some(Value::Number(n)) => n.to_string(),
            Some(Value::Null) | None => fallback_id.clone(),
            Some(other) => {
                return Err(fail(format!(
                    "\"id\" must be a string or a number, got {other}"
                )));
            }
        };
        let fail_with_id = |message: String| InputFailure {
            id: id.clone(),
            ..fail(message)
        };
        let field = &self.options.text_field;
        let text = match fields.shift_remove(field.as_str()) {
            Some(Value::String(s)) => s,
            Some(other) => {
                return Err(fail_with_id(format!(
                    "the \"{field}\" field must be a string, got {}",
                    type_name(&other)
                )));
            }
            None => {
                let present: Vec<&str> = fields.keys().map(String::as_str).collect();
                return Err(fail_with_id(format!(
                    "no \"{field}\" field (fields present: {}); name the text field with --text-field",
                    if present.is_empty() {
                        "none".to_string()
                    } else {
                        present.join(", ")
                    }
                )));
            }
        };
        Ok(Document {
            id,
            text,
            meta: fields,
            origin,
        })
    }
}

fn type_name(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a bool",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

impl Iterator for JsonLines {
    type Item = InputItem;

    fn next(&mut self) -> Option<InputItem> {
        if self.done {
            return None;
        }
        self.buffer.clear();
        let number = self.line;
        match self.reader.read_until(b'\n', &mut self.buffer) {
            Ok(0) => {
                self.done = true;
                None
            }
            Ok(_) => {
                self.line += 1;
                let mut line = self.buffer.as_slice();
                if let Some(rest) = line.strip_suffix(b"\n") {
                    line = rest.strip_suffix(b"\r").unwrap_or(rest);
                }
                Some(self.parse_line(line, number))
            }
            Err(e) => {
                self.done = true;
                Some(Err(InputFailure {
                    id: number.to_string(),
                    origin: Origin {
                        input: self.input.clone(),
                        line: Some(number + 1),
                    },
                    message: format!(
                        "{} line {}: read error, input stops here: {e}",
                        self.input,
                        number + 1
                    ),
                    bytes: 0,
                }))
            }
        }
    }
}
