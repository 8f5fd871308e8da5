//! The layout pre-pass: Python's indentation rules, done before parsing.
//!
//! pest has no indentation mode, so, like CPython's tokenizer and starlark, this pass reads
//! the physical lines and inserts three marker characters (from Unicode's private use area)
//! into a copy of the text: INDENT before the first token of a more indented logical line,
//! one DEDENT per closed level before the first token of a less indented one, and NEWLINE
//! after the last token of every logical line. Blank lines, comment lines, lines inside
//! brackets and lines after a backslash carry no markers, so the grammar can treat every raw
//! line break as whitespace.
//!
//! The pass knows just enough of Python's tokens to do this: strings (whose line breaks
//! must not count), comments, brackets and line continuations. It reports the errors that
//! belong to this level with CPython's wording: inconsistent tabs, unindents that match no
//! outer level, unterminated strings, unbalanced brackets.
//!
//! Guarantee: the marked text is the source with markers inserted and nothing removed, so
//! [`Layout::source_offset`] maps every position of the marked text back to the source.

use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::source::Span;

pub const INDENT: char = '\u{E000}';
pub const DEDENT: char = '\u{E001}';
pub const NEWLINE: char = '\u{E002}';
const MARKER_LEN: usize = 3; // every marker is three bytes in UTF-8

/// CPython's limit on nested indentation levels (`MAXINDENT`).
const MAX_INDENT_LEVELS: usize = 100;
/// CPython's limit on nested brackets (`MAXLEVEL`).
const MAX_BRACKET_DEPTH: usize = 200;

/// The source text with layout markers inserted.
#[derive(Debug)]
pub struct Layout {
    pub text: String,
    /// The source offset of each inserted marker, in order.
    inserts: Vec<u32>,
}

impl Layout {
    /// The source offset of a position in the marked text. A position inside a marker maps
    /// to where the marker was inserted.
    pub fn source_offset(&self, marked: usize) -> usize {
        // Marker k sits at marked offset inserts[k] + 3k; find the markers before `marked`.
        // `ends_before(k)` is monotone in k, so binary-search for the first marker that
        // does not end before `marked`.
        let ends_before =
            |k: usize| self.inserts[k] as usize + MARKER_LEN * k + MARKER_LEN <= marked;
        let (mut low, mut high) = (0, self.inserts.len());
        while low < high {
            let mid = (low + high) / 2;
            if ends_before(mid) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        let before = low;
        if let Some(&at) = self.inserts.get(before) {
            let start = at as usize + MARKER_LEN * before;
            if (start..start + MARKER_LEN).contains(&marked) {
                return at as usize;
            }
        }
        marked - MARKER_LEN * before
    }

    /// A span of the marked text as a span of the source.
    pub fn source_span(&self, start: usize, end: usize) -> Span {
        Span::new(self.source_offset(start), self.source_offset(end))
    }
}

/// Insert layout markers into `source`, or report the first layout error.
pub fn layout(source: &str) -> Result<Layout, Diagnostic> {
    Scanner::new(source).run()
}

struct Scanner<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
    /// Open indentation levels: (column with tabs to multiples of 8, column with tabs as 1).
    indents: Vec<(usize, usize)>,
    /// Open brackets and where they were opened.
    brackets: Vec<(u8, usize)>,
    /// Whether the current logical line has a token yet, and where its last token ends.
    line_has_tokens: bool,
    last_token_end: usize,
    /// Whether the previous physical line ended in a backslash.
    continuation: bool,
    markers: Vec<(usize, char)>,
}

impl<'a> Scanner<'a> {
    fn new(src: &'a str) -> Scanner<'a> {
        Scanner {
            src,
            bytes: src.as_bytes(),
            pos: 0,
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            line_has_tokens: false,
            last_token_end: 0,
            continuation: false,
            markers: Vec::new(),
        }
    }

    fn peek(&self, ahead: usize) -> Option<u8> {
        self.bytes.get(self.pos + ahead).copied()
    }

    fn run(mut self) -> Result<Layout, Diagnostic> {
        self.start_line()?;
        while let Some(byte) = self.peek(0) {
            match byte {
                b' ' | b'\t' | b'\x0c' => self.pos += 1,
                b'#' => {
                    while !matches!(self.peek(0), None | Some(b'\n' | b'\r')) {
                        self.pos += 1;
                    }
                }
                b'\n' | b'\r' => {
                    self.pos += if byte == b'\r' && self.peek(1) == Some(b'\n') {
                        2
                    } else {
                        1
                    };
                    if self.brackets.is_empty() {
                        self.end_logical_line();
                        self.continuation = false;
                        self.start_line()?;
                    }
                }
                b'\\' => self.line_continuation()?,
                b'"' | b'\'' => self.string(self.pos)?,
                b'(' | b'[' | b'{' => {
                    if self.brackets.len() >= MAX_BRACKET_DEPTH {
                        return Err(error("too many nested parentheses", self.pos, self.pos + 1));
                    }
                    self.brackets.push((byte, self.pos));
                    self.token(self.pos + 1);
                }
                b')' | b']' | b'}' => self.close_bracket(byte)?,
                b'a'..=b'z' | b'A'..=b'Z' | b'_' | 0x80.. => self.word()?,
                _ => self.token(self.pos + 1),
            }
        }
        if let Some(&(bracket, at)) = self.brackets.last() {
            let message = format!("'{}' was never closed", bracket as char);
            return Err(error(&message, at, at + 1));
        }
        self.end_logical_line();
        let end = self.src.len();
        for _ in 1..self.indents.len() {
            self.markers.push((end, DEDENT));
        }
        Ok(self.finish())
    }

    fn finish(self) -> Layout {
        let mut text = String::with_capacity(self.src.len() + self.markers.len() * MARKER_LEN);
        let mut inserts = Vec::with_capacity(self.markers.len());
        let mut copied = 0;
        for &(at, marker) in &self.markers {
            text.push_str(&self.src[copied..at]);
            text.push(marker);
            inserts.push(at as u32);
            copied = at;
        }
        text.push_str(&self.src[copied..]);
        Layout { text, inserts }
    }

    /// Note that a token ends at `end`.
    fn token(&mut self, end: usize) {
        self.line_has_tokens = true;
        self.last_token_end = end;
        self.pos = end;
    }

    fn end_logical_line(&mut self) {
        if self.line_has_tokens {
            self.markers.push((self.last_token_end, NEWLINE));
            self.line_has_tokens = false;
        }
    }

    /// At the start of a physical line: measure its indentation, unless it continues the
    /// previous line, is inside brackets, or is blank.
    fn start_line(&mut self) -> Result<(), Diagnostic> {
        if self.continuation || !self.brackets.is_empty() {
            return Ok(());
        }
        let (mut column, mut alt_column) = (0usize, 0usize);
        let mut at = self.pos;
        loop {
            match self.bytes.get(at) {
                Some(b' ') => {
                    column += 1;
                    alt_column += 1;
                }
                Some(b'\t') => {
                    column = (column / 8 + 1) * 8;
                    alt_column += 1;
                }
                Some(b'\x0c') => {
                    column = 0;
                    alt_column = 0;
                }
                _ => break,
            }
            at += 1;
        }
        if matches!(self.bytes.get(at), None | Some(b'#' | b'\n' | b'\r')) {
            return Ok(()); // a blank or comment-only line does not take part in indentation
        }
        let &(top, alt_top) = self.indents.last().expect("the base level is never popped");
        let inconsistent = || error("inconsistent use of tabs and spaces in indentation", at, at);
        if column == top {
            if alt_column != alt_top {
                return Err(inconsistent().kind(ErrorKind::Tab));
            }
        } else if column > top {
            if alt_column <= alt_top {
                return Err(inconsistent().kind(ErrorKind::Tab));
            }
            if self.indents.len() > MAX_INDENT_LEVELS {
                return Err(
                    error("too many levels of indentation", at, at).kind(ErrorKind::Indentation)
                );
            }
            self.indents.push((column, alt_column));
            self.markers.push((at, INDENT));
        } else {
            while self.indents.len() > 1 && column < self.indents.last().map_or(0, |l| l.0) {
                self.indents.pop();
                self.markers.push((at, DEDENT));
            }
            let &(top, alt_top) = self.indents.last().expect("the base level is never popped");
            if column != top {
                return Err(error(
                    "unindent does not match any outer indentation level",
                    at,
                    at,
                )
                .kind(ErrorKind::Indentation));
            }
            if alt_column != alt_top {
                return Err(inconsistent().kind(ErrorKind::Tab));
            }
        }
        self.pos = at;
        Ok(())
    }

    fn line_continuation(&mut self) -> Result<(), Diagnostic> {
        match self.peek(1) {
            Some(b'\n') => self.pos += 2,
            Some(b'\r') => self.pos += if self.peek(2) == Some(b'\n') { 3 } else { 2 },
            None => {
                return Err(error(
                    "unexpected EOF while parsing",
                    self.pos,
                    self.pos + 1,
                ));
            }
            Some(_) => {
                let at = self.pos + 1;
                return Err(error(
                    "unexpected character after line continuation character",
                    at,
                    at,
                ));
            }
        }
        if self.brackets.is_empty() {
            self.continuation = true;
        }
        Ok(())
    }

    fn close_bracket(&mut self, closer: u8) -> Result<(), Diagnostic> {
        let at = self.pos;
        let Some((opener, opened_at)) = self.brackets.pop() else {
            let message = format!("unmatched '{}'", closer as char);
            return Err(error(&message, at, at + 1));
        };
        let expected = match opener {
            b'(' => b')',
            b'[' => b']',
            _ => b'}',
        };
        if closer != expected {
            let mut message = format!(
                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                closer as char, opener as char
            );
            let line_of = |offset: usize| self.src[..offset].matches('\n').count() + 1;
            if line_of(opened_at) != line_of(at) {
                message.push_str(&format!(" on line {}", line_of(opened_at)));
            }
            return Err(error(&message, at, at + 1));
        }
        self.token(at + 1);
        Ok(())
    }

    /// An identifier, keyword or number; or a string prefix followed by a string.
    fn word(&mut self) -> Result<(), Diagnostic> {
        let start = self.pos;
        let mut end = start;
        while let Some(&byte) = self.bytes.get(end) {
            if byte.is_ascii_alphanumeric() || byte == b'_' {
                end += 1;
            } else if byte >= 0x80 {
                let c = self.src[end..].chars().next().expect("a char starts here");
                if matches!(c, INDENT | DEDENT | NEWLINE) {
                    let message = format!("invalid non-printable character U+{:04X}", c as u32);
                    return Err(error(&message, end, end + c.len_utf8()));
                }
                end += c.len_utf8();
            } else {
                break;
            }
        }
        let word = &self.src[start..end];
        let is_prefix = matches!(
            word.to_ascii_lowercase().as_str(),
            "r" | "u" | "f" | "b" | "br" | "rb" | "fr" | "rf"
        );
        if is_prefix && matches!(self.bytes.get(end), Some(b'"' | b'\'')) {
            self.pos = end;
            return self.string(start);
        }
        self.token(end);
        Ok(())
    }

    /// A string literal whose opening quote is at `self.pos` and whose token (with any
    /// prefix) starts at `start`.
    fn string(&mut self, start: usize) -> Result<(), Diagnostic> {
        let quote = self.bytes[self.pos];
        let triple = self.peek(1) == Some(quote) && self.peek(2) == Some(quote);
        let mut at = self.pos + if triple { 3 } else { 1 };
        loop {
            let Some(&byte) = self.bytes.get(at) else {
                let line = self.src.matches('\n').count() + usize::from(!self.src.ends_with('\n'));
                let kind = if triple {
                    "triple-quoted string literal"
                } else {
                    "string literal"
                };
                let message = format!("unterminated {kind} (detected at line {})", line.max(1));
                return Err(error(&message, start, start));
            };
            match byte {
                b'\\' => {
                    at += if self.bytes.get(at + 1) == Some(&b'\r')
                        && self.bytes.get(at + 2) == Some(&b'\n')
                    {
                        3
                    } else {
                        2
                    };
                }
                b'\n' | b'\r' if !triple => {
                    let line = self.src[..at].matches('\n').count() + 1;
                    let message = format!("unterminated string literal (detected at line {line})");
                    return Err(error(&message, start, start));
                }
                _ if byte == quote => {
                    if !triple {
                        at += 1;
                        break;
                    }
                    if self.bytes.get(at + 1) == Some(&quote)
                        && self.bytes.get(at + 2) == Some(&quote)
                    {
                        at += 3;
                        break;
                    }
                    at += 1;
                }
                _ => at += 1,
            }
        }
        self.token(at.min(self.src.len()));
        Ok(())
    }
}

fn error(message: &str, start: usize, end: usize) -> Diagnostic {
    Diagnostic::syntax(message, Span::new(start, end))
}

trait WithKind {
    fn kind(self, kind: ErrorKind) -> Self;
}

impl WithKind for Diagnostic {
    fn kind(mut self, kind: ErrorKind) -> Diagnostic {
        self.kind = kind;
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The marked text with markers spelled out, one logical line per line.
    fn show(source: &str) -> String {
        match layout(source) {
            Ok(layout) => layout
                .text
                .replace(INDENT, "<INDENT>")
                .replace(DEDENT, "<DEDENT>")
                .replace(NEWLINE, "<NL>"),
            Err(diagnostic) => format!("error at {}: {}", diagnostic.span.start, diagnostic),
        }
    }

    fn check(source: &str, expected: &str) {
        assert_eq!(show(source), expected, "layout of {source:?}");
    }

    #[test]
    fn blocks_get_indent_and_dedent_markers() {
        check(
            "if x:\n    y = 1\n    if z:\n        pass\nw\n",
            "if x:<NL>\n    <INDENT>y = 1<NL>\n    if z:<NL>\n        <INDENT>pass<NL>\n<DEDENT><DEDENT>w<NL>\n",
        );
    }

    #[test]
    fn blank_lines_comments_and_brackets_carry_no_markers() {
        check(
            "x = [1,\n  2]  # c\n\n   # indented comment\ny = (\n)\n",
            "x = [1,\n  2]<NL>  # c\n\n   # indented comment\ny = (\n)<NL>\n",
        );
    }

    #[test]
    fn strings_hide_line_breaks_and_brackets() {
        check(
            "s = '''a\n  (b\n'''\nt = \"#(\"\n",
            "s = '''a\n  (b\n'''<NL>\nt = \"#(\"<NL>\n",
        );
        check("s = r'\\''\n", "s = r'\\''<NL>\n");
    }

    #[test]
    fn backslash_joins_lines() {
        check("x = 1 + \\\n  2\ny\n", "x = 1 + \\\n  2<NL>\ny<NL>\n");
    }

    #[test]
    fn end_of_file_closes_lines_and_blocks() {
        check(
            "def f():\n  return 1",
            "def f():<NL>\n  <INDENT>return 1<NL><DEDENT>",
        );
        check("", "");
        check("# only a comment", "# only a comment");
    }

    #[test]
    fn crlf_and_tabs_are_accepted() {
        check(
            "if x:\r\n\ty\r\n",
            "if x:<NL>\r\n\t<INDENT>y<NL>\r\n<DEDENT>",
        );
    }

    #[test]
    fn layout_errors_use_cpython_wording() {
        check(
            "if x:\n    y\n  z\n",
            "error at 14: IndentationError: unindent does not match any outer indentation level",
        );
        check(
            "if x:\n        y\n\tz\n",
            "error at 17: TabError: inconsistent use of tabs and spaces in indentation",
        );
        check(
            "x = 'abc\n",
            "error at 4: SyntaxError: unterminated string literal (detected at line 1)",
        );
        check(
            "x = '''abc\n\n",
            "error at 4: SyntaxError: unterminated triple-quoted string literal (detected at line 2)",
        );
        check("x = (1,\n", "error at 4: SyntaxError: '(' was never closed");
        check("x = 1)\n", "error at 5: SyntaxError: unmatched ')'");
        check(
            "x = (1]\n",
            "error at 6: SyntaxError: closing parenthesis ']' does not match opening parenthesis '('",
        );
        check(
            "x = 1 \\ 2\n",
            "error at 7: SyntaxError: unexpected character after line continuation character",
        );
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let source = "if x:\n    y\n";
        let layout = layout(source).unwrap();
        let y = layout.text.find('y').unwrap();
        assert_eq!(layout.source_offset(y), source.find('y').unwrap());
        let marker = layout.text.find(INDENT).unwrap();
        assert_eq!(layout.source_offset(marker + 1), source.find('y').unwrap());
        assert_eq!(layout.source_offset(layout.text.len()), source.len());
    }
}
