//! Modules as objects, and `import` as CPython 3.11 does it.
//!
//! A module is a [`Module`] object, cached in `sys.modules` under its name. A module of the
//! program's own (a `.py` file, or a package's `__init__.py`) is compiled on its first
//! import and its body runs once, in a nested execution state, with the module already in
//! `sys.modules` so that a circular import finds it partially initialised, as CPython's
//! does. A built-in module (`asyncio`, `sys`, ...) is implemented in Rust
//! ([`super::modules`]).
//!
//! Every module's globals live in the interpreter's one table of global slots: a module
//! compiled with its slots starting at `global_base` names them by absolute index, so a
//! global access costs what it cost with one module. [`Module::names`] maps each name of a
//! module to its slot; a name bound from outside that the module's code never mentions
//! (`m.x = 1`, `from m import *` into it) gets a new slot.
//!
//! Finding a module follows CPython's order: `sys.modules`; then the built-in and frozen
//! modules, which no file can shadow (`sys`, `time`, `os`, ...); then every entry of
//! `sys.path` in turn, where the program's directory comes first and the standard library's
//! entries find the built-in implementations — so a student's own `random.py` next to the
//! program is imported instead of `random`, as in CPython. The interpreter reads no files
//! itself: a [`Loader`] (the file system, in `scenario::loader`) finds and parses them.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use indexmap::IndexMap;

use super::exceptions::{ExcType, Exception, PyResult, type_error, value_error};
use super::symbol::Sym;
use super::value::{Key, Value};
use super::{ExecState, Exit, Interp};
use crate::ast;
use crate::bytecode::{Code, ImportMode};
use crate::compiler::{self, Target};
use crate::source::Source;

/// The modules implemented in Rust.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Native {
    Asyncio,
    Random,
    Time,
    Typing,
    /// The simulated `aiohttp`.
    Aiohttp,
    Sys,
    Importlib,
    /// `__future__`, for `from __future__ import annotations`.
    Future,
    /// `asyncio.exceptions`, where asyncio's exception classes are defined.
    AsyncioExceptions,
}

impl Native {
    pub fn name(self) -> &'static str {
        match self {
            Native::Asyncio => "asyncio",
            Native::Random => "random",
            Native::Time => "time",
            Native::Typing => "typing",
            Native::Aiohttp => "aiohttp",
            Native::Sys => "sys",
            Native::Importlib => "importlib",
            Native::Future => "__future__",
            Native::AsyncioExceptions => "asyncio.exceptions",
        }
    }

    /// The module's `__file__`, as a CPython installed under `/usr` shows it (`None` for a
    /// module built into the interpreter). CPython's own paths depend on where it is
    /// installed; scenario shows these, on every machine.
    pub fn file(self) -> Option<&'static str> {
        match self {
            Native::Asyncio => Some("/usr/lib/python3.11/asyncio/__init__.py"),
            Native::Random => Some("/usr/lib/python3.11/random.py"),
            Native::Typing => Some("/usr/lib/python3.11/typing.py"),
            Native::Importlib => Some("/usr/lib/python3.11/importlib/__init__.py"),
            Native::Future => Some("/usr/lib/python3.11/__future__.py"),
            Native::AsyncioExceptions => Some("/usr/lib/python3.11/asyncio/exceptions.py"),
            Native::Aiohttp => Some("/usr/lib/python3/dist-packages/aiohttp/__init__.py"),
            Native::Sys | Native::Time => None,
        }
    }

    fn package(self) -> bool {
        matches!(self, Native::Asyncio | Native::Importlib | Native::Aiohttp)
    }
}

/// What the standard library holds under a module name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Std {
    /// Implemented here.
    Native(Native),
    /// A standard module scenario does not implement (yet).
    Unsupported,
}

/// The standard module (or the simulated third-party one) of this dotted name, if any.
pub fn std_module(name: &str) -> Option<Std> {
    let native = match name {
        "asyncio" => Native::Asyncio,
        "random" => Native::Random,
        "time" => Native::Time,
        "typing" => Native::Typing,
        "aiohttp" => Native::Aiohttp,
        "sys" => Native::Sys,
        "importlib" => Native::Importlib,
        "__future__" => Native::Future,
        "asyncio.exceptions" => Native::AsyncioExceptions,
        _ => {
            let top = name.split('.').next().unwrap_or(name);
            return STDLIB_MODULES
                .binary_search(&top)
                .is_ok()
                .then_some(Std::Unsupported);
        }
    };
    Some(Std::Native(native))
}

/// Whether no file of the program can stand in for this standard module: it is built into
/// CPython, frozen into it, or imported before the program starts (`sys.builtin_module_names`,
/// the frozen modules, and what `site` imports), so CPython finds it before it looks at
/// `sys.path`.
pub fn unshadowable(name: &str) -> bool {
    let top = name.split('.').next().unwrap_or(name);
    UNSHADOWABLE.binary_search(&top).is_ok()
}

/// `sys.builtin_module_names`, CPython 3.11's frozen modules and the `encodings` package
/// `site` imports, sorted.
const UNSHADOWABLE: &[&str] = &[
    "_abc",
    "_ast",
    "_codecs",
    "_collections",
    "_collections_abc",
    "_frozen_importlib",
    "_frozen_importlib_external",
    "_functools",
    "_imp",
    "_io",
    "_locale",
    "_operator",
    "_signal",
    "_sitebuiltins",
    "_sre",
    "_stat",
    "_string",
    "_symtable",
    "_thread",
    "_tokenize",
    "_tracemalloc",
    "_warnings",
    "_weakref",
    "abc",
    "atexit",
    "builtins",
    "codecs",
    "encodings",
    "errno",
    "faulthandler",
    "gc",
    "genericpath",
    "io",
    "itertools",
    "marshal",
    "ntpath",
    "os",
    "posix",
    "posixpath",
    "pwd",
    "runpy",
    "site",
    "stat",
    "sys",
    "time",
    "xxsubtype",
    "zipimport",
];

/// `sys.stdlib_module_names` of CPython 3.11, sorted.
const STDLIB_MODULES: &[&str] = &include!("stdlib_names.in");

/// Where a [`Loader`] found a module.
#[derive(Clone, Debug)]
pub enum Found {
    /// `NAME.py`, or a package's `NAME/__init__.py` (then `package` is `NAME/`). Paths are
    /// as the program sees them.
    File {
        file: Rc<str>,
        package: Option<Rc<str>>,
    },
    /// A directory without `__init__.py`: a namespace package.
    Namespace { dir: Rc<str> },
}

/// A file of the program, parsed and checked.
pub struct Parsed {
    pub source: Rc<Source>,
    pub module: Rc<ast::Module>,
}

/// Where the interpreter gets the program's modules. Paths are strings as the program sees
/// them (`sys.path` entries, `__file__`); the loader maps them to files.
pub trait Loader {
    /// The module `name` (one component) in the directory `dir`, if there is one.
    fn find(&mut self, dir: &str, name: &str) -> Option<Found>;
    /// Read, parse and check a file found by [`Loader::find`], as file number `id`; or the
    /// rendered diagnostics that keep it from running.
    fn load(&mut self, file: &str, id: u32) -> Result<Parsed, String>;
}

/// A module object.
pub struct Module {
    /// Its number in `Interp::modules` (what `Code::module` refers to).
    pub id: u32,
    pub name: Rc<str>,
    /// A module implemented in Rust; `None` for the program's own.
    pub native: Option<Native>,
    /// `__file__`, as the program sees it.
    pub file: Option<Rc<str>>,
    /// A package's directory (`__path__[0]`).
    pub package: Option<Rc<str>>,
    /// Each name of the module and its global slot.
    pub names: RefCell<IndexMap<Rc<str>, u32>>,
    /// Its body is still running (a circular import sees it so).
    pub initializing: Cell<bool>,
}

impl Module {
    /// `<module 'm' from '/path/m.py'>`, as CPython writes it.
    pub fn repr(&self) -> String {
        match (&self.file, self.native, &self.package) {
            (Some(file), _, _) => format!("<module '{}' from '{file}'>", self.name),
            (None, Some(_), _) => format!("<module '{}' (built-in)>", self.name),
            (None, None, Some(_)) => format!("<module '{}' (namespace)>", self.name),
            (None, None, None) => format!("<module '{}'>", self.name),
        }
    }

    pub fn is_package(&self) -> bool {
        self.package.is_some() || self.native.is_some_and(Native::package)
    }

    /// `__package__`: the package a relative import inside the module starts from.
    pub fn package_name(&self) -> Option<Rc<str>> {
        if &*self.name == "__main__" {
            return None;
        }
        if self.is_package() {
            return Some(self.name.clone());
        }
        Some(Rc::from(
            self.name.rsplit_once('.').map_or("", |(parent, _)| parent),
        ))
    }
}

/// The dunder names every module of the program's own has, in CPython's order.
const MODULE_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__file__",
    "__cached__",
    "__builtins__",
];

impl Interp {
    /// A new module object, registered under its number.
    fn new_module(
        &mut self,
        name: &str,
        native: Option<Native>,
        file: Option<Rc<str>>,
        package: Option<Rc<str>>,
    ) -> Rc<Module> {
        let module = Rc::new(Module {
            id: self.modules.len() as u32,
            name: Rc::from(name),
            native,
            file,
            package,
            names: RefCell::new(IndexMap::new()),
            initializing: Cell::new(false),
        });
        self.modules.push(module.clone());
        module
    }

    /// A new global slot, unbound, falling back to the built-in of its name if `builtin`.
    fn new_global(&mut self, name: Rc<str>, builtin: bool) -> u32 {
        let slot = self.globals.len() as u32;
        let fallback = match builtin {
            true => super::builtins::lookup(&name).unwrap_or(Value::Unbound),
            false => Value::Unbound,
        };
        self.globals.push(Value::Unbound);
        self.fallbacks.push(fallback);
        self.global_names.push(name);
        slot
    }

    /// Compile a parsed file as module `module`, giving it the global slots its code uses.
    pub fn compile_module(
        &mut self,
        module: &Rc<Module>,
        parsed: &Parsed,
    ) -> Result<Rc<Code>, crate::diagnostic::Diagnostic> {
        let target = Target {
            source: parsed.source.clone(),
            module: module.id,
            global_base: self.globals.len() as u32,
        };
        let program = compiler::compile(&parsed.module, &mut self.symbols, &target)?;
        for name in &program.globals {
            let slot = self.new_global(name.clone(), true);
            module.names.borrow_mut().insert(name.clone(), slot);
        }
        let doc = docstring(&parsed.module).map_or(Value::None, Value::str);
        let package = match module.package_name() {
            Some(package) => Value::str(&*package),
            None => Value::None,
        };
        let file = module
            .file
            .as_ref()
            .map_or(Value::None, |f| Value::str(&**f));
        for dunder in MODULE_DUNDERS {
            let value = match *dunder {
                "__name__" => Value::str(&*module.name),
                "__doc__" => doc.clone(),
                "__package__" => package.clone(),
                "__file__" => file.clone(),
                "__cached__" if &*module.name == "__main__" => continue,
                "__cached__" => Value::None,
                "__builtins__" => Value::str("<module 'builtins' (built-in)>"),
                _ => Value::None,
            };
            self.set_module_name(module, dunder, value);
        }
        if let Some(dir) = &module.package {
            let path = Value::list(vec![Value::str(&**dir)]);
            self.set_module_name(module, "__path__", path);
        }
        Ok(program.module)
    }

    /// Bind `name` in a module's namespace.
    pub fn set_module_name(&mut self, module: &Module, name: &str, value: Value) {
        let slot = module.names.borrow().get(name).copied();
        let slot = match slot {
            Some(slot) => slot,
            None => {
                let name: Rc<str> = Rc::from(name);
                let slot = self.new_global(name.clone(), false);
                module.names.borrow_mut().insert(name, slot);
                slot
            }
        };
        self.globals[slot as usize] = value;
    }

    /// A name bound in a module of the program's own (`None` if unbound).
    pub fn module_global(&self, module: &Module, name: &str) -> Option<Value> {
        let slot = *module.names.borrow().get(name)?;
        match &self.globals[slot as usize] {
            Value::Unbound => None,
            value => Some(value.clone()),
        }
    }

    /// The names bound in a module, in the order its namespace has them.
    pub fn module_names(&self, module: &Module) -> Vec<Rc<str>> {
        module
            .names
            .borrow()
            .iter()
            .filter(|(_, slot)| !matches!(self.globals[**slot as usize], Value::Unbound))
            .map(|(name, _)| name.clone())
            .collect()
    }

    /// Register the main program as module `__main__` (module 0) and compile it.
    pub fn main_module(
        &mut self,
        parsed: &Parsed,
    ) -> Result<Rc<Code>, crate::diagnostic::Diagnostic> {
        let file = Some(Rc::from(parsed.source.path.as_str()));
        let module = self.new_module("__main__", None, file, None);
        let code = self.compile_module(&module, parsed)?;
        self.set_module_name(&module, "__spec__", Value::None);
        self.sys_modules_set("__main__", Value::Module(module));
        Ok(code)
    }

    fn sys_modules_get(&self, name: &str) -> Option<Value> {
        let key = Key::new(Value::str(name)).ok()?;
        self.sys_modules.borrow().get(&key).cloned()
    }

    fn sys_modules_set(&mut self, name: &str, module: Value) {
        if let Ok(key) = Key::new(Value::str(name)) {
            self.sys_modules.borrow_mut().insert(key, module);
        }
    }

    fn sys_modules_remove(&mut self, name: &str) {
        if let Ok(key) = Key::new(Value::str(name)) {
            self.sys_modules.borrow_mut().shift_remove(&key);
        }
    }

    /// The `import` statement: `ImportName` with the code that runs it.
    pub fn import_name(&mut self, code: &Code, spec: &Value) -> PyResult<Value> {
        let Value::Tuple(spec) = spec else {
            return Err(type_error("bad import spec"));
        };
        let name = spec.0[0].as_str().unwrap_or_default().to_string();
        let level = spec.0[1].as_i64().unwrap_or(0).max(0) as usize;
        let mode = ImportMode::from_int(spec.0[2].as_i64().unwrap_or(0));
        let package = self.modules[code.module as usize].package_name();
        self.import(&name, level, package.as_deref(), mode)
    }

    /// `import name` at `level` (leading dots) from `package`, returning what `mode` asks
    /// for: CPython's `__import__`.
    pub fn import(
        &mut self,
        name: &str,
        level: usize,
        package: Option<&str>,
        mode: ImportMode,
    ) -> PyResult<Value> {
        let absolute = if level > 0 {
            resolve_relative(name, level, package)?
        } else {
            if name.is_empty() {
                return Err(value_error("Empty module name"));
            }
            name.to_string()
        };
        let module = self.find_and_load(&absolute)?;
        if mode != ImportMode::Top || level > 0 || !absolute.contains('.') {
            return Ok(module);
        }
        let top = absolute.split('.').next().unwrap_or_default();
        self.sys_modules_get(top)
            .ok_or_else(|| Exception::msg(ExcType::KeyError, format!("'{top}'")))
    }

    /// CPython's `_gcd_import`: the module of this absolute dotted name, imported if it is
    /// not in `sys.modules` yet.
    fn find_and_load(&mut self, name: &str) -> PyResult<Value> {
        if let Some(module) = self.sys_modules_get(name) {
            if let Value::None = module {
                return Err(Exception::msg(
                    ExcType::ModuleNotFoundError,
                    format!("import of {name} halted; None in sys.modules"),
                ));
            }
            return Ok(module);
        }
        let (parent, child) = match name.rsplit_once('.') {
            Some((parent, child)) => (Some(parent), child),
            None => (None, name),
        };
        let mut parent_module = None;
        let dirs: Vec<Rc<str>> = match parent {
            Some(parent) => {
                let module = self.find_and_load(parent)?;
                // Importing the parent may have imported this module.
                if let Some(module) = self.sys_modules_get(name) {
                    return Ok(module);
                }
                let Value::Module(parent_mod) = &module else {
                    return Err(not_a_package(name, parent));
                };
                parent_module = Some(parent_mod.clone());
                if parent_mod.native.is_some() {
                    return match std_module(name) {
                        Some(Std::Native(_)) => self.load_std(name),
                        Some(Std::Unsupported) => Err(unsupported_module(name)),
                        None => Err(no_module(name)),
                    };
                }
                match &parent_mod.package {
                    Some(dir) => vec![dir.clone()],
                    None => return Err(not_a_package(name, parent)),
                }
            }
            None => {
                if unshadowable(name) {
                    return self.load_std(name);
                }
                self.sys_path_entries()
            }
        };
        for dir in dirs {
            if parent.is_none() && is_stdlib_entry(&dir) {
                if std_module(name).is_some() {
                    return self.load_std(name);
                }
                continue;
            }
            if let Some(found) = self.loader.find(&dir, child) {
                let module = self.load_found(name, found)?;
                if let Some(parent) = parent_module {
                    self.set_module_name(&parent, child, module.clone());
                }
                return Ok(module);
            }
        }
        Err(no_module(name))
    }

    /// The entries of `sys.path` that are strings.
    fn sys_path_entries(&self) -> Vec<Rc<str>> {
        self.sys_path
            .borrow()
            .iter()
            .filter_map(|entry| entry.as_str().map(Rc::from))
            .collect()
    }

    /// A standard module: the built-in implementation, or the error for one not
    /// implemented.
    fn load_std(&mut self, name: &str) -> PyResult<Value> {
        match std_module(name) {
            Some(Std::Native(native)) => {
                let file = native.file().map(Rc::from);
                let module = self.new_module(name, Some(native), file, None);
                let value = Value::Module(module);
                self.sys_modules_set(name, value.clone());
                Ok(value)
            }
            Some(Std::Unsupported) => Err(unsupported_module(name)),
            None => Err(no_module(name)),
        }
    }

    /// Load a module the loader found: compile it and run its body.
    fn load_found(&mut self, name: &str, found: Found) -> PyResult<Value> {
        let (file, package) = match found {
            Found::File { file, package } => (file, package),
            Found::Namespace { dir } => {
                let module = self.new_module(name, None, None, Some(dir.clone()));
                let path = Value::list(vec![Value::str(&*dir)]);
                self.set_module_name(&module, "__name__", Value::str(name));
                self.set_module_name(&module, "__path__", path);
                let value = Value::Module(module);
                self.sys_modules_set(name, value.clone());
                return Ok(value);
            }
        };
        let id = self.files.len() as u32;
        let parsed = match self.loader.load(&file, id) {
            Ok(parsed) => parsed,
            Err(diagnostics) => return Err(self.reject(diagnostics)),
        };
        self.files.push(parsed.source.clone());
        let module = self.new_module(name, None, Some(file), package);
        let code = match self.compile_module(&module, &parsed) {
            Ok(code) => code,
            Err(diagnostic) => {
                let text = diagnostic.render(&parsed.source);
                return Err(self.reject(text));
            }
        };
        let value = Value::Module(module.clone());
        self.sys_modules_set(name, value.clone());
        module.initializing.set(true);
        let result = self.run_module_body(code);
        module.initializing.set(false);
        if let Err(exc) = result {
            self.sys_modules_remove(name);
            return Err(exc);
        }
        // What the body left in sys.modules under its name is what the import gives; it
        // moves to the end, as CPython's `_load_unlocked` pops and re-inserts it.
        let loaded = self.sys_modules_get(name).unwrap_or(value);
        self.sys_modules_remove(name);
        self.sys_modules_set(name, loaded.clone());
        Ok(loaded)
    }

    /// Stop the run: a module imported at run time does not compile.
    fn reject(&mut self, diagnostics: String) -> Rc<Exception> {
        if self.abort.is_none() {
            self.abort = Some(super::Abort::Rejected(diagnostics));
        }
        Exception::new(ExcType::SystemExit, Vec::new())
    }

    /// Run a module's body to its end, in an execution state of its own.
    fn run_module_body(&mut self, code: Rc<Code>) -> PyResult<()> {
        if self.depth >= self.frame_limit {
            return Err(super::vm::recursion_error());
        }
        let mut state = ExecState::default();
        self.push_frame(&mut state, code, Vec::new(), None);
        self.depth += 1;
        let exit = self.run(&mut state, 0, None);
        self.depth -= 1;
        match exit {
            Exit::Return(_) => Ok(()),
            Exit::Raise(exc) => Err(exc),
            Exit::Suspend(_) | Exit::Yield(_) => Err(super::exceptions::runtime_error(
                "module code cannot await or yield",
            )),
        }
    }

    /// `from module import name`: the attribute, or the submodule of that name.
    pub fn import_from(&mut self, module: &Value, name: Sym) -> PyResult<Value> {
        let text = self.symbols.name(name).clone();
        let Value::Module(module) = module else {
            return self.get_attribute(module, name).map_err(|_| {
                Exception::msg(
                    ExcType::ImportError,
                    format!("cannot import name '{text}' from '{}'", module.repr()),
                )
            });
        };
        if let Some(value) = self.module_member(module, name) {
            return Ok(value);
        }
        if module.is_package() {
            let sub = format!("{}.{text}", module.name);
            match self.find_and_load(&sub) {
                Ok(value) => return Ok(value),
                Err(exc) if exc.ty == ExcType::ModuleNotFoundError => {}
                Err(exc) => return Err(exc),
            }
        }
        let location = match &module.file {
            Some(file) => file.to_string(),
            None => "unknown location".to_string(),
        };
        let message = if module.initializing.get() {
            format!(
                "cannot import name '{text}' from partially initialized module '{}' \
                 (most likely due to a circular import) ({location})",
                module.name
            )
        } else {
            format!(
                "cannot import name '{text}' from '{}' ({location})",
                module.name
            )
        };
        Err(Exception::msg(ExcType::ImportError, message))
    }

    /// `from module import *`, into the module of `code`.
    pub fn import_star(&mut self, code: &Code, module: &Value) -> PyResult<()> {
        let Value::Module(module) = module else {
            return Err(type_error("import * from a non-module"));
        };
        let target = self.modules[code.module as usize].clone();
        let names: Vec<Rc<str>> = match self.module_all(module)? {
            Some(names) => names,
            None => self
                .module_public_names(module)
                .into_iter()
                .filter(|n| !n.starts_with('_'))
                .collect(),
        };
        for name in names {
            let sym = self.symbols.intern(&name);
            let value = match self.module_member(module, sym) {
                Some(value) => value,
                None => {
                    return Err(Exception::msg(
                        ExcType::AttributeError,
                        format!("module '{}' has no attribute '{name}'", module.name),
                    ));
                }
            };
            self.set_module_name(&target, &name, value);
        }
        Ok(())
    }

    /// A module's `__all__`, if it has one.
    fn module_all(&mut self, module: &Module) -> PyResult<Option<Vec<Rc<str>>>> {
        let Some(all) = self.module_global(module, "__all__") else {
            return Ok(None);
        };
        let items = self.collect_iterable(all)?;
        let mut names = Vec::new();
        for item in items {
            match item.as_str() {
                Some(name) => names.push(Rc::from(name)),
                None => {
                    return Err(type_error(format!(
                        "Item in {}.__all__ must be str, not {}",
                        module.name,
                        item.type_name()
                    )));
                }
            }
        }
        Ok(Some(names))
    }

    /// The names `dir(module)` and `import *` see.
    pub fn module_public_names(&mut self, module: &Module) -> Vec<Rc<str>> {
        match module.native {
            Some(native) => super::modules::dir_of(native)
                .iter()
                .filter(|name| {
                    let sym = self.symbols.intern(name);
                    super::modules::member(self, native, sym).is_some()
                })
                .map(|n| Rc::from(*n))
                .collect(),
            None => self.module_names(module),
        }
    }

    /// `module.name`, if the module has it.
    pub fn module_member(&mut self, module: &Rc<Module>, name: Sym) -> Option<Value> {
        match module.native {
            Some(native) => match &**self.symbols.name(name) {
                "__name__" => Some(Value::str(&*module.name)),
                "__file__" => module.file.as_deref().map(Value::str),
                "__package__" => Some(Value::str(if native.package() {
                    native.name()
                } else {
                    ""
                })),
                "__doc__" | "__spec__" | "__loader__" => Some(Value::None),
                // A submodule `import asyncio` has imported too.
                "exceptions" if native == Native::Asyncio => {
                    self.find_and_load("asyncio.exceptions").ok()
                }
                _ => super::modules::member(self, native, name),
            },
            None => {
                let text = self.symbols.name(name);
                self.module_global(module, text)
            }
        }
    }

    /// `module.name = value`.
    pub fn set_module_attribute(
        &mut self,
        module: &Rc<Module>,
        name: Sym,
        value: Value,
    ) -> PyResult<()> {
        if module.native.is_some() {
            return Err(Exception::msg(
                ExcType::AttributeError,
                format!(
                    "scenario cannot assign to module attribute '{}' of the built-in module '{}'",
                    self.symbols.name(name),
                    module.name
                ),
            ));
        }
        let text = self.symbols.name(name).clone();
        self.set_module_name(module, &text, value);
        Ok(())
    }

    /// The error for `module.name` when the module has no such name.
    pub fn module_attribute_error(&mut self, module: &Module, name: Sym) -> Rc<Exception> {
        let attribute = self.symbols.name(name).clone();
        let message = if module.initializing.get() {
            format!(
                "partially initialized module '{}' has no attribute '{attribute}' \
                 (most likely due to a circular import)",
                module.name
            )
        } else {
            format!("module '{}' has no attribute '{attribute}'", module.name)
        };
        let error = Exception::msg(ExcType::AttributeError, message);
        let suggestion: Option<Rc<str>> = match module.native {
            Some(native) => {
                super::suggest::closest(&attribute, super::modules::dir_of(native)).map(Rc::from)
            }
            None => {
                let names = self.module_names(module);
                let names: Vec<&str> = names.iter().map(|n| &**n).collect();
                super::suggest::closest(&attribute, &names).map(Rc::from)
            }
        };
        *error.suggestion.borrow_mut() = suggestion;
        error
    }
}

/// The module's docstring: its first statement, if that is a string literal.
pub fn docstring(module: &ast::Module) -> Option<String> {
    body_docstring(&module.body)
}

/// The docstring of a body: its first statement, if that is a string literal.
pub fn body_docstring(body: &[ast::Stmt]) -> Option<String> {
    let first = body.first()?;
    let ast::StmtKind::Expr(expr) = &first.kind else {
        return None;
    };
    match &expr.kind {
        ast::ExprKind::Constant(ast::Constant::Str(text)) => Some(text.to_string()),
        _ => None,
    }
}

/// Whether a `sys.path` entry is one of the standard library's.
pub fn is_stdlib_entry(dir: &str) -> bool {
    STDLIB_PATH.contains(&dir)
}

/// The standard library's entries of `sys.path`, after the program's directory: the
/// directories of a CPython 3.11 installed under `/usr`.
pub const STDLIB_PATH: &[&str] = &[
    "/usr/lib/python311.zip",
    "/usr/lib/python3.11",
    "/usr/lib/python3.11/lib-dynload",
    "/usr/local/lib/python3.11/dist-packages",
    "/usr/lib/python3/dist-packages",
];

/// The absolute name of a relative import (CPython's `_resolve_name`), with CPython's
/// error when there is none.
fn resolve_relative(name: &str, level: usize, package: Option<&str>) -> PyResult<String> {
    absolute_name(name, level, package)
        .map_err(|message| Exception::msg(ExcType::ImportError, message))
}

/// The absolute name of `name` imported with `level` leading dots from `package`, or why
/// there is none.
pub fn absolute_name(
    name: &str,
    level: usize,
    package: Option<&str>,
) -> Result<String, &'static str> {
    let Some(package) = package.filter(|p| !p.is_empty()) else {
        return Err("attempted relative import with no known parent package");
    };
    let parts: Vec<&str> = package.split('.').collect();
    if level > parts.len() {
        return Err("attempted relative import beyond top-level package");
    }
    let base = parts[..parts.len() + 1 - level].join(".");
    Ok(if name.is_empty() {
        base
    } else {
        format!("{base}.{name}")
    })
}

fn no_module(name: &str) -> Rc<Exception> {
    Exception::msg(
        ExcType::ModuleNotFoundError,
        format!("No module named '{name}'"),
    )
}

fn not_a_package(name: &str, parent: &str) -> Rc<Exception> {
    Exception::msg(
        ExcType::ModuleNotFoundError,
        format!("No module named '{name}'; '{parent}' is not a package"),
    )
}

/// A standard module scenario does not implement, imported by a name only known at run
/// time (a literal one is a static error): CPython's error, with a note saying why.
fn unsupported_module(name: &str) -> Rc<Exception> {
    let error = no_module(name);
    let note =
        format!("scenario: '{name}' is a standard module that scenario does not implement yet");
    *error.notes.borrow_mut() = Some(Value::list(vec![Value::str(note)]));
    error
}
