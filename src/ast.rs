//! The typed syntax tree of a scenario file.
//!
//! Built by the parser, read by the checker and the compiler. Every statement and
//! expression carries the [`Span`] of its source text. Valid Python that `scenario` does not
//! run is kept as an `Unsupported` node naming the construct, so the checker can report it
//! with its location instead of the parser failing.

use std::rc::Rc;

use num_bigint::BigInt;

use crate::source::Span;

/// A whole file.
#[derive(Debug)]
pub struct Module {
    pub body: Vec<Stmt>,
}

/// An identifier with its location.
#[derive(Clone, Debug, PartialEq)]
pub struct Name {
    pub id: Rc<str>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
pub enum StmtKind {
    /// An expression evaluated for its effect.
    Expr(Expr),
    /// `a = b = value`
    Assign {
        targets: Vec<Expr>,
        value: Expr,
    },
    /// `x += value`
    AugAssign {
        target: Expr,
        op: BinOp,
        value: Expr,
    },
    /// `x: annotation [= value]`
    AnnAssign {
        target: Expr,
        annotation: Expr,
        value: Option<Expr>,
    },
    FunctionDef(Rc<FunctionDef>),
    Return(Option<Expr>),
    If {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    While {
        test: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    For {
        is_async: bool,
        target: Expr,
        iter: Expr,
        body: Vec<Stmt>,
        orelse: Vec<Stmt>,
    },
    Break,
    Continue,
    Pass,
    Try {
        body: Vec<Stmt>,
        handlers: Vec<ExceptHandler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    Raise {
        exc: Option<Expr>,
        cause: Option<Expr>,
    },
    /// `import a.b as c, d`
    Import(Vec<ImportName>),
    /// `from module import names`; `names` is empty for `import *`.
    ImportFrom {
        module: Name,
        level: usize,
        names: Vec<ImportName>,
    },
    Global(Vec<Name>),
    Nonlocal(Vec<Name>),
    Del(Vec<Expr>),
    Assert {
        test: Expr,
        msg: Option<Expr>,
    },
    /// `async with a as x, b: body`
    AsyncWith {
        items: Vec<WithItem>,
        body: Vec<Stmt>,
    },
    /// Valid Python outside the subset.
    Unsupported(Construct),
}

/// An imported module or name with its optional alias.
#[derive(Debug)]
pub struct ImportName {
    /// The dotted name, as written.
    pub name: Name,
    pub alias: Option<Name>,
}

#[derive(Debug)]
pub struct ExceptHandler {
    /// `None` for a bare `except:`.
    pub kind: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
    /// `except*`: the clause takes its part of an exception group.
    pub star: bool,
}

/// A `def`, `async def` or `lambda`.
#[derive(Debug)]
pub struct FunctionDef {
    pub name: Name,
    pub is_async: bool,
    pub is_lambda: bool,
    pub params: Params,
    pub returns: Option<Expr>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

/// A parameter list.
#[derive(Debug, Default)]
pub struct Params {
    /// Positional-only parameters (before `/`).
    pub posonly: Vec<Param>,
    /// Ordinary parameters.
    pub args: Vec<Param>,
    /// `*args`
    pub vararg: Option<Param>,
    /// Keyword-only parameters (after `*` or `*args`).
    pub kwonly: Vec<Param>,
    /// `**kwargs`
    pub kwarg: Option<Param>,
}

impl Params {
    /// Every parameter, in source order.
    pub fn all(&self) -> impl Iterator<Item = &Param> {
        self.posonly
            .iter()
            .chain(&self.args)
            .chain(&self.vararg)
            .chain(&self.kwonly)
            .chain(&self.kwarg)
    }

    /// Every parameter in frame-slot order: positional, keyword-only, `*args`, `**kwargs`.
    pub fn in_slot_order(&self) -> impl Iterator<Item = &Param> {
        self.posonly
            .iter()
            .chain(&self.args)
            .chain(&self.kwonly)
            .chain(&self.vararg)
            .chain(&self.kwarg)
    }
}

#[derive(Debug)]
pub struct Param {
    pub name: Name,
    pub annotation: Option<Expr>,
    pub default: Option<Expr>,
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
    /// How many expressions deep it is, itself included (1 for a name or a constant):
    /// the parser holds programs to CPython's compile-time limit with it.
    pub depth: u32,
}

#[derive(Debug)]
pub enum ExprKind {
    Name(Rc<str>),
    Constant(Constant),
    /// An f-string (possibly concatenated with plain strings).
    FString(Vec<FStringPart>),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `{k: v, **m}`: a `None` key is a `**` splat.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    BinOp {
        op: BinOp,
        left: Box<Expr>,
        right: Box<Expr>,
    },
    UnaryOp {
        op: UnaryOp,
        operand: Box<Expr>,
    },
    BoolOp {
        op: BoolOp,
        values: Vec<Expr>,
    },
    /// `a < b <= c`
    Compare {
        left: Box<Expr>,
        ops: Vec<(CmpOp, Expr)>,
    },
    IfExp {
        test: Box<Expr>,
        body: Box<Expr>,
        orelse: Box<Expr>,
    },
    Lambda(Rc<FunctionDef>),
    Call {
        func: Box<Expr>,
        args: Vec<Arg>,
    },
    Attribute {
        value: Box<Expr>,
        attr: Name,
    },
    Subscript {
        value: Box<Expr>,
        index: Box<Expr>,
    },
    Slice {
        lower: Option<Box<Expr>>,
        upper: Option<Box<Expr>>,
        step: Option<Box<Expr>>,
    },
    Await(Box<Expr>),
    /// `yield [value]`: only in an `async def` (an asynchronous generator).
    Yield(Option<Box<Expr>>),
    ListComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    SetComp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    DictComp {
        key: Box<Expr>,
        value: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    GeneratorExp {
        elt: Box<Expr>,
        generators: Vec<Comprehension>,
    },
    /// Valid Python outside the subset.
    Unsupported(Construct),
}

/// One `manager [as target]` of an `async with`.
#[derive(Debug)]
pub struct WithItem {
    pub context: Expr,
    pub target: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Constant {
    None,
    Bool(bool),
    Int(BigInt),
    Float(f64),
    Str(Rc<str>),
    Ellipsis,
}

#[derive(Debug)]
pub enum FStringPart {
    Literal(String),
    Field {
        value: Box<Expr>,
        /// `!r`, `!s` or `!a`
        conversion: Option<char>,
        /// The format spec, itself an f-string (`{x:{width}}`); empty for none.
        spec: Vec<FStringPart>,
    },
}

#[derive(Debug)]
pub enum Arg {
    Positional(Expr),
    /// `*iterable`
    Starred(Expr),
    Keyword(Name, Expr),
    /// `**mapping`
    DoubleStarred(Expr),
}

#[derive(Debug)]
pub struct Comprehension {
    pub is_async: bool,
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    MatMul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    LShift,
    RShift,
    BitOr,
    BitXor,
    BitAnd,
}

impl BinOp {
    /// The operator as written, as CPython names it in error messages.
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::MatMul => "@",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoolOp {
    And,
    Or,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    LtE,
    Gt,
    GtE,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

/// A construct of Python that `scenario` recognises but does not run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Construct {
    ClassDef,
    Decorator,
    Match,
    With,
    AsyncWith,
    AsyncFor,
    Walrus,
    Yield,
    YieldFrom,

    Complex,
    Bytes,
    MatMul,
    AsyncComprehension,
    PositionalOnly,
    NamedEscape,
    StarAnnotation,
    Surrogate,
}

impl Construct {
    /// What the construct is called in the error message.
    pub fn describe(self) -> &'static str {
        match self {
            Construct::ClassDef => "class definitions are not supported",
            Construct::Decorator => "decorators are not supported",
            Construct::Match => "the match statement is not supported",
            Construct::With => "the with statement is not supported",
            Construct::AsyncWith => "async with is not supported yet",
            Construct::AsyncFor => "async for is not supported yet",
            Construct::Walrus => "assignment expressions (:=) are not supported",
            Construct::Yield => "yield (generator functions) is not supported",
            Construct::YieldFrom => "yield from (generator functions) is not supported",

            Construct::Complex => "complex numbers are not supported",
            Construct::Bytes => "bytes literals are not supported",
            Construct::MatMul => "the @ operator is not supported",
            Construct::AsyncComprehension => "asynchronous comprehensions are not supported yet",
            Construct::PositionalOnly => "positional-only parameters (/) are not supported",
            Construct::NamedEscape => "\\N{...} escapes in strings are not supported",
            Construct::StarAnnotation => "starred annotations (*args: *Ts) are not supported",
            Construct::Surrogate => "lone surrogate characters in strings are not supported",
        }
    }

    /// What to write instead, where there is something.
    pub fn help(self) -> Option<&'static str> {
        match self {
            Construct::ClassDef => Some("model state with dicts, lists and functions"),
            Construct::Decorator => Some("call the wrapping function explicitly"),
            Construct::Match => Some("use if/elif/else"),
            Construct::With => Some("use try/finally"),
            Construct::Walrus => Some("assign on a line of its own"),
            Construct::Yield | Construct::YieldFrom => Some("build and return a list"),
            Construct::NamedEscape => Some("write the character itself, or a \\u escape"),
            Construct::PositionalOnly => Some("remove the / from the parameter list"),
            _ => None,
        }
    }
}

/// A statement or an expression, as [`walk`] visits them.
#[derive(Clone, Copy)]
pub enum Node<'a> {
    Stmt(&'a Stmt),
    Expr(&'a Expr),
}

/// Visit every statement and expression of a body, outer before inner, in source order
/// (function bodies and lambdas included).
pub fn walk<'a>(body: &'a [Stmt], visit: &mut impl FnMut(Node<'a>)) {
    for stmt in body {
        walk_stmt(stmt, visit);
    }
}

fn walk_stmt<'a>(stmt: &'a Stmt, visit: &mut impl FnMut(Node<'a>)) {
    visit(Node::Stmt(stmt));
    fn expr<'a>(e: &'a Expr, visit: &mut impl FnMut(Node<'a>)) {
        walk_expr(e, visit)
    }
    match &stmt.kind {
        StmtKind::Expr(e) | StmtKind::Return(Some(e)) => expr(e, visit),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(|t| expr(t, visit));
            expr(value, visit);
        }
        StmtKind::AugAssign { target, value, .. } => {
            expr(target, visit);
            expr(value, visit);
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => {
            expr(target, visit);
            expr(annotation, visit);
            if let Some(value) = value {
                expr(value, visit);
            }
        }
        StmtKind::FunctionDef(def) => walk_function(def, visit),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            expr(test, visit);
            walk(body, visit);
            walk(orelse, visit);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            expr(target, visit);
            expr(iter, visit);
            walk(body, visit);
            walk(orelse, visit);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            walk(body, visit);
            for handler in handlers {
                if let Some(kind) = &handler.kind {
                    expr(kind, visit);
                }
                walk(&handler.body, visit);
            }
            walk(orelse, visit);
            walk(finalbody, visit);
        }
        StmtKind::Raise { exc, cause } => {
            for e in [exc, cause].into_iter().flatten() {
                expr(e, visit);
            }
        }
        StmtKind::Del(targets) => targets.iter().for_each(|t| expr(t, visit)),
        StmtKind::Assert { test, msg } => {
            expr(test, visit);
            if let Some(msg) = msg {
                expr(msg, visit);
            }
        }
        StmtKind::AsyncWith { items, body } => {
            for item in items {
                expr(&item.context, visit);
                if let Some(target) = &item.target {
                    expr(target, visit);
                }
            }
            walk(body, visit);
        }
        StmtKind::Return(None)
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Pass
        | StmtKind::Import(_)
        | StmtKind::ImportFrom { .. }
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Unsupported(_) => {}
    }
}

/// Visit an expression and every expression inside it, outer before inner.
pub fn walk_expr_nodes<'a>(expr: &'a Expr, visit: &mut impl FnMut(Node<'a>)) {
    walk_expr(expr, visit)
}

fn walk_function<'a>(def: &'a FunctionDef, visit: &mut impl FnMut(Node<'a>)) {
    for param in def.params.all() {
        for e in [&param.default, &param.annotation].into_iter().flatten() {
            walk_expr(e, visit);
        }
    }
    if let Some(returns) = &def.returns {
        walk_expr(returns, visit);
    }
    walk(&def.body, visit);
}

fn walk_expr<'a>(expr: &'a Expr, visit: &mut impl FnMut(Node<'a>)) {
    visit(Node::Expr(expr));
    match &expr.kind {
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Unsupported(_) => {}
        ExprKind::FString(parts) => walk_fstring(parts, visit),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            items.iter().for_each(|e| walk_expr(e, visit))
        }
        ExprKind::Dict(entries) => {
            for (key, value) in entries {
                if let Some(key) = key {
                    walk_expr(key, visit);
                }
                walk_expr(value, visit);
            }
        }
        ExprKind::Starred(inner) | ExprKind::Await(inner) => walk_expr(inner, visit),
        ExprKind::BinOp { left, right, .. } => {
            walk_expr(left, visit);
            walk_expr(right, visit);
        }
        ExprKind::UnaryOp { operand, .. } => walk_expr(operand, visit),
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|e| walk_expr(e, visit)),
        ExprKind::Compare { left, ops } => {
            walk_expr(left, visit);
            ops.iter().for_each(|(_, e)| walk_expr(e, visit));
        }
        ExprKind::IfExp { test, body, orelse } => {
            walk_expr(test, visit);
            walk_expr(body, visit);
            walk_expr(orelse, visit);
        }
        ExprKind::Lambda(def) => walk_function(def, visit),
        ExprKind::Call { func, args } => {
            walk_expr(func, visit);
            for arg in args {
                match arg {
                    Arg::Positional(e)
                    | Arg::Starred(e)
                    | Arg::Keyword(_, e)
                    | Arg::DoubleStarred(e) => walk_expr(e, visit),
                }
            }
        }
        ExprKind::Attribute { value, .. } => walk_expr(value, visit),
        ExprKind::Subscript { value, index } => {
            walk_expr(value, visit);
            walk_expr(index, visit);
        }
        ExprKind::Slice { lower, upper, step } => {
            for part in [lower, upper, step].into_iter().flatten() {
                walk_expr(part, visit);
            }
        }
        ExprKind::Yield(value) => {
            if let Some(value) = value {
                walk_expr(value, visit);
            }
        }
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            walk_comprehension(generators, visit);
            walk_expr(elt, visit);
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            walk_comprehension(generators, visit);
            walk_expr(key, visit);
            walk_expr(value, visit);
        }
    }
}

fn walk_comprehension<'a>(generators: &'a [Comprehension], visit: &mut impl FnMut(Node<'a>)) {
    for generator in generators {
        walk_expr(&generator.target, visit);
        walk_expr(&generator.iter, visit);
        generator.ifs.iter().for_each(|e| walk_expr(e, visit));
    }
}

fn walk_fstring<'a>(parts: &'a [FStringPart], visit: &mut impl FnMut(Node<'a>)) {
    for part in parts {
        if let FStringPart::Field { value, spec, .. } = part {
            walk_expr(value, visit);
            walk_fstring(spec, visit);
        }
    }
}
