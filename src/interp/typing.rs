//! The `typing` module at run time, as CPython 3.11's `typing.py` behaves.
//!
//! Two kinds of values make up typing's world:
//!
//! - **Names** ([`Name`], held as `Value::Type(&Type::Typing(name))`): everything that
//!   exists once — `typing.List`, `Union`, `Any`, `Generic`, `TypeVar` (the class) — and
//!   the classes they stand for or are instances of, which scenario can show but not
//!   otherwise implement (`collections.abc.Iterable`, `typing._GenericAlias`,
//!   `types.UnionType`, ...). Each name has a [`Kind`] that decides its repr, its
//!   subscription, its call and its `isinstance` behaviour.
//! - **Objects** ([`TypingObject`], held as `Value::Object(Object::Typing(..))`): what
//!   subscription, `|` and the constructors make at run time — `List[int]`
//!   (`typing._GenericAlias` and its subclasses), `list[int]` (`types.GenericAlias`),
//!   `int | None` (`types.UnionType`), type variables, `NewType`s, `ForwardRef`s.
//!
//! The functions of `typing` (`cast`, `get_origin`, `overload`, ...) are [`Builtin`]s
//! shown as Python functions (`<function cast at 0x...>`), because in CPython they are.
//!
//! Messages are CPython 3.11's; where CPython would build an object scenario has no
//! class for (`typing.Deque()` making a `collections.deque`, `NamedTuple` making a
//! class), the call raises `NotImplementedError` saying so.

use std::rc::Rc;

use super::Interp;
use super::builtins::Builtin;
use super::exceptions::{ExcType, Exception, PyResult, type_error, value_error};
use super::object::Object;
use super::value::{Type, Value, values_equal};

macro_rules! names {
    ($($variant:ident = $module:literal $name:literal,)*) => {
        /// A class or special object of typing's world (see the module docs).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Name { $($variant,)* }

        impl Name {
            /// Every name, in declaration order (`Name::ALL[n as usize] == n`).
            pub const ALL: &'static [Name] = &[$(Name::$variant,)*];

            /// The name as Python shows it (`__name__`).
            pub fn name(self) -> &'static str {
                match self { $(Name::$variant => $name,)* }
            }

            /// The module it lives in (`__module__`).
            pub fn module(self) -> &'static str {
                match self { $(Name::$variant => $module,)* }
            }
        }
    };
}

names! {
    // typing's aliases of builtin and `collections` classes (`_SpecialGenericAlias`).
    List = "typing" "List",
    Dict = "typing" "Dict",
    Set = "typing" "Set",
    FrozenSet = "typing" "FrozenSet",
    Type = "typing" "Type",
    Deque = "typing" "Deque",
    DefaultDict = "typing" "DefaultDict",
    OrderedDict = "typing" "OrderedDict",
    Counter = "typing" "Counter",
    ChainMap = "typing" "ChainMap",
    Tuple = "typing" "Tuple",
    Callable = "typing" "Callable",
    // typing's aliases of the abstract classes of `collections.abc`, `contextlib`, `re`.
    Iterable = "typing" "Iterable",
    Iterator = "typing" "Iterator",
    Sequence = "typing" "Sequence",
    MutableSequence = "typing" "MutableSequence",
    Mapping = "typing" "Mapping",
    MutableMapping = "typing" "MutableMapping",
    AbstractSet = "typing" "AbstractSet",
    MutableSet = "typing" "MutableSet",
    Collection = "typing" "Collection",
    Container = "typing" "Container",
    Reversible = "typing" "Reversible",
    MappingView = "typing" "MappingView",
    KeysView = "typing" "KeysView",
    ItemsView = "typing" "ItemsView",
    ValuesView = "typing" "ValuesView",
    Awaitable = "typing" "Awaitable",
    Coroutine = "typing" "Coroutine",
    AsyncIterable = "typing" "AsyncIterable",
    AsyncIterator = "typing" "AsyncIterator",
    AsyncGenerator = "typing" "AsyncGenerator",
    Generator = "typing" "Generator",
    ContextManager = "typing" "ContextManager",
    AsyncContextManager = "typing" "AsyncContextManager",
    Pattern = "typing" "Pattern",
    Match = "typing" "Match",
    Hashable = "typing" "Hashable",
    Sized = "typing" "Sized",
    ByteString = "typing" "ByteString",
    // Special forms (`_SpecialForm`).
    Union = "typing" "Union",
    Optional = "typing" "Optional",
    ClassVar = "typing" "ClassVar",
    Final = "typing" "Final",
    Literal = "typing" "Literal",
    Concatenate = "typing" "Concatenate",
    Required = "typing" "Required",
    NotRequired = "typing" "NotRequired",
    TypeGuard = "typing" "TypeGuard",
    Unpack = "typing" "Unpack",
    NoReturn = "typing" "NoReturn",
    Never = "typing" "Never",
    Self_ = "typing" "Self",
    LiteralString = "typing" "LiteralString",
    TypeAlias = "typing" "TypeAlias",
    Any = "typing" "Any",
    // Classes of typing.
    Annotated = "typing" "Annotated",
    Generic = "typing" "Generic",
    Protocol = "typing" "Protocol",
    IO = "typing" "IO",
    TextIO = "typing" "TextIO",
    BinaryIO = "typing" "BinaryIO",
    SupportsAbs = "typing" "SupportsAbs",
    SupportsBytes = "typing" "SupportsBytes",
    SupportsComplex = "typing" "SupportsComplex",
    SupportsFloat = "typing" "SupportsFloat",
    SupportsIndex = "typing" "SupportsIndex",
    SupportsInt = "typing" "SupportsInt",
    SupportsRound = "typing" "SupportsRound",
    TypeVar = "typing" "TypeVar",
    ParamSpec = "typing" "ParamSpec",
    ParamSpecArgs = "typing" "ParamSpecArgs",
    ParamSpecKwargs = "typing" "ParamSpecKwargs",
    TypeVarTuple = "typing" "TypeVarTuple",
    ForwardRef = "typing" "ForwardRef",
    NewType = "typing" "NewType",
    // typing's own implementation classes: what `type()` of a typing object shows.
    SpecialGenericAliasClass = "typing" "_SpecialGenericAlias",
    GenericAliasClass = "typing" "_GenericAlias",
    CallableTypeClass = "typing" "_CallableType",
    TupleTypeClass = "typing" "_TupleType",
    CallableGenericAliasClass = "typing" "_CallableGenericAlias",
    UnionGenericAliasClass = "typing" "_UnionGenericAlias",
    LiteralGenericAliasClass = "typing" "_LiteralGenericAlias",
    AnnotatedAliasClass = "typing" "_AnnotatedAlias",
    ConcatenateGenericAliasClass = "typing" "_ConcatenateGenericAlias",
    UnpackGenericAliasClass = "typing" "_UnpackGenericAlias",
    SpecialFormClass = "typing" "_SpecialForm",
    LiteralSpecialFormClass = "typing" "_LiteralSpecialForm",
    AnyMetaClass = "typing" "_AnyMeta",
    ProtocolMetaClass = "typing" "_ProtocolMeta",
    TypesGenericAlias = "types" "GenericAlias",
    TypesUnionType = "types" "UnionType",
    // The classes typing's aliases stand for.
    AbcIterable = "collections.abc" "Iterable",
    AbcIterator = "collections.abc" "Iterator",
    AbcSequence = "collections.abc" "Sequence",
    AbcMutableSequence = "collections.abc" "MutableSequence",
    AbcMapping = "collections.abc" "Mapping",
    AbcMutableMapping = "collections.abc" "MutableMapping",
    AbcSet = "collections.abc" "Set",
    AbcMutableSet = "collections.abc" "MutableSet",
    AbcCollection = "collections.abc" "Collection",
    AbcContainer = "collections.abc" "Container",
    AbcReversible = "collections.abc" "Reversible",
    AbcMappingView = "collections.abc" "MappingView",
    AbcKeysView = "collections.abc" "KeysView",
    AbcItemsView = "collections.abc" "ItemsView",
    AbcValuesView = "collections.abc" "ValuesView",
    AbcAwaitable = "collections.abc" "Awaitable",
    AbcCoroutine = "collections.abc" "Coroutine",
    AbcAsyncIterable = "collections.abc" "AsyncIterable",
    AbcAsyncIterator = "collections.abc" "AsyncIterator",
    AbcAsyncGenerator = "collections.abc" "AsyncGenerator",
    AbcGenerator = "collections.abc" "Generator",
    AbcHashable = "collections.abc" "Hashable",
    AbcSized = "collections.abc" "Sized",
    AbcByteString = "collections.abc" "ByteString",
    AbcCallable = "collections.abc" "Callable",
    CollDeque = "collections" "deque",
    CollDefaultdict = "collections" "defaultdict",
    CollOrderedDict = "collections" "OrderedDict",
    CollCounter = "collections" "Counter",
    CollChainMap = "collections" "ChainMap",
    AbstractContextManagerClass = "contextlib" "AbstractContextManager",
    AbstractAsyncContextManagerClass = "contextlib" "AbstractAsyncContextManager",
    RePattern = "re" "Pattern",
    ReMatch = "re" "Match",
    // A builtin class scenario has no type for (`AnyStr`'s first constraint).
    Bytes = "builtins" "bytes",
}

/// What a [`Name`] is, which decides how it behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An alias of a class (`typing.List`): repr `typing.List`, subscripted to a
    /// `_GenericAlias`, `isinstance` as its class.
    Alias,
    /// A special form (`typing.Union`, `typing.NoReturn`): repr `typing.Union`.
    Form,
    /// `typing.Any`: a class whose repr is `typing.Any`.
    Any,
    /// A class (`<class 'typing.Generic'>`, `<class 'collections.abc.Iterable'>`).
    Class,
}

impl Name {
    pub fn kind(self) -> Kind {
        use Name as N;
        match self {
            N::List
            | N::Dict
            | N::Set
            | N::FrozenSet
            | N::Type
            | N::Deque
            | N::DefaultDict
            | N::OrderedDict
            | N::Counter
            | N::ChainMap
            | N::Tuple
            | N::Callable
            | N::Iterable
            | N::Iterator
            | N::Sequence
            | N::MutableSequence
            | N::Mapping
            | N::MutableMapping
            | N::AbstractSet
            | N::MutableSet
            | N::Collection
            | N::Container
            | N::Reversible
            | N::MappingView
            | N::KeysView
            | N::ItemsView
            | N::ValuesView
            | N::Awaitable
            | N::Coroutine
            | N::AsyncIterable
            | N::AsyncIterator
            | N::AsyncGenerator
            | N::Generator
            | N::ContextManager
            | N::AsyncContextManager
            | N::Pattern
            | N::Match
            | N::Hashable
            | N::Sized
            | N::ByteString => Kind::Alias,
            N::Union
            | N::Optional
            | N::ClassVar
            | N::Final
            | N::Literal
            | N::Concatenate
            | N::Required
            | N::NotRequired
            | N::TypeGuard
            | N::Unpack
            | N::NoReturn
            | N::Never
            | N::Self_
            | N::LiteralString
            | N::TypeAlias => Kind::Form,
            N::Any => Kind::Any,
            _ => Kind::Class,
        }
    }

    /// How many parameters an alias takes (0: not generic).
    fn arity(self) -> usize {
        use Name as N;
        match self {
            N::Hashable | N::Sized | N::ByteString => 0,
            N::Dict
            | N::DefaultDict
            | N::OrderedDict
            | N::ChainMap
            | N::Mapping
            | N::MutableMapping
            | N::ItemsView
            | N::AsyncGenerator => 2,
            N::Coroutine | N::Generator => 3,
            _ => 1,
        }
    }

    /// The class an alias stands for (`__origin__`); for a class of typing, itself.
    pub fn origin(self) -> Value {
        use Name as N;
        let builtin = |ty: &'static Type| Value::Type(ty);
        let other = |name: Name| Value::Type(Type::Typing(name).interned());
        match self {
            N::List => builtin(&Type::List),
            N::Dict => builtin(&Type::Dict),
            N::Set => builtin(&Type::Set),
            N::FrozenSet => builtin(&Type::FrozenSet),
            N::Type => builtin(&Type::Type),
            N::Tuple => builtin(&Type::Tuple),
            N::Deque => other(N::CollDeque),
            N::DefaultDict => other(N::CollDefaultdict),
            N::OrderedDict => other(N::CollOrderedDict),
            N::Counter => other(N::CollCounter),
            N::ChainMap => other(N::CollChainMap),
            N::Callable => other(N::AbcCallable),
            N::Iterable => other(N::AbcIterable),
            N::Iterator => other(N::AbcIterator),
            N::Sequence => other(N::AbcSequence),
            N::MutableSequence => other(N::AbcMutableSequence),
            N::Mapping => other(N::AbcMapping),
            N::MutableMapping => other(N::AbcMutableMapping),
            N::AbstractSet => other(N::AbcSet),
            N::MutableSet => other(N::AbcMutableSet),
            N::Collection => other(N::AbcCollection),
            N::Container => other(N::AbcContainer),
            N::Reversible => other(N::AbcReversible),
            N::MappingView => other(N::AbcMappingView),
            N::KeysView => other(N::AbcKeysView),
            N::ItemsView => other(N::AbcItemsView),
            N::ValuesView => other(N::AbcValuesView),
            N::Awaitable => other(N::AbcAwaitable),
            N::Coroutine => other(N::AbcCoroutine),
            N::AsyncIterable => other(N::AbcAsyncIterable),
            N::AsyncIterator => other(N::AbcAsyncIterator),
            N::AsyncGenerator => other(N::AbcAsyncGenerator),
            N::Generator => other(N::AbcGenerator),
            N::ContextManager => other(N::AbstractContextManagerClass),
            N::AsyncContextManager => other(N::AbstractAsyncContextManagerClass),
            N::Pattern => other(N::RePattern),
            N::Match => other(N::ReMatch),
            N::Hashable => other(N::AbcHashable),
            N::Sized => other(N::AbcSized),
            N::ByteString => other(N::AbcByteString),
            N::Optional => other(N::Union),
            name => other(name),
        }
    }

    /// The abstract class of `collections.abc` (or `contextlib`, `re`) an alias or a
    /// class stands for, if it is one.
    fn abc(self) -> Option<Name> {
        match self.kind() {
            Kind::Alias => match self.origin() {
                Value::Type(Type::Typing(abc)) => Some(*abc),
                _ => None,
            },
            Kind::Class if matches!(self.module(), "collections.abc" | "contextlib" | "re") => {
                Some(self)
            }
            _ => None,
        }
    }

    /// `type(name)`.
    pub fn class(self) -> Type {
        use Name as N;
        Type::Typing(match self.kind() {
            Kind::Alias => match self {
                N::Tuple => N::TupleTypeClass,
                N::Callable => N::CallableTypeClass,
                _ => N::SpecialGenericAliasClass,
            },
            Kind::Form if self == N::Literal => N::LiteralSpecialFormClass,
            Kind::Form => N::SpecialFormClass,
            Kind::Any => N::AnyMetaClass,
            Kind::Class => match self {
                N::Protocol
                | N::SupportsAbs
                | N::SupportsBytes
                | N::SupportsComplex
                | N::SupportsFloat
                | N::SupportsIndex
                | N::SupportsInt
                | N::SupportsRound => N::ProtocolMetaClass,
                _ => return Type::Type,
            },
        })
    }

    /// `repr(name)`.
    pub fn repr(self) -> String {
        match self.kind() {
            Kind::Alias | Kind::Form | Kind::Any => format!("typing.{}", self.name()),
            Kind::Class => format!("<class '{}'>", qualified_name(&Type::Typing(self))),
        }
    }

    /// Whether it is a class (an instance of `type`), which `|` unions as a type.
    fn is_class(self) -> bool {
        matches!(self.kind(), Kind::Class | Kind::Any)
    }
}

/// A typing object made at run time (see the module docs).
pub enum TypingObject {
    /// `typing._GenericAlias` (and its subclasses): `origin[args]`, `args` as `__args__`
    /// (`Callable[[int], str]` keeps `(int, str)`; `Annotated[T, x]` keeps `(T, x)`).
    Alias {
        origin: Name,
        args: Vec<Value>,
    },
    /// `types.GenericAlias`: `list[int]`.
    GenericAlias {
        origin: Value,
        args: Vec<Value>,
    },
    /// `types.UnionType`: `int | None` (its `__args__`, `None` as `NoneType`).
    UnionType(Vec<Value>),
    TypeVar(Var),
    ParamSpec(Var),
    /// `P.args` / `P.kwargs`, with `P`.
    ParamSpecArgs(Value),
    ParamSpecKwargs(Value),
    TypeVarTuple(Rc<str>),
    NewType {
        name: Rc<str>,
        module: Rc<str>,
        supertype: Value,
    },
    ForwardRef(Rc<str>),
}

/// A `TypeVar` or `ParamSpec`.
pub struct Var {
    pub name: Rc<str>,
    pub bound: Value,
    pub constraints: Vec<Value>,
    pub covariant: bool,
    pub contravariant: bool,
}

/// A function as `overload` registers it: its module's number and its qualname.
type OverloadKey = (u32, Rc<str>);

/// The run's typing state: `overload`'s registry and the one `AnyStr`.
#[derive(Default)]
pub struct State {
    /// Per function (module number, qualname): the overloads registered, one per `def`.
    overloads: Vec<(OverloadKey, Vec<Value>)>,
    /// Recent subscriptions of names: (name, index, result), least recently used first.
    cache: Vec<(Name, Value, Value)>,
    any_str: std::cell::RefCell<Option<Value>>,
}

fn object(object: TypingObject) -> Value {
    Value::Object(Rc::new(Object::Typing(object)))
}

fn name_value(name: Name) -> Value {
    Value::Type(Type::Typing(name).interned())
}

/// The typing object a value is, if it is one.
pub fn as_typing(value: &Value) -> Option<&TypingObject> {
    match value {
        Value::Object(object) => match &**object {
            Object::Typing(typing) => Some(typing),
            _ => None,
        },
        _ => None,
    }
}

fn as_name(value: &Value) -> Option<Name> {
    match value {
        Value::Type(Type::Typing(name)) => Some(*name),
        _ => None,
    }
}

fn is_none_type(value: &Value) -> bool {
    matches!(value, Value::Type(Type::NoneType))
}

// ------------------------------------------------------------------------ the module

/// `typing.__all__`, in CPython 3.11.7's order.
pub const ALL: &[&str] = &[
    "Annotated",
    "Any",
    "Callable",
    "ClassVar",
    "Concatenate",
    "Final",
    "ForwardRef",
    "Generic",
    "Literal",
    "Optional",
    "ParamSpec",
    "Protocol",
    "Tuple",
    "Type",
    "TypeVar",
    "TypeVarTuple",
    "Union",
    "AbstractSet",
    "ByteString",
    "Container",
    "ContextManager",
    "Hashable",
    "ItemsView",
    "Iterable",
    "Iterator",
    "KeysView",
    "Mapping",
    "MappingView",
    "MutableMapping",
    "MutableSequence",
    "MutableSet",
    "Sequence",
    "Sized",
    "ValuesView",
    "Awaitable",
    "AsyncIterator",
    "AsyncIterable",
    "Coroutine",
    "Collection",
    "AsyncGenerator",
    "AsyncContextManager",
    "Reversible",
    "SupportsAbs",
    "SupportsBytes",
    "SupportsComplex",
    "SupportsFloat",
    "SupportsIndex",
    "SupportsInt",
    "SupportsRound",
    "ChainMap",
    "Counter",
    "Deque",
    "Dict",
    "DefaultDict",
    "List",
    "OrderedDict",
    "Set",
    "FrozenSet",
    "NamedTuple",
    "TypedDict",
    "Generator",
    "BinaryIO",
    "IO",
    "Match",
    "Pattern",
    "TextIO",
    "AnyStr",
    "assert_type",
    "assert_never",
    "cast",
    "clear_overloads",
    "dataclass_transform",
    "final",
    "get_args",
    "get_origin",
    "get_overloads",
    "get_type_hints",
    "is_typeddict",
    "LiteralString",
    "Never",
    "NewType",
    "no_type_check",
    "no_type_check_decorator",
    "NoReturn",
    "NotRequired",
    "overload",
    "ParamSpecArgs",
    "ParamSpecKwargs",
    "Required",
    "reveal_type",
    "runtime_checkable",
    "Self",
    "Text",
    "TYPE_CHECKING",
    "TypeAlias",
    "TypeGuard",
    "Unpack",
];

/// `typing.name`, for a name of `typing.__all__` (and typing's own classes).
pub fn member(interp: &Interp, name: &str) -> Option<Value> {
    let function = match name {
        "__all__" => {
            return Some(Value::list(ALL.iter().map(|n| Value::str(*n)).collect()));
        }
        "TYPE_CHECKING" => return Some(Value::bool(false)),
        "Text" => return Some(Value::Type(&Type::Str)),
        "AnyStr" => return Some(any_str(interp)),
        "cast" => Builtin::TypingCast,
        "assert_type" => Builtin::TypingAssertType,
        "assert_never" => Builtin::TypingAssertNever,
        "reveal_type" => Builtin::TypingRevealType,
        "get_origin" => Builtin::TypingGetOrigin,
        "get_args" => Builtin::TypingGetArgs,
        "get_type_hints" => Builtin::TypingGetTypeHints,
        "is_typeddict" => Builtin::TypingIsTypeddict,
        "overload" => Builtin::TypingOverload,
        "get_overloads" => Builtin::TypingGetOverloads,
        "clear_overloads" => Builtin::TypingClearOverloads,
        "final" => Builtin::TypingFinal,
        "no_type_check" => Builtin::TypingNoTypeCheck,
        "no_type_check_decorator" => Builtin::TypingNoTypeCheckDecorator,
        "runtime_checkable" => Builtin::TypingRuntimeCheckable,
        "dataclass_transform" => Builtin::TypingDataclassTransform,
        "NamedTuple" => Builtin::TypingNamedTuple,
        "TypedDict" => Builtin::TypingTypedDict,
        _ => {
            return Name::ALL
                .iter()
                .find(|n| n.module() == "typing" && n.name() == name)
                .map(|n| name_value(*n));
        }
    };
    Some(Value::Builtin(function))
}

fn any_str(interp: &Interp) -> Value {
    if let Some(value) = &*interp.typing.any_str.borrow() {
        return value.clone();
    }
    let value = object(TypingObject::TypeVar(Var {
        name: Rc::from("AnyStr"),
        bound: Value::None,
        constraints: vec![name_value(Name::Bytes), Value::Type(&Type::Str)],
        covariant: false,
        contravariant: false,
    }));
    *interp.typing.any_str.borrow_mut() = Some(value.clone());
    value
}

/// Whether a builtin is one of typing's functions (shown as `<function cast at 0x...>`).
pub fn is_function(builtin: Builtin) -> bool {
    use Builtin as B;
    matches!(
        builtin,
        B::TypingCast
            | B::TypingAssertType
            | B::TypingAssertNever
            | B::TypingRevealType
            | B::TypingGetOrigin
            | B::TypingGetArgs
            | B::TypingGetTypeHints
            | B::TypingIsTypeddict
            | B::TypingOverload
            | B::TypingGetOverloads
            | B::TypingClearOverloads
            | B::TypingFinal
            | B::TypingNoTypeCheck
            | B::TypingNoTypeCheckDecorator
            | B::TypingRuntimeCheckable
            | B::TypingDataclassTransform
            | B::TypingNamedTuple
            | B::TypingTypedDict
            | B::TypingOverloadDummy
            | B::TypingDecorator
    )
}

/// The `__qualname__` of one of typing's functions.
pub fn function_qualname(builtin: Builtin) -> &'static str {
    match builtin {
        Builtin::TypingDecorator => "dataclass_transform.<locals>.decorator",
        other => other.name(),
    }
}

// ------------------------------------------------------------------------ reprs

/// The module of a class, as `__module__` shows it.
pub fn type_module(ty: &Type) -> &'static str {
    match ty {
        Type::Exception(exc) => exc.module(),
        Type::Future | Type::Task => "_asyncio",
        Type::Native(kind) => kind.module(),
        Type::Typing(name) => name.module(),
        _ => "builtins",
    }
}

/// `module.qualname` of a class, or the bare name for a builtin.
fn qualified_name(ty: &Type) -> String {
    match type_module(ty) {
        "builtins" => ty.name().to_string(),
        module => format!("{module}.{}", ty.name()),
    }
}

/// `typing._type_repr`: how an argument shows inside `typing.X[...]`.
fn type_repr(value: &Value) -> String {
    match value {
        Value::Type(Type::Typing(name)) if !name.is_class() => name.repr(),
        Value::Type(ty) => qualified_name(ty),
        Value::Ellipsis => "...".to_string(),
        Value::Function(function) => function.code.name.to_string(),
        Value::Builtin(builtin) if is_function(*builtin) => builtin.name().to_string(),
        other => other.repr(),
    }
}

/// How an argument shows inside `list[...]` and `int | ...` (`ga_repr_item`).
fn builtin_repr_item(value: &Value) -> String {
    match value {
        Value::Ellipsis => "...".to_string(),
        Value::Type(Type::Typing(name)) if !name.is_class() => name.repr(),
        Value::Type(ty) => qualified_name(ty),
        Value::Function(function) => format!("__main__.{}", function.code.qualname),
        Value::Builtin(builtin) if is_function(*builtin) => {
            format!("typing.{}", function_qualname(*builtin))
        }
        Value::Builtin(builtin) => builtin.name().to_string(),
        other => other.repr(),
    }
}

/// Whether a `Callable`'s flat `__args__` show as `[params], result` (not when the
/// parameters are one `...`, `ParamSpec` or `Concatenate`).
fn shows_param_list(args: &[Value]) -> bool {
    !(args.is_empty() || args.len() == 2 && is_param_expr(&args[0]))
}

fn is_param_expr(value: &Value) -> bool {
    match value {
        Value::Ellipsis | Value::Tuple(_) | Value::List(_) => true,
        _ => matches!(
            as_typing(value),
            Some(TypingObject::ParamSpec(_))
                | Some(TypingObject::Alias {
                    origin: Name::Concatenate,
                    ..
                })
        ),
    }
}

fn join(args: &[Value], item: fn(&Value) -> String) -> String {
    args.iter().map(item).collect::<Vec<_>>().join(", ")
}

impl TypingObject {
    /// `repr(object)`, which is also its `str()`.
    pub fn repr(&self) -> String {
        match self {
            TypingObject::Alias { origin, args } => alias_repr(*origin, args),
            TypingObject::GenericAlias { origin, args } => {
                let args = if args.is_empty() {
                    "()".to_string()
                } else {
                    join(args, builtin_repr_item)
                };
                format!("{}[{args}]", builtin_repr_item(origin))
            }
            TypingObject::UnionType(args) => args
                .iter()
                .map(|arg| {
                    if is_none_type(arg) {
                        "None".to_string()
                    } else {
                        builtin_repr_item(arg)
                    }
                })
                .collect::<Vec<_>>()
                .join(" | "),
            TypingObject::TypeVar(var) | TypingObject::ParamSpec(var) => {
                let prefix = if var.covariant {
                    '+'
                } else if var.contravariant {
                    '-'
                } else {
                    '~'
                };
                format!("{prefix}{}", var.name)
            }
            TypingObject::ParamSpecArgs(spec) => format!("{}.args", var_name(spec)),
            TypingObject::ParamSpecKwargs(spec) => format!("{}.kwargs", var_name(spec)),
            TypingObject::TypeVarTuple(name) => name.to_string(),
            TypingObject::NewType { name, module, .. } => format!("{module}.{name}"),
            TypingObject::ForwardRef(text) => {
                format!("ForwardRef({})", crate::pyfmt::str_repr(text))
            }
        }
    }

    /// `type(object)`.
    pub fn class(&self) -> Name {
        use Name as N;
        match self {
            TypingObject::Alias { origin, .. } => match origin {
                N::Union => N::UnionGenericAliasClass,
                N::Literal => N::LiteralGenericAliasClass,
                N::Callable => N::CallableGenericAliasClass,
                N::Annotated => N::AnnotatedAliasClass,
                N::Concatenate => N::ConcatenateGenericAliasClass,
                N::Unpack => N::UnpackGenericAliasClass,
                _ => N::GenericAliasClass,
            },
            TypingObject::GenericAlias { .. } => N::TypesGenericAlias,
            TypingObject::UnionType(_) => N::TypesUnionType,
            TypingObject::TypeVar(_) => N::TypeVar,
            TypingObject::ParamSpec(_) => N::ParamSpec,
            TypingObject::ParamSpecArgs(_) => N::ParamSpecArgs,
            TypingObject::ParamSpecKwargs(_) => N::ParamSpecKwargs,
            TypingObject::TypeVarTuple(_) => N::TypeVarTuple,
            TypingObject::NewType { .. } => N::NewType,
            TypingObject::ForwardRef(_) => N::ForwardRef,
        }
    }

    /// The type name CPython shows in messages (`'TypeVar' object is not callable`).
    pub fn type_name(&self) -> &'static str {
        match self {
            TypingObject::UnionType(_) => "types.UnionType",
            _ => self.class().name(),
        }
    }
}

fn var_name(spec: &Value) -> String {
    match as_typing(spec) {
        Some(TypingObject::ParamSpec(var)) => var.name.to_string(),
        _ => spec.repr(),
    }
}

fn alias_repr(origin: Name, args: &[Value]) -> String {
    match origin {
        Name::Union if args.len() == 2 && args.iter().any(is_none_type) => {
            let other = if is_none_type(&args[0]) {
                &args[1]
            } else {
                &args[0]
            };
            format!("typing.Optional[{}]", type_repr(other))
        }
        Name::Callable if shows_param_list(args) => {
            let (result, params) = args.split_last().expect("not empty");
            format!(
                "typing.Callable[[{}], {}]",
                join(params, type_repr),
                type_repr(result)
            )
        }
        Name::Annotated => {
            let (origin, metadata) = args.split_first().expect("a type and metadata");
            format!(
                "typing.Annotated[{}, {}]",
                type_repr(origin),
                join(metadata, Value::repr)
            )
        }
        Name::Unpack => format!("*{}", args[0].repr()),
        _ => {
            let args = if args.is_empty() {
                "()".to_string()
            } else {
                join(args, type_repr)
            };
            let name = match origin.kind() {
                Kind::Class if origin.module() != "typing" => qualified_name(&Type::Typing(origin)),
                _ => format!("typing.{}", origin.name()),
            };
            format!("{name}[{args}]")
        }
    }
}

// ------------------------------------------------------------------------ equality, hash

/// `a == b` for two typing objects.
pub fn equal(a: &TypingObject, b: &TypingObject) -> bool {
    use TypingObject as T;
    match (a, b) {
        (
            T::Alias {
                origin: Name::Union,
                args: x,
            }
            | T::UnionType(x),
            T::Alias {
                origin: Name::Union,
                args: y,
            }
            | T::UnionType(y),
        ) => same_members(x, y),
        (
            T::Alias {
                origin: Name::Literal,
                args: x,
            },
            T::Alias {
                origin: Name::Literal,
                args: y,
            },
        ) => {
            x.len() == y.len()
                && x.iter().all(|a| {
                    y.iter()
                        .any(|b| a.type_of() == b.type_of() && values_equal(a, b))
                })
        }
        (T::Alias { origin: o, args: x }, T::Alias { origin: p, args: y }) => {
            o == p && same_sequence(x, y)
        }
        (T::GenericAlias { origin: o, args: x }, T::GenericAlias { origin: p, args: y }) => {
            values_equal(o, p) && same_sequence(x, y)
        }
        (T::ForwardRef(x), T::ForwardRef(y)) => x == y,
        (T::ParamSpecArgs(x), T::ParamSpecArgs(y))
        | (T::ParamSpecKwargs(x), T::ParamSpecKwargs(y)) => x.is(y),
        _ => false,
    }
}

fn same_sequence(x: &[Value], y: &[Value]) -> bool {
    x.len() == y.len() && x.iter().zip(y).all(|(a, b)| a.is(b) || values_equal(a, b))
}

fn same_members(x: &[Value], y: &[Value]) -> bool {
    let contains = |items: &[Value], item: &Value| items.iter().any(|i| values_equal(i, item));
    x.iter().all(|a| contains(y, a)) && y.iter().all(|b| contains(x, b))
}

/// `hash(object)`: equal objects hash alike (a union by its members, in any order).
pub fn hash(object: &TypingObject) -> Result<i64, &'static str> {
    use super::hash::{hash_str, hash_tuple, py_hash};
    let hashes =
        |args: &[Value]| -> Result<Vec<i64>, &'static str> { args.iter().map(py_hash).collect() };
    let unordered = |seed: &str, args: &[Value]| -> Result<i64, &'static str> {
        Ok(hashes(args)?.into_iter().fold(hash_str(seed), |h, x| h ^ x))
    };
    Ok(match object {
        TypingObject::Alias {
            origin: Name::Union,
            args,
        }
        | TypingObject::UnionType(args) => unordered("Union", args)?,
        TypingObject::Alias {
            origin: Name::Literal,
            args,
        } => unordered("Literal", args)?,
        TypingObject::Alias { origin, args } => {
            let mut all = vec![hash_str(origin.name())];
            all.extend(hashes(args)?);
            hash_tuple(&all)
        }
        TypingObject::GenericAlias { origin, args } => {
            let mut all = vec![py_hash(origin)?];
            all.extend(hashes(args)?);
            hash_tuple(&all)
        }
        other => hash_str(&other.repr()),
    })
}

// ------------------------------------------------------------------------ subscription

fn args_of(index: &Value) -> Vec<Value> {
    match index {
        Value::Tuple(items) => items.0.clone(),
        other => vec![other.clone()],
    }
}

/// `Got (<class 'int'>, <class 'str'>).`: a value's repr, cut at 100 characters.
fn got(value: &Value) -> String {
    value.repr().chars().take(100).collect()
}

/// `typing._type_convert`: `None` is `NoneType`, a string a `ForwardRef`.
fn type_convert(arg: &Value) -> Value {
    match arg {
        Value::None => Value::Type(&Type::NoneType),
        Value::Str(text) => object(TypingObject::ForwardRef(Rc::from(text.as_str()))),
        other => other.clone(),
    }
}

/// `typing._type_check`: an argument that can stand for a type, or CPython's error.
fn type_check(arg: &Value, msg: &str, is_argument: bool, special: bool) -> PyResult<Value> {
    let arg = type_convert(arg);
    if let Some(TypingObject::Alias { origin, .. }) = as_typing(&arg) {
        let invalid = match origin {
            Name::Generic | Name::Protocol => true,
            Name::ClassVar => !special,
            Name::Final => !special && is_argument,
            _ => false,
        };
        if invalid {
            return Err(type_error(format!(
                "{} is not valid as type argument",
                arg.repr()
            )));
        }
    }
    if let Some(name) = as_name(&arg) {
        match name {
            Name::Any
            | Name::LiteralString
            | Name::NoReturn
            | Name::Never
            | Name::Self_
            | Name::TypeAlias => return Ok(arg),
            Name::ClassVar | Name::Final if special => return Ok(arg),
            _ if name.kind() == Kind::Form || matches!(name, Name::Generic | Name::Protocol) => {
                return Err(type_error(format!(
                    "Plain {} is not valid as type argument",
                    arg.repr()
                )));
            }
            _ => {}
        }
    }
    if let Value::Tuple(_) = arg {
        return Err(type_error(format!("{msg} Got {}.", got(&arg))));
    }
    Ok(arg)
}

fn alias(origin: Name, args: Vec<Value>) -> Value {
    object(TypingObject::Alias { origin, args })
}

/// `Union[args]` once the arguments are checked: flattened, without duplicates, and a
/// single member stands for itself.
fn make_union(args: Vec<Value>) -> Value {
    let mut members: Vec<Value> = Vec::new();
    for arg in args {
        let inner = match as_typing(&arg) {
            Some(TypingObject::Alias {
                origin: Name::Union,
                args,
            })
            | Some(TypingObject::UnionType(args)) => args.clone(),
            _ => vec![arg],
        };
        for member in inner {
            if !members
                .iter()
                .any(|m| m.is(&member) || values_equal(m, &member))
            {
                members.push(member);
            }
        }
    }
    if members.len() == 1 {
        return members.pop().expect("one member");
    }
    alias(Name::Union, members)
}

fn arity_error(what: &str, actual: usize, expected: usize) -> Rc<Exception> {
    let many = if actual > expected { "many" } else { "few" };
    type_error(format!(
        "Too {many} arguments for {what}; actual {actual}, expected {expected}"
    ))
}

fn not_subscriptable(type_name: &str) -> Rc<Exception> {
    type_error(format!("'{type_name}' object is not subscriptable"))
}

/// `name[index]`. Like CPython's `_tp_cache`, a subscription equal to a recent one
/// returns the same object (`List[int] is List[int]`).
pub fn subscript_name(interp: &mut Interp, name: Name, index: &Value) -> PyResult<Value> {
    let key = cache_key(name, index);
    let cache = &mut interp.typing.cache;
    if let Some(key) = &key
        && let Some(at) = cache
            .iter()
            .position(|(n, k, _)| *n == name && same_key(name, k, key))
    {
        // Least recently used last out, as `functools.lru_cache` evicts.
        let entry = cache.remove(at);
        let hit = entry.2.clone();
        cache.push(entry);
        return Ok(hit);
    }
    let result = subscript_uncached(name, index)?;
    if let Some(key) = key {
        if cache.len() >= CACHE_SIZE {
            cache.remove(0);
        }
        cache.push((name, key, result.clone()));
    }
    Ok(result)
}

/// How many subscriptions the cache remembers (CPython: 128 per cached function).
const CACHE_SIZE: usize = 256;

/// What the cache is keyed on: the index, with `Callable`'s parameter list as a tuple
/// (CPython caches `__getitem_inner__`); nothing when it cannot be hashed.
fn cache_key(name: Name, index: &Value) -> Option<Value> {
    let key = match (name, index) {
        (Name::Callable, Value::Tuple(pair)) if pair.0.len() == 2 => match &pair.0[0] {
            Value::List(params) => Value::tuple(vec![
                Value::tuple(params.borrow().clone()),
                pair.0[1].clone(),
            ]),
            _ => index.clone(),
        },
        _ => index.clone(),
    };
    super::hash::py_hash(&key).is_ok().then_some(key)
}

/// Whether two cache keys match: by equality (`List[1]` after `List[1.0]` is
/// `List[1.0]`, as in CPython), and for `Literal` (cached with `typed=True`, one argument
/// per value) also by the type of each value.
fn same_key(name: Name, a: &Value, b: &Value) -> bool {
    if name == Name::Literal {
        let (x, y) = (args_of(a), args_of(b));
        x.len() == y.len()
            && x.iter()
                .zip(&y)
                .all(|(p, q)| p.type_of() == q.type_of() && values_equal(p, q))
    } else {
        values_equal(a, b)
    }
}

fn subscript_uncached(name: Name, index: &Value) -> PyResult<Value> {
    use Name as N;
    let args = args_of(index);
    match name.kind() {
        Kind::Alias => match name {
            N::Tuple => {
                if args.len() >= 2 && matches!(args.last(), Some(Value::Ellipsis)) {
                    let mut checked = Vec::with_capacity(args.len());
                    for arg in &args[..args.len() - 1] {
                        checked.push(type_check(
                            arg,
                            "Tuple[t, ...]: t must be a type.",
                            true,
                            false,
                        )?);
                    }
                    checked.push(Value::Ellipsis);
                    return Ok(alias(N::Tuple, checked));
                }
                let checked = args
                    .iter()
                    .map(|a| {
                        type_check(a, "Tuple[t0, t1, ...]: each t must be a type.", true, false)
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                Ok(alias(N::Tuple, checked))
            }
            N::Callable => {
                let shape = || type_error("Callable must be used as Callable[[arg, ...], result].");
                let Value::Tuple(pair) = index else {
                    return Err(shape());
                };
                let [params, result] = pair.0.as_slice() else {
                    return Err(shape());
                };
                let result = type_check(
                    result,
                    "Callable[args, result]: result must be a type.",
                    true,
                    false,
                )?;
                let mut all = match params {
                    Value::Ellipsis => vec![Value::Ellipsis],
                    Value::List(list) => list.borrow().iter().map(type_convert).collect(),
                    Value::Tuple(tuple) => tuple.0.iter().map(type_convert).collect(),
                    other => vec![type_convert(other)],
                };
                all.push(result);
                Ok(alias(N::Callable, all))
            }
            _ => {
                let arity = name.arity();
                if arity == 0 {
                    return Err(type_error(format!(
                        "{} is not a generic class",
                        name.repr()
                    )));
                }
                let checked = args
                    .iter()
                    .map(|a| {
                        type_check(a, "Parameters to generic types must be types.", true, false)
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                if checked.len() != arity {
                    return Err(arity_error(&name.repr(), checked.len(), arity));
                }
                Ok(alias(name, checked))
            }
        },
        Kind::Form => subscript_form(name, index, args),
        Kind::Any => Err(type_error("type 'Any' is not subscriptable")),
        Kind::Class => match name {
            N::Generic | N::Protocol => {
                if args.is_empty() {
                    return Err(type_error(format!(
                        "Parameter list to {}[...] cannot be empty",
                        name.name()
                    )));
                }
                let all_vars = args.iter().all(|a| {
                    matches!(
                        as_typing(a),
                        Some(TypingObject::TypeVar(_) | TypingObject::ParamSpec(_))
                    )
                });
                if !all_vars {
                    return Err(type_error(format!(
                        "Parameters to {}[...] must all be type variables or parameter specification variables.",
                        name.name()
                    )));
                }
                for (i, a) in args.iter().enumerate() {
                    if args[..i].iter().any(|b| b.is(a)) {
                        return Err(type_error(format!(
                            "Parameters to {}[...] must all be unique",
                            name.name()
                        )));
                    }
                }
                Ok(alias(name, args))
            }
            N::Annotated => {
                if args.len() < 2 {
                    return Err(type_error(
                        "Annotated[...] should be used with at least two arguments (a type and an annotation).",
                    ));
                }
                let origin =
                    type_check(&args[0], "Annotated[t, ...]: t must be a type.", true, true)?;
                let mut all = match as_typing(&origin) {
                    Some(TypingObject::Alias {
                        origin: N::Annotated,
                        args: inner,
                    }) => inner.clone(),
                    _ => vec![origin],
                };
                all.extend(args[1..].iter().cloned());
                Ok(alias(N::Annotated, all))
            }
            N::SupportsAbs | N::SupportsRound | N::IO => {
                let class = name.repr();
                let checked = args
                    .iter()
                    .map(|a| {
                        type_check(a, "Parameters to generic types must be types.", true, false)
                    })
                    .collect::<PyResult<Vec<_>>>()?;
                if checked.len() != 1 {
                    return Err(arity_error(&class, checked.len(), 1));
                }
                Ok(alias(name, checked))
            }
            N::SupportsBytes
            | N::SupportsComplex
            | N::SupportsFloat
            | N::SupportsIndex
            | N::SupportsInt
            | N::TextIO
            | N::BinaryIO => Err(type_error(format!(
                "{} is not a generic class",
                name.repr()
            ))),
            _ if name.abc().is_some() || name.module() == "collections" => {
                Ok(object(TypingObject::GenericAlias {
                    origin: name_value(name),
                    args,
                }))
            }
            _ => Err(type_error(format!(
                "type '{}' is not subscriptable",
                name.name()
            ))),
        },
    }
}

fn subscript_form(name: Name, index: &Value, args: Vec<Value>) -> PyResult<Value> {
    use Name as N;
    let single = |msg: &str| type_check(index, msg, true, false);
    match name {
        N::Union => {
            if matches!(index, Value::Tuple(t) if t.0.is_empty()) {
                return Err(type_error("Cannot take a Union of no types."));
            }
            let checked = args
                .iter()
                .map(|a| type_check(a, "Union[arg, ...]: each arg must be a type.", true, false))
                .collect::<PyResult<Vec<_>>>()?;
            Ok(make_union(checked))
        }
        N::Optional => {
            let arg = single("typing.Optional requires a single type.")?;
            Ok(make_union(vec![arg, Value::Type(&Type::NoneType)]))
        }
        N::ClassVar | N::Final | N::TypeGuard | N::Unpack => {
            let item = type_check(
                index,
                &format!("typing.{} accepts only single type.", name.name()),
                true,
                false,
            )?;
            Ok(alias(name, vec![item]))
        }
        N::Required | N::NotRequired => {
            let item = type_check(
                index,
                &format!("{} accepts only a single type.", name.name()),
                true,
                false,
            )?;
            Ok(alias(name, vec![item]))
        }
        N::Literal => {
            let mut values: Vec<Value> = Vec::new();
            for arg in args {
                let inner = match as_typing(&arg) {
                    Some(TypingObject::Alias {
                        origin: N::Literal,
                        args,
                    }) => args.clone(),
                    _ => vec![arg],
                };
                for value in inner {
                    let seen = values
                        .iter()
                        .any(|v| v.type_of() == value.type_of() && values_equal(v, &value));
                    if !seen {
                        values.push(value);
                    }
                }
            }
            Ok(alias(N::Literal, values))
        }
        N::Concatenate => {
            if args.is_empty() {
                return Err(type_error("Cannot take a Concatenate of no types."));
            }
            let last = args.last().expect("not empty");
            let spec = matches!(last, Value::Ellipsis)
                || matches!(as_typing(last), Some(TypingObject::ParamSpec(_)));
            if !spec {
                return Err(type_error(
                    "The last parameter to Concatenate should be a ParamSpec variable or ellipsis.",
                ));
            }
            let (last, firsts) = args.split_last().expect("not empty");
            let mut checked = firsts
                .iter()
                .map(|a| {
                    type_check(
                        a,
                        "Concatenate[arg, ...]: each arg must be a type.",
                        true,
                        false,
                    )
                })
                .collect::<PyResult<Vec<_>>>()?;
            checked.push(last.clone());
            Ok(alias(N::Concatenate, checked))
        }
        _ => Err(type_error(format!("{} is not subscriptable", name.repr()))),
    }
}

/// `object[index]` for a typing object.
pub fn subscript_object(value: &Value, typing: &TypingObject, index: &Value) -> PyResult<Value> {
    match typing {
        TypingObject::Alias { .. }
        | TypingObject::GenericAlias { .. }
        | TypingObject::UnionType(_) => {
            let params = parameters(value);
            if params.is_empty() {
                return Err(type_error(format!(
                    "{} is not a generic class",
                    value.repr()
                )));
            }
            let args = args_of(index);
            if args.len() != params.len() {
                return Err(arity_error(&value.repr(), args.len(), params.len()));
            }
            let mut replacements = Vec::with_capacity(args.len());
            for arg in &args {
                replacements.push(type_check(
                    arg,
                    "Parameters to generic types must be types.",
                    true,
                    false,
                )?);
            }
            Ok(substitute(value, &params, &replacements))
        }
        other => Err(not_subscriptable(other.type_name())),
    }
}

/// `__parameters__`: the type variables in an object's arguments, in order.
fn parameters(value: &Value) -> Vec<Value> {
    let mut found: Vec<Value> = Vec::new();
    collect_parameters(value, &mut found);
    found
}

fn collect_parameters(value: &Value, found: &mut Vec<Value>) {
    let args = match as_typing(value) {
        Some(
            TypingObject::TypeVar(_) | TypingObject::ParamSpec(_) | TypingObject::TypeVarTuple(_),
        ) => {
            if !found.iter().any(|f| f.is(value)) {
                found.push(value.clone());
            }
            return;
        }
        Some(TypingObject::Alias { args, .. })
        | Some(TypingObject::GenericAlias { args, .. })
        | Some(TypingObject::UnionType(args)) => args,
        _ => return,
    };
    for arg in args {
        collect_parameters(arg, found);
    }
}

fn substitute(value: &Value, params: &[Value], replacements: &[Value]) -> Value {
    if let Some(at) = params.iter().position(|p| p.is(value)) {
        return replacements[at].clone();
    }
    let map = |args: &[Value]| -> Vec<Value> {
        args.iter()
            .map(|a| substitute(a, params, replacements))
            .collect()
    };
    match as_typing(value) {
        Some(TypingObject::Alias {
            origin: Name::Union,
            args,
        }) => make_union(map(args)),
        Some(TypingObject::Alias { origin, args }) => alias(*origin, map(args)),
        Some(TypingObject::GenericAlias { origin, args }) => object(TypingObject::GenericAlias {
            origin: origin.clone(),
            args: map(args),
        }),
        Some(TypingObject::UnionType(args)) => match builtin_union(map(args)) {
            Some(union) => union,
            None => value.clone(),
        },
        _ => value.clone(),
    }
}

/// `cls[index]` for a builtin class: a `types.GenericAlias`, where CPython's class has
/// `__class_getitem__`.
pub fn subscript_type(ty: &'static Type, index: &Value) -> PyResult<Value> {
    use super::object::ObjectKind as K;
    let generic = match ty {
        Type::List | Type::Dict | Type::Tuple | Type::Set | Type::FrozenSet | Type::Type => true,
        Type::Future | Type::Task => true,
        Type::Native(K::Queue | K::LifoQueue | K::PriorityQueue) => true,
        Type::Exception(exc) => {
            matches!(exc, ExcType::BaseExceptionGroup | ExcType::ExceptionGroup)
        }
        _ => false,
    };
    if !generic {
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            ty.name()
        )));
    }
    let args = match (ty, index) {
        (Type::Tuple, Value::Tuple(items)) => items.0.clone(),
        _ => args_of(index),
    };
    Ok(object(TypingObject::GenericAlias {
        origin: Value::Type(ty),
        args,
    }))
}

// ------------------------------------------------------------------------ `|`

/// Whether `types.UnionType` takes the value as a member (`_Py_union_type_or`).
fn unionable(value: &Value) -> bool {
    match value {
        Value::None => true,
        Value::Type(Type::Typing(name)) => name.is_class(),
        Value::Type(_) => true,
        _ => matches!(
            as_typing(value),
            Some(TypingObject::GenericAlias { .. } | TypingObject::UnionType(_))
        ),
    }
}

/// Whether a value has typing's `__or__`/`__ror__`, which make a `typing.Union`.
fn typing_or(value: &Value) -> bool {
    match value {
        Value::Type(Type::Typing(name)) => !name.is_class(),
        _ => matches!(
            as_typing(value),
            Some(
                TypingObject::Alias { .. }
                    | TypingObject::TypeVar(_)
                    | TypingObject::ParamSpec(_)
                    | TypingObject::NewType { .. }
                    | TypingObject::ForwardRef(_)
            )
        ),
    }
}

/// `types.UnionType` of unionable members, flattened and without duplicates.
fn builtin_union(args: Vec<Value>) -> Option<Value> {
    let mut members: Vec<Value> = Vec::new();
    for arg in args {
        if !unionable(&arg) {
            return None;
        }
        let inner = match as_typing(&arg) {
            Some(TypingObject::UnionType(args)) => args.clone(),
            _ => vec![type_convert_none(arg)],
        };
        for member in inner {
            if !members
                .iter()
                .any(|m| m.is(&member) || values_equal(m, &member))
            {
                members.push(member);
            }
        }
    }
    Some(if members.len() == 1 {
        members.pop().expect("one member")
    } else {
        object(TypingObject::UnionType(members))
    })
}

fn type_convert_none(value: Value) -> Value {
    match value {
        Value::None => Value::Type(&Type::NoneType),
        other => other,
    }
}

/// `left | right` where a type or typing object is involved; `None` when neither side
/// takes part (the caller raises "unsupported operand").
pub fn or(left: &Value, right: &Value) -> Option<PyResult<Value>> {
    // `left.__or__(right)`, then `right.__ror__(left)`.
    let union = |a: &Value, b: &Value| -> PyResult<Value> {
        let msg = "Union[arg, ...]: each arg must be a type.";
        let args = vec![
            type_check(a, msg, true, false)?,
            type_check(b, msg, true, false)?,
        ];
        Ok(make_union(args))
    };
    if typing_or(left) {
        return Some(union(left, right));
    }
    let left_builtin = unionable(left) && !matches!(left, Value::None);
    if left_builtin && unionable(right) {
        return builtin_union(vec![left.clone(), right.clone()]).map(Ok);
    }
    if typing_or(right) {
        return Some(union(left, right));
    }
    let right_builtin = unionable(right) && !matches!(right, Value::None);
    if right_builtin && unionable(left) {
        return builtin_union(vec![left.clone(), right.clone()]).map(Ok);
    }
    None
}

// ------------------------------------------------------------------------ isinstance

/// `isinstance(value, name)`.
pub fn instance_of_name(value: &Value, name: Name) -> PyResult<bool> {
    use Name as N;
    match name.kind() {
        Kind::Form | Kind::Any => {
            return Err(type_error(format!(
                "{} cannot be used with isinstance()",
                name.repr()
            )));
        }
        Kind::Alias => match name.origin() {
            Value::Type(Type::Typing(_)) => {}
            origin => return super::ops::isinstance(value, &origin),
        },
        Kind::Class => {}
    }
    if let Some(abc) = name.abc() {
        return Ok(abc_instance(value, abc));
    }
    let ty = value.type_of();
    let type_name = ty.name();
    Ok(match name {
        N::Protocol => {
            return Err(type_error(
                "Instance and class checks can only be used with @runtime_checkable protocols",
            ));
        }
        N::SupportsInt | N::SupportsFloat | N::SupportsAbs | N::SupportsRound => {
            matches!(type_name, "int" | "bool" | "float")
        }
        N::SupportsIndex => matches!(type_name, "int" | "bool"),
        N::GenericAliasClass => matches!(as_typing(value), Some(TypingObject::Alias { .. })),
        _ => ty == Type::Typing(name),
    })
}

/// Whether a value is an instance of one of `collections.abc`'s (or contextlib's)
/// abstract classes, as CPython registers the builtin types.
fn abc_instance(value: &Value, abc: Name) -> bool {
    use super::value::DictView as V;
    use Name as N;
    let dict_view =
        |kinds: &[V]| matches!(value, Value::DictView(view) if kinds.contains(&view.kind));
    let sequence = matches!(
        value,
        Value::Str(_) | Value::Tuple(_) | Value::List(_) | Value::Range(_)
    );
    let collection =
        sequence || matches!(value, Value::Dict(_) | Value::Set(_) | Value::DictView(_));
    let iterator = matches!(value, Value::Iterator(_) | Value::Generator(_));
    let async_gen = matches!(value, Value::Object(o) if matches!(**o, Object::AsyncGen(_)));
    match abc {
        // By class: a tuple is hashable even when an item is not.
        N::AbcHashable => {
            !matches!(value, Value::List(_) | Value::Dict(_) | Value::Slice(_))
                && !matches!(value, Value::Set(s) if !s.frozen)
                && !dict_view(&[V::Keys, V::Items])
        }
        N::AbcSized | N::AbcCollection | N::AbcContainer => collection,
        N::AbcIterable => collection || iterator,
        N::AbcIterator => iterator,
        N::AbcGenerator => matches!(value, Value::Generator(_)),
        N::AbcReversible => {
            matches!(
                value,
                Value::Str(_) | Value::Tuple(_) | Value::List(_) | Value::Range(_) | Value::Dict(_)
            ) || matches!(value, Value::DictView(_))
        }
        N::AbcSequence => sequence,
        N::AbcMutableSequence => matches!(value, Value::List(_)),
        N::AbcMapping | N::AbcMutableMapping => matches!(value, Value::Dict(_)),
        N::AbcSet => matches!(value, Value::Set(_)) || dict_view(&[V::Keys, V::Items]),
        N::AbcMutableSet => matches!(value, Value::Set(s) if !s.frozen),
        N::AbcMappingView => dict_view(&[V::Keys, V::Values, V::Items]),
        N::AbcKeysView => dict_view(&[V::Keys]),
        N::AbcItemsView => dict_view(&[V::Items]),
        N::AbcValuesView => dict_view(&[V::Values]),
        N::AbcAwaitable => matches!(value, Value::Coroutine(_) | Value::Future(_)),
        N::AbcCoroutine => matches!(value, Value::Coroutine(_)),
        N::AbcAsyncIterable | N::AbcAsyncIterator | N::AbcAsyncGenerator => async_gen,
        N::AbcCallable => super::builtins::is_callable(value),
        N::AbstractAsyncContextManagerClass => matches!(
            value,
            Value::Object(o) if matches!(
                **o,
                Object::Lock(_)
                    | Object::Condition(_)
                    | Object::Semaphore(_)
                    | Object::Barrier(_)
                    | Object::Timeout(_)
                    | Object::TaskGroup(_)
                    | Object::Session(_)
                    | Object::Request(_)
                    | Object::Response(_)
            )
        ),
        _ => false,
    }
}

/// `isinstance(value, object)` for a typing object.
pub fn instance_of_object(value: &Value, typing: &TypingObject) -> PyResult<bool> {
    let subscripted =
        || type_error("Subscripted generics cannot be used with class and instance checks");
    match typing {
        TypingObject::UnionType(args) => {
            for arg in args {
                if as_typing(arg).is_some() {
                    return Err(type_error(
                        "isinstance() argument 2 cannot be a parameterized generic",
                    ));
                }
            }
            for arg in args {
                if super::ops::isinstance(value, arg)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        TypingObject::Alias {
            origin: Name::Union,
            args,
        } => {
            // `issubclass(type(value), arg)` for each member in turn.
            for arg in args {
                match arg {
                    Value::Type(Type::Typing(name)) if !name.is_class() => {
                        if instance_of_name(value, *name)? {
                            return Ok(true);
                        }
                    }
                    Value::Type(_) => {
                        if super::ops::isinstance(value, arg)? {
                            return Ok(true);
                        }
                    }
                    _ if as_typing(arg).is_some_and(|t| {
                        matches!(
                            t,
                            TypingObject::Alias { .. } | TypingObject::GenericAlias { .. }
                        )
                    }) =>
                    {
                        return Err(subscripted());
                    }
                    _ => {
                        return Err(type_error(
                            "issubclass() arg 2 must be a class, a tuple of classes, or a union",
                        ));
                    }
                }
            }
            Ok(false)
        }
        TypingObject::Alias { .. } => Err(subscripted()),
        TypingObject::GenericAlias { .. } => Err(type_error(
            "isinstance() argument 2 cannot be a parameterized generic",
        )),
        _ => Err(type_error(
            "isinstance() arg 2 must be a type, a tuple of types, or a union",
        )),
    }
}

// ------------------------------------------------------------------------ calls

fn not_implemented(what: &str) -> Rc<Exception> {
    Exception::msg(
        ExcType::NotImplementedError,
        format!("scenario: {what} is not supported (scenarios have no classes of their own)"),
    )
}

/// `Can't instantiate abstract class Iterable with abstract method __iter__`.
fn abstract_error(abc: Name) -> Rc<Exception> {
    use Name as N;
    let methods: &[&str] = match abc {
        N::AbcIterable => &["__iter__"],
        N::AbcIterator => &["__next__"],
        N::AbcSequence | N::AbcByteString => &["__getitem__", "__len__"],
        N::AbcMutableSequence => &[
            "__delitem__",
            "__getitem__",
            "__len__",
            "__setitem__",
            "insert",
        ],
        N::AbcMapping => &["__getitem__", "__iter__", "__len__"],
        N::AbcMutableMapping => &[
            "__delitem__",
            "__getitem__",
            "__iter__",
            "__len__",
            "__setitem__",
        ],
        N::AbcSet | N::AbcCollection => &["__contains__", "__iter__", "__len__"],
        N::AbcMutableSet => &["__contains__", "__iter__", "__len__", "add", "discard"],
        N::AbcContainer => &["__contains__"],
        N::AbcReversible => &["__iter__", "__reversed__"],
        N::AbcAwaitable => &["__await__"],
        N::AbcCoroutine => &["__await__", "send", "throw"],
        N::AbcAsyncIterable => &["__aiter__"],
        N::AbcAsyncIterator => &["__anext__"],
        N::AbcAsyncGenerator => &["asend", "athrow"],
        N::AbcGenerator => &["send", "throw"],
        N::AbstractContextManagerClass => &["__exit__"],
        N::AbstractAsyncContextManagerClass => &["__aexit__"],
        N::AbcHashable => &["__hash__"],
        N::AbcSized => &["__len__"],
        N::AbcCallable => &["__call__"],
        N::SupportsAbs => &["__abs__"],
        N::SupportsBytes => &["__bytes__"],
        N::SupportsComplex => &["__complex__"],
        N::SupportsFloat => &["__float__"],
        N::SupportsIndex => &["__index__"],
        N::SupportsInt => &["__int__"],
        N::SupportsRound => &["__round__"],
        N::AbcMappingView | N::AbcKeysView | N::AbcItemsView | N::AbcValuesView => {
            return type_error(
                "MappingView.__init__() missing 1 required positional argument: 'mapping'",
            );
        }
        N::RePattern | N::ReMatch => {
            return type_error(format!("cannot create 're.{}' instances", abc.name()));
        }
        other => return not_implemented(&format!("creating {}", other.repr())),
    };
    let plural = if methods.len() == 1 { "" } else { "s" };
    type_error(format!(
        "Can't instantiate abstract class {} with abstract method{plural} {}",
        abc.name(),
        methods.join(", ")
    ))
}

/// `name(*args, **kwargs)`.
pub fn call_name(
    interp: &mut Interp,
    name: Name,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    use Name as N;
    match name.kind() {
        Kind::Alias => instantiate_alias(interp, name, args, kwargs),
        Kind::Form => Err(type_error(format!("Cannot instantiate {}", name.repr()))),
        Kind::Any => Err(type_error("Any cannot be instantiated")),
        Kind::Class => match name {
            N::TypeVar | N::ParamSpec => new_var(name, args, kwargs),
            N::TypeVarTuple => {
                let bound = py_bind("TypeVarTuple.__init__", args, kwargs, &["name"], 1)?;
                let name = bound[0].clone().expect("required");
                Ok(object(TypingObject::TypeVarTuple(Rc::from(name.to_str()))))
            }
            N::NewType => {
                let bound = py_bind("NewType.__init__", args, kwargs, &["name", "tp"], 2)?;
                let name = bound[0].clone().expect("required");
                let supertype = bound[1].clone().expect("required");
                Ok(object(TypingObject::NewType {
                    name: Rc::from(name.to_str()),
                    module: Rc::from("__main__"),
                    supertype,
                }))
            }
            N::ForwardRef => {
                let bound = py_bind(
                    "ForwardRef.__init__",
                    args,
                    kwargs,
                    &["arg", "is_argument", "module", "is_class"],
                    1,
                )?;
                match bound[0].clone().expect("required") {
                    Value::Str(text) => {
                        Ok(object(TypingObject::ForwardRef(Rc::from(text.as_str()))))
                    }
                    other => Err(type_error(format!(
                        "Forward reference must be a string -- got {}",
                        other.repr()
                    ))),
                }
            }
            N::Annotated => Err(type_error("Type Annotated cannot be instantiated.")),
            _ => Err(abstract_error(name)),
        },
    }
}

fn instantiate_alias(
    interp: &mut Interp,
    name: Name,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    let _ = interp;
    match name.origin() {
        Value::Type(Type::Typing(origin)) if origin.module() == "collections" => {
            let _ = (args, kwargs);
            Err(not_implemented(&format!("collections.{}", origin.name())))
        }
        Value::Type(Type::Typing(origin)) => Err(abstract_error(*origin)),
        Value::Type(ty) => Err(type_error(format!(
            "Type {} cannot be instantiated; use {}() instead",
            name.name(),
            ty.name()
        ))),
        _ => Err(type_error(format!("Cannot instantiate {}", name.repr()))),
    }
}

fn flag(value: &Option<Value>) -> bool {
    value.as_ref().is_some_and(Value::truthy)
}

/// `TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False)` and
/// `ParamSpec(name, *, bound=None, covariant=False, contravariant=False)`.
fn new_var(name: Name, args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>) -> PyResult<Value> {
    let init = format!("{}.__init__", name.name());
    let mut args = args.into_iter();
    let mut var_name = args.next();
    let constraints: Vec<Value> = args.collect();
    let (mut bound, mut covariant, mut contravariant) = (None, None, None);
    for (key, value) in kwargs {
        let slot = match &*key {
            "name" if var_name.is_none() => &mut var_name,
            "bound" => &mut bound,
            "covariant" => &mut covariant,
            "contravariant" => &mut contravariant,
            _ => {
                return Err(type_error(format!(
                    "{init}() got an unexpected keyword argument '{key}'"
                )));
            }
        };
        *slot = Some(value);
    }
    let Some(var_name) = var_name else {
        return Err(type_error(format!(
            "{init}() missing 1 required positional argument: 'name'"
        )));
    };
    if name == Name::ParamSpec && !constraints.is_empty() {
        return Err(type_error(format!(
            "{init}() takes 2 positional arguments but {} were given",
            constraints.len() + 2
        )));
    }
    let (covariant, contravariant) = (flag(&covariant), flag(&contravariant));
    if covariant && contravariant {
        return Err(value_error("Bivariant types are not supported."));
    }
    let bound = match bound {
        None | Some(Value::None) => Value::None,
        Some(bound) => type_check(&bound, "Bound must be a type.", true, false)?,
    };
    if name == Name::TypeVar {
        if constraints.len() == 1 {
            return Err(type_error("A single constraint is not allowed"));
        }
        if !constraints.is_empty() && !matches!(bound, Value::None) {
            return Err(type_error("Constraints cannot be combined with bound=..."));
        }
    }
    let constraints = constraints
        .iter()
        .map(|c| {
            type_check(
                c,
                "TypeVar(name, constraint, ...): constraints must be types.",
                true,
                false,
            )
        })
        .collect::<PyResult<Vec<_>>>()?;
    let var = Var {
        name: Rc::from(var_name.to_str()),
        bound,
        constraints,
        covariant,
        contravariant,
    };
    Ok(object(if name == Name::TypeVar {
        TypingObject::TypeVar(var)
    } else {
        TypingObject::ParamSpec(var)
    }))
}

/// `object(*args, **kwargs)` for a typing object.
pub fn call_object(
    interp: &mut Interp,
    typing: &TypingObject,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    match typing {
        TypingObject::NewType { .. } => {
            if !kwargs.is_empty() {
                return Err(type_error("_typing._idfunc() takes no keyword arguments"));
            }
            match <[Value; 1]>::try_from(args) {
                Ok([value]) => Ok(value),
                Err(args) => Err(type_error(format!(
                    "_typing._idfunc() takes exactly one argument ({} given)",
                    args.len()
                ))),
            }
        }
        TypingObject::GenericAlias { origin, .. } => match origin {
            Value::Type(Type::Typing(name)) => call_name(interp, *name, args, kwargs),
            Value::Type(ty) => interp.construct(**ty, args, kwargs),
            other => Err(type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            ))),
        },
        TypingObject::Alias { origin, args: own } => match origin.kind() {
            Kind::Alias => instantiate_alias(interp, *origin, args, kwargs),
            _ if *origin == Name::Annotated => {
                let target = own[0].clone();
                match &target {
                    Value::Type(Type::Typing(name)) => call_name(interp, *name, args, kwargs),
                    Value::Type(ty) => interp.construct(**ty, args, kwargs),
                    _ => match as_typing(&target) {
                        Some(inner) => call_object(interp, inner, args, kwargs),
                        None => Err(type_error(format!(
                            "'{}' object is not callable",
                            target.type_name()
                        ))),
                    },
                }
            }
            Kind::Form => Err(type_error(format!("Cannot instantiate {}", origin.repr()))),
            _ => Err(not_implemented(&format!(
                "instantiating {}",
                alias_repr(*origin, own)
            ))),
        },
        other => Err(type_error(format!(
            "'{}' object is not callable",
            other.type_name()
        ))),
    }
}

/// Whether `callable(value)` holds for a typing object.
pub fn is_callable(typing: &TypingObject) -> bool {
    matches!(
        typing,
        TypingObject::Alias { .. }
            | TypingObject::GenericAlias { .. }
            | TypingObject::NewType { .. }
    )
}

// ------------------------------------------------------------------------ attributes

/// `name.attribute` for a [`Name`], if it has it.
pub fn name_attribute(name: Name, attribute: &str) -> Option<PyResult<Value>> {
    Some(Ok(match attribute {
        "__name__" | "__qualname__" => Value::str(name.name()),
        "__module__" => Value::str(name.module()),
        "_name" if !name.is_class() => Value::str(name.name()),
        "__origin__" if name.kind() == Kind::Alias => name.origin(),
        "__args__" | "__parameters__" if name.kind() == Kind::Alias => {
            return Some(Err(Exception::msg(ExcType::AttributeError, attribute)));
        }
        _ => return None,
    }))
}

/// `object.attribute` for a typing object, if it has it.
pub fn attribute(value: &Value, typing: &TypingObject, attribute: &str) -> Option<Value> {
    let tuple = |items: &[Value]| Value::tuple(items.to_vec());
    Some(match (typing, attribute) {
        (_, "__module__") => Value::str(match typing {
            TypingObject::NewType { module, .. } => module,
            TypingObject::GenericAlias { .. } | TypingObject::UnionType(_) => "types",
            TypingObject::TypeVar(_)
            | TypingObject::ParamSpec(_)
            | TypingObject::TypeVarTuple(_) => "__main__",
            _ => "typing",
        }),
        (
            TypingObject::Alias {
                origin: Name::Annotated,
                args,
            },
            "__origin__",
        ) => args[0].clone(),
        (
            TypingObject::Alias {
                origin: Name::Annotated,
                args,
            },
            "__metadata__",
        ) => tuple(&args[1..]),
        (
            TypingObject::Alias {
                origin: Name::Annotated,
                args,
            },
            "__args__",
        ) => tuple(&args[..1]),
        (TypingObject::Alias { origin, .. }, "__origin__") => origin.origin(),
        (TypingObject::Alias { .. }, "_name") => match alias_name(typing) {
            Some(name) => Value::str(name),
            None => Value::None,
        },
        (TypingObject::Alias { origin, .. }, "__name__" | "__qualname__") => {
            Value::str(alias_name(typing).unwrap_or(origin.name()))
        }
        (TypingObject::GenericAlias { origin, .. }, "__origin__") => origin.clone(),
        (
            TypingObject::Alias { args, .. }
            | TypingObject::GenericAlias { args, .. }
            | TypingObject::UnionType(args),
            "__args__",
        ) => tuple(args),
        (
            TypingObject::Alias { .. }
            | TypingObject::GenericAlias { .. }
            | TypingObject::UnionType(_),
            "__parameters__",
        ) => Value::tuple(parameters(value)),
        (TypingObject::TypeVar(var) | TypingObject::ParamSpec(var), _) => match attribute {
            "__name__" => Value::str(&*var.name),
            "__bound__" => var.bound.clone(),
            "__constraints__" if matches!(typing, TypingObject::TypeVar(_)) => {
                tuple(&var.constraints)
            }
            "__covariant__" => Value::bool(var.covariant),
            "__contravariant__" => Value::bool(var.contravariant),
            "args" if matches!(typing, TypingObject::ParamSpec(_)) => {
                object(TypingObject::ParamSpecArgs(value.clone()))
            }
            "kwargs" if matches!(typing, TypingObject::ParamSpec(_)) => {
                object(TypingObject::ParamSpecKwargs(value.clone()))
            }
            _ => return None,
        },
        (TypingObject::ParamSpecArgs(spec) | TypingObject::ParamSpecKwargs(spec), "__origin__") => {
            spec.clone()
        }
        (TypingObject::TypeVarTuple(name), "__name__") => Value::str(&**name),
        (TypingObject::NewType { name, .. }, "__name__" | "__qualname__") => Value::str(&**name),
        (TypingObject::NewType { supertype, .. }, "__supertype__") => supertype.clone(),
        (TypingObject::ForwardRef(text), "__forward_arg__") => Value::str(&**text),
        (TypingObject::ForwardRef(_), "__forward_evaluated__") => Value::bool(false),
        _ => return None,
    })
}

/// An alias's `_name`: the alias subscripted (`List`, `Callable`), or `Optional`.
fn alias_name(typing: &TypingObject) -> Option<&'static str> {
    match typing {
        TypingObject::Alias { origin, .. } if origin.kind() == Kind::Alias => Some(origin.name()),
        TypingObject::Alias {
            origin: Name::Union,
            ..
        } if args_len(typing) == 2 && has_none(typing) => Some("Optional"),
        _ => None,
    }
}

fn args_len(typing: &TypingObject) -> usize {
    match typing {
        TypingObject::Alias { args, .. } => args.len(),
        _ => 0,
    }
}

fn has_none(typing: &TypingObject) -> bool {
    match typing {
        TypingObject::Alias { args, .. } => args.iter().any(is_none_type),
        _ => false,
    }
}

/// Where a missing attribute of an alias is looked up instead: CPython forwards
/// attributes that are not dunders to the origin class (`List[int].append` is
/// `list.append`).
pub fn forwarded(typing: &TypingObject, attribute: &str) -> Option<Value> {
    match typing {
        TypingObject::Alias { origin, .. } => forwarded_name(*origin, attribute),
        _ => None,
    }
}

/// [`forwarded`] for a bare alias (`List.append`).
pub fn forwarded_name(name: Name, attribute: &str) -> Option<Value> {
    let dunder = attribute.starts_with("__") && attribute.ends_with("__");
    (name.kind() == Kind::Alias && !dunder).then(|| name.origin())
}

// ------------------------------------------------------------------------ functions

/// Arguments bound as a Python function of typing.py binds them (`params` positional or
/// keyword, the first `required` without defaults), with CPython's messages for Python
/// functions (`cast() missing 2 required positional arguments: 'typ' and 'val'`).
fn py_bind(
    function: &str,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
    params: &[&str],
    required: usize,
) -> PyResult<Vec<Option<Value>>> {
    use super::call::{missing_arguments, plural};
    let given = args.len();
    let mut bound: Vec<Option<Value>> = args.into_iter().map(Some).collect();
    bound.truncate(params.len());
    bound.resize_with(params.len(), || None);
    for (key, value) in kwargs {
        match params.iter().position(|p| **p == *key) {
            Some(at) if bound[at].is_some() => {
                return Err(type_error(format!(
                    "{function}() got multiple values for argument '{key}'"
                )));
            }
            Some(at) => bound[at] = Some(value),
            None => {
                return Err(type_error(format!(
                    "{function}() got an unexpected keyword argument '{key}'"
                )));
            }
        }
    }
    if given > params.len() {
        let takes = if required == params.len() {
            plural(params.len(), "positional argument")
        } else {
            format!("from {required} to {} positional arguments", params.len())
        };
        let was = if given == 1 { "was" } else { "were" };
        return Err(type_error(format!(
            "{function}() takes {takes} but {given} {was} given"
        )));
    }
    let missing: Vec<Rc<str>> = params[..required]
        .iter()
        .zip(&bound)
        .filter(|(_, value)| value.is_none())
        .map(|(name, _)| Rc::from(*name))
        .collect();
    if !missing.is_empty() {
        return Err(missing_arguments(function, "positional", &missing));
    }
    Ok(bound)
}

/// Call one of typing's functions.
pub fn call_function(
    interp: &mut Interp,
    builtin: Builtin,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    use Builtin as B;
    let name = builtin.name();
    let one = |args: Vec<Value>, kwargs: Vec<(Rc<str>, Value)>, param: &str| -> PyResult<Value> {
        let bound = py_bind(name, args, kwargs, &[param], 1)?;
        Ok(bound[0].clone().expect("required"))
    };
    match builtin {
        B::TypingCast => {
            let bound = py_bind(name, args, kwargs, &["typ", "val"], 2)?;
            Ok(bound[1].clone().expect("required"))
        }
        B::TypingAssertType => {
            let bound = py_bind(name, args, kwargs, &["val", "typ"], 2)?;
            Ok(bound[0].clone().expect("required"))
        }
        B::TypingAssertNever => {
            let value = one(args, kwargs, "arg")?;
            let mut text = value.repr();
            if text.chars().count() > 100 {
                text = text.chars().take(100).collect::<String>() + "...";
            }
            Err(Exception::msg(
                ExcType::AssertionError,
                format!("Expected code to be unreachable, but got: {text}"),
            ))
        }
        B::TypingRevealType => {
            let value = one(args, kwargs, "obj")?;
            let line = format!("Runtime type is '{}'\n", value.type_of().name());
            interp.write_stream(true, &line);
            Ok(value)
        }
        B::TypingGetOrigin => Ok(get_origin(&one(args, kwargs, "tp")?)),
        B::TypingGetArgs => Ok(get_args(&one(args, kwargs, "tp")?)),
        B::TypingGetTypeHints => {
            let bound = py_bind(
                name,
                args,
                kwargs,
                &["obj", "globalns", "localns", "include_extras"],
                1,
            )?;
            get_type_hints(interp, &bound[0].clone().expect("required"))
        }
        B::TypingIsTypeddict => {
            one(args, kwargs, "tp")?;
            Ok(Value::bool(false))
        }
        B::TypingOverload => {
            let func = one(args, kwargs, "func")?;
            if let Value::Function(function) = &func {
                let key = (function.code.module, function.code.qualname.clone());
                let registry = &mut interp.typing.overloads;
                let at = match registry.iter().position(|(k, _)| *k == key) {
                    Some(at) => at,
                    None => {
                        registry.push((key, Vec::new()));
                        registry.len() - 1
                    }
                };
                let list = &mut registry[at].1;
                // One entry per definition site, as CPython keys them by first line.
                let same_def = |f: &Value| matches!(f, Value::Function(g) if Rc::ptr_eq(&g.code, &function.code));
                match list.iter().position(same_def) {
                    Some(i) => list[i] = func.clone(),
                    None => list.push(func.clone()),
                }
            }
            Ok(Value::Builtin(B::TypingOverloadDummy))
        }
        B::TypingGetOverloads => {
            let func = one(args, kwargs, "func")?;
            let Value::Function(function) = &func else {
                return Ok(Value::list(Vec::new()));
            };
            let key = (function.code.module, function.code.qualname.clone());
            let found = interp
                .typing
                .overloads
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, list)| list.clone())
                .unwrap_or_default();
            Ok(Value::list(found))
        }
        B::TypingClearOverloads => {
            py_bind(name, args, kwargs, &[], 0)?;
            interp.typing.overloads.clear();
            Ok(Value::None)
        }
        B::TypingOverloadDummy => Err(Exception::msg(
            ExcType::NotImplementedError,
            "You should not call an overloaded function. A series of @overload-decorated \
             functions outside a stub module should always be followed by an implementation \
             that is not @overload-ed.",
        )),
        B::TypingFinal => one(args, kwargs, "f"),
        B::TypingNoTypeCheck => one(args, kwargs, "arg"),
        B::TypingNoTypeCheckDecorator => one(args, kwargs, "decorator"),
        B::TypingDecorator => one(args, kwargs, "cls_or_fn"),
        B::TypingDataclassTransform => {
            if !args.is_empty() {
                return Err(type_error(format!(
                    "dataclass_transform() takes 0 positional arguments but {} were given",
                    args.len()
                )));
            }
            Ok(Value::Builtin(B::TypingDecorator))
        }
        B::TypingRuntimeCheckable => {
            let cls = one(args, kwargs, "cls")?;
            match as_name(&cls) {
                Some(n)
                    if n.class() == Type::Typing(Name::ProtocolMetaClass)
                        && n != Name::Protocol =>
                {
                    Ok(cls)
                }
                _ if !matches!(cls, Value::Type(_)) => {
                    Err(type_error("issubclass() arg 1 must be a class"))
                }
                _ => Err(type_error(format!(
                    "@runtime_checkable can be only applied to protocol classes, got {}",
                    cls.repr()
                ))),
            }
        }
        B::TypingNamedTuple | B::TypingTypedDict => Err(not_implemented(&format!(
            "typing.{name}, which makes a class,"
        ))),
        _ => unreachable!("not a typing function: {builtin:?}"),
    }
}

/// `typing.get_origin(tp)`.
pub fn get_origin(tp: &Value) -> Value {
    match (tp, as_typing(tp)) {
        (Value::Type(Type::Typing(name)), _) if name.kind() == Kind::Alias => name.origin(),
        (Value::Type(Type::Typing(Name::Generic)), _) => tp.clone(),
        (
            _,
            Some(TypingObject::Alias {
                origin: Name::Annotated,
                ..
            }),
        ) => name_value(Name::Annotated),
        (_, Some(TypingObject::Alias { origin, .. })) => origin.origin(),
        (_, Some(TypingObject::GenericAlias { origin, .. })) => origin.clone(),
        (_, Some(TypingObject::ParamSpecArgs(spec) | TypingObject::ParamSpecKwargs(spec))) => {
            spec.clone()
        }
        (_, Some(TypingObject::UnionType(_))) => name_value(Name::TypesUnionType),
        _ => Value::None,
    }
}

/// `typing.get_args(tp)`.
pub fn get_args(tp: &Value) -> Value {
    match as_typing(tp) {
        Some(TypingObject::Alias {
            origin: Name::Callable,
            args,
        }) if shows_param_list(args) => {
            let (result, params) = args.split_last().expect("not empty");
            Value::tuple(vec![Value::list(params.to_vec()), result.clone()])
        }
        Some(TypingObject::Alias { args, .. })
        | Some(TypingObject::GenericAlias { args, .. })
        | Some(TypingObject::UnionType(args)) => Value::tuple(args.clone()),
        _ => Value::tuple(Vec::new()),
    }
}

/// `typing.get_type_hints(obj)`: the object's `__annotations__`, with `None` as
/// `NoneType` and a string naming a global resolved to it.
fn get_type_hints(interp: &mut Interp, obj: &Value) -> PyResult<Value> {
    let sym = interp.symbols.intern("__annotations__");
    let annotations = match interp.get_attribute(obj, sym) {
        Ok(annotations) => annotations,
        // Functions keep no annotations (yet): CPython's answer for one without any.
        Err(_) if matches!(obj, Value::Function(_)) => Value::dict(Default::default()),
        Err(error) => return Err(error),
    };
    let Value::Dict(dict) = annotations else {
        return Ok(Value::dict(Default::default()));
    };
    let entries: Vec<(super::value::Key, Value)> = dict
        .borrow()
        .iter()
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut hints = super::value::DictMap::default();
    for (key, value) in entries {
        let hint = match &value {
            Value::None => Value::Type(&Type::NoneType),
            Value::Str(text) => resolve_name(interp, text.as_str())?,
            other => other.clone(),
        };
        hints.insert(key, hint);
    }
    Ok(Value::dict(hints))
}

/// A string annotation that names a global of the main module or a builtin.
fn resolve_name(interp: &mut Interp, text: &str) -> PyResult<Value> {
    let name = text.trim();
    let main = interp.modules[0].clone();
    if let Some(value) = interp.module_global(&main, name) {
        return Ok(value);
    }
    if let Some(value) = super::builtins::lookup(name) {
        return Ok(value);
    }
    let valid = name
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_alphanumeric() || c == '_');
    if valid {
        return Err(Exception::msg(
            ExcType::NameError,
            format!("name '{name}' is not defined"),
        ));
    }
    Ok(object(TypingObject::ForwardRef(Rc::from(text))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_public_name_is_a_member_or_a_function() {
        let functions = [
            "cast",
            "assert_type",
            "assert_never",
            "reveal_type",
            "get_origin",
            "get_args",
            "get_type_hints",
            "is_typeddict",
            "overload",
            "get_overloads",
            "clear_overloads",
            "final",
            "no_type_check",
            "no_type_check_decorator",
            "runtime_checkable",
            "dataclass_transform",
            "NamedTuple",
            "TypedDict",
        ];
        let constants = ["TYPE_CHECKING", "Text", "AnyStr"];
        for name in ALL {
            let named = Name::ALL
                .iter()
                .any(|n| n.module() == "typing" && n.name() == *name);
            assert!(
                named || functions.contains(name) || constants.contains(name),
                "typing.{name} is missing"
            );
        }
        assert_eq!(ALL.len(), 97);
    }

    #[test]
    fn names_are_in_declaration_order() {
        for (i, name) in Name::ALL.iter().enumerate() {
            assert_eq!(*name as usize, i);
        }
    }
}
