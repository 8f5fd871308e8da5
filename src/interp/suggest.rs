//! "Did you mean" hints for an uncaught `NameError`, as CPython 3.11's
//! `Python/suggestions.c` computes them: the closest candidate by an edit distance in which
//! a case flip costs 1 and any other edit 2, provided at most a third of the characters
//! change. Candidates are the frame's local variables, then the module's globals, then the
//! builtins, each in CPython's order; the first list with a match wins.

/// The cost of inserting, deleting or replacing a byte.
const MOVE_COST: usize = 2;
/// The cost of replacing a letter by the same letter in the other case.
const CASE_COST: usize = 1;
/// Longer candidate lists are not searched at all.
const MAX_CANDIDATE_ITEMS: usize = 750;
/// Longer names (after trimming common affixes) never match.
const MAX_STRING_SIZE: usize = 40;

/// The names of a script's globals before its first statement runs.
pub const MODULE_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
    "__file__",
    "__cached__",
];

/// CPython 3.11's `builtins` namespace, in its dictionary order.
pub const BUILTIN_NAMES: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__build_class__",
    "__import__",
    "abs",
    "all",
    "any",
    "ascii",
    "bin",
    "breakpoint",
    "callable",
    "chr",
    "compile",
    "delattr",
    "dir",
    "divmod",
    "eval",
    "exec",
    "format",
    "getattr",
    "globals",
    "hasattr",
    "hash",
    "hex",
    "id",
    "input",
    "isinstance",
    "issubclass",
    "iter",
    "aiter",
    "len",
    "locals",
    "max",
    "min",
    "next",
    "anext",
    "oct",
    "ord",
    "pow",
    "print",
    "repr",
    "round",
    "setattr",
    "sorted",
    "sum",
    "vars",
    "None",
    "Ellipsis",
    "NotImplemented",
    "False",
    "True",
    "bool",
    "memoryview",
    "bytearray",
    "bytes",
    "classmethod",
    "complex",
    "dict",
    "enumerate",
    "filter",
    "float",
    "frozenset",
    "property",
    "int",
    "list",
    "map",
    "object",
    "range",
    "reversed",
    "set",
    "slice",
    "staticmethod",
    "str",
    "super",
    "tuple",
    "type",
    "zip",
    "__debug__",
    "BaseException",
    "BaseExceptionGroup",
    "Exception",
    "GeneratorExit",
    "KeyboardInterrupt",
    "SystemExit",
    "ArithmeticError",
    "AssertionError",
    "AttributeError",
    "BufferError",
    "EOFError",
    "ImportError",
    "LookupError",
    "MemoryError",
    "NameError",
    "OSError",
    "ReferenceError",
    "RuntimeError",
    "StopAsyncIteration",
    "StopIteration",
    "SyntaxError",
    "SystemError",
    "TypeError",
    "ValueError",
    "Warning",
    "FloatingPointError",
    "OverflowError",
    "ZeroDivisionError",
    "BytesWarning",
    "DeprecationWarning",
    "EncodingWarning",
    "FutureWarning",
    "ImportWarning",
    "PendingDeprecationWarning",
    "ResourceWarning",
    "RuntimeWarning",
    "SyntaxWarning",
    "UnicodeWarning",
    "UserWarning",
    "BlockingIOError",
    "ChildProcessError",
    "ConnectionError",
    "FileExistsError",
    "FileNotFoundError",
    "InterruptedError",
    "IsADirectoryError",
    "NotADirectoryError",
    "PermissionError",
    "ProcessLookupError",
    "TimeoutError",
    "IndentationError",
    "IndexError",
    "KeyError",
    "ModuleNotFoundError",
    "NotImplementedError",
    "RecursionError",
    "UnboundLocalError",
    "UnicodeError",
    "BrokenPipeError",
    "ConnectionAbortedError",
    "ConnectionRefusedError",
    "ConnectionResetError",
    "TabError",
    "UnicodeDecodeError",
    "UnicodeEncodeError",
    "UnicodeTranslateError",
    "ExceptionGroup",
    "EnvironmentError",
    "IOError",
    "open",
    "quit",
    "exit",
    "copyright",
    "credits",
    "license",
    "help",
];

fn substitution_cost(a: u8, b: u8) -> usize {
    if a == b {
        0
    } else if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The edit distance between `a` and `b`, or anything above `max_cost` once it is certain
/// to exceed it.
fn distance<'a>(mut a: &'a [u8], mut b: &'a [u8], max_cost: usize) -> usize {
    while let (Some(x), Some(y)) = (a.first(), b.first())
        && x == y
    {
        a = &a[1..];
        b = &b[1..];
    }
    while let (Some(x), Some(y)) = (a.last(), b.last())
        && x == y
    {
        a = &a[..a.len() - 1];
        b = &b[..b.len() - 1];
    }
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    if b.len() < a.len() {
        std::mem::swap(&mut a, &mut b);
    }
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] = cost(b[..j], a[..=i]).
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (j, &code) in b.iter().enumerate() {
        let mut diagonal = j * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (i, &other) in a.iter().enumerate() {
            let substitute = diagonal + substitution_cost(code, other);
            diagonal = row[i];
            result = (result.min(diagonal) + MOVE_COST).min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `name`, if any is close enough.
pub fn closest<'a>(name: &str, candidates: &[&'a str]) -> Option<&'a str> {
    if candidates.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &candidate in candidates {
        if candidate == name {
            continue;
        }
        // No more than a third of the characters involved may change.
        let mut max_distance = (name.len() + candidate.len() + 3) * MOVE_COST / 6;
        if let Some((_, best_distance)) = best {
            max_distance = max_distance.min(best_distance.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), candidate.as_bytes(), max_distance);
        if d <= max_distance && best.is_none_or(|(_, best_distance)| d < best_distance) {
            best = Some((candidate, d));
        }
    }
    best.map(|(candidate, _)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_follow_cpython() {
        // Checked against CPython 3.11's `NameError` hints.
        assert_eq!(closest("pritn", BUILTIN_NAMES), Some("print"));
        assert_eq!(closest("Print", BUILTIN_NAMES), Some("print"));
        assert_eq!(closest("lenght", BUILTIN_NAMES), None);
        assert_eq!(closest("ValueErorr", BUILTIN_NAMES), Some("ValueError"));
        assert_eq!(closest("xyzzy", BUILTIN_NAMES), None);
        assert_eq!(closest("counter", &["count", "counts"]), Some("count"));
        assert_eq!(closest("a", &["b"]), None);
    }
}
