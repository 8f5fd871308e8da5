//! Diagnostics: errors found before a scenario runs (bad bytes, syntax, unsupported
//! constructs, failed static checks), and how they are shown.
//!
//! Every stage reports its errors as [`Diagnostic`] values carrying a span; this module is
//! the one place that draws them. The first line is `file:line:col: Kind: message` (the
//! shape editors and CI logs recognise, with CPython's exception name and wording), then
//! the source line with carets under the span, then an optional help line.

use std::fmt;

use crate::source::{Source, Span};

/// What kind of problem a diagnostic reports: CPython's exception name where CPython
/// reports the same problem, `unsupported` for valid Python outside the subset.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    Syntax,
    Indentation,
    Tab,
    /// A program nested deeper than CPython compiles (`RecursionError`).
    Recursion,
    Unsupported,
}

impl ErrorKind {
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::Syntax => "SyntaxError",
            ErrorKind::Indentation => "IndentationError",
            ErrorKind::Tab => "TabError",
            ErrorKind::Recursion => "RecursionError",
            ErrorKind::Unsupported => "unsupported",
        }
    }
}

/// One located error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub kind: ErrorKind,
    pub message: String,
    pub span: Span,
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn new(kind: ErrorKind, message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic {
            kind,
            message: message.into(),
            span,
            help: None,
        }
    }

    pub fn syntax(message: impl Into<String>, span: Span) -> Diagnostic {
        Diagnostic::new(ErrorKind::Syntax, message, span)
    }

    pub fn with_help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// The diagnostic as the user sees it, ending in a newline.
    pub fn render(&self, source: &Source) -> String {
        let (line, column) = source.line_col(self.span.start);
        let mut out = format!(
            "{}:{}:{}: {}: {}\n",
            source.name,
            line,
            column,
            self.kind.name(),
            self.message
        );
        out.push_str(&snippet(source, self.span));
        if let Some(help) = &self.help {
            let gutter = " ".repeat(line.to_string().len());
            out.push_str(&format!("{gutter} = help: {help}\n"));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

/// The source line of a span with carets under it:
/// ```text
///   3 | async def main()
///     |                 ^
/// ```
/// A span running past the end of its line is underlined to the end of the line. Tabs before
/// the caret are kept so the caret lines up however the terminal expands them. A line longer
/// than [`SNIPPET_WIDTH`] characters is shown as a window around the caret, cut with `...`.
pub fn snippet(source: &Source, span: Span) -> String {
    let (line, column) = source.line_col(span.start);
    let text = source.line_text(line);
    let number = line.to_string();
    let gutter = " ".repeat(number.len());
    let line_start = source.line_start(line);
    let line_end = line_start + text.len();
    let end = (span.end as usize).clamp(span.start as usize, line_end);
    let width = source
        .text
        .get(span.start as usize..end)
        .map_or(0, |s| s.chars().count())
        .max(1);
    let chars: Vec<char> = text.trim_end().chars().collect();
    let at = column - 1;
    // The window of the line shown: all of it, or SNIPPET_WIDTH characters from a little
    // before the caret.
    let (from, to) = if chars.len() > SNIPPET_WIDTH {
        let from = at.saturating_sub(SNIPPET_WIDTH / 3).min(chars.len());
        (from, (from + SNIPPET_WIDTH).min(chars.len()))
    } else {
        (0, chars.len())
    };
    let before = if from > 0 { "..." } else { "" };
    let after = if to < chars.len() { "..." } else { "" };
    let shown: String = chars[from..to].iter().collect();
    let mut pad = " ".repeat(before.len());
    for &c in &chars[from..at.clamp(from, to)] {
        pad.push(if c == '\t' { '\t' } else { ' ' });
    }
    pad.push_str(&" ".repeat(at.saturating_sub(chars.len())));
    let width = if after.is_empty() {
        width
    } else {
        width.min(to.saturating_sub(at)).max(1)
    };
    format!(
        "{number} | {before}{shown}{after}\n{gutter} | {pad}{}\n",
        "^".repeat(width)
    )
}

/// The longest source line a snippet shows whole.
pub const SNIPPET_WIDTH: usize = 120;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_line_is_shown_as_a_window_around_the_caret() {
        let long = format!("y = {}\n", "7".repeat(5000));
        let source = Source::new("big.py", format!("x = 1\n{long}"));
        let start = 6 + 4;
        let text = snippet(&source, Span::new(start, start + 5000));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        // The window starts at the line's start (the caret is near it) and is cut after.
        assert_eq!(
            lines[0],
            format!("2 | y = {}...", "7".repeat(SNIPPET_WIDTH - 4))
        );
        assert_eq!(
            lines[1],
            format!("  |     {}", "^".repeat(SNIPPET_WIDTH - 4))
        );

        // A caret far along the line: cut on both sides, still under its character.
        let line = format!("{}x{}\n", "a".repeat(300), "b".repeat(300));
        let source = Source::new("w.py", line);
        let text = snippet(&source, Span::new(300, 301));
        let lines: Vec<&str> = text.lines().collect();
        assert!(
            lines[0].starts_with("1 | ...") && lines[0].ends_with("..."),
            "{text}"
        );
        let caret = lines[1].find('^').unwrap();
        assert_eq!(&lines[0][caret..caret + 1], "x", "{text}");
    }

    #[test]
    fn renders_location_line_and_caret() {
        let source = Source::new("demo.py", "x = 1\nif x\n    pass\n");
        let diagnostic = Diagnostic::syntax("expected ':'", Span::new(10, 10));
        assert_eq!(
            diagnostic.render(&source),
            "demo.py:2:5: SyntaxError: expected ':'\n2 | if x\n  |     ^\n"
        );
    }

    #[test]
    fn renders_help_and_wide_carets() {
        let source = Source::new("demo.py", "class A:\n    pass\n");
        let diagnostic =
            Diagnostic::new(ErrorKind::Unsupported, "class definitions", Span::new(0, 7))
                .with_help("use functions");
        assert_eq!(
            diagnostic.render(&source),
            "demo.py:1:1: unsupported: class definitions\n1 | class A:\n  | ^^^^^^^\n  = help: use functions\n"
        );
    }
}
