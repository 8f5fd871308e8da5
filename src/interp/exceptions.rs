//! Python exceptions: the built-in class hierarchy and exception objects.
//!
//! Exceptions are values ([`Exception`] behind an `Rc`) that travel through one unwinding
//! channel: every fallible operation returns [`PyResult`], and the interpreter turns an
//! `Err` into Python's `raise` at the current instruction. The hierarchy and the text forms
//! (`str(e)`, `repr(e)`) follow CPython 3.11.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::value::Value;
use crate::bytecode::Code;

pub type PyResult<T> = Result<T, Rc<Exception>>;

macro_rules! exceptions {
    ($($variant:ident: $name:literal < $parent:ident in $module:literal,)*) => {
        /// A built-in exception class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcType { BaseException, $($variant,)* }

        impl ExcType {
            pub fn name(self) -> &'static str {
                match self {
                    ExcType::BaseException => "BaseException",
                    $(ExcType::$variant => $name,)*
                }
            }

            /// The direct base class (`BaseException` is its own).
            pub fn parent(self) -> ExcType {
                match self {
                    ExcType::BaseException => ExcType::BaseException,
                    $(ExcType::$variant => ExcType::$parent,)*
                }
            }

            /// The module the class lives in, as its repr shows it.
            pub fn module(self) -> &'static str {
                match self {
                    ExcType::BaseException => "builtins",
                    $(ExcType::$variant => $module,)*
                }
            }

            /// Every class a program can name, for builtins and module attributes.
            pub const ALL: &'static [ExcType] = &[ExcType::BaseException, $(ExcType::$variant,)*];
        }
    };
}

exceptions! {
    Exception: "Exception" < BaseException in "builtins",
    GeneratorExit: "GeneratorExit" < BaseException in "builtins",
    KeyboardInterrupt: "KeyboardInterrupt" < BaseException in "builtins",
    SystemExit: "SystemExit" < BaseException in "builtins",
    CancelledError: "CancelledError" < BaseException in "asyncio.exceptions",
    BaseExceptionGroup: "BaseExceptionGroup" < BaseException in "builtins",
    ExceptionGroup: "ExceptionGroup" < Exception in "builtins",
    ArithmeticError: "ArithmeticError" < Exception in "builtins",
    FloatingPointError: "FloatingPointError" < ArithmeticError in "builtins",
    OverflowError: "OverflowError" < ArithmeticError in "builtins",
    ZeroDivisionError: "ZeroDivisionError" < ArithmeticError in "builtins",
    AssertionError: "AssertionError" < Exception in "builtins",
    AttributeError: "AttributeError" < Exception in "builtins",
    BufferError: "BufferError" < Exception in "builtins",
    EOFError: "EOFError" < Exception in "builtins",
    ImportError: "ImportError" < Exception in "builtins",
    ModuleNotFoundError: "ModuleNotFoundError" < ImportError in "builtins",
    LookupError: "LookupError" < Exception in "builtins",
    IndexError: "IndexError" < LookupError in "builtins",
    KeyError: "KeyError" < LookupError in "builtins",
    MemoryError: "MemoryError" < Exception in "builtins",
    NameError: "NameError" < Exception in "builtins",
    UnboundLocalError: "UnboundLocalError" < NameError in "builtins",
    OSError: "OSError" < Exception in "builtins",
        BlockingIOError: "BlockingIOError" < OSError in "builtins",
    ChildProcessError: "ChildProcessError" < OSError in "builtins",
    ConnectionError: "ConnectionError" < OSError in "builtins",
    BrokenPipeError: "BrokenPipeError" < ConnectionError in "builtins",
    ConnectionAbortedError: "ConnectionAbortedError" < ConnectionError in "builtins",
    ConnectionRefusedError: "ConnectionRefusedError" < ConnectionError in "builtins",
    ConnectionResetError: "ConnectionResetError" < ConnectionError in "builtins",
    FileExistsError: "FileExistsError" < OSError in "builtins",
    FileNotFoundError: "FileNotFoundError" < OSError in "builtins",
    InterruptedError: "InterruptedError" < OSError in "builtins",
    IsADirectoryError: "IsADirectoryError" < OSError in "builtins",
    NotADirectoryError: "NotADirectoryError" < OSError in "builtins",
    PermissionError: "PermissionError" < OSError in "builtins",
    ProcessLookupError: "ProcessLookupError" < OSError in "builtins",
    TimeoutError: "TimeoutError" < OSError in "builtins",
    ReferenceError: "ReferenceError" < Exception in "builtins",
    RuntimeError: "RuntimeError" < Exception in "builtins",
    NotImplementedError: "NotImplementedError" < RuntimeError in "builtins",
    RecursionError: "RecursionError" < RuntimeError in "builtins",
    StopAsyncIteration: "StopAsyncIteration" < Exception in "builtins",
    StopIteration: "StopIteration" < Exception in "builtins",
        SyntaxError: "SyntaxError" < Exception in "builtins",
    IndentationError: "IndentationError" < SyntaxError in "builtins",
    TabError: "TabError" < IndentationError in "builtins",
    SystemError: "SystemError" < Exception in "builtins",
    TypeError: "TypeError" < Exception in "builtins",
    ValueError: "ValueError" < Exception in "builtins",
    UnicodeError: "UnicodeError" < ValueError in "builtins",
    InvalidStateError: "InvalidStateError" < Exception in "asyncio.exceptions",
    QueueEmpty: "QueueEmpty" < Exception in "asyncio.queues",
    QueueFull: "QueueFull" < Exception in "asyncio.queues",
    BrokenBarrierError: "BrokenBarrierError" < RuntimeError in "asyncio.exceptions",
    Warning: "Warning" < Exception in "builtins",
    DeprecationWarning: "DeprecationWarning" < Warning in "builtins",
    RuntimeWarning: "RuntimeWarning" < Warning in "builtins",
        UserWarning: "UserWarning" < Warning in "builtins",
    FutureWarning: "FutureWarning" < Warning in "builtins",
    PendingDeprecationWarning: "PendingDeprecationWarning" < Warning in "builtins",
    SyntaxWarning: "SyntaxWarning" < Warning in "builtins",
    ResourceWarning: "ResourceWarning" < Warning in "builtins",
}

impl ExcType {
    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(self, other: ExcType) -> bool {
        // ExceptionGroup derives from both BaseExceptionGroup and Exception.
        if self == ExcType::ExceptionGroup && other == ExcType::BaseExceptionGroup {
            return true;
        }
        let mut ty = self;
        loop {
            if ty == other {
                return true;
            }
            if ty == ExcType::BaseException {
                return false;
            }
            ty = ty.parent();
        }
    }

    /// The `OSError` subclass CPython picks for an errno (Linux numbering).
    pub fn for_errno(errno: i64) -> Option<ExcType> {
        Some(match errno {
            11 | 114 | 115 => ExcType::BlockingIOError,
            10 => ExcType::ChildProcessError,
            32 | 108 => ExcType::BrokenPipeError,
            103 => ExcType::ConnectionAbortedError,
            111 => ExcType::ConnectionRefusedError,
            104 => ExcType::ConnectionResetError,
            17 => ExcType::FileExistsError,
            2 => ExcType::FileNotFoundError,
            21 => ExcType::IsADirectoryError,
            20 => ExcType::NotADirectoryError,
            4 => ExcType::InterruptedError,
            1 | 13 => ExcType::PermissionError,
            3 => ExcType::ProcessLookupError,
            110 => ExcType::TimeoutError,
            _ => return None,
        })
    }

    /// The class a program names with `name`, if it is a built-in one (the asyncio ones are
    /// reached through the asyncio module instead).
    pub fn builtin_named(name: &str) -> Option<ExcType> {
        if matches!(name, "EnvironmentError" | "IOError") {
            return Some(ExcType::OSError);
        }
        ExcType::ALL
            .iter()
            .copied()
            .find(|ty| ty.module() == "builtins" && ty.name() == name)
    }
}

/// Where an exception passed through: a code object and the instruction that was running.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub pc: u32,
    /// Which activation of the code this was, so a frame is listed once even when the
    /// exception is caught and re-raised inside it.
    pub frame: u64,
    /// Not shown: the frame where `except*` made a new group (CPython's `RERAISE` adds no
    /// entry there).
    pub hidden: bool,
    /// The instruction is a method call whose method was not found: CPython's traceback
    /// marks `obj.name`, not the whole call.
    pub method_lookup: bool,
}

/// An exception object.
pub struct Exception {
    pub ty: ExcType,
    pub args: Vec<Value>,
    /// Innermost first: the order in which the exception left the frames.
    pub traceback: RefCell<Vec<TracebackEntry>>,
    /// `raise ... from cause`
    pub cause: RefCell<Option<Rc<Exception>>>,
    /// The exception being handled when this one was raised.
    pub context: RefCell<Option<Rc<Exception>>>,
    pub suppress_context: Cell<bool>,
    /// `__notes__`: the list `add_note` appends to, created by the first note.
    pub notes: RefCell<Option<Value>>,
    /// A "Did you mean" hint shown after the message when the exception is uncaught.
    pub suggestion: RefCell<Option<Rc<str>>>,
    /// An `OSError`'s filename, winerror and filename2: CPython keeps them out of `args`.
    pub os_extra: Vec<Value>,
}

impl Exception {
    pub fn new(ty: ExcType, args: Vec<Value>) -> Rc<Exception> {
        Rc::new(Exception {
            ty,
            args,
            traceback: RefCell::new(Vec::new()),
            cause: RefCell::new(None),
            context: RefCell::new(None),
            suppress_context: Cell::new(false),
            notes: RefCell::new(None),
            suggestion: RefCell::new(None),
            os_extra: Vec::new(),
        })
    }

    /// `OSError(errno, strerror, filename, winerror, filename2)`: the subclass for the errno,
    /// with `args` cut to `(errno, strerror)` when a filename follows, as in CPython.
    pub fn os_error(ty: ExcType, mut args: Vec<Value>) -> Rc<Exception> {
        if !(2..=5).contains(&args.len()) {
            return Exception::new(ty, args);
        }
        let ty = match (ty, &args[0]) {
            (ExcType::OSError, Value::Int(errno)) => ExcType::for_errno(*errno).unwrap_or(ty),
            _ => ty,
        };
        let os_extra = args.split_off(2);
        let mut exc = Exception::new(ty, args);
        Rc::get_mut(&mut exc).expect("just made").os_extra = os_extra;
        exc
    }

    /// An exception with a one-string message, as the interpreter raises them.
    pub fn msg(ty: ExcType, message: impl Into<Box<str>>) -> Rc<Exception> {
        Exception::new(ty, vec![Value::str(message)])
    }

    /// `str(e)`
    pub fn message(&self) -> String {
        // An OSError given (errno, strerror[, filename[, winerror[, filename2]]]).
        if self.ty.is_subclass(ExcType::OSError) && self.args.len() == 2 {
            let (errno, strerror) = (self.args[0].to_str(), self.args[1].to_str());
            let filename = self.os_extra.first().filter(|f| !matches!(f, Value::None));
            return match (filename, self.os_extra.get(2)) {
                (Some(f), Some(f2)) if !matches!(f2, Value::None) => {
                    format!("[Errno {errno}] {strerror}: {} -> {}", f.repr(), f2.repr())
                }
                (Some(f), _) => format!("[Errno {errno}] {strerror}: {}", f.repr()),
                (None, _) => format!("[Errno {errno}] {strerror}"),
            };
        }
        if self.ty.is_subclass(ExcType::BaseExceptionGroup)
            && let [message, excs] = self.args.as_slice()
        {
            let n = match excs {
                Value::List(list) => list.borrow().len(),
                Value::Tuple(tuple) => tuple.0.len(),
                _ => 0,
            };
            let plural = if n == 1 { "" } else { "s" };
            return format!("{} ({n} sub-exception{plural})", message.to_str());
        }
        match self.args.as_slice() {
            [] => String::new(),
            [arg] if self.ty == ExcType::KeyError => arg.repr(),
            [arg] => arg.to_str(),
            args => Value::tuple(args.to_vec()).repr(),
        }
    }

    /// `repr(e)`
    pub fn repr(&self) -> String {
        let args: Vec<String> = self.args.iter().map(Value::repr).collect();
        format!("{}({})", self.ty.name(), args.join(", "))
    }

    /// The last line of a traceback: `ValueError: boom`, or just `ValueError`.
    pub fn summary(&self) -> String {
        let message = self.message();
        let name = match self.ty.module() {
            "builtins" => self.ty.name().to_string(),
            module => format!("{module}.{}", self.ty.name()),
        };
        if message.is_empty() {
            name
        } else {
            format!("{name}: {message}")
        }
    }
}

/// `BaseExceptionGroup(message, exceptions)` as asyncio raises it: an `ExceptionGroup`
/// when every member is an `Exception`.
pub fn exception_group(message: &str, exceptions: Vec<Value>) -> Rc<Exception> {
    let all_exceptions = exceptions.iter().all(|e| match e {
        Value::Exception(e) => e.ty.is_subclass(ExcType::Exception),
        _ => false,
    });
    let ty = if all_exceptions {
        ExcType::ExceptionGroup
    } else {
        ExcType::BaseExceptionGroup
    };
    Exception::new(ty, vec![Value::str(message), Value::list(exceptions)])
}

/// `ExceptionGroup(message, exceptions)` / `BaseExceptionGroup(...)` called by a program,
/// with CPython's argument checks.
pub fn new_exception_group(ty: super::value::Type, args: Vec<Value>) -> PyResult<Value> {
    let name = ty.name();
    let [message, exceptions] = <[Value; 2]>::try_from(args).map_err(|args| {
        type_error(format!(
            "{name}() takes exactly 2 arguments ({} given)",
            args.len()
        ))
    })?;
    if !matches!(message, Value::Str(_)) {
        return Err(type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            message.type_name()
        )));
    }
    let items = match &exceptions {
        Value::List(list) => list.borrow().clone(),
        Value::Tuple(tuple) => tuple.0.clone(),
        Value::Str(s) => s
            .as_str()
            .chars()
            .map(|c| Value::str(c.to_string()))
            .collect(),
        Value::Range(range) => (0..range.len().min(1)).map(|_| Value::Int(0)).collect(),
        _ => {
            return Err(type_error(
                "second argument (exceptions) must be a sequence",
            ));
        }
    };
    if items.is_empty() {
        return Err(value_error(
            "second argument (exceptions) must be a non-empty sequence",
        ));
    }
    let mut all_exceptions = true;
    for (i, item) in items.iter().enumerate() {
        match item {
            Value::Exception(e) => all_exceptions &= e.ty.is_subclass(ExcType::Exception),
            _ => {
                return Err(value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )));
            }
        }
    }
    let is_base = matches!(
        ty,
        super::value::Type::Exception(ExcType::BaseExceptionGroup)
    );
    let ty = match (is_base, all_exceptions) {
        (true, true) => ExcType::ExceptionGroup,
        (true, false) => ExcType::BaseExceptionGroup,
        (false, true) => ExcType::ExceptionGroup,
        (false, false) => {
            return Err(type_error(
                "Cannot nest BaseExceptions in an ExceptionGroup",
            ));
        }
    };
    Ok(Value::Exception(Exception::new(
        ty,
        vec![message, Value::list(items)],
    )))
}

/// Shorthands for the errors the interpreter raises itself.
pub fn type_error(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::TypeError, message)
}

pub fn value_error(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::ValueError, message)
}

pub fn runtime_error(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::RuntimeError, message)
}

pub fn index_error(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::IndexError, message)
}

pub fn attribute_error(type_name: &str, attribute: &str) -> Rc<Exception> {
    Exception::msg(
        ExcType::AttributeError,
        format!("'{type_name}' object has no attribute '{attribute}'"),
    )
}

pub fn overflow_error(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::OverflowError, message)
}

/// `repr` of containers nested past the recursion limit.
pub fn repr_too_deep(error: super::value::ReprError) -> Rc<Exception> {
    match error {
        super::value::ReprError::TooDeep => Exception::msg(
            ExcType::RecursionError,
            "maximum recursion depth exceeded while getting the repr of an object",
        ),
        super::value::ReprError::IntTooLong => {
            Exception::msg(ExcType::ValueError, crate::pyfmt::int_str_limit_message())
        }
    }
}

pub fn zero_division(message: impl Into<Box<str>>) -> Rc<Exception> {
    Exception::msg(ExcType::ZeroDivisionError, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hierarchy_follows_cpython() {
        assert!(ExcType::ZeroDivisionError.is_subclass(ExcType::ArithmeticError));
        assert!(ExcType::KeyError.is_subclass(ExcType::Exception));
        assert!(ExcType::TimeoutError.is_subclass(ExcType::OSError));
        assert!(!ExcType::CancelledError.is_subclass(ExcType::Exception));
        assert!(ExcType::CancelledError.is_subclass(ExcType::BaseException));
        assert_eq!(
            ExcType::builtin_named("ValueError"),
            Some(ExcType::ValueError)
        );
        assert_eq!(ExcType::builtin_named("CancelledError"), None);
    }

    #[test]
    fn text_forms_follow_cpython() {
        let e = Exception::msg(ExcType::ValueError, "boom");
        assert_eq!(e.message(), "boom");
        assert_eq!(e.repr(), "ValueError('boom')");
        assert_eq!(e.summary(), "ValueError: boom");
        let k = Exception::new(ExcType::KeyError, vec![Value::str("k")]);
        assert_eq!(k.message(), "'k'");
        let c = Exception::new(ExcType::CancelledError, vec![]);
        assert_eq!(c.summary(), "asyncio.exceptions.CancelledError");
        let t = Exception::new(ExcType::TimeoutError, vec![]);
        assert_eq!(t.summary(), "TimeoutError");
    }
}
