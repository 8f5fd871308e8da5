//! The compiler: typed AST → bytecode.
//!
//! Scope analysis ([`symtable`]) decides where every name lives; code generation then
//! walks the AST once per function body and emits [`Instr`]s. Control flow that leaves a
//! `try`, `finally` or `except` block (`return`, `break`, `continue`) is compiled the way
//! CPython does it: the handlers are popped and `finally` bodies copied inline before the
//! jump, so the interpreter needs no separate unwinding machinery for them. Comprehensions
//! and generator expressions become nested functions called on the spot, as in 3.11.

pub mod peephole;
pub mod symtable;

use std::rc::Rc;

use indexmap::IndexSet;

use crate::ast::*;
use crate::bytecode::{Code, CodeKind, ImportMode, Instr};
use crate::diagnostic::Diagnostic;
use crate::interp::symbol::Interner;
use crate::interp::value::Value;
use crate::source::{Source, Span};
use symtable::{MODULE_KEY, Resolved, ScopeKind, SymbolTable, expr_key, function_key};

/// A compiled program: the module's code and the names of its global slots.
pub struct Program {
    pub module: Rc<Code>,
    pub globals: Vec<Rc<str>>,
}

/// Whether a module starts with `from __future__ import annotations`.
fn postpones_annotations(module: &Module) -> bool {
    module.body.iter().any(|stmt| {
        matches!(&stmt.kind, StmtKind::ImportFrom { module, level: 0, names }
            if &*module.id == "__future__"
                && names.iter().any(|n| &*n.name.id == "annotations"))
    })
}

/// What a module is compiled for: its file, its number among the run's modules, and where
/// its global slots start in the interpreter's one table of globals.
pub struct Target {
    pub source: Rc<Source>,
    pub module: u32,
    pub global_base: u32,
}

/// Compile a checked module.
pub fn compile(
    module: &Module,
    interner: &mut Interner,
    target: &Target,
) -> std::result::Result<Program, Diagnostic> {
    let table = symtable::analyze(module)?;
    let span = Span::new(0, target.source.text.len());
    let mut compiler = Compiler {
        table: &table,
        interner,
        globals: IndexSet::new(),
        units: Vec::new(),
        strings: rustc_hash::FxHashMap::default(),
        target,
        postponed_annotations: postpones_annotations(module),
        return_key: Rc::from("return"),
    };
    compiler.push_unit(
        MODULE_KEY,
        Rc::from("<module>"),
        Rc::from("<module>"),
        CodeKind::Module,
        span,
    );
    compiler.body(&module.body)?;
    compiler.emit(Instr::LoadNone);
    compiler.emit(Instr::Return);
    let code = compiler.pop_unit(0, 0, false, false);
    Ok(Program {
        module: code,
        globals: compiler.globals.into_iter().collect(),
    })
}

/// A block that control flow may leave early.
#[derive(Clone)]
enum Block<'a> {
    Loop {
        start: u32,
        /// `break` jumps to patch with the loop's end.
        breaks: Vec<usize>,
        /// A `for` loop keeps its iterator on the stack.
        is_for: bool,
    },
    /// Inside a `try` with `except` clauses: a handler is set up.
    TryExcept,
    /// Inside a `try` with a `finally`: a handler is set up, and the body runs on the way
    /// out.
    Finally(&'a [Stmt]),
    /// Inside an `except` clause: an exception is being handled, bound to `name` if given.
    Handler(Option<Rc<str>>),
    /// Inside the exceptional copy of a `finally`: an exception is being handled, and it
    /// stays on the stack to be re-raised at the end.
    FinallyHandler,
    /// Inside the body of an `async with`: a handler is set up, and the manager is on the
    /// stack for `__aexit__` on the way out.
    AsyncWith,
}

/// A code object being built.
struct Unit<'a> {
    scope_key: usize,
    name: Rc<str>,
    qualname: Rc<str>,
    kind: CodeKind,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    consts: Vec<Value>,
    codes: Vec<Rc<Code>>,
    blocks: Vec<Block<'a>>,
    span: Span,
    def_span: Span,
    /// The docstring of a function.
    doc: Option<Rc<str>>,
}

struct Compiler<'a, 'i> {
    table: &'a SymbolTable,
    interner: &'i mut Interner,
    globals: IndexSet<Rc<str>>,
    units: Vec<Unit<'a>>,
    /// Every str constant of the program, once: CPython merges equal constants across a
    /// compilation, so `'a b' is 'a b'` holds, in one function or two.
    strings: rustc_hash::FxHashMap<Rc<str>, Value>,
    target: &'a Target,
    /// `from __future__ import annotations`: annotations are kept as text.
    postponed_annotations: bool,
    /// `'return'`, the key of a return annotation.
    return_key: Rc<str>,
}

type Result<T> = std::result::Result<T, Diagnostic>;

impl<'a> Compiler<'a, '_> {
    // ------------------------------------------------------------------------ plumbing

    fn unit(&mut self) -> &mut Unit<'a> {
        self.units.last_mut().expect("a unit is being compiled")
    }

    fn push_unit(
        &mut self,
        scope_key: usize,
        name: Rc<str>,
        qualname: Rc<str>,
        kind: CodeKind,
        span: Span,
    ) {
        self.units.push(Unit {
            scope_key,
            name,
            qualname,
            kind,
            instrs: Vec::new(),
            spans: Vec::new(),
            consts: Vec::new(),
            codes: Vec::new(),
            blocks: Vec::new(),
            span,
            def_span: span,
            doc: None,
        });
    }

    fn pop_unit(
        &mut self,
        argcount: u32,
        kwonlycount: u32,
        has_varargs: bool,
        has_varkw: bool,
    ) -> Rc<Code> {
        let unit = self.units.pop().expect("a unit is being compiled");
        let (slots, cells, nfree) = if unit.scope_key == MODULE_KEY {
            (Vec::new(), Vec::new(), 0)
        } else {
            let scope = self.table.scope(unit.scope_key);
            (scope.slots.clone(), scope.cells.clone(), scope.nfree)
        };
        let mut instrs = unit.instrs;
        peephole::fuse(&mut instrs);
        Rc::new(Code {
            name: unit.name,
            qualname: unit.qualname,
            kind: unit.kind,
            instrs,
            spans: unit.spans,
            divisors: crate::bytecode::divisors(&unit.consts),
            consts: unit.consts,
            codes: unit.codes,
            argcount,
            kwonlycount,
            has_varargs,
            has_varkw,
            nlocals: slots.len() as u32,
            slot_names: slots,
            cells,
            nfree,
            span: unit.def_span,
            source: self.target.source.clone(),
            module: self.target.module,
            doc: unit.doc,
        })
    }

    fn emit(&mut self, instr: Instr) -> usize {
        let unit = self.unit();
        unit.instrs.push(instr);
        unit.spans.push(unit.span);
        unit.instrs.len() - 1
    }

    fn here(&mut self) -> u32 {
        self.unit().instrs.len() as u32
    }

    /// Point the jump at `at` to the current position.
    fn patch(&mut self, at: usize) {
        let target = self.here();
        let instr = &mut self.unit().instrs[at];
        *instr = match *instr {
            Instr::Jump(_) => Instr::Jump(target),
            Instr::PopJumpIfFalse(_) => Instr::PopJumpIfFalse(target),
            Instr::PopJumpIfTrue(_) => Instr::PopJumpIfTrue(target),
            Instr::JumpIfFalseOrPop(_) => Instr::JumpIfFalseOrPop(target),
            Instr::JumpIfTrueOrPop(_) => Instr::JumpIfTrueOrPop(target),
            Instr::ForIter(_) => Instr::ForIter(target),
            Instr::SetupHandler(_) => Instr::SetupHandler(target),
            other => unreachable!("not a jump: {other:?}"),
        };
    }

    fn constant(&mut self, value: Value) -> u32 {
        let value = match value {
            Value::Str(s) => self
                .strings
                .entry(Rc::from(s.as_str()))
                .or_insert(Value::Str(s))
                .clone(),
            other => other,
        };
        let unit = self.unit();
        unit.consts.push(value);
        (unit.consts.len() - 1) as u32
    }

    fn load_const(&mut self, value: Value) {
        let index = self.constant(value);
        self.emit(Instr::LoadConst(index));
    }

    /// The constant `ImportName` reads: the dotted name, the relative level and the mode.
    fn import_spec(&mut self, name: &str, level: usize, mode: ImportMode) -> u32 {
        let spec = Value::tuple(vec![
            Value::str(name),
            Value::Int(level as i64),
            Value::Int(mode as i64),
        ]);
        self.unit().consts.push(spec);
        (self.unit().consts.len() - 1) as u32
    }

    /// Run `f` with the current span set to `span`.
    fn at<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = std::mem::replace(&mut self.unit().span, span);
        let result = f(self);
        self.unit().span = saved;
        result
    }

    fn global_slot(&mut self, name: &Rc<str>) -> u32 {
        self.target.global_base + self.globals.insert_full(name.clone()).0 as u32
    }

    fn resolve(&mut self, name: &Rc<str>) -> Resolved {
        let key = self.unit().scope_key;
        if key == MODULE_KEY {
            return Resolved::Global;
        }
        self.table.scope(key).resolve(name)
    }

    fn load_name(&mut self, name: &Rc<str>) {
        let instr = match self.resolve(name) {
            Resolved::Local(slot) => Instr::LoadLocal(slot),
            Resolved::Cell(slot) | Resolved::Free(slot) => Instr::LoadDeref(slot),
            Resolved::Global => Instr::LoadGlobal(self.global_slot(name)),
        };
        self.emit(instr);
    }

    fn store_name(&mut self, name: &Rc<str>) {
        let instr = match self.resolve(name) {
            Resolved::Local(slot) => Instr::StoreLocal(slot),
            Resolved::Cell(slot) | Resolved::Free(slot) => Instr::StoreDeref(slot),
            Resolved::Global => Instr::StoreGlobal(self.global_slot(name)),
        };
        self.emit(instr);
    }

    fn delete_name(&mut self, name: &Rc<str>) {
        let instr = match self.resolve(name) {
            Resolved::Local(slot) => Instr::DeleteLocal(slot),
            Resolved::Cell(slot) | Resolved::Free(slot) => Instr::DeleteDeref(slot),
            Resolved::Global => Instr::DeleteGlobal(self.global_slot(name)),
        };
        self.emit(instr);
    }

    // ------------------------------------------------------------------------ statements

    fn body(&mut self, body: &'a [Stmt]) -> Result<()> {
        body.iter().try_for_each(|s| self.stmt(s))
    }

    fn stmt(&mut self, stmt: &'a Stmt) -> Result<()> {
        let saved = std::mem::replace(&mut self.unit().span, stmt.span);
        let result = self.stmt_kind(stmt);
        self.unit().span = saved;
        result
    }

    fn stmt_kind(&mut self, stmt: &'a Stmt) -> Result<()> {
        match &stmt.kind {
            StmtKind::Expr(expr) => {
                if matches!(expr.kind, ExprKind::Constant(_)) {
                    return Ok(()); // docstrings and bare constants do nothing
                }
                self.expr(expr)?;
                self.emit(Instr::Pop);
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, target) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Dup);
                    }
                    self.assign(target)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                if self.unit().scope_key == MODULE_KEY {
                    // Module-level annotations are evaluated (and stored, in CPython).
                    self.expr(annotation)?;
                    self.emit(Instr::Pop);
                }
                if let Some(value) = value {
                    self.expr(value)?;
                    self.assign(target)?;
                }
            }
            StmtKind::FunctionDef(def) => {
                self.function(def)?;
                self.store_name(&def.name.id);
            }
            StmtKind::Return(value) => {
                if value.is_some() && self.unit().kind == CodeKind::AsyncGenerator {
                    return Err(Diagnostic::syntax(
                        "'return' with value in async generator",
                        stmt.span,
                    ));
                }
                match value {
                    Some(value) => self.expr(value)?,
                    None => {
                        self.emit(Instr::LoadNone);
                    }
                }
                self.unwind(None)?;
                self.emit(Instr::Return);
            }
            StmtKind::If { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Instr::PopJumpIfFalse(0));
                self.body(body)?;
                if orelse.is_empty() {
                    self.patch(to_else);
                } else {
                    let to_end = self.emit(Instr::Jump(0));
                    self.patch(to_else);
                    self.body(orelse)?;
                    self.patch(to_end);
                }
            }
            StmtKind::While { test, body, orelse } => {
                let start = self.here();
                let always = matches!(test.kind, ExprKind::Constant(Constant::Bool(true)));
                let exit = if always {
                    None
                } else {
                    self.expr(test)?;
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                };
                let breaks = self.loop_body(start, false, body)?;
                if let Some(exit) = exit {
                    self.patch(exit);
                }
                self.body(orelse)?;
                for jump in breaks {
                    self.patch(jump);
                }
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => self.for_loop(*is_async, target, iter, body, orelse)?,
            StmtKind::AsyncWith { items, body } => self.async_with(items, body, stmt.span)?,
            StmtKind::Break => self.break_or_continue(true, stmt.span)?,
            StmtKind::Continue => self.break_or_continue(false, stmt.span)?,
            StmtKind::Pass => {}
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => self.try_stmt(body, handlers, orelse, finalbody)?,
            StmtKind::Raise { exc, cause } => {
                let mut kind = 0;
                if let Some(exc) = exc {
                    self.expr(exc)?;
                    kind = 1;
                    if let Some(cause) = cause {
                        self.expr(cause)?;
                        kind = 2;
                    }
                }
                self.emit(Instr::Raise(kind));
            }
            StmtKind::Import(names) => {
                for name in names {
                    let dotted = &name.name.id;
                    // `import a.b` binds `a`; `import a.b as c` binds the module `a.b`.
                    let mode = match &name.alias {
                        Some(_) if dotted.contains('.') => ImportMode::Leaf,
                        _ => ImportMode::Top,
                    };
                    let spec = self.import_spec(dotted, 0, mode);
                    self.emit(Instr::ImportName(spec));
                    let bound: Rc<str> = match &name.alias {
                        Some(alias) => alias.id.clone(),
                        None => Rc::from(dotted.split('.').next().unwrap_or_default()),
                    };
                    self.store_name(&bound);
                }
            }
            StmtKind::ImportFrom {
                module,
                level,
                names,
            } => {
                let spec = self.import_spec(&module.id, *level, ImportMode::From);
                self.emit(Instr::ImportName(spec));
                if names.is_empty() {
                    self.emit(Instr::ImportStar);
                } else {
                    for name in names {
                        let sym = self.interner.intern(&name.name.id);
                        self.emit(Instr::ImportFrom(sym));
                        let bound = name.alias.as_ref().unwrap_or(&name.name).id.clone();
                        self.store_name(&bound);
                    }
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Del(targets) => {
                for target in targets {
                    self.delete(target)?;
                }
            }
            StmtKind::Assert { test, msg } => {
                self.expr(test)?;
                let to_end = self.emit(Instr::PopJumpIfTrue(0));
                // A traceback marks the test, as CPython's does (`^^^^^` under `x < 2`).
                self.at(test.span, |c| c.emit(Instr::LoadAssertionError));
                if let Some(msg) = msg {
                    self.expr(msg)?;
                    self.at(test.span, |c| c.emit(Instr::Call(1)));
                }
                self.at(test.span, |c| c.emit(Instr::Raise(1)));
                self.patch(to_end);
            }
            StmtKind::Unsupported(construct) => {
                return Err(Diagnostic::new(
                    crate::diagnostic::ErrorKind::Unsupported,
                    construct.describe(),
                    stmt.span,
                ));
            }
        }
        Ok(())
    }

    /// `[async] for target in iter: body else: orelse`. The iterator stays on the stack; the
    /// exit of an `async for` is a handler, where `EndAsyncFor` tells the end of the
    /// iteration from an error.
    fn for_loop(
        &mut self,
        is_async: bool,
        target: &'a Expr,
        iter: &'a Expr,
        body: &'a [Stmt],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        self.expr(iter)?;
        if is_async {
            self.at(iter.span, |c| c.emit(Instr::GetAIter));
        } else {
            self.emit(Instr::GetIter);
        }
        let start = self.here();
        let exit = if is_async {
            self.async_next(target)?
        } else {
            let exit = self.emit(Instr::ForIter(0));
            self.assign(target)?;
            exit
        };
        let breaks = self.loop_body(start, true, body)?;
        self.patch(exit);
        if is_async {
            self.emit(Instr::EndAsyncFor);
        }
        self.body(orelse)?;
        for jump in breaks {
            self.patch(jump);
        }
        Ok(())
    }

    /// A loop's body, then the jump back to `start`; the `break` jumps to patch with the
    /// loop's end.
    fn loop_body(&mut self, start: u32, is_for: bool, body: &'a [Stmt]) -> Result<Vec<usize>> {
        self.unit().blocks.push(Block::Loop {
            start,
            breaks: Vec::new(),
            is_for,
        });
        self.body(body)?;
        let Some(Block::Loop { breaks, .. }) = self.unit().blocks.pop() else {
            unreachable!("the loop block is on top")
        };
        self.emit(Instr::Jump(start));
        Ok(breaks)
    }

    /// The head of one `async for` step: await the iterator's next item (the iterator is
    /// on the stack) and assign it. Returns the handler to patch with the loop's exit,
    /// where `EndAsyncFor` tells the end of the iteration from an error.
    fn async_next(&mut self, target: &'a Expr) -> Result<usize> {
        let exit = self.emit(Instr::SetupHandler(0));
        self.emit(Instr::GetANext);
        self.emit(Instr::Await);
        self.emit(Instr::PopHandler);
        self.assign(target)?;
        Ok(exit)
    }

    /// `async with a as x, b: body` is `async with a as x: async with b: body`.
    fn async_with(&mut self, items: &'a [WithItem], body: &'a [Stmt], span: Span) -> Result<()> {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        self.expr(&item.context)?;
        self.at(item.context.span, |c| {
            c.emit(Instr::AsyncWithEnter);
            c.emit(Instr::Await);
        });
        // (CPython sets the handler up before binding the target; a failing unpacking of
        // `__aenter__`'s value is the only difference, and it does not reach `__aexit__`.)
        match &item.target {
            Some(target) => self.assign(target)?,
            None => {
                self.emit(Instr::Pop);
            }
        }
        let setup = self.emit(Instr::SetupHandler(0));
        self.unit().blocks.push(Block::AsyncWith);
        self.async_with(rest, body, span)?;
        self.unit().blocks.pop();
        // The normal way out: `await manager.__aexit__(None, None, None)`.
        self.emit(Instr::PopHandler);
        self.at(span, |c| {
            c.emit(Instr::AsyncWithExit);
            c.emit(Instr::Await);
            c.emit(Instr::Pop);
        });
        let to_end = self.emit(Instr::Jump(0));
        // The exceptional way: `__aexit__` with the exception; a true answer swallows it.
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.at(span, |c| {
            c.emit(Instr::AsyncWithExitExc);
            c.emit(Instr::Await);
        });
        let swallow = self.emit(Instr::PopJumpIfTrue(0));
        self.emit(Instr::Reraise);
        self.patch(swallow);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.emit(Instr::Pop);
        self.patch(to_end);
        Ok(())
    }

    /// Leave the blocks enclosing a `return` (`loop_index` is `None`) or a `break` /
    /// `continue` (the index of the target loop): pop handlers, leave `except` clauses and
    /// run `finally` bodies on the way out.
    fn unwind(&mut self, loop_index: Option<usize>) -> Result<()> {
        let blocks = self.unit().blocks.clone();
        let stop = loop_index.map_or(0, |i| i + 1);
        for index in (stop..blocks.len()).rev() {
            // A `return` keeps its value on top; an enclosing `async with` needs its manager
            // right below it, so what lies between goes.
            let exact = loop_index.is_none()
                && blocks[..index]
                    .iter()
                    .any(|b| matches!(b, Block::AsyncWith));
            match &blocks[index] {
                Block::Loop { is_for, .. } => {
                    if *is_for && exact {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                    }
                }
                Block::AsyncWith => {
                    self.emit(Instr::PopHandler);
                    if loop_index.is_none() {
                        self.emit(Instr::Rot2);
                    }
                    self.emit(Instr::AsyncWithExit);
                    self.emit(Instr::Await);
                    self.emit(Instr::Pop);
                }
                Block::TryExcept => {
                    self.emit(Instr::PopHandler);
                }
                Block::Finally(body) => {
                    self.emit(Instr::PopHandler);
                    // The copied body runs outside the block it finalises.
                    let saved =
                        std::mem::replace(&mut self.unit().blocks, blocks[..index].to_vec());
                    self.body(body)?;
                    self.unit().blocks = saved;
                }
                Block::Handler(name) => {
                    self.emit(Instr::PopExcept);
                    if let Some(name) = name {
                        self.emit(Instr::LoadNone);
                        self.store_name(name);
                        self.delete_name(name);
                    }
                }
                Block::FinallyHandler => {
                    self.emit(Instr::PopExcept);
                    // `return` leaves the frame, stack and all; `break` and `continue`
                    // stay in it, so the exception must go.
                    if loop_index.is_some() {
                        self.emit(Instr::Pop);
                    } else if exact {
                        self.emit(Instr::Rot2);
                        self.emit(Instr::Pop);
                    }
                }
            }
        }
        Ok(())
    }

    fn break_or_continue(&mut self, is_break: bool, span: Span) -> Result<()> {
        let loop_index = self
            .unit()
            .blocks
            .iter()
            .rposition(|b| matches!(b, Block::Loop { .. }))
            .ok_or_else(|| {
                let message = if is_break {
                    "'break' outside loop"
                } else {
                    "'continue' not properly in loop"
                };
                Diagnostic::syntax(message, span)
            })?;
        self.unwind(Some(loop_index))?;
        let Block::Loop { start, is_for, .. } = self.unit().blocks[loop_index].clone() else {
            unreachable!("found a loop")
        };
        if is_break {
            if is_for {
                self.emit(Instr::Pop);
            }
            let jump = self.emit(Instr::Jump(0));
            if let Block::Loop { breaks, .. } = &mut self.unit().blocks[loop_index] {
                breaks.push(jump);
            }
        } else {
            self.emit(Instr::Jump(start));
        }
        Ok(())
    }

    fn try_stmt(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
        finalbody: &'a [Stmt],
    ) -> Result<()> {
        if finalbody.is_empty() {
            return self.try_except(body, handlers, orelse);
        }
        let setup = self.emit(Instr::SetupHandler(0));
        self.unit().blocks.push(Block::Finally(finalbody));
        self.try_except(body, handlers, orelse)?;
        self.unit().blocks.pop();
        self.emit(Instr::PopHandler);
        self.body(finalbody)?;
        let to_end = self.emit(Instr::Jump(0));
        // The exceptional path: the exception is on the stack while the body runs again.
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.unit().blocks.push(Block::FinallyHandler);
        self.body(finalbody)?;
        self.unit().blocks.pop();
        self.emit(Instr::Reraise);
        self.patch(to_end);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        if handlers.is_empty() {
            self.body(body)?;
            return self.body(orelse);
        }
        if handlers.iter().any(|h| h.star) {
            return self.try_except_star(body, handlers, orelse);
        }
        let setup = self.emit(Instr::SetupHandler(0));
        self.unit().blocks.push(Block::TryExcept);
        self.body(body)?;
        self.unit().blocks.pop();
        self.emit(Instr::PopHandler);
        self.body(orelse)?;
        let mut ends = vec![self.emit(Instr::Jump(0))];
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        for handler in handlers {
            let span = handler.kind.as_ref().map_or(handler.span, |k| k.span);
            let next = match &handler.kind {
                Some(kind) => {
                    // CheckExcMatch leaves the exception below its answer.
                    self.expr(kind)?;
                    self.at(span, |c| c.emit(Instr::CheckExcMatch));
                    Some(self.emit(Instr::PopJumpIfFalse(0)))
                }
                None => None,
            };
            let name = handler.name.as_ref().map(|n| n.id.clone());
            match &name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            self.unit().blocks.push(Block::Handler(name.clone()));
            self.body(&handler.body)?;
            self.unit().blocks.pop();
            self.emit(Instr::PopExcept);
            if let Some(name) = &name {
                // `except E as e` unbinds `e` at the end of the clause.
                self.emit(Instr::LoadNone);
                self.store_name(name);
                self.delete_name(name);
            }
            ends.push(self.emit(Instr::Jump(0)));
            if let Some(next) = next {
                self.patch(next);
            }
        }
        self.emit(Instr::Reraise);
        for end in ends {
            self.patch(end);
        }
        Ok(())
    }

    /// `try` with `except*` clauses. Each clause takes its part of what is left of the
    /// exception group; what the clauses raise and what none matched are raised together
    /// at the end (`StarEnd`).
    fn try_except_star(
        &mut self,
        body: &'a [Stmt],
        handlers: &'a [ExceptHandler],
        orelse: &'a [Stmt],
    ) -> Result<()> {
        let setup = self.emit(Instr::SetupHandler(0));
        self.unit().blocks.push(Block::TryExcept);
        self.body(body)?;
        self.unit().blocks.pop();
        self.emit(Instr::PopHandler);
        self.body(orelse)?;
        let to_end = self.emit(Instr::Jump(0));
        self.patch(setup);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::StarStart);
        for handler in handlers {
            let span = handler.kind.as_ref().map_or(handler.span, |k| k.span);
            if let Some(kind) = &handler.kind {
                self.expr(kind)?;
            }
            self.at(span, |c| c.emit(Instr::StarMatch));
            let next = self.emit(Instr::PopJumpIfFalse(0));
            // The matched part is the exception being handled in the clause.
            self.emit(Instr::PushExcInfo);
            let name = handler.name.as_ref().map(|n| n.id.clone());
            match &name {
                Some(name) => self.store_name(name),
                None => {
                    self.emit(Instr::Pop);
                }
            }
            let raised = self.emit(Instr::SetupHandler(0));
            self.unit().blocks.push(Block::Handler(name.clone()));
            self.body(&handler.body)?;
            self.unit().blocks.pop();
            self.emit(Instr::PopHandler);
            let done = self.emit(Instr::Jump(0));
            self.patch(raised);
            self.emit(Instr::StarCollect);
            self.patch(done);
            self.emit(Instr::PopExcept);
            if let Some(name) = &name {
                self.emit(Instr::LoadNone);
                self.store_name(name);
                self.delete_name(name);
            }
            self.patch(next);
        }
        self.emit(Instr::StarEnd);
        self.emit(Instr::PopExcept);
        self.patch(to_end);
        Ok(())
    }

    fn assign(&mut self, target: &'a Expr) -> Result<()> {
        self.at(target.span, |c| c.assign_inner(target))
    }

    fn assign_inner(&mut self, target: &'a Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Name(name) => self.store_name(name),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let sym = self.interner.intern(&attr.id);
                self.emit(Instr::StoreAttr(sym));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                match items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)))
                {
                    Some(star) => {
                        let after = items.len() - star - 1;
                        self.emit(Instr::UnpackEx {
                            before: star as u16,
                            after: after as u16,
                        });
                    }
                    None => {
                        self.emit(Instr::UnpackSequence(items.len() as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            _ => unreachable!("the parser checked assignment targets"),
        }
        Ok(())
    }

    fn delete(&mut self, target: &'a Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Name(name) => self.delete_name(name),
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.at(target.span, |c| c.emit(Instr::DeleteSubscr));
            }
            ExprKind::Attribute { value, attr } => {
                // No object in the subset has deletable attributes: evaluate, then fail as
                // CPython does for built-in objects.
                self.expr(value)?;
                let sym = self.interner.intern(&attr.id);
                self.at(target.span, |c| {
                    c.emit(Instr::LoadNone);
                    c.emit(Instr::Rot2);
                    c.emit(Instr::StoreAttr(sym));
                });
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for item in items {
                    self.delete(item)?;
                }
            }
            _ => unreachable!("the parser checked del targets"),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &'a Expr, op: BinOp, value: &'a Expr) -> Result<()> {
        match &target.kind {
            ExprKind::Name(name) => {
                self.load_name(name);
                self.expr(value)?;
                self.at(target.span.to(value.span), |c| c.emit(Instr::InPlace(op)));
                self.store_name(name);
            }
            ExprKind::Attribute {
                value: object,
                attr,
            } => {
                let sym = self.interner.intern(&attr.id);
                self.expr(object)?;
                self.emit(Instr::Dup);
                self.emit(Instr::LoadAttr(sym));
                self.expr(value)?;
                self.at(target.span.to(value.span), |c| c.emit(Instr::InPlace(op)));
                self.emit(Instr::Rot2);
                self.emit(Instr::StoreAttr(sym));
            }
            ExprKind::Subscript {
                value: object,
                index,
            } => {
                self.expr(object)?;
                self.expr(index)?;
                self.emit(Instr::DupTop2);
                self.at(target.span, |c| c.emit(Instr::Subscr));
                self.expr(value)?;
                self.at(target.span.to(value.span), |c| c.emit(Instr::InPlace(op)));
                self.emit(Instr::Rot3);
                self.emit(Instr::StoreSubscr);
            }
            _ => unreachable!("the parser checked augmented assignment targets"),
        }
        Ok(())
    }

    /// Make a function object from a `def` or `lambda` and leave it on the stack.
    fn function(&mut self, def: &'a FunctionDef) -> Result<()> {
        let params = &def.params;
        let mut flags = 0u8;
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for default in &defaults {
                self.expr(default)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        if params.kwonly.iter().any(|p| p.default.is_some()) {
            for param in &params.kwonly {
                match &param.default {
                    Some(default) => self.expr(default)?,
                    None => self.load_const(Value::Unbound),
                }
            }
            self.emit(Instr::BuildTuple(params.kwonly.len() as u32));
            flags |= 2;
        }
        // `__annotations__`: evaluated when the function is defined, as 3.11 does, or kept
        // as their source text under `from __future__ import annotations`; in CPython's
        // order (positional, *args, keyword-only, **kwargs, return).
        let return_key = self.return_key.clone();
        let annotated: Vec<(&Rc<str>, &Expr)> = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg)
            .filter_map(|p| p.annotation.as_ref().map(|a| (&p.name.id, a)))
            .chain(def.returns.iter().map(|r| (&return_key, r)))
            .collect();
        if !annotated.is_empty() {
            for (name, annotation) in &annotated {
                self.load_const(Value::str(&***name));
                self.annotation(annotation)?;
            }
            self.emit(Instr::BuildMap(annotated.len() as u32));
            flags |= 8;
        }

        let key = function_key(def);
        let outer_qualname = self.unit().qualname.clone();
        let scope_key = self.unit().scope_key;
        let qualname: Rc<str> = match self.table_kind(scope_key) {
            ScopeKind::Module => def.name.id.clone(),
            _ => Rc::from(format!("{outer_qualname}.<locals>.{}", def.name.id)),
        };
        let kind = match (def.is_async, self.table.scope(key).is_generator) {
            (true, true) => CodeKind::AsyncGenerator,
            (true, false) => CodeKind::Coroutine,
            (false, _) => CodeKind::Function,
        };
        self.push_unit(key, def.name.id.clone(), qualname, kind, def.span);
        if !def.is_lambda {
            self.unit().doc = crate::interp::import::body_docstring(&def.body).map(Rc::from);
        }
        if def.is_async {
            self.emit(Instr::Pop); // the value of the first `send(None)`
        }
        self.body(&def.body)?;
        if !matches!(def.body.last().map(|s| &s.kind), Some(StmtKind::Return(_))) {
            let end = def.body.last().map_or(def.span, |s| s.span);
            self.at(end, |c| {
                c.emit(Instr::LoadNone);
                c.emit(Instr::Return);
            });
        }
        let code = self.pop_unit(
            positional.len() as u32,
            params.kwonly.len() as u32,
            params.vararg.is_some(),
            params.kwarg.is_some(),
        );
        self.make_function(code, flags, def.span)
    }

    /// An annotation's value: the expression, or its source text under
    /// `from __future__ import annotations`.
    fn annotation(&mut self, annotation: &'a Expr) -> Result<()> {
        if self.postponed_annotations {
            let span = annotation.span;
            let text = self
                .target
                .source
                .text
                .get(span.start as usize..span.end as usize)
                .unwrap_or_default()
                .to_string();
            self.load_const(Value::str(text));
            Ok(())
        } else {
            self.expr(annotation)
        }
    }

    fn table_kind(&self, key: usize) -> ScopeKind {
        if key == MODULE_KEY {
            ScopeKind::Module
        } else {
            self.table.scope(key).kind
        }
    }

    /// Emit `MakeFunction` for compiled code, loading its closure cells first.
    fn make_function(&mut self, code: Rc<Code>, mut flags: u8, span: Span) -> Result<()> {
        if code.nfree > 0 {
            let free_names: Vec<Rc<str>> =
                code.slot_names[(code.nlocals - code.nfree) as usize..].to_vec();
            for name in &free_names {
                match self.resolve(name) {
                    Resolved::Cell(slot) | Resolved::Free(slot) => {
                        self.emit(Instr::LoadClosure(slot));
                    }
                    other => unreachable!("free variable {name} resolves to {other:?} outside"),
                }
            }
            self.emit(Instr::BuildTuple(free_names.len() as u32));
            flags |= 4;
        }
        let unit = self.unit();
        unit.codes.push(code);
        let index = (unit.codes.len() - 1) as u32;
        self.at(span, |c| c.emit(Instr::MakeFunction { code: index, flags }));
        Ok(())
    }

    // ------------------------------------------------------------------------ expressions

    fn expr(&mut self, expr: &'a Expr) -> Result<()> {
        let saved = std::mem::replace(&mut self.unit().span, expr.span);
        let result = self.expr_kind(expr);
        self.unit().span = saved;
        result
    }

    fn expr_kind(&mut self, expr: &'a Expr) -> Result<()> {
        match &expr.kind {
            ExprKind::Name(name) => self.load_name(name),
            ExprKind::Constant(constant) => match constant {
                Constant::None => {
                    self.emit(Instr::LoadNone);
                }
                Constant::Bool(b) => self.load_const(Value::bool(*b)),
                Constant::Int(i) => self.load_const(Value::from_bigint(i.clone())),
                Constant::Float(f) => self.load_const(Value::float(*f)),
                Constant::Str(s) => self.load_const(Value::str(&**s)),
                Constant::Ellipsis => self.load_const(Value::Ellipsis),
            },
            ExprKind::FString(parts) => self.fstring(parts)?,
            ExprKind::Tuple(items) => {
                if items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
                    self.starred_list(items)?;
                    self.emit(Instr::ListToTuple);
                } else {
                    for item in items {
                        self.expr(item)?;
                    }
                    self.emit(Instr::BuildTuple(items.len() as u32));
                }
            }
            ExprKind::List(items) => {
                if items.iter().any(|e| matches!(e.kind, ExprKind::Starred(_))) {
                    self.starred_list(items)?;
                } else {
                    for item in items {
                        self.expr(item)?;
                    }
                    self.emit(Instr::BuildList(items.len() as u32));
                }
            }
            ExprKind::Set(items) => {
                self.emit(Instr::BuildSet(0));
                // CPython 3.11 builds a display of three or more constants from a frozenset
                // constant, which decides the set's table layout and so its order.
                if items.len() > 2
                    && let Some(values) = items
                        .iter()
                        .map(constant_value)
                        .collect::<Option<Vec<Value>>>()
                {
                    let mut table = crate::interp::value::SetItems::default();
                    for value in values {
                        match crate::interp::value::Key::new(value) {
                            Ok(key) => {
                                table.add(key);
                            }
                            Err(name) => {
                                return Err(Diagnostic::syntax(
                                    format!("unhashable type: '{name}'"),
                                    expr.span,
                                ));
                            }
                        }
                    }
                    // Merging constants rebuilds the frozenset from its own iteration order
                    // (`merge_consts_recursive`), which can move colliding items.
                    let mut merged = crate::interp::value::SetItems::default();
                    for key in table.iter() {
                        merged.add(key.clone());
                    }
                    self.load_const(Value::set(merged, true));
                    self.emit(Instr::SetUpdate(1));
                    return Ok(());
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => {
                            self.expr(inner)?;
                            self.emit(Instr::SetUpdate(1));
                        }
                        _ => {
                            self.expr(item)?;
                            self.emit(Instr::SetAdd(1));
                        }
                    }
                }
            }
            ExprKind::Dict(entries) => {
                if entries.iter().all(|(k, _)| k.is_some()) {
                    for (key, value) in entries {
                        self.expr(key.as_ref().expect("checked"))?;
                        self.expr(value)?;
                    }
                    self.emit(Instr::BuildMap(entries.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for (key, value) in entries {
                        match key {
                            Some(key) => {
                                self.expr(key)?;
                                self.expr(value)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(value)?;
                                self.at(value.span, |c| c.emit(Instr::DictUpdate(1)));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(Diagnostic::syntax(
                    "can't use starred expression here",
                    expr.span,
                ));
            }
            ExprKind::BinOp { op, left, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::Binary(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(*op));
            }
            ExprKind::BoolOp { op, values } => {
                let mut jumps = Vec::new();
                for (i, value) in values.iter().enumerate() {
                    self.expr(value)?;
                    if i + 1 < values.len() {
                        jumps.push(self.emit(match op {
                            BoolOp::And => Instr::JumpIfFalseOrPop(0),
                            BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                        }));
                    }
                }
                for jump in jumps {
                    self.patch(jump);
                }
            }
            ExprKind::Compare { left, ops } => self.compare(left, ops)?,
            ExprKind::IfExp { test, body, orelse } => {
                self.expr(test)?;
                let to_else = self.emit(Instr::PopJumpIfFalse(0));
                self.expr(body)?;
                let to_end = self.emit(Instr::Jump(0));
                self.patch(to_else);
                self.expr(orelse)?;
                self.patch(to_end);
            }
            ExprKind::Lambda(def) => self.function(def)?,
            ExprKind::Call { func, args } => self.call(func, args, expr.span)?,
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let sym = self.interner.intern(&attr.id);
                self.emit(Instr::LoadAttr(sym));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::Subscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                for part in [lower, upper] {
                    match part {
                        Some(part) => self.expr(part)?,
                        None => {
                            self.emit(Instr::LoadNone);
                        }
                    }
                }
                match step {
                    Some(step) => {
                        self.expr(step)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => {
                        self.emit(Instr::BuildSlice(2));
                    }
                }
            }
            ExprKind::Await(value) => {
                self.expr(value)?;
                self.emit(Instr::Await);
            }
            ExprKind::Yield(value) => {
                match value {
                    Some(value) => self.expr(value)?,
                    None => {
                        self.emit(Instr::LoadNone);
                    }
                }
                self.emit(Instr::Yield);
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(expr, generators, Comp::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(expr, generators, Comp::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(expr, generators, Comp::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(expr, generators, Comp::Generator(elt))?
            }
            ExprKind::Unsupported(construct) => {
                return Err(Diagnostic::new(
                    crate::diagnostic::ErrorKind::Unsupported,
                    construct.describe(),
                    expr.span,
                ));
            }
        }
        Ok(())
    }

    /// A list display with `*iterable` items.
    fn starred_list(&mut self, items: &'a [Expr]) -> Result<()> {
        self.emit(Instr::BuildList(0));
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.at(inner.span, |c| c.emit(Instr::ListExtend(1)));
                }
                _ => {
                    self.expr(item)?;
                    self.emit(Instr::ListAppend(1));
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &'a [FStringPart]) -> Result<()> {
        if let [FStringPart::Literal(text)] = parts {
            self.load_const(Value::str(text.as_str()));
            return Ok(());
        }
        for part in parts {
            match part {
                FStringPart::Literal(text) => self.load_const(Value::str(text.as_str())),
                FStringPart::Field {
                    value,
                    conversion,
                    spec,
                } => {
                    self.expr(value)?;
                    let has_spec = !spec.is_empty();
                    if has_spec {
                        self.fstring(spec)?;
                    }
                    let conversion = conversion.map_or(0, |c| c as u8);
                    self.at(value.span, |c| {
                        c.emit(Instr::FormatValue {
                            conversion,
                            has_spec,
                        })
                    });
                }
            }
        }
        if parts.len() != 1 {
            self.emit(Instr::BuildString(parts.len() as u32));
        }
        Ok(())
    }

    fn compare(&mut self, left: &'a Expr, ops: &'a [(CmpOp, Expr)]) -> Result<()> {
        self.expr(left)?;
        if let [(op, right)] = ops {
            self.expr(right)?;
            self.emit(Instr::Compare(*op));
            return Ok(());
        }
        // a < b < c: keep b for the next comparison; stop at the first false one.
        let mut cleanups = Vec::new();
        for (i, (op, right)) in ops.iter().enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Instr::Dup);
                self.emit(Instr::Rot3);
                self.emit(Instr::Compare(*op));
                cleanups.push(self.emit(Instr::JumpIfFalseOrPop(0)));
            } else {
                self.emit(Instr::Compare(*op));
            }
        }
        let to_end = self.emit(Instr::Jump(0));
        for cleanup in cleanups {
            self.patch(cleanup);
        }
        self.emit(Instr::Rot2);
        self.emit(Instr::Pop);
        self.patch(to_end);
        Ok(())
    }

    fn call(&mut self, func: &'a Expr, args: &'a [Arg], span: Span) -> Result<()> {
        let simple = args
            .iter()
            .all(|a| matches!(a, Arg::Positional(_) | Arg::Keyword(..)));
        let keywords: Vec<&Name> = args
            .iter()
            .filter_map(|a| match a {
                Arg::Keyword(name, _) => Some(name),
                _ => None,
            })
            .collect();
        // obj.method(args): no bound method object is built.
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, simple)
            && args.len() < u16::MAX as usize
        {
            self.expr(value)?;
            for arg in args {
                if let Arg::Positional(e) | Arg::Keyword(_, e) = arg {
                    self.expr(e)?;
                }
            }
            let name = self.interner.intern(&attr.id);
            let argc = args.len() as u16;
            if keywords.is_empty() {
                self.at(span, |c| c.emit(Instr::CallMethod { name, argc }));
            } else {
                self.keyword_names(&keywords);
                self.at(span, |c| c.emit(Instr::CallMethodKw { name, argc }));
            }
            return Ok(());
        }
        self.expr(func)?;
        if simple {
            for arg in args {
                if let Arg::Positional(e) | Arg::Keyword(_, e) = arg {
                    self.expr(e)?;
                }
            }
            if keywords.is_empty() {
                self.at(span, |c| c.emit(Instr::Call(args.len() as u32)));
            } else {
                self.keyword_names(&keywords);
                self.at(span, |c| c.emit(Instr::CallKw(args.len() as u32)));
            }
            return Ok(());
        }
        // The general form: a tuple of positional arguments and a dict of keywords.
        self.emit(Instr::BuildList(0));
        for arg in args {
            match arg {
                Arg::Positional(e) => {
                    self.expr(e)?;
                    self.emit(Instr::ListAppend(1));
                }
                Arg::Starred(e) => {
                    self.expr(e)?;
                    self.at(e.span, |c| c.emit(Instr::ArgsExtend));
                }
                _ => {}
            }
        }
        self.emit(Instr::ListToTuple);
        let has_kwargs = args
            .iter()
            .any(|a| matches!(a, Arg::Keyword(..) | Arg::DoubleStarred(_)));
        if has_kwargs {
            self.emit(Instr::BuildMap(0));
            // Keywords before the first `**` are distinct (the checker refuses repeats);
            // later ones are merged so that a repeat is caught.
            let mut merging = false;
            for arg in args {
                match arg {
                    Arg::Keyword(name, e) if merging => {
                        self.emit(Instr::BuildMap(0));
                        self.load_const(Value::str(&*name.id));
                        self.expr(e)?;
                        self.emit(Instr::MapAdd(1));
                        self.at(e.span, |c| c.emit(Instr::KwargsMerge));
                    }
                    Arg::Keyword(name, e) => {
                        self.load_const(Value::str(&*name.id));
                        self.expr(e)?;
                        self.emit(Instr::MapAdd(1));
                    }
                    Arg::DoubleStarred(e) => {
                        merging = true;
                        self.expr(e)?;
                        self.at(e.span, |c| c.emit(Instr::KwargsMerge));
                    }
                    _ => {}
                }
            }
        }
        self.at(span, |c| c.emit(Instr::CallEx { has_kwargs }));
        Ok(())
    }

    fn keyword_names(&mut self, keywords: &[&Name]) {
        let names = keywords.iter().map(|n| Value::str(&*n.id)).collect();
        self.load_const(Value::tuple(names));
    }

    /// A comprehension or generator expression: a nested function over the first
    /// iterator, called at once.
    fn comprehension(
        &mut self,
        expr: &'a Expr,
        generators: &'a [Comprehension],
        comp: Comp<'a>,
    ) -> Result<()> {
        let key = expr_key(expr);
        let (name, kind) = match comp {
            Comp::List(_) => ("<listcomp>", CodeKind::Function),
            Comp::Set(_) => ("<setcomp>", CodeKind::Function),
            Comp::Dict(..) => ("<dictcomp>", CodeKind::Function),
            Comp::Generator(_) => ("<genexpr>", CodeKind::Generator),
        };
        let outer_qualname = self.unit().qualname.clone();
        let scope_key = self.unit().scope_key;
        let qualname: Rc<str> = match self.table_kind(scope_key) {
            ScopeKind::Module => Rc::from(name),
            _ => Rc::from(format!("{outer_qualname}.<locals>.{name}")),
        };
        self.push_unit(key, Rc::from(name), qualname, kind, expr.span);
        match comp {
            Comp::Generator(_) => {
                self.emit(Instr::Pop); // the value of the first `send(None)`
            }
            Comp::List(_) => {
                self.emit(Instr::BuildList(0));
            }
            Comp::Set(_) => {
                self.emit(Instr::BuildSet(0));
            }
            Comp::Dict(..) => {
                self.emit(Instr::BuildMap(0));
            }
        }
        let mut exits = Vec::new();
        let mut starts = Vec::new();
        for (i, generator) in generators.iter().enumerate() {
            if i == 0 {
                self.emit(Instr::LoadLocal(0));
            } else {
                self.expr(&generator.iter)?;
                let get_iter = if generator.is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                };
                self.at(generator.iter.span, |c| c.emit(get_iter));
            }
            let start = self.here();
            starts.push(start);
            if generator.is_async {
                exits.push(self.async_next(&generator.target)?);
            } else {
                exits.push(self.emit(Instr::ForIter(0)));
                self.assign(&generator.target)?;
            }
            for condition in &generator.ifs {
                self.expr(condition)?;
                self.emit(Instr::PopJumpIfFalse(start));
            }
        }
        let depth = generators.len() as u32 + 1;
        match comp {
            Comp::List(elt) => {
                self.expr(elt)?;
                self.emit(Instr::ListAppend(depth));
            }
            Comp::Set(elt) => {
                self.expr(elt)?;
                self.emit(Instr::SetAdd(depth));
            }
            Comp::Dict(key_expr, value) => {
                self.expr(key_expr)?;
                self.expr(value)?;
                self.emit(Instr::MapAdd(depth));
            }
            Comp::Generator(elt) => {
                self.expr(elt)?;
                self.emit(Instr::Yield);
                self.emit(Instr::Pop);
            }
        }
        for ((start, exit), generator) in starts.into_iter().zip(exits).zip(generators).rev() {
            self.emit(Instr::Jump(start));
            self.patch(exit);
            if generator.is_async {
                self.emit(Instr::EndAsyncFor);
            }
        }
        if matches!(comp, Comp::Generator(_)) {
            self.emit(Instr::LoadNone);
        }
        self.emit(Instr::Return);
        let code = self.pop_unit(1, 0, false, false);
        self.make_function(code, 0, expr.span)?;
        self.expr(&generators[0].iter)?;
        let get_iter = if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        };
        self.at(generators[0].iter.span, |c| c.emit(get_iter));
        self.at(expr.span, |c| c.emit(Instr::Call(1)));
        Ok(())
    }
}

/// The value of an expression CPython's AST optimizer turns into a constant: literals,
/// signs and `~` applied to numbers, and tuples of constants.
fn constant_value(expr: &Expr) -> Option<Value> {
    match &expr.kind {
        ExprKind::Constant(constant) => Some(match constant {
            Constant::None => Value::None,
            Constant::Bool(b) => Value::bool(*b),
            Constant::Int(i) => Value::from_bigint(i.clone()),
            Constant::Float(f) => Value::float(*f),
            Constant::Str(s) => Value::str(&**s),
            Constant::Ellipsis => Value::Ellipsis,
        }),
        ExprKind::UnaryOp { op, operand } => {
            let value = constant_value(operand)?;
            match (op, value) {
                (UnaryOp::Neg, Value::Int(i)) => i.checked_neg().map(Value::Int),
                (UnaryOp::Neg, Value::BigInt(b)) => Some(Value::from_bigint(-(*b).clone())),
                (UnaryOp::Neg, Value::Float(f)) => Some(Value::float(-f.get())),
                (UnaryOp::Pos, value @ (Value::Int(_) | Value::BigInt(_) | Value::Float(_))) => {
                    Some(value)
                }
                (UnaryOp::Invert, Value::Int(i)) => Some(Value::Int(!i)),
                _ => None,
            }
        }
        ExprKind::Tuple(items) => items
            .iter()
            .map(constant_value)
            .collect::<Option<Vec<_>>>()
            .map(Value::tuple),
        ExprKind::BinOp { left, op, right } => {
            fold_binary(*op, constant_value(left)?, constant_value(right)?)
        }
        _ => None,
    }
}

/// The bit size past which CPython's AST optimizer leaves an int operation unfolded.
const MAX_INT_SIZE: u64 = 128;
/// The length past which it leaves a string repetition unfolded.
const MAX_STR_SIZE: usize = 4096;

/// `left op right` on constants, where CPython's AST optimizer folds it (a set display of
/// folded constants is built from a frozenset, which decides its order). Operations it
/// would not fold, or that raise, give `None`.
fn fold_binary(op: BinOp, left: Value, right: Value) -> Option<Value> {
    use num_bigint::BigInt;
    use num_traits::{Signed, ToPrimitive, Zero};
    let int = |v: &Value| match v {
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => v.as_bigint(),
        _ => None,
    };
    if let (Some(a), Some(b)) = (int(&left), int(&right)) {
        let result: BigInt = match op {
            BinOp::Add => a + b,
            BinOp::Sub => a - b,
            BinOp::Mul => {
                if !a.is_zero() && !b.is_zero() && a.bits() + b.bits() > MAX_INT_SIZE {
                    return None;
                }
                a * b
            }
            BinOp::FloorDiv | BinOp::Mod if b.is_zero() => return None,
            BinOp::FloorDiv => num_integer::Integer::div_floor(&a, &b),
            BinOp::Mod => num_integer::Integer::mod_floor(&a, &b),
            BinOp::Pow => {
                if b.is_negative() {
                    return None;
                }
                let exponent = b.to_u64()?;
                if !a.is_zero() && exponent > 0 && a.bits() > MAX_INT_SIZE / exponent {
                    return None;
                }
                num_traits::pow::Pow::pow(a, exponent)
            }
            BinOp::LShift => {
                let shift = b.to_u64()?;
                if shift > MAX_INT_SIZE || a.bits() > MAX_INT_SIZE - shift {
                    return None;
                }
                a << shift
            }
            BinOp::RShift => {
                let shift = b.to_u64()?;
                a >> shift.min(u64::from(u32::MAX))
            }
            BinOp::BitAnd => a & b,
            BinOp::BitOr => a | b,
            BinOp::BitXor => a ^ b,
            BinOp::Div | BinOp::MatMul => return None,
        };
        return Some(Value::from_bigint(result));
    }
    match (op, &left, &right) {
        (BinOp::Add, Value::Str(a), Value::Str(b)) => {
            Some(Value::str(format!("{}{}", a.as_str(), b.as_str())))
        }
        (BinOp::Mul, Value::Str(s), n) | (BinOp::Mul, n, Value::Str(s)) => {
            let n = int(n)?.to_i64()?.max(0) as usize;
            if s.as_str().len().saturating_mul(n) > MAX_STR_SIZE {
                return None;
            }
            Some(Value::str(s.as_str().repeat(n)))
        }
        (BinOp::Add | BinOp::Sub | BinOp::Mul, Value::Float(_), _)
        | (BinOp::Add | BinOp::Sub | BinOp::Mul, _, Value::Float(_)) => {
            let float = |v: &Value| match v {
                Value::Float(f) => Some(f.get()),
                // Exact only for ints that fit a double's mantissa.
                other => int(other)?
                    .to_i64()
                    .filter(|i| i.abs() < 1 << 53)
                    .map(|i| i as f64),
            };
            let (a, b) = (float(&left)?, float(&right)?);
            Some(Value::float(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                _ => a * b,
            }))
        }
        _ => None,
    }
}

/// What a comprehension builds.
#[derive(Clone, Copy)]
enum Comp<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(&'a Expr, &'a Expr),
    Generator(&'a Expr),
}
