//! Calls: binding arguments to parameters, and what calling each kind of value does.
//!
//! Calling a plain Python function yields a frame to push (the dispatch loop pushes it, so
//! Python-to-Python calls never recurse in Rust); calling an `async def` makes a coroutine
//! object without running anything; built-ins run at once. Argument errors carry CPython
//! 3.11's messages, naming the function by its qualified name.

use std::rc::Rc;

use super::Interp;
use super::asyncio::Coroutine;
use super::exceptions::{PyResult, type_error};
use super::generator::Generator;
use super::value::{DictMap, Function, Key, Value};
use crate::bytecode::{Code, CodeKind};

/// What a call produced.
pub enum Callee {
    Done(Value),
    /// A Python function body to run with these slots.
    Frame(Rc<Code>, Vec<Value>),
}

impl Interp {
    pub fn prepare_call(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Callee> {
        match func {
            Value::Function(function) => {
                let slots = bind_arguments(&function, args, kwargs)?;
                let code = function.code.clone();
                Ok(match code.kind {
                    CodeKind::Function | CodeKind::Module => Callee::Frame(code, slots),
                    CodeKind::Coroutine => {
                        Callee::Done(Value::Coroutine(Coroutine::python(code, slots)))
                    }
                    CodeKind::Generator => {
                        Callee::Done(Value::Generator(Generator::new(code, slots)))
                    }
                    CodeKind::AsyncGenerator => Callee::Done(Value::Object(Rc::new(
                        super::object::Object::AsyncGen(super::agen::AsyncGen::new(code, slots)),
                    ))),
                })
            }
            Value::Builtin(builtin) => Ok(Callee::Done(self.call_builtin(builtin, args, kwargs)?)),
            Value::Method(method) => Ok(Callee::Done(self.call_method(
                &method.receiver,
                method.name,
                args,
                kwargs,
            )?)),
            Value::Type(ty) => Ok(Callee::Done(self.construct(*ty, args, kwargs)?)),
            Value::Object(ref object) if let Some(typing) = object.typing() => Ok(Callee::Done(
                super::typing::call_object(self, typing, args, kwargs)?,
            )),
            other => Err(type_error(format!(
                "'{}' object is not callable",
                other.type_name()
            ))),
        }
    }

    /// Keyword arguments from a `**mapping`.
    /// `f(**mapping)`: merge `mapping` into the call's keyword dict, with CPython's
    /// messages for a non-mapping, a non-string key and a keyword given twice.
    pub fn merge_kwargs(&mut self, func: &Value, kwargs: &Value, mapping: Value) -> PyResult<()> {
        let Value::Dict(source) = &mapping else {
            return Err(type_error(format!(
                "{} argument after ** must be a mapping, not {}",
                self.function_str(func),
                mapping.type_name()
            )));
        };
        let Value::Dict(target) = kwargs else {
            unreachable!("the compiler builds the keyword dict")
        };
        let entries: Vec<_> = source
            .borrow()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut target = target.borrow_mut();
        for (key, value) in entries {
            let Value::Str(name) = &key.value else {
                return Err(type_error("keywords must be strings"));
            };
            if target.contains_key(&key) {
                return Err(type_error(format!(
                    "{} got multiple values for keyword argument '{}'",
                    self.function_str(func),
                    name.as_str()
                )));
            }
            target.insert(key, value);
        }
        Ok(())
    }

    /// The `__module__` of a function: the name of the module that defined it.
    pub fn function_module(&self, function: &super::value::Function) -> Rc<str> {
        self.modules
            .get(function.code.module as usize)
            .map_or_else(|| Rc::from("__main__"), |m| m.name.clone())
    }

    /// How CPython names a callable in call errors: `__main__.f()`, `print()`,
    /// `str.split()`.
    pub fn function_str(&self, func: &Value) -> String {
        match func {
            Value::Function(f) => format!("{}.{}()", self.function_module(f), f.code.qualname),
            Value::Builtin(b) => format!("{}()", b.name()),
            Value::Type(t) => format!("{}()", t.name()),
            Value::Method(m) => {
                format!("{}.{}()", m.receiver.type_name(), self.symbols.name(m.name))
            }
            other => format!("{} object", other.type_name()),
        }
    }

    pub fn kwargs_from_dict(&mut self, mapping: Value) -> PyResult<Vec<(Rc<str>, Value)>> {
        let Value::Dict(dict) = mapping else {
            return Err(type_error(format!(
                "argument after ** must be a mapping, not {}",
                mapping.type_name()
            )));
        };
        let mut kwargs = Vec::new();
        for (key, value) in dict.borrow().iter() {
            match &key.value {
                Value::Str(name) => kwargs.push((Rc::from(name.as_str()), value.clone())),
                _ => return Err(type_error("keywords must be strings")),
            }
        }
        Ok(kwargs)
    }
}

/// Bind call arguments to a function's slots; cells and free variables are set up too.
pub fn bind_arguments(
    function: &Function,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Vec<Value>> {
    let code = &function.code;
    let nargs = code.argcount as usize;
    let nkwonly = code.kwonlycount as usize;
    let mut slots = vec![Value::Unbound; code.nlocals as usize];
    let name = &code.qualname;

    let given = args.len();
    // CPython reports keyword problems before too many positional arguments.
    let too_many =
        (given > nargs && !code.has_varargs).then(|| too_many_positional(function, given, &kwargs));
    let mut args = args.into_iter();
    for slot in slots.iter_mut().take(nargs.min(given)) {
        *slot = args.next().expect("counted");
    }
    let mut next_slot = nargs + nkwonly;
    if code.has_varargs {
        slots[next_slot] = Value::tuple(args.collect());
        next_slot += 1;
    }
    let mut extra_kwargs = code.has_varkw.then(DictMap::default);

    for (keyword, value) in kwargs {
        let position = code.slot_names[..nargs + nkwonly]
            .iter()
            .position(|p| **p == *keyword);
        match position {
            Some(index) => {
                if !matches!(slots[index], Value::Unbound) {
                    return Err(type_error(format!(
                        "{name}() got multiple values for argument '{keyword}'"
                    )));
                }
                slots[index] = value;
            }
            None => match &mut extra_kwargs {
                Some(extra) => {
                    extra.insert(
                        Key::new(Value::str(&*keyword)).expect("a str is hashable"),
                        value,
                    );
                }
                None => {
                    return Err(type_error(format!(
                        "{name}() got an unexpected keyword argument '{keyword}'"
                    )));
                }
            },
        }
    }
    if let Some(error) = too_many {
        return Err(error);
    }
    if let Some(extra) = extra_kwargs {
        slots[next_slot] = Value::dict(extra);
    }

    let first_default = nargs - function.defaults.len();
    let mut missing = Vec::new();
    for (index, slot) in slots.iter_mut().enumerate().take(nargs) {
        if matches!(slot, Value::Unbound) {
            if index >= first_default {
                *slot = function.defaults[index - first_default].clone();
            } else {
                missing.push(code.slot_names[index].clone());
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "positional", &missing));
    }
    for index in 0..nkwonly {
        let slot = nargs + index;
        if matches!(slots[slot], Value::Unbound) {
            match function.kwdefaults.get(index).cloned().flatten() {
                Some(default) => slots[slot] = default,
                None => missing.push(code.slot_names[slot].clone()),
            }
        }
    }
    if !missing.is_empty() {
        return Err(missing_arguments(name, "keyword-only", &missing));
    }

    for &cell in &code.cells {
        let slot = &mut slots[cell as usize];
        let value = std::mem::replace(slot, Value::Unbound);
        *slot = Value::Cell(Rc::new(std::cell::RefCell::new(value)));
    }
    let free_start = (code.nlocals - code.nfree) as usize;
    for (i, cell) in function.closure.iter().enumerate() {
        slots[free_start + i] = cell.clone();
    }
    Ok(slots)
}

pub(super) fn plural(n: usize, word: &str) -> String {
    if n == 1 {
        format!("{n} {word}")
    } else {
        format!("{n} {word}s")
    }
}

fn too_many_positional(
    function: &Function,
    given: usize,
    kwargs: &[(Rc<str>, Value)],
) -> std::rc::Rc<super::exceptions::Exception> {
    let code = &function.code;
    let nargs = code.argcount as usize;
    let required = nargs - function.defaults.len();
    let takes = if function.defaults.is_empty() {
        plural(nargs, "positional argument")
    } else {
        format!("from {required} to {nargs} positional arguments")
    };
    let kwonly_given = kwargs
        .iter()
        .filter(|(k, _)| {
            code.slot_names[nargs..nargs + code.kwonlycount as usize]
                .iter()
                .any(|p| p == k)
        })
        .count();
    let was = if given == 1 { "was" } else { "were" };
    let message = if kwonly_given > 0 {
        format!(
            "{}() takes {takes} but {} (and {}) were given",
            code.qualname,
            plural(given, "positional argument"),
            plural(kwonly_given, "keyword-only argument")
        )
    } else {
        format!("{}() takes {takes} but {given} {was} given", code.qualname)
    };
    type_error(message)
}

pub(super) fn missing_arguments(
    name: &str,
    kind: &str,
    missing: &[Rc<str>],
) -> std::rc::Rc<super::exceptions::Exception> {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        [rest @ .., last] => format!("{}, and {last}", rest.join(", ")),
        [] => String::new(),
    };
    type_error(format!(
        "{name}() missing {} required {kind} argument{}: {list}",
        missing.len(),
        if missing.len() == 1 { "" } else { "s" }
    ))
}
