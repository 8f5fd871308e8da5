//! Operators and protocols of the built-in types: arithmetic, comparison, indexing,
//! iteration, unpacking and attribute access, with CPython's results and messages.
//!
//! Ints are `i64` until an operation overflows, then `BigInt`; results are normalised back
//! to `i64` when they fit. Mixed int/float arithmetic converts the int exactly as CPython
//! does (correctly rounded).

// Method and attribute symbols are named exactly as in Python (`sym::append`).
#![allow(non_upper_case_globals)]

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Interp;
use super::exceptions::{
    ExcType, Exception, PyResult, attribute_error, index_error, overflow_error, type_error,
    value_error, zero_division,
};
use super::symbol::{Sym, sym};
use super::value::{
    BoundMethod, DictMap, DictView, Iter, Key, Module, NESTING_LIMIT, SetItems, Type, Value,
    numeric_cmp, try_values_equal, values_equal,
};
use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::pyfmt;

/// The largest repeat count or size an operation may create, to turn a runaway
/// allocation into a `MemoryError` instead of an abort.
pub const MAX_ITEMS: usize = 1 << 28;

fn unsupported(op: &str, left: &Value, right: &Value) -> Rc<Exception> {
    let op = if op == "**" { "** or pow()" } else { op };
    type_error(format!(
        "unsupported operand type(s) for {op}: '{}' and '{}'",
        left.type_name(),
        right.type_name()
    ))
}

pub fn memory_error() -> Rc<Exception> {
    Exception::new(ExcType::MemoryError, Vec::new())
}

/// An int as a float, correctly rounded; OverflowError if too large.
pub fn int_to_float(value: &Value) -> PyResult<f64> {
    match value {
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(f64::from(u8::from(b.get()))),
        Value::BigInt(b) => {
            pyfmt::int_to_f64(b).ok_or_else(|| overflow_error("int too large to convert to float"))
        }
        Value::Float(f) => Ok(f.get()),
        _ => Err(type_error(format!(
            "must be real number, not {}",
            value.type_name()
        ))),
    }
}

fn big(value: &Value) -> BigInt {
    value.as_bigint().expect("an int")
}

/// Python's floor division and modulo for floats.
fn float_divmod(a: f64, b: f64) -> (f64, f64) {
    let mut modulo = a % b;
    let mut div = (a - modulo) / b;
    if modulo != 0.0 {
        if (b < 0.0) != (modulo < 0.0) {
            modulo += b;
            div -= 1.0;
        }
    } else {
        modulo = 0.0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut floor = div.floor();
        if div - floor > 0.5 {
            floor += 1.0;
        }
        floor
    } else {
        0.0f64.copysign(a / b)
    };
    (floordiv, modulo)
}

/// True division of two ints, correctly rounded.
fn int_true_div(a: &Value, b: &Value) -> PyResult<f64> {
    if let (Some(x), Some(y)) = (a.as_i64(), b.as_i64())
        && x.unsigned_abs() < (1 << 53)
        && y.unsigned_abs() < (1 << 53)
    {
        if y == 0 {
            return Err(zero_division("division by zero"));
        }
        return Ok(x as f64 / y as f64);
    }
    let (x, y) = (big(a), big(b));
    if y.is_zero() {
        return Err(zero_division("division by zero"));
    }
    // Scale so the quotient has 64+ significant bits, divide, then let the float
    // conversion do the one rounding that remains.
    let negative = x.is_negative() != y.is_negative();
    let (x, y) = (x.abs(), y.abs());
    let shift = (y.bits() as i64) - (x.bits() as i64) + 66;
    let (numerator, denominator) = if shift > 0 {
        (x << shift as usize, y)
    } else {
        (x, y << (-shift) as usize)
    };
    let (quotient, remainder) = numerator.div_rem(&denominator);
    let sticky = if remainder.is_zero() {
        quotient
    } else {
        (quotient << 1usize) | BigInt::from(1)
    };
    let extra = if remainder.is_zero() { 0 } else { 1 };
    let mantissa = pyfmt::int_to_f64(&sticky)
        .ok_or_else(|| overflow_error("integer division result too large for a float"))?;
    let result = mantissa * 2f64.powi(-(shift as i32) - extra);
    if result.is_infinite() {
        return Err(overflow_error(
            "integer division result too large for a float",
        ));
    }
    Ok(if negative { -result } else { result })
}

fn float_pow(a: f64, b: f64) -> PyResult<Value> {
    if a == 0.0 && b < 0.0 {
        return Err(zero_division("0.0 cannot be raised to a negative power"));
    }
    if a < 0.0 && b.fract() != 0.0 && b.is_finite() {
        return Err(value_error(
            "math domain error: a negative number cannot be raised to a fractional power (complex results are not supported)",
        ));
    }
    let result = a.powf(b);
    if result.is_infinite() && a.is_finite() && b.is_finite() {
        return Err(Exception::new(
            ExcType::OverflowError,
            vec![Value::tuple(vec![
                Value::Int(34),
                Value::str("Numerical result out of range"),
            ])],
        ));
    }
    Ok(Value::float(result))
}

fn int_pow(a: &Value, b: &Value) -> PyResult<Value> {
    let exponent = big(b);
    if exponent.is_negative() {
        let (x, y) = (int_to_float(a)?, int_to_float(b)?);
        return float_pow(x, y);
    }
    let base = big(a);
    if base.is_zero() || base == BigInt::from(1) || base == BigInt::from(-1) {
        let odd = exponent.is_odd();
        return Ok(if base.is_zero() && !exponent.is_zero() {
            Value::Int(0)
        } else if base == BigInt::from(-1) && odd {
            Value::Int(-1)
        } else {
            Value::Int(1)
        });
    }
    let exponent = exponent
        .to_u32()
        .filter(|e| base.bits().saturating_mul(u64::from(*e)) < (1 << 33));
    match exponent {
        Some(e) => Ok(Value::from_bigint(num_traits::pow(base, e as usize))),
        None => Err(memory_error()),
    }
}

impl Interp {
    pub fn binary_op(
        &mut self,
        op: BinOp,
        left: Value,
        right: Value,
        inplace: bool,
    ) -> PyResult<Value> {
        use Value::{Bool, Float};
        // Numbers.
        if left.is_number() && right.is_number() {
            if let (Float(_), _) | (_, Float(_)) = (&left, &right) {
                let (a, b) = (int_to_float(&left)?, int_to_float(&right)?);
                return Ok(Value::float(match op {
                    BinOp::Add => a + b,
                    BinOp::Sub => a - b,
                    BinOp::Mul => a * b,
                    BinOp::Div => {
                        if b == 0.0 {
                            return Err(zero_division("float division by zero"));
                        }
                        a / b
                    }
                    BinOp::FloorDiv => {
                        if b == 0.0 {
                            return Err(zero_division("float floor division by zero"));
                        }
                        float_divmod(a, b).0
                    }
                    BinOp::Mod => {
                        if b == 0.0 {
                            return Err(zero_division("float modulo"));
                        }
                        float_divmod(a, b).1
                    }
                    BinOp::Pow => return float_pow(a, b),
                    _ => return Err(unsupported(op.symbol(), &left, &right)),
                }));
            }
            if let (Bool(a), Bool(b)) = (&left, &right) {
                match op {
                    BinOp::BitAnd => return Ok(Value::bool(a.get() & b.get())),
                    BinOp::BitOr => return Ok(Value::bool(a.get() | b.get())),
                    BinOp::BitXor => return Ok(Value::bool(a.get() ^ b.get())),
                    _ => {}
                }
            }
            if let (Some(a), Some(b)) = (left.as_i64(), right.as_i64()) {
                // Floor division and modulo in i64 (Python rounds toward minus infinity).
                match op {
                    BinOp::Mod if b != 0 && b != -1 => {
                        let r = a % b;
                        return Ok(Value::Int(if r != 0 && (r ^ b) < 0 { r + b } else { r }));
                    }
                    BinOp::FloorDiv if b != 0 && b != -1 => {
                        let q = a / b;
                        return Ok(Value::Int(if a % b != 0 && (a < 0) != (b < 0) {
                            q - 1
                        } else {
                            q
                        }));
                    }
                    _ => {}
                }
                let (a, b) = (a as i128, b as i128);
                let small = match op {
                    BinOp::Add => Some(a + b),
                    BinOp::Sub => Some(a - b),
                    BinOp::Mul => Some(a * b),
                    BinOp::FloorDiv => {
                        if b == 0 {
                            return Err(zero_division("integer division or modulo by zero"));
                        }
                        Some(Integer::div_floor(&a, &b))
                    }
                    BinOp::Mod => {
                        if b == 0 {
                            return Err(zero_division("integer modulo by zero"));
                        }
                        Some(Integer::mod_floor(&a, &b))
                    }
                    BinOp::BitAnd => Some(a & b),
                    BinOp::BitOr => Some(a | b),
                    BinOp::BitXor => Some(a ^ b),
                    BinOp::LShift if b < 0 => return Err(value_error("negative shift count")),
                    BinOp::LShift if b < 64 && a.unsigned_abs() < (1 << 62) => Some(a << b),
                    BinOp::RShift if b < 0 => return Err(value_error("negative shift count")),
                    BinOp::RShift => Some(a >> b.min(127)),
                    _ => None,
                };
                if let Some(result) = small {
                    return Ok(Value::from_i128(result));
                }
            }
            let (a, b) = (big(&left), big(&right));
            return Ok(Value::from_bigint(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div => return Ok(Value::float(int_true_div(&left, &right)?)),
                BinOp::FloorDiv => {
                    if b.is_zero() {
                        return Err(zero_division("integer division or modulo by zero"));
                    }
                    a.div_floor(&b)
                }
                BinOp::Mod => {
                    if b.is_zero() {
                        return Err(zero_division("integer modulo by zero"));
                    }
                    a.mod_floor(&b)
                }
                BinOp::Pow => return int_pow(&left, &right),
                BinOp::BitAnd => a & b,
                BinOp::BitOr => a | b,
                BinOp::BitXor => a ^ b,
                BinOp::LShift => {
                    if b.is_negative() {
                        return Err(value_error("negative shift count"));
                    }
                    if a.is_zero() {
                        return Ok(Value::Int(0));
                    }
                    match b.to_usize().filter(|s| *s < (1 << 32)) {
                        Some(shift) => a << shift,
                        // Past the most 30-bit digits a CPython int can have, CPython's
                        // error is OverflowError; below it, memory runs out first.
                        None => {
                            const MAX_LONG_DIGITS: u64 = (i64::MAX as u64 - 24) / 4;
                            let digits = a.bits().div_ceil(30)
                                + &b / 30u32
                                + u64::from(!(&b % 30u32).is_zero());
                            return Err(if digits > BigInt::from(MAX_LONG_DIGITS) {
                                overflow_error("too many digits in integer")
                            } else {
                                memory_error()
                            });
                        }
                    }
                }
                BinOp::RShift => {
                    if b.is_negative() {
                        return Err(value_error("negative shift count"));
                    }
                    match b.to_usize() {
                        Some(shift) => a >> shift,
                        None => BigInt::from(if a.is_negative() { -1 } else { 0 }),
                    }
                }
                BinOp::MatMul => return Err(unsupported("@", &left, &right)),
            }));
        }
        // Sequences.
        match (op, &left, &right) {
            (BinOp::Add, Value::Str(a), Value::Str(b)) => {
                let mut text = String::with_capacity(a.text.len() + b.text.len());
                text.push_str(a.as_str());
                text.push_str(b.as_str());
                return Ok(Value::str(text));
            }
            (BinOp::Add, Value::Str(_), _) => {
                return Err(type_error(format!(
                    "can only concatenate str (not \"{}\") to str",
                    right.type_name()
                )));
            }
            (BinOp::Add, Value::List(a), Value::List(b)) => {
                if inplace {
                    let items = b.borrow().clone();
                    a.borrow_mut().extend(items);
                    return Ok(left);
                }
                let mut items = a.borrow().clone();
                items.extend(b.borrow().iter().cloned());
                return Ok(Value::list(items));
            }
            (BinOp::Add, Value::List(a), _) if inplace => {
                let items = self.collect_iterable(right)?;
                a.borrow_mut().extend(items);
                return Ok(left);
            }
            (BinOp::Add, Value::List(_), _) => {
                return Err(type_error(format!(
                    "can only concatenate list (not \"{}\") to list",
                    right.type_name()
                )));
            }
            (BinOp::Add, Value::Tuple(a), Value::Tuple(b)) => {
                let mut items = a.0.clone();
                items.extend(b.0.iter().cloned());
                return Ok(Value::tuple(items));
            }
            (BinOp::Add, Value::Tuple(_), _) => {
                return Err(type_error(format!(
                    "can only concatenate tuple (not \"{}\") to tuple",
                    right.type_name()
                )));
            }
            (BinOp::Mul, Value::Str(_) | Value::List(_) | Value::Tuple(_), _)
            | (BinOp::Mul, _, Value::Str(_) | Value::List(_) | Value::Tuple(_)) => {
                let (sequence, count) =
                    if matches!(left, Value::Str(_) | Value::List(_) | Value::Tuple(_)) {
                        (&left, &right)
                    } else {
                        (&right, &left)
                    };
                let Some(count) = (match count {
                    Value::Int(_) | Value::Bool(_) => count.as_i64(),
                    Value::BigInt(_) => {
                        return Err(overflow_error(
                            "cannot fit 'int' into an index-sized integer",
                        ));
                    }
                    _ => None,
                }) else {
                    return Err(type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        count.type_name()
                    )));
                };
                let count = count.max(0) as usize;
                return self.repeat(sequence, count, inplace);
            }
            (BinOp::Mod, Value::Str(format), _) => {
                return self.percent_format(format.as_str(), &right);
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, l, r)
                if is_set_view(l) || is_set_view(r) =>
            {
                return self.view_set_op(op, left, right);
            }
            (
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
                Value::Set(a),
                Value::Set(b),
            ) => {
                // As Objects/setobject.c computes each, so the result iterates in
                // CPython's order; `a op= b` updates `a` in place the way CPython does.
                let b_items = b.items.borrow().clone();
                if inplace && !a.frozen {
                    let mut items = a.items.borrow_mut();
                    match op {
                        BinOp::BitOr => items.merge(&b_items),
                        BinOp::BitAnd => *items = items.intersection(&b_items),
                        BinOp::Sub if Rc::ptr_eq(a, b) => items.clear(),
                        BinOp::Sub => {
                            for key in b_items.iter() {
                                items.discard(key);
                            }
                        }
                        _ if Rc::ptr_eq(a, b) => items.clear(),
                        _ => items.symmetric_difference_update(&b_items),
                    }
                    drop(items);
                    return Ok(left);
                }
                let a_items = a.items.borrow();
                let result: SetItems = match op {
                    BinOp::BitOr => {
                        let mut union = a_items.copy();
                        union.merge(&b_items);
                        union
                    }
                    BinOp::BitAnd => a_items.intersection(&b_items),
                    BinOp::Sub => a_items.difference(&b_items),
                    _ => a_items.symmetric_difference(&b_items),
                };
                return Ok(Value::set(result, a.frozen));
            }
            (BinOp::BitOr, Value::Dict(a), Value::Dict(b)) => {
                if inplace {
                    let entries: Vec<_> = b
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    a.borrow_mut().extend(entries);
                    return Ok(left);
                }
                let mut merged = a.borrow().clone();
                merged.extend(b.borrow().iter().map(|(k, v)| (k.clone(), v.clone())));
                return Ok(Value::dict(merged));
            }
            (BinOp::BitOr, l, r) => {
                if let Some(result) = super::typing::or(l, r) {
                    return result;
                }
            }
            _ => {}
        }
        Err(unsupported(op.symbol(), &left, &right))
    }

    fn repeat(&mut self, sequence: &Value, count: usize, inplace: bool) -> PyResult<Value> {
        let len = match sequence {
            Value::Str(s) => s.text.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.0.len(),
            _ => 0,
        };
        if len.saturating_mul(count) > MAX_ITEMS {
            return Err(memory_error());
        }
        Ok(match sequence {
            Value::Str(s) => Value::str(s.as_str().repeat(count)),
            Value::List(list) => {
                let items: Vec<Value> = list
                    .borrow()
                    .iter()
                    .cloned()
                    .cycle()
                    .take(len * count)
                    .collect();
                if inplace {
                    *list.borrow_mut() = items;
                    sequence.clone()
                } else {
                    Value::list(items)
                }
            }
            Value::Tuple(tuple) => {
                Value::tuple(tuple.0.iter().cloned().cycle().take(len * count).collect())
            }
            _ => unreachable!("a sequence"),
        })
    }

    pub fn unary_op(&mut self, op: UnaryOp, operand: Value) -> PyResult<Value> {
        let symbol = match op {
            UnaryOp::Not => return Ok(Value::bool(!operand.truthy())),
            UnaryOp::Neg => "-",
            UnaryOp::Pos => "+",
            UnaryOp::Invert => "~",
        };
        match (&operand, op) {
            (Value::Float(f), UnaryOp::Neg) => Ok(Value::float(-f.get())),
            (Value::Float(_), UnaryOp::Pos) => Ok(operand),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), _) => {
                if let Some(i) = operand.as_i64() {
                    let i = i as i128;
                    return Ok(Value::from_i128(match op {
                        UnaryOp::Neg => -i,
                        UnaryOp::Pos => i,
                        _ => !i,
                    }));
                }
                let b = big(&operand);
                Ok(Value::from_bigint(match op {
                    UnaryOp::Neg => -b,
                    UnaryOp::Pos => b,
                    _ => !b,
                }))
            }
            _ => Err(type_error(format!(
                "bad operand type for unary {symbol}: '{}'",
                operand.type_name()
            ))),
        }
    }

    pub fn compare_op(&mut self, op: CmpOp, left: &Value, right: &Value) -> PyResult<Value> {
        Ok(Value::bool(match op {
            CmpOp::Eq => try_values_equal(left, right).map_err(|_| comparison_too_deep())?,
            CmpOp::NotEq => !try_values_equal(left, right).map_err(|_| comparison_too_deep())?,
            CmpOp::Is => left.is(right),
            CmpOp::IsNot => !left.is(right),
            CmpOp::In => self.contains(right, left)?,
            CmpOp::NotIn => !self.contains(right, left)?,
            CmpOp::Lt | CmpOp::LtE | CmpOp::Gt | CmpOp::GtE => {
                let ordering = self.order(left, right, op.symbol())?;
                match op {
                    CmpOp::Lt => ordering == Some(Ordering::Less),
                    CmpOp::LtE => matches!(ordering, Some(Ordering::Less | Ordering::Equal)),
                    CmpOp::Gt => ordering == Some(Ordering::Greater),
                    _ => matches!(ordering, Some(Ordering::Greater | Ordering::Equal)),
                }
            }
        }))
    }

    /// Order two values for `<` and friends (and sorting). `None` when unordered (NaN).
    pub fn order(
        &mut self,
        left: &Value,
        right: &Value,
        symbol: &str,
    ) -> PyResult<Option<Ordering>> {
        self.order_at(left, right, symbol, 0)
    }

    fn order_at(
        &mut self,
        left: &Value,
        right: &Value,
        symbol: &str,
        depth: usize,
    ) -> PyResult<Option<Ordering>> {
        if depth > NESTING_LIMIT {
            return Err(comparison_too_deep());
        }
        if left.is_number() && right.is_number() {
            return Ok(numeric_cmp(left, right));
        }
        if let Some(items) = left.struct_seq() {
            return self.order_at(&items.clone(), right, symbol, depth);
        }
        if let Some(items) = right.struct_seq() {
            return self.order_at(left, &items.clone(), symbol, depth);
        }
        match (left, right) {
            (Value::Str(a), Value::Str(b)) => Ok(Some(a.as_str().cmp(b.as_str()))),
            (Value::List(a), Value::List(b)) => {
                let (a, b) = (a.borrow().clone(), b.borrow().clone());
                self.order_sequences(&a, &b, symbol, depth)
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                let (a, b) = (a.0.clone(), b.0.clone());
                self.order_sequences(&a, &b, symbol, depth)
            }
            (Value::Set(a), Value::Set(b)) => {
                let (a, b) = (a.items.borrow(), b.items.borrow());
                let subset = a.iter().all(|k| b.contains(k));
                let superset = b.iter().all(|k| a.contains(k));
                Ok(match (subset, superset) {
                    (true, true) => Some(Ordering::Equal),
                    (true, false) => Some(Ordering::Less),
                    (false, true) => Some(Ordering::Greater),
                    (false, false) => None,
                })
            }
            _ => Err(type_error(format!(
                "'{symbol}' not supported between instances of '{}' and '{}'",
                left.type_name(),
                right.type_name()
            ))),
        }
    }

    fn order_sequences(
        &mut self,
        a: &[Value],
        b: &[Value],
        symbol: &str,
        depth: usize,
    ) -> PyResult<Option<Ordering>> {
        for (x, y) in a.iter().zip(b) {
            if x.is(y) || try_values_equal(x, y).map_err(|_| comparison_too_deep())? {
                continue;
            }
            return self.order_at(x, y, symbol, depth + 1);
        }
        Ok(Some(a.len().cmp(&b.len())))
    }

    /// `item in container`
    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if let Some(items) = container.struct_seq() {
            return self.contains(&items.clone(), item);
        }
        match container {
            Value::Str(s) => match item {
                Value::Str(needle) => Ok(s.as_str().contains(needle.as_str())),
                _ => Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    item.type_name()
                ))),
            },
            Value::List(list) => {
                let items = list.borrow().clone();
                contains_item(&items, item)
            }
            Value::Tuple(tuple) => contains_item(&tuple.0, item),
            Value::Dict(dict) => {
                let key = self.key(item.clone())?;
                Ok(dict.borrow().contains_key(&key))
            }
            Value::Set(set) => {
                let key = self.set_member_key(item)?;
                Ok(set.items.borrow().contains(&key))
            }
            Value::Range(range) => Ok(match item.as_i64() {
                Some(i) => {
                    let (start, stop, step) = (range.start, range.stop, range.step);
                    let inside = if step > 0 {
                        i >= start && i < stop
                    } else {
                        i <= start && i > stop
                    };
                    inside && (i - start) % step == 0
                }
                None => false,
            }),
            Value::DictView(view) => {
                let (dict, view) = (&view.dict, view.kind);
                let entries: Vec<(Value, Value)> = dict
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.value.clone(), v.clone()))
                    .collect();
                Ok(match view {
                    DictView::Keys => {
                        let key = self.key(item.clone())?;
                        dict.borrow().contains_key(&key)
                    }
                    DictView::Values => entries
                        .iter()
                        .any(|(_, v)| v.is(item) || values_equal(v, item)),
                    DictView::Items => entries
                        .into_iter()
                        .any(|(k, v)| values_equal(&Value::tuple(vec![k, v]), item)),
                })
            }
            Value::Iterator(_) | Value::Generator(_) => {
                let iterator = container.clone();
                while let Some(x) = self.iter_next(&iterator)? {
                    if x.is(item) || values_equal(&x, item) {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(type_error(format!(
                "argument of type '{}' is not iterable",
                container.type_name()
            ))),
        }
    }

    /// A dict key or set item, or `TypeError: unhashable type`.
    pub fn key(&mut self, value: Value) -> PyResult<Key> {
        Key::new(value).map_err(|name| type_error(format!("unhashable type: '{name}'")))
    }

    /// The key a set looks `item` up by for `in`, `remove` and `discard`: a set is looked
    /// up as the frozenset of its items, as CPython does (`{1} in {frozenset({1})}`).
    pub fn set_member_key(&mut self, item: &Value) -> PyResult<Key> {
        match item {
            Value::Set(set) if !set.frozen => {
                let items = set.items.borrow().clone();
                self.key(Value::set(items, true))
            }
            _ => self.key(item.clone()),
        }
    }

    // ------------------------------------------------------------------------ indexing

    pub fn subscript(&mut self, object: &Value, index: &Value) -> PyResult<Value> {
        if let Some(items) = object.struct_seq() {
            return self.subscript(&items.clone(), index);
        }
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = index {
                    let items = list.borrow();
                    let indices = slice_indices(slice, items.len())?;
                    return Ok(Value::list(indices.map(|i| items[i].clone()).collect()));
                }
                let items = list.borrow();
                let i = sequence_index(index, items.len(), "list")?;
                Ok(items[i].clone())
            }
            Value::Tuple(tuple) => {
                if let Value::Slice(slice) = index {
                    let indices = slice_indices(slice, tuple.0.len())?;
                    return Ok(Value::tuple(indices.map(|i| tuple.0[i].clone()).collect()));
                }
                let i = sequence_index(index, tuple.0.len(), "tuple")?;
                Ok(tuple.0[i].clone())
            }
            Value::Str(s) => {
                if let Value::Slice(slice) = index {
                    let indices = slice_indices(slice, s.len())?;
                    if s.is_ascii() {
                        let bytes = s.text.as_bytes();
                        let text: String = indices.map(|i| bytes[i] as char).collect();
                        return Ok(Value::str(text));
                    }
                    let chars: Vec<char> = s.as_str().chars().collect();
                    return Ok(Value::str(indices.map(|i| chars[i]).collect::<String>()));
                }
                let i = sequence_index(index, s.len(), "string")?;
                Ok(Value::str(s.char_at(i).to_string()))
            }
            Value::Dict(dict) => {
                let key = self.key(index.clone())?;
                match dict.borrow().get(&key) {
                    Some(value) => Ok(value.clone()),
                    None => Err(Exception::new(ExcType::KeyError, vec![index.clone()])),
                }
            }
            Value::Range(range) => {
                let len = range.len();
                if let Value::Slice(slice) = index {
                    // As CPython: the clamped slice bounds, mapped through the range.
                    let (start, stop, step) = slice_bounds(slice, len as usize)?;
                    return Ok(Value::Range(Rc::new(super::value::Range {
                        start: range.get(start),
                        stop: range.get(stop),
                        step: range.step * step,
                    })));
                }
                let i = sequence_index(index, len as usize, "range object")?;
                Ok(Value::Int(range.get(i as i64)))
            }
            Value::Type(Type::Typing(name)) => super::typing::subscript_name(self, *name, index),
            Value::Type(ty) => super::typing::subscript_type(ty, index),
            Value::Object(native) if let Some(typing) = native.typing() => {
                super::typing::subscript_object(object, typing, index)
            }
            _ => Err(type_error(format!(
                "'{}' object is not subscriptable",
                object.type_name()
            ))),
        }
    }

    pub fn store_subscript(&mut self, object: &Value, index: Value, value: Value) -> PyResult<()> {
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = &index {
                    if !is_iterable(&value) {
                        return Err(type_error("can only assign an iterable"));
                    }
                    let new_items = self.collect_iterable(value)?;
                    let mut items = list.borrow_mut();
                    let step = slice_step(slice)?;
                    let indices: Vec<usize> = slice_indices(slice, items.len())?.collect();
                    if step == 1 {
                        let start = slice_start_for_assignment(slice, items.len())?;
                        let end = indices.last().map_or(start, |&last| last + 1);
                        items.splice(start..end.max(start), new_items);
                        return Ok(());
                    }
                    if indices.len() != new_items.len() {
                        return Err(value_error(format!(
                            "attempt to assign sequence of size {} to extended slice of size {}",
                            new_items.len(),
                            indices.len()
                        )));
                    }
                    for (i, item) in indices.into_iter().zip(new_items) {
                        items[i] = item;
                    }
                    return Ok(());
                }
                let mut items = list.borrow_mut();
                let len = items.len();
                let i = assignment_index(&index, len)?;
                items[i] = value;
                Ok(())
            }
            Value::Dict(dict) => {
                let key = self.key(index)?;
                dict.borrow_mut().insert(key, value);
                Ok(())
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item assignment",
                object.type_name()
            ))),
        }
    }

    pub fn delete_subscript(&mut self, object: &Value, index: Value) -> PyResult<()> {
        match object {
            Value::List(list) => {
                if let Value::Slice(slice) = &index {
                    let mut items = list.borrow_mut();
                    let mut indices: Vec<usize> = slice_indices(slice, items.len())?.collect();
                    indices.sort_unstable();
                    for i in indices.into_iter().rev() {
                        items.remove(i);
                    }
                    return Ok(());
                }
                let mut items = list.borrow_mut();
                let len = items.len();
                let i = assignment_index(&index, len)?;
                items.remove(i);
                Ok(())
            }
            Value::Dict(dict) => {
                let key = self.key(index.clone())?;
                match dict.borrow_mut().shift_remove(&key) {
                    Some(_) => Ok(()),
                    None => Err(Exception::new(ExcType::KeyError, vec![index])),
                }
            }
            // CPython words it differently for sequences and for everything else.
            Value::Str(_) | Value::Tuple(_) | Value::Range(_) | Value::Set(_) => {
                Err(type_error(format!(
                    "'{}' object doesn't support item deletion",
                    object.type_name()
                )))
            }
            _ => Err(type_error(format!(
                "'{}' object does not support item deletion",
                object.type_name()
            ))),
        }
    }

    // ------------------------------------------------------------------------ iteration

    pub fn get_iter(&mut self, iterable: Value) -> PyResult<Value> {
        if let Some(items) = iterable.struct_seq() {
            return self.get_iter(items.clone());
        }
        Ok(match iterable {
            Value::List(_) | Value::Tuple(_) => Value::iterator(Iter::Seq {
                items: iterable,
                index: 0,
            }),
            Value::Range(range) => Value::iterator(Iter::Range {
                next: range.start,
                stop: range.stop,
                step: range.step,
            }),
            Value::Str(text) => Value::iterator(Iter::Str { text, byte: 0 }),
            Value::Dict(dict) => {
                let len = dict.borrow().len();
                Value::iterator(Iter::Dict {
                    dict,
                    index: 0,
                    len,
                    view: DictView::Keys,
                })
            }
            Value::Set(set) => {
                let len = set.items.borrow().len();
                Value::iterator(Iter::Set { set, index: 0, len })
            }
            Value::Iterator(_) | Value::Generator(_) => iterable,
            Value::DictView(view) => {
                let (dict, view) = (view.dict.clone(), view.kind);
                let len = dict.borrow().len();
                Value::iterator(Iter::Dict {
                    dict,
                    index: 0,
                    len,
                    view,
                })
            }
            other => {
                return Err(type_error(format!(
                    "'{}' object is not iterable",
                    other.type_name()
                )));
            }
        })
    }

    /// The next item of an iterator, or `None` when it is exhausted.
    pub fn iter_next(&mut self, iterator: &Value) -> PyResult<Option<Value>> {
        let cell = match iterator {
            Value::Iterator(cell) => cell.clone(),
            Value::Generator(generator) => return self.generator_next(generator),
            other => {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    other.type_name()
                )));
            }
        };
        let mut iter = cell.borrow_mut();
        let changed = || runtime_changed("dictionary");
        Ok(match &mut *iter {
            Iter::Seq { items, index } => {
                let item = match items {
                    Value::List(list) => list.borrow().get(*index).cloned(),
                    Value::Tuple(tuple) => tuple.0.get(*index).cloned(),
                    _ => None,
                };
                if item.is_some() {
                    *index += 1;
                }
                item
            }
            Iter::Range { next, stop, step } => {
                let current = *next;
                if (*step > 0 && current < *stop) || (*step < 0 && current > *stop) {
                    *next = current.wrapping_add(*step);
                    Some(Value::Int(current))
                } else {
                    None
                }
            }
            Iter::Str { text, byte } => {
                let c = text.as_str()[*byte..].chars().next();
                c.map(|c| {
                    *byte += c.len_utf8();
                    Value::str(c.to_string())
                })
            }
            Iter::Dict {
                dict,
                index,
                len,
                view,
            } => {
                let map = dict.borrow();
                if map.len() != *len {
                    *len = usize::MAX;
                    return Err(changed());
                }
                let entry = map
                    .get_index(*index)
                    .map(|(k, v)| (k.value.clone(), v.clone()));
                drop(map);
                entry.map(|(key, value)| {
                    *index += 1;
                    match view {
                        DictView::Keys => key,
                        DictView::Values => value,
                        DictView::Items => Value::tuple(vec![key, value]),
                    }
                })
            }
            Iter::Set { set, index, len } => {
                let items = set.items.borrow();
                if items.len() != *len {
                    *len = usize::MAX;
                    return Err(runtime_changed("Set"));
                }
                // `index` is a table slot: the iterator walks the table as CPython's does.
                let next = items
                    .next_from(*index)
                    .map(|(after, k)| (after, k.value.clone()));
                drop(items);
                next.map(|(after, item)| {
                    *index = after;
                    item
                })
            }
            Iter::Reversed { items, index } => {
                if *index == 0 {
                    None
                } else {
                    *index -= 1;
                    match items {
                        Value::List(list) => list.borrow().get(*index).cloned(),
                        Value::Tuple(tuple) => tuple.0.get(*index).cloned(),
                        _ => None,
                    }
                }
            }
            Iter::Enumerate { inner, count } => {
                let inner = inner.clone();
                let current = count.clone();
                drop(iter);
                match self.iter_next(&inner)? {
                    None => None,
                    Some(item) => {
                        let next =
                            self.binary_op(BinOp::Add, current.clone(), Value::Int(1), false)?;
                        if let Iter::Enumerate { count, .. } = &mut *cell.borrow_mut() {
                            *count = next;
                        }
                        Some(Value::tuple(vec![current, item]))
                    }
                }
            }
            Iter::Zip { inners, strict } => {
                let (inners, strict) = (inners.clone(), *strict);
                drop(iter);
                let mut items = Vec::with_capacity(inners.len());
                for (i, inner) in inners.iter().enumerate() {
                    if let Some(item) = self.iter_next(inner)? {
                        items.push(item);
                        continue;
                    }
                    *cell.borrow_mut() = Iter::Exhausted;
                    if !strict {
                        return Ok(None);
                    }
                    // strict=True: every argument must run out together.
                    let arguments = |n: usize| {
                        if n == 1 {
                            "argument 1".to_string()
                        } else {
                            format!("arguments 1-{n}")
                        }
                    };
                    if i > 0 {
                        return Err(value_error(format!(
                            "zip() argument {} is shorter than {}",
                            i + 1,
                            arguments(i)
                        )));
                    }
                    for (j, other) in inners.iter().enumerate().skip(1) {
                        if self.iter_next(other)?.is_some() {
                            return Err(value_error(format!(
                                "zip() argument {} is longer than {}",
                                j + 1,
                                arguments(j)
                            )));
                        }
                    }
                    return Ok(None);
                }
                Some(Value::tuple(items))
            }
            Iter::Map { func, inners } => {
                let (func, inners) = (func.clone(), inners.clone());
                drop(iter);
                let mut args = Vec::with_capacity(inners.len());
                for inner in &inners {
                    match self.iter_next(inner)? {
                        Some(item) => args.push(item),
                        None => return Ok(None),
                    }
                }
                Some(self.call(func, args)?)
            }
            Iter::Filter { func, inner } => {
                let (func, inner) = (func.clone(), inner.clone());
                drop(iter);
                loop {
                    let Some(item) = self.iter_next(&inner)? else {
                        return Ok(None);
                    };
                    let keep = match &func {
                        Value::None => item.truthy(),
                        f => self.call(f.clone(), vec![item.clone()])?.truthy(),
                    };
                    if keep {
                        return Ok(Some(item));
                    }
                }
            }
            Iter::Callable { func, sentinel } => {
                let (func, sentinel) = (func.clone(), sentinel.clone());
                drop(iter);
                let value = self.call(func, Vec::new())?;
                if value.is(&sentinel) || values_equal(&value, &sentinel) {
                    *cell.borrow_mut() = Iter::Exhausted;
                    return Ok(None);
                }
                Some(value)
            }
            Iter::AsCompleted(state) => {
                let state = state.clone();
                drop(iter);
                self.as_completed_next(&state)?
            }
            Iter::Exhausted => None,
        })
    }

    /// Every item of an iterable.
    pub fn collect_iterable(&mut self, iterable: Value) -> PyResult<Vec<Value>> {
        match &iterable {
            Value::List(list) => return Ok(list.borrow().clone()),
            Value::Tuple(tuple) => return Ok(tuple.0.clone()),
            _ => {}
        }
        let iterator = self.get_iter(iterable)?;
        let mut items = Vec::new();
        while let Some(item) = self.iter_next(&iterator)? {
            if items.len() >= MAX_ITEMS {
                return Err(memory_error());
            }
            items.push(item);
        }
        Ok(items)
    }

    /// The items of `*iterable` in a call or display, with CPython's message for a
    /// non-iterable.
    pub fn collect_iterable_for_unpacking(&mut self, iterable: Value) -> PyResult<Vec<Value>> {
        if !is_iterable(&iterable) {
            return Err(type_error(format!(
                "Value after * must be an iterable, not {}",
                iterable.type_name()
            )));
        }
        self.collect_iterable(iterable)
    }

    pub fn unpack(&mut self, sequence: Value, n: usize) -> PyResult<Vec<Value>> {
        if let Value::Tuple(tuple) = &sequence
            && tuple.0.len() == n
        {
            return Ok(tuple.0.clone());
        }
        let items = self.unpackable(sequence)?;
        match items.len().cmp(&n) {
            Ordering::Equal => Ok(items),
            Ordering::Greater => Err(value_error(format!(
                "too many values to unpack (expected {n})"
            ))),
            Ordering::Less => Err(value_error(format!(
                "not enough values to unpack (expected {n}, got {})",
                items.len()
            ))),
        }
    }

    pub fn unpack_ex(
        &mut self,
        sequence: Value,
        before: usize,
        after: usize,
    ) -> PyResult<Vec<Value>> {
        let mut items = self.unpackable(sequence)?;
        if items.len() < before + after {
            return Err(value_error(format!(
                "not enough values to unpack (expected at least {}, got {})",
                before + after,
                items.len()
            )));
        }
        let tail = items.split_off(items.len() - after);
        let middle = items.split_off(before);
        items.push(Value::list(middle));
        items.extend(tail);
        Ok(items)
    }

    fn unpackable(&mut self, sequence: Value) -> PyResult<Vec<Value>> {
        if !is_iterable(&sequence) {
            return Err(type_error(format!(
                "cannot unpack non-iterable {} object",
                sequence.type_name()
            )));
        }
        self.collect_iterable(sequence)
    }

    /// `keys & other`, `other | items`, `keys - other`, `keys ^ other`: dict_keys and
    /// dict_items are sets for these, on either side, against any iterable; the result
    /// is a new set built as Objects/dictobject.c's `dictviews_*` build it (so it
    /// iterates in CPython's order).
    fn view_set_op(&mut self, op: BinOp, left: Value, right: Value) -> PyResult<Value> {
        if op == BinOp::BitAnd {
            // `_PyDictView_Intersect`: the view is `this`; CPython iterates the smaller
            // side when the other is a set or a bigger view.
            let (mut this, mut other) = if is_set_view(&left) {
                (left, right)
            } else {
                (right, left)
            };
            let this_len = self.len(&this)?;
            let mut kept = Vec::new();
            if let Value::Set(set) = &other
                && !set.frozen
                && this_len <= set.items.borrow().len()
            {
                for item in self.collect_iterable(this.clone())? {
                    if self.contains(&other, &item)? {
                        kept.push(item);
                    }
                }
                return self.make_set(kept, false);
            }
            if is_set_view(&other) && self.len(&other)? > this_len {
                std::mem::swap(&mut this, &mut other);
            }
            for item in self.collect_iterable(other)? {
                if self.contains(&this, &item)? {
                    kept.push(item);
                }
            }
            return self.make_set(kept, false);
        }
        let items = self.collect_iterable(left)?;
        let result = self.make_set(items, false)?;
        match op {
            BinOp::BitOr => self.set_update(&result, right)?,
            BinOp::Sub => {
                for item in self.collect_iterable(right)? {
                    let key = self.key(item)?;
                    if let Value::Set(set) = &result {
                        set.items.borrow_mut().discard(&key);
                    }
                }
            }
            _ => {
                let items = self.collect_iterable(right)?;
                let Value::Set(other) = self.make_set(items, false)? else {
                    unreachable!("make_set makes a set")
                };
                if let Value::Set(set) = &result {
                    let other = other.items.borrow().clone();
                    set.items.borrow_mut().symmetric_difference_update(&other);
                }
            }
        }
        Ok(result)
    }

    pub fn make_set(&mut self, items: Vec<Value>, frozen: bool) -> PyResult<Value> {
        let mut set = SetItems::default();
        for item in items {
            set.add(self.key(item)?);
        }
        Ok(Value::set(set, frozen))
    }

    /// `set_update_internal`: add an iterable's items to a set, merging another set's
    /// table as CPython does (which decides the resulting order).
    pub fn set_update(&mut self, set: &Value, iterable: Value) -> PyResult<()> {
        let Value::Set(target) = set else {
            return Ok(());
        };
        match &iterable {
            Value::Set(source) => {
                let source = source.items.borrow().clone();
                target.items.borrow_mut().merge(&source);
            }
            Value::Dict(dict) => {
                let keys: Vec<Key> = dict.borrow().keys().cloned().collect();
                let mut items = target.items.borrow_mut();
                for key in keys {
                    items.add(key);
                }
            }
            _ => {
                for item in self.collect_iterable(iterable)? {
                    self.set_add(set, item)?;
                }
            }
        }
        Ok(())
    }

    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let key = self.key(item)?;
        if let Value::Set(set) = set {
            set.items.borrow_mut().add(key);
        }
        Ok(())
    }

    /// A dict from alternating keys and values.
    pub fn make_dict(&mut self, items: Vec<Value>) -> PyResult<Value> {
        let mut map = DictMap::default();
        let mut items = items.into_iter();
        while let (Some(key), Some(value)) = (items.next(), items.next()) {
            map.insert(self.key(key)?, value);
        }
        Ok(Value::dict(map))
    }

    /// `{**mapping}` into `dict`.
    pub fn dict_merge(&mut self, dict: &Value, mapping: Value) -> PyResult<()> {
        let Value::Dict(source) = &mapping else {
            return Err(type_error(format!(
                "'{}' object is not a mapping",
                mapping.type_name()
            )));
        };
        let entries: Vec<_> = source
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        if let Value::Dict(target) = dict {
            target.borrow_mut().extend(entries);
        }
        Ok(())
    }

    // ------------------------------------------------------------------------ attributes

    pub fn get_attribute(&mut self, object: &Value, name: Sym) -> PyResult<Value> {
        if name == sym::__class__ {
            return Ok(Value::Type(object.type_of().interned()));
        }
        match object {
            Value::Module(module) => self.module_attribute(module, name),
            Value::Exception(exc) => match name {
                sym::args => Ok(Value::tuple(exc.args.clone())),
                sym::__cause__ => Ok(exc
                    .cause
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Exception)),
                sym::__context__ => Ok(exc
                    .context
                    .borrow()
                    .clone()
                    .map_or(Value::None, Value::Exception)),
                sym::__suppress_context__ => Ok(Value::bool(exc.suppress_context.get())),
                _ if exc.ty.is_subclass(ExcType::BaseExceptionGroup)
                    && matches!(&**self.symbols.name(name), "exceptions" | "message") =>
                {
                    let exceptions = exc.args.get(1).cloned().unwrap_or(Value::None);
                    match &**self.symbols.name(name) {
                        "message" => Ok(exc.args.first().cloned().unwrap_or(Value::None)),
                        _ => Ok(Value::tuple(self.collect_iterable(exceptions)?)),
                    }
                }
                // `SystemExit(code).code`: None, the one argument, or all of them.
                _ if exc.ty == ExcType::SystemExit && &**self.symbols.name(name) == "code" => {
                    Ok(match exc.args.as_slice() {
                        [] => Value::None,
                        [code] => code.clone(),
                        args => Value::tuple(args.to_vec()),
                    })
                }
                // `StopIteration(v).value` is its first argument.
                sym::value if exc.ty == ExcType::StopIteration => {
                    Ok(exc.args.first().cloned().unwrap_or(Value::None))
                }
                sym::with_traceback | sym::add_note => Ok(self.bound_method(object, name)),
                sym::__notes__ => match exc.notes.borrow().clone() {
                    Some(notes) => Ok(notes),
                    None => Err(self.no_attribute(object, name)),
                },
                _ => Err(self.no_attribute(object, name)),
            },
            Value::Type(Type::Typing(typing))
                if let Some(found) =
                    super::typing::name_attribute(*typing, &self.symbols.name(name).clone()) =>
            {
                found
            }
            Value::Type(Type::Typing(typing))
                if let Some(origin) =
                    super::typing::forwarded_name(*typing, &self.symbols.name(name).clone()) =>
            {
                self.get_attribute(&origin, name)
            }
            Value::Type(ty) => match name {
                sym::__name__ | sym::__qualname__ => Ok(Value::str(ty.name())),
                // `str.lower`: a method of the type, called with the instance first.
                _ if super::builtins::type_has_method(self, **ty, name) => {
                    Ok(self.bound_method(object, name))
                }
                _ => {
                    let attribute = self.symbols.name(name);
                    let error = Exception::msg(
                        ExcType::AttributeError,
                        format!("type object '{}' has no attribute '{attribute}'", ty.name()),
                    );
                    let key = match ty {
                        Type::Exception(ExcType::StopIteration) => "StopIteration",
                        Type::Exception(_) => "BaseException",
                        other => other.name(),
                    };
                    if let Some(dir) = super::suggest::dir_named(key) {
                        *error.suggestion.borrow_mut() =
                            super::suggest::closest(attribute, dir).map(Rc::from);
                    }
                    Err(error)
                }
            },
            Value::Coroutine(coro) => match name {
                sym::__name__ => Ok(Value::str(coro.name())),
                sym::__qualname__ => Ok(Value::str(coro.qualname())),
                _ if self.has_method(object, name) => Ok(self.bound_method(object, name)),
                _ => Err(self.no_attribute(object, name)),
            },
            Value::Function(function) => match name {
                sym::__name__ => Ok(Value::str(&*function.code.name)),
                sym::__qualname__ => Ok(Value::str(&*function.code.qualname)),
                _ => match &**self.symbols.name(name) {
                    "__doc__" => Ok(function.code.doc.as_deref().map_or(Value::None, Value::str)),
                    "__module__" => Ok(self
                        .modules
                        .get(function.code.module as usize)
                        .map_or(Value::None, |m| Value::str(&*m.name))),
                    "__annotations__" => Ok(function
                        .annotations
                        .clone()
                        .unwrap_or_else(|| Value::dict(Default::default()))),
                    _ => Err(self.no_attribute(object, name)),
                },
            },
            Value::Builtin(builtin) => match name {
                sym::__name__ | sym::__qualname__ => Ok(Value::str(builtin.name())),
                _ => Err(self.no_attribute(object, name)),
            },
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) if name == sym::denominator => {
                Ok(Value::Int(1))
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_)
                if name == sym::real || name == sym::numerator =>
            {
                Ok(match object {
                    Value::Bool(b) => Value::Int(i64::from(b.get())),
                    other => other.clone(),
                })
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) if name == sym::imag => {
                Ok(Value::Int(0))
            }
            Value::Float(_) if name == sym::real => Ok(object.clone()),
            Value::Float(_) if name == sym::imag => Ok(Value::float(0.0)),
            Value::Object(native) => {
                let text = self.symbols.name(name).clone();
                if let Some(value) = self.object_attribute(native, &text) {
                    Ok(value)
                } else if self.has_method(object, name) {
                    Ok(self.bound_method(object, name))
                } else if let Some(origin) = native
                    .typing()
                    .and_then(|typing| super::typing::forwarded(typing, &text))
                {
                    self.get_attribute(&origin, name)
                } else {
                    Err(self.no_attribute(object, name))
                }
            }
            _ => {
                if self.has_method(object, name) {
                    Ok(self.bound_method(object, name))
                } else {
                    Err(self.no_attribute(object, name))
                }
            }
        }
    }

    fn bound_method(&self, object: &Value, name: Sym) -> Value {
        Value::Method(Rc::new(BoundMethod {
            receiver: object.clone(),
            name,
        }))
    }

    pub fn no_attribute(&self, object: &Value, name: Sym) -> Rc<Exception> {
        let name = self.symbols.name(name);
        let error = attribute_error(object.type_name(), name);
        let dir = match object {
            Value::Object(native) => Some(native.methods()),
            _ => super::suggest::dir_of(object),
        };
        if let Some(dir) = dir {
            *error.suggestion.borrow_mut() = super::suggest::closest(name, dir).map(Rc::from);
        }
        error
    }

    /// The error for `object.name = value`: no object in the subset but a module (see
    /// `Interp::set_module_attribute`) takes new attributes.
    pub fn store_attribute_error(&self, object: &Value, name: Sym) -> Rc<Exception> {
        match object {
            _ if self.has_method(object, name) => Exception::msg(
                ExcType::AttributeError,
                format!(
                    "'{}' object attribute '{}' is read-only",
                    object.type_name(),
                    self.symbols.name(name)
                ),
            ),
            _ => self.no_attribute(object, name),
        }
    }

    pub fn module_attribute(&mut self, module: &Rc<Module>, name: Sym) -> PyResult<Value> {
        match self.module_member(module, name) {
            Some(value) => Ok(value),
            None => Err(self.module_attribute_error(module, name)),
        }
    }
}

fn runtime_changed(what: &str) -> Rc<Exception> {
    super::exceptions::runtime_error(format!("{what} changed size during iteration"))
}

/// Whether a value can be iterated (for the messages of `*x` and unpacking).
pub fn is_iterable(value: &Value) -> bool {
    matches!(
        value,
        Value::List(_)
            | Value::Tuple(_)
            | Value::Str(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::Range(_)
            | Value::Iterator(_)
            | Value::Generator(_)
            | Value::DictView(..)
    ) || value.struct_seq().is_some()
}

/// A list index for `items[i] = x` or `del items[i]`, with CPython's message.
fn assignment_index(index: &Value, len: usize) -> PyResult<usize> {
    sequence_index(index, len, "list").map_err(|e| {
        if e.ty == ExcType::IndexError {
            index_error("list assignment index out of range")
        } else {
            e
        }
    })
}

/// A sequence index (negative from the end) checked against `len`.
pub fn sequence_index(index: &Value, len: usize, what: &str) -> PyResult<usize> {
    let i = match index {
        Value::Int(_) | Value::Bool(_) => index.as_i64().expect("an int"),
        Value::BigInt(_) => {
            return Err(index_error("cannot fit 'int' into an index-sized integer"));
        }
        _ => {
            if what == "string" {
                return Err(type_error(format!(
                    "string indices must be integers, not '{}'",
                    index.type_name()
                )));
            }
            return Err(type_error(format!(
                "{} indices must be integers or slices, not {}",
                what.trim_end_matches(" object"),
                index.type_name()
            )));
        }
    };
    let adjusted = if i < 0 { i + len as i64 } else { i };
    if adjusted < 0 || adjusted >= len as i64 {
        return Err(index_error(format!("{what} index out of range")));
    }
    Ok(adjusted as usize)
}

fn slice_part(value: &Value) -> PyResult<Option<i64>> {
    match value {
        Value::None => Ok(None),
        Value::Int(_) | Value::Bool(_) => Ok(value.as_i64()),
        Value::BigInt(b) => Ok(Some(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        _ => Err(type_error(
            "slice indices must be integers or None or have an __index__ method",
        )),
    }
}

pub fn slice_step(slice: &super::value::Slice) -> PyResult<i64> {
    let step = slice_part(&slice.step)?.unwrap_or(1);
    if step == 0 {
        return Err(value_error("slice step cannot be zero"));
    }
    Ok(step)
}

/// Where a step-1 slice assignment starts (`items[2:] = ...`).
fn slice_start_for_assignment(slice: &super::value::Slice, len: usize) -> PyResult<usize> {
    let len = len as i64;
    let start = slice_part(&slice.start)?.unwrap_or(0);
    let start = if start < 0 {
        (start + len).max(0)
    } else {
        start.min(len)
    };
    Ok(start as usize)
}

/// The indices a slice selects from a sequence of `len` items, in order.
pub fn slice_indices(
    slice: &super::value::Slice,
    len: usize,
) -> PyResult<impl Iterator<Item = usize>> {
    let (start, stop, step) = slice_bounds(slice, len)?;
    let count = if step > 0 {
        if start < stop {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / -step
    } else {
        0
    };
    Ok((0..count).map(move |k| (start + k * step) as usize))
}

/// `slice.indices(len)`: start, stop and step clamped to a sequence of `len` items.
pub fn slice_bounds(slice: &super::value::Slice, len: usize) -> PyResult<(i64, i64, i64)> {
    let step = slice_step(slice)?;
    let len = len as i64;
    let clamp = |value: Option<i64>, default: i64| -> i64 {
        match value {
            None => default,
            Some(v) if v < 0 => {
                let v = v + len;
                if v < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    v
                }
            }
            Some(v) if v >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 {
        (
            clamp(slice_part(&slice.start)?, 0),
            clamp(slice_part(&slice.stop)?, len),
        )
    } else {
        (
            clamp(slice_part(&slice.start)?, len - 1),
            clamp(slice_part(&slice.stop)?, -1),
        )
    };
    Ok((start, stop, step))
}

/// Whether a value is an instance of a type (or any in a tuple).
pub fn isinstance(value: &Value, class: &Value) -> PyResult<bool> {
    match class {
        Value::Type(Type::Typing(name)) => super::typing::instance_of_name(value, *name),
        Value::Type(ty) => Ok(value.type_of().is_subtype(**ty)
            || matches!((value, ty), (Value::Future(_), Type::Future))),
        Value::Object(object) if let Some(typing) = object.typing() => {
            super::typing::instance_of_object(value, typing)
        }
        Value::Tuple(classes) => {
            for class in &classes.0 {
                if isinstance(value, class)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

fn comparison_too_deep() -> Rc<Exception> {
    Exception::msg(
        ExcType::RecursionError,
        "maximum recursion depth exceeded in comparison",
    )
}

/// `item in items` for a list or tuple.
fn contains_item(items: &[Value], item: &Value) -> PyResult<bool> {
    for x in items {
        if x.is(item) || try_values_equal(x, item).map_err(|_| comparison_too_deep())? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// A `dict_keys` or `dict_items` view: the views that are also sets.
fn is_set_view(value: &Value) -> bool {
    matches!(value, Value::DictView(view) if view.kind != super::value::DictView::Values)
}
