//! CPython 3.11's text forms of numbers and strings, reproduced byte for byte.
//!
//! Everything the interpreter needs to turn `int`, `float` and `str` values into text and back
//! lives here: `repr()` of floats and strings, the format-spec mini-language behind `format()`,
//! `str.format` and f-strings, `round()`, `int()`/`float()` parsing and `float(int)`.
//!
//! Guarantees:
//! - Outputs and error messages equal CPython 3.11's byte for byte, except for the gaps listed
//!   below. The unit tests at the bottom hold several hundred vectors produced by CPython 3.11.7.
//! - Every function is total: no input panics, and no spec makes formatting allocate more than
//!   a few tens of megabytes beyond the digits of the value itself (see [`MAX_RENDERED_LEN`]).
//! - Float digits are exact, as with CPython's `dtoa.c`: shortest round-trip digits come from
//!   Rust's float formatting with dtoa's tie rule applied on top, and every fixed-precision digit
//!   string is computed on the exact binary value (128-bit or big integers), rounded half-even.
//!
//! Errors are [`FormatError`] values. [`FormatError::Overflow`] must be raised as
//! `OverflowError`, the other variants as `ValueError`; [`FormatError::message`] gives the text.
//!
//! Known gaps, all deliberate:
//! - `'n'` formats as in the C locale (what CPython does until `locale.setlocale` is called):
//!   no grouping and `'.'` as the decimal point.
//! - Messages name the formatted type as `int`, `float` or `str`; CPython would say `bool` for
//!   `format(True, 'z')`.
//! - A width or float precision that would render more than [`MAX_RENDERED_LEN`] characters is
//!   refused with `ValueError("width too big")` / `ValueError("precision too big")` where CPython
//!   would try to allocate it.
//! - `format(0xd800, 'c')` (a lone surrogate) is an error: a Rust string cannot hold it.
//! - [`parse_int`] does not apply `sys.int_max_str_digits` ([`digits_over_limit`] is the
//!   check `int()` makes first); [`format_int`] does (4300 digits).
//! - `str.isprintable` and Unicode digits/whitespace follow tables generated from CPython 3.11's
//!   Unicode 14.0 database; only surrogates (which `char` cannot hold) are left out.

use std::cmp::Ordering;
use std::fmt::Write as _;
use std::iter::repeat_n;

use num_bigint::{BigInt, BigUint, Sign as BigSign};
use num_integer::Integer;
use num_traits::{One, ToPrimitive, Zero};

/// Largest padded width, or float precision that is actually rendered, that formatting accepts.
/// CPython has no such limit short of `sys.maxsize` and simply runs out of memory; ten million
/// characters keeps every result under ~40 MB while leaving any realistic spec alone.
pub const MAX_RENDERED_LEN: usize = 10_000_000;

/// CPython's default `sys.get_int_max_str_digits()`.
pub const MAX_STR_DIGITS: usize = 4300;

/// Why formatting failed, carrying the exception type CPython raises.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// Raise `ValueError` with this message.
    Value(String),
    /// Raise `OverflowError` with this message.
    Overflow(String),
    /// Raise `ValueError`: the spec (given here verbatim) has junk after the precision. CPython
    /// 3.11's message names the formatted object's type, which [`parse_format_spec`] cannot
    /// know, so build it with [`FormatError::message`].
    InvalidSpecifier(String),
    /// Raise `ValueError`: no such presentation type. The message names the formatted
    /// object's type (`bool` for a bool formatted as an int), so it too is built by
    /// [`FormatError::message`].
    UnknownCode(char),
}

impl FormatError {
    /// The exception message; `type_name` (e.g. `"int"`) is used only by
    /// [`FormatError::InvalidSpecifier`].
    pub fn message(&self, type_name: &str) -> String {
        match self {
            Self::Value(msg) | Self::Overflow(msg) => msg.clone(),
            Self::InvalidSpecifier(spec) => {
                format!("Invalid format specifier '{spec}' for object of type '{type_name}'")
            }
            Self::UnknownCode(code) => format!(
                "Unknown format code '{}' for object of type '{type_name}'",
                code_in_message(*code)
            ),
        }
    }
}

fn value_error(msg: &str) -> FormatError {
    FormatError::Value(msg.to_string())
}

/// How CPython quotes a presentation type inside a message: printable ASCII as itself, anything
/// else as `\x` and unpadded lowercase hex.
fn code_in_message(code: char) -> String {
    if (33..128).contains(&(code as u32)) {
        code.to_string()
    } else {
        format!("\\x{:x}", code as u32)
    }
}

fn unknown_code(code: char) -> FormatError {
    FormatError::UnknownCode(code)
}

// ---------------------------------------------------------------------------------------------
// Unicode properties
// ---------------------------------------------------------------------------------------------

/// `str.isprintable()`.
fn is_printable(c: char) -> bool {
    // Runs alternate printable / non-printable starting with a printable run at PRINTABLE_RUNS[0],
    // so an odd count of run starts at or below `c` means `c` is in a printable run.
    PRINTABLE_RUNS.partition_point(|&start| start <= c as u32) % 2 == 1
}

/// The value of a Unicode decimal digit (category Nd), as `int()` and format widths accept them.
fn decimal_value(c: char) -> Option<u32> {
    let c = c as u32;
    let block = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    let zero = DECIMAL_ZEROS.get(block.checked_sub(1)?)?;
    let digit = c - zero;
    (digit < 10).then_some(digit)
}

/// `str.isspace()` (CPython's `Py_UNICODE_ISSPACE`), which is wider than Rust's
/// `char::is_whitespace`: it includes the ASCII separators U+001C..U+001F.
fn is_py_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\u{1c}'..='\u{20}'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// The ASCII whitespace C's `isspace` (CPython's `Py_ISSPACE`) accepts around numbers.
fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t'..=b'\r')
}

// ---------------------------------------------------------------------------------------------
// repr
// ---------------------------------------------------------------------------------------------

/// repr(x) (== str(x)) of a Python float: shortest round-trip digits in CPython's layout, e.g.
/// `1.0`, `0.1`, `1e+16`, `1e-05`, `-0.0`, `inf`, `nan`, `1.2345678901234567e+19`.
pub fn float_repr(x: f64) -> String {
    let style = FloatStyle {
        code: 'r',
        precision: 0,
        upper: false,
        alternate: false,
        add_dot_0: true,
        no_neg_zero: false,
    };
    float_to_string(x, &style)
}

/// repr(s) of a Python str: single quotes unless the text has `'` and no `"`; `\\`, `\n`, `\r`,
/// `\t` and the chosen quote escaped; other non-printable characters as `\xNN`, `\uNNNN` or
/// `\UNNNNNNNN` following `str.isprintable` (Unicode 14.0, as in CPython 3.11).
pub fn str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        let code = c as u32;
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            _ if c == quote => {
                out.push('\\');
                out.push(c);
            }
            ' '..='~' => out.push(c),
            _ if code >= 0x80 && is_printable(c) => out.push(c),
            _ if code < 0x100 => {
                let _ = write!(out, "\\x{code:02x}");
            }
            _ if code < 0x10000 => {
                let _ = write!(out, "\\u{code:04x}");
            }
            _ => {
                let _ = write!(out, "\\U{code:08x}");
            }
        }
    }
    out.push(quote);
    out
}

// ---------------------------------------------------------------------------------------------
// Format specs
// ---------------------------------------------------------------------------------------------

/// The `align` field of a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Align {
    /// `<`
    Left,
    /// `>`
    Right,
    /// `^`
    Center,
    /// `=`: padding goes between the sign (and `0x`-style prefix) and the digits.
    AfterSign,
}

/// The `sign` field of a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sign {
    /// `+`
    Plus,
    /// `-`
    Minus,
    /// ` `
    Space,
}

/// The `grouping_option` field of a format spec.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// `,`: a comma every three digits.
    Comma,
    /// `_`: an underscore every three decimal digits, or every four in `b`, `o`, `x`, `X`.
    Underscore,
}

/// A parsed format specification (the format-spec mini-language of str.format / f-strings):
/// `[[fill]align][sign][z][#][0][width][grouping_option][.precision][type]`.
///
/// Fields hold what the spec says, not defaults: defaults differ between `str` and numbers
/// (alignment, and what the `0` flag means), so each `format_*` function resolves them.
/// `Default` is the empty spec.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FormatSpec {
    /// Explicit fill character; only ever set together with `align`.
    pub fill: Option<char>,
    pub align: Option<Align>,
    pub sign: Option<Sign>,
    /// The `z` option: negative zero results lose their sign (floats only).
    pub no_neg_zero: bool,
    /// The `#` option.
    pub alternate: bool,
    /// The `0` flag before the width. CPython only recognises it when no fill was given; it then
    /// means fill `'0'`, and for numbers without an explicit alignment also `=` alignment.
    pub zero_pad: bool,
    pub width: Option<usize>,
    pub grouping: Option<Grouping>,
    pub precision: Option<usize>,
    /// The presentation type; any character is accepted here and judged by the `format_*` call.
    pub ty: Option<char>,
}

/// Parse a spec. Errors are CPython's ValueError messages; the one that names the object's type
/// comes back as [`FormatError::InvalidSpecifier`].
pub fn parse_format_spec(spec: &str) -> Result<FormatSpec, FormatError> {
    let chars: Vec<char> = spec.chars().collect();
    let at = |i: usize| chars.get(i).copied();
    let mut out = FormatSpec::default();
    let mut pos = 0;

    if let (Some(fill), Some(align)) = (at(0), at(1).and_then(align_from)) {
        out.fill = Some(fill);
        out.align = Some(align);
        pos = 2;
    } else if let Some(align) = at(0).and_then(align_from) {
        out.align = Some(align);
        pos = 1;
    }
    out.sign = at(pos).and_then(|c| match c {
        '+' => Some(Sign::Plus),
        '-' => Some(Sign::Minus),
        ' ' => Some(Sign::Space),
        _ => None,
    });
    if out.sign.is_some() {
        pos += 1;
    }
    if at(pos) == Some('z') {
        out.no_neg_zero = true;
        pos += 1;
    }
    if at(pos) == Some('#') {
        out.alternate = true;
        pos += 1;
    }
    if out.fill.is_none() && at(pos) == Some('0') {
        out.zero_pad = true;
        pos += 1;
    }
    out.width = parse_count(&chars, &mut pos)?;
    if at(pos) == Some(',') {
        out.grouping = Some(Grouping::Comma);
        pos += 1;
    }
    if at(pos) == Some('_') {
        if out.grouping.is_some() {
            return Err(value_error("Cannot specify both ',' and '_'."));
        }
        out.grouping = Some(Grouping::Underscore);
        pos += 1;
    }
    if at(pos) == Some(',') && out.grouping == Some(Grouping::Underscore) {
        return Err(value_error("Cannot specify both ',' and '_'."));
    }
    if at(pos) == Some('.') {
        pos += 1;
        out.precision = parse_count(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err(value_error("Format specifier missing precision"));
        }
    }
    match chars.len() - pos {
        0 => {}
        1 => out.ty = at(pos),
        _ => return Err(FormatError::InvalidSpecifier(spec.to_string())),
    }
    if let Some(ty) = out.ty {
        check_grouping(out.grouping, ty)?;
    }
    Ok(out)
}

fn align_from(c: char) -> Option<Align> {
    match c {
        '<' => Some(Align::Left),
        '>' => Some(Align::Right),
        '^' => Some(Align::Center),
        '=' => Some(Align::AfterSign),
        _ => None,
    }
}

/// Reads a width or precision. Like CPython it accepts any Unicode decimal digits and refuses
/// values above `sys.maxsize`.
fn parse_count(chars: &[char], pos: &mut usize) -> Result<Option<usize>, FormatError> {
    let limit = isize::MAX as usize;
    let mut value: Option<usize> = None;
    while let Some(digit) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        let acc = value.unwrap_or(0);
        let digit = digit as usize;
        if acc > (limit - digit) / 10 {
            return Err(value_error("Too many decimal digits in format string"));
        }
        value = Some(acc * 10 + digit);
        *pos += 1;
    }
    Ok(value)
}

/// CPython's check that a grouping option suits the presentation type; `'\0'` stands for a
/// float spec without a type.
fn check_grouping(grouping: Option<Grouping>, ty: char) -> Result<(), FormatError> {
    let Some(grouping) = grouping else {
        return Ok(());
    };
    let allowed = match ty {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => true,
        'b' | 'o' | 'x' | 'X' => grouping == Grouping::Underscore,
        _ => false,
    };
    if allowed {
        return Ok(());
    }
    let sep = match grouping {
        Grouping::Comma => ',',
        Grouping::Underscore => '_',
    };
    Err(FormatError::Value(format!(
        "Cannot specify '{sep}' with '{}'.",
        code_in_message(ty)
    )))
}

/// The separator and group size a spec asks for, given the effective presentation type.
fn grouping_for(spec: &FormatSpec, ty: char) -> Option<(char, usize)> {
    match (spec.grouping?, ty) {
        (Grouping::Comma, _) => Some((',', 3)),
        (Grouping::Underscore, 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
        (Grouping::Underscore, _) => Some(('_', 3)),
    }
}

/// Refuses padding beyond [`MAX_RENDERED_LEN`]; a width the text already reaches costs nothing
/// and is fine however large.
fn check_width(width: usize, natural_len: usize) -> Result<(), FormatError> {
    if width > natural_len && width > MAX_RENDERED_LEN {
        return Err(value_error("width too big"));
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// format(str)
// ---------------------------------------------------------------------------------------------

/// format(s, spec) for a str.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('s');
    check_grouping(spec.grouping, ty)?;
    if ty != 's' {
        return Err(unknown_code(ty));
    }
    match spec.sign {
        Some(Sign::Space) => {
            return Err(value_error("Space not allowed in string format specifier"));
        }
        Some(_) => return Err(value_error("Sign not allowed in string format specifier")),
        None => {}
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in string format specifier",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed in string format specifier",
        ));
    }
    let align = spec.align.unwrap_or(Align::Left);
    if align == Align::AfterSign {
        return Err(value_error(
            "'=' alignment not allowed in string format specifier",
        ));
    }
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let kept = match spec.precision {
        Some(precision) => s.char_indices().nth(precision).map_or(s, |(i, _)| &s[..i]),
        None => s,
    };
    let len = kept.chars().count();
    let width = spec.width.unwrap_or(0);
    check_width(width, len)?;
    let padding = width.saturating_sub(len);
    let left = match align {
        Align::Right => padding,
        Align::Center => padding / 2,
        Align::Left | Align::AfterSign => 0,
    };
    let mut out = String::with_capacity(kept.len() + padding * fill.len_utf8());
    out.extend(repeat_n(fill, left));
    out.push_str(kept);
    out.extend(repeat_n(fill, padding - left));
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Number layout (CPython's calc_number_widths / fill_number)
// ---------------------------------------------------------------------------------------------

/// A number split the way CPython's layout code sees it.
struct NumberParts<'a> {
    negative: bool,
    /// `0x`-style prefix, written after the sign.
    prefix: &'a str,
    /// Leading ASCII digits, the only part that is grouped and zero-padded.
    digits: &'a str,
    /// Whether a decimal point follows the digits.
    point: bool,
    /// Everything after the digits and point: fraction, exponent, `%`, `inf`, a `c` character.
    rest: &'a str,
}

fn render_number(
    parts: &NumberParts,
    spec: &FormatSpec,
    grouping: Option<(char, usize)>,
) -> Result<String, FormatError> {
    let fill = spec.fill.unwrap_or(if spec.zero_pad { '0' } else { ' ' });
    let align = spec.align.unwrap_or(if spec.zero_pad {
        Align::AfterSign
    } else {
        Align::Right
    });
    let sign = match (parts.negative, spec.sign) {
        (true, _) => Some('-'),
        (false, Some(Sign::Plus)) => Some('+'),
        (false, Some(Sign::Space)) => Some(' '),
        (false, _) => None,
    };
    let fixed_len = usize::from(sign.is_some())
        + parts.prefix.len()
        + usize::from(parts.point)
        + parts.rest.chars().count();
    let width = spec.width.unwrap_or(0);
    let mut grouped = group_digits(parts.digits, 0, grouping);
    check_width(width, fixed_len + grouped.len())?;
    // Only an explicit or implied `0=` pads with zeros that take part in grouping ("0,001,234").
    if fill == '0' && align == Align::AfterSign {
        let min_width = width.saturating_sub(fixed_len);
        if min_width > grouped.len() {
            grouped = group_digits(parts.digits, min_width, grouping);
        }
    }
    let padding = width.saturating_sub(fixed_len + grouped.len());
    let (left, inside, right) = match align {
        Align::Left => (0, 0, padding),
        Align::Right => (padding, 0, 0),
        Align::Center => (padding / 2, 0, padding - padding / 2),
        Align::AfterSign => (0, padding, 0),
    };
    let mut out = String::with_capacity(fixed_len + grouped.len() + padding * fill.len_utf8());
    out.extend(repeat_n(fill, left));
    out.extend(sign);
    out.push_str(parts.prefix);
    out.extend(repeat_n(fill, inside));
    out.push_str(&grouped);
    if parts.point {
        out.push('.');
    }
    out.push_str(parts.rest);
    out.extend(repeat_n(fill, right));
    Ok(out)
}

/// CPython's `_PyUnicode_InsertThousandsGrouping`: inserts separators, and left-pads with zeros
/// (grouped as well) until the result is at least `min_width` long. No digits give no output.
fn group_digits(digits: &str, min_width: usize, grouping: Option<(char, usize)>) -> String {
    if digits.is_empty() {
        return String::new();
    }
    let digits = digits.as_bytes();
    // Signed arithmetic on purpose: the port keeps CPython's exact loop, whose counters go
    // below zero on the last group.
    let mut remaining = digits.len() as i64;
    let mut min_width = min_width as i64;
    let mut end = digits.len();
    let mut reversed: Vec<char> = Vec::with_capacity(digits.len() * 2);
    let mut separator = None;
    if let Some((sep, size)) = grouping {
        let size = size as i64;
        loop {
            let len = size.min(remaining.max(min_width).max(1));
            remaining -= push_group(&mut reversed, digits, &mut end, len, remaining, separator);
            separator = Some(sep);
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                return reversed.iter().rev().collect();
            }
            min_width -= 1;
        }
    }
    let len = remaining.max(min_width).max(1);
    push_group(&mut reversed, digits, &mut end, len, remaining, separator);
    reversed.iter().rev().collect()
}

/// Appends one group to a right-to-left buffer: the separator that follows it, its last
/// `remaining` unused digits (at most `len`), then zeros up to `len`. Returns the digits used.
fn push_group(
    reversed: &mut Vec<char>,
    digits: &[u8],
    end: &mut usize,
    len: i64,
    remaining: i64,
    separator: Option<char>,
) -> i64 {
    reversed.extend(separator);
    let used = remaining.min(len).max(0);
    let start = end.saturating_sub(used as usize);
    reversed.extend(digits[start..*end].iter().rev().map(|&d| char::from(d)));
    *end = start;
    reversed.extend(repeat_n('0', (len - remaining).max(0) as usize));
    used
}

// ---------------------------------------------------------------------------------------------
// format(int)
// ---------------------------------------------------------------------------------------------

/// format(n, spec) for an int: types `b c d o x X n` (no type means `d`), and `e E f F g G %`,
/// which convert to float first. An int too large for a float gives
/// `FormatError::Overflow("int too large to convert to float")`, as CPython raises.
pub fn format_int(n: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('d');
    check_grouping(spec.grouping, ty)?;
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => format_int_digits(n, spec, ty),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => {
            let x = int_to_f64(n).ok_or_else(|| {
                FormatError::Overflow("int too large to convert to float".to_string())
            })?;
            format_float_checked(x, spec)
        }
        _ => Err(unknown_code(ty)),
    }
}

fn format_int_digits(n: &BigInt, spec: &FormatSpec, ty: char) -> Result<String, FormatError> {
    if spec.precision.is_some() {
        return Err(value_error(
            "Precision not allowed in integer format specifier",
        ));
    }
    if spec.no_neg_zero {
        return Err(value_error(
            "Negative zero coercion (z) not allowed in integer format specifier",
        ));
    }
    if ty == 'c' {
        return format_int_char(n, spec);
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    if base == 10 && n.bits() > 14_300 {
        // More than 4300 digits for sure; don't spend time converting.
        return Err(too_many_digits());
    }
    let mut digits = n.magnitude().to_str_radix(base);
    if base == 10 && digits.len() > MAX_STR_DIGITS {
        return Err(too_many_digits());
    }
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    let parts = NumberParts {
        negative: n.sign() == BigSign::Minus,
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        point: false,
        rest: "",
    };
    render_number(&parts, spec, grouping_for(spec, ty))
}

fn too_many_digits() -> FormatError {
    FormatError::Value(int_str_limit_message())
}

/// CPython's `ValueError` message for converting an int of more than
/// [`MAX_STR_DIGITS`] decimal digits to text.
pub fn int_str_limit_message() -> String {
    format!(
        "Exceeds the limit ({MAX_STR_DIGITS} digits) for integer string conversion; \
         use sys.set_int_max_str_digits() to increase the limit"
    )
}

fn format_int_char(n: &BigInt, spec: &FormatSpec) -> Result<String, FormatError> {
    if spec.sign.is_some() {
        return Err(value_error(
            "Sign not allowed with integer format specifier 'c'",
        ));
    }
    if spec.alternate {
        return Err(value_error(
            "Alternate form (#) not allowed with integer format specifier 'c'",
        ));
    }
    // CPython first converts to a C long, then range-checks.
    let code = n.to_i64().ok_or_else(|| {
        FormatError::Overflow("Python int too large to convert to C long".to_string())
    })?;
    let code = u32::try_from(code)
        .ok()
        .filter(|&c| c <= 0x10ffff)
        .ok_or_else(|| FormatError::Overflow("%c arg not in range(0x110000)".to_string()))?;
    let c = char::from_u32(code).ok_or_else(|| {
        FormatError::Value(format!(
            "%c arg {code:#x} is a lone surrogate, which this interpreter's str cannot hold"
        ))
    })?;
    let text = c.to_string();
    let parts = NumberParts {
        negative: false,
        prefix: "",
        digits: "",
        point: false,
        rest: &text,
    };
    render_number(&parts, spec, None)
}

// ---------------------------------------------------------------------------------------------
// format(float)
// ---------------------------------------------------------------------------------------------

/// format(x, spec) for a float: types `e E f F g G n %`, and no type (like `g`, but keeping a
/// digit after the point in fixed notation, and exactly [`float_repr`] without a precision).
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    match spec.ty {
        // A NUL type character is what CPython stores for "no type", so it means no type.
        None | Some('\0' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%') => {
            format_float_checked(x, spec)
        }
        Some(ty) => Err(unknown_code(ty)),
    }
}

/// CPython's `format_float_internal`, for a spec whose type is known to suit a float.
fn format_float_checked(x: f64, spec: &FormatSpec) -> Result<String, FormatError> {
    let ty = spec.ty.unwrap_or('\0');
    check_grouping(spec.grouping, ty)?;
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err(value_error("precision too big"));
    }
    let (code, default_precision) = match ty {
        '\0' => ('r', 0),
        'n' => ('g', 6),
        '%' => ('f', 6),
        other => (other.to_ascii_lowercase(), 6),
    };
    let (code, precision) = match spec.precision {
        None => (code, default_precision),
        Some(p) if code == 'r' => ('g', p),
        Some(p) => (code, p),
    };
    // Only these keep every requested digit; other precisions are effectively capped by the
    // ~770 significant digits a double can have.
    let pads_to_precision = code == 'e' || code == 'f' || (code == 'g' && spec.alternate);
    if pads_to_precision && precision > MAX_RENDERED_LEN {
        return Err(value_error("precision too big"));
    }
    let style = FloatStyle {
        code,
        precision: precision as i64,
        upper: ty.is_ascii_uppercase(),
        alternate: spec.alternate,
        add_dot_0: ty == '\0',
        no_neg_zero: spec.no_neg_zero,
    };
    let value = if ty == '%' { x * 100.0 } else { x };
    let mut text = float_to_string(value, &style);
    if ty == '%' {
        text.push('%');
    }
    let (negative, body) = match text.strip_prefix('-') {
        Some(body) => (true, body),
        None => (false, text.as_str()),
    };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, tail) = body.split_at(int_len);
    let (point, rest) = match tail.strip_prefix('.') {
        Some(rest) => (true, rest),
        None => (false, tail),
    };
    let parts = NumberParts {
        negative,
        prefix: "",
        digits,
        point,
        rest,
    };
    render_number(&parts, spec, grouping_for(spec, ty))
}

/// Arguments of CPython's `PyOS_double_to_string`.
struct FloatStyle {
    /// `'e'`, `'f'`, `'g'`, or `'r'` for repr's shortest digits.
    code: char,
    precision: i64,
    upper: bool,
    alternate: bool,
    /// Keep at least one digit after the point in fixed notation (repr, and formatting
    /// without a type), which also moves `g`'s switch to exponent notation one digit earlier.
    add_dot_0: bool,
    no_neg_zero: bool,
}

/// CPython's `format_float_short`: digits from `dtoa`, laid out per style.
fn float_to_string(x: f64, style: &FloatStyle) -> String {
    if x.is_nan() {
        return if style.upper { "NAN" } else { "nan" }.to_string();
    }
    if x.is_infinite() {
        let text = if style.upper { "INF" } else { "inf" };
        return if x < 0.0 {
            format!("-{text}")
        } else {
            text.to_string()
        };
    }
    let precision = match style.code {
        'e' => style.precision + 1,
        'g' => style.precision.max(1),
        _ => style.precision,
    };
    let (digits, mut decpt) = if x == 0.0 {
        ("0".to_string(), 1)
    } else {
        match style.code {
            'e' | 'g' => significant_digits(x, precision),
            'f' => fixed_digits(x, precision),
            _ => shortest_digits(x),
        }
    };
    let negative =
        x.is_sign_negative() && !(style.no_neg_zero && digits.trim_start_matches('0').is_empty());
    let digits_len = digits.len() as i64;

    let mut vdigits_end = digits_len;
    let use_exp = match style.code {
        'e' => {
            vdigits_end = precision;
            true
        }
        'f' => {
            vdigits_end = decpt + precision;
            false
        }
        'g' => {
            if style.alternate {
                vdigits_end = precision;
            }
            let limit = if style.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            decpt <= -4 || decpt > limit
        }
        _ => decpt <= -4 || decpt > 16,
    };
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    // The output is the slice [vdigits_start, vdigits_end) of the digits padded with zeros on
    // both sides, with the point after position decpt.
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    let min_end = if !use_exp && style.add_dot_0 {
        decpt + 1
    } else {
        decpt
    };
    let vdigits_end = vdigits_end.max(min_end);

    let zeros = |n: i64| repeat_n('0', n.max(0) as usize);
    let mut out = String::with_capacity((vdigits_end - vdigits_start) as usize + 8);
    if negative {
        out.push('-');
    }
    if decpt <= 0 {
        out.extend(zeros(decpt - vdigits_start));
        out.push('.');
        out.extend(zeros(-decpt));
        out.push_str(&digits);
    } else if decpt <= digits_len {
        let (int_part, frac_part) = digits.split_at(decpt as usize);
        out.push_str(int_part);
        out.push('.');
        out.push_str(frac_part);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        out.extend(zeros(decpt - digits_len));
        out.push('.');
        out.extend(zeros(vdigits_end - decpt));
    } else {
        out.extend(zeros(vdigits_end - digits_len));
    }
    if out.ends_with('.') && !style.alternate {
        out.pop();
    }
    if use_exp {
        out.push(if style.upper { 'E' } else { 'e' });
        let sign = if exp < 0 { '-' } else { '+' };
        let _ = write!(out, "{sign}{:02}", exp.unsigned_abs());
    }
    out
}

/// Shortest round-trip digits of finite nonzero `x` (dtoa mode 0): `(digits, decpt)` meaning
/// `0.digits * 10^decpt`. Among the shortest strings that read back as `x`, dtoa takes the one
/// closest to `x`, and on an exact tie the one ending in an even digit; Rust's shortest
/// formatting agrees except that it breaks ties upward (it prints 799554303818506.25 as
/// `...506.3`, CPython as `...506.2`), so ties are settled here.
fn shortest_digits(x: f64) -> (String, i64) {
    let text = format!("{:e}", x.abs());
    let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
    let digits: String = mantissa.chars().filter(char::is_ascii_digit).collect();
    let decpt = exponent.parse::<i64>().unwrap_or(0) + 1;
    // A tie needs x exactly halfway between two n-digit decimals. The grid those live on is
    // set by x's decimal exponent, which is decpt - 1 unless Rust's rounding crossed a power
    // of ten, so the three neighbouring grids are checked.
    let places = digits.len() as i64 - decpt;
    if (places - 1..=places + 1).any(|p| is_decimal_midpoint(x, p)) {
        let rounded = significant_digits(x, digits.len() as i64);
        if rounded.0 != digits && format!("0.{}e{}", rounded.0, rounded.1).parse() == Ok(x.abs()) {
            return rounded;
        }
    }
    (digits, decpt)
}

/// Whether `|x|` (finite, nonzero) lies exactly halfway between two multiples of `10^-places`,
/// i.e. `2 * |x| * 10^places` is an odd integer. With `|x| = m * 2^e` that product is
/// `m * 2^(e + 1 + places) * 5^places`, so its power of two must cancel exactly and, for
/// negative `places`, `5^-places` must divide `m`.
fn is_decimal_midpoint(x: f64, places: i64) -> bool {
    let (mantissa, exponent) = decompose(x);
    if i64::from(mantissa.trailing_zeros()) + exponent + 1 + places != 0 {
        return false;
    }
    places >= 0
        || u32::try_from(-places)
            .ok()
            .and_then(|k| 5u64.checked_pow(k))
            .is_some_and(|divisor| mantissa % divisor == 0)
}

/// `|x| == mantissa * 2^exponent` exactly, for finite `x`.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1 << 52), biased - 1075)
    }
}

fn pow10(n: i64) -> BigUint {
    BigUint::from(10u32).pow(n.unsigned_abs() as u32)
}

/// `|x| * 10^p` as an exact fraction `(numerator, denominator)`.
fn scaled(x: f64, p: i64) -> (BigUint, BigUint) {
    let (mantissa, exponent) = decompose(x);
    let mut num = BigUint::from(mantissa);
    let mut den = BigUint::one();
    if exponent >= 0 {
        num <<= exponent as u64;
    } else {
        den <<= exponent.unsigned_abs();
    }
    if p >= 0 {
        num *= pow10(p);
    } else {
        den *= pow10(p);
    }
    (num, den)
}

/// [`scaled`] in 128-bit integers, when both fit: the everyday magnitudes and precisions, which
/// then need no big-integer work.
fn scaled_small(x: f64, p: i64) -> Option<(u128, u128)> {
    let (mantissa, exponent) = decompose(x);
    let pow10 = |k: i64| u32::try_from(k).ok().and_then(|k| 10u128.checked_pow(k));
    let shift = |v: u128, by: i64| {
        u32::try_from(by)
            .ok()
            .filter(|&by| by < v.leading_zeros())
            .map(|by| v << by)
    };
    let (mut num, mut den) = (u128::from(mantissa), 1u128);
    if p >= 0 {
        num = num.checked_mul(pow10(p)?)?;
    } else {
        den = pow10(-p)?;
    }
    if exponent >= 0 {
        num = shift(num, exponent)?;
    } else {
        den = shift(den, -exponent)?;
    }
    Some((num, den))
}

/// Digits of finite nonzero `x` rounded half-even to `p` places after the point (dtoa mode 3;
/// negative `p` rounds to tens, hundreds, ...): `(digits without trailing zeros, decpt)`.
/// Rounding to zero gives no digits and `decpt == -p`, as dtoa does.
fn fixed_digits(x: f64, p: i64) -> (String, i64) {
    // x has at most -exponent fractional binary digits, hence as many decimal ones: beyond
    // that no rounding happens, and the digits are the same with a smaller, cheaper p.
    let (_, exponent) = decompose(x);
    let p = p.min((-exponent).max(0));
    let rounded = match scaled_small(x, p) {
        Some((num, den)) => {
            let (q, r) = (num / den, num % den);
            // r against den - r is 2r against den without overflow.
            match r.cmp(&(den - r)) {
                Ordering::Greater => q + 1,
                Ordering::Equal if q % 2 == 1 => q + 1,
                _ => q,
            }
            .to_string()
        }
        None => {
            let (num, den) = scaled(x, p);
            let (mut q, r) = num.div_rem(&den);
            match (r << 1u32).cmp(&den) {
                Ordering::Greater => q += 1u32,
                Ordering::Equal if q.is_odd() => q += 1u32,
                _ => {}
            }
            q.to_string()
        }
    };
    if rounded == "0" {
        return (String::new(), -p);
    }
    let decpt = rounded.len() as i64 - p;
    (rounded.trim_end_matches('0').to_string(), decpt)
}

/// Digits of finite nonzero `x` rounded half-even to `n >= 1` significant digits (dtoa mode 2).
fn significant_digits(x: f64, n: i64) -> (String, i64) {
    fixed_digits(x, n - 1 - decimal_exponent(x))
}

/// `floor(log10(|x|))` for finite nonzero `x`, exactly.
fn decimal_exponent(x: f64) -> i64 {
    let guess = x.abs().log10().floor() as i64;
    // log10 may be off by one next to powers of ten; settle it exactly.
    if compare_pow10(x, guess) == Ordering::Less {
        guess - 1
    } else if compare_pow10(x, guess + 1) != Ordering::Less {
        guess + 1
    } else {
        guess
    }
}

/// `|x|` compared with `10^k`.
fn compare_pow10(x: f64, k: i64) -> Ordering {
    match scaled_small(x, -k) {
        Some((num, den)) => num.cmp(&den),
        None => {
            let (num, den) = scaled(x, -k);
            num.cmp(&den)
        }
    }
}

// ---------------------------------------------------------------------------------------------
// round()
// ---------------------------------------------------------------------------------------------

/// round(x, ndigits) for a float, as CPython computes it: the exact value rounded half-even to
/// `ndigits` decimal places, read back as the nearest float. inf and nan come back unchanged.
/// A finite `x` whose rounded value is too large (`round(1.7e308, -308)`) comes back as an
/// infinity: the caller raises OverflowError("rounded value too large to represent") then.
pub fn round_float(x: f64, ndigits: i64) -> f64 {
    // Past these bounds every float rounds to itself or to zero (CPython's NDIGITS_MAX/MIN).
    if !x.is_finite() || ndigits > 323 {
        return x;
    }
    if ndigits < -308 {
        return 0.0 * x;
    }
    let (digits, decpt) = if x == 0.0 {
        (String::new(), 0)
    } else {
        fixed_digits(x, ndigits)
    };
    let sign = if x.is_sign_negative() { "-" } else { "" };
    let text = format!("{sign}0{digits}e{}", decpt - digits.len() as i64);
    // The text is a well-formed decimal literal, so parsing always succeeds.
    text.parse().unwrap_or(x)
}

/// round(x) with no ndigits: half-even to an integer value, as a float (the caller converts it
/// to an int, raising for inf and nan).
pub fn round_half_even(x: f64) -> f64 {
    let rounded = x.round();
    if (x - rounded).abs() == 0.5 {
        2.0 * (x / 2.0).round()
    } else {
        rounded
    }
}

// ---------------------------------------------------------------------------------------------
// int() / float() parsing and float(int)
// ---------------------------------------------------------------------------------------------

/// CPython's `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace becomes a
/// space and non-ASCII decimal digits their ASCII twin; any other non-ASCII character (and DEL)
/// makes the literal invalid.
fn ascii_number_text(s: &str) -> Option<Vec<u8>> {
    s.chars()
        .map(|c| {
            if (c as u32) < 127 {
                Some(c as u8)
            } else if is_py_space(c) {
                Some(b' ')
            } else {
                decimal_value(c).map(|d| b'0' + d as u8)
            }
        })
        .collect()
}

/// int(s) / int(s, base): surrounding whitespace, a sign, single underscores between digits,
/// Unicode decimal digits, and a `0x`/`0o`/`0b` prefix when base is 0 or matches. `base` must be
/// 0 or 2..=36 (anything else gives None; CPython raises a different ValueError for it, which is
/// the caller's to check). None means "invalid literal for int() with base N: ...".
/// How many digits `int(s, base)` would convert, when that is more than CPython's
/// `sys.get_int_max_str_digits()` (4300) and the base is not a power of two: CPython then
/// raises `ValueError` before looking at the rest of the string.
pub fn digits_over_limit(s: &str, base: u32) -> Option<usize> {
    let text = s.trim_start().trim_start_matches(['+', '-']);
    let lower = text.get(..2).map(str::to_ascii_lowercase);
    let base = match (base, lower.as_deref()) {
        (0, Some("0x" | "0o" | "0b")) => return None,
        (0, _) => 10,
        (b, _) => b,
    };
    if base.is_power_of_two() {
        return None;
    }
    let digits = text
        .chars()
        .take_while(|c| c.is_digit(base) || *c == '_')
        .filter(|c| *c != '_')
        .count();
    (digits > MAX_STR_DIGITS).then_some(digits)
}

pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    if base == 1 || base > 36 {
        return None;
    }
    let text = ascii_number_text(s)?;
    // CPython scans a NUL-terminated buffer; reading 0 past the end keeps the same logic.
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut i = 0;
    while is_ascii_space(at(i)) {
        i += 1;
    }
    let negative = at(i) == b'-';
    if matches!(at(i), b'+' | b'-') {
        i += 1;
    }
    let mut base = base;
    let mut must_be_zero = false;
    if base == 0 {
        base = match (at(i), at(i + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // "010" is an old-style octal literal, invalid now unless all zeros.
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    if at(i) == b'0'
        && matches!(
            (base, at(i + 1).to_ascii_lowercase()),
            (16, b'x') | (8, b'o') | (2, b'b')
        )
    {
        i += 2;
        if at(i) == b'_' {
            i += 1;
        }
    }
    if at(i) == b'_' {
        return None;
    }
    let mut digits = Vec::new();
    let mut previous = 0;
    loop {
        let c = at(i);
        if c == b'_' {
            if previous == b'_' {
                return None;
            }
        } else if char::from(c).to_digit(36).is_some_and(|d| d < base) {
            digits.push(c);
        } else {
            break;
        }
        previous = c;
        i += 1;
    }
    if previous == b'_' || digits.is_empty() {
        return None;
    }
    let magnitude = BigUint::parse_bytes(&digits, base)?;
    if must_be_zero && !magnitude.is_zero() {
        return None;
    }
    while is_ascii_space(at(i)) {
        i += 1;
    }
    if i != text.len() {
        return None;
    }
    let sign = if negative {
        BigSign::Minus
    } else {
        BigSign::Plus
    };
    Some(BigInt::from_biguint(sign, magnitude))
}

/// float(s): surrounding whitespace, a sign, single underscores between digits, Unicode decimal
/// digits, exponents, and `inf`/`infinity`/`nan` in any case. Out-of-range values become
/// infinities or zeros. None means "could not convert string to float: ...".
pub fn parse_float(s: &str) -> Option<f64> {
    let text = ascii_number_text(s)?;
    let start = text.iter().position(|&b| !is_ascii_space(b))?;
    let end = text.iter().rposition(|&b| !is_ascii_space(b))? + 1;
    let mut body = text[start..end].to_vec();
    if body.contains(&b'_') {
        let ok = body.iter().enumerate().all(|(i, &b)| {
            b != b'_'
                || (i > 0
                    && body[i - 1].is_ascii_digit()
                    && body.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if !ok {
            return None;
        }
        body.retain(|&b| b != b'_');
    }
    let (negative, unsigned) = match body.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, body.as_slice()),
    };
    let special =
        if unsigned.eq_ignore_ascii_case(b"inf") || unsigned.eq_ignore_ascii_case(b"infinity") {
            Some(f64::INFINITY)
        } else if unsigned.eq_ignore_ascii_case(b"nan") {
            Some(f64::NAN)
        } else {
            None
        };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    if !is_decimal_literal(unsigned) {
        return None;
    }
    // Rust's parser is correctly rounded and accepts this grammar (it was just checked).
    std::str::from_utf8(&body).ok()?.parse().ok()
}

/// `digits [. digits] [(e|E) [sign] digits]` with at least one mantissa digit.
fn is_decimal_literal(text: &[u8]) -> bool {
    let int_len = text.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut rest = &text[int_len..];
    let mut mantissa_digits = int_len;
    if let Some(after_point) = rest.strip_prefix(b".") {
        let frac_len = after_point
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        mantissa_digits += frac_len;
        rest = &after_point[frac_len..];
    }
    if mantissa_digits == 0 {
        return false;
    }
    match rest.split_first() {
        None => true,
        Some((b'e' | b'E', exponent)) => {
            let exponent = exponent
                .strip_prefix(b"+")
                .or_else(|| exponent.strip_prefix(b"-"))
                .unwrap_or(exponent);
            !exponent.is_empty() && exponent.iter().all(u8::is_ascii_digit)
        }
        Some(_) => false,
    }
}

/// float(n) for an int, rounded half-even like CPython. None if it does not fit: the caller
/// raises OverflowError("int too large to convert to float"). (int -> str is
/// `BigInt::to_string`, or [`format_int`] with an empty spec to get CPython's digit limit.)
pub fn int_to_f64(n: &BigInt) -> Option<f64> {
    let magnitude = n.magnitude();
    let bits = magnitude.bits();
    if bits > 1024 {
        return None;
    }
    let value = if bits <= 53 {
        magnitude.to_u64()? as f64
    } else {
        // Keep 53 bits plus a rounding bit; anything nonzero below them breaks ties upward.
        let shift = bits - 54;
        let top = (magnitude >> shift).to_u64()?;
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let mut mantissa = top >> 1;
        if top & 1 == 1 && (sticky || mantissa & 1 == 1) {
            mantissa += 1;
        }
        // mantissa <= 2^53 and shift + 1 <= 971, so the power of two is a normal double and
        // the product is exact unless it overflows to infinity.
        let scale = f64::from_bits((1023 + shift + 1) << 52);
        mantissa as f64 * scale
    };
    if value.is_infinite() {
        return None;
    }
    Some(if n.sign() == BigSign::Minus {
        -value
    } else {
        value
    })
}

// ---------------------------------------------------------------------------------------------
// Unicode tables, generated from CPython 3.11's unicodedata (Unicode 14.0)
// ---------------------------------------------------------------------------------------------

/// Starts of the alternating printable / non-printable runs of code points, beginning with the
/// printable run at U+0020 (`str.isprintable`).
const PRINTABLE_RUNS: [u32; 1400] = [
    0x20, 0x7F, 0xA1, 0xAD, 0xAE, 0x378, 0x37A, 0x380, 0x384, 0x38B, 0x38C, 0x38D, 0x38E, 0x3A2,
    0x3A3, 0x530, 0x531, 0x557, 0x559, 0x58B, 0x58D, 0x590, 0x591, 0x5C8, 0x5D0, 0x5EB, 0x5EF,
    0x5F5, 0x606, 0x61C, 0x61D, 0x6DD, 0x6DE, 0x70E, 0x710, 0x74B, 0x74D, 0x7B2, 0x7C0, 0x7FB,
    0x7FD, 0x82E, 0x830, 0x83F, 0x840, 0x85C, 0x85E, 0x85F, 0x860, 0x86B, 0x870, 0x88F, 0x898,
    0x8E2, 0x8E3, 0x984, 0x985, 0x98D, 0x98F, 0x991, 0x993, 0x9A9, 0x9AA, 0x9B1, 0x9B2, 0x9B3,
    0x9B6, 0x9BA, 0x9BC, 0x9C5, 0x9C7, 0x9C9, 0x9CB, 0x9CF, 0x9D7, 0x9D8, 0x9DC, 0x9DE, 0x9DF,
    0x9E4, 0x9E6, 0x9FF, 0xA01, 0xA04, 0xA05, 0xA0B, 0xA0F, 0xA11, 0xA13, 0xA29, 0xA2A, 0xA31,
    0xA32, 0xA34, 0xA35, 0xA37, 0xA38, 0xA3A, 0xA3C, 0xA3D, 0xA3E, 0xA43, 0xA47, 0xA49, 0xA4B,
    0xA4E, 0xA51, 0xA52, 0xA59, 0xA5D, 0xA5E, 0xA5F, 0xA66, 0xA77, 0xA81, 0xA84, 0xA85, 0xA8E,
    0xA8F, 0xA92, 0xA93, 0xAA9, 0xAAA, 0xAB1, 0xAB2, 0xAB4, 0xAB5, 0xABA, 0xABC, 0xAC6, 0xAC7,
    0xACA, 0xACB, 0xACE, 0xAD0, 0xAD1, 0xAE0, 0xAE4, 0xAE6, 0xAF2, 0xAF9, 0xB00, 0xB01, 0xB04,
    0xB05, 0xB0D, 0xB0F, 0xB11, 0xB13, 0xB29, 0xB2A, 0xB31, 0xB32, 0xB34, 0xB35, 0xB3A, 0xB3C,
    0xB45, 0xB47, 0xB49, 0xB4B, 0xB4E, 0xB55, 0xB58, 0xB5C, 0xB5E, 0xB5F, 0xB64, 0xB66, 0xB78,
    0xB82, 0xB84, 0xB85, 0xB8B, 0xB8E, 0xB91, 0xB92, 0xB96, 0xB99, 0xB9B, 0xB9C, 0xB9D, 0xB9E,
    0xBA0, 0xBA3, 0xBA5, 0xBA8, 0xBAB, 0xBAE, 0xBBA, 0xBBE, 0xBC3, 0xBC6, 0xBC9, 0xBCA, 0xBCE,
    0xBD0, 0xBD1, 0xBD7, 0xBD8, 0xBE6, 0xBFB, 0xC00, 0xC0D, 0xC0E, 0xC11, 0xC12, 0xC29, 0xC2A,
    0xC3A, 0xC3C, 0xC45, 0xC46, 0xC49, 0xC4A, 0xC4E, 0xC55, 0xC57, 0xC58, 0xC5B, 0xC5D, 0xC5E,
    0xC60, 0xC64, 0xC66, 0xC70, 0xC77, 0xC8D, 0xC8E, 0xC91, 0xC92, 0xCA9, 0xCAA, 0xCB4, 0xCB5,
    0xCBA, 0xCBC, 0xCC5, 0xCC6, 0xCC9, 0xCCA, 0xCCE, 0xCD5, 0xCD7, 0xCDD, 0xCDF, 0xCE0, 0xCE4,
    0xCE6, 0xCF0, 0xCF1, 0xCF3, 0xD00, 0xD0D, 0xD0E, 0xD11, 0xD12, 0xD45, 0xD46, 0xD49, 0xD4A,
    0xD50, 0xD54, 0xD64, 0xD66, 0xD80, 0xD81, 0xD84, 0xD85, 0xD97, 0xD9A, 0xDB2, 0xDB3, 0xDBC,
    0xDBD, 0xDBE, 0xDC0, 0xDC7, 0xDCA, 0xDCB, 0xDCF, 0xDD5, 0xDD6, 0xDD7, 0xDD8, 0xDE0, 0xDE6,
    0xDF0, 0xDF2, 0xDF5, 0xE01, 0xE3B, 0xE3F, 0xE5C, 0xE81, 0xE83, 0xE84, 0xE85, 0xE86, 0xE8B,
    0xE8C, 0xEA4, 0xEA5, 0xEA6, 0xEA7, 0xEBE, 0xEC0, 0xEC5, 0xEC6, 0xEC7, 0xEC8, 0xECE, 0xED0,
    0xEDA, 0xEDC, 0xEE0, 0xF00, 0xF48, 0xF49, 0xF6D, 0xF71, 0xF98, 0xF99, 0xFBD, 0xFBE, 0xFCD,
    0xFCE, 0xFDB, 0x1000, 0x10C6, 0x10C7, 0x10C8, 0x10CD, 0x10CE, 0x10D0, 0x1249, 0x124A, 0x124E,
    0x1250, 0x1257, 0x1258, 0x1259, 0x125A, 0x125E, 0x1260, 0x1289, 0x128A, 0x128E, 0x1290, 0x12B1,
    0x12B2, 0x12B6, 0x12B8, 0x12BF, 0x12C0, 0x12C1, 0x12C2, 0x12C6, 0x12C8, 0x12D7, 0x12D8, 0x1311,
    0x1312, 0x1316, 0x1318, 0x135B, 0x135D, 0x137D, 0x1380, 0x139A, 0x13A0, 0x13F6, 0x13F8, 0x13FE,
    0x1400, 0x1680, 0x1681, 0x169D, 0x16A0, 0x16F9, 0x1700, 0x1716, 0x171F, 0x1737, 0x1740, 0x1754,
    0x1760, 0x176D, 0x176E, 0x1771, 0x1772, 0x1774, 0x1780, 0x17DE, 0x17E0, 0x17EA, 0x17F0, 0x17FA,
    0x1800, 0x180E, 0x180F, 0x181A, 0x1820, 0x1879, 0x1880, 0x18AB, 0x18B0, 0x18F6, 0x1900, 0x191F,
    0x1920, 0x192C, 0x1930, 0x193C, 0x1940, 0x1941, 0x1944, 0x196E, 0x1970, 0x1975, 0x1980, 0x19AC,
    0x19B0, 0x19CA, 0x19D0, 0x19DB, 0x19DE, 0x1A1C, 0x1A1E, 0x1A5F, 0x1A60, 0x1A7D, 0x1A7F, 0x1A8A,
    0x1A90, 0x1A9A, 0x1AA0, 0x1AAE, 0x1AB0, 0x1ACF, 0x1B00, 0x1B4D, 0x1B50, 0x1B7F, 0x1B80, 0x1BF4,
    0x1BFC, 0x1C38, 0x1C3B, 0x1C4A, 0x1C4D, 0x1C89, 0x1C90, 0x1CBB, 0x1CBD, 0x1CC8, 0x1CD0, 0x1CFB,
    0x1D00, 0x1F16, 0x1F18, 0x1F1E, 0x1F20, 0x1F46, 0x1F48, 0x1F4E, 0x1F50, 0x1F58, 0x1F59, 0x1F5A,
    0x1F5B, 0x1F5C, 0x1F5D, 0x1F5E, 0x1F5F, 0x1F7E, 0x1F80, 0x1FB5, 0x1FB6, 0x1FC5, 0x1FC6, 0x1FD4,
    0x1FD6, 0x1FDC, 0x1FDD, 0x1FF0, 0x1FF2, 0x1FF5, 0x1FF6, 0x1FFF, 0x2010, 0x2028, 0x2030, 0x205F,
    0x2070, 0x2072, 0x2074, 0x208F, 0x2090, 0x209D, 0x20A0, 0x20C1, 0x20D0, 0x20F1, 0x2100, 0x218C,
    0x2190, 0x2427, 0x2440, 0x244B, 0x2460, 0x2B74, 0x2B76, 0x2B96, 0x2B97, 0x2CF4, 0x2CF9, 0x2D26,
    0x2D27, 0x2D28, 0x2D2D, 0x2D2E, 0x2D30, 0x2D68, 0x2D6F, 0x2D71, 0x2D7F, 0x2D97, 0x2DA0, 0x2DA7,
    0x2DA8, 0x2DAF, 0x2DB0, 0x2DB7, 0x2DB8, 0x2DBF, 0x2DC0, 0x2DC7, 0x2DC8, 0x2DCF, 0x2DD0, 0x2DD7,
    0x2DD8, 0x2DDF, 0x2DE0, 0x2E5E, 0x2E80, 0x2E9A, 0x2E9B, 0x2EF4, 0x2F00, 0x2FD6, 0x2FF0, 0x2FFC,
    0x3001, 0x3040, 0x3041, 0x3097, 0x3099, 0x3100, 0x3105, 0x3130, 0x3131, 0x318F, 0x3190, 0x31E4,
    0x31F0, 0x321F, 0x3220, 0xA48D, 0xA490, 0xA4C7, 0xA4D0, 0xA62C, 0xA640, 0xA6F8, 0xA700, 0xA7CB,
    0xA7D0, 0xA7D2, 0xA7D3, 0xA7D4, 0xA7D5, 0xA7DA, 0xA7F2, 0xA82D, 0xA830, 0xA83A, 0xA840, 0xA878,
    0xA880, 0xA8C6, 0xA8CE, 0xA8DA, 0xA8E0, 0xA954, 0xA95F, 0xA97D, 0xA980, 0xA9CE, 0xA9CF, 0xA9DA,
    0xA9DE, 0xA9FF, 0xAA00, 0xAA37, 0xAA40, 0xAA4E, 0xAA50, 0xAA5A, 0xAA5C, 0xAAC3, 0xAADB, 0xAAF7,
    0xAB01, 0xAB07, 0xAB09, 0xAB0F, 0xAB11, 0xAB17, 0xAB20, 0xAB27, 0xAB28, 0xAB2F, 0xAB30, 0xAB6C,
    0xAB70, 0xABEE, 0xABF0, 0xABFA, 0xAC00, 0xD7A4, 0xD7B0, 0xD7C7, 0xD7CB, 0xD7FC, 0xF900, 0xFA6E,
    0xFA70, 0xFADA, 0xFB00, 0xFB07, 0xFB13, 0xFB18, 0xFB1D, 0xFB37, 0xFB38, 0xFB3D, 0xFB3E, 0xFB3F,
    0xFB40, 0xFB42, 0xFB43, 0xFB45, 0xFB46, 0xFBC3, 0xFBD3, 0xFD90, 0xFD92, 0xFDC8, 0xFDCF, 0xFDD0,
    0xFDF0, 0xFE1A, 0xFE20, 0xFE53, 0xFE54, 0xFE67, 0xFE68, 0xFE6C, 0xFE70, 0xFE75, 0xFE76, 0xFEFD,
    0xFF01, 0xFFBF, 0xFFC2, 0xFFC8, 0xFFCA, 0xFFD0, 0xFFD2, 0xFFD8, 0xFFDA, 0xFFDD, 0xFFE0, 0xFFE7,
    0xFFE8, 0xFFEF, 0xFFFC, 0xFFFE, 0x10000, 0x1000C, 0x1000D, 0x10027, 0x10028, 0x1003B, 0x1003C,
    0x1003E, 0x1003F, 0x1004E, 0x10050, 0x1005E, 0x10080, 0x100FB, 0x10100, 0x10103, 0x10107,
    0x10134, 0x10137, 0x1018F, 0x10190, 0x1019D, 0x101A0, 0x101A1, 0x101D0, 0x101FE, 0x10280,
    0x1029D, 0x102A0, 0x102D1, 0x102E0, 0x102FC, 0x10300, 0x10324, 0x1032D, 0x1034B, 0x10350,
    0x1037B, 0x10380, 0x1039E, 0x1039F, 0x103C4, 0x103C8, 0x103D6, 0x10400, 0x1049E, 0x104A0,
    0x104AA, 0x104B0, 0x104D4, 0x104D8, 0x104FC, 0x10500, 0x10528, 0x10530, 0x10564, 0x1056F,
    0x1057B, 0x1057C, 0x1058B, 0x1058C, 0x10593, 0x10594, 0x10596, 0x10597, 0x105A2, 0x105A3,
    0x105B2, 0x105B3, 0x105BA, 0x105BB, 0x105BD, 0x10600, 0x10737, 0x10740, 0x10756, 0x10760,
    0x10768, 0x10780, 0x10786, 0x10787, 0x107B1, 0x107B2, 0x107BB, 0x10800, 0x10806, 0x10808,
    0x10809, 0x1080A, 0x10836, 0x10837, 0x10839, 0x1083C, 0x1083D, 0x1083F, 0x10856, 0x10857,
    0x1089F, 0x108A7, 0x108B0, 0x108E0, 0x108F3, 0x108F4, 0x108F6, 0x108FB, 0x1091C, 0x1091F,
    0x1093A, 0x1093F, 0x10940, 0x10980, 0x109B8, 0x109BC, 0x109D0, 0x109D2, 0x10A04, 0x10A05,
    0x10A07, 0x10A0C, 0x10A14, 0x10A15, 0x10A18, 0x10A19, 0x10A36, 0x10A38, 0x10A3B, 0x10A3F,
    0x10A49, 0x10A50, 0x10A59, 0x10A60, 0x10AA0, 0x10AC0, 0x10AE7, 0x10AEB, 0x10AF7, 0x10B00,
    0x10B36, 0x10B39, 0x10B56, 0x10B58, 0x10B73, 0x10B78, 0x10B92, 0x10B99, 0x10B9D, 0x10BA9,
    0x10BB0, 0x10C00, 0x10C49, 0x10C80, 0x10CB3, 0x10CC0, 0x10CF3, 0x10CFA, 0x10D28, 0x10D30,
    0x10D3A, 0x10E60, 0x10E7F, 0x10E80, 0x10EAA, 0x10EAB, 0x10EAE, 0x10EB0, 0x10EB2, 0x10F00,
    0x10F28, 0x10F30, 0x10F5A, 0x10F70, 0x10F8A, 0x10FB0, 0x10FCC, 0x10FE0, 0x10FF7, 0x11000,
    0x1104E, 0x11052, 0x11076, 0x1107F, 0x110BD, 0x110BE, 0x110C3, 0x110D0, 0x110E9, 0x110F0,
    0x110FA, 0x11100, 0x11135, 0x11136, 0x11148, 0x11150, 0x11177, 0x11180, 0x111E0, 0x111E1,
    0x111F5, 0x11200, 0x11212, 0x11213, 0x1123F, 0x11280, 0x11287, 0x11288, 0x11289, 0x1128A,
    0x1128E, 0x1128F, 0x1129E, 0x1129F, 0x112AA, 0x112B0, 0x112EB, 0x112F0, 0x112FA, 0x11300,
    0x11304, 0x11305, 0x1130D, 0x1130F, 0x11311, 0x11313, 0x11329, 0x1132A, 0x11331, 0x11332,
    0x11334, 0x11335, 0x1133A, 0x1133B, 0x11345, 0x11347, 0x11349, 0x1134B, 0x1134E, 0x11350,
    0x11351, 0x11357, 0x11358, 0x1135D, 0x11364, 0x11366, 0x1136D, 0x11370, 0x11375, 0x11400,
    0x1145C, 0x1145D, 0x11462, 0x11480, 0x114C8, 0x114D0, 0x114DA, 0x11580, 0x115B6, 0x115B8,
    0x115DE, 0x11600, 0x11645, 0x11650, 0x1165A, 0x11660, 0x1166D, 0x11680, 0x116BA, 0x116C0,
    0x116CA, 0x11700, 0x1171B, 0x1171D, 0x1172C, 0x11730, 0x11747, 0x11800, 0x1183C, 0x118A0,
    0x118F3, 0x118FF, 0x11907, 0x11909, 0x1190A, 0x1190C, 0x11914, 0x11915, 0x11917, 0x11918,
    0x11936, 0x11937, 0x11939, 0x1193B, 0x11947, 0x11950, 0x1195A, 0x119A0, 0x119A8, 0x119AA,
    0x119D8, 0x119DA, 0x119E5, 0x11A00, 0x11A48, 0x11A50, 0x11AA3, 0x11AB0, 0x11AF9, 0x11C00,
    0x11C09, 0x11C0A, 0x11C37, 0x11C38, 0x11C46, 0x11C50, 0x11C6D, 0x11C70, 0x11C90, 0x11C92,
    0x11CA8, 0x11CA9, 0x11CB7, 0x11D00, 0x11D07, 0x11D08, 0x11D0A, 0x11D0B, 0x11D37, 0x11D3A,
    0x11D3B, 0x11D3C, 0x11D3E, 0x11D3F, 0x11D48, 0x11D50, 0x11D5A, 0x11D60, 0x11D66, 0x11D67,
    0x11D69, 0x11D6A, 0x11D8F, 0x11D90, 0x11D92, 0x11D93, 0x11D99, 0x11DA0, 0x11DAA, 0x11EE0,
    0x11EF9, 0x11FB0, 0x11FB1, 0x11FC0, 0x11FF2, 0x11FFF, 0x1239A, 0x12400, 0x1246F, 0x12470,
    0x12475, 0x12480, 0x12544, 0x12F90, 0x12FF3, 0x13000, 0x1342F, 0x14400, 0x14647, 0x16800,
    0x16A39, 0x16A40, 0x16A5F, 0x16A60, 0x16A6A, 0x16A6E, 0x16ABF, 0x16AC0, 0x16ACA, 0x16AD0,
    0x16AEE, 0x16AF0, 0x16AF6, 0x16B00, 0x16B46, 0x16B50, 0x16B5A, 0x16B5B, 0x16B62, 0x16B63,
    0x16B78, 0x16B7D, 0x16B90, 0x16E40, 0x16E9B, 0x16F00, 0x16F4B, 0x16F4F, 0x16F88, 0x16F8F,
    0x16FA0, 0x16FE0, 0x16FE5, 0x16FF0, 0x16FF2, 0x17000, 0x187F8, 0x18800, 0x18CD6, 0x18D00,
    0x18D09, 0x1AFF0, 0x1AFF4, 0x1AFF5, 0x1AFFC, 0x1AFFD, 0x1AFFF, 0x1B000, 0x1B123, 0x1B150,
    0x1B153, 0x1B164, 0x1B168, 0x1B170, 0x1B2FC, 0x1BC00, 0x1BC6B, 0x1BC70, 0x1BC7D, 0x1BC80,
    0x1BC89, 0x1BC90, 0x1BC9A, 0x1BC9C, 0x1BCA0, 0x1CF00, 0x1CF2E, 0x1CF30, 0x1CF47, 0x1CF50,
    0x1CFC4, 0x1D000, 0x1D0F6, 0x1D100, 0x1D127, 0x1D129, 0x1D173, 0x1D17B, 0x1D1EB, 0x1D200,
    0x1D246, 0x1D2E0, 0x1D2F4, 0x1D300, 0x1D357, 0x1D360, 0x1D379, 0x1D400, 0x1D455, 0x1D456,
    0x1D49D, 0x1D49E, 0x1D4A0, 0x1D4A2, 0x1D4A3, 0x1D4A5, 0x1D4A7, 0x1D4A9, 0x1D4AD, 0x1D4AE,
    0x1D4BA, 0x1D4BB, 0x1D4BC, 0x1D4BD, 0x1D4C4, 0x1D4C5, 0x1D506, 0x1D507, 0x1D50B, 0x1D50D,
    0x1D515, 0x1D516, 0x1D51D, 0x1D51E, 0x1D53A, 0x1D53B, 0x1D53F, 0x1D540, 0x1D545, 0x1D546,
    0x1D547, 0x1D54A, 0x1D551, 0x1D552, 0x1D6A6, 0x1D6A8, 0x1D7CC, 0x1D7CE, 0x1DA8C, 0x1DA9B,
    0x1DAA0, 0x1DAA1, 0x1DAB0, 0x1DF00, 0x1DF1F, 0x1E000, 0x1E007, 0x1E008, 0x1E019, 0x1E01B,
    0x1E022, 0x1E023, 0x1E025, 0x1E026, 0x1E02B, 0x1E100, 0x1E12D, 0x1E130, 0x1E13E, 0x1E140,
    0x1E14A, 0x1E14E, 0x1E150, 0x1E290, 0x1E2AF, 0x1E2C0, 0x1E2FA, 0x1E2FF, 0x1E300, 0x1E7E0,
    0x1E7E7, 0x1E7E8, 0x1E7EC, 0x1E7ED, 0x1E7EF, 0x1E7F0, 0x1E7FF, 0x1E800, 0x1E8C5, 0x1E8C7,
    0x1E8D7, 0x1E900, 0x1E94C, 0x1E950, 0x1E95A, 0x1E95E, 0x1E960, 0x1EC71, 0x1ECB5, 0x1ED01,
    0x1ED3E, 0x1EE00, 0x1EE04, 0x1EE05, 0x1EE20, 0x1EE21, 0x1EE23, 0x1EE24, 0x1EE25, 0x1EE27,
    0x1EE28, 0x1EE29, 0x1EE33, 0x1EE34, 0x1EE38, 0x1EE39, 0x1EE3A, 0x1EE3B, 0x1EE3C, 0x1EE42,
    0x1EE43, 0x1EE47, 0x1EE48, 0x1EE49, 0x1EE4A, 0x1EE4B, 0x1EE4C, 0x1EE4D, 0x1EE50, 0x1EE51,
    0x1EE53, 0x1EE54, 0x1EE55, 0x1EE57, 0x1EE58, 0x1EE59, 0x1EE5A, 0x1EE5B, 0x1EE5C, 0x1EE5D,
    0x1EE5E, 0x1EE5F, 0x1EE60, 0x1EE61, 0x1EE63, 0x1EE64, 0x1EE65, 0x1EE67, 0x1EE6B, 0x1EE6C,
    0x1EE73, 0x1EE74, 0x1EE78, 0x1EE79, 0x1EE7D, 0x1EE7E, 0x1EE7F, 0x1EE80, 0x1EE8A, 0x1EE8B,
    0x1EE9C, 0x1EEA1, 0x1EEA4, 0x1EEA5, 0x1EEAA, 0x1EEAB, 0x1EEBC, 0x1EEF0, 0x1EEF2, 0x1F000,
    0x1F02C, 0x1F030, 0x1F094, 0x1F0A0, 0x1F0AF, 0x1F0B1, 0x1F0C0, 0x1F0C1, 0x1F0D0, 0x1F0D1,
    0x1F0F6, 0x1F100, 0x1F1AE, 0x1F1E6, 0x1F203, 0x1F210, 0x1F23C, 0x1F240, 0x1F249, 0x1F250,
    0x1F252, 0x1F260, 0x1F266, 0x1F300, 0x1F6D8, 0x1F6DD, 0x1F6ED, 0x1F6F0, 0x1F6FD, 0x1F700,
    0x1F774, 0x1F780, 0x1F7D9, 0x1F7E0, 0x1F7EC, 0x1F7F0, 0x1F7F1, 0x1F800, 0x1F80C, 0x1F810,
    0x1F848, 0x1F850, 0x1F85A, 0x1F860, 0x1F888, 0x1F890, 0x1F8AE, 0x1F8B0, 0x1F8B2, 0x1F900,
    0x1FA54, 0x1FA60, 0x1FA6E, 0x1FA70, 0x1FA75, 0x1FA78, 0x1FA7D, 0x1FA80, 0x1FA87, 0x1FA90,
    0x1FAAD, 0x1FAB0, 0x1FABB, 0x1FAC0, 0x1FAC6, 0x1FAD0, 0x1FADA, 0x1FAE0, 0x1FAE8, 0x1FAF0,
    0x1FAF7, 0x1FB00, 0x1FB93, 0x1FB94, 0x1FBCB, 0x1FBF0, 0x1FBFA, 0x20000, 0x2A6E0, 0x2A700,
    0x2B739, 0x2B740, 0x2B81E, 0x2B820, 0x2CEA2, 0x2CEB0, 0x2EBE1, 0x2F800, 0x2FA1E, 0x30000,
    0x3134B, 0xE0100, 0xE01F0,
];

/// The zero of every run of ten Unicode decimal digits (category Nd).
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6F0, 0x7C0, 0x966, 0x9E6, 0xA66, 0xAE6, 0xB66, 0xBE6, 0xC66, 0xCE6, 0xD66,
    0xDE6, 0xE50, 0xED0, 0xF20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90,
    0x1B50, 0x1BB0, 0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10,
    0x104A0, 0x10D30, 0x11066, 0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650,
    0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50, 0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50,
    0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0, 0x1E950, 0x1FBF0,
];

/// `float.hex()`: `0x1.8000000000000p-1`. Subnormals keep a leading `0x0.` and the
/// exponent of the smallest normal, as CPython prints them.
pub fn float_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    let sign = if x.is_sign_negative() { "-" } else { "" };
    if x == 0.0 {
        return format!("{sign}0x0.0p+0");
    }
    let bits = x.abs().to_bits();
    let biased = (bits >> 52) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // The 52 fraction bits are exactly 13 hex digits.
    let (lead, exponent) = if biased == 0 {
        (0, -1022)
    } else {
        (1, biased - 1023)
    };
    format!("{sign}0x{lead}.{fraction:013x}p{exponent:+}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What CPython produced: text, or the exception it raised with its message.
    #[derive(Debug)]
    enum Want {
        Text(&'static str),
        Value(&'static str),
        Overflow(&'static str),
    }
    use Want::{Overflow, Text, Value};

    fn float(repr: &str) -> f64 {
        repr.parse()
            .unwrap_or_else(|_| panic!("bad float literal {repr}"))
    }

    /// Evaluates the int notation of the tables: `[-]a` or `[-]a**b` terms joined by `+`/`-`,
    /// with Python's precedence (`-2**64` is `-(2**64)`); `a` may be `0x`-prefixed.
    fn int(expr: &str) -> BigInt {
        let mut total = BigInt::zero();
        let mut rest = expr;
        let mut negative = false;
        loop {
            if let Some(r) = rest.strip_prefix('-') {
                negative = true;
                rest = r;
            }
            let end = rest.find(['+', '-']).unwrap_or(rest.len());
            let (term, tail) = rest.split_at(end);
            let value = match term.split_once("**") {
                Some((a, b)) => num_traits::pow(int(a), b.parse().unwrap()),
                None => parse_int(term, 0).unwrap_or_else(|| panic!("bad int {term}")),
            };
            total += if negative { -value } else { value };
            match tail.split_at_checked(1) {
                Some(("+", r)) => {
                    negative = false;
                    rest = r;
                }
                Some(("-", r)) => {
                    negative = true;
                    rest = r;
                }
                _ => return total,
            }
        }
    }

    fn check(
        got: Result<String, FormatError>,
        want: &Want,
        type_name: &str,
        what: &str,
        failures: &mut Vec<String>,
    ) {
        let ok = match (&got, want) {
            (Ok(text), Text(w)) => text == w,
            (Err(FormatError::Overflow(m)), Overflow(w)) => m == w,
            (
                Err(
                    e @ (FormatError::Value(_)
                    | FormatError::InvalidSpecifier(_)
                    | FormatError::UnknownCode(_)),
                ),
                Value(w),
            ) => e.message(type_name) == *w,
            _ => false,
        };
        if !ok {
            failures.push(format!("{what}: got {got:?}, want {want:?}"));
        }
    }

    fn assert_no_failures(failures: Vec<String>) {
        assert!(
            failures.is_empty(),
            "{} failures:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn float_repr_matches_cpython() {
        for &text in FLOAT_REPR {
            assert_eq!(float_repr(float(text)), text);
        }
        assert_eq!(float_repr(-f64::NAN), "nan");
    }

    #[test]
    fn str_repr_matches_cpython() {
        for &(s, want) in STR_REPR {
            assert_eq!(str_repr(s), want, "repr({s:?})");
        }
    }

    #[test]
    fn format_float_matches_cpython() {
        let mut failures = Vec::new();
        for (x, spec, want) in FORMAT_FLOAT {
            let got = parse_format_spec(spec).and_then(|spec| format_float(float(x), &spec));
            check(
                got,
                want,
                "float",
                &format!("format({x}, {spec:?})"),
                &mut failures,
            );
        }
        assert_no_failures(failures);
    }

    #[test]
    fn format_int_matches_cpython() {
        let mut failures = Vec::new();
        for (n, spec, want) in FORMAT_INT {
            let got = parse_format_spec(spec).and_then(|spec| format_int(&int(n), &spec));
            check(
                got,
                want,
                "int",
                &format!("format({n}, {spec:?})"),
                &mut failures,
            );
        }
        assert_no_failures(failures);
    }

    #[test]
    fn format_str_matches_cpython() {
        let mut failures = Vec::new();
        for (s, spec, want) in FORMAT_STR {
            let got = parse_format_spec(spec).and_then(|spec| format_str(s, &spec));
            check(
                got,
                want,
                "str",
                &format!("format({s:?}, {spec:?})"),
                &mut failures,
            );
        }
        assert_no_failures(failures);
    }

    #[test]
    fn round_matches_cpython() {
        for &(x, ndigits, want) in ROUND {
            let got = round_float(float(x), ndigits);
            if want == "OverflowError" {
                assert!(got.is_infinite(), "round({x}, {ndigits}) = {got}");
            } else {
                assert_eq!(float_repr(got), want, "round({x}, {ndigits})");
            }
        }
        for &(x, want) in ROUND_HALF_EVEN {
            // CPython returns an int, which has no negative zero.
            let got = round_half_even(float(x)) + 0.0;
            assert_eq!(float_repr(got), want, "round({x})");
        }
    }

    #[test]
    fn round_clamps_extreme_ndigits() {
        assert_eq!(round_float(1.5, i64::MAX), 1.5);
        assert_eq!(float_repr(round_float(-1.5, i64::MIN)), "-0.0");
        assert_eq!(round_half_even(f64::INFINITY), f64::INFINITY);
        assert!(round_half_even(f64::NAN).is_nan());
    }

    #[test]
    fn parse_int_matches_cpython() {
        for &(text, base, want) in PARSE_INT {
            let got = parse_int(text, base).map(|n| n.to_string());
            assert_eq!(got.as_deref(), want, "int({text:?}, {base})");
        }
    }

    #[test]
    fn parse_float_matches_cpython() {
        for &(text, want) in PARSE_FLOAT {
            let got = parse_float(text).map(float_repr);
            assert_eq!(got.as_deref(), want, "float({text:?})");
        }
        let negative_nan = parse_float("-nan").unwrap_or(0.0);
        assert!(negative_nan.is_nan() && negative_nan.is_sign_negative());
    }

    #[test]
    fn int_to_f64_matches_cpython() {
        for &(n, want) in INT_TO_F64 {
            let got = int_to_f64(&int(n)).map(float_repr);
            assert_eq!(got.as_deref(), want, "float({n})");
        }
    }

    #[test]
    fn spec_fields() {
        let spec = parse_format_spec("*^+z#012_.3e").unwrap();
        let want = FormatSpec {
            fill: Some('*'),
            align: Some(Align::Center),
            sign: Some(Sign::Plus),
            no_neg_zero: true,
            alternate: true,
            zero_pad: false,
            width: Some(12),
            grouping: Some(Grouping::Underscore),
            precision: Some(3),
            ty: Some('e'),
        };
        assert_eq!(spec, want);
        assert_eq!(parse_format_spec(""), Ok(FormatSpec::default()));
        let zero = parse_format_spec("<05").unwrap();
        assert_eq!(
            (zero.fill, zero.align, zero.zero_pad, zero.width),
            (None, Some(Align::Left), true, Some(5))
        );
        // With an explicit fill, a leading zero is part of the width.
        let filled = parse_format_spec("x<05").unwrap();
        assert_eq!(
            (filled.fill, filled.zero_pad, filled.width),
            (Some('x'), false, Some(5))
        );
    }

    #[test]
    fn invalid_specifier_names_the_type() {
        let err = parse_format_spec("5.2fx").unwrap_err();
        assert_eq!(err, FormatError::InvalidSpecifier("5.2fx".to_string()));
        assert_eq!(
            err.message("bool"),
            "Invalid format specifier '5.2fx' for object of type 'bool'"
        );
    }

    /// Specs CPython would try to honour by allocating gigabytes are refused instead, and the
    /// largest accepted ones still work.
    #[test]
    fn huge_widths_and_precisions_are_bounded() {
        let spec = |s: &str| parse_format_spec(s).unwrap();
        let too_wide = spec("20000000");
        let width_err = Err(value_error("width too big"));
        assert_eq!(format_str("x", &too_wide), width_err);
        assert_eq!(format_int(&BigInt::from(7), &too_wide), width_err);
        assert_eq!(format_float(1.5, &too_wide), width_err);
        assert_eq!(format_int(&BigInt::from(7), &spec("020000000,")), width_err);
        let precision_err = Err(value_error("precision too big"));
        assert_eq!(format_float(1.5, &spec(".20000000f")), precision_err);
        assert_eq!(format_float(1.5, &spec("#.20000000g")), precision_err);
        assert_eq!(
            format_int(&BigInt::from(7), &spec(".20000000e")),
            precision_err
        );
        // Huge precisions that do not pad are fine, as in CPython.
        assert_eq!(
            format_float(1.5, &spec(".2000000000g")),
            Ok("1.5".to_string())
        );
        assert_eq!(
            format_float(0.1, &spec(".2000000000")),
            Ok("0.1000000000000000055511151231257827021181583404541015625".to_string())
        );
        assert_eq!(
            format_str("abc", &spec(".9000000000000000000")),
            Ok("abc".to_string())
        );
        // A width the text already exceeds needs no padding, so it is not refused.
        let long = "y".repeat(20);
        let wide_spec = FormatSpec {
            width: Some(15),
            ..FormatSpec::default()
        };
        assert_eq!(format_str(&long, &wide_spec), Ok(long.clone()));
        let at_limit = format_float(1.5, &spec(".10000000f")).unwrap();
        assert_eq!(at_limit.len(), 10_000_002);
        assert!(at_limit.starts_with("1.500") && at_limit.ends_with("000"));
        let padded = format_int(&BigInt::from(-7), &spec("010000000,")).unwrap();
        assert_eq!(padded.len(), MAX_RENDERED_LEN);
        assert!(padded.starts_with("-000,000,") && padded.ends_with(",000,007"));
    }

    /// Hand-built specs can hold combinations the parser never produces; they must not panic.
    #[test]
    fn hand_built_specs_are_handled() {
        let odd = FormatSpec {
            fill: Some('*'),
            zero_pad: true,
            grouping: Some(Grouping::Comma),
            ty: Some('n'),
            width: Some(usize::MAX),
            precision: Some(usize::MAX),
            ..FormatSpec::default()
        };
        assert_eq!(
            format_int(&BigInt::from(5), &odd),
            Err(value_error("Cannot specify ',' with 'n'."))
        );
        let odd = FormatSpec {
            grouping: None,
            ..odd
        };
        assert_eq!(
            format_float(5.0, &odd),
            Err(value_error("precision too big"))
        );
        assert_eq!(
            format_str(
                "s",
                &FormatSpec {
                    ty: None,
                    ..odd.clone()
                }
            ),
            Err(value_error("width too big"))
        );
        let narrow = FormatSpec {
            ty: None,
            width: Some(3),
            ..odd.clone()
        };
        assert_eq!(format_str("abcd", &narrow), Ok("abcd".to_string()));
        let odd = FormatSpec {
            precision: None,
            ..odd
        };
        assert_eq!(
            format_int(&BigInt::from(5), &odd),
            Err(value_error("width too big"))
        );
    }

    /// CPython refuses decimal strings over 4300 digits, counting neither sign nor separators;
    /// other bases are unlimited.
    #[test]
    fn int_digit_limit() {
        let spec = |s: &str| parse_format_spec(s).unwrap();
        let at_limit = -int("10**4299");
        assert_eq!(format_int(&at_limit, &spec("")).map(|s| s.len()), Ok(4301));
        assert_eq!(format_int(&at_limit, &spec(",")).map(|s| s.len()), Ok(5734));
        let over = int("10**4300");
        assert_eq!(format_int(&over, &spec("")), Err(too_many_digits()));
        assert_eq!(format_int(&over, &spec("x")).map(|s| s.len()), Ok(3572));
    }

    #[test]
    fn surrogate_char_is_an_error() {
        let spec = parse_format_spec("c").unwrap();
        assert!(matches!(
            format_int(&BigInt::from(0xd800), &spec),
            Err(FormatError::Value(_))
        ));
    }

    #[test]
    fn unicode_tables_are_consistent() {
        assert!(PRINTABLE_RUNS.windows(2).all(|w| w[0] < w[1]));
        assert!(DECIMAL_ZEROS.windows(2).all(|w| w[0] + 10 <= w[1]));
        assert!(is_printable(' ') && is_printable('é') && !is_printable('\u{a0}'));
        assert_eq!(decimal_value('\u{1d7ff}'), Some(9));
        assert_eq!(decimal_value('\u{1d7ce}'), Some(0));
        assert_eq!(decimal_value('a'), None);
    }

    // ---- vectors produced by CPython 3.11.7 ----
    /// Each string is CPython's repr of the float it denotes, so repr(parse(s)) must give s back.
    const FLOAT_REPR: &[&str] = &[
        "0.0",
        "-0.0",
        "1.0",
        "0.1",
        "0.3333333333333333",
        "0.30000000000000004",
        "123.456",
        "-1.5",
        "799554303818506.2",
        "2.5e-323",
        "1000000000000000.0",
        "123456789012345.0",
        "1234567890123456.0",
        "9999999999999998.0",
        "1e+16",
        "1.0000000000000002e+16",
        "1.2345678901234568e+16",
        "9007199254740992.0",
        "9007199254740994.0",
        "9.223372036854776e+18",
        "1.2345678901234567e+19",
        "1e+22",
        "1e+23",
        "1e+100",
        "1.5e+300",
        "0.0001",
        "0.00012345",
        "9.999999999999999e-05",
        "1e-05",
        "1.5e-05",
        "1e-07",
        "1.7976931348623157e+308",
        "2.2250738585072014e-308",
        "2.225073858507201e-308",
        "5e-324",
        "1e-323",
        "1.5e-323",
        "2.675",
        "5.960464477539063e-08",
        "1.152921504606847e+18",
        "1.23e-308",
        "3.141592653589793",
        "2.718281828459045",
        "inf",
        "-inf",
        "nan",
    ];

    /// (string, CPython's repr of it)
    const STR_REPR: &[(&str, &str)] = &[
        ("", "''"),
        ("abc", "'abc'"),
        ("it's", "\"it's\""),
        ("say \"hi\"", "'say \"hi\"'"),
        ("'\"", "'\\'\"'"),
        ("a\\b", "'a\\\\b'"),
        ("tab\there", "'tab\\there'"),
        ("line\nbreak\r", "'line\\nbreak\\r'"),
        ("\u{0}\u{1}\u{1f}\u{7f}", "'\\x00\\x01\\x1f\\x7f'"),
        ("\u{80}\u{9f}\u{a0}\u{ad}éÿ", "'\\x80\\x9f\\xa0\\xadéÿ'"),
        ("café", "'café'"),
        (
            "Ā\u{2028}\u{2029}\u{200b}\u{3000}\u{feff}",
            "'Ā\\u2028\\u2029\\u200b\\u3000\\ufeff'",
        ),
        ("\u{d7ff}\u{e000}\u{ffff}�", "'\\ud7ff\\ue000\\uffff�'"),
        ("😀\u{e0001}\u{10ffff}𝐀", "'😀\\U000e0001\\U0010ffff𝐀'"),
        ("\u{301}x", "'\u{301}x'"),
        ("אا", "'אا'"),
        ("中文", "'中文'"),
        (" ", "' '"),
        ("\\'\"", "'\\\\\\'\"'"),
        (
            "\u{a0}\u{1680}\u{2000}\u{202f}",
            "'\\xa0\\u1680\\u2000\\u202f'",
        ),
        ("\u{378}\u{530}\u{1fffe}", "'\\u0378\\u0530\\U0001fffe'"),
        ("\u{f0000}\u{100000}", "'\\U000f0000\\U00100000'"),
        ("\u{1b}[0m", "'\\x1b[0m'"),
        ("\u{180e}\u{61c}", "'\\u180e\\u061c'"),
        ("\u{378}", "'\\u0378'"),
    ];

    /// (float repr, spec, format(float, spec))
    const FORMAT_FLOAT: &[(&str, &str, Want)] = &[
        ("-0.0", "", Text("-0.0")),
        ("1234567.891", "", Text("1234567.891")),
        ("1e+16", "", Text("1e+16")),
        ("1.5e-07", "", Text("1.5e-07")),
        ("inf", "", Text("inf")),
        ("nan", "", Text("nan")),
        ("3.141592653589793", "f", Text("3.141593")),
        ("-1.5", "f", Text("-1.500000")),
        ("1e+16", "f", Text("10000000000000000.000000")),
        ("1.5e-07", "e", Text("1.500000e-07")),
        ("0.0", "e", Text("0.000000e+00")),
        ("5e-324", "e", Text("4.940656e-324")),
        ("3.141592653589793", "g", Text("3.14159")),
        ("-1.5", "g", Text("-1.5")),
        ("1e+16", "g", Text("1e+16")),
        ("1.5e-07", "%", Text("0.000015%")),
        ("0.0", "%", Text("0.000000%")),
        ("5e-324", "%", Text("0.000000%")),
        ("3.141592653589793", ".3", Text("3.14")),
        ("1234567.891", ".3", Text("1.23e+06")),
        ("1e-05", ".3g", Text("1e-05")),
        ("123456789.0", ".3g", Text("1.23e+08")),
        ("0.0001", "#.3g", Text("0.000100")),
        ("3.141592653589793", "#.3g", Text("3.14")),
        ("1234567.891", ".12g", Text("1234567.891")),
        ("1e-05", ".12g", Text("1e-05")),
        ("123456789.0", ".0g", Text("1e+08")),
        ("0.0001", ".0g", Text("0.0001")),
        ("3.141592653589793", "#.0g", Text("3.")),
        ("1234567.891", "#.0g", Text("1.e+06")),
        ("0.5", ".0f", Text("0")),
        ("1.5", ".0f", Text("2")),
        ("2.5", ".0f", Text("2")),
        ("0.125", ".2f", Text("0.12")),
        ("0.375", ".2f", Text("0.38")),
        ("2.675", ".2f", Text("2.67")),
        ("1.005", ".1e", Text("1.0e+00")),
        ("1e+22", ".1e", Text("1.0e+22")),
        ("5e-324", ".1e", Text("4.9e-324")),
        ("0.5", "#.0f", Text("0.")),
        ("1.5", "#.0f", Text("2.")),
        ("2.5", "#.0f", Text("2.")),
        ("0.125", "#.0e", Text("1.e-01")),
        ("0.375", "#.0e", Text("4.e-01")),
        ("2.675", "#.0e", Text("3.e+00")),
        ("3.141592653589793", "E", Text("3.141593E+00")),
        ("-1.5", "E", Text("-1.500000E+00")),
        (
            "1e+100",
            "F",
            Text(
                "10000000000000000159028911097599180468360808563945281389781327557747838772170381060813469985856815104.000000",
            ),
        ),
        ("nan", "F", Text("NAN")),
        ("-inf", "G", Text("-INF")),
        ("3.141592653589793", "G", Text("3.14159")),
        ("-1.5", ".3E", Text("-1.500E+00")),
        ("1e+100", ".3E", Text("1.000E+100")),
        ("nan", ".2F", Text("NAN")),
        ("-inf", ".2F", Text("-INF")),
        ("1234567.891", ",", Text("1,234,567.891")),
        ("-1234567.891", ",", Text("-1,234,567.891")),
        ("0.5", "_", Text("0.5")),
        ("1e+16", "_", Text("1e+16")),
        ("123.0", ",.2f", Text("123.00")),
        ("1234567.891", ",.2f", Text("1,234,567.89")),
        ("-1234567.891", "_.1f", Text("-1_234_567.9")),
        ("0.5", "_.1f", Text("0.5")),
        ("1e+16", ",e", Text("1.000000e+16")),
        ("123.0", ",e", Text("1.230000e+02")),
        ("1234567.891", ",g", Text("1.23457e+06")),
        ("-1234567.891", ",g", Text("-1.23457e+06")),
        ("0.5", ",.0%", Text("50%")),
        ("1e+16", ",.0%", Text("1,000,000,000,000,000,000%")),
        ("3.141592653589793", "10.2f", Text("      3.14")),
        ("-1234.5", "10.2f", Text("  -1234.50")),
        ("inf", "<10.2f", Text("inf       ")),
        ("nan", "<10.2f", Text("nan       ")),
        ("-0.0", "^11.2f", Text("   -0.00   ")),
        ("3.141592653589793", "^11.2f", Text("   3.14    ")),
        ("-1234.5", "=10.2f", Text("-  1234.50")),
        ("inf", "=10.2f", Text("       inf")),
        ("nan", "010.2f", Text("0000000nan")),
        ("-0.0", "010.2f", Text("-000000.00")),
        ("3.141592653589793", "*^15,.2f", Text("*****3.14******")),
        ("-1234.5", "*^15,.2f", Text("***-1,234.50***")),
        ("inf", "+", Text("+inf")),
        ("nan", "+", Text("+nan")),
        ("-0.0", " ", Text("-0.0")),
        ("3.141592653589793", " ", Text(" 3.141592653589793")),
        ("-1234.5", "+.1e", Text("-1.2e+03")),
        ("inf", "+.1e", Text("+inf")),
        ("nan", "0=+12,.1f", Text("+00000000nan")),
        ("-0.0", "0=+12,.1f", Text("-0,000,000.0")),
        ("3.141592653589793", "012,.2f", Text("0,000,003.14")),
        ("-1234.5", "012,.2f", Text("-0,001,234.50")),
        ("inf", "#<10", Text("inf#######")),
        ("nan", "#<10", Text("nan#######")),
        ("-0.0", "x=+10", Text("-xxxxxx0.0")),
        ("3.141592653589793", "x=+10", Text("+3.141592653589793")),
        ("-1234.5", "015,", Text("-0,000,001,234.5")),
        ("inf", "015,", Text("000000000000inf")),
        ("nan", "016_.3f", Text("0000000000000nan")),
        ("-0.0", "016_.3f", Text("-000_000_000.000")),
        (
            "3.141592653589793",
            "020,.3e",
            Text("0,000,000,003.142e+00"),
        ),
        ("-1234.5", "020,.3e", Text("-000,000,001.234e+03")),
        ("inf", "0^12.1f", Text("0000inf00000")),
        ("nan", "0^12.1f", Text("0000nan00000")),
        ("-0.0", "0>12", Text("00000000-0.0")),
        ("3.141592653589793", "0>12", Text("3.141592653589793")),
        ("-1234.5", "010", Text("-0001234.5")),
        ("inf", "010", Text("0000000inf")),
        ("-0.0", "z", Text("0.0")),
        ("-1e-10", "z", Text("-1e-10")),
        ("-0.0001", "z.1f", Text("0.0")),
        ("-0.5", "z.1f", Text("-0.5")),
        ("-1e-07", "z.2e", Text("-1.00e-07")),
        ("-1.0", "z.2e", Text("-1.00e+00")),
        ("-inf", "z.0f", Text("-inf")),
        ("nan", "z.0f", Text("nan")),
        ("-0.0", "+z.3g", Text("+0")),
        ("-1e-10", "+z.3g", Text("-1e-10")),
        ("-0.0001", "z%", Text("-0.010000%")),
        ("-0.5", "z%", Text("-50.000000%")),
        ("-1e-07", "z.1%", Text("0.0%")),
        ("-1.0", "z.1%", Text("-100.0%")),
        ("3.141592653589793", "n", Text("3.14159")),
        ("1234567.891", "n", Text("1.23457e+06")),
        ("1e-05", ".3n", Text("1e-05")),
        ("1e+16", ".3n", Text("1e+16")),
        ("-0.0", "10n", Text("        -0")),
        ("3.141592653589793", "10n", Text("   3.14159")),
        (
            "0.1",
            ".60f",
            Text("0.100000000000000005551115123125782702118158340454101562500000"),
        ),
        (
            "0.3333333333333333",
            ".60f",
            Text("0.333333333333333314829616256247390992939472198486328125000000"),
        ),
        (
            "1e-300",
            ".30e",
            Text("1.000000000000000025059091835209e-300"),
        ),
        (
            "5e-324",
            ".30e",
            Text("4.940656458412465441765687928682e-324"),
        ),
        ("1e+300", ".25g", Text("1.00000000000000005250476e+300")),
        (
            "1.1805916207174113e+21",
            ".25g",
            Text("1180591620717411303424"),
        ),
        ("0.1", ".20", Text("0.10000000000000000555")),
        ("0.3333333333333333", ".20", Text("0.33333333333333331483")),
        ("1e-300", ".17", Text("1e-300")),
        ("5e-324", ".17", Text("4.9406564584124654e-324")),
        ("1e+300", "#.17g", Text("1.0000000000000001e+300")),
        (
            "1.1805916207174113e+21",
            "#.17g",
            Text("1.1805916207174113e+21"),
        ),
        ("0.1", ".0e", Text("1e-01")),
        ("0.3333333333333333", ".0e", Text("3e-01")),
        ("1.0", ".1", Text("1e+00")),
        ("100.0", ".1", Text("1e+02")),
        ("0.0001", ".5", Text("0.0001")),
        ("1e-05", ".5", Text("1e-05")),
        ("123456.0", ".6", Text("1.23456e+05")),
        ("1234567.0", ".6", Text("1.23457e+06")),
        ("1.0", ".7", Text("1.0")),
        ("100.0", ".7", Text("100.0")),
        ("0.0001", "#", Text("0.0001")),
        ("1e-05", "#", Text("1.e-05")),
        ("0.5", ".0%", Text("50%")),
        ("0.125", ".0%", Text("12%")),
        ("1.0", ".1%", Text("100.0%")),
        ("-0.025", ".1%", Text("-2.5%")),
        ("0.5", "#.0%", Text("50.%")),
        ("0.125", "#.0%", Text("12.%")),
        (
            "1.5",
            "d",
            Value("Unknown format code 'd' for object of type 'float'"),
        ),
        (
            "1.5",
            "s",
            Value("Unknown format code 's' for object of type 'float'"),
        ),
        (
            "1.5",
            "c",
            Value("Unknown format code 'c' for object of type 'float'"),
        ),
        (
            "1.5",
            ",d",
            Value("Unknown format code 'd' for object of type 'float'"),
        ),
        ("1.5", "_n", Value("Cannot specify '_' with 'n'.")),
        ("1.5", ",n", Value("Cannot specify ',' with 'n'.")),
        (
            "1.5",
            "é",
            Value("Unknown format code '\\xe9' for object of type 'float'"),
        ),
        ("1.5", "\u{0}", Text("1.5")),
        ("1.5", ",\u{0}", Text("1.5")),
        (
            "1.5",
            "5.2fx",
            Value("Invalid format specifier '5.2fx' for object of type 'float'"),
        ),
        ("1.5", ".", Value("Format specifier missing precision")),
        ("1.5", ".f", Value("Format specifier missing precision")),
        ("1.5", ",_f", Value("Cannot specify both ',' and '_'.")),
        ("1.5", "_,f", Value("Cannot specify both ',' and '_'.")),
        (
            "1.5",
            "99999999999999999999f",
            Value("Too many decimal digits in format string"),
        ),
        (
            "1.5",
            ".99999999999999999999f",
            Value("Too many decimal digits in format string"),
        ),
        ("1.5", ".3000000000f", Value("precision too big")),
        ("1.5", ".2147483647g", Text("1.5")),
        ("1.5", ".2147483648g", Value("precision too big")),
        ("1.5", "=5", Text("  1.5")),
        ("1.5", "<<10", Text("1.5<<<<<<<")),
        ("1.5", "0<10", Text("1.50000000")),
        ("1.5", "-^10", Text("---1.5----")),
        ("1.5", "é>10", Text("ééééééé1.5")),
        ("1.5", "١٠", Text("       1.5")),
        ("1.5", ".١f", Text("1.5")),
        ("1.5", "٢.٣f", Text("1.500")),
        ("1.5", "#", Text("1.5")),
        ("1.5", "z", Text("1.5")),
        ("1.5", "_", Text("1.5")),
        ("1.5", "10_.3f", Text("     1.500")),
        (
            "1.5",
            ".3_f",
            Value("Invalid format specifier '.3_f' for object of type 'float'"),
        ),
    ];

    /// (int as "[-]a", "[-]a**b" terms joined by + or -, spec, format(int, spec))
    const FORMAT_INT: &[(&str, &str, Want)] = &[
        ("0", "", Text("0")),
        ("-1", "", Text("-1")),
        ("42", "d", Text("42")),
        ("-1234567", "d", Text("-1234567")),
        ("10**20", ",", Text("100,000,000,000,000,000,000")),
        ("-2**64", ",", Text("-18,446,744,073,709,551,616")),
        ("0", "_", Text("0")),
        ("-1", "_", Text("-1")),
        ("42", "n", Text("42")),
        ("-1234567", "n", Text("-1234567")),
        ("10**20", "+", Text("+100000000000000000000")),
        ("-2**64", "+", Text("-18446744073709551616")),
        ("0", " ", Text(" 0")),
        ("-1", " ", Text("-1")),
        ("42", "-", Text("42")),
        ("-1234567", "-", Text("-1234567")),
        ("0", "b", Text("0")),
        ("255", "b", Text("11111111")),
        ("-255", "o", Text("-377")),
        ("2**64-1", "o", Text("1777777777777777777777")),
        ("-2**70", "x", Text("-400000000000000000")),
        ("0", "x", Text("0")),
        ("255", "X", Text("FF")),
        ("-255", "X", Text("-FF")),
        (
            "2**64-1",
            "#b",
            Text("0b1111111111111111111111111111111111111111111111111111111111111111"),
        ),
        (
            "-2**70",
            "#b",
            Text("-0b10000000000000000000000000000000000000000000000000000000000000000000000"),
        ),
        ("0", "#o", Text("0o0")),
        ("255", "#o", Text("0o377")),
        ("-255", "#x", Text("-0xff")),
        ("2**64-1", "#x", Text("0xffffffffffffffff")),
        ("-2**70", "#X", Text("-0X400000000000000000")),
        ("0", "#X", Text("0X0")),
        ("255", "_b", Text("1111_1111")),
        ("-255", "_b", Text("-1111_1111")),
        ("2**64-1", "#_x", Text("0xffff_ffff_ffff_ffff")),
        ("-2**70", "#_x", Text("-0x40_0000_0000_0000_0000")),
        ("0", "_X", Text("0")),
        ("255", "_X", Text("FF")),
        ("-255", "#_o", Text("-0o377")),
        ("2**64-1", "#_o", Text("0o17_7777_7777_7777_7777_7777")),
        ("1234", "010,", Text("00,001,234")),
        ("-1234", "010,", Text("-0,001,234")),
        ("0", "08,", Text("0,000,000")),
        ("1234567", "08,", Text("1,234,567")),
        ("1234", "09,", Text("0,001,234")),
        ("-1234", "09,", Text("-0,001,234")),
        ("0", "07,", Text("000,000")),
        ("1234567", "07,", Text("1,234,567")),
        ("1234", "0=10,", Text("00,001,234")),
        ("-1234", "0=10,", Text("-0,001,234")),
        ("0", "<010,", Text("0000000000")),
        ("1234567", "<010,", Text("1,234,5670")),
        ("1234", "^010", Text("0001234000")),
        ("-1234", "^010", Text("00-1234000")),
        ("0", "x<010,", Text("0xxxxxxxxx")),
        ("1234567", "x<010,", Text("1,234,567x")),
        ("1234", "*=+12,", Text("+******1,234")),
        ("-1234", "*=+12,", Text("-******1,234")),
        ("0", "012_", Text("0_000_000_000")),
        ("1234567", "012_", Text("0_001_234_567")),
        ("1234", "+010", Text("+000001234")),
        ("-1234", "+010", Text("-000001234")),
        ("0", " 08,", Text(" 000,000")),
        ("1234567", " 08,", Text(" 1,234,567")),
        ("255", "#010x", Text("0x000000ff")),
        ("-255", "#010X", Text("-0X00000FF")),
        ("255", "=#10x", Text("0x      ff")),
        ("-255", "^#10b", Text("-0b11111111")),
        ("255", "#012_b", Text("0b0_1111_1111")),
        ("-255", "0=+#12_x", Text("-0x0000_00ff")),
        ("255", ">+#8o", Text("  +0o377")),
        ("65", "c", Text("A")),
        ("0x1F600", "c", Text("😀")),
        ("0", "c", Text("\u{0}")),
        ("0x10FFFF", "05c", Text("0000\u{10ffff}")),
        ("0x110000", "05c", Overflow("%c arg not in range(0x110000)")),
        ("-1", "05c", Overflow("%c arg not in range(0x110000)")),
        (
            "2**63",
            "<3c",
            Overflow("Python int too large to convert to C long"),
        ),
        (
            "2**64",
            "<3c",
            Overflow("Python int too large to convert to C long"),
        ),
        ("233", "<3c", Text("é  ")),
        ("65", "*^5c", Text("**A**")),
        ("0x1F600", "*^5c", Text("**😀**")),
        ("0", "*^5c", Text("**\u{0}**")),
        (
            "65",
            "+c",
            Value("Sign not allowed with integer format specifier 'c'"),
        ),
        (
            "65",
            "#c",
            Value("Alternate form (#) not allowed with integer format specifier 'c'"),
        ),
        (
            "65",
            " c",
            Value("Sign not allowed with integer format specifier 'c'"),
        ),
        ("65", ",c", Value("Cannot specify ',' with 'c'.")),
        ("65", "_c", Value("Cannot specify '_' with 'c'.")),
        (
            "65",
            "-c",
            Value("Sign not allowed with integer format specifier 'c'"),
        ),
        (
            "65",
            "zc",
            Value("Negative zero coercion (z) not allowed in integer format specifier"),
        ),
        ("0", "e", Text("0.000000e+00")),
        ("1", ".2e", Text("1.00e+00")),
        ("-3", "f", Text("-3.000000")),
        ("10**16", ".3f", Text("10000000000000000.000")),
        ("123456789", "g", Text("1.23457e+08")),
        ("0", "G", Text("0")),
        ("1", "%", Text("100.000000%")),
        ("-3", ".1%", Text("-300.0%")),
        ("10**16", ",.2f", Text("10,000,000,000,000,000.00")),
        ("123456789", "E", Text("1.234568E+08")),
        ("0", "F", Text("0.000000")),
        ("1", "+.3g", Text("+1")),
        ("-3", "z.1f", Text("-3.0")),
        ("2**53+1", "e", Text("9.007199e+15")),
        ("2**54+2", "e", Text("1.801440e+16")),
        ("2**54+6", "e", Text("1.801440e+16")),
        ("2**63-1", "e", Text("9.223372e+18")),
        ("2**1023", ".20g", Text("8.9884656743115795386e+307")),
        ("10**308", ".20g", Text("1.000000000000000011e+308")),
        ("-10**308", ".20g", Text("-1.000000000000000011e+308")),
        (
            "2**1024-2**970-1",
            ".20g",
            Text("1.7976931348623157081e+308"),
        ),
        ("2**63-1", ".0f", Text("9223372036854775808")),
        ("2**54+6", ".0f", Text("18014398509481992")),
        (
            "2**1024-2**970",
            ".0f",
            Overflow("int too large to convert to float"),
        ),
        (
            "10**400",
            ".0f",
            Overflow("int too large to convert to float"),
        ),
        (
            "10**4300",
            "",
            Value(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "-10**4300",
            "d",
            Value(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "10**5000",
            ",",
            Value(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "10**20000",
            "e",
            Overflow("int too large to convert to float"),
        ),
        (
            "10**4300",
            "n",
            Value(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
            ),
        ),
        (
            "42",
            ".2",
            Value("Precision not allowed in integer format specifier"),
        ),
        (
            "42",
            ".2d",
            Value("Precision not allowed in integer format specifier"),
        ),
        (
            "42",
            "z",
            Value("Negative zero coercion (z) not allowed in integer format specifier"),
        ),
        (
            "42",
            "zd",
            Value("Negative zero coercion (z) not allowed in integer format specifier"),
        ),
        (
            "42",
            "s",
            Value("Unknown format code 's' for object of type 'int'"),
        ),
        (
            "42",
            "z.2d",
            Value("Precision not allowed in integer format specifier"),
        ),
        (
            "42",
            ",.2d",
            Value("Precision not allowed in integer format specifier"),
        ),
        (
            "42",
            "é",
            Value("Unknown format code '\\xe9' for object of type 'int'"),
        ),
        (
            "42",
            "\u{0}",
            Value("Unknown format code '\\x0' for object of type 'int'"),
        ),
        (
            "42",
            "5.2dx",
            Value("Invalid format specifier '5.2dx' for object of type 'int'"),
        ),
        ("42", ",x", Value("Cannot specify ',' with 'x'.")),
        ("42", ",b", Value("Cannot specify ',' with 'b'.")),
        ("42", "_n", Value("Cannot specify '_' with 'n'.")),
        ("42", ",n", Value("Cannot specify ',' with 'n'.")),
        ("42", ",_", Value("Cannot specify both ',' and '_'.")),
        ("42", "_,", Value("Cannot specify both ',' and '_'.")),
        (
            "42",
            "99999999999999999999",
            Value("Too many decimal digits in format string"),
        ),
        ("42", ".3000000000f", Value("precision too big")),
        ("42", ".", Value("Format specifier missing precision")),
        ("42", "==10", Text("========42")),
        ("42", "<<10", Text("42<<<<<<<<")),
        ("42", "0<10", Text("4200000000")),
        ("42", "0^10x", Text("00002a0000")),
        ("42", "x<010", Text("42xxxxxxxx")),
        ("42", "0", Text("42")),
        ("42", "00", Text("42")),
        ("42", "000", Text("42")),
        ("42", "١٠", Text("        42")),
        ("42", "1٠d", Text("        42")),
    ];

    /// (string, spec, format(string, spec))
    const FORMAT_STR: &[(&str, &str, Want)] = &[
        ("abc", "", Text("abc")),
        ("", "s", Text("")),
        ("héllo😀", "10", Text("héllo😀    ")),
        ("abc", "<10", Text("abc       ")),
        ("", ">10", Text("          ")),
        ("héllo😀", "^10", Text("  héllo😀  ")),
        ("abc", "^9", Text("   abc   ")),
        ("", "*^9", Text("*********")),
        ("héllo😀", ".2", Text("hé")),
        ("abc", "10.2", Text("ab        ")),
        ("", "05", Text("00000")),
        ("héllo😀", "0>5", Text("héllo😀")),
        ("abc", "<06.1s", Text("a00000")),
        ("", "é^7", Text("ééééééé")),
        ("héllo😀", "^", Text("héllo😀")),
        ("abc", "2", Text("abc")),
        ("", ".0", Text("")),
        ("héllo😀", ".100", Text("héllo😀")),
        (
            "abc",
            "+",
            Value("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            "-",
            Value("Sign not allowed in string format specifier"),
        ),
        (
            "abc",
            " ",
            Value("Space not allowed in string format specifier"),
        ),
        (
            "abc",
            "z",
            Value("Negative zero coercion (z) not allowed in string format specifier"),
        ),
        (
            "abc",
            "#",
            Value("Alternate form (#) not allowed in string format specifier"),
        ),
        (
            "abc",
            "=10",
            Value("'=' alignment not allowed in string format specifier"),
        ),
        (
            "abc",
            "0=5",
            Value("'=' alignment not allowed in string format specifier"),
        ),
        ("abc", ",", Value("Cannot specify ',' with 's'.")),
        ("abc", "_", Value("Cannot specify '_' with 's'.")),
        ("abc", ",s", Value("Cannot specify ',' with 's'.")),
        (
            "abc",
            "d",
            Value("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "x",
            Value("Unknown format code 'x' for object of type 'str'"),
        ),
        (
            "abc",
            ",d",
            Value("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "+d",
            Value("Unknown format code 'd' for object of type 'str'"),
        ),
        (
            "abc",
            "é",
            Value("Unknown format code '\\xe9' for object of type 'str'"),
        ),
        (
            "abc",
            "\u{0}",
            Value("Unknown format code '\\x0' for object of type 'str'"),
        ),
        (
            "abc",
            "5.2sx",
            Value("Invalid format specifier '5.2sx' for object of type 'str'"),
        ),
        ("abc", ".", Value("Format specifier missing precision")),
        (
            "abc",
            "99999999999999999999",
            Value("Too many decimal digits in format string"),
        ),
        ("abc", ".9223372036854775807", Text("abc")),
        (
            "abc",
            "9223372036854775808",
            Value("Too many decimal digits in format string"),
        ),
        ("abc", "١٠", Text("abc       ")),
        ("abc", "<<10", Text("abc<<<<<<<")),
    ];

    /// (float repr, ndigits, repr(round(x, ndigits)) or "OverflowError")
    const ROUND: &[(&str, i64, &str)] = &[
        ("2.675", 2, "2.67"),
        ("0.125", 2, "0.12"),
        ("0.375", 2, "0.38"),
        ("1234.5", -1, "1230.0"),
        ("1235.0", -1, "1240.0"),
        ("1250.0", -2, "1200.0"),
        ("1350.0", -2, "1400.0"),
        ("2.5", 0, "2.0"),
        ("3.5", 0, "4.0"),
        ("-2.5", 0, "-2.0"),
        ("0.5", 0, "0.0"),
        ("-0.4", 0, "-0.0"),
        ("-0.001", 2, "-0.0"),
        ("0.0", 2, "0.0"),
        ("-0.0", 0, "-0.0"),
        ("1.005", 2, "1.0"),
        ("0.1", 1, "0.1"),
        ("0.15", 1, "0.1"),
        ("0.25", 1, "0.2"),
        ("0.35", 1, "0.3"),
        ("1e+300", -299, "1e+300"),
        ("1e+300", -300, "1e+300"),
        ("1.7976931348623157e+308", -308, "OverflowError"),
        ("1.5e+308", -308, "OverflowError"),
        ("5e-324", 323, "0.0"),
        ("5e-324", 324, "5e-324"),
        ("1e-320", 320, "1e-320"),
        ("123.456", 400, "123.456"),
        ("123.456", -400, "0.0"),
        ("-123.456", -400, "-0.0"),
        ("123.456", -3, "0.0"),
        ("-567.0", -3, "-1000.0"),
        ("inf", 2, "inf"),
        ("-inf", -2, "-inf"),
        ("nan", 1, "nan"),
        ("12345.6789", 3, "12345.679"),
        ("5e-06", 5, "1e-05"),
        ("1.5e-05", 5, "2e-05"),
        ("4503599627370496.0", 0, "4503599627370496.0"),
        ("1e+22", -22, "1e+22"),
        ("5e+22", -23, "0.0"),
        ("3.141592653589793", 10, "3.1415926536"),
        ("3.141592653589793", 15, "3.141592653589793"),
    ];

    /// (float repr, repr(float(round(x))))
    const ROUND_HALF_EVEN: &[(&str, &str)] = &[
        ("0.5", "0.0"),
        ("1.5", "2.0"),
        ("2.5", "2.0"),
        ("-0.5", "0.0"),
        ("-1.5", "-2.0"),
        ("-2.5", "-2.0"),
        ("0.49999999999999994", "0.0"),
        ("2.4999999999999996", "2.0"),
        ("4503599627370497.0", "4503599627370497.0"),
        ("-4503599627370497.0", "-4503599627370497.0"),
        ("1e+300", "1e+300"),
        ("-0.3", "0.0"),
        ("0.7", "1.0"),
        ("5e-324", "0.0"),
        ("-0.0", "0.0"),
    ];

    /// (text, base, int(text, base) in decimal, or None for a ValueError)
    const PARSE_INT: &[(&str, u32, Option<&str>)] = &[
        ("0", 10, Some("0")),
        ("-0", 10, Some("0")),
        ("+17", 10, Some("17")),
        ("  42  ", 10, Some("42")),
        ("\t\n\u{b}\u{c}\r7\n", 10, Some("7")),
        ("\u{2003}\u{3000}1\u{a0}", 10, Some("1")),
        ("\u{1c}1", 10, None),
        ("1\u{1f}", 10, None),
        ("1_000", 10, Some("1000")),
        ("1__000", 10, None),
        ("_1", 10, None),
        ("1_", 10, None),
        ("1 000", 10, None),
        ("", 10, None),
        ("  ", 10, None),
        ("-", 10, None),
        ("+-1", 10, None),
        ("- 1", 10, None),
        ("١٢٣", 10, Some("123")),
        ("١_٢", 10, Some("12")),
        ("１２", 10, Some("12")),
        ("1.5", 10, None),
        ("1e5", 10, None),
        ("abc", 10, None),
        ("0x1f", 10, None),
        ("12\u{0}", 10, None),
        ("0x1f", 16, Some("31")),
        ("0X1F", 16, Some("31")),
        ("1f", 16, Some("31")),
        ("0x_1f", 16, Some("31")),
        ("0x", 16, None),
        ("0x_", 16, None),
        ("0b1", 16, Some("177")),
        ("ff", 15, None),
        ("z", 36, Some("35")),
        ("Z", 36, Some("35")),
        ("10", 36, Some("36")),
        ("0x1f", 0, Some("31")),
        ("0o17", 0, Some("15")),
        ("0b101", 0, Some("5")),
        ("0B_1_0", 0, Some("2")),
        ("0b__1", 0, None),
        ("0b2", 0, None),
        ("017", 0, None),
        ("0_7", 0, None),
        ("00", 0, Some("0")),
        ("0_0", 0, Some("0")),
        ("-0b11", 0, Some("-3")),
        ("  0xFF  ", 0, Some("255")),
        ("1_2", 0, Some("12")),
        ("0o17", 8, Some("15")),
        ("17", 8, Some("15")),
        ("8", 8, None),
        ("0b1010", 2, Some("10")),
        ("102", 2, None),
        ("0o7", 2, None),
        (
            "999999999999999999999999999999999999999999999999999999999999",
            10,
            Some("999999999999999999999999999999999999999999999999999999999999"),
        ),
        (
            "-ffffffffffffffffffffffffffffffffffffffff",
            16,
            Some("-1461501637330902918203684832716283019655932542975"),
        ),
        (
            "1111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111111_1",
            2,
            Some("2535301200456458802993406410751"),
        ),
        ("_", 10, None),
        ("0_", 0, None),
        ("12", 1, None),
        ("12", 37, None),
    ];

    /// (text, repr(float(text)), or None for a ValueError)
    const PARSE_FLOAT: &[(&str, Option<&str>)] = &[
        ("1", Some("1.0")),
        ("-1.5", Some("-1.5")),
        ("  2.5\n", Some("2.5")),
        ("\u{2003}1e3\u{3000}", Some("1000.0")),
        ("1.", Some("1.0")),
        (".5", Some("0.5")),
        (".", None),
        ("1e", None),
        ("1e+", None),
        ("1e5", Some("100000.0")),
        ("1E-5", Some("1e-05")),
        ("1.e5", Some("100000.0")),
        (".e5", None),
        ("e5", None),
        ("1e1_0", Some("10000000000.0")),
        ("1_000.000_1", Some("1000.0001")),
        ("1_e5", None),
        ("1._5", None),
        ("1_.5", None),
        ("_1", None),
        ("1_", None),
        ("1__0", None),
        ("inf", Some("inf")),
        ("-Infinity", Some("-inf")),
        ("+iNf", Some("inf")),
        ("infinit", None),
        ("infinity_", None),
        ("nan", Some("nan")),
        ("-NaN", Some("nan")),
        ("nan1", None),
        ("in", None),
        ("1e500", Some("inf")),
        ("-1e500", Some("-inf")),
        ("1e-400", Some("0.0")),
        ("-1e-400", Some("-0.0")),
        ("0x10", None),
        ("١.٥", Some("1.5")),
        ("12\u{0}", None),
        ("\u{1c}1.0", None),
        ("1 2", None),
        ("--1", None),
        ("+-1", None),
        ("", None),
        ("   ", None),
        ("0.1", Some("0.1")),
        ("2.2250738585072011e-308", Some("2.225073858507201e-308")),
        (
            "111111111111111111111111111111.5e-10",
            Some("1.111111111111111e+19"),
        ),
        ("4.9406564584124654e-324", Some("5e-324")),
        ("2.4703282292062327e-324", Some("0.0")),
        ("2.4703282292062328e-324", Some("5e-324")),
        ("1.7976931348623158e308", Some("1.7976931348623157e+308")),
        ("1.7976931348623159e308", Some("inf")),
        ("00001.5e0001", Some("15.0")),
    ];

    /// (int, repr(float(int)) or None for OverflowError)
    const INT_TO_F64: &[(&str, Option<&str>)] = &[
        ("0", Some("0.0")),
        ("-5", Some("-5.0")),
        ("2**53", Some("9007199254740992.0")),
        ("2**53+1", Some("9007199254740992.0")),
        ("2**53+3", Some("9007199254740996.0")),
        ("-2**53-1", Some("-9007199254740992.0")),
        ("2**54+2", Some("1.8014398509481984e+16")),
        ("2**54+6", Some("1.801439850948199e+16")),
        ("2**64-1", Some("1.8446744073709552e+19")),
        ("2**63+2**10+1", Some("9.223372036854778e+18")),
        ("10**22", Some("1e+22")),
        ("10**23", Some("1e+23")),
        ("2**1023", Some("8.98846567431158e+307")),
        ("2**1024-2**970-1", Some("1.7976931348623157e+308")),
        ("2**1024-2**970", None),
        ("-2**1024+2**970+1", Some("-1.7976931348623157e+308")),
        ("2**1024", None),
        ("10**400", None),
    ];
}
