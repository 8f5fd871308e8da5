//! `scenario dis`: the bytecode a scenario compiles to, after the peephole pass, for work
//! on the compiler and the interpreter (what a loop costs is how many instructions it runs).

use std::fmt::Write;

use crate::bytecode::{Code, Instr};
use crate::source::Source;

/// Every code object of the program, outermost first, one instruction per line:
/// `line:col  index  instruction`, with `>>` marking jump targets.
pub fn render(source: &Source, module: &Code) -> String {
    let mut out = String::new();
    let mut pending = vec![module];
    while let Some(code) = pending.pop() {
        code_object(&mut out, source, code);
        // Nested bodies in the order they appear.
        pending.extend(code.codes.iter().rev().map(|c| &**c));
    }
    out
}

fn code_object(out: &mut String, source: &Source, code: &Code) {
    if !out.is_empty() {
        out.push('\n');
    }
    let (line, _) = source.line_col(code.span.start);
    let _ = writeln!(
        out,
        "{} ({:?}, line {line}): {} slots {:?}, {} consts",
        code.qualname,
        code.kind,
        code.nlocals,
        code.slot_names.iter().map(|s| &**s).collect::<Vec<_>>(),
        code.consts.len()
    );
    let targets: std::collections::HashSet<usize> =
        code.instrs.iter().filter_map(jump_target).collect();
    let mut last_line = 0;
    for (index, instr) in code.instrs.iter().enumerate() {
        let span = code.spans.get(index).copied().unwrap_or(code.span);
        let (line, col) = source.line_col(span.start);
        let place = if line == last_line {
            String::new()
        } else {
            format!("{line}:{col}")
        };
        last_line = line;
        let mark = if targets.contains(&index) { ">>" } else { "" };
        let _ = write!(out, "{place:>8} {mark:>2} {index:>4}  {instr:?}");
        if let Instr::LoadConst(k) | Instr::ConstBinary { konst: k, .. } = instr
            && let Some(value) = code.consts.get(*k as usize)
        {
            let _ = write!(out, "  ({})", value.repr());
        }
        if let Instr::LocalConstBinary { right: k, .. }
        | Instr::ConstCompareJumpIfFalse { konst: k, .. } = instr
            && let Some(value) = code.consts.get(*k as usize)
        {
            let _ = write!(out, "  ({})", value.repr());
        }
        out.push('\n');
    }
}

fn jump_target(instr: &Instr) -> Option<usize> {
    match *instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t)
        | Instr::SetupHandler(t)
        | Instr::CompareJumpIfFalse { target: t, .. }
        | Instr::ConstCompareJumpIfFalse { target: t, .. }
        | Instr::JumpForIter { head: t }
        | Instr::JumpForIterFast { head: t }
        | Instr::ForIterStore { target: t, .. } => Some(t as usize),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn shows_every_code_object_with_places_and_jump_targets() {
        let program = "import asyncio\n\nasync def main():\n    total = 0\n    for i in range(3):\n        total += i\n    print(total)\n\nasyncio.run(main())\n";
        let text = crate::disassemble("t.py", program.as_bytes().to_vec()).unwrap();
        assert!(text.starts_with("<module> (Module, line 1)"), "{text}");
        assert!(
            text.contains("\nmain (Coroutine, line 3): 2 slots [\"total\", \"i\"]"),
            "{text}"
        );
        // The loop's head is a jump target, and fused instructions are shown as such.
        assert!(
            text.contains(">>") && text.contains("ForIterStore"),
            "{text}"
        );
        assert!(
            text.contains("    4:13       1  LoadConst(0)  (0)\n"),
            "line:col, index, instruction, constant: {text}"
        );
    }

    #[test]
    fn a_file_that_does_not_compile_gets_its_diagnostics() {
        let error = crate::disassemble("t.py", b"def f(:\n".to_vec()).unwrap_err();
        assert!(error.contains("t.py:1:"), "{error}");
    }
}
