//! Static checks: what must be rejected before a scenario runs.
//!
//! Two kinds of problems, all reported at once and in source order:
//! - what CPython itself rejects at compile time but the grammar cannot express
//!   (`await` outside `async def`, `return` outside a function, `break` outside a loop),
//!   with CPython's wording;
//! - valid Python outside the subset `scenario` runs: the unsupported constructs the parser
//!   kept as named nodes, standard modules scenario does not implement (a module of the
//!   program's own, or one that does not exist, is the import's business at run time),
//!   members of the implemented modules that are not implemented, and built-ins such as
//!   `open` — each named, with what to use instead where there is something.

use std::collections::HashSet;
use std::rc::Rc;

use crate::ast::*;
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::source::Span;

use crate::interp::import::{Std, std_module, unshadowable};

/// The implemented standard module of this name, if it is one and no file of the program
/// stands in for it.
fn native_module(name: &str, is_local: &dyn Fn(&str) -> bool) -> Option<&'static str> {
    if !unshadowable(name) && is_local(name) {
        return None;
    }
    match std_module(name) {
        Some(Std::Native(native)) => Some(native.name()),
        _ => None,
    }
}

/// Members of the importable modules that CPython has and `scenario` does not (yet).
fn unimplemented_member(module: &str, name: &str) -> bool {
    match module {
        "asyncio" => matches!(
            name,
            "get_event_loop_policy"
                | "set_event_loop_policy"
                | "run_coroutine_threadsafe"
                | "wrap_future"
                | "Runner"
                | "open_connection"
                | "start_server"
                | "StreamReader"
                | "StreamWriter"
                | "create_subprocess_exec"
                | "create_subprocess_shell"
                | "subprocess"
                | "AbstractEventLoop"
                | "BaseEventLoop"
                | "Handle"
                | "TimerHandle"
                | "LimitOverrunError"
                | "IncompleteReadError"
                | "Protocol"
        ),
        "random" => matches!(
            name,
            "betavariate"
                | "gammavariate"
                | "lognormvariate"
                | "vonmisesvariate"
                | "paretovariate"
                | "weibullvariate"
                | "getstate"
                | "setstate"
                | "randbytes"
                | "Random"
                | "SystemRandom"
        ),
        "time" => matches!(
            name,
            "strftime"
                | "strptime"
                | "gmtime"
                | "localtime"
                | "ctime"
                | "asctime"
                | "mktime"
                | "process_time"
                | "process_time_ns"
                | "thread_time"
                | "thread_time_ns"
                | "struct_time"
                | "get_clock_info"
                | "timezone"
                | "tzname"
        ),
        "asyncio.exceptions" => matches!(
            name,
            "IncompleteReadError" | "LimitOverrunError" | "SendfileNotAvailableError"
        ),
        "sys" => matches!(
            name,
            "hexversion"
                | "implementation"
                | "executable"
                | "orig_argv"
                | "stdin"
                | "exc_info"
                | "exception"
                | "getsizeof"
                | "getrefcount"
                | "intern"
                | "float_info"
                | "int_info"
                | "byteorder"
                | "flags"
                | "prefix"
                | "exec_prefix"
                | "base_prefix"
                | "settrace"
                | "setprofile"
                | "gettrace"
                | "getprofile"
                | "_getframe"
                | "excepthook"
                | "displayhook"
                | "getdefaultencoding"
                | "getfilesystemencoding"
                | "meta_path"
                | "path_hooks"
                | "path_importer_cache"
                | "builtin_module_names"
                | "stdlib_module_names"
                | "get_asyncgen_hooks"
                | "set_asyncgen_hooks"
                | "audit"
                | "addaudithook"
        ),
        "importlib" => matches!(
            name,
            "reload"
                | "invalidate_caches"
                | "util"
                | "machinery"
                | "resources"
                | "metadata"
                | "abc"
                | "find_loader"
        ),
        _ => false,
    }
}

/// CPython built-ins outside the subset, and what to do instead.
fn unsupported_builtin(name: &str) -> Option<Option<&'static str>> {
    Some(match name {
        "open" => Some("scenarios do no file I/O; keep data in the program"),
        "input" => Some("scenarios read no input; put the values in the program"),
        "exec" | "eval" | "compile" => None,
        "globals" | "locals" | "vars" => None,
        "setattr" | "delattr" => Some("use a dict"),
        "super" | "property" | "staticmethod" | "classmethod" | "issubclass" => {
            Some("scenarios have no classes; use functions and dicts")
        }
        "id" => Some("object addresses differ from run to run; compare with `is`"),
        "memoryview" | "bytearray" | "bytes" | "complex" | "breakpoint" | "help" => None,
        _ => return None,
    })
}

#[derive(Clone, Copy)]
struct Context {
    in_function: bool,
    in_async: bool,
    in_loop: bool,
}

struct Checker<'a> {
    diagnostics: Vec<Diagnostic>,
    /// Whether a file of the program provides the top-level module of this name.
    is_local: &'a dyn Fn(&str) -> bool,
    /// Names bound anywhere in the program (a user's `open` is fine).
    bound: HashSet<Rc<str>>,
    /// Local names that refer to an importable module, and which.
    module_aliases: Vec<(Rc<str>, &'static str)>,
}

/// Check a parsed module; an empty list means it may run. `is_local` says whether a file
/// of the program provides a top-level module (which then stands in for a standard one).
pub fn check(module: &Module, is_local: &dyn Fn(&str) -> bool) -> Vec<Diagnostic> {
    let mut checker = Checker {
        diagnostics: Vec::new(),
        is_local,
        bound: HashSet::new(),
        module_aliases: Vec::new(),
    };
    collect_bindings(
        &module.body,
        &mut checker.bound,
        &mut checker.module_aliases,
        is_local,
    );
    let context = Context {
        in_function: false,
        in_async: false,
        in_loop: false,
    };
    checker.block(&module.body, context);
    let mut diagnostics = checker.diagnostics;
    diagnostics.sort_by_key(|d| (d.span.start, d.span.end));
    diagnostics.dedup();
    diagnostics
}

/// Every name the program binds, and the names that are importable modules.
fn collect_bindings(
    body: &[Stmt],
    bound: &mut HashSet<Rc<str>>,
    aliases: &mut Vec<(Rc<str>, &'static str)>,
    is_local: &dyn Fn(&str) -> bool,
) {
    fn target(expr: &Expr, bound: &mut HashSet<Rc<str>>) {
        match &expr.kind {
            ExprKind::Name(name) => {
                bound.insert(name.clone());
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().for_each(|e| target(e, bound))
            }
            ExprKind::Starred(inner) => target(inner, bound),
            _ => {}
        }
    }
    for stmt in body {
        match &stmt.kind {
            StmtKind::Assign { targets, .. } => targets.iter().for_each(|t| target(t, bound)),
            StmtKind::AugAssign { target: t, .. } | StmtKind::AnnAssign { target: t, .. } => {
                target(t, bound)
            }
            StmtKind::For {
                target: t,
                body,
                orelse,
                ..
            } => {
                target(t, bound);
                collect_bindings(body, bound, aliases, is_local);
                collect_bindings(orelse, bound, aliases, is_local);
            }
            StmtKind::FunctionDef(def) => {
                bound.insert(def.name.id.clone());
                for param in def.params.all() {
                    bound.insert(param.name.id.clone());
                }
                collect_bindings(&def.body, bound, aliases, is_local);
            }
            StmtKind::If { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
                collect_bindings(body, bound, aliases, is_local);
                collect_bindings(orelse, bound, aliases, is_local);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_bindings(body, bound, aliases, is_local);
                for handler in handlers {
                    if let Some(name) = &handler.name {
                        bound.insert(name.id.clone());
                    }
                    collect_bindings(&handler.body, bound, aliases, is_local);
                }
                collect_bindings(orelse, bound, aliases, is_local);
                collect_bindings(finalbody, bound, aliases, is_local);
            }
            StmtKind::Import(names) => {
                for name in names {
                    let local: Rc<str> = match &name.alias {
                        Some(alias) => alias.id.clone(),
                        None => Rc::from(name.name.id.split('.').next().unwrap_or_default()),
                    };
                    bound.insert(local.clone());
                    if let Some(module) = native_module(&name.name.id, is_local) {
                        aliases.push((local, module));
                    }
                }
            }
            StmtKind::ImportFrom { names, .. } => {
                for name in names {
                    bound.insert(name.alias.as_ref().unwrap_or(&name.name).id.clone());
                }
            }
            _ => {}
        }
    }
}

impl Checker<'_> {
    fn error(&mut self, message: impl Into<String>, span: Span) {
        self.diagnostics.push(Diagnostic::syntax(message, span));
    }

    fn unsupported(&mut self, message: impl Into<String>, span: Span, help: Option<&str>) {
        let mut diagnostic = Diagnostic::new(ErrorKind::Unsupported, message, span);
        if let Some(help) = help {
            diagnostic = diagnostic.with_help(help);
        }
        self.diagnostics.push(diagnostic);
    }

    fn construct(&mut self, construct: Construct, span: Span) {
        self.unsupported(construct.describe(), span, construct.help());
    }

    fn block(&mut self, body: &[Stmt], context: Context) {
        for stmt in body {
            self.stmt(stmt, context);
        }
    }

    fn stmt(&mut self, stmt: &Stmt, context: Context) {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e, context),
            StmtKind::Assign { targets, value } => {
                targets.iter().for_each(|t| self.expr(t, context));
                self.expr(value, context);
            }
            StmtKind::AugAssign { target, op, value } => {
                if *op == BinOp::MatMul {
                    self.construct(Construct::MatMul, stmt.span);
                }
                self.expr(target, context);
                self.expr(value, context);
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                self.expr(target, context);
                self.expr(annotation, context);
                if let Some(value) = value {
                    self.expr(value, context);
                }
            }
            StmtKind::FunctionDef(def) => self.function(def, context),
            StmtKind::Return(value) => {
                if !context.in_function {
                    self.error("'return' outside function", stmt.span);
                }
                if let Some(value) = value {
                    self.expr(value, context);
                }
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test, context);
                self.block(body, context);
                self.block(orelse, context);
            }
            StmtKind::While { test, body, orelse } => {
                self.expr(test, context);
                self.block(
                    body,
                    Context {
                        in_loop: true,
                        ..context
                    },
                );
                self.block(orelse, context);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async && !context.in_async {
                    self.error("'async for' outside async function", stmt.span);
                }
                self.expr(target, context);
                self.expr(iter, context);
                self.block(
                    body,
                    Context {
                        in_loop: true,
                        ..context
                    },
                );
                self.block(orelse, context);
            }
            StmtKind::Break => {
                if !context.in_loop {
                    self.error("'break' outside loop", stmt.span);
                }
            }
            StmtKind::Continue => {
                if !context.in_loop {
                    self.error("'continue' not properly in loop", stmt.span);
                }
            }
            StmtKind::Pass | StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(body, context);
                for handler in handlers {
                    if let Some(kind) = &handler.kind {
                        self.expr(kind, context);
                    }
                    let mut inner = context;
                    if handler.star
                        && let Some(span) = star_block_exit(&handler.body, false)
                    {
                        self.error(
                            "'break', 'continue' and 'return' cannot appear in an except* block",
                            span,
                        );
                        inner.in_loop = true; // one error for that `break`, not two
                    }
                    self.block(&handler.body, inner);
                }
                self.block(orelse, context);
                self.block(finalbody, context);
            }
            StmtKind::Raise { exc, cause } => {
                for e in [exc, cause].into_iter().flatten() {
                    self.expr(e, context);
                }
            }
            StmtKind::Import(names) => {
                for name in names {
                    self.module(&name.name.id, 0, name.name.span);
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                if names.is_empty() && context.in_function {
                    self.error("import * only allowed at module level", stmt.span);
                }
                if self.module(&module.id, *level, stmt.span) {
                    for name in names {
                        if unimplemented_member(&module.id, &name.name.id) {
                            self.unsupported(
                                format!("{}.{} is not supported yet", module.id, name.name.id),
                                name.name.span,
                                None,
                            );
                        }
                    }
                }
            }
            StmtKind::Del(targets) => targets.iter().for_each(|t| self.expr(t, context)),
            StmtKind::Assert { test, msg } => {
                self.expr(test, context);
                if let Some(msg) = msg {
                    self.expr(msg, context);
                }
            }
            StmtKind::AsyncWith { items, body } => {
                if !context.in_async {
                    self.error("'async with' outside async function", stmt.span);
                }
                for item in items {
                    self.expr(&item.context, context);
                    if let Some(target) = &item.target {
                        self.expr(target, context);
                    }
                }
                self.block(body, context);
            }
            StmtKind::Unsupported(construct) => self.construct(*construct, stmt.span),
        }
    }

    /// Check an imported module name; whether it is one a scenario can use.
    fn module(&mut self, name: &str, level: usize, span: Span) -> bool {
        if level > 0 {
            return false; // a module of the program's own package
        }
        let top = name.split('.').next().unwrap_or(name);
        if !unshadowable(top) && (self.is_local)(top) {
            return false; // a file of the program's own
        }
        match std_module(name) {
            Some(Std::Native(_)) => true,
            Some(Std::Unsupported) => {
                let help = match std_module(top) {
                    Some(Std::Native(_)) if top != name => format!("import {top} itself"),
                    _ => "scenarios can import asyncio, random, time, typing, sys, importlib \
                          and their own modules"
                        .to_string(),
                };
                self.unsupported(
                    format!("module '{name}' is not available in scenarios"),
                    span,
                    Some(&help),
                );
                false
            }
            // Not a standard module: the program's own, or a ModuleNotFoundError at run time.
            None => false,
        }
    }

    fn function(&mut self, def: &FunctionDef, context: Context) {
        for param in def.params.all() {
            if let Some(default) = &param.default {
                self.expr(default, context);
            }
            if let Some(annotation) = &param.annotation {
                self.expr(annotation, context);
            }
        }
        if let Some(returns) = &def.returns {
            self.expr(returns, context);
        }
        let inner = Context {
            in_function: true,
            in_async: def.is_async,
            in_loop: false,
        };
        self.block(&def.body, inner);
    }

    fn expr(&mut self, expr: &Expr, context: Context) {
        match &expr.kind {
            ExprKind::Name(name) => {
                if !self.bound.contains(name)
                    && let Some(help) = unsupported_builtin(name)
                {
                    self.unsupported(
                        format!("the built-in '{name}' is not supported"),
                        expr.span,
                        help,
                    );
                }
            }
            ExprKind::Constant(_) => {}
            ExprKind::FString(parts) => self.fstring(parts, context),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                items.iter().for_each(|e| self.expr(e, context));
            }
            ExprKind::Dict(entries) => {
                for (key, value) in entries {
                    if let Some(key) = key {
                        self.expr(key, context);
                    }
                    self.expr(value, context);
                }
            }
            ExprKind::Starred(inner) => self.expr(inner, context),
            ExprKind::BinOp { op, left, right } => {
                if *op == BinOp::MatMul {
                    self.construct(Construct::MatMul, expr.span);
                }
                self.expr(left, context);
                self.expr(right, context);
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand, context),
            ExprKind::BoolOp { values, .. } => values.iter().for_each(|e| self.expr(e, context)),
            ExprKind::Compare { left, ops } => {
                self.expr(left, context);
                ops.iter().for_each(|(_, e)| self.expr(e, context));
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test, context);
                self.expr(body, context);
                self.expr(orelse, context);
            }
            ExprKind::Lambda(def) => self.function(def, context),
            ExprKind::Call { func, args } => {
                self.expr(func, context);
                for arg in args {
                    match arg {
                        Arg::Positional(e)
                        | Arg::Starred(e)
                        | Arg::Keyword(_, e)
                        | Arg::DoubleStarred(e) => self.expr(e, context),
                    }
                }
            }
            ExprKind::Attribute { value, attr } => {
                if let ExprKind::Name(name) = &value.kind
                    && let Some((_, module)) =
                        self.module_aliases.iter().find(|(alias, _)| alias == name)
                    && unimplemented_member(module, &attr.id)
                {
                    let message = format!("{module}.{} is not supported yet", attr.id);
                    self.unsupported(message, expr.span, None);
                }
                self.expr(value, context);
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value, context);
                self.expr(index, context);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part, context);
                }
            }
            ExprKind::Await(inner) => {
                if !context.in_function {
                    self.error("'await' outside function", expr.span);
                } else if !context.in_async {
                    self.error("'await' outside async function", expr.span);
                }
                self.expr(inner, context);
            }
            ExprKind::Yield(value) => {
                if !context.in_function {
                    self.error("'yield' outside function", expr.span);
                } else if !context.in_async {
                    // A plain generator function.
                    self.construct(Construct::Yield, expr.span);
                }
                if let Some(value) = value {
                    self.expr(value, context);
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(generators, &[elt], context, "list comprehension", expr.span);
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(generators, &[elt], context, "set comprehension", expr.span);
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => {
                self.comprehension(
                    generators,
                    &[key, value],
                    context,
                    "dict comprehension",
                    expr.span,
                );
            }
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(
                    generators,
                    &[elt],
                    context,
                    "generator expression",
                    expr.span,
                );
            }
            ExprKind::Unsupported(Construct::YieldFrom) if context.in_async => {
                self.error("'yield from' inside async function", expr.span);
            }
            ExprKind::Unsupported(Construct::YieldFrom) if !context.in_function => {
                self.error("'yield' outside function", expr.span);
            }
            ExprKind::Unsupported(construct) => self.construct(*construct, expr.span),
        }
    }

    fn fstring(&mut self, parts: &[FStringPart], context: Context) {
        for part in parts {
            if let FStringPart::Field { value, spec, .. } = part {
                self.expr(value, context);
                self.fstring(spec, context);
            }
        }
    }

    fn comprehension(
        &mut self,
        generators: &[Comprehension],
        elements: &[&Expr],
        context: Context,
        kind: &str,
        span: Span,
    ) {
        let inner = comprehension_inner(generators, elements);
        let is_async =
            generators.iter().any(|g| g.is_async) || inner.iter().any(|e| find_await(e).is_some());
        // A generator expression that awaits is an asynchronous generator.
        if kind == "generator expression" && is_async {
            self.construct(Construct::AsyncComprehension, span);
            return;
        }
        let mut context = context;
        if is_async && !context.in_async {
            self.error(
                "asynchronous comprehension outside of an asynchronous function",
                span,
            );
            // One error for the comprehension, not one more per `await` in it.
            context.in_function = true;
            context.in_async = true;
        }
        if let Some(found) = inner.iter().find_map(|e| find_yield(e)) {
            self.error(format!("'yield' inside {kind}"), found.span);
        }
        for generator in generators {
            self.expr(&generator.target, context);
            self.expr(&generator.iter, context);
            generator.ifs.iter().for_each(|c| self.expr(c, context));
        }
        elements.iter().for_each(|e| self.expr(e, context));
    }
}

/// A `break` or `continue` (outside a nested loop) or a `return` in an `except*` block.
fn star_block_exit(body: &[Stmt], in_loop: bool) -> Option<Span> {
    body.iter().find_map(|stmt| match &stmt.kind {
        // CPython 3.11 locates `return <constant>` at the constant.
        StmtKind::Return(Some(value)) if matches!(value.kind, ExprKind::Constant(_)) => {
            Some(value.span)
        }
        StmtKind::Return(_) => Some(stmt.span),
        StmtKind::Break | StmtKind::Continue if !in_loop => Some(stmt.span),
        StmtKind::If { body, orelse, .. } => {
            star_block_exit(body, in_loop).or_else(|| star_block_exit(orelse, in_loop))
        }
        StmtKind::For { body, orelse, .. } | StmtKind::While { body, orelse, .. } => {
            star_block_exit(body, true).or_else(|| star_block_exit(orelse, in_loop))
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => star_block_exit(body, in_loop)
            .or_else(|| {
                handlers
                    .iter()
                    .find_map(|h| star_block_exit(&h.body, in_loop))
            })
            .or_else(|| star_block_exit(orelse, in_loop))
            .or_else(|| star_block_exit(finalbody, in_loop)),
        StmtKind::AsyncWith { body, .. } => star_block_exit(body, in_loop),
        _ => None,
    })
}

/// The subexpressions of `expr` evaluated in its scope: not a lambda's body, and of a
/// comprehension only its first iterable (the rest runs in the comprehension's own scope).
fn children(expr: &Expr) -> Vec<&Expr> {
    fn fstring<'a>(parts: &'a [FStringPart], out: &mut Vec<&'a Expr>) {
        for part in parts {
            if let FStringPart::Field { value, spec, .. } = part {
                out.push(value);
                fstring(spec, out);
            }
        }
    }
    let mut out: Vec<&Expr> = Vec::new();
    match &expr.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Unsupported(_) => {}
        ExprKind::FString(parts) => fstring(parts, &mut out),
        ExprKind::Tuple(items)
        | ExprKind::List(items)
        | ExprKind::Set(items)
        | ExprKind::BoolOp { values: items, .. } => out.extend(items),
        ExprKind::Dict(entries) => {
            for (key, value) in entries {
                out.extend(key);
                out.push(value);
            }
        }
        ExprKind::Starred(inner) | ExprKind::Await(inner) => out.push(inner),
        ExprKind::UnaryOp { operand, .. } => out.push(operand),
        ExprKind::Yield(value) => out.extend(value.as_deref()),
        ExprKind::BinOp { left, right, .. } => out.extend([&**left, &**right]),
        ExprKind::Compare { left, ops } => {
            out.push(left);
            out.extend(ops.iter().map(|(_, e)| e));
        }
        ExprKind::IfExp { test, body, orelse } => out.extend([&**test, &**body, &**orelse]),
        ExprKind::Lambda(def) => out.extend(def.params.all().filter_map(|p| p.default.as_ref())),
        ExprKind::Call { func, args } => {
            out.push(func);
            for arg in args {
                match arg {
                    Arg::Positional(e)
                    | Arg::Starred(e)
                    | Arg::Keyword(_, e)
                    | Arg::DoubleStarred(e) => out.push(e),
                }
            }
        }
        ExprKind::Attribute { value, .. } => out.push(value),
        ExprKind::Subscript { value, index } => out.extend([&**value, &**index]),
        ExprKind::Slice { lower, upper, step } => {
            out.extend([lower, upper, step].into_iter().flatten().map(|e| &**e));
        }
        ExprKind::ListComp { generators, .. }
        | ExprKind::SetComp { generators, .. }
        | ExprKind::DictComp { generators, .. }
        | ExprKind::GeneratorExp { generators, .. } => {
            out.extend(generators.first().map(|g| &g.iter));
        }
    }
    out
}

/// What a comprehension evaluates in its own scope: its elements, targets, conditions and
/// every iterable after the first.
fn comprehension_inner<'a>(
    generators: &'a [Comprehension],
    elements: &[&'a Expr],
) -> Vec<&'a Expr> {
    let mut inner: Vec<&Expr> = elements.to_vec();
    for (i, generator) in generators.iter().enumerate() {
        inner.push(&generator.target);
        inner.extend(&generator.ifs);
        if i > 0 {
            inner.push(&generator.iter);
        }
    }
    inner
}

/// The first `yield` in an expression's scope.
fn find_yield(expr: &Expr) -> Option<&Expr> {
    if matches!(expr.kind, ExprKind::Yield(_)) {
        return Some(expr);
    }
    children(expr).into_iter().find_map(find_yield)
}

/// Whether a comprehension is asynchronous: `async for`, or an `await` in its own scope.
fn is_async_comprehension(generators: &[Comprehension], elements: &[&Expr]) -> bool {
    generators.iter().any(|g| g.is_async)
        || comprehension_inner(generators, elements)
            .into_iter()
            .any(|e| find_await(e).is_some())
}

/// The first `await` in an expression's scope; an asynchronous comprehension inside counts.
fn find_await(expr: &Expr) -> Option<&Expr> {
    let found = match &expr.kind {
        ExprKind::Await(_) => true,
        ExprKind::ListComp { elt, generators } | ExprKind::SetComp { elt, generators } => {
            is_async_comprehension(generators, &[elt])
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => is_async_comprehension(generators, &[key, value]),
        _ => false,
    };
    if found {
        return Some(expr);
    }
    children(expr).into_iter().find_map(find_await)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::Source;

    fn check_source(text: &str) -> Vec<String> {
        let source = Source::new("t.py", text);
        let module = crate::parser::parse(&source).expect("parses");
        check(&module, &|_| false)
            .iter()
            .map(|d| d.render(&source).lines().next().unwrap_or("").to_string())
            .collect()
    }

    #[test]
    fn cpython_compile_errors() {
        assert_eq!(
            check_source("await x\n"),
            ["t.py:1:1: SyntaxError: 'await' outside function"]
        );
        assert_eq!(
            check_source("def f():\n    await x\n"),
            ["t.py:2:5: SyntaxError: 'await' outside async function"]
        );
        assert_eq!(
            check_source("return 1\n"),
            ["t.py:1:1: SyntaxError: 'return' outside function"]
        );
        assert_eq!(
            check_source("for x in y:\n    def f():\n        break\n"),
            ["t.py:3:9: SyntaxError: 'break' outside loop"]
        );
        assert_eq!(
            check_source("continue\n"),
            ["t.py:1:1: SyntaxError: 'continue' not properly in loop"]
        );
        assert!(check_source("async def f():\n    return [await g(x) for x in y]\n").is_empty());
    }

    #[test]
    fn unsupported_constructs_are_named() {
        assert_eq!(
            check_source("import os\nclass A: pass\n"),
            [
                "t.py:1:8: unsupported: module 'os' is not available in scenarios",
                "t.py:2:1: unsupported: class definitions are not supported",
            ]
        );
        assert_eq!(
            check_source("import asyncio as aio\nb = aio.wrap_future(f)\n"),
            ["t.py:2:5: unsupported: asyncio.wrap_future is not supported yet"]
        );
        assert_eq!(
            check_source("data = open('f')\n"),
            ["t.py:1:8: unsupported: the built-in 'open' is not supported"]
        );
        assert!(check_source("def open(x): return x\nopen(1)\n").is_empty());
    }
}
