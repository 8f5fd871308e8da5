//! Formatting values: f-string fields, `format()`, `str.format` and `%`-formatting.
//!
//! The format-spec mini-language itself lives in [`crate::pyfmt`]; this module applies
//! it to values and implements the two template languages on top of it with CPython's
//! error messages.

use std::rc::Rc;

use super::Interp;
use super::exceptions::{
    ExcType, Exception, PyResult, index_error, repr_too_deep, type_error, value_error,
};
use super::ops::int_to_float;
use super::value::Value;
use crate::pyfmt::{self, FormatError, FormatSpec};

/// The arguments of one `str.format` call, and its field-numbering state.
struct FormatCall<'a> {
    args: &'a [Value],
    kwargs: &'a [(Rc<str>, Value)],
    /// The next automatic field number, until a field gives its number.
    next_auto: Option<usize>,
    manual: bool,
}

fn format_error(error: FormatError, type_name: &str) -> Rc<Exception> {
    match error {
        FormatError::Overflow(_) => {
            Exception::msg(ExcType::OverflowError, error.message(type_name))
        }
        _ => value_error(error.message(type_name)),
    }
}

/// `ascii(x)`: the repr with non-ASCII characters escaped.
pub fn ascii(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c as u32 {
            0..=0x7f => out.push(c),
            code @ 0x80..=0xff => out.push_str(&format!("\\x{code:02x}")),
            code @ 0x100..=0xffff => out.push_str(&format!("\\u{code:04x}")),
            code => out.push_str(&format!("\\U{code:08x}")),
        }
    }
    out
}

impl Interp {
    /// An f-string field: conversion (`r`, `s`, `a` or 0), then the spec.
    pub fn format_value(
        &mut self,
        value: Value,
        conversion: u8,
        spec: Option<Value>,
    ) -> PyResult<Value> {
        let value = match conversion {
            b'r' => Value::str(value.try_repr().map_err(repr_too_deep)?),
            b's' => Value::str(value.try_to_str().map_err(repr_too_deep)?),
            b'a' => Value::str(ascii(&value.try_repr().map_err(repr_too_deep)?)),
            _ => value,
        };
        let spec = match &spec {
            Some(Value::Str(s)) => s.as_str(),
            Some(other) => {
                return Err(type_error(format!(
                    "format() argument 2 must be str, not {}",
                    other.type_name()
                )));
            }
            None => "",
        };
        if spec.is_empty() {
            if let Value::Str(_) = value {
                return Ok(value);
            }
            return Ok(Value::str(value.try_to_str().map_err(repr_too_deep)?));
        }
        Ok(Value::str(self.format_with_spec(&value, spec)?))
    }

    /// `format(value, spec)` for a non-empty spec.
    pub fn format_with_spec(&mut self, value: &Value, spec: &str) -> PyResult<String> {
        let type_name = value.type_name();
        let parsed = match value {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Str(_) => {
                pyfmt::parse_format_spec(spec).map_err(|e| format_error(e, type_name))?
            }
            other => {
                return Err(type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    other.type_name()
                )));
            }
        };
        let result = match value {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                pyfmt::format_int(&value.as_bigint().expect("an int"), &parsed)
            }
            Value::Float(f) => pyfmt::format_float(f.get(), &parsed),
            Value::Str(s) => pyfmt::format_str(s.as_str(), &parsed),
            _ => unreachable!("checked above"),
        };
        result.map_err(|e| format_error(e, type_name))
    }

    /// `template.format(*args, **kwargs)`
    pub fn str_format(
        &mut self,
        template: &str,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let mut call = FormatCall {
            args: &args,
            kwargs: &kwargs,
            next_auto: Some(0),
            manual: false,
        };
        let text = self.expand_template(template, &mut call, 0)?;
        Ok(Value::str(text))
    }

    fn expand_template(
        &mut self,
        template: &str,
        call: &mut FormatCall,
        depth: usize,
    ) -> PyResult<String> {
        // CPython expands a spec inside a spec, but no deeper.
        if depth >= 2 {
            return Err(value_error("Max string recursion exceeded"));
        }
        let mut out = String::new();
        let chars: Vec<char> = template.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            match chars[i] {
                '{' if chars.get(i + 1) == Some(&'{') => {
                    out.push('{');
                    i += 2;
                }
                '}' if chars.get(i + 1) == Some(&'}') => {
                    out.push('}');
                    i += 2;
                }
                '}' => return Err(value_error("Single '}' encountered in format string")),
                '{' if i + 1 == chars.len() => {
                    return Err(value_error("Single '{' encountered in format string"));
                }
                '{' => {
                    let field = parse_field(&chars, &mut i)?;
                    let text = self.expand_field(&field, call, depth)?;
                    out.push_str(&text);
                }
                c => {
                    out.push(c);
                    i += 1;
                }
            }
        }
        Ok(out)
    }

    fn expand_field(
        &mut self,
        field: &Field,
        call: &mut FormatCall,
        depth: usize,
    ) -> PyResult<String> {
        let name = field.name.as_str();
        let spec = field.spec.as_str();

        // The first part of the name: an index, a keyword, or nothing (automatic).
        let first_end = name.find(['.', '[']).unwrap_or(name.len());
        let (first, mut accessors) = name.split_at(first_end);
        let mut value = if first.is_empty() {
            if call.manual {
                return Err(value_error(
                    "cannot switch from manual field specification to automatic field numbering",
                ));
            }
            let index = call.next_auto.expect("automatic numbering is on");
            call.next_auto = Some(index + 1);
            call.args.get(index).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                ))
            })?
        } else if let Ok(index) = first.parse::<usize>() {
            if call.next_auto.is_some_and(|n| n > 0) {
                return Err(value_error(
                    "cannot switch from automatic field numbering to manual field specification",
                ));
            }
            call.manual = true;
            call.next_auto = None;
            call.args.get(index).cloned().ok_or_else(|| {
                index_error(format!(
                    "Replacement index {index} out of range for positional args tuple"
                ))
            })?
        } else {
            call.kwargs
                .iter()
                .find(|(k, _)| &**k == first)
                .map(|(_, v)| v.clone())
                .ok_or_else(|| Exception::new(ExcType::KeyError, vec![Value::str(first)]))?
        };
        while !accessors.is_empty() {
            if let Some(after) = accessors.strip_prefix('.') {
                let end = after.find(['.', '[']).unwrap_or(after.len());
                if end == 0 {
                    return Err(value_error("Empty attribute in format string"));
                }
                let attribute = self.symbols.intern(&after[..end]);
                value = self.get_attribute(&value, attribute)?;
                accessors = &after[end..];
            } else if let Some(after) = accessors.strip_prefix('[') {
                let Some(end) = after.find(']') else {
                    return Err(value_error("Missing ']' in format string"));
                };
                let key = &after[..end];
                if key.is_empty() {
                    return Err(value_error("Empty attribute in format string"));
                }
                let key = match key.parse::<i64>() {
                    Ok(index) => Value::Int(index),
                    Err(_) => Value::str(key),
                };
                value = self.subscript(&value, &key)?;
                accessors = &after[end + 1..];
            } else {
                return Err(value_error(
                    "Only '.' or '[' may follow ']' in format field specifier",
                ));
            }
        }
        let conversion = match field.conversion {
            None => 0,
            Some(c @ ('r' | 's' | 'a')) => c as u8,
            Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
        };
        let spec = if spec.contains('{') {
            self.expand_template(spec, call, depth + 1)?
        } else {
            spec.to_string()
        };
        let formatted = self.format_value(value, conversion, Some(Value::str(spec)))?;
        Ok(formatted.to_str())
    }

    /// `template % values`
    pub fn percent_format(&mut self, template: &str, values: &Value) -> PyResult<Value> {
        // Like CPython, anything with `__getitem__` but a tuple or a str is taken as the
        // mapping of `%(key)s` fields, and then leftover arguments are no error:
        // `'abc' % [1]` is 'abc', `'%(a)s' % [1]` a list-index TypeError.
        let (items, mapping): (Vec<Value>, Option<&Value>) = match values {
            Value::Tuple(tuple) => (tuple.0.clone(), None),
            Value::Dict(_) | Value::List(_) | Value::Range(_) => {
                (vec![values.clone()], Some(values))
            }
            other => (vec![other.clone()], None),
        };
        let mut next = 0usize;
        let mut out = String::new();
        let chars: Vec<char> = template.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if chars[i] != '%' {
                out.push(chars[i]);
                i += 1;
                continue;
            }
            i += 1;
            let mut key = None;
            if chars.get(i) == Some(&'(') {
                let Some(close) = chars[i..].iter().position(|&c| c == ')') else {
                    return Err(value_error("incomplete format key"));
                };
                key = Some(chars[i + 1..i + close].iter().collect::<String>());
                i += close + 1;
            }
            let mut spec = FormatSpec::default();
            let mut left = false;
            let mut zero = false;
            while let Some(&flag) = chars.get(i) {
                match flag {
                    '-' => left = true,
                    '0' => zero = true,
                    '+' => spec.sign = Some(pyfmt::Sign::Plus),
                    ' ' => {
                        if spec.sign.is_none() {
                            spec.sign = Some(pyfmt::Sign::Space)
                        }
                    }
                    '#' => spec.alternate = true,
                    _ => break,
                }
                i += 1;
            }
            let mut take_number = |i: &mut usize| -> PyResult<Option<usize>> {
                if chars.get(*i) == Some(&'*') {
                    *i += 1;
                    let value = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| type_error("not enough arguments for format string"))?;
                    next += 1;
                    return Ok(Some(super::builtins::index_arg(&value)?.max(0) as usize));
                }
                let start = *i;
                while chars.get(*i).is_some_and(char::is_ascii_digit) {
                    *i += 1;
                }
                Ok((*i > start).then(|| {
                    chars[start..*i]
                        .iter()
                        .collect::<String>()
                        .parse()
                        .unwrap_or(usize::MAX)
                }))
            };
            let width = take_number(&mut i)?;
            let precision = if chars.get(i) == Some(&'.') {
                i += 1;
                Some(take_number(&mut i)?.unwrap_or(0))
            } else {
                None
            };
            while matches!(chars.get(i), Some('h' | 'l' | 'L')) {
                i += 1;
            }
            let Some(&kind) = chars.get(i) else {
                return Err(value_error("incomplete format"));
            };
            i += 1;
            if kind == '%' {
                out.push('%');
                continue;
            }
            let value = match (&key, mapping) {
                (Some(key), Some(mapping)) => {
                    // A keyed field uses up the positional arguments, as in CPython.
                    next = items.len();
                    self.subscript(mapping, &Value::str(key.as_str()))?
                }
                (Some(_), None) => return Err(type_error("format requires a mapping")),
                (None, _) => {
                    let value = items
                        .get(next)
                        .cloned()
                        .ok_or_else(|| type_error("not enough arguments for format string"))?;
                    next += 1;
                    value
                }
            };
            spec.width = width;
            spec.align = Some(if left {
                pyfmt::Align::Left
            } else {
                pyfmt::Align::Right
            });
            let text = match kind {
                's' | 'r' | 'a' => {
                    let text = match kind {
                        's' => value.try_to_str().map_err(repr_too_deep)?,
                        'r' => value.try_repr().map_err(repr_too_deep)?,
                        _ => ascii(&value.try_repr().map_err(repr_too_deep)?),
                    };
                    let text: String = match precision {
                        Some(p) => text.chars().take(p).collect(),
                        None => text,
                    };
                    spec.sign = None;
                    spec.alternate = false;
                    pyfmt::format_str(&text, &spec).map_err(|e| format_error(e, "str"))?
                }
                'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                    let integer = match &value {
                        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                            value.as_bigint().expect("an int")
                        }
                        Value::Float(f) if matches!(kind, 'd' | 'i' | 'u') => {
                            super::value::big_from_integral_float(f.get().trunc())
                        }
                        other => {
                            let needs = if matches!(kind, 'd' | 'i' | 'u') {
                                "a real number"
                            } else {
                                "an integer"
                            };
                            return Err(type_error(format!(
                                "%{kind} format: {needs} is required, not {}",
                                other.type_name()
                            )));
                        }
                    };
                    spec.ty = Some(match kind {
                        'x' => 'x',
                        'X' => 'X',
                        'o' => 'o',
                        _ => 'd',
                    });
                    if zero && !left {
                        spec.zero_pad = true;
                        spec.align = None;
                    }
                    let mut text =
                        pyfmt::format_int(&integer, &spec).map_err(|e| format_error(e, "int"))?;
                    if let Some(p) = precision {
                        // %.3d pads the digits, not the field.
                        let negative = text.trim_start().starts_with('-');
                        let digits: String =
                            text.chars().filter(|c| c.is_ascii_hexdigit()).collect();
                        if digits.len() < p {
                            let padded = format!(
                                "{}{}{}",
                                if negative { "-" } else { "" },
                                "0".repeat(p - digits.len()),
                                digits
                            );
                            text = pyfmt::format_str(
                                &padded,
                                &FormatSpec {
                                    width,
                                    align: spec.align,
                                    ..FormatSpec::default()
                                },
                            )
                            .map_err(|e| format_error(e, "str"))?;
                        }
                    }
                    text
                }
                'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                    if !value.is_number() {
                        return Err(type_error(format!(
                            "must be real number, not {}",
                            value.type_name()
                        )));
                    }
                    let number = int_to_float(&value)?;
                    spec.ty = Some(kind);
                    spec.precision = Some(precision.unwrap_or(6));
                    if zero && !left {
                        spec.zero_pad = true;
                        spec.align = None;
                    }
                    pyfmt::format_float(number, &spec).map_err(|e| format_error(e, "float"))?
                }
                'c' => {
                    let c = match &value {
                        Value::Str(s) if s.len() == 1 => s.as_str().to_string(),
                        Value::Int(i) => char::from_u32(*i as u32)
                            .map(|c| c.to_string())
                            .ok_or_else(|| {
                                Exception::msg(
                                    ExcType::OverflowError,
                                    "%c arg not in range(0x110000)",
                                )
                            })?,
                        _ => return Err(type_error("%c requires int or char")),
                    };
                    pyfmt::format_str(&c, &spec).map_err(|e| format_error(e, "str"))?
                }
                other => {
                    return Err(value_error(format!(
                        "unsupported format character '{other}' (0x{:x}) at index {}",
                        other as u32,
                        i - 1
                    )));
                }
            };
            out.push_str(&text);
        }
        if mapping.is_none() && next < items.len() {
            return Err(type_error(
                "not all arguments converted during string formatting",
            ));
        }
        Ok(Value::str(out))
    }
}

/// One replacement field of a `str.format` template, as written.
struct Field {
    name: String,
    conversion: Option<char>,
    spec: String,
}

/// Scan the field that starts at the `{` at `chars[*i]`, leaving `*i` after its `}`; the
/// errors are CPython's, in the order its scanner meets them.
fn parse_field(chars: &[char], i: &mut usize) -> PyResult<Field> {
    let mut j = *i + 1;
    let name_start = j;
    // The name runs to `}`, `!` or `:`; brackets may hide those characters.
    loop {
        match chars.get(j) {
            None => return Err(value_error("expected '}' before end of string")),
            Some('}' | '!' | ':') => break,
            Some('{') => return Err(value_error("unexpected '{' in field name")),
            Some('[') => {
                while j < chars.len() && chars[j] != ']' {
                    j += 1;
                }
                if j == chars.len() {
                    return Err(value_error("expected '}' before end of string"));
                }
                j += 1;
            }
            Some(_) => j += 1,
        }
    }
    let name: String = chars[name_start..j].iter().collect();
    let mut conversion = None;
    if chars[j] == '!' {
        let Some(&c) = chars.get(j + 1) else {
            return Err(value_error(
                "end of string while looking for conversion specifier",
            ));
        };
        conversion = Some(c);
        j += 2;
        match chars.get(j) {
            None => return Err(value_error("unmatched '{' in format spec")),
            Some(':' | '}') => {}
            Some(_) => return Err(value_error("expected ':' after conversion specifier")),
        }
    }
    let mut spec = String::new();
    if chars[j] == ':' {
        let spec_start = j + 1;
        let mut nesting = 1;
        j += 1;
        loop {
            match chars.get(j) {
                None => return Err(value_error("unmatched '{' in format spec")),
                Some('{') => nesting += 1,
                Some('}') => {
                    nesting -= 1;
                    if nesting == 0 {
                        break;
                    }
                }
                Some(_) => {}
            }
            j += 1;
        }
        spec = chars[spec_start..j].iter().collect();
    }
    *i = j + 1;
    Ok(Field {
        name,
        conversion,
        spec,
    })
}
