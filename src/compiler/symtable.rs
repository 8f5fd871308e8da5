//! Scope analysis: where every name of the program lives.
//!
//! One pass collects, for each scope (the module, every function, lambda and
//! comprehension), the names it binds, uses and declares `global` or `nonlocal`; a second
//! pass resolves each name as CPython does: a local slot, a local held in a cell because a
//! nested function captures it, a free variable captured from an enclosing function, or a
//! module global (with the builtins behind it). Scopes are keyed by the address of their AST
//! node, which does not move between analysis and code generation.

use std::rc::Rc;

use indexmap::{IndexMap, IndexSet};
use rustc_hash::FxHashMap;

use crate::ast::*;
use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// How a name is reached from a scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Local(u32),
    /// A local that nested functions capture: the slot holds a cell.
    Cell(u32),
    /// A variable of an enclosing function: the slot holds its cell.
    Free(u32),
    Global,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ScopeKind {
    Module,
    Function,
    Comprehension,
}

/// The resolved names of one scope.
#[derive(Debug)]
pub struct Scope {
    pub kind: ScopeKind,
    /// Every name of the scope and how it resolves.
    pub names: FxHashMap<Rc<str>, Resolved>,
    /// The name of every slot: parameters, other locals, then free variables.
    pub slots: Vec<Rc<str>>,
    /// Slots holding cells.
    pub cells: Vec<u32>,
    pub nfree: u32,
    /// The scope contains `yield`: an `async def` of it is an asynchronous generator.
    pub is_generator: bool,
}

impl Scope {
    pub fn resolve(&self, name: &str) -> Resolved {
        self.names.get(name).copied().unwrap_or(Resolved::Global)
    }
}

/// The scopes of a program, keyed by the address of their AST node.
pub struct SymbolTable {
    scopes: FxHashMap<usize, Scope>,
}

impl SymbolTable {
    pub fn scope(&self, key: usize) -> &Scope {
        &self.scopes[&key]
    }
}

/// The key of the module scope.
pub const MODULE_KEY: usize = 0;

pub fn function_key(def: &FunctionDef) -> usize {
    def as *const FunctionDef as usize
}

pub fn expr_key(expr: &Expr) -> usize {
    expr as *const Expr as usize
}

/// What one scope does with names, before resolution.
struct RawScope {
    key: usize,
    kind: ScopeKind,
    parent: Option<usize>,
    params: Vec<Rc<str>>,
    /// Bound names in order of first binding.
    bound: IndexSet<Rc<str>>,
    used: IndexSet<Rc<str>>,
    globals: IndexSet<Rc<str>>,
    nonlocals: IndexMap<Rc<str>, Span>,
    /// Free variables, in order of discovery (filled by resolution).
    free: IndexSet<Rc<str>>,
    /// Bound names that nested scopes capture.
    captured: IndexSet<Rc<str>>,
    is_generator: bool,
}

impl RawScope {
    fn new(key: usize, kind: ScopeKind, parent: Option<usize>) -> RawScope {
        RawScope {
            key,
            kind,
            parent,
            params: Vec::new(),
            bound: IndexSet::new(),
            used: IndexSet::new(),
            globals: IndexSet::new(),
            nonlocals: IndexMap::new(),
            free: IndexSet::new(),
            captured: IndexSet::new(),
            is_generator: false,
        }
    }

    /// Whether the name is a local variable of this (function) scope.
    fn binds(&self, name: &str) -> bool {
        self.kind != ScopeKind::Module
            && !self.globals.contains(name)
            && !self.nonlocals.contains_key(name)
            && (self.bound.contains(name) || self.params.iter().any(|p| &**p == name))
    }
}

struct Collector {
    scopes: Vec<RawScope>,
    current: usize,
}

/// Analyse a module.
pub fn analyze(module: &Module) -> Result<SymbolTable, Diagnostic> {
    let mut collector = Collector {
        scopes: vec![RawScope::new(MODULE_KEY, ScopeKind::Module, None)],
        current: 0,
    };
    collector.block(&module.body)?;
    let raw = collector.scopes;
    resolve(raw)
}

impl Collector {
    fn scope(&mut self) -> &mut RawScope {
        &mut self.scopes[self.current]
    }

    fn bind(&mut self, name: &Rc<str>) {
        self.scope().bound.insert(name.clone());
    }

    fn use_name(&mut self, name: &Rc<str>) {
        self.scope().used.insert(name.clone());
    }

    fn enter(&mut self, key: usize, kind: ScopeKind) -> usize {
        let parent = self.current;
        self.scopes.push(RawScope::new(key, kind, Some(parent)));
        let previous = self.current;
        self.current = self.scopes.len() - 1;
        previous
    }

    fn block(&mut self, body: &[Stmt]) -> Result<(), Diagnostic> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &Stmt) -> Result<(), Diagnostic> {
        match &stmt.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                targets.iter().try_for_each(|t| self.target(t))
            }
            StmtKind::AugAssign { target, value, .. } => {
                self.expr(value)?;
                if let ExprKind::Name(name) = &target.kind {
                    self.use_name(name);
                }
                self.target(target)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if self.scope().kind == ScopeKind::Module {
                    self.expr(annotation)?;
                }
                if let Some(value) = value {
                    self.expr(value)?;
                }
                self.target(target)
            }
            StmtKind::FunctionDef(def) => {
                self.function_outer(def)?;
                self.bind(&def.name.id);
                self.function_body(def)
            }
            StmtKind::Return(value) => value.as_ref().map_or(Ok(()), |v| self.expr(v)),
            StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
                self.expr(test)?;
                self.block(body)?;
                self.block(orelse)
            }
            StmtKind::For {
                target,
                iter,
                body,
                orelse,
                ..
            } => {
                self.expr(iter)?;
                self.target(target)?;
                self.block(body)?;
                self.block(orelse)
            }
            StmtKind::Break | StmtKind::Continue | StmtKind::Pass | StmtKind::Unsupported(_) => {
                Ok(())
            }
            StmtKind::AsyncWith { items, body } => {
                for item in items {
                    self.expr(&item.context)?;
                    if let Some(target) = &item.target {
                        self.target(target)?;
                    }
                }
                self.block(body)
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(body)?;
                for handler in handlers {
                    if let Some(kind) = &handler.kind {
                        self.expr(kind)?;
                    }
                    if let Some(name) = &handler.name {
                        self.bind(&name.id);
                    }
                    self.block(&handler.body)?;
                }
                self.block(orelse)?;
                self.block(finalbody)
            }
            StmtKind::Raise { exc, cause } => {
                if let Some(exc) = exc {
                    self.expr(exc)?;
                }
                cause.as_ref().map_or(Ok(()), |c| self.expr(c))
            }
            StmtKind::Import(names) => {
                for n in names {
                    let bound: Rc<str> = match &n.alias {
                        Some(alias) => alias.id.clone(),
                        None => Rc::from(n.name.id.split('.').next().unwrap_or_default()),
                    };
                    self.bind(&bound);
                }
                Ok(())
            }
            StmtKind::ImportFrom { names, .. } => {
                for n in names {
                    self.bind(&n.alias.as_ref().unwrap_or(&n.name).id);
                }
                Ok(())
            }
            StmtKind::Global(names) => {
                for name in names {
                    let scope = self.scope();
                    if scope.params.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!("name '{}' is parameter and global", name.id),
                            name.span,
                        ));
                    }
                    if scope.bound.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!(
                                "name '{}' is assigned to before global declaration",
                                name.id
                            ),
                            name.span,
                        ));
                    }
                    if scope.used.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!("name '{}' is used prior to global declaration", name.id),
                            name.span,
                        ));
                    }
                    scope.globals.insert(name.id.clone());
                }
                Ok(())
            }
            StmtKind::Nonlocal(names) => {
                for name in names {
                    let scope = self.scope();
                    if scope.kind == ScopeKind::Module {
                        return Err(Diagnostic::syntax(
                            "nonlocal declaration not allowed at module level",
                            stmt.span,
                        ));
                    }
                    if scope.params.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!("name '{}' is parameter and nonlocal", name.id),
                            name.span,
                        ));
                    }
                    if scope.bound.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!(
                                "name '{}' is assigned to before nonlocal declaration",
                                name.id
                            ),
                            name.span,
                        ));
                    }
                    if scope.used.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!("name '{}' is used prior to nonlocal declaration", name.id),
                            name.span,
                        ));
                    }
                    scope.nonlocals.insert(name.id.clone(), name.span);
                }
                Ok(())
            }
            StmtKind::Del(targets) => targets.iter().try_for_each(|t| self.target(t)),
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                msg.as_ref().map_or(Ok(()), |m| self.expr(m))
            }
        }
    }

    /// The parts of a function evaluated where it is defined: defaults and annotations.
    fn function_outer(&mut self, def: &FunctionDef) -> Result<(), Diagnostic> {
        let params = &def.params;
        for param in params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.kwonly)
        {
            if let Some(default) = &param.default {
                self.expr(default)?;
            }
        }
        for param in params.all() {
            if let Some(annotation) = &param.annotation {
                self.expr(annotation)?;
            }
        }
        if let Some(returns) = &def.returns {
            self.expr(returns)?;
        }
        Ok(())
    }

    fn function_body(&mut self, def: &FunctionDef) -> Result<(), Diagnostic> {
        let previous = self.enter(function_key(def), ScopeKind::Function);
        let params = &def.params;
        for param in params.in_slot_order() {
            self.scope().params.push(param.name.id.clone());
        }
        self.block(&def.body)?;
        self.current = previous;
        Ok(())
    }

    fn target(&mut self, target: &Expr) -> Result<(), Diagnostic> {
        match &target.kind {
            ExprKind::Name(name) => {
                self.bind(name);
                Ok(())
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|t| self.target(t))
            }
            ExprKind::Starred(inner) => self.target(inner),
            _ => self.expr(target),
        }
    }

    fn expr(&mut self, expr: &Expr) -> Result<(), Diagnostic> {
        match &expr.kind {
            ExprKind::Name(name) => {
                self.use_name(name);
                Ok(())
            }
            ExprKind::Constant(_) | ExprKind::Unsupported(_) => Ok(()),
            ExprKind::FString(parts) => self.fstring(parts),
            ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
                items.iter().try_for_each(|e| self.expr(e))
            }
            ExprKind::Dict(entries) => entries.iter().try_for_each(|(k, v)| {
                if let Some(k) = k {
                    self.expr(k)?;
                }
                self.expr(v)
            }),
            ExprKind::Starred(inner) | ExprKind::Await(inner) => self.expr(inner),
            ExprKind::Yield(value) => {
                self.scope().is_generator = true;
                value.as_ref().map_or(Ok(()), |v| self.expr(v))
            }
            ExprKind::BinOp { left, right, .. } => {
                self.expr(left)?;
                self.expr(right)
            }
            ExprKind::UnaryOp { operand, .. } => self.expr(operand),
            ExprKind::BoolOp { values, .. } => values.iter().try_for_each(|e| self.expr(e)),
            ExprKind::Compare { left, ops } => {
                self.expr(left)?;
                ops.iter().try_for_each(|(_, e)| self.expr(e))
            }
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                self.expr(body)?;
                self.expr(orelse)
            }
            ExprKind::Lambda(def) => {
                self.function_outer(def)?;
                self.function_body(def)
            }
            ExprKind::Call { func, args } => {
                self.expr(func)?;
                args.iter().try_for_each(|a| match a {
                    Arg::Positional(e)
                    | Arg::Starred(e)
                    | Arg::Keyword(_, e)
                    | Arg::DoubleStarred(e) => self.expr(e),
                })
            }
            ExprKind::Attribute { value, .. } => self.expr(value),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper, step].into_iter().flatten() {
                    self.expr(part)?;
                }
                Ok(())
            }
            ExprKind::ListComp { elt, generators }
            | ExprKind::SetComp { elt, generators }
            | ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(expr, generators, &[elt])
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(expr, generators, &[key, value]),
        }
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> Result<(), Diagnostic> {
        for part in parts {
            if let FStringPart::Field { value, spec, .. } = part {
                self.expr(value)?;
                self.fstring(spec)?;
            }
        }
        Ok(())
    }

    /// A comprehension: the first iterable belongs to the enclosing scope, the rest to a
    /// scope of its own whose one parameter is the first iterator.
    fn comprehension(
        &mut self,
        expr: &Expr,
        generators: &[Comprehension],
        elements: &[&Expr],
    ) -> Result<(), Diagnostic> {
        self.expr(&generators[0].iter)?;
        let previous = self.enter(expr_key(expr), ScopeKind::Comprehension);
        self.scope().params.push(Rc::from(".0"));
        for (i, generator) in generators.iter().enumerate() {
            if i > 0 {
                self.expr(&generator.iter)?;
            }
            self.target(&generator.target)?;
            generator.ifs.iter().try_for_each(|c| self.expr(c))?;
        }
        elements.iter().try_for_each(|e| self.expr(e))?;
        self.current = previous;
        Ok(())
    }
}

/// Resolve every scope's names; scopes are in creation order, so parents come first.
fn resolve(mut raw: Vec<RawScope>) -> Result<SymbolTable, Diagnostic> {
    // Check nonlocal declarations and find every free variable, marking the scopes that
    // bind it as capturing it and the scopes in between as passing it through.
    for index in 0..raw.len() {
        let candidates: Vec<(Rc<str>, Option<Span>)> = {
            let scope = &raw[index];
            if scope.kind == ScopeKind::Module {
                continue;
            }
            let mut names: Vec<(Rc<str>, Option<Span>)> = scope
                .nonlocals
                .iter()
                .map(|(name, span)| (name.clone(), Some(*span)))
                .collect();
            for name in &scope.used {
                if !scope.binds(name)
                    && !scope.globals.contains(name)
                    && !scope.nonlocals.contains_key(name)
                {
                    names.push((name.clone(), None));
                }
            }
            names
        };
        for (name, nonlocal_span) in candidates {
            // Walk outwards to the nearest function scope that binds the name.
            let mut chain = vec![index];
            let mut cursor = raw[index].parent;
            let mut found = None;
            while let Some(parent) = cursor {
                let scope = &raw[parent];
                if scope.kind == ScopeKind::Module || scope.globals.contains(&name) {
                    break;
                }
                if scope.binds(&name) {
                    found = Some(parent);
                    break;
                }
                if scope.nonlocals.contains_key(&name) || scope.free.contains(&name) {
                    // Already a free variable there: it passes the cell on.
                    found = Some(parent);
                    break;
                }
                chain.push(parent);
                cursor = scope.parent;
            }
            match found {
                Some(owner) => {
                    if raw[owner].binds(&name) {
                        raw[owner].captured.insert(name.clone());
                    }
                    for &scope in &chain {
                        raw[scope].free.insert(name.clone());
                    }
                }
                None => {
                    if let Some(span) = nonlocal_span {
                        return Err(Diagnostic::syntax(
                            format!("no binding for nonlocal '{name}' found"),
                            span,
                        ));
                    }
                }
            }
        }
    }

    let mut scopes = FxHashMap::default();
    for scope in raw {
        let mut names = FxHashMap::default();
        let mut slots: Vec<Rc<str>> = Vec::new();
        let mut cells = Vec::new();
        if scope.kind != ScopeKind::Module {
            let locals = scope
                .params
                .iter()
                .chain(scope.bound.iter().filter(|n| !scope.params.contains(n)))
                .filter(|n| !scope.globals.contains(*n) && !scope.nonlocals.contains_key(*n));
            for name in locals {
                let slot = slots.len() as u32;
                slots.push(name.clone());
                if scope.captured.contains(name) {
                    cells.push(slot);
                    names.insert(name.clone(), Resolved::Cell(slot));
                } else {
                    names.insert(name.clone(), Resolved::Local(slot));
                }
            }
            for name in &scope.free {
                let slot = slots.len() as u32;
                slots.push(name.clone());
                names.insert(name.clone(), Resolved::Free(slot));
            }
        }
        let nfree = scope.free.len() as u32;
        scopes.insert(
            scope.key,
            Scope {
                kind: scope.kind,
                names,
                slots,
                cells,
                nfree,
                is_generator: scope.is_generator,
            },
        );
    }
    Ok(SymbolTable { scopes })
}
