//! Python values.
//!
//! [`Value`] is sixteen bytes: small values (None, bools, ints that fit in an `i64`,
//! floats) are stored inline, everything else behind a thin `Rc`. Ints are normalised: an
//! `Int` is used whenever the value fits in an `i64`, a `BigInt` only when it does not.
//! Containers use `RefCell` because Python objects are shared and mutable; the interpreter
//! is single-threaded, so no `RefCell` is ever borrowed across a call back into Python code.
//!
//! This module also gives values their Python text forms (`repr`, `str`), truthiness,
//! type names, equality and the hashing used by dict keys.

use std::cell::RefCell;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use indexmap::{Equivalent, IndexMap};
use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use rustc_hash::FxBuildHasher;

use super::asyncio::{Coroutine, Future};
use super::builtins::Builtin;
use super::exceptions::{ExcType, Exception};
use super::generator::Generator;
pub use super::import::{Module, Native};
use super::symbol::Sym;
use crate::bytecode::Code;
use crate::pyfmt;

/// A Python value.
///
/// `repr(u64)`: a word of tag, then every payload in the second word. With a byte-sized
/// tag and some payloads at byte 1, moving a value copied bytes 1..16 in two overlapping
/// pieces, which a following 16-byte load of the same value cannot be forwarded from; the
/// dispatch loop stalled on that at nearly every push (w6 35% slower). No variant may
/// hold more than one word, or values grow to 24 bytes (see `bytecode::tests`).
///
/// Every payload is also a single 8-byte integer or pointer: an `i64`, an `Rc`, a
/// `&'static`, a `repr(u64)` fieldless enum ([`PyBool`], [`Builtin`]) or a
/// `repr(transparent)` `u64` ([`PyFloat`], the bits of an `f64`). That gives `Value`
/// Rust's scalar-pair ABI: it is passed and returned in two registers (tag, payload)
/// rather than through memory, so pushing the result of a call does not store it to the
/// stack and load it straight back (another store-forwarding stall). An `f64`, a `bool`,
/// any field narrower than 8 bytes or an enum with data would make `Value` an aggregate
/// again; that is why [`Type`], which has data, is held as a `&'static Type` (see
/// [`Type::interned`]).
#[derive(Clone, Default)]
#[repr(u64)]
pub enum Value {
    // The variants that own nothing come first, so that "owns nothing" is one range
    // check on the tag (see `vm::discard` and `vm::fast_clone`).
    #[default]
    None,
    Bool(PyBool),
    Int(i64),
    Float(PyFloat),
    /// An empty variable slot. Never visible to programs.
    Unbound,
    Type(&'static Type),
    Builtin(Builtin),
    /// The running event loop (`asyncio.get_running_loop()`).
    Loop,
    Ellipsis,
    // Everything below holds a reference count.
    Module(Rc<Module>),
    BigInt(Rc<BigInt>),
    Str(Rc<PyStr>),
    Tuple(Rc<Tuple>),
    List(Rc<List>),
    Dict(Rc<Dict>),
    Set(Rc<Set>),
    Range(Rc<Range>),
    Slice(Rc<Slice>),
    Function(Rc<Function>),
    Method(Rc<BoundMethod>),
    Exception(Rc<Exception>),
    Coroutine(Rc<Coroutine>),
    Future(Rc<Future>),
    Iterator(Rc<RefCell<Iter>>),
    Generator(Rc<Generator>),
    /// `dict.keys()`, `dict.values()`, `dict.items()`: live views of a dict.
    DictView(Rc<View>),
    /// A lock, queue, task group, async generator, ... (see [`super::object`]).
    Object(Rc<super::object::Object>),
    /// A closure cell in a variable slot. Never visible to programs.
    Cell(Rc<RefCell<Value>>),
}

/// A `bool` payload, one word wide (see [`Value`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum PyBool {
    False,
    True,
}

impl PyBool {
    pub fn new(b: bool) -> PyBool {
        if b { PyBool::True } else { PyBool::False }
    }

    pub fn get(self) -> bool {
        self == PyBool::True
    }
}

/// A `float` payload: the bits of an `f64`, so that it travels in an integer register
/// (see [`Value`]). `to_bits`/`from_bits` round-trip exactly (NaN payloads, `-0.0`).
/// Deliberately not `PartialEq`: compare the `f64`s from [`PyFloat::get`].
#[derive(Clone, Copy)]
#[repr(transparent)]
pub struct PyFloat(u64);

impl PyFloat {
    pub fn new(f: f64) -> PyFloat {
        PyFloat(f.to_bits())
    }

    pub fn get(self) -> f64 {
        f64::from_bits(self.0)
    }
}

impl std::fmt::Debug for PyFloat {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.get().fmt(f)
    }
}

impl std::fmt::Debug for Value {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.repr())
    }
}

/// A `str`: UTF-8 text and its length in characters (Python indexes by character).
pub struct PyStr {
    pub text: Box<str>,
    chars: u32,
    /// CPython's hash of the text, once computed (-1 until then, as in CPython).
    pub(super) hash_cache: std::cell::Cell<i64>,
}

impl PyStr {
    pub fn new(text: impl Into<Box<str>>) -> PyStr {
        let text = text.into();
        let chars = if text.is_ascii() {
            text.len()
        } else {
            text.chars().count()
        };
        PyStr {
            text,
            chars: chars as u32,
            hash_cache: std::cell::Cell::new(-1),
        }
    }

    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The length in characters.
    pub fn len(&self) -> usize {
        self.chars as usize
    }

    pub fn is_empty(&self) -> bool {
        self.chars == 0
    }

    pub fn is_ascii(&self) -> bool {
        self.chars as usize == self.text.len()
    }

    /// The character at a (non-negative, in-range) index.
    pub fn char_at(&self, index: usize) -> char {
        if self.is_ascii() {
            self.text.as_bytes()[index] as char
        } else {
            self.text
                .chars()
                .nth(index)
                .expect("index checked by the caller")
        }
    }

    /// The characters `start..stop` (in-range character indices).
    pub fn substring(&self, start: usize, stop: usize) -> &str {
        if self.is_ascii() {
            return &self.text[start..stop];
        }
        let mut indices = self
            .text
            .char_indices()
            .map(|(i, _)| i)
            .chain([self.text.len()]);
        let from = indices.nth(start).unwrap_or(self.text.len());
        let to = if stop > start {
            indices.nth(stop - start - 1).unwrap_or(self.text.len())
        } else {
            from
        };
        &self.text[from..to]
    }
}

pub struct Tuple(pub Vec<Value>);
pub type List = RefCell<Vec<Value>>;
pub type DictMap = IndexMap<Key, Value, FxBuildHasher>;
pub type Dict = RefCell<DictMap>;
pub type SetItems = super::set::SetTable;

/// A `set`: items in insertion order (CPython's order is hash-based; see README).
pub struct Set {
    pub items: RefCell<SetItems>,
    pub frozen: bool,
}

/// A `range`, with `i64` bounds.
pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let len = if step > 0 && start < stop {
            (stop - start + step - 1) / step
        } else if step < 0 && start > stop {
            (start - stop - step - 1) / -step
        } else {
            0
        };
        len as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, index: i64) -> i64 {
        self.start + index * self.step
    }

    /// The index at which the range yields `value`, if it does.
    pub fn position(&self, value: i64) -> Option<i64> {
        let offset = value as i128 - self.start as i128;
        let step = self.step as i128;
        let index = offset / step;
        (offset % step == 0 && index >= 0 && index < self.len() as i128).then_some(index as i64)
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A function made by `def`, `async def` or `lambda`.
pub struct Function {
    pub code: Rc<Code>,
    /// Defaults of the last positional parameters.
    pub defaults: Vec<Value>,
    /// Defaults of the keyword-only parameters, by position.
    pub kwdefaults: Vec<Option<Value>>,
    /// Cells of the free variables.
    pub closure: Vec<Value>,
    /// `__annotations__`, when the `def` has any.
    pub annotations: Option<Value>,
}

/// `receiver.name` for a built-in method, made when a method is used as a value.
pub struct BoundMethod {
    pub receiver: Value,
    pub name: Sym,
}

/// The built-in types, as values (`int`, `str`, `ValueError`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Type {
    NoneType,
    Bool,
    Int,
    Float,
    Str,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Type,
    Module,
    Coroutine,
    Future,
    Task,
    Iterator,
    Generator,
    Loop,
    Ellipsis,
    Object,
    /// The class of a [`Value::Object`].
    Native(super::object::ObjectKind),
    /// `dict_keys`, `dict_values`, `dict_items`.
    DictView(DictView),
    Exception(ExcType),
    /// A class or special object of `typing`'s world (`typing.List`, `typing.Union`,
    /// `collections.abc.Iterable`, ...): see [`super::typing`].
    Typing(super::typing::Name),
}

impl Type {
    pub fn name(self) -> &'static str {
        match self {
            Type::NoneType => "NoneType",
            Type::Bool => "bool",
            Type::Int => "int",
            Type::Float => "float",
            Type::Str => "str",
            Type::Tuple => "tuple",
            Type::List => "list",
            Type::Dict => "dict",
            Type::Set => "set",
            Type::FrozenSet => "frozenset",
            Type::Range => "range",
            Type::Slice => "slice",
            Type::Function => "function",
            Type::BuiltinFunction => "builtin_function_or_method",
            Type::Method => "method",
            Type::Type => "type",
            Type::Module => "module",
            Type::Coroutine => "coroutine",
            Type::Future => "Future",
            Type::Task => "Task",
            Type::Iterator => "iterator",
            Type::DictView(kind) => kind.type_name(),
            Type::Generator => "generator",
            Type::Loop => "_UnixSelectorEventLoop",
            Type::Ellipsis => "ellipsis",
            Type::Object => "object",
            Type::Native(kind) => kind.name(),
            Type::Exception(exc) => exc.name(),
            Type::Typing(name) => name.name(),
        }
    }

    /// This type behind a `'static` reference, as [`Value::Type`] holds it (a pointer
    /// keeps `Value` a scalar pair; see [`Value`]). A constant such as `&Type::Int` is
    /// promoted to a static by the compiler, so write that where the type is known.
    pub fn interned(self) -> &'static Type {
        use super::object::ObjectKind as K;
        match self {
            Type::NoneType => &Type::NoneType,
            Type::Bool => &Type::Bool,
            Type::Int => &Type::Int,
            Type::Float => &Type::Float,
            Type::Str => &Type::Str,
            Type::Tuple => &Type::Tuple,
            Type::List => &Type::List,
            Type::Dict => &Type::Dict,
            Type::Set => &Type::Set,
            Type::FrozenSet => &Type::FrozenSet,
            Type::Range => &Type::Range,
            Type::Slice => &Type::Slice,
            Type::Function => &Type::Function,
            Type::BuiltinFunction => &Type::BuiltinFunction,
            Type::Method => &Type::Method,
            Type::Type => &Type::Type,
            Type::Module => &Type::Module,
            Type::Coroutine => &Type::Coroutine,
            Type::Future => &Type::Future,
            Type::Task => &Type::Task,
            Type::Iterator => &Type::Iterator,
            Type::Generator => &Type::Generator,
            Type::Loop => &Type::Loop,
            Type::Ellipsis => &Type::Ellipsis,
            Type::Object => &Type::Object,
            Type::Native(kind) => match kind {
                K::Lock => &Type::Native(K::Lock),
                K::Event => &Type::Native(K::Event),
                K::Condition => &Type::Native(K::Condition),
                K::Semaphore => &Type::Native(K::Semaphore),
                K::BoundedSemaphore => &Type::Native(K::BoundedSemaphore),
                K::Barrier => &Type::Native(K::Barrier),
                K::Queue => &Type::Native(K::Queue),
                K::LifoQueue => &Type::Native(K::LifoQueue),
                K::PriorityQueue => &Type::Native(K::PriorityQueue),
                K::Timeout => &Type::Native(K::Timeout),
                K::TaskGroup => &Type::Native(K::TaskGroup),
                K::AsyncGenerator => &Type::Native(K::AsyncGenerator),
                K::ClientSession => &Type::Native(K::ClientSession),
                K::RequestContextManager => &Type::Native(K::RequestContextManager),
                K::ClientResponse => &Type::Native(K::ClientResponse),
                K::Handle => &Type::Native(K::Handle),
                K::TimerHandle => &Type::Native(K::TimerHandle),
                K::Object => &Type::Native(K::Object),
                K::TextIOWrapper => &Type::Native(K::TextIOWrapper),
                K::VersionInfo => &Type::Native(K::VersionInfo),
            },
            Type::DictView(DictView::Keys) => &Type::DictView(DictView::Keys),
            Type::DictView(DictView::Values) => &Type::DictView(DictView::Values),
            Type::DictView(DictView::Items) => &Type::DictView(DictView::Items),
            Type::Exception(exc) => &EXCEPTION_TYPES[exc as usize],
            Type::Typing(name) => &TYPING_TYPES[name as usize],
        }
    }

    /// Whether `self` is `other` or a subclass of it.
    pub fn is_subtype(self, other: Type) -> bool {
        if self == other || other == Type::Object {
            return true;
        }
        match (self, other) {
            (Type::Bool, Type::Int) => true,
            (Type::Task, Type::Future) => true,
            (Type::Native(a), Type::Native(b)) => {
                use super::object::ObjectKind as K;
                matches!(
                    (a, b),
                    (K::BoundedSemaphore, K::Semaphore)
                        | (K::LifoQueue | K::PriorityQueue, K::Queue)
                )
            }
            (Type::Exception(a), Type::Exception(b)) => a.is_subclass(b),
            _ => false,
        }
    }
}

/// `Type::Exception(e)` for every `e`, at index `e as usize` ([`ExcType::ALL`] lists the
/// classes in declaration order), for [`Type::interned`].
static EXCEPTION_TYPES: [Type; ExcType::ALL.len()] = {
    let mut types = [Type::Object; ExcType::ALL.len()];
    let mut i = 0;
    while i < types.len() {
        types[i] = Type::Exception(ExcType::ALL[i]);
        i += 1;
    }
    types
};

/// `Type::Typing(n)` for every `n`, at index `n as usize`, for [`Type::interned`].
static TYPING_TYPES: [Type; super::typing::Name::ALL.len()] = {
    let mut types = [Type::Object; super::typing::Name::ALL.len()];
    let mut i = 0;
    while i < types.len() {
        types[i] = Type::Typing(super::typing::Name::ALL[i]);
        i += 1;
    }
    types
};

/// The state of an iterator over a built-in container or a lazy built-in.
pub enum Iter {
    Seq {
        items: Value,
        index: usize,
    },
    Range {
        next: i64,
        stop: i64,
        step: i64,
    },
    Str {
        text: Rc<PyStr>,
        byte: usize,
    },
    Dict {
        dict: Rc<Dict>,
        index: usize,
        len: usize,
        view: DictView,
    },
    Set {
        set: Rc<Set>,
        index: usize,
        len: usize,
    },
    Reversed {
        items: Value,
        index: usize,
    },
    Enumerate {
        inner: Value,
        count: Value,
    },
    Zip {
        inners: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        inners: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `iter(func, sentinel)`: calls `func` until it returns `sentinel`.
    Callable {
        func: Value,
        sentinel: Value,
    },
    /// `asyncio.as_completed(...)`: a generator of awaitables in CPython.
    AsCompleted(Rc<super::asyncio::AsCompleted>),
    Exhausted,
}

/// A live view of a dict: its keys, values or items. (One pointer, so that every variant
/// of [`Value`] holds at most one word.)
pub struct View {
    pub dict: Rc<Dict>,
    pub kind: DictView,
}

/// Which part of a dict's entries a view or iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DictView {
    Keys,
    Values,
    Items,
}

impl DictView {
    pub fn type_name(self) -> &'static str {
        match self {
            DictView::Keys => "dict_keys",
            DictView::Values => "dict_values",
            DictView::Items => "dict_items",
        }
    }
}

impl Iter {
    pub fn type_name(&self) -> &'static str {
        match self {
            Iter::Seq { items, .. } => match items {
                Value::Tuple(_) => "tuple_iterator",
                _ => "list_iterator",
            },
            Iter::Range { .. } => "range_iterator",
            Iter::Str { .. } => "str_ascii_iterator",
            Iter::Dict {
                view: DictView::Keys,
                ..
            } => "dict_keyiterator",
            Iter::Dict {
                view: DictView::Values,
                ..
            } => "dict_valueiterator",
            Iter::Dict {
                view: DictView::Items,
                ..
            } => "dict_itemiterator",
            Iter::Set { .. } => "set_iterator",
            Iter::Reversed { .. } => "list_reverseiterator",
            Iter::Enumerate { .. } => "enumerate",
            Iter::Zip { .. } => "zip",
            Iter::Map { .. } => "map",
            Iter::Filter { .. } => "filter",
            Iter::Callable { .. } => "callable_iterator",
            Iter::AsCompleted(_) => "generator",
            Iter::Exhausted => "iterator",
        }
    }
}

impl Value {
    pub fn bool(b: bool) -> Value {
        Value::Bool(PyBool::new(b))
    }

    pub fn float(f: f64) -> Value {
        Value::Float(PyFloat::new(f))
    }

    pub fn str(text: impl Into<Box<str>>) -> Value {
        Value::Str(Rc::new(PyStr::new(text)))
    }

    pub fn tuple(items: Vec<Value>) -> Value {
        Value::Tuple(Rc::new(Tuple(items)))
    }

    pub fn list(items: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(items)))
    }

    pub fn dict(map: DictMap) -> Value {
        Value::Dict(Rc::new(RefCell::new(map)))
    }

    pub fn set(items: SetItems, frozen: bool) -> Value {
        Value::Set(Rc::new(Set {
            items: RefCell::new(items),
            frozen,
        }))
    }

    pub fn iterator(iter: Iter) -> Value {
        Value::Iterator(Rc::new(RefCell::new(iter)))
    }

    /// An int from a `BigInt`, normalised to `Int` when it fits.
    pub fn from_bigint(n: BigInt) -> Value {
        match n.to_i64() {
            Some(small) => Value::Int(small),
            None => Value::BigInt(Rc::new(n)),
        }
    }

    pub fn from_i128(n: i128) -> Value {
        match i64::try_from(n) {
            Ok(small) => Value::Int(small),
            Err(_) => Value::BigInt(Rc::new(BigInt::from(n))),
        }
    }

    /// The type of this value.
    pub fn type_of(&self) -> Type {
        match self {
            Value::None => Type::NoneType,
            Value::Bool(_) => Type::Bool,
            Value::Int(_) | Value::BigInt(_) => Type::Int,
            Value::Float(_) => Type::Float,
            Value::Str(_) => Type::Str,
            Value::Tuple(_) => Type::Tuple,
            Value::List(_) => Type::List,
            Value::Dict(_) => Type::Dict,
            Value::Set(set) => {
                if set.frozen {
                    Type::FrozenSet
                } else {
                    Type::Set
                }
            }
            Value::Range(_) => Type::Range,
            Value::Slice(_) => Type::Slice,
            Value::Function(_) => Type::Function,
            Value::Builtin(b) if super::typing::is_function(*b) => Type::Function,
            Value::Builtin(_) => Type::BuiltinFunction,
            Value::Method(_) => Type::BuiltinFunction,
            Value::Type(Type::Typing(name)) => name.class(),
            Value::Type(_) => Type::Type,
            Value::Exception(exc) => Type::Exception(exc.ty),
            Value::Module(_) => Type::Module,
            Value::Coroutine(_) => Type::Coroutine,
            Value::Future(fut) => {
                if fut.is_task() {
                    Type::Task
                } else {
                    Type::Future
                }
            }
            Value::Iterator(_) => Type::Iterator,
            Value::Generator(_) => Type::Generator,
            Value::DictView(view) => Type::DictView(view.kind),
            Value::Loop => Type::Loop,
            Value::Object(object) => object.type_of(),
            Value::Ellipsis => Type::Ellipsis,
            Value::Unbound | Value::Cell(_) => Type::Object,
        }
    }

    /// The type name CPython shows in messages (`'int' object is not iterable`).
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Object(object) => object.type_name(),
            Value::Iterator(iter) => iter.borrow().type_name(),
            Value::Future(fut) => fut.type_name(),
            Value::DictView(view) => view.kind.type_name(),
            _ => self.type_of().name(),
        }
    }

    /// Python truthiness.
    pub fn truthy(&self) -> bool {
        match self {
            Value::None => false,
            Value::Bool(b) => b.get(),
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => f.get() != 0.0,
            Value::Str(s) => !s.is_empty(),
            Value::Tuple(t) => !t.0.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) => !s.items.borrow().is_empty(),
            Value::DictView(view) => !view.dict.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            _ => true,
        }
    }

    /// The tuple a struct sequence (`sys.version_info`) is, and behaves as.
    pub fn struct_seq(&self) -> Option<&Value> {
        match self {
            Value::Object(object) => match &**object {
                super::object::Object::StructSeq(seq) => Some(&seq.items),
                _ => None,
            },
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Str(s) => Some(s.as_str()),
            _ => None,
        }
    }

    /// The value as an `i64`, if it is an int (or bool) that fits.
    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(i64::from(b.get())),
            _ => None,
        }
    }

    /// The value as a `BigInt`, if it is an int or bool.
    pub fn as_bigint(&self) -> Option<BigInt> {
        match self {
            Value::Int(i) => Some(BigInt::from(*i)),
            Value::Bool(b) => Some(BigInt::from(i64::from(b.get()))),
            Value::BigInt(b) => Some((**b).clone()),
            _ => None,
        }
    }

    pub fn is_int(&self) -> bool {
        matches!(self, Value::Int(_) | Value::BigInt(_) | Value::Bool(_))
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None)
            | (Value::Ellipsis, Value::Ellipsis)
            | (Value::Loop, Value::Loop) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Small ints are cached in CPython; so are equal ints here.
            (Value::Int(a), Value::Int(b)) => a == b,
            (Value::Float(a), Value::Float(b)) => a.get().to_bits() == b.get().to_bits(),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Str(a), Value::Str(b)) => {
                Rc::ptr_eq(a, b) || (a.len() <= 1 && a.text == b.text)
            }
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.0.is_empty() && b.0.is_empty())
            }
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Dict(a), Value::Dict(b)) => Rc::ptr_eq(a, b),
            (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::Range(a), Value::Range(b)) => Rc::ptr_eq(a, b),
            (Value::Slice(a), Value::Slice(b)) => Rc::ptr_eq(a, b),
            (Value::Function(a), Value::Function(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => a == b,
            (Value::Method(a), Value::Method(b)) => Rc::ptr_eq(a, b),
            (Value::Type(a), Value::Type(b)) => a == b,
            (Value::Exception(a), Value::Exception(b)) => Rc::ptr_eq(a, b),
            (Value::Module(a), Value::Module(b)) => Rc::ptr_eq(a, b),
            (Value::Coroutine(a), Value::Coroutine(b)) => Rc::ptr_eq(a, b),
            (Value::Future(a), Value::Future(b)) => Rc::ptr_eq(a, b),
            (Value::Object(a), Value::Object(b)) => Rc::ptr_eq(a, b),
            (Value::Iterator(a), Value::Iterator(b)) => Rc::ptr_eq(a, b),
            (Value::Generator(a), Value::Generator(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// `repr(self)`. Containers nested past the recursion limit end in `...`; the
    /// built-ins that Python code calls use [`Value::try_repr`] and raise instead.
    pub fn repr(&self) -> String {
        let mut out = String::new();
        if write_repr(&mut out, self, &mut Vec::new()).is_err() {
            out.push_str("...");
        }
        out
    }

    /// `repr(self)`, or why CPython raises instead ([`ReprError`]).
    pub fn try_repr(&self) -> Result<String, ReprError> {
        let mut out = String::new();
        write_repr(&mut out, self, &mut Vec::new())?;
        Ok(out)
    }

    /// `str(self)`, or why CPython raises instead ([`ReprError`]).
    pub fn try_to_str(&self) -> Result<String, ReprError> {
        match self {
            Value::Str(_) | Value::Exception(_) | Value::Object(_) => Ok(self.to_str()),
            _ => self.try_repr(),
        }
    }

    /// `str(self)`.
    pub fn to_str(&self) -> String {
        match self {
            Value::Str(s) => s.as_str().to_string(),
            Value::Exception(exc) => exc.message(),
            Value::Object(object) => object.str(),
            _ => self.repr(),
        }
    }
}

/// Append `repr(value)` to `out`; `seen` holds the containers being printed, so a list
/// that contains itself prints as `[[...]]`.
pub fn write_repr(out: &mut String, value: &Value, seen: &mut Vec<usize>) -> Result<(), ReprError> {
    if seen.len() > NESTING_LIMIT {
        return Err(ReprError::TooDeep);
    }
    let address = |rc_ptr: *const ()| rc_ptr as usize;
    match value {
        Value::None => out.push_str("None"),
        Value::Bool(PyBool::True) => out.push_str("True"),
        Value::Bool(PyBool::False) => out.push_str("False"),
        Value::Int(i) => {
            let _ = write!(out, "{i}");
        }
        Value::BigInt(b) => {
            // CPython's int-to-str limit: 2**14300 already has more than 4300 digits, so
            // only an int below that is converted to be measured.
            if b.bits() > 14_300 {
                return Err(ReprError::IntTooLong);
            }
            let text = b.to_string();
            if text.trim_start_matches('-').len() > pyfmt::MAX_STR_DIGITS {
                return Err(ReprError::IntTooLong);
            }
            out.push_str(&text);
        }
        Value::Float(f) => out.push_str(&pyfmt::float_repr(f.get())),
        Value::Str(s) => out.push_str(&pyfmt::str_repr(s.as_str())),
        Value::Tuple(t) => {
            let id = address(Rc::as_ptr(t) as *const ());
            if seen.contains(&id) {
                out.push_str("(...)");
                return Ok(());
            }
            seen.push(id);
            out.push('(');
            for (i, item) in t.0.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item, seen)?;
            }
            if t.0.len() == 1 {
                out.push(',');
            }
            out.push(')');
            seen.pop();
        }
        Value::List(list) => {
            let id = address(Rc::as_ptr(list) as *const ());
            if seen.contains(&id) {
                out.push_str("[...]");
                return Ok(());
            }
            seen.push(id);
            out.push('[');
            let items = list.borrow().clone();
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item, seen)?;
            }
            out.push(']');
            seen.pop();
        }
        Value::Dict(dict) => {
            let id = address(Rc::as_ptr(dict) as *const ());
            if seen.contains(&id) {
                out.push_str("{...}");
                return Ok(());
            }
            seen.push(id);
            out.push('{');
            let entries: Vec<(Value, Value)> = dict
                .borrow()
                .iter()
                .map(|(k, v)| (k.value.clone(), v.clone()))
                .collect();
            for (i, (key, item)) in entries.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, key, seen)?;
                out.push_str(": ");
                write_repr(out, item, seen)?;
            }
            out.push('}');
            seen.pop();
        }
        Value::Set(set) => {
            let items: Vec<Value> = set.items.borrow().iter().map(|k| k.value.clone()).collect();
            if items.is_empty() {
                out.push_str(if set.frozen { "frozenset()" } else { "set()" });
                return Ok(());
            }
            if set.frozen {
                out.push_str("frozenset(");
            }
            out.push('{');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                write_repr(out, item, seen)?;
            }
            out.push('}');
            if set.frozen {
                out.push(')');
            }
        }
        Value::Range(r) => {
            if r.step == 1 {
                let _ = write!(out, "range({}, {})", r.start, r.stop);
            } else {
                let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
            }
        }
        Value::Slice(s) => {
            out.push_str("slice(");
            write_repr(out, &s.start, seen)?;
            out.push_str(", ");
            write_repr(out, &s.stop, seen)?;
            out.push_str(", ");
            write_repr(out, &s.step, seen)?;
            out.push(')');
        }
        Value::Function(f) => {
            let _ = write!(
                out,
                "<function {} at {}>",
                f.code.qualname,
                fake_address(Rc::as_ptr(f) as *const ())
            );
        }
        Value::Builtin(b) if super::typing::is_function(*b) => {
            let _ = write!(
                out,
                "<function {} at 0x...>",
                super::typing::function_qualname(*b)
            );
        }
        Value::Builtin(b) => {
            let _ = write!(out, "<built-in function {}>", b.name());
        }
        Value::Method(m) => {
            let _ = write!(
                out,
                "<built-in method of {} object>",
                m.receiver.type_name()
            );
        }
        Value::Type(t) => match t {
            Type::Exception(exc) if exc.module() != "builtins" => {
                let _ = write!(out, "<class '{}.{}'>", exc.module(), exc.name());
            }
            Type::Future | Type::Task => {
                let _ = write!(out, "<class '_asyncio.{}'>", t.name());
            }
            Type::Native(kind) if kind.module() != "builtins" => {
                let _ = write!(out, "<class '{}.{}'>", kind.module(), kind.name());
            }
            Type::Typing(name) => out.push_str(&name.repr()),
            _ => {
                let _ = write!(out, "<class '{}'>", t.name());
            }
        },
        Value::Exception(exc) => out.push_str(&exc.repr()),
        Value::Module(m) => out.push_str(&m.repr()),
        Value::Coroutine(c) => {
            let _ = write!(
                out,
                "<coroutine object {} at {}>",
                c.qualname(),
                fake_address(Rc::as_ptr(c) as *const ())
            );
        }
        Value::Future(f) => out.push_str(&f.repr()),
        Value::Iterator(it) => {
            let _ = write!(
                out,
                "<{} object at {}>",
                it.borrow().type_name(),
                fake_address(Rc::as_ptr(it) as *const ())
            );
        }
        Value::Generator(g) => {
            let _ = write!(
                out,
                "<generator object {} at {}>",
                g.qualname(),
                fake_address(Rc::as_ptr(g) as *const ())
            );
        }
        Value::DictView(view) => {
            let (dict, view) = (&view.dict, view.kind);
            let entries: Vec<Value> = dict
                .borrow()
                .iter()
                .map(|(k, v)| match view {
                    DictView::Keys => k.value.clone(),
                    DictView::Values => v.clone(),
                    DictView::Items => Value::tuple(vec![k.value.clone(), v.clone()]),
                })
                .collect();
            out.push_str(view.type_name());
            out.push('(');
            write_repr(out, &Value::list(entries), seen)?;
            out.push(')');
        }
        Value::Loop => {
            out.push_str("<_UnixSelectorEventLoop running=True closed=False debug=False>")
        }
        Value::Object(object) => out.push_str(&object.repr()),
        Value::Ellipsis => out.push_str("Ellipsis"),
        Value::Unbound => out.push_str("<unbound>"),
        Value::Cell(_) => out.push_str("<cell>"),
    }
    Ok(())
}

/// A stand-in for an object's address in reprs. Real addresses would make traces differ
/// from run to run; CPython's differ too, so no program can depend on them.
fn fake_address(_ptr: *const ()) -> &'static str {
    "0x..."
}

// -------------------------------------------------------------------------------- dict keys

/// A hashable value used as a dict key or set item, with its hash (CPython's, see
/// [`super::hash`]); keys compare as Python does (`1`, `1.0` and `True` are the same key).
#[derive(Clone)]
pub struct Key {
    pub value: Value,
    pub hash: i64,
}

impl Key {
    /// Wrap a value, or say why it cannot be a key (`unhashable type: 'list'`).
    #[inline]
    pub fn new(value: Value) -> Result<Key, &'static str> {
        let hash = match value {
            // The common key, without a call.
            Value::Int(i) => super::hash::hash_i64(i),
            _ => super::hash::py_hash(&value)?,
        };
        Ok(Key { value, hash })
    }
}

impl PartialEq for Key {
    #[inline]
    fn eq(&self, other: &Key) -> bool {
        KeyRef::of(self).equivalent(other)
    }
}

/// A key to look up without a copy of its value: `d.get(k)`, `d[k]`.
#[derive(Clone, Copy)]
pub struct KeyRef<'a> {
    pub value: &'a Value,
    pub hash: i64,
}

impl<'a> KeyRef<'a> {
    /// An int or str key, whose hash needs no call; `None` for the other types.
    #[inline(always)]
    pub fn scalar(value: &'a Value) -> Option<KeyRef<'a>> {
        let hash = match value {
            Value::Int(i) => super::hash::hash_i64(*i),
            Value::Str(s) => s.hash(),
            _ => return None,
        };
        Some(KeyRef { value, hash })
    }

    #[inline(always)]
    fn of(key: &'a Key) -> KeyRef<'a> {
        KeyRef {
            value: &key.value,
            hash: key.hash,
        }
    }
}

/// `map[key]` for a dict of up to [`SCAN_LIMIT`] entries is a scan of the entries'
/// hashes, which are independent loads, rather than a walk through the hash table, where
/// each load waits for the one before.
pub const SCAN_LIMIT: usize = 8;

/// The index of `key` in `map`, if it is there.
#[inline(always)]
pub fn dict_index(map: &DictMap, key: KeyRef<'_>) -> Option<usize> {
    if map.len() <= SCAN_LIMIT {
        map.keys().position(|k| key.equivalent(k))
    } else {
        map.get_index_of(&key)
    }
}

impl Hash for KeyRef<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl Equivalent<Key> for KeyRef<'_> {
    #[inline]
    fn equivalent(&self, key: &Key) -> bool {
        if self.hash != key.hash {
            return false;
        }
        match (self.value, &key.value) {
            (Value::Int(a), Value::Int(b)) => a == b,
            (a, b) => a.is(b) || values_equal(a, b),
        }
    }
}

impl Eq for Key {}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

/// How deep containers may nest inside a comparison or a `repr` before CPython's recursion
/// limit stops it (a list that contains itself would otherwise never finish).
pub const NESTING_LIMIT: usize = 990;

/// Comparing or printing went deeper than [`NESTING_LIMIT`]: `RecursionError` in Python.
#[derive(Debug)]
pub struct TooDeep;

/// Why a `repr` or `str` fails where CPython raises.
#[derive(Debug)]
pub enum ReprError {
    /// Containers nested past [`NESTING_LIMIT`]: `RecursionError`.
    TooDeep,
    /// An int of more than 4300 decimal digits: CPython's `ValueError`.
    IntTooLong,
}

/// `a == b` for the built-in types (no user-defined `__eq__` exists in the subset). Nesting
/// past the recursion limit counts as unequal here; [`try_values_equal`] reports it.
pub fn values_equal(a: &Value, b: &Value) -> bool {
    try_values_equal(a, b).unwrap_or(false)
}

/// `a == b`, or [`TooDeep`] where CPython raises `RecursionError`.
pub fn try_values_equal(a: &Value, b: &Value) -> Result<bool, TooDeep> {
    equal_at(a, b, 0)
}

fn equal_at(a: &Value, b: &Value, depth: usize) -> Result<bool, TooDeep> {
    if depth > NESTING_LIMIT {
        return Err(TooDeep);
    }
    Ok(match (a, b) {
        (Value::None, Value::None) => true,
        (Value::Str(x), Value::Str(y)) => Rc::ptr_eq(x, y) || x.text == y.text,
        (Value::Tuple(x), Value::Tuple(y)) => sequences_equal(&x.0, &y.0, depth)?,
        (Value::List(x), Value::List(y)) => {
            Rc::ptr_eq(x, y) || {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                sequences_equal(&x, &y, depth)?
            }
        }
        (Value::Dict(x), Value::Dict(y)) => Rc::ptr_eq(x, y) || entries_equal(x, y, depth)?,
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.items.borrow(), y.items.borrow());
            x.len() == y.len() && x.iter().all(|k| y.contains(k))
        }
        // Key views compare as sets (with each other and with sets), item views as sets
        // of pairs; value views only by identity.
        (Value::DictView(x), Value::DictView(y))
            if x.kind == DictView::Keys && y.kind == DictView::Keys =>
        {
            let (x, y) = (x.dict.borrow(), y.dict.borrow());
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
        }
        (Value::DictView(d), Value::Set(s)) | (Value::Set(s), Value::DictView(d))
            if d.kind == DictView::Keys =>
        {
            let (d, s) = (d.dict.borrow(), s.items.borrow());
            d.len() == s.len() && d.keys().all(|k| s.contains(k))
        }
        (Value::DictView(d), Value::Set(s)) | (Value::Set(s), Value::DictView(d))
            if d.kind == DictView::Items =>
        {
            let (d, s) = (d.dict.borrow(), s.items.borrow());
            d.len() == s.len()
                && d.iter().all(|(k, v)| {
                    Key::new(Value::tuple(vec![k.value.clone(), v.clone()]))
                        .is_ok_and(|pair| s.contains(&pair))
                })
        }
        (Value::DictView(x), Value::DictView(y))
            if x.kind == DictView::Items && y.kind == DictView::Items =>
        {
            entries_equal(&x.dict, &y.dict, depth)?
        }
        (Value::Object(x), Value::Object(y))
            if let (Some(tx), Some(ty)) = (x.typing(), y.typing()) =>
        {
            Rc::ptr_eq(x, y) || super::typing::equal(tx, ty)
        }
        (Value::Object(_), _) if let Some(items) = a.struct_seq() => equal_at(items, b, depth)?,
        (_, Value::Object(_)) if let Some(items) = b.struct_seq() => equal_at(a, items, depth)?,
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        _ => match numeric_cmp(a, b) {
            Some(ordering) => ordering == std::cmp::Ordering::Equal,
            None => match (a, b) {
                (Value::Float(_), _) | (_, Value::Float(_)) if a.is_number() && b.is_number() => {
                    false
                }
                _ => a.is(b),
            },
        },
    })
}

/// Whether two dicts hold the same keys with equal values.
fn entries_equal(x: &Dict, y: &Dict, depth: usize) -> Result<bool, TooDeep> {
    // Collected first: comparing values must not hold the dicts borrowed.
    let pairs: Vec<(Value, Option<Value>)> = {
        let (x, y) = (x.borrow(), y.borrow());
        if x.len() != y.len() {
            return Ok(false);
        }
        x.iter()
            .map(|(k, v)| (v.clone(), y.get(k).cloned()))
            .collect()
    };
    for (v, w) in pairs {
        match w {
            Some(w) if v.is(&w) || equal_at(&v, &w, depth + 1)? => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

fn sequences_equal(a: &[Value], b: &[Value], depth: usize) -> Result<bool, TooDeep> {
    if a.len() != b.len() {
        return Ok(false);
    }
    for (x, y) in a.iter().zip(b) {
        if !(x.is(y) || equal_at(x, y, depth + 1)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

impl Value {
    pub fn is_number(&self) -> bool {
        matches!(
            self,
            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
        )
    }
}

/// Compare two numbers exactly (an int and a float compare by value, not after rounding
/// the int). `None` if either is not a number or a float is NaN.
pub fn numeric_cmp(a: &Value, b: &Value) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.get().partial_cmp(&y.get()),
        (Value::Float(x), _) => {
            let y = b.as_bigint()?;
            float_int_cmp(x.get(), &y)
        }
        (_, Value::Float(y)) => {
            let x = a.as_bigint()?;
            float_int_cmp(y.get(), &x).map(Ordering::reverse)
        }
        _ => {
            let (x, y) = (a.as_bigint()?, b.as_bigint()?);
            Some(x.cmp(&y))
        }
    }
}

/// Compare a float with an int exactly.
fn float_int_cmp(x: f64, y: &BigInt) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 {
            Ordering::Greater
        } else {
            Ordering::Less
        });
    }
    // Compare floor(x) with y first, then the fraction breaks a tie.
    let floor = x.floor();
    let whole = BigInt::from(floor as i128);
    let whole = if floor.abs() < 1e38 {
        whole
    } else {
        big_from_integral_float(floor)
    };
    match whole.cmp(y) {
        Ordering::Equal if x > floor => Some(Ordering::Greater),
        ordering => Some(ordering),
    }
}

/// The exact integer value of an integral float of any size.
pub fn big_from_integral_float(x: f64) -> BigInt {
    let bits = x.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let mantissa = if exponent == 0 {
        (bits & ((1 << 52) - 1)) << 1
    } else {
        (bits & ((1 << 52) - 1)) | (1 << 52)
    };
    let shift = exponent - 1075;
    let mut n = BigInt::from(mantissa);
    if shift >= 0 {
        n <<= shift as usize;
    } else {
        n >>= (-shift) as usize;
    }
    if negative && !n.is_zero() { -n } else { n }
}

#[cfg(test)]
mod tests {
    use super::super::object::ObjectKind;
    use super::*;

    #[test]
    fn payloads_are_one_word() {
        // Each payload must be a single 8-byte integer or pointer for `Value` to be
        // passed in two registers (see `Value`); a narrower field would make it an
        // aggregate in memory again, though still 16 bytes.
        use std::mem::size_of;
        assert_eq!(size_of::<PyBool>(), 8);
        assert_eq!(size_of::<PyFloat>(), 8);
        assert_eq!(size_of::<Builtin>(), 8);
        assert_eq!(size_of::<&'static Type>(), 8);
        // The tag word leaves room for `None`.
        assert_eq!(size_of::<Option<Value>>(), 16);
    }

    #[test]
    fn float_payloads_keep_every_bit() {
        let nan_with_payload = f64::from_bits(0x7ff8_0000_dead_beef);
        for f in [
            0.0,
            -0.0,
            1.5,
            f64::MIN_POSITIVE / 2.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            nan_with_payload,
        ] {
            let Value::Float(stored) = Value::float(f) else {
                panic!("not a float");
            };
            assert_eq!(stored.get().to_bits(), f.to_bits());
        }
        assert!(Value::float(-0.0).is(&Value::float(-0.0)));
        assert!(!Value::float(-0.0).is(&Value::float(0.0)));
    }

    #[test]
    fn bool_payloads_round_trip() {
        for b in [false, true] {
            assert_eq!(PyBool::new(b).get(), b);
            assert_eq!(Value::bool(b).truthy(), b);
        }
    }

    #[test]
    fn interned_types_are_the_same_type() {
        use ObjectKind as K;
        let mut types = vec![
            Type::NoneType,
            Type::Bool,
            Type::Int,
            Type::Float,
            Type::Str,
            Type::Tuple,
            Type::List,
            Type::Dict,
            Type::Set,
            Type::FrozenSet,
            Type::Range,
            Type::Slice,
            Type::Function,
            Type::BuiltinFunction,
            Type::Method,
            Type::Type,
            Type::Module,
            Type::Coroutine,
            Type::Future,
            Type::Task,
            Type::Iterator,
            Type::Generator,
            Type::Loop,
            Type::Ellipsis,
            Type::Object,
            Type::DictView(DictView::Keys),
            Type::DictView(DictView::Values),
            Type::DictView(DictView::Items),
        ];
        types.extend(
            [
                K::Lock,
                K::Event,
                K::Condition,
                K::Semaphore,
                K::BoundedSemaphore,
                K::Barrier,
                K::Queue,
                K::LifoQueue,
                K::PriorityQueue,
                K::Timeout,
                K::TaskGroup,
                K::AsyncGenerator,
                K::ClientSession,
                K::RequestContextManager,
                K::ClientResponse,
                K::Handle,
                K::TimerHandle,
                K::Object,
            ]
            .map(Type::Native),
        );
        types.extend(ExcType::ALL.iter().copied().map(Type::Exception));
        types.extend(
            crate::interp::typing::Name::ALL
                .iter()
                .map(|n| Type::Typing(*n)),
        );
        for ty in types {
            assert_eq!(*ty.interned(), ty);
            if !matches!(ty, Type::Typing(_)) {
                assert_eq!(Value::Type(ty.interned()).type_of(), Type::Type);
            }
        }
    }
}
