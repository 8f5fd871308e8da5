//! Built-in functions, type constructors and the methods of the built-in types.
//!
//! Every built-in a program can name is a [`Builtin`] (a small `Copy` id) or a [`Type`];
//! [`lookup`] maps names to them for the global slots that fall back to builtins. Methods
//! are dispatched on the receiver's type and the interned method name, so a method call
//! allocates nothing but its result. Messages follow CPython 3.11.

// Method and attribute symbols are named exactly as in Python (`sym::append`).
#![allow(non_upper_case_globals)]

use std::cmp::Ordering;
use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::Interp;
use super::exceptions::{
    ExcType, Exception, PyResult, index_error, overflow_error, repr_too_deep, type_error,
    value_error,
};
use super::ops::{MAX_ITEMS, int_to_float, isinstance, memory_error};
use super::symbol::{Sym, sym};
use super::value::{DictMap, DictView, Iter, Key, Range, SetItems, Type, Value, values_equal};
use crate::pyfmt;

macro_rules! builtins {
    ($($variant:ident = $name:literal,)*) => {
        /// A built-in function.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u64)] // one word, for `Value::Builtin` (see `Value`)
        pub enum Builtin { $($variant,)* }

        impl Builtin {
            pub fn name(self) -> &'static str {
                match self { $(Builtin::$variant => $name,)* }
            }
        }
    };
}

builtins! {
    Print = "print",
    Len = "len",
    Repr = "repr",
    Round = "round",
    Abs = "abs",
    Min = "min",
    Max = "max",
    Sum = "sum",
    Sorted = "sorted",
    Reversed = "reversed",
    Enumerate = "enumerate",
    Zip = "zip",
    Map = "map",
    Filter = "filter",
    Any = "any",
    All = "all",
    Isinstance = "isinstance",
    Divmod = "divmod",
    Pow = "pow",
    Chr = "chr",
    Ord = "ord",
    Iter = "iter",
    Next = "next",
    Hash = "hash",
    Callable = "callable",
    Hex = "hex",
    Oct = "oct",
    Bin = "bin",
    Format = "format",
    Getattr = "getattr",
    Ascii = "ascii",
    Exit = "exit",
    Hasattr = "hasattr",
    Aiter = "aiter",
    Anext = "anext",
    Import = "__import__",
    Dir = "dir",
    ImportlibImportModule = "import_module",
    SysExit = "exit",
    SysGetrecursionlimit = "getrecursionlimit",
    SysSetrecursionlimit = "setrecursionlimit",
    AsyncioRun = "run",
    AsyncioSleep = "sleep",
    AsyncioGather = "gather",
    AsyncioCreateTask = "create_task",
    AsyncioEnsureFuture = "ensure_future",
    AsyncioWaitFor = "wait_for",
    AsyncioAsCompleted = "as_completed",
    AsyncioGetRunningLoop = "get_running_loop",
    AsyncioGetEventLoop = "get_event_loop",
    AsyncioCurrentTask = "current_task",
    AsyncioAllTasks = "all_tasks",
    AsyncioIscoroutine = "iscoroutine",
    AsyncioTimeout = "timeout",
    AsyncioTimeoutAt = "timeout_at",
    AsyncioWait = "wait",
    AsyncioShield = "shield",
    AsyncioToThread = "to_thread",
    AsyncioNewEventLoop = "new_event_loop",
    AsyncioIscoroutinefunction = "iscoroutinefunction",
    AsyncioIsfuture = "isfuture",
    AsyncioSetEventLoop = "set_event_loop",
    RandomSeed = "seed",
    RandomRandom = "random",
    RandomUniform = "uniform",
    RandomRandint = "randint",
    RandomRandrange = "randrange",
    RandomChoice = "choice",
    RandomChoices = "choices",
    RandomShuffle = "shuffle",
    RandomSample = "sample",
    RandomGetrandbits = "getrandbits",
    RandomGauss = "gauss",
    RandomNormalvariate = "normalvariate",
    RandomExpovariate = "expovariate",
    RandomTriangular = "triangular",
    TimeTime = "time",
    TimeMonotonic = "monotonic",
    TimePerfCounter = "perf_counter",
    TimeSleep = "sleep",
    TimeTimeNs = "time_ns",
    TimeMonotonicNs = "monotonic_ns",
    TimePerfCounterNs = "perf_counter_ns",
    TypingCast = "cast",
    TypingAssertType = "assert_type",
    TypingAssertNever = "assert_never",
    TypingRevealType = "reveal_type",
    TypingGetOrigin = "get_origin",
    TypingGetArgs = "get_args",
    TypingGetTypeHints = "get_type_hints",
    TypingIsTypeddict = "is_typeddict",
    TypingOverload = "overload",
    TypingGetOverloads = "get_overloads",
    TypingClearOverloads = "clear_overloads",
    TypingFinal = "final",
    TypingNoTypeCheck = "no_type_check",
    TypingNoTypeCheckDecorator = "no_type_check_decorator",
    TypingRuntimeCheckable = "runtime_checkable",
    TypingDataclassTransform = "dataclass_transform",
    TypingNamedTuple = "NamedTuple",
    TypingTypedDict = "TypedDict",
    // What `overload(f)` returns, and what `dataclass_transform()` returns.
    TypingOverloadDummy = "_overload_dummy",
    TypingDecorator = "decorator",
}

/// The built-in a global name falls back to, if any.
pub fn lookup(name: &str) -> Option<Value> {
    if name == "Ellipsis" {
        return Some(Value::Ellipsis);
    }
    let builtin = match name {
        "print" => Builtin::Print,
        "len" => Builtin::Len,
        "repr" => Builtin::Repr,
        "round" => Builtin::Round,
        "abs" => Builtin::Abs,
        "min" => Builtin::Min,
        "max" => Builtin::Max,
        "sum" => Builtin::Sum,
        "sorted" => Builtin::Sorted,
        "reversed" => Builtin::Reversed,
        "enumerate" => Builtin::Enumerate,
        "zip" => Builtin::Zip,
        "map" => Builtin::Map,
        "filter" => Builtin::Filter,
        "any" => Builtin::Any,
        "all" => Builtin::All,
        "isinstance" => Builtin::Isinstance,
        "divmod" => Builtin::Divmod,
        "pow" => Builtin::Pow,
        "chr" => Builtin::Chr,
        "ord" => Builtin::Ord,
        "iter" => Builtin::Iter,
        "next" => Builtin::Next,
        "hash" => Builtin::Hash,
        "callable" => Builtin::Callable,
        "hex" => Builtin::Hex,
        "oct" => Builtin::Oct,
        "bin" => Builtin::Bin,
        "format" => Builtin::Format,
        "getattr" => Builtin::Getattr,
        "ascii" => Builtin::Ascii,
        "exit" | "quit" => Builtin::Exit,
        "hasattr" => Builtin::Hasattr,
        "aiter" => Builtin::Aiter,
        "anext" => Builtin::Anext,
        "__import__" => Builtin::Import,
        "dir" => Builtin::Dir,
        _ => {
            let ty = match name {
                "int" => Type::Int,
                "float" => Type::Float,
                "str" => Type::Str,
                "bool" => Type::Bool,
                "list" => Type::List,
                "dict" => Type::Dict,
                "tuple" => Type::Tuple,
                "set" => Type::Set,
                "frozenset" => Type::FrozenSet,
                "range" => Type::Range,
                "type" => Type::Type,
                "slice" => Type::Slice,
                "object" => Type::Object,
                _ => {
                    return ExcType::builtin_named(name)
                        .map(|exc| Value::Type(Type::Exception(exc).interned()));
                }
            };
            return Some(Value::Type(ty.interned()));
        }
    };
    Some(Value::Builtin(builtin))
}

/// Arguments matched to parameter names, CPython style.
pub fn bind(
    function: impl std::fmt::Display,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    if args.len() > params.len() {
        return Err(type_error(if params.len() == required {
            format!(
                "{function}() takes {} argument{} ({} given)",
                if required == 1 {
                    "exactly one".to_string()
                } else {
                    required.to_string()
                },
                if required == 1 { "" } else { "s" },
                args.len()
            )
        } else {
            format!(
                "{function}() takes at most {} arguments ({} given)",
                params.len(),
                args.len()
            )
        }));
    }
    // Sized once: collecting the arguments in place and then growing to every parameter
    // reallocated on each call (three times per task in a fan-out).
    let mut bound: Vec<Option<Value>> = Vec::with_capacity(params.len());
    bound.extend(args.into_iter().map(Some));
    bound.resize_with(params.len(), || None);
    for (name, value) in kwargs {
        match params.iter().position(|p| **p == *name) {
            Some(index) if bound[index].is_none() => bound[index] = Some(value),
            Some(_) => {
                return Err(type_error(format!(
                    "argument for {function}() given by name ('{name}') and position"
                )));
            }
            None => {
                return Err(type_error(format!(
                    "{function}() got an unexpected keyword argument '{name}'"
                )));
            }
        }
    }
    for (index, value) in bound.iter().enumerate().take(required) {
        if value.is_none() {
            return Err(type_error(format!(
                "{function}() missing required argument '{}' (pos {})",
                params[index],
                index + 1
            )));
        }
    }
    Ok(bound)
}

pub(super) fn no_kwargs(
    function: impl std::fmt::Display,
    kwargs: &[(Rc<str>, Value)],
) -> PyResult<()> {
    if kwargs.is_empty() {
        Ok(())
    } else {
        Err(type_error(format!(
            "{function}() takes no keyword arguments"
        )))
    }
}

pub(super) fn exactly(
    function: impl std::fmt::Display,
    args: Vec<Value>,
    kwargs: &[(Rc<str>, Value)],
    n: usize,
) -> PyResult<Vec<Value>> {
    no_kwargs(&function, kwargs)?;
    if args.len() != n {
        // CPython's three conventions: no arguments, one object, or a checked count.
        let given = args.len();
        return Err(type_error(match n {
            0 => format!("{function}() takes no arguments ({given} given)"),
            1 => format!("{function}() takes exactly one argument ({given} given)"),
            _ => {
                let name = function.to_string();
                let short = name.rsplit('.').next().unwrap_or(&name);
                format!("{short} expected {n} arguments, got {given}")
            }
        }));
    }
    Ok(args)
}

/// An int argument (`'float' object cannot be interpreted as an integer` otherwise).
pub fn index_arg(value: &Value) -> PyResult<i64> {
    match value {
        Value::Int(_) | Value::Bool(_) => Ok(value.as_i64().expect("an int")),
        Value::BigInt(_) => Err(overflow_error(
            "Python int too large to convert to C ssize_t",
        )),
        _ => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            value.type_name()
        ))),
    }
}

fn float_to_int(x: f64) -> PyResult<Value> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(overflow_error("cannot convert float infinity to integer"));
    }
    let truncated = x.trunc();
    if truncated.abs() < 9.2e18 {
        return Ok(Value::Int(truncated as i64));
    }
    Ok(Value::from_bigint(super::value::big_from_integral_float(
        truncated,
    )))
}

impl Interp {
    pub fn call_builtin(
        &mut self,
        builtin: Builtin,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match builtin {
            Builtin::Print => self.print(args, kwargs),
            Builtin::Len => {
                let [value] = exactly("len", args, &kwargs, 1)?.try_into().expect("one");
                self.len(&value).map(|n| Value::Int(n as i64))
            }
            Builtin::Repr => {
                let [value] = exactly("repr", args, &kwargs, 1)?.try_into().expect("one");
                Ok(Value::str(value.try_repr().map_err(repr_too_deep)?))
            }
            Builtin::Round => {
                let bound = bind("round", args, kwargs, &["number", "ndigits"], 1)?;
                let number = bound[0].clone().expect("required");
                let ndigits = bound[1].clone().filter(|v| !matches!(v, Value::None));
                self.round(number, ndigits)
            }
            Builtin::Abs => {
                let [value] = exactly("abs", args, &kwargs, 1)?.try_into().expect("one");
                match value {
                    Value::Float(f) => Ok(Value::float(f.get().abs())),
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                        let negative = value.as_bigint().is_some_and(|b| b.is_negative());
                        if negative {
                            self.unary_op(crate::ast::UnaryOp::Neg, value)
                        } else {
                            self.unary_op(crate::ast::UnaryOp::Pos, value)
                        }
                    }
                    other => Err(type_error(format!(
                        "bad operand type for abs(): '{}'",
                        other.type_name()
                    ))),
                }
            }
            Builtin::Min | Builtin::Max => self.min_max(builtin, args, kwargs),
            Builtin::Sum => {
                let bound = bind("sum", args, kwargs, &["iterable", "start"], 1)?;
                let items = self.collect_iterable(bound[0].clone().expect("required"))?;
                let mut total = bound[1].clone().unwrap_or(Value::Int(0));
                if let Value::Str(_) = total {
                    return Err(type_error(
                        "sum() can't sum strings [use ''.join(seq) instead]",
                    ));
                }
                for item in items {
                    total = self.binary_op(crate::ast::BinOp::Add, total, item, false)?;
                }
                Ok(total)
            }
            Builtin::Sorted => {
                if args.len() != 1 {
                    return Err(type_error(format!(
                        "sorted expected 1 argument, got {}",
                        args.len()
                    )));
                }
                let mut bound = bind("sorted", args, kwargs, &["iterable", "key", "reverse"], 1)?;
                let items = self.collect_iterable(bound[0].take().expect("required"))?;
                let list = Value::list(items);
                self.list_sort(&list, bound[1].take(), bound[2].take())?;
                Ok(list)
            }
            Builtin::Reversed => {
                let [value] = exactly("reversed", args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                match &value {
                    Value::List(list) => {
                        let len = list.borrow().len();
                        Ok(Value::iterator(Iter::Reversed {
                            items: value.clone(),
                            index: len,
                        }))
                    }
                    Value::Tuple(tuple) => {
                        let len = tuple.0.len();
                        Ok(Value::iterator(Iter::Reversed {
                            items: value.clone(),
                            index: len,
                        }))
                    }
                    Value::Str(_) | Value::Range(_) | Value::Dict(_) => {
                        let mut items = self.collect_iterable(value.clone())?;
                        items.reverse();
                        let len = items.len();
                        Ok(Value::iterator(Iter::Reversed {
                            items: Value::tuple(items.into_iter().rev().collect()),
                            index: len,
                        }))
                    }
                    other => Err(type_error(format!(
                        "'{}' object is not reversible",
                        other.type_name()
                    ))),
                }
            }
            Builtin::Enumerate => {
                let bound = bind("enumerate", args, kwargs, &["iterable", "start"], 1)?;
                let inner = self.get_iter(bound[0].clone().expect("required"))?;
                let start = bound[1].clone().unwrap_or(Value::Int(0));
                if !start.is_int() {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        start.type_name()
                    )));
                }
                Ok(Value::iterator(Iter::Enumerate {
                    inner,
                    count: start,
                }))
            }
            Builtin::Zip => {
                let mut strict = false;
                for (name, value) in kwargs {
                    if &*name == "strict" {
                        strict = value.truthy();
                    } else {
                        return Err(type_error(format!(
                            "'{name}' is an invalid keyword argument for zip()"
                        )));
                    }
                }
                let mut inners = Vec::new();
                for arg in args {
                    inners.push(self.get_iter(arg)?);
                }
                if inners.is_empty() {
                    return Ok(Value::iterator(Iter::Exhausted));
                }
                Ok(Value::iterator(Iter::Zip { inners, strict }))
            }
            Builtin::Map => {
                no_kwargs("map", &kwargs)?;
                if args.len() < 2 {
                    return Err(type_error("map() must have at least two arguments."));
                }
                let mut args = args.into_iter();
                let func = args.next().expect("checked");
                let inners = args
                    .map(|a| self.get_iter(a))
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(Value::iterator(Iter::Map { func, inners }))
            }
            Builtin::Filter => {
                let [func, iterable] = exactly("filter", args, &kwargs, 2)?
                    .try_into()
                    .expect("two");
                let inner = self.get_iter(iterable)?;
                Ok(Value::iterator(Iter::Filter { func, inner }))
            }
            Builtin::Any | Builtin::All => {
                let [iterable] = exactly(builtin.name(), args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                let iterator = self.get_iter(iterable)?;
                let want = builtin == Builtin::Any;
                while let Some(item) = self.iter_next(&iterator)? {
                    if item.truthy() == want {
                        return Ok(Value::bool(want));
                    }
                }
                Ok(Value::bool(!want))
            }
            Builtin::Isinstance => {
                let [value, class] = exactly("isinstance", args, &kwargs, 2)?
                    .try_into()
                    .expect("two");
                Ok(Value::bool(isinstance(&value, &class)?))
            }
            Builtin::Divmod => {
                let [a, b] = exactly("divmod", args, &kwargs, 2)?
                    .try_into()
                    .expect("two");
                if let (Value::Float(_), _) | (_, Value::Float(_)) = (&a, &b)
                    && a.is_number()
                    && b.is_number()
                    && int_to_float(&b)? == 0.0
                {
                    return Err(super::exceptions::zero_division("float divmod()"));
                }
                let quotient =
                    self.binary_op(crate::ast::BinOp::FloorDiv, a.clone(), b.clone(), false);
                let quotient = quotient.map_err(|e| {
                    if e.ty == ExcType::TypeError {
                        type_error(format!(
                            "unsupported operand type(s) for divmod(): '{}' and '{}'",
                            a.type_name(),
                            b.type_name()
                        ))
                    } else {
                        e
                    }
                })?;
                let remainder = self.binary_op(crate::ast::BinOp::Mod, a, b, false)?;
                Ok(Value::tuple(vec![quotient, remainder]))
            }
            Builtin::Pow => {
                let bound = bind("pow", args, kwargs, &["base", "exp", "mod"], 2)?;
                let (base, exp) = (
                    bound[0].clone().expect("required"),
                    bound[1].clone().expect("required"),
                );
                match bound[2].clone().filter(|m| !matches!(m, Value::None)) {
                    None => self.binary_op(crate::ast::BinOp::Pow, base, exp, false),
                    Some(modulus) => {
                        let (Some(b), Some(e), Some(m)) =
                            (base.as_bigint(), exp.as_bigint(), modulus.as_bigint())
                        else {
                            if base.is_number() && exp.is_number() && modulus.is_number() {
                                return Err(type_error(
                                    "pow() 3rd argument not allowed unless all arguments are integers",
                                ));
                            }
                            return Err(type_error(format!(
                                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                                base.type_name(),
                                exp.type_name(),
                                modulus.type_name()
                            )));
                        };
                        if m.is_zero() {
                            return Err(value_error("pow() 3rd argument cannot be 0"));
                        }
                        let (b, e) = if e.is_negative() {
                            // pow(b, -e, m) is pow(inverse of b, e, m), when the inverse exists.
                            let modulus = m.abs();
                            let inverse = modular_inverse(&b, &modulus).ok_or_else(|| {
                                value_error("base is not invertible for the given modulus")
                            })?;
                            (inverse, -e)
                        } else {
                            (b, e)
                        };
                        let result = b.modpow(&e, &m);
                        let result = if !result.is_zero() && result.is_negative() != m.is_negative()
                        {
                            result + &m
                        } else {
                            result
                        };
                        Ok(Value::from_bigint(result))
                    }
                }
            }
            Builtin::Chr => {
                let [value] = exactly("chr", args, &kwargs, 1)?.try_into().expect("one");
                // CPython reads the argument as a C int first.
                let code = match index_arg(&value) {
                    Ok(code) if i32::try_from(code).is_ok() => code,
                    Ok(_) | Err(_) if matches!(value, Value::Int(_) | Value::BigInt(_)) => {
                        return Err(overflow_error("Python int too large to convert to C int"));
                    }
                    other => other?,
                };
                u32::try_from(code)
                    .ok()
                    .and_then(char::from_u32)
                    .map(|c| Value::str(c.to_string()))
                    .ok_or_else(|| value_error("chr() arg not in range(0x110000)"))
            }
            Builtin::Ord => {
                let [value] = exactly("ord", args, &kwargs, 1)?.try_into().expect("one");
                match &value {
                    Value::Str(s) if s.len() == 1 => Ok(Value::Int(s.char_at(0) as i64)),
                    Value::Str(s) => Err(type_error(format!(
                        "ord() expected a character, but string of length {} found",
                        s.len()
                    ))),
                    other => Err(type_error(format!(
                        "ord() expected string of length 1, but {} found",
                        other.type_name()
                    ))),
                }
            }
            Builtin::Iter => {
                no_kwargs("iter", &kwargs)?;
                let mut args = args.into_iter();
                match (args.next(), args.next(), args.len()) {
                    (Some(value), None, _) => self.get_iter(value),
                    (Some(func), Some(sentinel), 0) => {
                        if !is_callable(&func) {
                            return Err(type_error("iter(v, w): v must be callable"));
                        }
                        Ok(Value::iterator(Iter::Callable { func, sentinel }))
                    }
                    (None, _, _) => Err(type_error("iter expected at least 1 argument, got 0")),
                    (_, _, rest) => Err(type_error(format!(
                        "iter expected at most 2 arguments, got {}",
                        rest + 2
                    ))),
                }
            }
            Builtin::Next => {
                no_kwargs("next", &kwargs)?;
                let mut args = args.into_iter();
                let (Some(iterator), default, None) = (args.next(), args.next(), args.next())
                else {
                    return Err(type_error("next expected 1 or 2 arguments"));
                };
                if !matches!(iterator, Value::Iterator(_) | Value::Generator(_)) {
                    return Err(type_error(format!(
                        "'{}' object is not an iterator",
                        iterator.type_name()
                    )));
                }
                match self.iter_next(&iterator)? {
                    Some(item) => Ok(item),
                    None => {
                        default.ok_or_else(|| Exception::new(ExcType::StopIteration, Vec::new()))
                    }
                }
            }
            Builtin::Hash => {
                let [value] = exactly("hash", args, &kwargs, 1)?.try_into().expect("one");
                Ok(Value::Int(self.key(value)?.hash))
            }
            Builtin::Callable => {
                let [value] = exactly("callable", args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                Ok(Value::bool(is_callable(&value)))
            }
            Builtin::Hex | Builtin::Oct | Builtin::Bin => {
                let [value] = exactly(builtin.name(), args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                let Some(n) = value.as_bigint() else {
                    return Err(type_error(format!(
                        "'{}' object cannot be interpreted as an integer",
                        value.type_name()
                    )));
                };
                let spec = match builtin {
                    Builtin::Hex => "#x",
                    Builtin::Oct => "#o",
                    _ => "#b",
                };
                let spec = pyfmt::parse_format_spec(spec).expect("a valid spec");
                Ok(Value::str(
                    pyfmt::format_int(&n, &spec).map_err(|e| value_error(e.message("int")))?,
                ))
            }
            Builtin::Format => {
                let bound = bind("format", args, kwargs, &["value", "format_spec"], 1)?;
                let value = bound[0].clone().expect("required");
                let spec = bound[1].clone().unwrap_or_else(|| Value::str(""));
                self.format_value(value, 0, Some(spec))
            }
            Builtin::Ascii => {
                let [value] = exactly("ascii", args, &kwargs, 1)?.try_into().expect("one");
                let repr = value.try_repr().map_err(repr_too_deep)?;
                Ok(Value::str(super::format::ascii(&repr)))
            }
            Builtin::Exit => {
                // The site module's exit() and quit(): raise SystemExit(code).
                let bound = bind("exit", args, kwargs, &["code"], 0)?;
                let args = bound[0].clone().into_iter().collect();
                Err(Exception::new(ExcType::SystemExit, args))
            }
            Builtin::Aiter => {
                let [value] = exactly("aiter", args, &kwargs, 1)?.try_into().expect("one");
                if !matches!(&value, Value::Object(o) if matches!(**o, super::object::Object::AsyncGen(_)))
                {
                    return Err(type_error(format!(
                        "'{}' object is not an async iterable",
                        value.type_name()
                    )));
                }
                Ok(value)
            }
            Builtin::Anext => {
                no_kwargs("anext", &kwargs)?;
                if !(1..=2).contains(&args.len()) {
                    return Err(type_error(format!(
                        "anext expected at least 1 argument, got {}",
                        args.len()
                    )));
                }
                let mut args = args.into_iter();
                let iterator = args.next().expect("one");
                let default = args.next();
                match &iterator {
                    Value::Object(o) if matches!(**o, super::object::Object::AsyncGen(_)) => {
                        Ok(super::object::anext_with_default(o, default))
                    }
                    other => Err(type_error(format!(
                        "'{}' object is not an async iterator",
                        other.type_name()
                    ))),
                }
            }
            Builtin::Getattr | Builtin::Hasattr => {
                no_kwargs(builtin.name(), &kwargs)?;
                let n = args.len();
                let mut args = args.into_iter();
                let (Some(object), Some(name)) = (args.next(), args.next()) else {
                    return Err(type_error(format!(
                        "{} expected at least 2 arguments, got {n}",
                        builtin.name()
                    )));
                };
                let default = args.next();
                let Value::Str(text) = &name else {
                    return Err(type_error("attribute name must be string"));
                };
                let attribute = self.symbols.intern(text.as_str());
                match self.get_attribute(&object, attribute) {
                    Ok(value) if builtin == Builtin::Getattr => Ok(value),
                    Ok(_) => Ok(Value::bool(true)),
                    Err(exc) if exc.ty == ExcType::AttributeError => match (builtin, default) {
                        (Builtin::Hasattr, _) => Ok(Value::bool(false)),
                        (_, Some(default)) => Ok(default),
                        (_, None) => Err(exc),
                    },
                    Err(exc) => Err(exc),
                }
            }
            Builtin::Import => {
                let bound = bind(
                    "__import__",
                    args,
                    kwargs,
                    &["name", "globals", "locals", "fromlist", "level"],
                    1,
                )?;
                let name = bound[0].clone().expect("required");
                let Some(name) = name.as_str() else {
                    return Err(type_error(format!(
                        "__import__() argument 1 must be str, not {}",
                        name.type_name()
                    )));
                };
                let fromlist = match bound[3].clone() {
                    None | Some(Value::None) => Vec::new(),
                    Some(list) => self.collect_iterable(list)?,
                };
                let level = match bound[4].clone() {
                    None => 0,
                    Some(level) => level.as_i64().filter(|_| level.is_int()).ok_or_else(|| {
                        type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            level.type_name()
                        ))
                    })?,
                };
                if level < 0 {
                    return Err(value_error("level must be >= 0"));
                }
                if level > 0 {
                    // The importing module's package comes from `globals`, which scenario
                    // does not model.
                    return Err(Exception::msg(
                        ExcType::ImportError,
                        "attempted relative import with no known parent package",
                    ));
                }
                let mode = if fromlist.is_empty() {
                    crate::bytecode::ImportMode::Top
                } else {
                    crate::bytecode::ImportMode::From
                };
                let module = self.import(name, 0, None, mode)?;
                // CPython's `_handle_fromlist`: submodules named in `fromlist` are imported.
                if let Value::Module(package) = &module
                    && package.is_package()
                {
                    for item in fromlist {
                        if let Some(sub) = item.as_str()
                            && sub != "*"
                        {
                            let sym = self.symbols.intern(sub);
                            if self.module_member(package, sym).is_none() {
                                let full = format!("{}.{sub}", package.name);
                                match self.import(&full, 0, None, crate::bytecode::ImportMode::Leaf)
                                {
                                    Err(exc) if exc.ty == ExcType::ModuleNotFoundError => {}
                                    other => {
                                        other?;
                                    }
                                }
                            }
                        }
                    }
                }
                Ok(module)
            }
            Builtin::Dir => {
                let [value] = exactly("dir", args, &kwargs, 1)?.try_into().expect("one");
                let mut names: Vec<Rc<str>> = match &value {
                    Value::Module(module) => match module.native {
                        Some(native) => super::modules::dir_of(native)
                            .iter()
                            .map(|n| Rc::from(*n))
                            .collect(),
                        None => self.module_names(module),
                    },
                    other => super::suggest::dir_of(other)
                        .unwrap_or(&[])
                        .iter()
                        .map(|n| Rc::from(*n))
                        .collect(),
                };
                names.sort();
                Ok(Value::list(
                    names.iter().map(|n| Value::str(&**n)).collect(),
                ))
            }
            _ => super::modules::call(self, builtin, args, kwargs),
        }
    }

    fn print(&mut self, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
        let mut sep = " ".to_string();
        let mut end = "\n".to_string();
        let mut to_stderr = false;
        for (name, value) in kwargs {
            match (&*name, &value) {
                ("sep" | "end", Value::None) => {}
                ("sep", Value::Str(s)) => sep = s.as_str().to_string(),
                ("end", Value::Str(s)) => end = s.as_str().to_string(),
                ("sep" | "end", other) => {
                    return Err(type_error(format!(
                        "{name} must be None or a string, not {}",
                        other.type_name()
                    )));
                }
                ("flush", _) => {}
                ("file", Value::None) => {}
                ("file", Value::Object(object))
                    if matches!(**object, super::object::Object::Stream(_)) =>
                {
                    to_stderr = matches!(**object, super::object::Object::Stream(true));
                }
                ("file", other) => {
                    return Err(Exception::msg(
                        ExcType::AttributeError,
                        format!("'{}' object has no attribute 'write'", other.type_name()),
                    ));
                }
                _ => {
                    return Err(type_error(format!(
                        "'{name}' is an invalid keyword argument for print()"
                    )));
                }
            }
        }
        let mut text = String::new();
        for (i, arg) in args.iter().enumerate() {
            if i > 0 {
                text.push_str(&sep);
            }
            text.push_str(&arg.try_to_str().map_err(repr_too_deep)?);
        }
        text.push_str(&end);
        self.write_stream(to_stderr, &text);
        Ok(Value::None)
    }

    pub fn len(&mut self, value: &Value) -> PyResult<usize> {
        if let Some(items) = value.struct_seq() {
            return self.len(&items.clone());
        }
        Ok(match value {
            Value::Str(s) => s.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.0.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::DictView(view) => view.dict.borrow().len(),
            Value::Set(s) => s.items.borrow().len(),
            Value::Range(r) => r.len().max(0) as usize,
            other => {
                return Err(type_error(format!(
                    "object of type '{}' has no len()",
                    other.type_name()
                )));
            }
        })
    }

    fn round(&mut self, number: Value, ndigits: Option<Value>) -> PyResult<Value> {
        match (&number, ndigits) {
            (Value::Float(x), None) => float_to_int(pyfmt::round_half_even(x.get())),
            (Value::Float(x), Some(n)) => {
                let x = x.get();
                let n = index_arg(&n)?;
                let rounded = pyfmt::round_float(x, n);
                if rounded.is_infinite() && x.is_finite() {
                    return Err(overflow_error("rounded value too large to represent"));
                }
                Ok(Value::float(rounded))
            }
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), None) => Ok(match number {
                Value::Bool(b) => Value::Int(i64::from(b.get())),
                other => other,
            }),
            (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), Some(n)) => {
                let n = index_arg(&n)?;
                if n >= 0 {
                    return Ok(match number {
                        Value::Bool(b) => Value::Int(i64::from(b.get())),
                        other => other,
                    });
                }
                // Round to a multiple of 10^-n, half to even.
                let value = number.as_bigint().expect("an int");
                let Some(scale) = u32::try_from(-n).ok().filter(|s| *s < 10_000) else {
                    return Ok(Value::Int(0));
                };
                let unit = num_traits::pow(BigInt::from(10), scale as usize);
                let (quotient, remainder) = num_integer::Integer::div_mod_floor(&value, &unit);
                let twice: BigInt = &remainder * 2;
                let quotient = match twice.cmp(&unit) {
                    Ordering::Greater => quotient + 1,
                    Ordering::Equal if num_integer::Integer::is_odd(&quotient) => quotient + 1,
                    _ => quotient,
                };
                Ok(Value::from_bigint(quotient * unit))
            }
            (other, _) => Err(type_error(format!(
                "type {} doesn't define __round__ method",
                other.type_name()
            ))),
        }
    }

    fn min_max(
        &mut self,
        builtin: Builtin,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let name = builtin.name();
        let mut key = None;
        let mut default = None;
        for (k, value) in kwargs {
            match &*k {
                "key" => key = Some(value).filter(|v| !matches!(v, Value::None)),
                "default" => default = Some(value),
                _ => {
                    return Err(type_error(format!(
                        "'{k}' is an invalid keyword argument for {name}()"
                    )));
                }
            }
        }
        let items = match args.len() {
            0 => {
                return Err(type_error(format!(
                    "{name} expected at least 1 argument, got 0"
                )));
            }
            1 => self.collect_iterable(args.into_iter().next().expect("one"))?,
            _ => {
                if default.is_some() {
                    return Err(type_error(format!(
                        "Cannot specify a default for {name}() with multiple positional arguments"
                    )));
                }
                args
            }
        };
        let mut best: Option<(Value, Value)> = None;
        for item in items {
            let item_key = match &key {
                Some(f) => self.call(f.clone(), vec![item.clone()])?,
                None => item.clone(),
            };
            let replace = match &best {
                None => true,
                Some((_, best_key)) => {
                    let (op, other) = if builtin == Builtin::Max {
                        (crate::ast::CmpOp::Gt, best_key)
                    } else {
                        (crate::ast::CmpOp::Lt, best_key)
                    };
                    self.compare_op(op, &item_key, other)?.truthy()
                }
            };
            if replace {
                best = Some((item, item_key));
            }
        }
        match best {
            Some((item, _)) => Ok(item),
            None => {
                default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence")))
            }
        }
    }

    /// `list.sort(key=..., reverse=...)`, stable, with Python comparisons.
    pub fn list_sort(
        &mut self,
        list: &Value,
        key: Option<Value>,
        reverse: Option<Value>,
    ) -> PyResult<()> {
        let Value::List(cell) = list else {
            return Ok(());
        };
        let key = key.filter(|k| !matches!(k, Value::None));
        let reverse = reverse.is_some_and(|r| r.truthy());
        let items = std::mem::take(&mut *cell.borrow_mut());
        let keys = match &key {
            Some(f) => {
                let mut keys = Vec::with_capacity(items.len());
                for item in &items {
                    match self.call(f.clone(), vec![item.clone()]) {
                        Ok(k) => keys.push(k),
                        Err(e) => {
                            *cell.borrow_mut() = items;
                            return Err(e);
                        }
                    }
                }
                keys
            }
            None => items.clone(),
        };
        let mut order: Vec<usize> = (0..items.len()).collect();
        let mut error = None;
        order.sort_by(|&a, &b| {
            if error.is_some() {
                return Ordering::Equal;
            }
            let (x, y) = if reverse {
                (&keys[b], &keys[a])
            } else {
                (&keys[a], &keys[b])
            };
            match self.compare_op(crate::ast::CmpOp::Lt, x, y) {
                Ok(less) if less.truthy() => Ordering::Less,
                Ok(_) => match self.compare_op(crate::ast::CmpOp::Lt, y, x) {
                    Ok(greater) if greater.truthy() => Ordering::Greater,
                    Ok(_) => Ordering::Equal,
                    Err(e) => {
                        error = Some(e);
                        Ordering::Equal
                    }
                },
                Err(e) => {
                    error = Some(e);
                    Ordering::Equal
                }
            }
        });
        let sorted: Vec<Value> = order.into_iter().map(|i| items[i].clone()).collect();
        match error {
            Some(e) => {
                *cell.borrow_mut() = items;
                Err(e)
            }
            None => {
                *cell.borrow_mut() = sorted;
                Ok(())
            }
        }
    }

    /// Calling a type: `int("5")`, `list(x)`, `ValueError("boom")`.
    pub fn construct(
        &mut self,
        ty: Type,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let name = ty.name();
        match ty {
            Type::Native(kind) => self.construct_object(kind, args, kwargs),
            Type::Typing(name) => super::typing::call_name(self, name, args, kwargs),
            Type::Object => {
                if !args.is_empty() || !kwargs.is_empty() {
                    return Err(type_error("object() takes no arguments"));
                }
                Ok(Value::Object(Rc::new(super::object::Object::Plain)))
            }
            // `asyncio.Future()`: as `loop.create_future()`.
            Type::Future => {
                bind(
                    "Future",
                    args,
                    kwargs.into_iter().filter(|(k, _)| &**k != "loop").collect(),
                    &[],
                    0,
                )?;
                Ok(Value::Future(super::asyncio::Future::plain(
                    super::asyncio::Waiting::Static("a future"),
                )))
            }
            // `asyncio.Task(coro, name=...)`: as `loop.create_task`.
            Type::Task => {
                let bound = bind(
                    "Task",
                    args,
                    kwargs,
                    &["coro", "loop", "name", "context"],
                    1,
                )?;
                let Some(Value::Coroutine(coro)) = bound[0].clone() else {
                    let given = bound[0].as_ref().map_or_else(String::new, Value::repr);
                    return Err(type_error(format!("a coroutine was expected, got {given}")));
                };
                self.require_loop()?;
                let name = bound[2]
                    .clone()
                    .filter(|n| !matches!(n, Value::None))
                    .map(|n| Rc::from(n.to_str()));
                Ok(Value::Future(self.new_task(coro, name, false)))
            }
            Type::Exception(ExcType::ExceptionGroup | ExcType::BaseExceptionGroup) => {
                no_kwargs(name, &kwargs)?;
                super::exceptions::new_exception_group(ty, args)
            }
            Type::Exception(exc) => {
                no_kwargs(name, &kwargs)?;
                if exc.is_subclass(ExcType::OSError) {
                    return Ok(Value::Exception(Exception::os_error(exc, args)));
                }
                Ok(Value::Exception(Exception::new(exc, args)))
            }
            Type::Int => {
                let bound = bind("int", args, kwargs, &["x", "base"], 0)?;
                let Some(value) = bound[0].clone() else {
                    return Ok(Value::Int(0));
                };
                match (&value, &bound[1]) {
                    (Value::Str(s), base) => {
                        let base = match base {
                            Some(b) => index_arg(b)?,
                            None => 10,
                        };
                        if !(base == 0 || (2..=36).contains(&base)) {
                            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
                        }
                        if let Some(digits) = pyfmt::digits_over_limit(s.as_str(), base as u32) {
                            return Err(value_error(format!(
                                "Exceeds the limit ({} digits) for integer string conversion: \
                                 value has {digits} digits; use sys.set_int_max_str_digits() to \
                                 increase the limit",
                                pyfmt::MAX_STR_DIGITS
                            )));
                        }
                        pyfmt::parse_int(s.as_str(), base as u32)
                            .map(Value::from_bigint)
                            .ok_or_else(|| {
                                value_error(format!(
                                    "invalid literal for int() with base {base}: {}",
                                    pyfmt::str_repr(s.as_str())
                                ))
                            })
                    }
                    (_, Some(_)) => Err(type_error(
                        "int() can't convert non-string with explicit base",
                    )),
                    (Value::Float(f), None) => float_to_int(f.get()),
                    (Value::Bool(b), None) => Ok(Value::Int(i64::from(b.get()))),
                    (Value::Int(_) | Value::BigInt(_), None) => Ok(value),
                    (other, None) => Err(type_error(format!(
                        "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                        other.type_name()
                    ))),
                }
            }
            Type::Float => {
                let bound = bind("float", args, kwargs, &["x"], 0)?;
                match bound[0].clone() {
                    None => Ok(Value::float(0.0)),
                    Some(Value::Str(s)) => pyfmt::parse_float(s.as_str())
                        .map(Value::float)
                        .ok_or_else(|| {
                            value_error(format!(
                                "could not convert string to float: {}",
                                pyfmt::str_repr(s.as_str())
                            ))
                        }),
                    Some(value) if value.is_number() => Ok(Value::float(int_to_float(&value)?)),
                    Some(other) => Err(type_error(format!(
                        "float() argument must be a string or a real number, not '{}'",
                        other.type_name()
                    ))),
                }
            }
            Type::Str => {
                let bound = bind("str", args, kwargs, &["object"], 0)?;
                let text = match &bound[0] {
                    Some(value) => value.try_to_str().map_err(repr_too_deep)?,
                    None => String::new(),
                };
                Ok(Value::str(text))
            }
            Type::Bool => {
                let bound = bind("bool", args, kwargs, &["x"], 0)?;
                Ok(Value::bool(bound[0].as_ref().is_some_and(Value::truthy)))
            }
            Type::List => {
                no_kwargs(name, &kwargs)?;
                match args.len() {
                    0 => Ok(Value::list(Vec::new())),
                    1 => Ok(Value::list(
                        self.collect_iterable(args.into_iter().next().expect("one"))?,
                    )),
                    n => Err(type_error(format!(
                        "list expected at most 1 argument, got {n}"
                    ))),
                }
            }
            Type::Tuple => {
                no_kwargs(name, &kwargs)?;
                match args.len() {
                    0 => Ok(Value::tuple(Vec::new())),
                    1 => {
                        let value = args.into_iter().next().expect("one");
                        if let Value::Tuple(_) = value {
                            return Ok(value);
                        }
                        Ok(Value::tuple(self.collect_iterable(value)?))
                    }
                    n => Err(type_error(format!(
                        "tuple expected at most 1 argument, got {n}"
                    ))),
                }
            }
            Type::Set | Type::FrozenSet => {
                no_kwargs(name, &kwargs)?;
                match args.len() {
                    0 => Ok(Value::set(SetItems::default(), ty == Type::FrozenSet)),
                    1 => {
                        let set = Value::set(SetItems::default(), ty == Type::FrozenSet);
                        self.set_update(&set, args.into_iter().next().expect("one"))?;
                        Ok(set)
                    }
                    n => Err(type_error(format!(
                        "{name} expected at most 1 argument, got {n}"
                    ))),
                }
            }
            Type::Dict => {
                if args.len() > 1 {
                    return Err(type_error(format!(
                        "dict expected at most 1 argument, got {}",
                        args.len()
                    )));
                }
                let dict = Value::dict(DictMap::default());
                if let Some(source) = args.into_iter().next() {
                    self.dict_update_from(&dict, source)?;
                }
                for (name, value) in kwargs {
                    self.store_subscript(&dict, Value::str(&*name), value)?;
                }
                Ok(dict)
            }
            Type::Range => {
                no_kwargs(name, &kwargs)?;
                let ints = args.iter().map(index_arg).collect::<PyResult<Vec<i64>>>()?;
                let (start, stop, step) = match ints.as_slice() {
                    [stop] => (0, *stop, 1),
                    [start, stop] => (*start, *stop, 1),
                    [start, stop, step] => (*start, *stop, *step),
                    [] => return Err(type_error("range expected at least 1 argument, got 0")),
                    _ => {
                        return Err(type_error(format!(
                            "range expected at most 3 arguments, got {}",
                            ints.len()
                        )));
                    }
                };
                if step == 0 {
                    return Err(value_error("range() arg 3 must not be zero"));
                }
                Ok(Value::Range(Rc::new(Range { start, stop, step })))
            }
            Type::Type => {
                no_kwargs(name, &kwargs)?;
                match args.len() {
                    1 => Ok(Value::Type(args[0].type_of().interned())),
                    _ => Err(type_error(
                        "type() takes 1 argument (scenario has no classes)",
                    )),
                }
            }
            Type::Slice => {
                no_kwargs(name, &kwargs)?;
                let mut args = args.into_iter();
                let (a, b, c) = (args.next(), args.next(), args.next());
                let (start, stop, step) = match (a, b, c) {
                    (Some(stop), None, None) => (Value::None, stop, Value::None),
                    (Some(start), Some(stop), step) => (start, stop, step.unwrap_or(Value::None)),
                    _ => return Err(type_error("slice expected at least 1 argument, got 0")),
                };
                Ok(Value::Slice(Rc::new(super::value::Slice {
                    start,
                    stop,
                    step,
                })))
            }
            Type::NoneType if args.is_empty() && kwargs.is_empty() => Ok(Value::None),
            Type::NoneType => Err(type_error("NoneType takes no arguments")),
            _ => Err(type_error(format!("cannot create '{name}' instances"))),
        }
    }

    /// `dict.update(source)` from a mapping or an iterable of pairs.
    fn dict_update_from(&mut self, dict: &Value, source: Value) -> PyResult<()> {
        if let Value::Dict(_) = source {
            return self.dict_merge(dict, source);
        }
        let items = self.collect_iterable(source)?;
        for (i, item) in items.into_iter().enumerate() {
            let pair = self.collect_iterable(item.clone()).map_err(|_| {
                type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ))
            })?;
            if pair.len() != 2 {
                return Err(value_error(format!(
                    "dictionary update sequence element #{i} has length {}; 2 is required",
                    pair.len()
                )));
            }
            let mut pair = pair.into_iter();
            let (key, value) = (pair.next().expect("two"), pair.next().expect("two"));
            self.store_subscript(dict, key, value)?;
        }
        Ok(())
    }

    /// Whether `receiver.name` is a built-in method.
    pub fn has_method(&self, receiver: &Value, name: Sym) -> bool {
        use sym::*;
        match receiver {
            Value::Str(_) => matches!(
                name,
                split
                    | rsplit
                    | splitlines
                    | join
                    | strip
                    | lstrip
                    | rstrip
                    | replace
                    | startswith
                    | endswith
                    | find
                    | rfind
                    | index
                    | rindex
                    | count
                    | upper
                    | lower
                    | title
                    | capitalize
                    | swapcase
                    | zfill
                    | center
                    | ljust
                    | rjust
                    | format
                    | isdigit
                    | isalpha
                    | isalnum
                    | isspace
                    | isupper
                    | islower
                    | isnumeric
                    | isdecimal
                    | isascii
                    | isprintable
                    | isidentifier
                    | istitle
                    | partition
                    | rpartition
                    | removeprefix
                    | removesuffix
                    | casefold
                    | expandtabs
            ),
            Value::List(_) => matches!(
                name,
                append
                    | extend
                    | insert
                    | pop
                    | remove
                    | index
                    | count
                    | sort
                    | reverse
                    | copy
                    | clear
            ),
            Value::Tuple(_) | Value::Range(_) => matches!(name, index | count),
            Value::Dict(_) => matches!(
                name,
                get | items
                    | keys
                    | values
                    | pop
                    | setdefault
                    | update
                    | copy
                    | clear
                    | popitem
                    | fromkeys
            ),
            Value::Set(set) => {
                matches!(
                    name,
                    union
                        | intersection
                        | difference
                        | symmetric_difference
                        | issubset
                        | issuperset
                        | isdisjoint
                        | copy
                ) || (!set.frozen
                    && matches!(
                        name,
                        add | discard
                            | remove
                            | pop
                            | clear
                            | update
                            | intersection_update
                            | difference_update
                            | symmetric_difference_update
                    ))
            }
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                matches!(name, bit_length | bit_count | as_integer_ratio | conjugate)
            }
            Value::Float(_) => matches!(name, is_integer | as_integer_ratio | hex | conjugate),
            Value::Future(future) => {
                matches!(
                    name,
                    done | result
                        | exception
                        | cancelled
                        | cancel
                        | add_done_callback
                        | remove_done_callback
                        | set_result
                        | set_exception
                ) || (future.is_task()
                    && matches!(name, get_name | set_name | get_coro | cancelling | uncancel))
            }
            Value::Loop => {
                matches!(
                    name,
                    time | create_task
                        | run_in_executor
                        | create_future
                        | call_soon
                        | call_later
                        | call_at
                ) || super::asyncio::LOOP_METHODS.contains(&&**self.symbols.name(name))
            }
            Value::Exception(exc) => {
                matches!(name, with_traceback | add_note)
                    || (exc.ty.is_subclass(ExcType::BaseExceptionGroup)
                        && matches!(&**self.symbols.name(name), "split" | "subgroup"))
            }
            Value::Object(object) => self.object_has_method(object, self.symbols.name(name)),
            Value::Coroutine(_) => &**self.symbols.name(name) == "close",
            _ => false,
        }
    }

    /// `receiver.name(*args, **kwargs)` for a built-in method.
    pub fn call_method(
        &mut self,
        receiver: &Value,
        name: Sym,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        if let Value::Type(ty) = receiver
            && type_has_method(self, **ty, name)
        {
            return self.call_unbound_method(**ty, name, args, kwargs);
        }
        if !self.has_method(receiver, name) {
            let typing = matches!(receiver, Value::Object(o) if o.typing().is_some());
            return Err(match receiver {
                Value::Module(_)
                | Value::Exception(_)
                | Value::Type(_)
                | Value::Function(_)
                | Value::Builtin(_) => {
                    // An attribute that is not a method, or a missing one: CPython calls it.
                    let attribute = self.get_attribute(receiver, name)?;
                    return self.call_with_kwargs(attribute, args, kwargs);
                }
                _ if typing => {
                    // An attribute that is not a method, or a missing one: CPython calls it.
                    let attribute = self.get_attribute(receiver, name)?;
                    return self.call_with_kwargs(attribute, args, kwargs);
                }
                _ => self.no_attribute(receiver, name),
            });
        }
        let method = MethodName {
            type_name: receiver.type_name(),
            name: self.symbols.name(name).clone(),
        };
        match receiver {
            Value::Str(s) => super::strings::call(self, s, name, &method, args, kwargs),
            Value::List(_) => self.list_method(receiver, name, &method, args, kwargs),
            Value::Tuple(tuple) if name == sym::index => {
                no_kwargs(&method, &kwargs)?;
                if !(1..=3).contains(&args.len()) {
                    return Err(type_error(format!(
                        "index expected at least 1 argument, got {}",
                        args.len()
                    )));
                }
                position_in(&tuple.0, &args[0], &args[1..])?
                    .ok_or_else(|| value_error("tuple.index(x): x not in tuple"))
            }
            Value::Tuple(tuple) => {
                let [item] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                Ok(Value::Int(
                    tuple
                        .0
                        .iter()
                        .filter(|x| x.is(&item) || values_equal(x, &item))
                        .count() as i64,
                ))
            }
            Value::Range(range) => {
                let [item] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                // Any value equal to an int counts: `range(3).index(1.0)` is 1.
                let position = match &item {
                    Value::Float(f) => {
                        let f = f.get();
                        if f.is_finite() && f.fract() == 0.0 && f.abs() < 9e18 {
                            range.position(f as i64)
                        } else {
                            None
                        }
                    }
                    other => other.as_i64().and_then(|i| range.position(i)),
                };
                match name {
                    sym::count => Ok(Value::Int(i64::from(position.is_some()))),
                    _ => position.map(Value::Int).ok_or_else(|| {
                        // Only an int is looked up by arithmetic; anything else is
                        // searched for, with the generic sequence message.
                        value_error(match item {
                            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                                format!("{} is not in range", item.repr())
                            }
                            _ => "sequence.index(x): x not in sequence".to_string(),
                        })
                    }),
                }
            }
            Value::Dict(_) if name == sym::fromkeys => {
                self.call_unbound_method(Type::Dict, name, args, kwargs)
            }
            Value::Dict(_) => self.dict_method(receiver, name, &method, args, kwargs),
            Value::Set(_) => self.set_method(receiver, name, &method, args, kwargs),
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                exactly(&method, args, &kwargs, 0)?;
                let n = receiver.as_bigint().expect("an int");
                Ok(match name {
                    sym::bit_length => Value::Int(n.bits() as i64),
                    sym::bit_count => Value::Int(
                        n.magnitude()
                            .iter_u64_digits()
                            .map(u64::count_ones)
                            .sum::<u32>() as i64,
                    ),
                    sym::as_integer_ratio => {
                        Value::tuple(vec![Value::from_bigint(n), Value::Int(1)])
                    }
                    _ => Value::from_bigint(n),
                })
            }
            Value::Float(f) => {
                exactly(&method, args, &kwargs, 0)?;
                let f = f.get();
                Ok(match name {
                    sym::is_integer => Value::bool(f.is_finite() && f.fract() == 0.0),
                    sym::as_integer_ratio => float_ratio(f)?,
                    sym::hex => Value::str(crate::pyfmt::float_hex(f)),
                    _ => Value::float(f),
                })
            }
            Value::Future(future) => self.future_method(future, name, &method, args, kwargs),
            Value::Object(object) => {
                let name = self.symbols.name(name).clone();
                self.object_method(object, &name, args, kwargs)
            }
            Value::Coroutine(coro) => {
                // `coro.close()`: an unstarted or finished coroutine just closes.
                exactly(&method, args, &kwargs, 0)?;
                if coro.is_running() {
                    return Err(super::exceptions::runtime_error(
                        "scenario cannot close a coroutine that is being awaited; cancel its task instead",
                    ));
                }
                if coro.take_body().is_some() {
                    coro.finish();
                }
                Ok(Value::None)
            }
            Value::Exception(exc) => {
                let [arg] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                if !matches!(name, sym::with_traceback | sym::add_note) {
                    let text = self.symbols.name(name).clone();
                    return self.group_method(exc, &text, arg);
                }
                if name == sym::with_traceback {
                    // Tracebacks are not values in the subset: only `None` can be passed.
                    if !matches!(arg, Value::None) {
                        return Err(type_error("__traceback__ must be a traceback or None"));
                    }
                    exc.traceback.borrow_mut().clear();
                    return Ok(receiver.clone());
                }
                if !matches!(arg, Value::Str(_)) {
                    return Err(type_error(format!(
                        "note must be a str, not '{}'",
                        arg.type_name()
                    )));
                }
                let mut notes = exc.notes.borrow_mut();
                let list = notes.get_or_insert_with(|| Value::list(Vec::new()));
                if let Value::List(list) = list {
                    list.borrow_mut().push(arg);
                } else {
                    return Err(type_error("Cannot add note: __notes__ is not a list"));
                }
                Ok(Value::None)
            }
            Value::Loop => match name {
                sym::time => {
                    exactly(&method, args, &kwargs, 0)?;
                    Ok(Value::float(self.sched.clock.now_seconds()))
                }
                sym::create_future => {
                    exactly(&method, args, &kwargs, 0)?;
                    Ok(Value::Future(super::asyncio::Future::plain(
                        super::asyncio::Waiting::Static("a future"),
                    )))
                }
                _ if super::asyncio::LOOP_METHODS.contains(&&**self.symbols.name(name)) => {
                    let text = self.symbols.name(name).clone();
                    self.loop_method(&text, &method, args, kwargs)
                }
                sym::call_soon | sym::call_later | sym::call_at => {
                    let wanted = usize::from(name != sym::call_soon) + 1;
                    let bound_kwargs: Vec<_> = kwargs
                        .into_iter()
                        .filter(|(k, _)| &**k != "context")
                        .collect();
                    no_kwargs(&method, &bound_kwargs)?;
                    if args.len() < wanted {
                        return Err(type_error(format!(
                            "{method}() missing required positional arguments"
                        )));
                    }
                    let mut args = args;
                    let rest = args.split_off(wanted);
                    let func = args.pop().expect("the callback");
                    let when = match name {
                        sym::call_soon => None,
                        _ => Some(super::ops::int_to_float(&args[0]).map_err(|_| {
                            type_error(format!(
                                "unsupported operand type(s) for +: 'float' and '{}'",
                                args[0].type_name()
                            ))
                        })?),
                    };
                    let absolute = match (name, when) {
                        (sym::call_later, Some(delay)) => {
                            Some(self.sched.clock.now_seconds() + delay)
                        }
                        (_, when) => when,
                    };
                    Ok(self.schedule_python_callback(func, rest, absolute))
                }
                sym::run_in_executor => {
                    no_kwargs(&method, &kwargs)?;
                    if args.len() < 2 {
                        return Err(type_error(format!(
                            "BaseEventLoop.run_in_executor() missing {} required positional argument{}: {}",
                            2 - args.len(),
                            if args.len() == 1 { "" } else { "s" },
                            if args.is_empty() {
                                "'executor' and 'func'"
                            } else {
                                "'func'"
                            }
                        )));
                    }
                    let mut args = args;
                    let rest = args.split_off(2);
                    let func = args.pop().expect("two");
                    if !matches!(args[0], Value::None) {
                        return Err(type_error(
                            "scenario runs blocking calls in the default executor: pass None",
                        ));
                    }
                    Ok(Value::Future(self.run_in_executor(
                        func,
                        rest,
                        Vec::new(),
                    )?))
                }
                _ => {
                    // loop.create_task(coro, name=...) names the task directly.
                    let bound = bind("create_task", args, kwargs, &["coro", "name", "context"], 1)?;
                    let Some(Value::Coroutine(coro)) = bound[0].clone() else {
                        let given = bound[0].as_ref().map_or_else(String::new, Value::repr);
                        return Err(type_error(format!("a coroutine was expected, got {given}")));
                    };
                    let name = bound[1]
                        .clone()
                        .filter(|n| !matches!(n, Value::None))
                        .map(|n| Rc::from(n.to_str()));
                    Ok(Value::Future(self.new_task(coro, name, false)))
                }
            },
            _ => Err(self.no_attribute(receiver, name)),
        }
    }

    /// `str.lower(s)`, `dict.fromkeys(keys)`: a method looked up on its type.
    fn call_unbound_method(
        &mut self,
        ty: Type,
        name: Sym,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let method = MethodName {
            type_name: ty.name(),
            name: self.symbols.name(name).clone(),
        };
        if name == sym::fromkeys {
            no_kwargs(&method, &kwargs)?;
            if !(1..=2).contains(&args.len()) {
                let bound = if args.is_empty() {
                    "at least 1 argument"
                } else {
                    "at most 2 arguments"
                };
                return Err(type_error(format!(
                    "fromkeys expected {bound}, got {}",
                    args.len()
                )));
            }
            let bound = bind(&method, args, kwargs, &["iterable", "value"], 1)?;
            let keys = self.collect_iterable(bound[0].clone().expect("required"))?;
            let value = bound[1].clone().unwrap_or(Value::None);
            let dict = Value::dict(DictMap::default());
            for key in keys {
                self.store_subscript(&dict, key, value.clone())?;
            }
            return Ok(dict);
        }
        let mut args = args.into_iter();
        let Some(receiver) = args.next() else {
            return Err(type_error(format!(
                "unbound method {method}() needs an argument"
            )));
        };
        if !isinstance(&receiver, &Value::Type(ty.interned()))? {
            return Err(type_error(format!(
                "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
                method.name,
                ty.name(),
                receiver.type_name()
            )));
        }
        self.call_method(&receiver, name, args.collect(), kwargs)
    }

    fn list_method(
        &mut self,
        list: &Value,
        name: Sym,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let Value::List(cell) = list else {
            unreachable!("a list")
        };
        match name {
            sym::append => {
                let [item] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let mut items = cell.borrow_mut();
                if items.len() >= MAX_ITEMS {
                    return Err(memory_error());
                }
                items.push(item);
                Ok(Value::None)
            }
            sym::extend => {
                let [iterable] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let items = self.collect_iterable(iterable)?;
                cell.borrow_mut().extend(items);
                Ok(Value::None)
            }
            sym::insert => {
                let [index, item] = exactly(method, args, &kwargs, 2)?.try_into().expect("two");
                let index = index_arg(&index)?;
                let mut items = cell.borrow_mut();
                let len = items.len() as i64;
                let at = if index < 0 {
                    (index + len).max(0)
                } else {
                    index.min(len)
                };
                items.insert(at as usize, item);
                Ok(Value::None)
            }
            sym::pop => {
                no_kwargs(method, &kwargs)?;
                let index = match args.as_slice() {
                    [] => -1,
                    [index] => index_arg(index)?,
                    _ => {
                        return Err(type_error(format!(
                            "pop expected at most 1 argument, got {}",
                            args.len()
                        )));
                    }
                };
                let mut items = cell.borrow_mut();
                if items.is_empty() {
                    return Err(index_error("pop from empty list"));
                }
                let len = items.len() as i64;
                let at = if index < 0 { index + len } else { index };
                if at < 0 || at >= len {
                    return Err(index_error("pop index out of range"));
                }
                Ok(items.remove(at as usize))
            }
            sym::remove => {
                let [item] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let position = cell
                    .borrow()
                    .iter()
                    .position(|x| x.is(&item) || values_equal(x, &item));
                match position {
                    Some(i) => {
                        cell.borrow_mut().remove(i);
                        Ok(Value::None)
                    }
                    None => Err(value_error("list.remove(x): x not in list")),
                }
            }
            sym::index => {
                no_kwargs(method, &kwargs)?;
                let Some(item) = args.first() else {
                    return Err(type_error(format!(
                        "index expected at least 1 argument, got {}",
                        args.len()
                    )));
                };
                let items = cell.borrow();
                position_in(&items, item, &args[1..])?
                    .ok_or_else(|| value_error(format!("{} is not in list", item.repr())))
            }
            sym::count => {
                let [item] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let count = cell
                    .borrow()
                    .iter()
                    .filter(|x| x.is(&item) || values_equal(x, &item))
                    .count();
                Ok(Value::Int(count as i64))
            }
            sym::sort => {
                if !args.is_empty() {
                    return Err(type_error("sort() takes no positional arguments"));
                }
                let bound = bind("sort", Vec::new(), kwargs, &["key", "reverse"], 0)?;
                self.list_sort(list, bound[0].clone(), bound[1].clone())?;
                Ok(Value::None)
            }
            sym::reverse => {
                exactly(method, args, &kwargs, 0)?;
                cell.borrow_mut().reverse();
                Ok(Value::None)
            }
            sym::copy => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::list(cell.borrow().clone()))
            }
            _ => {
                exactly(method, args, &kwargs, 0)?;
                cell.borrow_mut().clear();
                Ok(Value::None)
            }
        }
    }

    fn dict_method(
        &mut self,
        dict: &Value,
        name: Sym,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let Value::Dict(cell) = dict else {
            unreachable!("a dict")
        };
        match name {
            sym::get => {
                no_kwargs(method, &kwargs)?;
                let mut args = args.into_iter();
                let (Some(key), default, None) = (args.next(), args.next(), args.next()) else {
                    return Err(type_error("get expected at least 1 argument, got 0"));
                };
                let key = self.key(key)?;
                Ok(cell
                    .borrow()
                    .get(&key)
                    .cloned()
                    .unwrap_or(default.unwrap_or(Value::None)))
            }
            sym::keys | sym::values | sym::items => {
                exactly(method, args, &kwargs, 0)?;
                let kind = match name {
                    sym::keys => DictView::Keys,
                    sym::values => DictView::Values,
                    _ => DictView::Items,
                };
                Ok(Value::DictView(Rc::new(super::value::View {
                    dict: cell.clone(),
                    kind,
                })))
            }
            sym::pop => {
                no_kwargs(method, &kwargs)?;
                let mut args = args.into_iter();
                let (Some(key), default, None) = (args.next(), args.next(), args.next()) else {
                    return Err(type_error("pop expected at least 1 argument, got 0"));
                };
                let hashed = self.key(key.clone())?;
                let removed = cell.borrow_mut().shift_remove(&hashed);
                match (removed, default) {
                    (Some(value), _) => Ok(value),
                    (None, Some(default)) => Ok(default),
                    (None, None) => Err(Exception::new(ExcType::KeyError, vec![key])),
                }
            }
            sym::setdefault => {
                no_kwargs(method, &kwargs)?;
                let mut args = args.into_iter();
                let (Some(key), default) = (args.next(), args.next()) else {
                    return Err(type_error("setdefault expected at least 1 argument, got 0"));
                };
                let hashed = self.key(key)?;
                let mut map = cell.borrow_mut();
                Ok(map
                    .entry(hashed)
                    .or_insert(default.unwrap_or(Value::None))
                    .clone())
            }
            sym::update => {
                if args.len() > 1 {
                    return Err(type_error(format!(
                        "update expected at most 1 argument, got {}",
                        args.len()
                    )));
                }
                if let Some(source) = args.into_iter().next() {
                    self.dict_update_from(dict, source)?;
                }
                for (name, value) in kwargs {
                    self.store_subscript(dict, Value::str(&*name), value)?;
                }
                Ok(Value::None)
            }
            sym::copy => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::dict(cell.borrow().clone()))
            }
            sym::popitem => {
                exactly(method, args, &kwargs, 0)?;
                match cell.borrow_mut().pop() {
                    Some((key, value)) => Ok(Value::tuple(vec![key.value, value])),
                    None => Err(Exception::msg(
                        ExcType::KeyError,
                        "popitem(): dictionary is empty",
                    )),
                }
            }
            _ => {
                exactly(method, args, &kwargs, 0)?;
                cell.borrow_mut().clear();
                Ok(Value::None)
            }
        }
    }

    /// A set method's argument: another set's table, or an iterable's items in order.
    fn set_operand(&mut self, value: Value) -> PyResult<SetOperand> {
        match &value {
            Value::Set(other) => Ok(SetOperand::Table(other.items.borrow().clone())),
            Value::Dict(dict) => {
                let mut table = SetItems::default();
                for key in dict.borrow().keys() {
                    table.add(key.clone());
                }
                Ok(SetOperand::Table(table))
            }
            _ => {
                let mut keys = Vec::new();
                for item in self.collect_iterable(value)? {
                    keys.push(self.key(item)?);
                }
                Ok(SetOperand::Keys(keys))
            }
        }
    }

    /// The methods of `set` and `frozenset`, following `Objects/setobject.c` so that the
    /// results iterate in CPython's order.
    fn set_method(
        &mut self,
        set: &Value,
        name: Sym,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let Value::Set(cell) = set else {
            unreachable!("a set")
        };
        no_kwargs(method, &kwargs)?;
        let result = |table: SetItems| Value::set(table, cell.frozen);
        match name {
            sym::add | sym::discard | sym::remove => {
                let [item] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let key = if name == sym::add {
                    self.key(item.clone())?
                } else {
                    self.set_member_key(&item)?
                };
                let mut items = cell.items.borrow_mut();
                match name {
                    sym::add => {
                        items.add(key);
                    }
                    sym::discard => {
                        items.discard(&key);
                    }
                    _ => {
                        if !items.discard(&key) {
                            return Err(Exception::new(ExcType::KeyError, vec![item]));
                        }
                    }
                }
                Ok(Value::None)
            }
            sym::pop => {
                exactly(method, args, &kwargs, 0)?;
                let popped = cell.items.borrow_mut().pop();
                popped
                    .map(|k| k.value)
                    .ok_or_else(|| Exception::msg(ExcType::KeyError, "pop from an empty set"))
            }
            sym::clear => {
                exactly(method, args, &kwargs, 0)?;
                cell.items.borrow_mut().clear();
                Ok(Value::None)
            }
            sym::copy => {
                exactly(method, args, &kwargs, 0)?;
                Ok(result(cell.items.borrow().copy()))
            }
            sym::update | sym::union => {
                let mut table = if name == sym::update {
                    cell.items.borrow().clone()
                } else {
                    cell.items.borrow().copy()
                };
                for arg in args {
                    match self.set_operand(arg)? {
                        SetOperand::Table(other) => table.merge(&other),
                        SetOperand::Keys(keys) => {
                            for key in keys {
                                table.add(key);
                            }
                        }
                    }
                }
                if name == sym::update {
                    *cell.items.borrow_mut() = table;
                    return Ok(Value::None);
                }
                Ok(result(table))
            }
            sym::intersection | sym::intersection_update => {
                let mut table = cell.items.borrow().clone();
                if args.is_empty() {
                    table = table.copy();
                }
                for arg in args {
                    table = match self.set_operand(arg)? {
                        SetOperand::Table(other) => table.intersection(&other),
                        SetOperand::Keys(keys) => table.intersection_keys(&keys),
                    };
                }
                if name == sym::intersection_update {
                    // CPython computes the intersection and swaps it in.
                    *cell.items.borrow_mut() = table;
                    return Ok(Value::None);
                }
                Ok(result(table))
            }
            sym::difference_update => {
                // In place: the survivors keep their slots.
                for arg in args {
                    let keys: Vec<Key> = match self.set_operand(arg)? {
                        SetOperand::Table(other) => other.iter().cloned().collect(),
                        SetOperand::Keys(keys) => keys,
                    };
                    let mut items = cell.items.borrow_mut();
                    for key in &keys {
                        items.discard(key);
                    }
                }
                Ok(Value::None)
            }
            sym::symmetric_difference_update => {
                let [other] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let keys: Vec<Key> = match self.set_operand(other)? {
                    SetOperand::Table(table) => table.iter().cloned().collect(),
                    SetOperand::Keys(keys) => {
                        // A non-set operand is made a set first, which drops repeats.
                        let mut table = SetItems::default();
                        for key in keys {
                            table.add(key);
                        }
                        table.iter().cloned().collect()
                    }
                };
                let mut items = cell.items.borrow_mut();
                for key in keys {
                    if !items.discard(&key) {
                        items.add(key);
                    }
                }
                Ok(Value::None)
            }
            sym::difference => {
                let mine = cell.items.borrow().clone();
                let mut args = args.into_iter();
                let Some(first) = args.next() else {
                    return Ok(result(mine.copy()));
                };
                let mut table = match self.set_operand(first)? {
                    SetOperand::Table(other) => mine.difference(&other),
                    SetOperand::Keys(keys) => mine.difference_keys(&keys),
                };
                for arg in args {
                    let keys: Vec<Key> = match self.set_operand(arg)? {
                        SetOperand::Table(other) => other.iter().cloned().collect(),
                        SetOperand::Keys(keys) => keys,
                    };
                    for key in &keys {
                        table.discard(key);
                    }
                }
                Ok(result(table))
            }
            sym::symmetric_difference => {
                let [other] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let other = match self.set_operand(other)? {
                    SetOperand::Table(table) => table,
                    SetOperand::Keys(keys) => {
                        let mut table = SetItems::default();
                        for key in keys {
                            table.add(key);
                        }
                        table
                    }
                };
                Ok(result(cell.items.borrow().symmetric_difference(&other)))
            }
            _ => {
                let [other] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let other: Vec<Key> = match self.set_operand(other)? {
                    SetOperand::Table(table) => table.iter().cloned().collect(),
                    SetOperand::Keys(keys) => keys,
                };
                let mine = cell.items.borrow();
                Ok(Value::bool(match name {
                    sym::issubset => {
                        let mut theirs = SetItems::default();
                        for key in &other {
                            theirs.add(key.clone());
                        }
                        mine.iter().all(|k| theirs.contains(k))
                    }
                    sym::issuperset => other.iter().all(|k| mine.contains(k)),
                    _ => other.iter().all(|k| !mine.contains(k)),
                }))
            }
        }
    }

    fn future_method(
        &mut self,
        future: &Rc<super::asyncio::Future>,
        name: Sym,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match name {
            sym::done => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::bool(future.is_done()))
            }
            sym::cancelled => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::bool(future.is_cancelled()))
            }
            sym::result => {
                exactly(method, args, &kwargs, 0)?;
                future.result()
            }
            sym::exception => {
                exactly(method, args, &kwargs, 0)?;
                future.exception()
            }
            sym::cancel => {
                let bound = bind("cancel", args, kwargs, &["msg"], 0)?;
                let message = bound[0].clone().filter(|m| !matches!(m, Value::None));
                Ok(Value::bool(self.future_cancel(future, message)))
            }
            sym::get_name => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::str(&*future.name()))
            }
            sym::set_name => {
                let [value] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                self.rename_task(future, Rc::from(value.to_str()), false);
                Ok(Value::None)
            }
            sym::get_coro => {
                exactly(method, args, &kwargs, 0)?;
                Ok(future
                    .task()
                    .map_or(Value::None, |t| Value::Coroutine(t.coro.clone())))
            }
            sym::cancelling => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::Int(
                    future
                        .task()
                        .map_or(0, |t| i64::from(t.num_cancels_requested.get())),
                ))
            }
            sym::uncancel => {
                exactly(method, args, &kwargs, 0)?;
                let task = future.task().expect("only tasks have uncancel");
                let count = task.num_cancels_requested.get().saturating_sub(1);
                task.num_cancels_requested.set(count);
                Ok(Value::Int(i64::from(count)))
            }
            sym::set_result | sym::set_exception => {
                let [value] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                if future.is_task() {
                    return Err(super::exceptions::runtime_error(format!(
                        "Task does not support {} operation",
                        self.symbols.name(name)
                    )));
                }
                if future.is_done() {
                    return Err(Exception::msg(ExcType::InvalidStateError, "invalid state"));
                }
                if name == sym::set_result {
                    self.future_set_result(future, value);
                } else {
                    let exc = match value {
                        Value::Exception(exc) => exc,
                        Value::Type(Type::Exception(ty)) => Exception::new(*ty, Vec::new()),
                        _ => {
                            return Err(type_error("exceptions must derive from BaseException"));
                        }
                    };
                    if exc.ty == ExcType::StopIteration {
                        return Err(type_error(
                            "StopIteration interacts badly with generators and cannot be raised into a Future",
                        ));
                    }
                    self.future_set_exception(future, exc);
                }
                Ok(Value::None)
            }
            sym::add_done_callback => {
                let bound = bind("add_done_callback", args, kwargs, &["fn", "context"], 1)?;
                let callback = bound[0].clone().expect("required");
                self.add_done_callback(future, super::asyncio::Callback::Python(callback));
                Ok(Value::None)
            }
            _ => {
                let [callback] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let removed =
                    self.remove_done_callback(future, &super::asyncio::Callback::Python(callback));
                Ok(Value::Int(removed as i64))
            }
        }
    }
}

/// Whether `ty.name` is a method of the built-in type `ty` (for `str.lower` and friends).
pub fn type_has_method(interp: &Interp, ty: Type, name: Sym) -> bool {
    let example = match ty {
        Type::Str => Value::str(""),
        Type::List => Value::list(Vec::new()),
        Type::Tuple => Value::tuple(Vec::new()),
        Type::Dict => Value::dict(DictMap::default()),
        Type::Set => Value::set(SetItems::default(), false),
        Type::FrozenSet => Value::set(SetItems::default(), true),
        Type::Int | Type::Bool => Value::Int(0),
        Type::Float => Value::float(0.0),
        _ => return false,
    };
    interp.has_method(&example, name)
}

/// The inverse of `b` modulo `m` (m > 0), if `b` and `m` are coprime.
fn modular_inverse(b: &BigInt, m: &BigInt) -> Option<BigInt> {
    let (mut old_r, mut r) = (num_integer::Integer::mod_floor(b, m), m.clone());
    let (mut old_s, mut s) = (BigInt::from(1), BigInt::from(0));
    while !r.is_zero() {
        let q = &old_r / &r;
        let next_r = &old_r - &q * &r;
        old_r = std::mem::replace(&mut r, next_r);
        let next_s = &old_s - &q * &s;
        old_s = std::mem::replace(&mut s, next_s);
    }
    (old_r == BigInt::from(1)).then(|| num_integer::Integer::mod_floor(&old_s, m))
}

/// The argument of a set method.
enum SetOperand {
    /// Another set (or a dict's keys): its table.
    Table(SetItems),
    /// Any other iterable: its items, in order.
    Keys(Vec<Key>),
}

/// `type.method`, for messages; formatted only when an error needs it.
pub struct MethodName {
    pub type_name: &'static str,
    pub name: Rc<str>,
}

impl std::fmt::Display for MethodName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}", self.type_name, self.name)
    }
}

/// Convert a float argument that must be an integer count (width, repeat).
pub fn to_usize(value: &Value) -> PyResult<usize> {
    let n = index_arg(value)?;
    Ok(n.max(0).to_usize().unwrap_or(0))
}

/// The big-int value of an int argument, or a TypeError naming the function.
pub fn int_arg(function: &str, value: &Value) -> PyResult<BigInt> {
    value.as_bigint().ok_or_else(|| {
        type_error(format!(
            "{function}() argument must be int, not {}",
            value.type_name()
        ))
    })
}

/// The float value of a numeric argument.
pub fn float_arg(value: &Value) -> PyResult<f64> {
    if !value.is_number() {
        return Err(type_error(format!(
            "must be real number, not {}",
            value.type_name()
        )));
    }
    int_to_float(value)
}

/// Whether `BigInt` zero (for callers without num-traits in scope).
pub fn is_zero(n: &BigInt) -> bool {
    n.is_zero()
}

/// `f.as_integer_ratio()`: the exact fraction, in lowest terms.
fn float_ratio(f: f64) -> PyResult<Value> {
    if f.is_infinite() {
        return Err(overflow_error("cannot convert Infinity to integer ratio"));
    }
    if f.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    let bits = f.to_bits();
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = bits & ((1 << 52) - 1);
    let (mut numerator, mut shift) = if exponent == 0 {
        (BigInt::from(mantissa), -1074)
    } else {
        (BigInt::from(mantissa | (1 << 52)), exponent - 1075)
    };
    if f.is_sign_negative() {
        numerator = -numerator;
    }
    // Strip the common factors of two.
    while shift < 0 && !numerator.is_zero() && (&numerator & BigInt::from(1)).is_zero() {
        numerator >>= 1;
        shift += 1;
    }
    if numerator.is_zero() {
        shift = 0;
    }
    let (numerator, denominator) = if shift >= 0 {
        (numerator << shift as usize, BigInt::from(1))
    } else {
        (numerator, BigInt::from(1) << (-shift) as usize)
    };
    Ok(Value::tuple(vec![
        Value::from_bigint(numerator),
        Value::from_bigint(denominator),
    ]))
}

/// `callable(value)`
pub fn is_callable(value: &Value) -> bool {
    matches!(
        value,
        Value::Function(_) | Value::Builtin(_) | Value::Method(_) | Value::Type(_)
    ) || matches!(value, Value::Object(o) if o.typing().is_some_and(super::typing::is_callable))
}

/// `seq.index(item, start, stop)`: where `item` first occurs between the bounds, which
/// count from the end when negative.
fn position_in(items: &[Value], item: &Value, bounds: &[Value]) -> PyResult<Option<Value>> {
    let len = items.len() as i64;
    let bound = |v: Option<&Value>, default: i64| -> PyResult<usize> {
        let i = match v {
            Some(v) => index_arg(v)?,
            None => default,
        };
        Ok((if i < 0 { (i + len).max(0) } else { i.min(len) }) as usize)
    };
    let (start, stop) = (bound(bounds.first(), 0)?, bound(bounds.get(1), len)?);
    Ok((start..stop.max(start))
        .find(|&i| items[i].is(item) || values_equal(&items[i], item))
        .map(|i| Value::Int(i as i64)))
}
