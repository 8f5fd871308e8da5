//! Tracebacks: how an uncaught exception is shown, in CPython's layout.
//!
//! ```text
//! Traceback (most recent call last):
//!   File "x.py", line 12, in <module>
//!     asyncio.run(main())
//!   File "x.py", line 8, in main
//!     raise ValueError("boom")
//! ValueError: boom
//! ```
//! Chained exceptions (`raise ... from`, or raised while handling another) are shown first,
//! joined by CPython's sentences. Each entry names the file of its code as CPython does
//! (`Source::path`: absolute, or as `scenario.toml`'s `[paths] root` shows it).

use std::rc::Rc;

use super::exceptions::Exception;
use super::value::Value;
use crate::ast::{ExprKind, StmtKind};
use crate::source::{Source, Span};

/// The full traceback text of an exception, ending in a newline.
pub fn render(exc: &Rc<Exception>) -> String {
    let mut printer = Printer {
        out: String::new(),
        seen: Vec::new(),
        depth: 0,
        need_close: false,
    };
    printer.chain(exc);
    printer.out
}

/// How many entries of a run of the same line are shown (CPython's `TB_RECURSIVE_CUTOFF`).
const RECURSIVE_CUTOFF: usize = 3;

/// How many members of a group are shown (CPython's `max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;
/// How deep nested groups are shown (CPython's `max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;

/// `traceback.TracebackException.format` with its `_ExceptionPrintContext`: exception groups
/// are drawn as nested boxes, each member numbered.
struct Printer {
    out: String,
    seen: Vec<*const Exception>,
    depth: usize,
    need_close: bool,
}

impl Printer {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Write `text` (one or more lines), indented and with the group margin.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }

    fn chain(&mut self, exc: &Rc<Exception>) {
        if self.seen.contains(&Rc::as_ptr(exc)) {
            return;
        }
        self.seen.push(Rc::as_ptr(exc));
        if let Some(cause) = exc.cause.borrow().clone() {
            self.chain(&cause);
            self.emit(
                "\nThe above exception was the direct cause of the following exception:\n\n",
                '|',
            );
        } else if !exc.suppress_context.get()
            && let Some(context) = exc.context.borrow().clone()
        {
            self.chain(&context);
            self.emit(
                "\nDuring handling of the above exception, another exception occurred:\n\n",
                '|',
            );
        }
        self.one(exc);
    }

    /// The entries of the traceback, innermost last.
    fn stack(&mut self, exc: &Exception) {
        // Runs of the same line of the same function (a recursion) show three entries,
        // then `[Previous line repeated N more times]`, as CPython does.
        let mut last: Option<(u32, usize, &str)> = None;
        let mut repeats = 0usize;
        let traceback = exc.traceback.borrow();
        for entry in traceback.iter().rev().filter(|e| !e.hidden) {
            let span = entry
                .code
                .spans
                .get(entry.pc as usize)
                .copied()
                .unwrap_or(entry.code.span);
            let source = &*entry.code.source;
            let span = if entry.method_lookup {
                callee(source, span).unwrap_or(span)
            } else {
                span
            };
            let line = source.line_of(span.start);
            let here = Some((source.id, line, &*entry.code.name));
            if here != last {
                self.repeated(repeats);
                last = here;
                repeats = 0;
            }
            repeats += 1;
            if repeats > RECURSIVE_CUTOFF {
                continue;
            }
            let mut text = format!(
                "  File \"{}\", line {line}, in {}\n",
                source.path, entry.code.name
            );
            let code = source.line_text(line).trim();
            if !code.is_empty() {
                text.push_str(&format!("    {code}\n"));
                if let Some(carets) = carets(source, span) {
                    text.push_str(&format!("    {carets}\n"));
                }
            }
            self.emit(&text, '|');
        }
        self.repeated(repeats);
    }

    /// The line that stands for the entries of a run past the first [`RECURSIVE_CUTOFF`].
    /// CPython writes it without the margin of an exception group, and so does this.
    fn repeated(&mut self, run: usize) {
        match run.saturating_sub(RECURSIVE_CUTOFF) {
            0 => {}
            1 => self
                .out
                .push_str("  [Previous line repeated 1 more time]\n"),
            more => self
                .out
                .push_str(&format!("  [Previous line repeated {more} more times]\n")),
        }
    }

    fn exception_only(&self, exc: &Exception) -> String {
        let mut text = exc.summary();
        if let Some(suggestion) = exc.suggestion.borrow().as_ref() {
            text.push_str(&format!(". Did you mean: '{suggestion}'?"));
        }
        text.push('\n');
        if let Some(Value::List(notes)) = exc.notes.borrow().as_ref() {
            for note in notes.borrow().iter() {
                text.push_str(&note.to_str());
                text.push('\n');
            }
        }
        text
    }

    fn one(&mut self, exc: &Rc<Exception>) {
        let has_stack = exc.traceback.borrow().iter().any(|e| !e.hidden);
        let Some(members) = super::groups::members(exc) else {
            if has_stack {
                self.emit("Traceback (most recent call last):\n", '|');
                self.stack(exc);
            }
            let only = self.exception_only(exc);
            self.emit(&only, '|');
            return;
        };
        if self.depth > MAX_GROUP_DEPTH {
            self.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        let top_level = self.depth == 0;
        if top_level {
            self.depth += 1;
        }
        if has_stack {
            let margin = if top_level { '+' } else { '|' };
            self.emit(
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            self.stack(exc);
        }
        let only = self.exception_only(exc);
        self.emit(&only, '|');
        let shown = members.len().min(MAX_GROUP_WIDTH + 1);
        self.need_close = false;
        for (i, member) in members.iter().take(shown).enumerate() {
            let last = i + 1 == shown;
            if last {
                self.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let corner = if i == 0 { "+-" } else { "  " };
            // Sixteen dashes either side whatever the title's width, as CPython draws it.
            let dashes = "-".repeat(16);
            let line = format!("{}{corner}+{dashes} {title} {dashes}\n", self.indent());
            self.out.push_str(&line);
            self.depth += 1;
            if truncated {
                let remaining = members.len() - MAX_GROUP_WIDTH;
                let plural = if remaining > 1 { "s" } else { "" };
                self.emit(&format!("and {remaining} more exception{plural}\n"), '|');
            } else {
                self.chain(member);
            }
            if last && self.need_close {
                let line = format!("{}+{}\n", self.indent(), "-".repeat(36));
                self.out.push_str(&line);
                self.need_close = false;
            }
            self.depth -= 1;
        }
        if top_level {
            self.depth = 0;
        }
    }
}

/// The line under a traceback's source line that marks where in it the frame was, as
/// CPython 3.11 draws it: `^` under the expression, or for a binary operation `~` under
/// the operands and `^` under the operator (`~~^~~`), for a subscript `~` under the value
/// and `^` under `[index]`. `None` when the expression is the whole line.
///
/// Columns count characters; CPython counts display columns, which differ only for wide
/// (East Asian) characters before or inside the expression.
fn carets(source: &Source, span: Span) -> Option<String> {
    let line = source.line_of(span.start);
    let line_start = source.line_start(line);
    let text = source.line_text(line);
    let columns = |byte: usize| text.get(..byte).map_or(0, |s| s.chars().count());
    let start_byte = (span.start as usize).checked_sub(line_start)?;
    let start = columns(start_byte);
    let last = span.end.max(span.start + 1) - 1;
    let (end, anchors) = if source.line_of(last) == line {
        let end_byte = (span.end as usize - line_start).min(text.len());
        let segment = text.get(start_byte..end_byte)?;
        (columns(end_byte), anchors(segment))
    } else {
        // An expression that goes on below: mark to the end of this line.
        (text.trim_end().chars().count(), None)
    };
    let stripped = text.trim();
    let indent = text.chars().count() - text.trim_start().chars().count();
    let width = end.checked_sub(start)?;
    let anchored = anchors.is_some_and(|(left, right)| right > left);
    if width >= stripped.chars().count() && !anchored {
        return None;
    }
    let mut out = " ".repeat(start.checked_sub(indent)?);
    match anchors {
        Some((left, right)) => {
            out.push_str(&"~".repeat(left));
            out.push_str(&"^".repeat(right.saturating_sub(left)));
            out.push_str(&"~".repeat(width.saturating_sub(right)));
        }
        None => out.push_str(&"^".repeat(width)),
    }
    Some(out)
}

/// The span of `obj.name` in the call `obj.name(args)` at `span`.
fn callee(source: &Source, span: Span) -> Option<Span> {
    let text = source.text.get(span.start as usize..span.end as usize)?;
    let module = crate::parser::parse(&Source::new("<segment>", text)).ok()?;
    let [statement] = &module.body[..] else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    let ExprKind::Call { func, .. } = &expr.kind else {
        return None;
    };
    Some(Span {
        start: span.start + func.span.start,
        end: span.start + func.span.end,
    })
}

/// Where the `^` go in a segment that is one binary operation or subscript, in
/// characters from its start: `extract_anchors_from_expr` of CPython's `traceback.c`.
fn anchors(segment: &str) -> Option<(usize, usize)> {
    let module = crate::parser::parse(&Source::new("<segment>", segment)).ok()?;
    let [statement] = &module.body[..] else {
        return None;
    };
    let StmtKind::Expr(expr) = &statement.kind else {
        return None;
    };
    let chars: Vec<char> = segment.chars().collect();
    let at = |byte: u32| {
        segment
            .get(..byte as usize)
            .map_or(0, |s| s.chars().count())
    };
    match &expr.kind {
        ExprKind::BinOp { left, right, .. } => {
            // The operator: the first character between the operands that is neither
            // space nor a closing parenthesis, and the next one too if it is not a space
            // (`//`, `**`, `<<`). CPython's C printer; `traceback.py` differs after a `)`.
            let (left_end, right_start) = (at(left.span.end), at(right.span.start));
            let mut found = None;
            for i in left_end..right_start {
                let c = *chars.get(i)?;
                if c.is_whitespace() {
                    continue;
                }
                let two = i + 1 < right_start && !chars[i + 1].is_whitespace();
                found = Some((i, i + 1 + usize::from(two)));
                if c == ')' && i + 1 < right_start {
                    continue;
                }
                break;
            }
            found
        }
        ExprKind::Subscript { value, index } => {
            let mut left_anchor = at(value.span.end);
            let mut right_anchor = at(index.span.end) + 1;
            while chars.get(left_anchor).is_some_and(|&c| c != '[') {
                left_anchor += 1;
            }
            while chars.get(right_anchor).is_some_and(|&c| c != ']') {
                right_anchor += 1;
            }
            if right_anchor < chars.len() {
                right_anchor += 1;
            }
            Some((left_anchor, right_anchor))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_cpython() {
        // (segment, the `~` and `^` under it), checked against CPython 3.11.7.
        for (segment, want) in [
            ("a + b", "~~^~~"),
            ("a  //  b", "~~~^^~~~"),
            ("(a) // b", "~~~~^^~~"),
            ("(n + 1) * 2 // (n - n)", "~~~~~~~~~~~~^^~~~~~~~~"),
            ("items [ 5 ]", "~~~~~~^^^^^"),
            ("{\"a\": 1}[\"b\" * n]", "~~~~~~~~^^^^^^^^^"),
            ("(items)[7]", "~~~~~~~^^^"),
        ] {
            let (left, right) = anchors(segment).expect("an operation or a subscript");
            let width = segment.chars().count();
            let got = format!(
                "{}{}{}",
                "~".repeat(left),
                "^".repeat(right - left),
                "~".repeat(width - right)
            );
            assert_eq!(got, want, "{segment}");
        }
        for segment in ["f(x)", "a.b", "await g()", "a < b", "x"] {
            assert_eq!(anchors(segment), None, "{segment}");
        }
    }

    #[test]
    fn no_carets_under_a_whole_line() {
        let source = Source::new("t.py", "    raise ValueError(x)\nx = f(1)\n");
        let whole = Span::new(4, 23);
        assert_eq!(carets(&source, whole), None);
        let call = Span::new(28, 32);
        assert_eq!(carets(&source, call).as_deref(), Some("    ^^^^"));
    }
}
