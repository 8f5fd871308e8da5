//! Source files: the text of a scenario and the mapping from byte offsets to lines and
//! columns.
//!
//! Every position in `scenario` is a byte offset into [`Source::text`], the file exactly as
//! written minus a leading UTF-8 byte order mark. Lines end at `\n`, `\r\n` or a lone `\r`,
//! as in Python; columns count characters from 1.

use crate::diagnostic::{Diagnostic, ErrorKind};

/// A half-open byte range `start..end` into a source text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: start as u32,
            end: end as u32,
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    /// An empty span at the start of this one.
    pub fn first_point(self) -> Span {
        Span {
            start: self.start,
            end: self.start,
        }
    }
}

/// A scenario file: its name as given on the command line and its text.
#[derive(Debug)]
pub struct Source {
    /// The name diagnostics use: the path as the user typed it (for an imported module, the
    /// path of the file from the same directory the main file was named from).
    pub name: String,
    /// The name a program sees, as CPython shows it: `__file__`, traceback entries, task
    /// reprs. An absolute path, or what `scenario.toml`'s `[paths] root` makes of one.
    pub path: String,
    /// This file's number in the run, in load order (the main file is 0).
    pub id: u32,
    pub text: String,
    line_starts: Vec<u32>,
}

/// The most source text `scenario` reads: larger files are rejected with a clear error
/// rather than risking an out-of-memory abort later in the pipeline.
pub const MAX_SOURCE_BYTES: usize = 64 << 20;

impl Source {
    /// A source from text that is already known to be valid.
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Source {
        let mut text = text.into();
        if text.starts_with('\u{feff}') {
            text.drain(..'\u{feff}'.len_utf8());
        }
        let line_starts = line_starts(&text);
        let name = name.into();
        Source {
            path: name.clone(),
            name,
            id: 0,
            text,
            line_starts,
        }
    }

    /// The same source under the path a program sees and a file number of its own.
    pub fn with_path(mut self, path: impl Into<String>, id: u32) -> Source {
        self.path = path.into();
        self.id = id;
        self
    }

    /// A source from raw file bytes, and the error if they are not a valid source file
    /// (invalid UTF-8 or a NUL byte, as CPython rejects them; the source then holds the
    /// readable part, so the error can point at the offending byte).
    pub fn from_bytes(name: impl Into<String>, bytes: Vec<u8>) -> (Source, Option<Diagnostic>) {
        let name = name.into();
        if bytes.len() > MAX_SOURCE_BYTES {
            let source = Source::new(name, String::new());
            let message = format!(
                "the file is {} bytes long; scenario reads files of at most {} bytes",
                bytes.len(),
                MAX_SOURCE_BYTES
            );
            return (
                source,
                Some(Diagnostic::new(ErrorKind::Syntax, message, Span::default())),
            );
        }
        match String::from_utf8(bytes) {
            Ok(text) => {
                let source = Source::new(name, text);
                let error = source.text.find('\0').map(|nul| {
                    Diagnostic::new(
                        ErrorKind::Syntax,
                        "source code cannot contain null bytes",
                        Span::new(nul, nul + 1),
                    )
                });
                (source, error)
            }
            Err(error) => {
                let bad = error.utf8_error().valid_up_to();
                let bytes = error.into_bytes();
                // Show the valid prefix so that the caret lands on the right line.
                let text = String::from_utf8_lossy(&bytes[..bad]).into_owned();
                let source = Source::new(name, text);
                let at = source.text.len();
                let line = source.line_of(at as u32);
                let message = format!(
                    "Non-UTF-8 code starting with '\\x{:02x}' on line {line}, but no encoding declared",
                    bytes[bad]
                );
                let diagnostic = match declared_encoding(&bytes) {
                    // PEP 263: `# -*- coding: latin-1 -*-` in the first two lines.
                    Some(encoding) => Diagnostic::new(
                        ErrorKind::Unsupported,
                        format!("source encoding '{encoding}' is not supported"),
                        Span::new(at, at),
                    ),
                    None => Diagnostic::new(ErrorKind::Syntax, message, Span::new(at, at)),
                }
                .with_help("save the file as UTF-8");
                (source, Some(diagnostic))
            }
        }
    }

    /// The 1-based line number and 1-based character column of a byte offset.
    pub fn line_col(&self, offset: u32) -> (usize, usize) {
        let offset = (offset as usize).min(self.text.len());
        let line = self.line_of(offset as u32);
        let start = self.line_starts[line - 1] as usize;
        let column = self
            .text
            .get(start..offset)
            .map_or(0, |s| s.chars().count())
            + 1;
        (line, column)
    }

    /// The 1-based line containing a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(index) => index + 1,
            Err(index) => index,
        }
    }

    /// The byte offset where a 1-based line starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.line_starts
            .get(line.saturating_sub(1))
            .map_or(self.text.len(), |&s| s as usize)
    }

    /// The text of a 1-based line, without its line break.
    pub fn line_text(&self, line: usize) -> &str {
        let Some(&start) = self.line_starts.get(line.wrapping_sub(1)) else {
            return "";
        };
        let rest = &self.text[start as usize..];
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        &rest[..end]
    }

    /// How many lines the text has.
    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }
}

/// The encoding a PEP 263 comment declares in the first two lines, if any.
fn declared_encoding(bytes: &[u8]) -> Option<String> {
    for line in bytes.split(|&b| b == b'\n').take(2) {
        let line = String::from_utf8_lossy(line);
        let comment = line.trim_start();
        if !comment.starts_with('#') {
            continue;
        }
        let Some(at) = comment.find("coding") else {
            continue;
        };
        let rest = &comment[at + "coding".len()..];
        let Some(rest) = rest.strip_prefix(':').or_else(|| rest.strip_prefix('=')) else {
            continue;
        };
        let name: String = rest
            .trim_start()
            .chars()
            .take_while(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
            .collect();
        if !name.is_empty() {
            return Some(name);
        }
    }
    None
}

fn line_starts(text: &str) -> Vec<u32> {
    let mut starts = vec![0];
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => starts.push(i as u32 + 1),
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => starts.push(i as u32 + 1),
            _ => {}
        }
        i += 1;
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_follow_python_line_breaks() {
        let source = Source::new("t.py", "a\r\nbé c\rd\n");
        assert_eq!(source.line_col(0), (1, 1));
        assert_eq!(source.line_col(3), (2, 1));
        assert_eq!(source.line_col(7), (2, 4)); // 'c' after the two-byte 'é'
        assert_eq!(source.line_col(9), (3, 1));
        assert_eq!(source.line_text(2), "bé c");
        assert_eq!(source.line_text(3), "d");
    }

    #[test]
    fn a_byte_order_mark_is_not_part_of_the_text() {
        let source = Source::new("t.py", "\u{feff}x = 1\n");
        assert_eq!(source.text, "x = 1\n");
    }
}
