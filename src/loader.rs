//! The program's files: the main file and the modules it imports, read from the file system.
//!
//! The interpreter reads no files itself; it asks a [`Loader`] (this [`FsLoader`]) for the
//! module a name stands for in a directory, and for its parsed and checked text. Paths cross
//! that boundary as the program sees them: absolute, as CPython shows them in `__file__` and
//! tracebacks, with the directory of `scenario.toml`'s `[paths] root` shown as that root
//! ([`PathMap`]), so that goldens do not depend on where a suite is checked out.
//!
//! Before a program runs, [`FsLoader::preload`] follows its imports of literal names
//! (`import m`, `from m import x`, `__import__('0-basic')`, `importlib.import_module('m')`)
//! from module to module and checks every file it reaches, so that a syntax error or an
//! unsupported construct anywhere in the program is reported before anything runs, like an
//! error in the main file.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::rc::Rc;

use crate::ast::{self, Arg, Expr, ExprKind, Node, StmtKind};
use crate::check;
use crate::compiler;
use crate::diagnostic::Diagnostic;
use crate::interp::import::{Found, Loader, Parsed, absolute_name, unshadowable};
use crate::interp::symbol::Interner;
use crate::parser;
use crate::source::Source;

/// Absolute paths under `real` are shown as under `shown` (`[paths] root`).
#[derive(Clone, Debug, PartialEq)]
pub struct PathMap {
    pub real: PathBuf,
    pub shown: String,
}

/// A file the program could not be run with, and why.
pub struct Rejected {
    pub source: Rc<Source>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Rejected {
    pub fn render(&self) -> String {
        self.diagnostics
            .iter()
            .map(|d| d.render(&self.source))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

/// The files of one program, on the file system.
///
/// Paths are built as CPython's import system builds them, as strings: the main file is the
/// current directory joined with the path the user gave (not normalised: `./main.py` is
/// `/dir/./main.py`), `sys.path[0]` is the main file's real directory, a relative
/// `sys.path` entry is joined with the current directory, and a module's file is its
/// entry joined with `NAME.py` or `NAME/__init__.py`.
pub struct FsLoader {
    /// The directory relative paths are taken from.
    cwd: String,
    /// The directory of the main file, with symbolic links resolved, as the program sees it.
    main_dir: String,
    /// The directory part of the name diagnostics give the main file (`scenarios/x/`).
    name_dir: String,
    map: Option<PathMap>,
    /// Files parsed and checked before the run, by the path the program sees.
    parsed: HashMap<String, Parsed>,
    next_id: u32,
}

impl FsLoader {
    /// The loader of the program whose main file is at `main` (a path, relative to the
    /// current directory or absolute), named `name` in diagnostics.
    pub fn new(name: &str, main: &str, map: Option<PathMap>) -> FsLoader {
        let real_cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("/"));
        let main_path = real_cwd.join(main);
        let real_dir = main_path
            .parent()
            .and_then(|dir| dir.canonicalize().ok())
            .unwrap_or_else(|| real_cwd.clone());
        let name_dir = match name.rfind('/') {
            Some(slash) => name[..=slash].to_string(),
            None => String::new(),
        };
        let mut loader = FsLoader {
            cwd: String::new(),
            main_dir: String::new(),
            name_dir,
            map,
            parsed: HashMap::new(),
            next_id: 1,
        };
        loader.cwd = real_cwd.to_string_lossy().into_owned();
        loader.main_dir = loader.shown(&real_dir.to_string_lossy());
        loader
    }

    /// The main file's path as the program sees it (`__file__`).
    pub fn main_path(&self, main: &str) -> String {
        if main.starts_with('/') {
            self.shown(main)
        } else {
            self.shown(&format!("{}/{main}", self.cwd))
        }
    }

    /// The main file's directory as the program sees it (`sys.path[0]`).
    pub fn main_dir(&self) -> String {
        self.main_dir.clone()
    }

    /// A real absolute path as the program sees it.
    fn shown(&self, real: &str) -> String {
        if let Some(map) = &self.map {
            let root = map.real.to_string_lossy();
            let root = root.trim_end_matches('/');
            if real == root {
                return map.shown.clone();
            }
            if let Some(rest) = real.strip_prefix(root).filter(|r| r.starts_with('/')) {
                return format!("{}{rest}", map.shown.trim_end_matches('/'));
            }
        }
        real.to_string()
    }

    /// The real path of an absolute path as the program sees it.
    fn real(&self, shown: &str) -> PathBuf {
        if let Some(map) = &self.map {
            let root = map.shown.trim_end_matches('/');
            if shown == root || shown == map.shown {
                return map.real.clone();
            }
            if let Some(rest) = shown.strip_prefix(root).filter(|r| r.starts_with('/')) {
                return map.real.join(&rest[1..]);
            }
        }
        PathBuf::from(shown)
    }

    /// A `sys.path` entry made absolute, as CPython's path finder makes it: `''` and `'.'`
    /// are the current directory, another relative entry is joined with it.
    fn absolute_entry(&self, entry: &str) -> String {
        let trimmed = entry.trim_end_matches('/');
        match entry {
            "" | "." => self.shown(&self.cwd),
            _ if entry.starts_with('/') => {
                if trimmed.is_empty() {
                    "/".to_string()
                } else {
                    trimmed.to_string()
                }
            }
            _ => self.shown(&format!("{}/{trimmed}", self.cwd)),
        }
    }

    /// The name diagnostics give a file: for a file under the main file's directory, its
    /// path from there joined to the directory of the main file's name (`scenarios/x/m.py`
    /// beside `scenarios/x/main.py`); for another, its absolute path.
    fn display_name(&self, shown: &str) -> String {
        match shown
            .strip_prefix(&self.main_dir)
            .and_then(|r| r.strip_prefix('/'))
        {
            Some(relative) => format!("{}{relative}", self.name_dir),
            None => shown.to_string(),
        }
    }

    /// Whether a file of the program stands for the top-level module `name`: CPython would
    /// import it from the program's directory instead of a standard module.
    pub fn is_local(&self, name: &str) -> bool {
        let top = name.split('.').next().unwrap_or(name);
        !unshadowable(top) && self.find_file(&self.main_dir, top).is_some()
    }

    /// CPython's `FileFinder` in directory `dir` (absolute, as the program sees it): a
    /// package directory with `__init__.py` first, then `NAME.py`, then a directory
    /// without one (a namespace package).
    fn find_file(&self, dir: &str, name: &str) -> Option<Found> {
        if name.is_empty() || name.contains(['/', '\\']) || name == "." || name == ".." {
            return None;
        }
        let join = |tail: &str| {
            if dir.ends_with('/') {
                format!("{dir}{tail}")
            } else {
                format!("{dir}/{tail}")
            }
        };
        let package = join(name);
        let real_package = self.real(&package);
        if real_package.join("__init__.py").is_file() {
            return Some(Found::File {
                file: Rc::from(format!("{package}/__init__.py")),
                package: Some(Rc::from(package)),
            });
        }
        let file = join(&format!("{name}.py"));
        if self.real(&file).is_file() {
            return Some(Found::File {
                file: Rc::from(file),
                package: None,
            });
        }
        real_package.is_dir().then(|| Found::Namespace {
            dir: Rc::from(package),
        })
    }

    /// Parse and check a file's bytes.
    pub fn front_end(&self, name: &str, path: &str, bytes: Vec<u8>, id: u32) -> FrontEnd {
        let (source, error) = Source::from_bytes(name, bytes);
        let source = Rc::new(source.with_path(path, id));
        if let Some(diagnostic) = error {
            return Err(Rejected {
                source,
                diagnostics: vec![diagnostic],
            });
        }
        let module = match parser::parse(&source) {
            Ok(module) => module,
            Err(diagnostic) => {
                return Err(Rejected {
                    source,
                    diagnostics: vec![diagnostic],
                });
            }
        };
        let diagnostics = check::check(&module, &|name| self.is_local(name));
        if !diagnostics.is_empty() {
            return Err(Rejected {
                source,
                diagnostics,
            });
        }
        Ok(Parsed {
            source,
            module: Rc::new(module),
        })
    }

    /// Follow the program's imports of literal names from `main`, parsing and checking
    /// every module file they reach (compiling it too, to find what only the compiler
    /// reports). What it finds is kept for the run; what cannot run is returned, in the
    /// order the imports reach it.
    pub fn preload(&mut self, main: &Parsed) -> Vec<Rejected> {
        let mut rejected = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let mut queue: Vec<(Rc<ast::Module>, Option<String>)> = vec![(main.module.clone(), None)];
        while let Some((module, package)) = queue.pop() {
            let mut names = Vec::new();
            imported_names(&module.body, package.as_deref(), &mut names);
            for name in names {
                for (file, package) in self.locate(&name) {
                    if !seen.insert(file.clone()) {
                        continue;
                    }
                    let Ok(bytes) = std::fs::read(self.real(&file)) else {
                        continue;
                    };
                    let id = self.next_id;
                    match self.front_end(&self.display_name(&file), &file, bytes, id) {
                        Ok(parsed) => {
                            if let Err(diagnostic) = trial_compile(&parsed) {
                                rejected.push(Rejected {
                                    source: parsed.source.clone(),
                                    diagnostics: vec![diagnostic],
                                });
                                continue;
                            }
                            self.next_id += 1;
                            queue.push((parsed.module.clone(), package));
                            self.parsed.insert(file, parsed);
                        }
                        Err(error) => rejected.push(error),
                    }
                }
            }
        }
        rejected
    }

    /// The files an import of the absolute dotted `name` loads from the program's directory:
    /// each package on the way and the module, with the package each is in.
    fn locate(&self, name: &str) -> Vec<(String, Option<String>)> {
        let mut files = Vec::new();
        let parts: Vec<&str> = name.split('.').collect();
        if parts.iter().any(|p| p.is_empty()) || unshadowable(parts[0]) {
            return files;
        }
        let mut dir = self.main_dir.clone();
        for (i, part) in parts.iter().enumerate() {
            match self.find_file(&dir, part) {
                Some(Found::File { file, package }) => {
                    let own = parts[..=i].join(".");
                    let package_name = match package {
                        Some(_) => Some(own),
                        None => (i > 0).then(|| parts[..i].join(".")),
                    };
                    files.push((file.to_string(), package_name));
                    match package {
                        Some(package) => dir = package.to_string(),
                        None => break,
                    }
                }
                Some(Found::Namespace { dir: next }) => dir = next.to_string(),
                None => break,
            }
        }
        files
    }
}

type FrontEnd = Result<Parsed, Rejected>;

/// Compile a module on its own, to find the errors only the compiler reports.
fn trial_compile(parsed: &Parsed) -> Result<(), Diagnostic> {
    compile_alone(parsed).map(|_| ())
}

/// A module's code compiled on its own (for `scenario dis`, and to find the errors only the
/// compiler reports).
pub fn compile_alone(parsed: &Parsed) -> Result<Rc<crate::bytecode::Code>, Diagnostic> {
    let target = compiler::Target {
        source: parsed.source.clone(),
        module: 0,
        global_base: 0,
    };
    compiler::compile(&parsed.module, &mut Interner::default(), &target).map(|p| p.module)
}

impl Loader for FsLoader {
    fn find(&mut self, dir: &str, name: &str) -> Option<Found> {
        let dir = self.absolute_entry(dir);
        self.find_file(&dir, name)
    }

    fn load(&mut self, file: &str, id: u32) -> Result<Parsed, String> {
        if let Some(parsed) = self.parsed.remove(file) {
            // Preloaded under the next free number; the run numbers files as it loads them.
            let source = Source::new(parsed.source.name.clone(), parsed.source.text.clone())
                .with_path(parsed.source.path.clone(), id);
            return Ok(Parsed {
                source: Rc::new(source),
                module: parsed.module,
            });
        }
        let real = self.real(file);
        let bytes = std::fs::read(&real)
            .map_err(|e| format!("scenario: cannot read {}: {e}\n", real.display()))?;
        let name = self.display_name(file);
        self.front_end(&name, file, bytes, id)
            .map_err(|rejected| rejected.render())
    }
}

/// The absolute names of the modules a body imports by literal names: `import` and `from`
/// statements anywhere in it, `__import__('name')` and `importlib.import_module('name')`.
fn imported_names(body: &[ast::Stmt], package: Option<&str>, names: &mut Vec<String>) {
    let absolute = |name: &str, level: usize| match level {
        0 => Some(name.to_string()),
        _ => absolute_name(name, level, package).ok(),
    };
    ast::walk(body, &mut |node| match node {
        Node::Stmt(stmt) => match &stmt.kind {
            StmtKind::Import(imports) => {
                for import in imports {
                    names.push(import.name.id.to_string());
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names: imported,
            } => {
                if let Some(base) = absolute(&module.id, *level) {
                    for name in imported {
                        // `from package import submodule` loads the submodule.
                        names.push(format!("{base}.{}", name.name.id));
                    }
                    names.push(base);
                }
            }
            _ => {}
        },
        Node::Expr(expr) => literal_import(expr, names),
    });
}

/// `__import__('name')` or `importlib.import_module('name')`.
fn literal_import(expr: &Expr, names: &mut Vec<String>) {
    let ExprKind::Call { func, args } = &expr.kind else {
        return;
    };
    let is_import = match &func.kind {
        ExprKind::Name(name) => &**name == "__import__",
        ExprKind::Attribute { attr, .. } => &*attr.id == "import_module",
        _ => false,
    };
    if !is_import {
        return;
    }
    if let Some(Arg::Positional(first)) = args.first()
        && let ExprKind::Constant(ast::Constant::Str(name)) = &first.kind
        && !name.starts_with('.')
    {
        names.push(name.to_string());
    }
}
