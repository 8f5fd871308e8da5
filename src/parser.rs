//! The parser: layout-marked text → pest parse tree → typed AST.
//!
//! This is the only module that knows about pest. It runs the layout pre-pass, parses the
//! marked text with the grammar in `grammar/scenario.pest`, and builds [`ast`] nodes with
//! spans mapped back to the original source. It also does what CPython does at this level
//! but a PEG grammar cannot say cleanly: it splits f-strings (the CPython 3.11 way: the
//! literal is lexed first, then each replacement field is parsed as an expression),
//! decodes string escapes and number literals, checks assignment targets, parameter lists
//! and call arguments, and resolves operator precedence with a Pratt parser.
//!
//! Errors are [`Diagnostic`]s with CPython 3.11's wording where CPython reports the same
//! problem; pest's own "expected ..." lists never reach the user.

use std::cell::Cell;
use std::rc::Rc;

use num_bigint::BigInt;
use pest::Parser as _;
use pest::iterators::Pair;
use pest::pratt_parser::{Assoc, Op, PrattParser};

use crate::ast::*;
use crate::diagnostic::{Diagnostic, ErrorKind};
use crate::layout::{self, DEDENT, INDENT, Layout, NEWLINE};
use crate::source::{Source, Span};

#[derive(pest_derive::Parser)]
#[grammar = "../grammar/scenario.pest"]
struct Grammar;

type Result<T> = std::result::Result<T, Diagnostic>;

/// Parse a whole file.
pub fn parse(source: &Source) -> Result<Module> {
    let layout = layout::layout(&source.text)?;
    let mut pairs = Grammar::parse(Rule::file, &layout.text).map_err(|_| {
        // pest records the tokens it expected only when asked to, which slows every parse;
        // ask for them on the failing input only.
        pest::set_error_detail(true);
        let error = Grammar::parse(Rule::file, &layout.text)
            .expect_err("the same input fails the same way");
        syntax_error(&error, &layout)
    })?;
    let file = pairs.next().expect("the file rule matched");
    let builder = Builder::new(Positions::Marked(&layout));
    let mut body = Vec::new();
    for pair in file.into_inner() {
        if pair.as_rule() != Rule::EOI {
            builder.statement(pair, &mut body)?;
        }
    }
    builder.depth_checked()?;
    Ok(Module { body })
}

/// CPython's compile-time nesting limit: statements and expressions on a path from a
/// top-level statement down, three times the default recursion limit of 1000. Deeper,
/// `python3` fails with `RecursionError: maximum recursion depth exceeded during
/// compilation` (`-(-(...))` with 2,999 minus signs after `x = `).
pub const MAX_NESTING: u32 = 3000;

/// How positions in the parsed text become source offsets.
#[derive(Clone, Copy)]
enum Positions<'a> {
    /// The layout-marked text of the whole file.
    Marked(&'a Layout),
    /// A fragment (an f-string field) that starts at this source offset.
    Fragment(usize),
}

struct Builder<'a> {
    positions: Positions<'a>,
    pratt: PrattParser<Rule>,
    /// How many statements enclose the expressions being built, theirs included.
    statements: Cell<u32>,
    /// Where an expression first went past [`MAX_NESTING`]: it was cut there (so that no
    /// later pass recurses through it) and parsing fails at the end.
    too_deep: Cell<Option<Span>>,
}

/// The children of a pair, walked in order; keyword tokens are skipped unless asked for.
struct Parts<'i> {
    items: Vec<Pair<'i, Rule>>,
    next: usize,
}

impl<'i> Parts<'i> {
    fn of(pair: Pair<'i, Rule>) -> Parts<'i> {
        Parts {
            items: pair.into_inner().collect(),
            next: 0,
        }
    }

    fn skip_keywords(&mut self) {
        while self
            .items
            .get(self.next)
            .is_some_and(|p| is_keyword(p.as_rule()))
        {
            self.next += 1;
        }
    }

    /// The next child that is not a keyword.
    fn next(&mut self) -> Option<Pair<'i, Rule>> {
        self.skip_keywords();
        let pair = self.items.get(self.next).cloned();
        self.next += 1;
        pair
    }

    /// The next child, which the grammar guarantees is there.
    fn expect(&mut self) -> Pair<'i, Rule> {
        self.next().expect("the grammar guarantees this child")
    }

    /// Consume the next child (keyword or not) if it has this rule.
    fn eat(&mut self, rule: Rule) -> Option<Pair<'i, Rule>> {
        if !is_keyword(rule) {
            self.skip_keywords();
        }
        let pair = self
            .items
            .get(self.next)
            .filter(|p| p.as_rule() == rule)
            .cloned();
        if pair.is_some() {
            self.next += 1;
        }
        pair
    }

    fn rest(mut self) -> Vec<Pair<'i, Rule>> {
        self.skip_keywords();
        self.items
            .split_off(self.next.min(self.items.len()))
            .into_iter()
            .filter(|p| !is_keyword(p.as_rule()))
            .collect()
    }
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::kw_and
            | Rule::kw_as
            | Rule::kw_assert
            | Rule::kw_async
            | Rule::kw_await
            | Rule::kw_break
            | Rule::kw_class
            | Rule::kw_continue
            | Rule::kw_def
            | Rule::kw_del
            | Rule::kw_elif
            | Rule::kw_else
            | Rule::kw_except
            | Rule::kw_finally
            | Rule::kw_for
            | Rule::kw_from
            | Rule::kw_global
            | Rule::kw_if
            | Rule::kw_import
            | Rule::kw_in
            | Rule::kw_is
            | Rule::kw_lambda
            | Rule::kw_nonlocal
            | Rule::kw_not
            | Rule::kw_or
            | Rule::kw_pass
            | Rule::kw_raise
            | Rule::kw_return
            | Rule::kw_try
            | Rule::kw_while
            | Rule::kw_with
            | Rule::kw_yield
            | Rule::kw_match
            | Rule::kw_case
    )
}

/// What an assignment-like statement does to its targets, for CPython's error wording.
#[derive(Clone, Copy, PartialEq)]
enum TargetUse {
    Assign,
    AugAssign,
    Delete,
    ForLoop,
}

impl<'a> Builder<'a> {
    fn new(positions: Positions<'a>) -> Builder<'a> {
        let pratt = PrattParser::new()
            .op(Op::infix(Rule::bitor, Assoc::Left))
            .op(Op::infix(Rule::bitxor, Assoc::Left))
            .op(Op::infix(Rule::bitand, Assoc::Left))
            .op(Op::infix(Rule::lshift, Assoc::Left) | Op::infix(Rule::rshift, Assoc::Left))
            .op(Op::infix(Rule::add, Assoc::Left) | Op::infix(Rule::sub, Assoc::Left))
            .op(Op::infix(Rule::mul, Assoc::Left)
                | Op::infix(Rule::matmul, Assoc::Left)
                | Op::infix(Rule::div, Assoc::Left)
                | Op::infix(Rule::floordiv, Assoc::Left)
                | Op::infix(Rule::modulo, Assoc::Left))
            .op(Op::prefix(Rule::neg) | Op::prefix(Rule::pos) | Op::prefix(Rule::invert))
            .op(Op::infix(Rule::pow, Assoc::Right));
        Builder {
            positions,
            pratt,
            statements: Cell::new(1),
            too_deep: Cell::new(None),
        }
    }

    /// The error for an expression that went past [`MAX_NESTING`], if one did.
    fn depth_checked(&self) -> Result<()> {
        match self.too_deep.get() {
            None => Ok(()),
            Some(span) => Err(Diagnostic::new(
                ErrorKind::Recursion,
                "maximum recursion depth exceeded during compilation",
                span,
            )
            .with_help(format!(
                "this expression nests more than {MAX_NESTING} levels deep, CPython's limit; \
                 build it in steps, with intermediate variables"
            ))),
        }
    }

    fn offset(&self, marked: usize) -> usize {
        match self.positions {
            Positions::Marked(layout) => layout.source_offset(marked),
            Positions::Fragment(base) => base + marked,
        }
    }

    fn span(&self, pair: &Pair<Rule>) -> Span {
        let span = pair.as_span();
        let (start, mut end) = (span.start(), span.end());
        // A span never includes the layout markers at its end.
        let text = span.as_str();
        let trimmed = text.trim_end_matches([NEWLINE, INDENT, DEDENT, ' ', '\t', '\n', '\r']);
        end -= text.len() - trimmed.len();
        Span::new(self.offset(start), self.offset(end))
    }

    fn expr(&self, kind: ExprKind, span: Span) -> Expr {
        let depth = 1 + children_depth(&kind);
        if depth + self.statements.get() > MAX_NESTING {
            if self.too_deep.get().is_none() {
                self.too_deep.set(Some(span));
            }
            return Expr {
                kind: ExprKind::Constant(Constant::None),
                span,
                depth: 1,
            };
        }
        Expr { kind, span, depth }
    }

    // ---------------------------------------------------------------------------- statements

    /// Build the statement(s) of a `statement` position: a compound statement or a line of
    /// simple statements.
    fn statement(&self, pair: Pair<Rule>, out: &mut Vec<Stmt>) -> Result<()> {
        if pair.as_rule() == Rule::simple_stmts {
            for simple in pair.into_inner() {
                out.push(self.simple_statement(simple)?);
            }
        } else {
            out.push(self.compound_statement(pair)?);
        }
        Ok(())
    }

    fn block(&self, pair: Pair<Rule>) -> Result<Vec<Stmt>> {
        let mut body = Vec::new();
        self.statements.set(self.statements.get() + 1);
        for child in pair.into_inner() {
            self.statement(child, &mut body)?;
        }
        self.statements.set(self.statements.get() - 1);
        Ok(body)
    }

    fn simple_statement(&self, pair: Pair<Rule>) -> Result<Stmt> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut parts = Parts::of(pair);
        let kind = match rule {
            Rule::expr_stmt => StmtKind::Expr(self.rhs(parts.expect())?),
            Rule::assign_stmt => {
                let mut items = parts.rest();
                let value = self.rhs(items.pop().expect("an assignment has a value"))?;
                let targets = items
                    .into_iter()
                    .map(|t| self.target(self.star_expressions(t)?, TargetUse::Assign))
                    .collect::<Result<Vec<_>>>()?;
                StmtKind::Assign { targets, value }
            }
            Rule::aug_assign_stmt => {
                let target = self.primary(parts.expect())?;
                let op = augmented_op(parts.expect().as_str());
                let value = self.rhs(parts.expect())?;
                StmtKind::AugAssign {
                    target: self.target(target, TargetUse::AugAssign)?,
                    op,
                    value,
                }
            }
            Rule::ann_assign_stmt => {
                let target = self.primary(parts.expect())?;
                if !matches!(
                    target.kind,
                    ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
                ) {
                    return Err(Diagnostic::syntax(
                        "illegal target for annotation",
                        target.span,
                    ));
                }
                let annotation = self.expression(parts.expect())?;
                let value = parts.next().map(|v| self.rhs(v)).transpose()?;
                StmtKind::AnnAssign {
                    target,
                    annotation,
                    value,
                }
            }
            Rule::return_stmt => {
                StmtKind::Return(parts.next().map(|v| self.star_expressions(v)).transpose()?)
            }
            Rule::raise_stmt => {
                let exc = parts.next().map(|e| self.expression(e)).transpose()?;
                let cause = parts.next().map(|e| self.expression(e)).transpose()?;
                StmtKind::Raise { exc, cause }
            }
            Rule::pass_stmt => StmtKind::Pass,
            Rule::break_stmt => StmtKind::Break,
            Rule::continue_stmt => StmtKind::Continue,
            Rule::del_stmt => {
                let targets = self.target_list_items(parts.expect())?;
                let targets = targets
                    .into_iter()
                    .map(|t| self.target(t, TargetUse::Delete))
                    .collect::<Result<Vec<_>>>()?;
                StmtKind::Del(targets)
            }
            Rule::assert_stmt => {
                let test = self.expression(parts.expect())?;
                let msg = parts.next().map(|m| self.expression(m)).transpose()?;
                StmtKind::Assert { test, msg }
            }
            Rule::global_stmt | Rule::nonlocal_stmt => {
                let names = parts.rest().into_iter().map(|n| self.name(n)).collect();
                if rule == Rule::global_stmt {
                    StmtKind::Global(names)
                } else {
                    StmtKind::Nonlocal(names)
                }
            }
            Rule::import_stmt => {
                let names = parts
                    .rest()
                    .into_iter()
                    .map(|item| {
                        let mut item = Parts::of(item);
                        let name = self.dotted_name(item.expect());
                        let alias = item.next().map(|a| self.name(a));
                        ImportName { name, alias }
                    })
                    .collect();
                StmtKind::Import(names)
            }
            Rule::from_import_stmt => {
                let source = parts.expect();
                let mut level = 0;
                let mut module = Name {
                    id: Rc::from(""),
                    span: self.span(&source),
                };
                for part in source.into_inner() {
                    match part.as_rule() {
                        Rule::import_dots => level += part.as_str().len(),
                        _ => module = self.dotted_name(part),
                    }
                }
                let mut names = Vec::new();
                for item in parts.rest() {
                    if item.as_rule() == Rule::import_as_name {
                        let mut item = Parts::of(item);
                        let name = self.name(item.expect());
                        let alias = item.next().map(|a| self.name(a));
                        names.push(ImportName { name, alias });
                    }
                }
                StmtKind::ImportFrom {
                    module,
                    level,
                    names,
                }
            }
            rule => unreachable!("not a simple statement: {rule:?}"),
        };
        Ok(Stmt { kind, span })
    }

    /// The right-hand side of an assignment or an expression statement.
    fn rhs(&self, pair: Pair<Rule>) -> Result<Expr> {
        if pair.as_rule() == Rule::yield_expr {
            let span = self.span(&pair);
            let mut parts = Parts::of(pair);
            parts.eat(Rule::kw_yield);
            if parts.eat(Rule::kw_from).is_some() {
                return Ok(self.expr(ExprKind::Unsupported(Construct::YieldFrom), span));
            }
            let value = parts.next().map(|p| self.star_expressions(p)).transpose()?;
            return Ok(self.expr(ExprKind::Yield(value.map(Box::new)), span));
        }
        self.star_expressions(pair)
    }

    fn compound_statement(&self, pair: Pair<Rule>) -> Result<Stmt> {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let kind = match rule {
            Rule::function_def => StmtKind::FunctionDef(Rc::new(self.function_def(pair)?)),
            Rule::if_stmt => return self.if_statement(pair),
            Rule::while_stmt => {
                let mut parts = Parts::of(pair);
                let test = self.named_expression(parts.expect())?;
                let body = self.block(parts.expect())?;
                let orelse = self.else_clause(parts.next())?;
                StmtKind::While { test, body, orelse }
            }
            Rule::for_stmt => {
                let mut parts = Parts::of(pair);
                let is_async = parts.eat(Rule::kw_async).is_some();
                let target = self.target_list(parts.expect(), TargetUse::ForLoop)?;
                let iter = self.star_expressions(parts.expect())?;
                let body = self.block(parts.expect())?;
                let orelse = self.else_clause(parts.next())?;
                StmtKind::For {
                    is_async,
                    target,
                    iter,
                    body,
                    orelse,
                }
            }
            Rule::try_stmt => {
                let mut parts = Parts::of(pair);
                let body = self.block(parts.expect())?;
                let mut handlers = Vec::new();
                let mut orelse = Vec::new();
                let mut finalbody = Vec::new();
                for clause in parts.rest() {
                    match clause.as_rule() {
                        Rule::except_clause => handlers.push(self.except_clause(clause)?),
                        Rule::except_star_clause => {
                            let text = clause.as_str();
                            let start = self.span(&clause).start;
                            let mut handler = self.except_clause(clause)?;
                            if handler.kind.is_none() {
                                // `except*:` — CPython points just after the star.
                                let star = text.find('*').unwrap_or(0) + 1;
                                let after = text[star..].len() - text[star..].trim_start().len();
                                let at = start as usize + star + after;
                                return Err(Diagnostic::syntax(
                                    "expected one or more exception types",
                                    Span::new(at, at + 1),
                                ));
                            }
                            handler.star = true;
                            handlers.push(handler);
                        }
                        Rule::else_clause => orelse = self.else_clause(Some(clause))?,
                        Rule::finally_clause => {
                            finalbody = self.block(Parts::of(clause).expect())?;
                        }
                        rule => unreachable!("not a try clause: {rule:?}"),
                    }
                }
                if let Some(first) = handlers.first()
                    && let Some(other) = handlers.iter().find(|h| h.star != first.star)
                {
                    let at = other.span.start as usize;
                    return Err(Diagnostic::syntax(
                        "cannot have both 'except' and 'except*' on the same 'try'",
                        Span::new(at, at + "except".len()),
                    ));
                }
                StmtKind::Try {
                    body,
                    handlers,
                    orelse,
                    finalbody,
                }
            }
            Rule::with_stmt => {
                let mut parts = Parts::of(pair);
                if parts.eat(Rule::kw_async).is_none() {
                    StmtKind::Unsupported(Construct::With)
                } else {
                    parts.eat(Rule::kw_with);
                    let mut items = Vec::new();
                    let mut body = Vec::new();
                    for part in parts.rest() {
                        match part.as_rule() {
                            Rule::with_item => {
                                let mut item = Parts::of(part);
                                let context = self.expression(item.expect())?;
                                let target = match item.eat(Rule::kw_as) {
                                    Some(_) => {
                                        let target = self.star_target(item.expect())?;
                                        Some(self.target(target, TargetUse::ForLoop)?)
                                    }
                                    None => None,
                                };
                                items.push(WithItem { context, target });
                            }
                            Rule::block => body = self.block(part)?,
                            _ => {}
                        }
                    }
                    StmtKind::AsyncWith { items, body }
                }
            }
            Rule::class_def => StmtKind::Unsupported(Construct::ClassDef),
            Rule::decorated => {
                let decorator = Parts::of(pair).expect();
                return Ok(Stmt {
                    kind: StmtKind::Unsupported(Construct::Decorator),
                    span: self.span(&decorator),
                });
            }
            Rule::match_stmt => StmtKind::Unsupported(Construct::Match),
            rule => unreachable!("not a compound statement: {rule:?}"),
        };
        Ok(Stmt { kind, span })
    }

    fn if_statement(&self, pair: Pair<Rule>) -> Result<Stmt> {
        let span = self.span(&pair);
        let mut parts = Parts::of(pair);
        let test = self.named_expression(parts.expect())?;
        let body = self.block(parts.expect())?;
        let clauses = parts.rest();
        let mut orelse = Vec::new();
        // Build from the last clause back: `elif` is an `if` nested in the `else`.
        for clause in clauses.into_iter().rev() {
            match clause.as_rule() {
                Rule::else_clause => orelse = self.else_clause(Some(clause))?,
                Rule::elif_clause => {
                    let clause_span = self
                        .span(&clause)
                        .to(Span::new(span.end as usize, span.end as usize));
                    let mut elif = Parts::of(clause);
                    let test = self.named_expression(elif.expect())?;
                    let body = self.block(elif.expect())?;
                    orelse = vec![Stmt {
                        kind: StmtKind::If {
                            test,
                            body,
                            orelse: std::mem::take(&mut orelse),
                        },
                        span: clause_span,
                    }];
                }
                rule => unreachable!("not an if clause: {rule:?}"),
            }
        }
        Ok(Stmt {
            kind: StmtKind::If { test, body, orelse },
            span,
        })
    }

    fn else_clause(&self, pair: Option<Pair<Rule>>) -> Result<Vec<Stmt>> {
        match pair {
            Some(clause) => self.block(Parts::of(clause).expect()),
            None => Ok(Vec::new()),
        }
    }

    fn except_clause(&self, pair: Pair<Rule>) -> Result<ExceptHandler> {
        let span = self.span(&pair);
        let mut parts = Parts::of(pair);
        let mut kind = None;
        let mut name = None;
        let mut body = Vec::new();
        while let Some(part) = parts.next() {
            match part.as_rule() {
                Rule::NAME => name = Some(self.name(part)),
                Rule::block => body = self.block(part)?,
                _ => kind = Some(self.expression(part)?),
            }
        }
        Ok(ExceptHandler {
            kind,
            name,
            body,
            span,
            star: false,
        })
    }

    fn function_def(&self, pair: Pair<Rule>) -> Result<FunctionDef> {
        let span = self.span(&pair);
        let mut parts = Parts::of(pair);
        let is_async = parts.eat(Rule::kw_async).is_some();
        let name = self.name(parts.expect());
        let mut params = Params::default();
        let mut returns = None;
        let mut body = Vec::new();
        for part in parts.rest() {
            match part.as_rule() {
                Rule::params => params = self.params(part)?,
                Rule::return_annotation => {
                    returns = Some(self.expression(Parts::of(part).expect())?)
                }
                Rule::block => body = self.block(part)?,
                rule => unreachable!("not part of a def: {rule:?}"),
            }
        }
        Ok(FunctionDef {
            name,
            is_async,
            is_lambda: false,
            params,
            returns,
            body,
            span,
        })
    }

    /// A `def` or `lambda` parameter list, checked as CPython checks it.
    fn params(&self, pair: Pair<Rule>) -> Result<Params> {
        let mut params = Params::default();
        let mut seen_star = false;
        let mut seen_default = false;
        let mut names: Vec<Rc<str>> = Vec::new();
        for item in pair.into_inner() {
            let item_span = self.span(&item);
            let rule = item.as_rule();
            if params.kwarg.is_some() {
                return Err(Diagnostic::syntax(
                    "arguments cannot follow var-keyword argument",
                    item_span,
                ));
            }
            let mut parts = Parts::of(item);
            match rule {
                Rule::param_plain | Rule::lambda_plain => {
                    let name = self.name(parts.expect());
                    let mut param = Param {
                        name,
                        annotation: None,
                        default: None,
                    };
                    for extra in parts.rest() {
                        let value = self.expression(Parts::of(extra.clone()).expect())?;
                        if extra.as_rule() == Rule::param_annotation {
                            param.annotation = Some(value);
                        } else {
                            param.default = Some(value);
                        }
                    }
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default && !seen_star {
                        return Err(Diagnostic::syntax(
                            "non-default argument follows default argument",
                            param.name.span,
                        ));
                    }
                    self.check_duplicate(&mut names, &param.name)?;
                    if seen_star {
                        params.kwonly.push(param);
                    } else {
                        params.args.push(param);
                    }
                }
                Rule::param_star | Rule::lambda_star => {
                    if seen_star {
                        return Err(Diagnostic::syntax(
                            "* argument may appear only once",
                            item_span,
                        ));
                    }
                    seen_star = true;
                    if let Some(name) = parts.next() {
                        let name = self.name(name);
                        let annotation = match parts.next() {
                            Some(a) if a.as_rule() == Rule::star_annotation => {
                                return Err(Diagnostic::new(
                                    ErrorKind::Unsupported,
                                    Construct::StarAnnotation.describe(),
                                    self.span(&a),
                                ));
                            }
                            Some(a) => Some(self.expression(Parts::of(a).expect())?),
                            None => None,
                        };
                        self.check_duplicate(&mut names, &name)?;
                        params.vararg = Some(Param {
                            name,
                            annotation,
                            default: None,
                        });
                    }
                }
                Rule::param_starstar | Rule::lambda_starstar => {
                    let name = self.name(parts.expect());
                    let annotation = parts
                        .next()
                        .map(|a| self.expression(Parts::of(a).expect()))
                        .transpose()?;
                    self.check_duplicate(&mut names, &name)?;
                    params.kwarg = Some(Param {
                        name,
                        annotation,
                        default: None,
                    });
                }
                Rule::param_slash => {
                    if seen_star {
                        return Err(Diagnostic::syntax("/ must be ahead of *", item_span));
                    }
                    if !params.posonly.is_empty() {
                        return Err(Diagnostic::syntax("/ may appear only once", item_span));
                    }
                    if params.args.is_empty() {
                        return Err(Diagnostic::syntax(
                            "at least one argument must precede /",
                            item_span,
                        ));
                    }
                    return Err(Diagnostic::new(
                        ErrorKind::Unsupported,
                        Construct::PositionalOnly.describe(),
                        item_span,
                    )
                    .with_help(Construct::PositionalOnly.help().unwrap_or_default()));
                }
                rule => unreachable!("not a parameter: {rule:?}"),
            }
        }
        if seen_star && params.vararg.is_none() && params.kwonly.is_empty() {
            let span = params
                .kwarg
                .as_ref()
                .map_or(Span::default(), |k| k.name.span);
            return Err(Diagnostic::syntax(
                "named arguments must follow bare *",
                span,
            ));
        }
        Ok(params)
    }

    fn check_duplicate(&self, names: &mut Vec<Rc<str>>, name: &Name) -> Result<()> {
        if names.contains(&name.id) {
            return Err(Diagnostic::syntax(
                format!("duplicate argument '{}' in function definition", name.id),
                name.span,
            ));
        }
        names.push(name.id.clone());
        Ok(())
    }

    fn name(&self, pair: Pair<Rule>) -> Name {
        Name {
            id: Rc::from(pair.as_str()),
            span: self.span(&pair),
        }
    }

    fn dotted_name(&self, pair: Pair<Rule>) -> Name {
        let span = self.span(&pair);
        let id: String = pair
            .into_inner()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(".");
        Name {
            id: Rc::from(id),
            span,
        }
    }

    // ---------------------------------------------------------------------------- targets

    fn target_list(&self, pair: Pair<Rule>, usage: TargetUse) -> Result<Expr> {
        let span = self.span(&pair);
        let has_comma = pair
            .clone()
            .into_inner()
            .any(|p| p.as_rule() == Rule::comma);
        let mut items = self.target_list_items(pair)?;
        let target = if items.len() == 1 && !has_comma {
            items.pop().expect("one item")
        } else {
            self.expr(ExprKind::Tuple(items), span)
        };
        self.target(target, usage)
    }

    fn target_list_items(&self, pair: Pair<Rule>) -> Result<Vec<Expr>> {
        pair.into_inner()
            .filter(|p| p.as_rule() == Rule::star_target)
            .map(|p| self.star_target(p))
            .collect()
    }

    fn star_target(&self, pair: Pair<Rule>) -> Result<Expr> {
        let inner = if pair.as_rule() == Rule::star_target {
            Parts::of(pair).expect()
        } else {
            pair
        };
        match inner.as_rule() {
            Rule::star_expr => self.star_expr(inner),
            _ => self.arith(inner),
        }
    }

    /// Check that an expression can be assigned to (or deleted), with CPython's messages.
    fn target(&self, expr: Expr, usage: TargetUse) -> Result<Expr> {
        let what = match &expr.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => {
                return Ok(expr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) if usage != TargetUse::AugAssign => {
                let mut starred = 0;
                for item in items {
                    if let ExprKind::Starred(inner) = &item.kind {
                        starred += 1;
                        if usage == TargetUse::Delete {
                            return Err(Diagnostic::syntax("cannot delete starred", item.span));
                        }
                        if starred > 1 {
                            return Err(Diagnostic::syntax(
                                "multiple starred expressions in assignment",
                                item.span,
                            ));
                        }
                        self.check_target(inner, usage)?;
                    } else {
                        self.check_target(item, usage)?;
                    }
                }
                return Ok(expr);
            }
            ExprKind::Starred(_) => {
                let message = match usage {
                    TargetUse::Delete => "cannot delete starred",
                    _ => "starred assignment target must be in a list or tuple",
                };
                return Err(Diagnostic::syntax(message, expr.span));
            }
            ExprKind::Tuple(_) => "tuple",
            ExprKind::List(_) => "list",
            ExprKind::Call { .. } => "function call",
            ExprKind::Constant(Constant::None) => "None",
            ExprKind::Constant(Constant::Bool(true)) => "True",
            ExprKind::Constant(Constant::Bool(false)) => "False",
            ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
            ExprKind::Constant(_) => "literal",
            ExprKind::FString(_) => "f-string expression",
            ExprKind::Compare { .. } => "comparison",
            ExprKind::Lambda(_) => "lambda",
            ExprKind::IfExp { .. } => "conditional expression",
            ExprKind::Await(_) => "await expression",
            ExprKind::Dict(_) => "dict literal",
            ExprKind::Set(_) => "set display",
            ExprKind::ListComp { .. } => "list comprehension",
            ExprKind::SetComp { .. } => "set comprehension",
            ExprKind::DictComp { .. } => "dict comprehension",
            ExprKind::GeneratorExp { .. } => "generator expression",
            _ => "expression",
        };
        let message = match usage {
            TargetUse::AugAssign => {
                format!("'{what}' is an illegal expression for augmented assignment")
            }
            TargetUse::Delete => format!("cannot delete {what}"),
            TargetUse::Assign
                if matches!(
                    what,
                    "None" | "True" | "False" | "ellipsis" | "tuple" | "list"
                ) =>
            {
                format!("cannot assign to {what}")
            }
            TargetUse::Assign => {
                format!("cannot assign to {what} here. Maybe you meant '==' instead of '='?")
            }
            TargetUse::ForLoop => format!("cannot assign to {what}"),
        };
        Err(Diagnostic::syntax(message, expr.span))
    }

    fn check_target(&self, expr: &Expr, usage: TargetUse) -> Result<()> {
        match &expr.kind {
            ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => Ok(()),
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                items.iter().try_for_each(|item| match &item.kind {
                    ExprKind::Starred(inner) if usage != TargetUse::Delete => {
                        self.check_target(inner, usage)
                    }
                    _ => self.check_target(item, usage),
                })
            }
            _ => {
                let placeholder = Expr {
                    kind: ExprKind::Constant(Constant::None),
                    span: expr.span,
                    depth: 1,
                };
                // Reuse the wording of `target` for the nested element.
                let probe = match &expr.kind {
                    ExprKind::Call { .. } => Expr {
                        kind: ExprKind::Call {
                            func: Box::new(placeholder),
                            args: Vec::new(),
                        },
                        span: expr.span,
                        depth: 2,
                    },
                    ExprKind::Constant(c) => Expr {
                        kind: ExprKind::Constant(c.clone()),
                        span: expr.span,
                        depth: 1,
                    },
                    _ => Expr {
                        kind: ExprKind::BoolOp {
                            op: BoolOp::And,
                            values: Vec::new(),
                        },
                        span: expr.span,
                        depth: 1,
                    },
                };
                self.target(probe, usage).map(|_| ())
            }
        }
    }

    // ---------------------------------------------------------------------------- expressions

    /// `star_expressions`: one expression, or a tuple when there are commas.
    fn star_expressions(&self, pair: Pair<Rule>) -> Result<Expr> {
        match pair.as_rule() {
            Rule::star_expressions => {}
            Rule::yield_expr => return self.rhs(pair),
            _ => return self.any_expression(pair),
        }
        let span = self.span(&pair);
        let mut has_comma = false;
        let mut items = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comma => has_comma = true,
                _ => items.push(self.any_expression(child)?),
            }
        }
        if items.len() == 1 && !has_comma {
            Ok(items.pop().expect("one item"))
        } else {
            Ok(self.expr(ExprKind::Tuple(items), span))
        }
    }

    /// Any expression-level pair: dispatch on its rule.
    fn any_expression(&self, pair: Pair<Rule>) -> Result<Expr> {
        match pair.as_rule() {
            Rule::expression => self.expression(pair),
            Rule::star_expr => self.star_expr(pair),
            Rule::walrus => {
                let span = self.span(&pair);
                Ok(self.expr(ExprKind::Unsupported(Construct::Walrus), span))
            }
            Rule::star_expressions => self.star_expressions(pair),
            Rule::yield_expr => self.rhs(pair),
            Rule::disjunction => self.disjunction(pair),
            Rule::arith => self.arith(pair),
            Rule::primary => self.primary(pair),
            rule => unreachable!("not an expression: {rule:?}"),
        }
    }

    fn named_expression(&self, pair: Pair<Rule>) -> Result<Expr> {
        self.any_expression(pair)
    }

    fn star_expr(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let inner = self.arith(Parts::of(pair).expect())?;
        Ok(self.expr(ExprKind::Starred(Box::new(inner)), span))
    }

    fn expression(&self, pair: Pair<Rule>) -> Result<Expr> {
        if pair.as_rule() != Rule::expression {
            return self.any_expression(pair);
        }
        let span = self.span(&pair);
        let mut parts = Parts::of(pair);
        let first = parts.expect();
        if first.as_rule() == Rule::lambdef {
            return self.lambda(first);
        }
        let body = self.disjunction(first)?;
        match parts.next() {
            None => Ok(body),
            Some(test) => {
                let test = self.disjunction(test)?;
                let orelse = self.expression(parts.expect())?;
                Ok(self.expr(
                    ExprKind::IfExp {
                        test: Box::new(test),
                        body: Box::new(body),
                        orelse: Box::new(orelse),
                    },
                    span,
                ))
            }
        }
    }

    fn lambda(&self, pair: Pair<Rule>) -> Result<Expr> {
        let end = self.span(&pair).end;
        // Each `lambda params:` header, outermost first, then the body.
        let mut headers: Vec<(usize, Option<Pair<Rule>>)> = Vec::new();
        let mut body = None;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_lambda => headers.push((self.span(&child).start as usize, None)),
                Rule::lambda_params => {
                    headers.last_mut().expect("params follow their keyword").1 = Some(child);
                }
                _ => body = Some(child),
            }
        }
        let mut expr = self.expression(body.expect("a lambda has a body"))?;
        for (start, params) in headers.into_iter().rev() {
            let span = Span::new(start, end as usize);
            let params = match params {
                Some(params) => self.params(params)?,
                None => Params::default(),
            };
            let body_span = expr.span;
            let def = FunctionDef {
                name: Name {
                    id: Rc::from("<lambda>"),
                    span,
                },
                is_async: false,
                is_lambda: true,
                params,
                returns: None,
                body: vec![Stmt {
                    kind: StmtKind::Return(Some(expr)),
                    span: body_span,
                }],
                span,
            };
            expr = self.expr(ExprKind::Lambda(Rc::new(def)), span);
        }
        Ok(expr)
    }

    fn disjunction(&self, pair: Pair<Rule>) -> Result<Expr> {
        self.bool_chain(pair, BoolOp::Or)
    }

    fn bool_chain(&self, pair: Pair<Rule>, op: BoolOp) -> Result<Expr> {
        let span = self.span(&pair);
        let mut values = Vec::new();
        for child in Parts::of(pair).rest() {
            values.push(match child.as_rule() {
                Rule::conjunction => self.bool_chain(child, BoolOp::And)?,
                Rule::inversion => self.inversion(child)?,
                rule => unreachable!("not an operand of and/or: {rule:?}"),
            });
        }
        if values.len() == 1 {
            return Ok(values.pop().expect("one value"));
        }
        Ok(self.expr(ExprKind::BoolOp { op, values }, span))
    }

    fn inversion(&self, pair: Pair<Rule>) -> Result<Expr> {
        let end = self.span(&pair).end;
        let mut nots = Vec::new();
        let mut operand = None;
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::kw_not => nots.push(self.span(&child).start),
                _ => operand = Some(child),
            }
        }
        let mut expr = self.comparison(operand.expect("an inversion ends in a comparison"))?;
        // Innermost first: each `not` spans from its keyword to the end.
        for start in nots.into_iter().rev() {
            expr = self.expr(
                ExprKind::UnaryOp {
                    op: UnaryOp::Not,
                    operand: Box::new(expr),
                },
                Span { start, end },
            );
        }
        Ok(expr)
    }

    fn comparison(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut parts = Parts::of(pair);
        let left = self.arith(parts.expect())?;
        let mut ops = Vec::new();
        while let Some(op) = parts.next() {
            let op = comparison_op(op);
            let right = self.arith(parts.expect())?;
            ops.push((op, right));
        }
        if ops.is_empty() {
            return Ok(left);
        }
        Ok(self.expr(
            ExprKind::Compare {
                left: Box::new(left),
                ops,
            },
            span,
        ))
    }

    fn arith(&self, pair: Pair<Rule>) -> Result<Expr> {
        if pair.as_rule() != Rule::arith {
            return self.any_expression(pair);
        }
        let mut items = pair.into_inner().peekable();
        if items.len() == 1 {
            return self.operand(items.next().expect("one operand"));
        }
        // The Pratt parser recurses once per prefix operator: a run longer than the nesting
        // limit is an error before it can exhaust the stack.
        let mut run = 0u32;
        for item in items.clone() {
            if matches!(item.as_rule(), Rule::neg | Rule::pos | Rule::invert) {
                run += 1;
                if run > MAX_NESTING {
                    let span = self.span(&item);
                    self.too_deep.set(self.too_deep.get().or(Some(span)));
                    return Ok(self.expr(ExprKind::Constant(Constant::None), span));
                }
            } else {
                run = 0;
            }
        }
        // Each operand comes with the span of its text, parentheses included: CPython's
        // positions of `(a + b) * c` start at the parenthesis (tracebacks mark them).
        self.pratt
            .map_primary(|operand| {
                let outer = self.span(&operand);
                Ok((self.operand(operand)?, outer))
            })
            .map_prefix(|op, operand| {
                let (operand, outer) = operand?;
                let span = self.span(&op).to(outer);
                let op = match op.as_rule() {
                    Rule::neg => UnaryOp::Neg,
                    Rule::pos => UnaryOp::Pos,
                    _ => UnaryOp::Invert,
                };
                Ok((
                    self.expr(
                        ExprKind::UnaryOp {
                            op,
                            operand: Box::new(operand),
                        },
                        span,
                    ),
                    span,
                ))
            })
            .map_infix(|left, op, right| {
                let ((left, left_outer), (right, right_outer)) = (left?, right?);
                let span = left_outer.to(right_outer);
                let op = match op.as_rule() {
                    Rule::pow => BinOp::Pow,
                    Rule::bitor => BinOp::BitOr,
                    Rule::bitxor => BinOp::BitXor,
                    Rule::bitand => BinOp::BitAnd,
                    Rule::lshift => BinOp::LShift,
                    Rule::rshift => BinOp::RShift,
                    Rule::add => BinOp::Add,
                    Rule::sub => BinOp::Sub,
                    Rule::mul => BinOp::Mul,
                    Rule::div => BinOp::Div,
                    Rule::floordiv => BinOp::FloorDiv,
                    Rule::modulo => BinOp::Mod,
                    _ => {
                        let span = self.span(&op);
                        return Ok((
                            self.expr(ExprKind::Unsupported(Construct::MatMul), span),
                            span,
                        ));
                    }
                };
                Ok((
                    self.expr(
                        ExprKind::BinOp {
                            op,
                            left: Box::new(left),
                            right: Box::new(right),
                        },
                        span,
                    ),
                    span,
                ))
            })
            .parse(items)
            .map(|(expr, _)| expr)
    }

    fn operand(&self, pair: Pair<Rule>) -> Result<Expr> {
        match pair.as_rule() {
            Rule::await_primary => {
                let span = self.span(&pair);
                let inner = self.primary(Parts::of(pair).expect())?;
                Ok(self.expr(ExprKind::Await(Box::new(inner)), span))
            }
            _ => self.primary(pair),
        }
    }

    fn primary(&self, pair: Pair<Rule>) -> Result<Expr> {
        let mut parts = pair.into_inner();
        let atom = parts.next().expect("a primary starts with an atom");
        // `(a)[0]` starts at the parenthesis, as in CPython's positions.
        let mut start = self.span(&atom);
        let mut expr = self.atom(atom)?;
        for trailer in parts {
            let span = start.to(self.span(&trailer));
            start = span;
            let kind = match trailer.as_rule() {
                Rule::attribute => ExprKind::Attribute {
                    value: Box::new(expr),
                    attr: self.name(Parts::of(trailer).expect()),
                },
                Rule::call => ExprKind::Call {
                    func: Box::new(expr),
                    args: match Parts::of(trailer).next() {
                        Some(args) => self.call_args(args)?,
                        None => Vec::new(),
                    },
                },
                Rule::subscript => {
                    let index = self.subscript(trailer)?;
                    ExprKind::Subscript {
                        value: Box::new(expr),
                        index: Box::new(index),
                    }
                }
                rule => unreachable!("not a trailer: {rule:?}"),
            };
            expr = self.expr(kind, span);
        }
        Ok(expr)
    }

    fn subscript(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut has_comma = false;
        let mut items = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comma => has_comma = true,
                Rule::slice => items.push(self.slice(child)?),
                _ => items.push(self.any_expression(child)?),
            }
        }
        if items.len() == 1 && !has_comma {
            return Ok(items.pop().expect("one item"));
        }
        Ok(self.expr(ExprKind::Tuple(items), span))
    }

    fn slice(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut lower = None;
        let mut tail = None;
        for child in pair.into_inner() {
            if child.as_rule() == Rule::slice_tail {
                tail = Some(child);
            } else {
                lower = Some(self.any_expression(child)?);
            }
        }
        let Some(tail) = tail else {
            return Ok(lower.expect("an index without a slice tail has an expression"));
        };
        let mut upper = None;
        let mut step = None;
        for part in tail.into_inner() {
            let value = Box::new(self.expression(Parts::of(part.clone()).expect())?);
            if part.as_rule() == Rule::slice_upper {
                upper = Some(value);
            } else {
                step = Some(value);
            }
        }
        Ok(self.expr(
            ExprKind::Slice {
                lower: lower.map(Box::new),
                upper,
                step,
            },
            span,
        ))
    }

    fn call_args(&self, pair: Pair<Rule>) -> Result<Vec<Arg>> {
        let mut args: Vec<Arg> = Vec::new();
        let mut comprehension = Vec::new();
        let mut seen_keyword = false;
        let mut seen_double_star = false;
        let mut keywords: Vec<Rc<str>> = Vec::new();
        for child in pair.into_inner() {
            let span = self.span(&child);
            match child.as_rule() {
                Rule::comp_for => comprehension.push(child),
                Rule::kwarg => {
                    let mut parts = Parts::of(child);
                    let name = self.name(parts.expect());
                    if keywords.contains(&name.id) {
                        return Err(Diagnostic::syntax(
                            format!("keyword argument repeated: {}", name.id),
                            name.span,
                        ));
                    }
                    keywords.push(name.id.clone());
                    let value = self.expression(parts.expect())?;
                    seen_keyword = true;
                    args.push(Arg::Keyword(name, value));
                }
                Rule::double_star_arg => {
                    seen_double_star = true;
                    args.push(Arg::DoubleStarred(
                        self.expression(Parts::of(child).expect())?,
                    ));
                }
                Rule::star_arg => {
                    if seen_double_star {
                        return Err(Diagnostic::syntax(
                            "iterable argument unpacking follows keyword argument unpacking",
                            span,
                        ));
                    }
                    let inner = self.expression(Parts::of(child).expect())?;
                    args.push(Arg::Starred(inner));
                }
                _ => {
                    if seen_double_star {
                        return Err(Diagnostic::syntax(
                            "positional argument follows keyword argument unpacking",
                            span,
                        ));
                    }
                    if seen_keyword {
                        return Err(Diagnostic::syntax(
                            "positional argument follows keyword argument",
                            span,
                        ));
                    }
                    args.push(Arg::Positional(self.any_expression(child)?));
                }
            }
        }
        if !comprehension.is_empty() {
            // `f(x for x in y)`: the lone argument is a generator expression.
            let Some(Arg::Positional(elt)) = args.pop().filter(|_| args.is_empty()) else {
                let span = self.span(&comprehension[0]);
                return Err(Diagnostic::syntax(
                    "Generator expression must be parenthesized",
                    span,
                ));
            };
            let generators = self.comprehensions(comprehension)?;
            let span = elt
                .span
                .to(generators.last().map_or(elt.span, |g| g.iter.span));
            let genexp = ExprKind::GeneratorExp {
                elt: Box::new(elt),
                generators,
            };
            return Ok(vec![Arg::Positional(self.expr(genexp, span))]);
        }
        Ok(args)
    }

    fn comprehensions(&self, clauses: Vec<Pair<Rule>>) -> Result<Vec<Comprehension>> {
        let mut generators = Vec::new();
        for clause in clauses {
            let mut parts = Parts::of(clause);
            let is_async = parts.eat(Rule::kw_async).is_some();

            let target = self.target_list(parts.expect(), TargetUse::ForLoop)?;
            let iter = self.disjunction(parts.expect())?;
            let mut ifs = Vec::new();
            for condition in parts.rest() {
                ifs.push(self.disjunction(Parts::of(condition).expect())?);
            }
            generators.push(Comprehension {
                is_async,
                target,
                iter,
                ifs,
            });
        }
        Ok(generators)
    }

    fn atom(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let kind = match pair.as_rule() {
            Rule::kw_none => ExprKind::Constant(Constant::None),
            Rule::kw_true => ExprKind::Constant(Constant::Bool(true)),
            Rule::kw_false => ExprKind::Constant(Constant::Bool(false)),
            Rule::ellipsis => ExprKind::Constant(Constant::Ellipsis),
            Rule::NAME => ExprKind::Name(Rc::from(pair.as_str())),
            Rule::NUMBER => self.number(pair.as_str(), span)?,
            Rule::strings => return self.strings(pair),
            Rule::paren_atom => return self.paren(pair),
            Rule::list_atom => {
                let (items, generators) = self.display_items(pair)?;
                match generators {
                    Some(generators) => ExprKind::ListComp {
                        elt: Box::new(
                            items
                                .into_iter()
                                .next()
                                .expect("a comprehension has an element"),
                        ),
                        generators,
                    },
                    None => ExprKind::List(items),
                }
            }
            Rule::brace_atom => return self.braces(pair),
            rule => unreachable!("not an atom: {rule:?}"),
        };
        Ok(self.expr(kind, span))
    }

    fn number(&self, text: &str, span: Span) -> Result<ExprKind> {
        let digits: String = text.chars().filter(|&c| c != '_').collect();
        let lower = digits.to_ascii_lowercase();
        if lower.ends_with('j') {
            return Ok(ExprKind::Unsupported(Construct::Complex));
        }
        let radix = match lower.get(..2) {
            Some("0x") => 16,
            Some("0o") => 8,
            Some("0b") => 2,
            _ => 10,
        };
        if radix != 10 {
            let value = BigInt::parse_bytes(&lower.as_bytes()[2..], radix)
                .expect("the grammar checked the digits");
            return Ok(ExprKind::Constant(Constant::Int(value)));
        }
        if lower.contains(['.', 'e']) {
            let value: f64 = lower.parse().expect("the grammar checked the float");
            return Ok(ExprKind::Constant(Constant::Float(value)));
        }
        // CPython refuses decimal literals longer than `sys.get_int_max_str_digits()`.
        if lower.len() > crate::pyfmt::MAX_STR_DIGITS {
            return Err(Diagnostic::syntax(
                format!(
                    "Exceeds the limit ({} digits) for integer string conversion: value has {} \
                     digits; use sys.set_int_max_str_digits() to increase the limit - Consider \
                     hexadecimal for huge integer literals to avoid decimal conversion limits.",
                    crate::pyfmt::MAX_STR_DIGITS,
                    lower.len()
                ),
                span,
            )
            .with_help("write it in hexadecimal (0x...), or compute it (for example 10 ** 5000)"));
        }
        let value =
            BigInt::parse_bytes(lower.as_bytes(), 10).expect("the grammar checked the digits");
        Ok(ExprKind::Constant(Constant::Int(value)))
    }

    /// The items of a `[...]` display and its `for` clauses, if it is a comprehension.
    fn display_items(&self, pair: Pair<Rule>) -> Result<(Vec<Expr>, Option<Vec<Comprehension>>)> {
        let mut items = Vec::new();
        let mut clauses = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comp_for => clauses.push(child),
                Rule::comma => {}
                _ => items.push(self.any_expression(child)?),
            }
        }
        if clauses.is_empty() {
            return Ok((items, None));
        }
        if let Some(starred) = items
            .iter()
            .find(|e| matches!(e.kind, ExprKind::Starred(_)))
        {
            return Err(Diagnostic::syntax(
                "iterable unpacking cannot be used in comprehension",
                starred.span,
            ));
        }
        Ok((items, Some(self.comprehensions(clauses)?)))
    }

    fn paren(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut has_comma = false;
        let mut items = Vec::new();
        let mut clauses = Vec::new();
        for child in pair.into_inner() {
            match child.as_rule() {
                Rule::comp_for => clauses.push(child),
                Rule::comma => has_comma = true,
                _ => items.push(self.any_expression(child)?),
            }
        }
        if !clauses.is_empty() {
            let elt = items.pop().expect("a generator expression has an element");
            if matches!(elt.kind, ExprKind::Starred(_)) {
                return Err(Diagnostic::syntax(
                    "iterable unpacking cannot be used in comprehension",
                    elt.span,
                ));
            }
            let generators = self.comprehensions(clauses)?;
            return Ok(self.expr(
                ExprKind::GeneratorExp {
                    elt: Box::new(elt),
                    generators,
                },
                span,
            ));
        }
        if items.len() == 1 && !has_comma {
            let inner = items.pop().expect("one item");
            if let ExprKind::Starred(_) = inner.kind {
                return Err(Diagnostic::syntax(
                    "cannot use starred expression here",
                    inner.span,
                ));
            }
            return Ok(inner);
        }
        Ok(self.expr(ExprKind::Tuple(items), span))
    }

    fn braces(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut entries: Vec<(Option<Expr>, Expr)> = Vec::new();
        let mut elements = Vec::new();
        let mut clauses = Vec::new();
        for child in pair.into_inner() {
            let child_span = self.span(&child);
            match child.as_rule() {
                Rule::comp_for => clauses.push(child),
                Rule::dict_splat => {
                    let value = self.arith(Parts::of(child).expect())?;
                    entries.push((None, value));
                }
                Rule::key_value_or_element => {
                    let mut parts = Parts::of(child).rest();
                    if parts.len() == 2 {
                        let value = self.expression(parts.pop().expect("a value"))?;
                        let key = self.any_expression(parts.pop().expect("a key"))?;
                        entries.push((Some(key), value));
                    } else {
                        elements.push(self.any_expression(parts.pop().expect("an element"))?);
                    }
                }
                Rule::star_expr => elements.push(self.star_expr(child)?),
                _ => unreachable!("not a brace item at {child_span:?}"),
            }
            if !entries.is_empty() && !elements.is_empty() {
                return Err(Diagnostic::syntax("invalid syntax", child_span));
            }
        }
        let kind = if !clauses.is_empty() {
            let generators = self.comprehensions(clauses)?;
            match (entries.pop(), elements.pop()) {
                (Some((Some(key), value)), None) => ExprKind::DictComp {
                    key: Box::new(key),
                    value: Box::new(value),
                    generators,
                },
                (None, Some(elt)) if !matches!(elt.kind, ExprKind::Starred(_)) => {
                    ExprKind::SetComp {
                        elt: Box::new(elt),
                        generators,
                    }
                }
                _ => {
                    return Err(Diagnostic::syntax(
                        "dict unpacking cannot be used in dict comprehension",
                        span,
                    ));
                }
            }
        } else if elements.is_empty() {
            ExprKind::Dict(entries)
        } else {
            ExprKind::Set(elements)
        };
        Ok(self.expr(kind, span))
    }

    // ---------------------------------------------------------------------------- strings

    /// Adjacent string literals, concatenated; an f-string among them makes the whole an
    /// f-string.
    fn strings(&self, pair: Pair<Rule>) -> Result<Expr> {
        let span = self.span(&pair);
        let mut parts: Vec<FStringPart> = Vec::new();
        let mut is_fstring = false;
        let mut bytes = None;
        for token in pair.into_inner() {
            let token_span = self.span(&token);
            let literal = StringToken::split(token.as_str());
            if bytes.is_some_and(|b| b != literal.is_bytes) {
                return Err(Diagnostic::syntax(
                    "cannot mix bytes and nonbytes literals",
                    token_span,
                ));
            }
            bytes = Some(literal.is_bytes);
            let body_start = token_span.start as usize + literal.body_offset;
            if literal.is_fstring {
                is_fstring = true;
                self.fstring(literal.body, literal.is_raw, body_start, 0, &mut parts)?;
            } else {
                let text = self.unescape(literal.body, literal.is_raw, body_start)?;
                push_literal(&mut parts, text);
            }
        }
        if bytes == Some(true) {
            return Ok(self.expr(ExprKind::Unsupported(Construct::Bytes), span));
        }
        if is_fstring {
            return Ok(self.expr(ExprKind::FString(parts), span));
        }
        let text = match parts.pop() {
            Some(FStringPart::Literal(text)) => text,
            _ => String::new(),
        };
        Ok(self.expr(ExprKind::Constant(Constant::Str(Rc::from(text))), span))
    }

    /// Decode the escapes of a (non-f) string body that starts at source offset `at`.
    fn unescape(&self, body: &str, raw: bool, at: usize) -> Result<String> {
        if raw || !body.contains('\\') {
            return Ok(body.to_string());
        }
        let mut out = String::with_capacity(body.len());
        let mut chars = body.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            let Some((_, escape)) = chars.next() else {
                out.push('\\');
                break;
            };
            let truncated = |kind: &str, len: usize| {
                let end = (i + len).min(body.len()).saturating_sub(1);
                Diagnostic::syntax(
                    format!(
                        "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{end}: truncated {kind} escape"
                    ),
                    Span::new(at + i, at + i + 1),
                )
            };
            match escape {
                '\n' => {}
                '\r' => {
                    if chars.peek().map(|&(_, c)| c) == Some('\n') {
                        chars.next();
                    }
                }
                '\\' => out.push('\\'),
                '\'' => out.push('\''),
                '"' => out.push('"'),
                'a' => out.push('\x07'),
                'b' => out.push('\x08'),
                'f' => out.push('\x0c'),
                'n' => out.push('\n'),
                'r' => out.push('\r'),
                't' => out.push('\t'),
                'v' => out.push('\x0b'),
                '0'..='7' => {
                    let mut value = escape.to_digit(8).expect("an octal digit");
                    for _ in 0..2 {
                        match chars.peek() {
                            Some(&(_, d @ '0'..='7')) => {
                                value = value * 8 + d.to_digit(8).expect("an octal digit");
                                chars.next();
                            }
                            _ => break,
                        }
                    }
                    out.push(char::from_u32(value).expect("at most 0o777"));
                }
                'x' | 'u' | 'U' => {
                    let (len, kind) = match escape {
                        'x' => (2, "\\xXX"),
                        'u' => (4, "\\uXXXX"),
                        _ => (8, "\\UXXXXXXXX"),
                    };
                    let mut value = 0u32;
                    for _ in 0..len {
                        match chars.peek().and_then(|&(_, d)| d.to_digit(16)) {
                            Some(digit) => {
                                value = value.wrapping_mul(16).wrapping_add(digit);
                                chars.next();
                            }
                            None => return Err(truncated(kind, len + 2)),
                        }
                    }
                    match char::from_u32(value) {
                        Some(c) => out.push(c),
                        // Python strings can hold lone surrogates; Rust strings cannot.
                        None if (0xd800..0xe000).contains(&value) => {
                            return Err(Diagnostic::new(
                                ErrorKind::Unsupported,
                                Construct::Surrogate.describe(),
                                Span::new(at + i, at + i + len + 2),
                            ));
                        }
                        None => {
                            return Err(Diagnostic::syntax(
                                format!(
                                    "(unicode error) 'unicodeescape' codec can't decode bytes in position {i}-{}: illegal Unicode character",
                                    i + len + 1
                                ),
                                Span::new(at + i, at + i + 1),
                            ));
                        }
                    }
                }
                'N' => {
                    return Err(Diagnostic::new(
                        ErrorKind::Unsupported,
                        Construct::NamedEscape.describe(),
                        Span::new(at + i, at + i + 2),
                    )
                    .with_help(Construct::NamedEscape.help().unwrap_or_default()));
                }
                other => {
                    // An unknown escape keeps its backslash (CPython only warns).
                    out.push('\\');
                    out.push(other);
                }
            }
        }
        Ok(out)
    }

    /// Split an f-string body (CPython 3.11's algorithm) into literal parts and replacement
    /// fields, appending to `parts`. `at` is the source offset of the body; `depth` counts
    /// nested format specs.
    fn fstring(
        &self,
        body: &str,
        raw: bool,
        at: usize,
        depth: usize,
        parts: &mut Vec<FStringPart>,
    ) -> Result<()> {
        let bytes = body.as_bytes();
        let mut literal_start = 0;
        let mut i = 0;
        let error = |message: &str, offset: usize| {
            Diagnostic::syntax(
                format!("f-string: {message}"),
                Span::new(at + offset, at + offset + 1),
            )
        };
        while i < bytes.len() {
            match bytes[i] {
                b'{' if depth == 0 && bytes.get(i + 1) == Some(&b'{') => {
                    let text = self.unescape(&body[literal_start..=i], raw, at + literal_start)?;
                    push_literal(parts, text);
                    i += 2;
                    literal_start = i;
                }
                b'}' if depth == 0 && bytes.get(i + 1) == Some(&b'}') => {
                    let text = self.unescape(&body[literal_start..=i], raw, at + literal_start)?;
                    push_literal(parts, text);
                    i += 2;
                    literal_start = i;
                }
                b'}' => return Err(error("single '}' is not allowed", i)),
                b'{' => {
                    let text = self.unescape(&body[literal_start..i], raw, at + literal_start)?;
                    push_literal(parts, text);
                    i = self.fstring_field(body, i + 1, at, depth, parts)?;
                    literal_start = i;
                }
                _ => i += 1,
            }
        }
        let text = self.unescape(&body[literal_start..], raw, at + literal_start)?;
        push_literal(parts, text);
        Ok(())
    }

    /// A replacement field whose expression starts at `start` (just after `{`); returns the
    /// offset just after its closing `}`.
    fn fstring_field(
        &self,
        body: &str,
        start: usize,
        at: usize,
        depth: usize,
        parts: &mut Vec<FStringPart>,
    ) -> Result<usize> {
        let bytes = body.as_bytes();
        let error = |message: &str, offset: usize| {
            Diagnostic::syntax(
                format!("f-string: {message}"),
                Span::new(at + offset, at + offset + 1),
            )
        };
        if depth >= 2 {
            return Err(error("expressions nested too deeply", start));
        }
        let mut brackets: Vec<u8> = Vec::new();
        let mut quote: Option<(u8, bool)> = None;
        let mut i = start;
        let mut debug = false;
        let refuse = |what: &str, offset: usize| {
            Diagnostic::syntax(
                format!("f-string expression part cannot include {what}"),
                Span::new(at + offset, at + offset + 1),
            )
        };
        while i < bytes.len() {
            let c = bytes[i];
            // Not even inside a string within the expression (CPython 3.11).
            if c == b'\\' {
                return Err(refuse("a backslash", i));
            }
            if let Some((q, triple)) = quote {
                if c == q && (!triple || body[i..].starts_with(&(q as char).to_string().repeat(3)))
                {
                    i += if triple { 3 } else { 1 };
                    quote = None;
                    continue;
                }
                i += 1;
                continue;
            }
            match c {
                b'#' => return Err(refuse("'#'", i)),
                b'\'' | b'"' => {
                    let triple = body[i..].starts_with(&(c as char).to_string().repeat(3));
                    quote = Some((c, triple));
                    i += if triple { 3 } else { 1 };
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if brackets.len() >= 200 {
                        return Err(error("too many nested parenthesis", i));
                    }
                    brackets.push(c);
                }
                b')' | b']' | b'}' if !brackets.is_empty() => {
                    let open = brackets.pop().expect("not empty");
                    let expected = match open {
                        b'(' => b')',
                        b'[' => b']',
                        _ => b'}',
                    };
                    if c != expected {
                        return Err(error(
                            &format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            ),
                            i,
                        ));
                    }
                }
                b')' | b']' => return Err(error(&format!("unmatched '{}'", c as char), i)),
                b'}' => break,
                b'!' if brackets.is_empty() && bytes.get(i + 1) != Some(&b'=') => break,
                b':' if brackets.is_empty() => break,
                b'=' if brackets.is_empty()
                    && bytes.get(i + 1) != Some(&b'=')
                    && !matches!(
                        bytes.get(i.wrapping_sub(1)),
                        Some(b'=' | b'!' | b'<' | b'>')
                    ) =>
                {
                    debug = true;
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(error("unterminated string", i));
        }
        if i >= bytes.len() {
            return Err(error("expecting '}'", start.saturating_sub(1)));
        }
        let expression_text = &body[start..i];
        if expression_text.trim().is_empty() {
            return Err(error("empty expression not allowed", i));
        }
        let value = self.fstring_expression(expression_text, at + start)?;
        if debug {
            // `{x=}` prints the expression's text, then the value (repr unless a spec is given).
            i += 1;
            while bytes.get(i).is_some_and(|b| b.is_ascii_whitespace()) {
                i += 1;
            }
            push_literal(parts, body[start..i].to_string());
        }
        let mut conversion = None;
        if bytes.get(i) == Some(&b'!') {
            match bytes.get(i + 1).copied() {
                Some(c @ (b's' | b'r' | b'a')) if matches!(bytes.get(i + 2), Some(b':' | b'}')) => {
                    conversion = Some(c as char);
                    i += 2;
                }
                _ => {
                    return Err(error(
                        "invalid conversion character: expected 's', 'r', or 'a'",
                        i + 1,
                    ));
                }
            }
        }
        let mut spec = Vec::new();
        if bytes.get(i) == Some(&b':') {
            // The spec runs to the `}` that closes this field, skipping nested fields.
            let spec_start = i + 1;
            let mut nesting = 0usize;
            let mut end = spec_start;
            while end < bytes.len() {
                match bytes[end] {
                    b'{' => nesting += 1,
                    b'}' if nesting == 0 => break,
                    b'}' => nesting -= 1,
                    _ => {}
                }
                end += 1;
            }
            if end >= bytes.len() {
                return Err(error("expecting '}'", start.saturating_sub(1)));
            }
            self.fstring(
                &body[spec_start..end],
                true,
                at + spec_start,
                depth + 1,
                &mut spec,
            )?;
            i = end;
        } else if debug && conversion.is_none() {
            conversion = Some('r');
        }
        if bytes.get(i) != Some(&b'}') {
            return Err(error("expecting '}'", i));
        }
        parts.push(FStringPart::Field {
            value: Box::new(value),
            conversion,
            spec,
        });
        Ok(i + 1)
    }

    /// Parse the expression of an f-string field, which starts at source offset `at`.
    fn fstring_expression(&self, text: &str, at: usize) -> Result<Expr> {
        let mut pairs = Grammar::parse(Rule::fstring_expr, text).map_err(|error| {
            let position = match error.location {
                pest::error::InputLocation::Pos(p) => p,
                pest::error::InputLocation::Span((p, _)) => p,
            };
            Diagnostic::syntax(
                "f-string: invalid syntax",
                Span::new(at + position, at + position + 1),
            )
        })?;
        let builder = Builder::new(Positions::Fragment(at));
        builder.statements.set(self.statements.get());
        let entry = pairs.next().expect("the entry rule matched");
        let expression = Parts::of(entry).expect();
        let expr = builder.star_expressions(expression)?;
        builder.depth_checked()?;
        Ok(expr)
    }
}

fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(last)) = parts.last_mut() {
        last.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

/// A string token split into prefix flags and body.
struct StringToken<'a> {
    body: &'a str,
    /// Where the body starts within the token.
    body_offset: usize,
    is_raw: bool,
    is_bytes: bool,
    is_fstring: bool,
}

impl<'a> StringToken<'a> {
    fn split(token: &'a str) -> StringToken<'a> {
        let prefix_len = token.find(['\'', '"']).expect("a string token has a quote");
        let prefix = token[..prefix_len].to_ascii_lowercase();
        let rest = &token[prefix_len..];
        let quote_len = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
            3
        } else {
            1
        };
        StringToken {
            body: &rest[quote_len..rest.len() - quote_len],
            body_offset: prefix_len + quote_len,
            is_raw: prefix.contains('r'),
            is_bytes: prefix.contains('b'),
            is_fstring: prefix.contains('f'),
        }
    }
}

fn augmented_op(text: &str) -> BinOp {
    match text {
        "+=" => BinOp::Add,
        "-=" => BinOp::Sub,
        "*=" => BinOp::Mul,
        "@=" => BinOp::MatMul,
        "/=" => BinOp::Div,
        "//=" => BinOp::FloorDiv,
        "%=" => BinOp::Mod,
        "**=" => BinOp::Pow,
        "<<=" => BinOp::LShift,
        ">>=" => BinOp::RShift,
        "&=" => BinOp::BitAnd,
        "|=" => BinOp::BitOr,
        _ => BinOp::BitXor,
    }
}

fn comparison_op(pair: Pair<Rule>) -> CmpOp {
    match pair.clone().into_inner().next().map(|p| p.as_rule()) {
        Some(Rule::not_in) => CmpOp::NotIn,
        Some(Rule::is_not) => CmpOp::IsNot,
        Some(Rule::kw_in) => CmpOp::In,
        Some(Rule::kw_is) => CmpOp::Is,
        _ => match pair.as_str() {
            "==" => CmpOp::Eq,
            "!=" => CmpOp::NotEq,
            "<" => CmpOp::Lt,
            "<=" => CmpOp::LtE,
            ">" => CmpOp::Gt,
            _ => CmpOp::GtE,
        },
    }
}

/// Turn a pest failure into a diagnostic worded like CPython's.
fn syntax_error(error: &pest::error::Error<Rule>, layout: &Layout) -> Diagnostic {
    let position = match error.location {
        pest::error::InputLocation::Pos(p) => p,
        pest::error::InputLocation::Span((p, _)) => p,
    };
    let text = &layout.text;
    let at = |offset: usize| Span::new(layout.source_offset(offset), layout.source_offset(offset));
    let here = text[position..].chars().next();

    if here == Some(INDENT) {
        let next = position + INDENT.len_utf8();
        return Diagnostic::new(ErrorKind::Indentation, "unexpected indent", at(next));
    }

    // A block header (`if ...:` then the end of the line) not followed by an indented block.
    // pest reports either the end of the header line or the start of the next line.
    let ws: &[char] = &[' ', '\t', '\n', '\r', '\x0c', DEDENT];
    let (header, next) = if here == Some(NEWLINE) {
        let after = position + NEWLINE.len_utf8();
        let skipped = text[after..].len() - text[after..].trim_start_matches(ws).len();
        (Some(&text[..position]), after + skipped)
    } else {
        (
            text[..position].trim_end_matches(ws).strip_suffix(NEWLINE),
            position,
        )
    };
    if let Some(header) = header
        && header.trim_end().ends_with(':')
        && !text[next..].starts_with(INDENT)
        && let Some((what, line)) = block_header(layout, header)
    {
        return Diagnostic::new(
            ErrorKind::Indentation,
            format!("expected an indented block after {what} on line {line}"),
            at(next),
        );
    }

    if let Some(c) = here
        && !c.is_ascii()
        && c != NEWLINE
        && c != DEDENT
        && !unicode_ident_char(c)
    {
        let span = Span::new(
            layout.source_offset(position),
            layout.source_offset(position) + c.len_utf8(),
        );
        return Diagnostic::syntax(
            format!("invalid character '{c}' (U+{:04X})", c as u32),
            span,
        );
    }

    // Python 2's print statement, as CPython 3.11 words it.
    let line_start = text[..position]
        .rfind([NEWLINE, INDENT, DEDENT, '\n'])
        .map_or(0, |i| {
            i + text[i..].chars().next().map_or(1, char::len_utf8)
        });
    let before = text[line_start..position].trim();
    if matches!(before, "print" | "exec") && !matches!(here, None | Some(NEWLINE | '(')) {
        let word = line_start
            + (text[line_start..position].len() - text[line_start..position].trim_start().len());
        return Diagnostic::syntax(
            format!("Missing parentheses in call to '{before}'. Did you mean {before}(...)?"),
            Span::new(
                layout.source_offset(word),
                layout.source_offset(word + before.len()),
            ),
        );
    }

    let expected: Vec<String> = error
        .parse_attempts()
        .map(|attempts| {
            attempts
                .expected_tokens()
                .into_iter()
                .map(|token| token.to_string())
                .collect()
        })
        .unwrap_or_default();
    let at_line_end = matches!(here, None | Some(NEWLINE));
    if at_line_end && expected.iter().any(|t| t == ":") && !expected.iter().any(|t| t == "=") {
        return Diagnostic::syntax("expected ':'", at(position));
    }
    let end = position
        + here.map_or(0, |c| {
            if c == NEWLINE || c == DEDENT {
                0
            } else {
                c.len_utf8()
            }
        });
    Diagnostic::syntax(
        "invalid syntax",
        Span::new(layout.source_offset(position), layout.source_offset(end)),
    )
}

/// What the logical line that ends `text` opens, in CPython's words ("'if' statement",
/// "function definition"), and its line; `None` if it is not a block header.
fn block_header(layout: &Layout, text: &str) -> Option<(String, usize)> {
    let start = text.rfind(NEWLINE).map_or(0, |n| n + NEWLINE.len_utf8());
    let line = text[start..].trim_start_matches([' ', '\t', '\n', '\r', '\x0c', INDENT, DEDENT]);
    let offset = text.len() - line.len();
    let mut words = line
        .split(|c: char| !c.is_alphanumeric() && c != '_')
        .filter(|w| !w.is_empty());
    let first = words.next()?;
    let what = match first {
        "def" => "function definition".to_string(),
        "class" => "class definition".to_string(),
        "async" => match words.next()? {
            "def" => "function definition".to_string(),
            word @ ("for" | "with") => format!("'{word}' statement"),
            _ => return None,
        },
        "if" | "elif" | "else" | "for" | "while" | "try" | "except" | "finally" | "with"
        | "match" | "case" => {
            format!("'{first}' statement")
        }
        _ => return None,
    };
    Some((what, layout_line(layout, offset)))
}

fn unicode_ident_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The 1-based line of a marked-text offset: the markers hold no line breaks, so the marked
/// text has the source's lines.
fn layout_line(layout: &Layout, marked: usize) -> usize {
    let prefix = &layout.text[..marked.min(layout.text.len())];
    let bytes = prefix.as_bytes();
    let lone_returns = bytes
        .iter()
        .enumerate()
        .filter(|&(i, &b)| b == b'\r' && bytes.get(i + 1) != Some(&b'\n'))
        .count();
    prefix.matches('\n').count() + lone_returns + 1
}

#[cfg(test)]
mod tests;

/// The depth of an expression's deepest child (0 for none), as CPython counts nodes: an
/// f-string field is a `FormattedValue` inside the `JoinedStr`, a comprehension's parts
/// are as deep as its element.
fn children_depth(kind: &ExprKind) -> u32 {
    let most = |exprs: &mut dyn Iterator<Item = &Expr>| exprs.map(|e| e.depth).max().unwrap_or(0);
    let generators = |generators: &[Comprehension]| {
        most(
            &mut generators
                .iter()
                .flat_map(|g| [&g.target, &g.iter].into_iter().chain(&g.ifs)),
        )
    };
    match kind {
        ExprKind::Name(_) | ExprKind::Constant(_) | ExprKind::Unsupported(_) => 0,
        ExprKind::FString(parts) => fstring_depth(parts),
        ExprKind::Tuple(items) | ExprKind::List(items) | ExprKind::Set(items) => {
            most(&mut items.iter())
        }
        ExprKind::Dict(entries) => most(
            &mut entries
                .iter()
                .flat_map(|(key, value)| key.iter().chain(std::iter::once(value))),
        ),
        ExprKind::Starred(inner) | ExprKind::Await(inner) => inner.depth,
        ExprKind::UnaryOp { operand, .. } => operand.depth,
        ExprKind::BinOp { left, right, .. } => left.depth.max(right.depth),
        ExprKind::BoolOp { values, .. } => most(&mut values.iter()),
        ExprKind::Compare { left, ops } => left.depth.max(most(&mut ops.iter().map(|(_, e)| e))),
        ExprKind::IfExp { test, body, orelse } => test.depth.max(body.depth).max(orelse.depth),
        ExprKind::Lambda(def) => most(&mut def.body.iter().filter_map(|s| match &s.kind {
            StmtKind::Return(value) => value.as_ref(),
            _ => None,
        })),
        ExprKind::Call { func, args } => {
            func.depth.max(most(&mut args.iter().map(|arg| match arg {
                Arg::Positional(e) | Arg::Keyword(_, e) => e,
                // `*xs` and `**kw` are a `Starred` and a `keyword` node in CPython.
                Arg::Starred(e) | Arg::DoubleStarred(e) => e,
            })))
        }
        ExprKind::Attribute { value, .. } => value.depth,
        ExprKind::Subscript { value, index } => value.depth.max(index.depth),
        ExprKind::Slice { lower, upper, step } => {
            most(&mut [lower, upper, step].into_iter().flatten().map(|e| &**e))
        }
        ExprKind::Yield(value) => value.as_ref().map_or(0, |e| e.depth),
        ExprKind::ListComp { elt, generators: g }
        | ExprKind::SetComp { elt, generators: g }
        | ExprKind::GeneratorExp { elt, generators: g } => elt.depth.max(generators(g)),
        ExprKind::DictComp {
            key,
            value,
            generators: g,
        } => key.depth.max(value.depth).max(generators(g)),
    }
}

/// An f-string's depth below its `JoinedStr`: a field is a `FormattedValue` (one level)
/// holding its value and its spec, itself a `JoinedStr`.
fn fstring_depth(parts: &[FStringPart]) -> u32 {
    parts
        .iter()
        .map(|part| match part {
            FStringPart::Literal(_) => 1,
            FStringPart::Field { value, spec, .. } => {
                1 + value.depth.max(if spec.is_empty() {
                    0
                } else {
                    1 + fstring_depth(spec)
                })
            }
        })
        .max()
        .unwrap_or(0)
}
