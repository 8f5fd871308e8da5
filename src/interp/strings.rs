//! The methods of `str`.
//!
//! Python indexes strings by character; positions given to and returned by `find`,
//! `index` and friends are character offsets, converted from byte offsets here.

// Method and attribute symbols are named exactly as in Python (`sym::append`).
#![allow(non_upper_case_globals)]

use std::rc::Rc;

use super::Interp;
use super::builtins::{MethodName, bind, index_arg};
use super::exceptions::{PyResult, type_error, value_error};
use super::symbol::{Sym, sym};
use super::value::{PyStr, Value};

/// A str argument, or CPython's TypeError: `replace() argument 1 must be str, not int`
/// (`what` is the argument's number, or empty for a method of one argument).
fn text_arg(method: &str, value: &Value, what: &str) -> PyResult<Rc<PyStr>> {
    match value {
        Value::Str(s) => Ok(s.clone()),
        other => {
            let what = if what.is_empty() {
                String::new()
            } else {
                format!(" {what}")
            };
            Err(type_error(format!(
                "{method}() argument{what} must be str, not {}",
                other.type_name()
            )))
        }
    }
}

/// A str argument where CPython's message names no method (`find`, `count`,
/// `partition`, ...): `must be str, not int`.
fn plain_text_arg(value: &Value) -> PyResult<Rc<PyStr>> {
    match value {
        Value::Str(s) => Ok(s.clone()),
        other => Err(type_error(format!(
            "must be str, not {}",
            other.type_name()
        ))),
    }
}

/// A `start` or `end` of `find` and friends: an int, or CPython's slice-index TypeError.
fn slice_index(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(_) | Value::Bool(_) => index_arg(value),
        // Clamped, as CPython's `_PyEval_SliceIndex` does.
        Value::BigInt(b) => Ok(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        }),
        _ => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

/// The byte range of the characters `start..end` (Python slice bounds, clamped).
fn char_range(
    s: &PyStr,
    start: Option<&Value>,
    end: Option<&Value>,
) -> PyResult<Option<(usize, usize, usize)>> {
    let len = s.len() as i64;
    let clamp = |value: Option<&Value>, default: i64| -> PyResult<i64> {
        let i = match value {
            None | Some(Value::None) => return Ok(default),
            Some(v) => slice_index(v)?,
        };
        Ok(if i < 0 { (i + len).max(0) } else { i.min(len) })
    };
    // A window that starts past its end holds nothing, not even the empty string.
    let past_end = match start {
        Some(v) if !matches!(v, Value::None) => slice_index(v)?,
        _ => 0,
    };
    let (start, end) = (clamp(start, 0)?, clamp(end, len)?);
    if past_end > end {
        return Ok(None);
    }
    let byte = |chars: i64| -> usize {
        if s.is_ascii() {
            chars as usize
        } else {
            s.text
                .char_indices()
                .nth(chars as usize)
                .map_or(s.text.len(), |(i, _)| i)
        }
    };
    Ok(Some((byte(start), byte(end.max(start)), start as usize)))
}

fn char_offset(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

fn is_py_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}')
}

fn split_whitespace(text: &str, maxsplit: i64) -> Vec<Value> {
    let mut parts = Vec::new();
    let mut rest = text.trim_start_matches(is_py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
            parts.push(Value::str(rest));
            return parts;
        }
        let end = rest.find(is_py_space).unwrap_or(rest.len());
        parts.push(Value::str(&rest[..end]));
        rest = rest[end..].trim_start_matches(is_py_space);
    }
    parts
}

fn rsplit_whitespace(text: &str, maxsplit: i64) -> Vec<Value> {
    let mut parts = Vec::new();
    let mut rest = text.trim_end_matches(is_py_space);
    while !rest.is_empty() {
        if maxsplit >= 0 && parts.len() as i64 >= maxsplit {
            parts.push(Value::str(rest));
            break;
        }
        let start = rest.rfind(is_py_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        parts.push(Value::str(&rest[start..]));
        rest = rest[..start].trim_end_matches(is_py_space);
    }
    parts.reverse();
    parts
}

/// Full Unicode case folding for the characters where it differs from lowercasing
/// (German sharp s, ligatures, final sigma, ...), lowercasing for the rest.
fn casefold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ß' | 'ẞ' => out.push_str("ss"),
            'ς' => out.push('σ'),
            'ſ' => out.push('s'),
            'µ' => out.push('μ'),
            'ﬀ' => out.push_str("ff"),
            'ﬁ' => out.push_str("fi"),
            'ﬂ' => out.push_str("fl"),
            'ﬃ' => out.push_str("ffi"),
            'ﬄ' => out.push_str("ffl"),
            'ﬅ' | 'ﬆ' => out.push_str("st"),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// `str.expandtabs(tabsize)`: tabs to spaces up to the next multiple of tabsize,
/// counting columns from the last line break.
fn expand_tabs(text: &str, tabsize: i64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut column = 0i64;
    for c in text.chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let spaces = tabsize - column % tabsize;
                    out.extend(std::iter::repeat_n(' ', spaces as usize));
                    column += spaces;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                column = 0;
            }
            _ => {
                out.push(c);
                column += 1;
            }
        }
    }
    out
}

fn title(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_cased = false;
    for c in text.chars() {
        if previous_cased {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        previous_cased = c.is_alphabetic();
    }
    out
}

fn pad(text: &str, width: usize, fill: char, align: char) -> String {
    let len = text.chars().count();
    if width <= len {
        return text.to_string();
    }
    let total = width - len;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        // CPython's rule for where the odd extra fill character goes.
        _ => {
            let left = total / 2 + (total & width & 1);
            (left, total - left)
        }
    };
    let mut out = String::with_capacity(text.len() + total);
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(text);
    out.extend(std::iter::repeat_n(fill, right));
    out
}

pub fn call(
    interp: &mut Interp,
    s: &Rc<PyStr>,
    name: Sym,
    method: &MethodName,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    let text = s.as_str();
    let short: &str = &method.name;
    match name {
        sym::format => return interp.str_format(text, args, kwargs),
        sym::split | sym::rsplit => {
            let bound = bind(short, args, kwargs, &["sep", "maxsplit"], 0)?;
            let maxsplit = match &bound[1] {
                Some(v) => index_arg(v)?,
                None => -1,
            };
            let parts = match &bound[0] {
                None | Some(Value::None) => {
                    if name == sym::split {
                        split_whitespace(text, maxsplit)
                    } else {
                        rsplit_whitespace(text, maxsplit)
                    }
                }
                Some(sep) => {
                    let Value::Str(sep) = sep else {
                        return Err(type_error(format!(
                            "must be str or None, not {}",
                            sep.type_name()
                        )));
                    };
                    if sep.is_empty() {
                        return Err(value_error("empty separator"));
                    }
                    let limit = if maxsplit < 0 {
                        usize::MAX
                    } else {
                        maxsplit as usize + 1
                    };
                    if name == sym::split {
                        text.splitn(limit, sep.as_str()).map(Value::str).collect()
                    } else {
                        let mut parts: Vec<Value> =
                            text.rsplitn(limit, sep.as_str()).map(Value::str).collect();
                        parts.reverse();
                        parts
                    }
                }
            };
            return Ok(Value::list(parts));
        }
        _ => {}
    }
    if !kwargs.is_empty() && !matches!(name, sym::splitlines) {
        return Err(type_error(format!("{method}() takes no keyword arguments")));
    }
    let arg = |i: usize| args.get(i);
    let count_args = |min: usize, max: usize| -> PyResult<()> {
        if args.len() < min || args.len() > max {
            let expected = if min == 0 && max == 0 {
                format!("{method}() takes no arguments ({} given)", args.len())
            } else if min == 1 && max == 1 {
                format!(
                    "{method}() takes exactly one argument ({} given)",
                    args.len()
                )
            } else if min == max {
                format!("{short} expected {min} arguments, got {}", args.len())
            } else if args.len() < min {
                format!(
                    "{short} expected at least {min} argument{}, got {}",
                    if min == 1 { "" } else { "s" },
                    args.len()
                )
            } else {
                format!(
                    "{short} expected at most {max} arguments, got {}",
                    args.len()
                )
            };
            return Err(type_error(expected));
        }
        Ok(())
    };
    Ok(match name {
        sym::splitlines => {
            let bound = bind(short, args.clone(), kwargs, &["keepends"], 0)?;
            // An int-like flag: `splitlines(1.5)` is CPython's TypeError.
            let keepends = match &bound[0] {
                None => false,
                Some(flag) => index_arg(flag)? != 0,
            };
            let mut lines = Vec::new();
            let mut start = 0;
            let bytes = text.as_bytes();
            let mut i = 0;
            while i < text.len() {
                let c = text[i..].chars().next().expect("in range");
                let width = c.len_utf8();
                let is_break = matches!(
                    c,
                    '\n' | '\r'
                        | '\x0b'
                        | '\x0c'
                        | '\x1c'
                        | '\x1d'
                        | '\x1e'
                        | '\u{85}'
                        | '\u{2028}'
                        | '\u{2029}'
                );
                if is_break {
                    let mut end = i + width;
                    if c == '\r' && bytes.get(end) == Some(&b'\n') {
                        end += 1;
                    }
                    lines.push(Value::str(if keepends {
                        &text[start..end]
                    } else {
                        &text[start..i]
                    }));
                    start = end;
                    i = end;
                } else {
                    i += width;
                }
            }
            if start < text.len() {
                lines.push(Value::str(&text[start..]));
            }
            Value::list(lines)
        }
        sym::join => {
            count_args(1, 1)?;
            if !super::ops::is_iterable(&args[0]) {
                return Err(type_error("can only join an iterable"));
            }
            let items = interp.collect_iterable(args[0].clone())?;
            let mut out = String::new();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(text);
                }
                match item {
                    Value::Str(part) => out.push_str(part.as_str()),
                    other => {
                        return Err(type_error(format!(
                            "sequence item {i}: expected str instance, {} found",
                            other.type_name()
                        )));
                    }
                }
            }
            Value::str(out)
        }
        sym::strip | sym::lstrip | sym::rstrip => {
            count_args(0, 1)?;
            let chars: Option<Vec<char>> = match arg(0) {
                None | Some(Value::None) => None,
                Some(Value::Str(v)) => Some(v.as_str().chars().collect()),
                Some(_) => {
                    return Err(type_error(format!("{short} arg must be None or str")));
                }
            };
            let matches = |c: char| match &chars {
                None => is_py_space(c),
                Some(set) => set.contains(&c),
            };
            Value::str(match name {
                sym::strip => text.trim_matches(matches),
                sym::lstrip => text.trim_start_matches(matches),
                _ => text.trim_end_matches(matches),
            })
        }
        sym::replace => {
            count_args(2, 3)?;
            let old = text_arg(short, &args[0], "1")?;
            let new = text_arg(short, &args[1], "2")?;
            let count = match arg(2) {
                Some(v) => index_arg(v)?,
                None => -1,
            };
            if count < 0 {
                Value::str(text.replace(old.as_str(), new.as_str()))
            } else if old.is_empty() {
                // Insert before each of the first `count` characters (and at the end).
                let mut out = String::new();
                let mut inserted = 0;
                for c in text.chars() {
                    if inserted < count {
                        out.push_str(new.as_str());
                        inserted += 1;
                    }
                    out.push(c);
                }
                if inserted < count {
                    out.push_str(new.as_str());
                }
                Value::str(out)
            } else {
                Value::str(text.replacen(old.as_str(), new.as_str(), count as usize))
            }
        }
        sym::startswith | sym::endswith => {
            count_args(1, 3)?;
            let Some((start, end, _)) = char_range(s, arg(1), arg(2))? else {
                return Ok(Value::bool(false));
            };
            let window = &text[start..end];
            let test = |prefix: &str| {
                if name == sym::startswith {
                    window.starts_with(prefix)
                } else {
                    window.ends_with(prefix)
                }
            };
            let found = match &args[0] {
                Value::Str(prefix) => test(prefix.as_str()),
                Value::Tuple(options) => {
                    let mut any = false;
                    for option in &options.0 {
                        match option {
                            Value::Str(prefix) => any |= test(prefix.as_str()),
                            other => {
                                return Err(type_error(format!(
                                    "tuple for {short} must only contain str, not {}",
                                    other.type_name()
                                )));
                            }
                        }
                    }
                    any
                }
                other => {
                    return Err(type_error(format!(
                        "{short} first arg must be str or a tuple of str, not {}",
                        other.type_name()
                    )));
                }
            };
            Value::bool(found)
        }
        sym::find | sym::rfind | sym::index | sym::rindex | sym::count => {
            count_args(1, 3)?;
            let needle = plain_text_arg(&args[0])?;
            let Some((start, end, char_start)) = char_range(s, arg(1), arg(2))? else {
                return match name {
                    sym::count => Ok(Value::Int(0)),
                    sym::index | sym::rindex => Err(value_error("substring not found")),
                    _ => Ok(Value::Int(-1)),
                };
            };
            let window = &text[start..end];
            if name == sym::count {
                let n = if needle.is_empty() {
                    window.chars().count() + 1
                } else {
                    window.matches(needle.as_str()).count()
                };
                return Ok(Value::Int(n as i64));
            }
            let found = if matches!(name, sym::find | sym::index) {
                window.find(needle.as_str())
            } else {
                window.rfind(needle.as_str())
            };
            match found {
                Some(byte) => Value::Int((char_start + char_offset(window, byte)) as i64),
                None if matches!(name, sym::index | sym::rindex) => {
                    return Err(value_error("substring not found"));
                }
                None => Value::Int(-1),
            }
        }
        sym::upper => {
            count_args(0, 0)?;
            Value::str(text.to_uppercase())
        }
        sym::lower => {
            count_args(0, 0)?;
            Value::str(text.to_lowercase())
        }
        sym::casefold => {
            count_args(0, 0)?;
            Value::str(casefold(text))
        }
        sym::expandtabs => {
            let bound = bind(short, args.clone(), kwargs.clone(), &["tabsize"], 0)?;
            let tabsize = match &bound[0] {
                Some(v) => index_arg(v)?,
                None => 8,
            };
            Value::str(expand_tabs(text, tabsize))
        }
        sym::title => {
            count_args(0, 0)?;
            Value::str(title(text))
        }
        sym::capitalize => {
            count_args(0, 0)?;
            let mut chars = text.chars();
            Value::str(match chars.next() {
                Some(first) => first
                    .to_uppercase()
                    .chain(chars.as_str().to_lowercase().chars())
                    .collect::<String>(),
                None => String::new(),
            })
        }
        sym::swapcase => {
            count_args(0, 0)?;
            Value::str(
                text.chars()
                    .flat_map(|c| {
                        if c.is_uppercase() {
                            c.to_lowercase().collect::<Vec<_>>()
                        } else {
                            c.to_uppercase().collect::<Vec<_>>()
                        }
                    })
                    .collect::<String>(),
            )
        }
        sym::zfill => {
            count_args(1, 1)?;
            let width = index_arg(&args[0])?.max(0) as usize;
            let len = s.len();
            if width <= len {
                Value::str(text)
            } else {
                let (sign, digits) = match text.chars().next() {
                    Some(c @ ('+' | '-')) => (Some(c), &text[1..]),
                    _ => (None, text),
                };
                let mut out = String::with_capacity(width);
                out.extend(sign);
                out.extend(std::iter::repeat_n('0', width - len));
                out.push_str(digits);
                Value::str(out)
            }
        }
        sym::center | sym::ljust | sym::rjust => {
            count_args(1, 2)?;
            let width = index_arg(&args[0])?.max(0) as usize;
            if width > super::ops::MAX_ITEMS {
                return Err(super::ops::memory_error());
            }
            let fill = match arg(1) {
                None => ' ',
                Some(Value::Str(f)) if f.len() == 1 => f.char_at(0),
                Some(Value::Str(_)) => {
                    return Err(type_error(
                        "The fill character must be exactly one character long",
                    ));
                }
                Some(other) => {
                    return Err(type_error(format!(
                        "The fill character must be a unicode character, not {}",
                        other.type_name()
                    )));
                }
            };
            let align = match name {
                sym::center => '^',
                sym::ljust => '<',
                _ => '>',
            };
            Value::str(pad(text, width, fill, align))
        }
        sym::isdigit | sym::isdecimal | sym::isnumeric => {
            count_args(0, 0)?;
            Value::bool(!text.is_empty() && text.chars().all(|c| c.is_numeric()))
        }
        sym::isalpha => {
            count_args(0, 0)?;
            Value::bool(!text.is_empty() && text.chars().all(char::is_alphabetic))
        }
        sym::isalnum => {
            count_args(0, 0)?;
            Value::bool(!text.is_empty() && text.chars().all(char::is_alphanumeric))
        }
        sym::isascii => {
            count_args(0, 0)?;
            Value::bool(text.is_ascii())
        }
        sym::isprintable => {
            count_args(0, 0)?;
            // Unicode's "other" and "separator" categories are unprintable, except space.
            Value::bool(text.chars().all(|c| {
                c == ' '
                    || !(c.is_control()
                        || c.is_whitespace()
                        || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{feff}'))
            }))
        }
        sym::isidentifier => {
            count_args(0, 0)?;
            let mut chars = text.chars();
            Value::bool(
                chars.next().is_some_and(|c| c == '_' || c.is_alphabetic())
                    && chars.all(|c| c == '_' || c.is_alphanumeric()),
            )
        }
        sym::istitle => {
            count_args(0, 0)?;
            // An uppercase letter may only follow an uncased one, a lowercase letter
            // only a cased one.
            let (mut cased, mut previous_cased) = (false, false);
            let mut title = true;
            for c in text.chars() {
                if c.is_uppercase() {
                    title &= !previous_cased;
                    (previous_cased, cased) = (true, true);
                } else if c.is_lowercase() {
                    title &= previous_cased;
                    (previous_cased, cased) = (true, true);
                } else {
                    previous_cased = false;
                }
            }
            Value::bool(title && cased)
        }
        sym::isspace => {
            count_args(0, 0)?;
            Value::bool(!text.is_empty() && text.chars().all(is_py_space))
        }
        sym::isupper | sym::islower => {
            count_args(0, 0)?;
            let cased: Vec<char> = text
                .chars()
                .filter(|c| c.is_uppercase() || c.is_lowercase())
                .collect();
            Value::bool(
                !cased.is_empty()
                    && cased.iter().all(|c| {
                        if name == sym::isupper {
                            c.is_uppercase()
                        } else {
                            c.is_lowercase()
                        }
                    }),
            )
        }
        sym::partition | sym::rpartition => {
            count_args(1, 1)?;
            let sep = plain_text_arg(&args[0])?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            let found = if name == sym::partition {
                text.find(sep.as_str())
            } else {
                text.rfind(sep.as_str())
            };
            let parts = match found {
                Some(i) => [&text[..i], sep.as_str(), &text[i + sep.text.len()..]],
                None if name == sym::partition => [text, "", ""],
                None => ["", "", text],
            };
            Value::tuple(parts.iter().map(|p| Value::str(*p)).collect())
        }
        sym::removeprefix => {
            count_args(1, 1)?;
            let prefix = text_arg(short, &args[0], "")?;
            Value::str(text.strip_prefix(prefix.as_str()).unwrap_or(text))
        }
        sym::removesuffix => {
            count_args(1, 1)?;
            let suffix = text_arg(short, &args[0], "")?;
            Value::str(text.strip_suffix(suffix.as_str()).unwrap_or(text))
        }
        _ => return Err(interp.no_attribute(&Value::Str(s.clone()), name)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn center_places_the_odd_space_as_cpython_does() {
        assert_eq!(pad("ab", 5, '*', '^'), "**ab*");
        assert_eq!(pad("abc", 6, '*', '^'), "*abc**");
        assert_eq!(pad("abc", 4, '*', '^'), "abc*");
        assert_eq!(pad("a", 4, '*', '^'), "*a**");
    }

    #[test]
    fn whitespace_split_matches_python() {
        let words = |v: Vec<Value>| v.iter().map(Value::to_str).collect::<Vec<_>>();
        assert_eq!(words(split_whitespace("  a b\t c  ", -1)), ["a", "b", "c"]);
        assert_eq!(words(split_whitespace("a b c", 1)), ["a", "b c"]);
        assert_eq!(words(rsplit_whitespace("a b c", 1)), ["a b", "c"]);
        assert_eq!(title("they're bill's friends"), "They'Re Bill'S Friends");
    }
}
