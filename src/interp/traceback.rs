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
    let mut out = String::new();
    render_chain(source, exc, &mut out, &mut Vec::new());
    out
}

fn render_chain(
    source: &Source,
    exc: &Rc<Exception>,
    out: &mut String,
    seen: &mut Vec<*const Exception>,
) {
    if seen.contains(&Rc::as_ptr(exc)) {
        return;
    }
    seen.push(Rc::as_ptr(exc));
    if let Some(cause) = exc.cause.borrow().clone() {
        render_chain(source, &cause, out, seen);
        out.push_str("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if !exc.suppress_context.get()
        && let Some(context) = exc.context.borrow().clone()
    {
        render_chain(source, &context, out, seen);
        out.push_str("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    let traceback = exc.traceback.borrow();
    if !traceback.is_empty() {
        out.push_str("Traceback (most recent call last):\n");
        for entry in traceback.iter().rev() {
            let span = entry
                .code
                .spans
                .get(entry.pc as usize)
                .copied()
                .unwrap_or(entry.code.span);
            let line = source.line_of(span.start);
            out.push_str(&format!(
                "  File \"{}\", line {line}, in {}\n",
                source.name, entry.code.name
            ));
            let text = source.line_text(line).trim();
            if !text.is_empty() {
                out.push_str(&format!("    {text}\n"));
            }
        }
    }
    out.push_str(&exc.summary());
    if let Some(suggestion) = exc.suggestion.borrow().as_ref() {
        out.push_str(&format!(". Did you mean: '{suggestion}'?"));
    }
    out.push('\n');
    if let Some(Value::List(notes)) = exc.notes.borrow().as_ref() {
        for note in notes.borrow().iter() {
            out.push_str(&note.to_str());
            out.push('\n');
        }
    }
}
