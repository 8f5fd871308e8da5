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
//! joined by CPython's sentences. Files are named as the user named them, not by absolute
//! path, so output does not depend on where a scenario lives.

use std::rc::Rc;

use super::exceptions::Exception;
use super::value::Value;
use crate::source::Source;

/// The full traceback text of an exception, ending in a newline.
pub fn render(source: &Source, exc: &Rc<Exception>) -> String {
    let mut printer = Printer {
        source,
        out: String::new(),
        seen: Vec::new(),
        depth: 0,
        need_close: false,
    };
    printer.chain(exc);
    printer.out
}

/// How many members of a group are shown (CPython's `max_group_width`).
const MAX_GROUP_WIDTH: usize = 15;
/// How deep nested groups are shown (CPython's `max_group_depth`).
const MAX_GROUP_DEPTH: usize = 10;

/// `traceback.TracebackException.format` with its `_ExceptionPrintContext`: exception groups
/// are drawn as nested boxes, each member numbered.
struct Printer<'a> {
    source: &'a Source,
    out: String,
    seen: Vec<*const Exception>,
    depth: usize,
    need_close: bool,
}

impl Printer<'_> {
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

    fn stack(&self, exc: &Exception) -> String {
        let mut text = String::new();
        for entry in exc.traceback.borrow().iter().rev().filter(|e| !e.hidden) {
            let span = entry
                .code
                .spans
                .get(entry.pc as usize)
                .copied()
                .unwrap_or(entry.code.span);
            let line = self.source.line_of(span.start);
            text.push_str(&format!(
                "  File \"{}\", line {line}, in {}\n",
                self.source.name, entry.code.name
            ));
            let code = self.source.line_text(line).trim();
            if !code.is_empty() {
                text.push_str(&format!("    {code}\n"));
            }
        }
        text
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
                let stack = self.stack(exc);
                self.emit(&stack, '|');
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
            let stack = self.stack(exc);
            self.emit(&stack, '|');
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
            let line = format!("{}{corner}+{:-^35}\n", self.indent(), format!(" {title} "));
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
