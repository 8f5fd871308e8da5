//! Parser tests: each parses a snippet and compares the tree, printed as S-expressions,
//! or the rendered diagnostic.

use super::*;
use crate::source::Source;

fn check(input: &str, expected: &str) {
    let source = Source::new("t.py", input);
    let printed = match parse(&source) {
        Ok(module) => module.body.iter().map(stmt).collect::<Vec<_>>().join("\n"),
        Err(diagnostic) => diagnostic.render(&source).trim_end().to_string(),
    };
    assert_eq!(printed, expected.trim(), "parse of {input:?}");
}

fn block(body: &[Stmt]) -> String {
    body.iter().map(stmt).collect::<Vec<_>>().join(" ")
}

fn stmt(s: &Stmt) -> String {
    match &s.kind {
        StmtKind::Expr(e) => expr(e),
        StmtKind::AsyncWith { items, body } => {
            let items: Vec<String> = items
                .iter()
                .map(|item| match &item.target {
                    Some(target) => format!("(as {} {})", expr(&item.context), expr(target)),
                    None => expr(&item.context),
                })
                .collect();
            format!("(async-with ({}) {})", items.join(" "), block(body))
        }
        StmtKind::Assign { targets, value } => {
            let targets: Vec<_> = targets.iter().map(expr).collect();
            format!("(= {} {})", targets.join(" "), expr(value))
        }
        StmtKind::AugAssign { target, op, value } => {
            format!("({}= {} {})", op.symbol(), expr(target), expr(value))
        }
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
        } => format!(
            "(: {} {}{})",
            expr(target),
            expr(annotation),
            value
                .as_ref()
                .map_or(String::new(), |v| format!(" {}", expr(v)))
        ),
        StmtKind::FunctionDef(f) => function(f),
        StmtKind::Return(v) => format!(
            "(return{})",
            v.as_ref()
                .map_or(String::new(), |v| format!(" {}", expr(v)))
        ),
        StmtKind::If { test, body, orelse } => {
            format!("(if {} ({}) ({}))", expr(test), block(body), block(orelse))
        }
        StmtKind::While { test, body, orelse } => format!(
            "(while {} ({}) ({}))",
            expr(test),
            block(body),
            block(orelse)
        ),
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            format!(
                "(for {} {} ({}) ({}))",
                expr(target),
                expr(iter),
                block(body),
                block(orelse)
            )
        }
        StmtKind::Break => "break".into(),
        StmtKind::Continue => "continue".into(),
        StmtKind::Pass => "pass".into(),
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            let handlers: Vec<_> = handlers
                .iter()
                .map(|h| {
                    format!(
                        "(except{}{} ({}))",
                        h.kind
                            .as_ref()
                            .map_or(String::new(), |k| format!(" {}", expr(k))),
                        h.name
                            .as_ref()
                            .map_or(String::new(), |n| format!(" as {}", n.id)),
                        block(&h.body)
                    )
                })
                .collect();
            format!(
                "(try ({}) {} ({}) ({}))",
                block(body),
                handlers.join(" "),
                block(orelse),
                block(finalbody)
            )
        }
        StmtKind::Raise { exc, cause } => format!(
            "(raise{}{})",
            exc.as_ref()
                .map_or(String::new(), |e| format!(" {}", expr(e))),
            cause
                .as_ref()
                .map_or(String::new(), |e| format!(" from {}", expr(e)))
        ),
        StmtKind::Import(names) => format!("(import {})", import_names(names)),
        StmtKind::ImportFrom {
            module,
            level,
            names,
        } => {
            format!(
                "(from {}{} {})",
                ".".repeat(*level),
                module.id,
                import_names(names)
            )
        }
        StmtKind::Global(names) => format!(
            "(global {})",
            names.iter().map(|n| &*n.id).collect::<Vec<_>>().join(" ")
        ),
        StmtKind::Nonlocal(names) => format!(
            "(nonlocal {})",
            names.iter().map(|n| &*n.id).collect::<Vec<_>>().join(" ")
        ),
        StmtKind::Del(targets) => format!(
            "(del {})",
            targets.iter().map(expr).collect::<Vec<_>>().join(" ")
        ),
        StmtKind::Assert { test, msg } => format!(
            "(assert {}{})",
            expr(test),
            msg.as_ref()
                .map_or(String::new(), |m| format!(" {}", expr(m)))
        ),
        StmtKind::Unsupported(c) => format!("(unsupported {c:?})"),
    }
}

fn import_names(names: &[ImportName]) -> String {
    if names.is_empty() {
        return "*".into();
    }
    names
        .iter()
        .map(|n| match &n.alias {
            Some(alias) => format!("{} as {}", n.name.id, alias.id),
            None => n.name.id.to_string(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

fn function(f: &FunctionDef) -> String {
    let mut params = Vec::new();
    for p in &f.params.args {
        params.push(param(p));
    }
    if let Some(p) = &f.params.vararg {
        params.push(format!("*{}", param(p)));
    } else if !f.params.kwonly.is_empty() {
        params.push("*".into());
    }
    for p in &f.params.kwonly {
        params.push(param(p));
    }
    if let Some(p) = &f.params.kwarg {
        params.push(format!("**{}", param(p)));
    }
    format!(
        "({}def {} ({}) ({}))",
        if f.is_async { "async " } else { "" },
        f.name.id,
        params.join(" "),
        block(&f.body)
    )
}

fn param(p: &Param) -> String {
    match &p.default {
        Some(d) => format!("{}={}", p.name.id, expr(d)),
        None => p.name.id.to_string(),
    }
}

fn exprs(items: &[Expr]) -> String {
    items.iter().map(expr).collect::<Vec<_>>().join(" ")
}

fn expr(e: &Expr) -> String {
    match &e.kind {
        ExprKind::Name(n) => n.to_string(),
        ExprKind::Constant(c) => match c {
            Constant::None => "None".into(),
            Constant::Bool(b) => if *b { "True" } else { "False" }.into(),
            Constant::Int(i) => i.to_string(),
            Constant::Float(f) => format!("{f:?}"),
            Constant::Str(s) => format!("{s:?}"),
            Constant::Ellipsis => "...".into(),
        },
        ExprKind::FString(parts) => format!("(f {})", fparts(parts)),
        ExprKind::Tuple(items) => format!("(tuple {})", exprs(items)),
        ExprKind::List(items) => format!("(list {})", exprs(items)),
        ExprKind::Set(items) => format!("(set {})", exprs(items)),
        ExprKind::Dict(entries) => {
            let entries: Vec<_> = entries
                .iter()
                .map(|(k, v)| match k {
                    Some(k) => format!("{}:{}", expr(k), expr(v)),
                    None => format!("**{}", expr(v)),
                })
                .collect();
            format!("(dict {})", entries.join(" "))
        }
        ExprKind::Starred(inner) => format!("*{}", expr(inner)),
        ExprKind::BinOp { op, left, right } => {
            format!("({} {} {})", op.symbol(), expr(left), expr(right))
        }
        ExprKind::UnaryOp { op, operand } => format!("({:?} {})", op, expr(operand)),
        ExprKind::BoolOp { op, values } => format!("({:?} {})", op, exprs(values)),
        ExprKind::Compare { left, ops } => {
            let ops: Vec<_> = ops
                .iter()
                .map(|(op, right)| format!("{} {}", op.symbol(), expr(right)))
                .collect();
            format!("(cmp {} {})", expr(left), ops.join(" "))
        }
        ExprKind::IfExp { test, body, orelse } => {
            format!("(ifexp {} {} {})", expr(test), expr(body), expr(orelse))
        }
        ExprKind::Lambda(f) => function(f),
        ExprKind::Call { func, args } => {
            let args: Vec<_> = args
                .iter()
                .map(|a| match a {
                    Arg::Positional(e) => expr(e),
                    Arg::Starred(e) => format!("*{}", expr(e)),
                    Arg::Keyword(n, e) => format!("{}={}", n.id, expr(e)),
                    Arg::DoubleStarred(e) => format!("**{}", expr(e)),
                })
                .collect();
            format!(
                "(call {}{}{})",
                expr(func),
                if args.is_empty() { "" } else { " " },
                args.join(" ")
            )
        }
        ExprKind::Attribute { value, attr } => format!("(. {} {})", expr(value), attr.id),
        ExprKind::Subscript { value, index } => format!("([] {} {})", expr(value), expr(index)),
        ExprKind::Slice { lower, upper, step } => {
            let part = |p: &Option<Box<Expr>>| p.as_ref().map_or("_".to_string(), |e| expr(e));
            format!("(slice {} {} {})", part(lower), part(upper), part(step))
        }
        ExprKind::Await(inner) => format!("(await {})", expr(inner)),
        ExprKind::Yield(Some(value)) => format!("(yield {})", expr(value)),
        ExprKind::Yield(None) => "(yield)".to_string(),
        ExprKind::ListComp { elt, generators } => {
            format!("(listcomp {} {})", expr(elt), comprehensions(generators))
        }
        ExprKind::SetComp { elt, generators } => {
            format!("(setcomp {} {})", expr(elt), comprehensions(generators))
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            format!(
                "(dictcomp {}:{} {})",
                expr(key),
                expr(value),
                comprehensions(generators)
            )
        }
        ExprKind::GeneratorExp { elt, generators } => {
            format!("(genexp {} {})", expr(elt), comprehensions(generators))
        }
        ExprKind::Unsupported(c) => format!("(unsupported {c:?})"),
    }
}

fn fparts(parts: &[FStringPart]) -> String {
    let parts: Vec<_> = parts
        .iter()
        .map(|p| match p {
            FStringPart::Literal(s) => format!("{s:?}"),
            FStringPart::Field {
                value,
                conversion,
                spec,
            } => format!(
                "{{{}{}{}}}",
                expr(value),
                conversion.map_or(String::new(), |c| format!("!{c}")),
                if spec.is_empty() {
                    String::new()
                } else {
                    format!(":{}", fparts(spec))
                }
            ),
        })
        .collect();
    parts.join(" ")
}

fn comprehensions(generators: &[Comprehension]) -> String {
    generators
        .iter()
        .map(|g| {
            let ifs: Vec<_> = g.ifs.iter().map(|i| format!(" if {}", expr(i))).collect();
            format!(
                "for {} in {}{}",
                expr(&g.target),
                expr(&g.iter),
                ifs.concat()
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn precedence_follows_python() {
    check("-2 ** 2", "(Neg (** 2 2))");
    check("2 ** -1", "(** 2 (Neg 1))");
    check("2 ** 3 ** 2", "(** 2 (** 3 2))");
    check("a + b * c - d", "(- (+ a (* b c)) d)");
    check("a | b ^ c & d << 1 + 2", "(| a (^ b (& c (<< d (+ 1 2)))))");
    check("not a == b and c or d", "(Or (And (Not (cmp a == b)) c) d)");
    check("a < b <= c != d", "(cmp a < b <= c != d)");
    check("x not in y is not z", "(cmp x not in y is not z)");
    check("await f() ** 2", "(** (await (call f)) 2)");
    check("-await x", "(Neg (await x))");
    check("a if b else c if d else e", "(ifexp b a (ifexp d c e))");
    check(
        "lambda x, y=1: x + y",
        "(def <lambda> (x y=1) ((return (+ x y))))",
    );
    check("a // b % c / d", "(/ (% (// a b) c) d)");
}

#[test]
fn statements() {
    check(
        "async def main(a, b=2, *args, c, **kw):\n    await asyncio.sleep(1)\n    return a",
        "(async def main (a b=2 *args c **kw) ((await (call (. asyncio sleep) 1)) (return a)))",
    );
    check("x, y = y, x", "(= (tuple x y) (tuple y x))");
    check("a = b = 1", "(= a b 1)");
    check("x += 1; y -= 2", "(+= x 1)\n(-= y 2)");
    check("first, *rest = items", "(= (tuple first *rest) items)");
    check("t = 1,", "(= t (tuple 1))");
    check("x: int = 5", "(: x int 5)");
    check(
        "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2",
        "(if a (pass) ((if b ((= x 1)) ((= y 2)))))",
    );
    check(
        "for i, v in enumerate(xs):\n    continue\nelse:\n    pass",
        "(for (tuple i v) (call enumerate xs) (continue) (pass))",
    );
    check("while True: break", "(while True (break) ())");
    check(
        "try:\n    f()\nexcept (ValueError, KeyError) as e:\n    raise RuntimeError('x') from e\nexcept:\n    raise\nelse:\n    pass\nfinally:\n    g()",
        "(try ((call f)) (except (tuple ValueError KeyError) as e ((raise (call RuntimeError \"x\") from e))) (except ((raise))) (pass) ((call g)))",
    );
    check(
        "import asyncio, random as r",
        "(import asyncio, random as r)",
    );
    check(
        "from asyncio import sleep, gather as g",
        "(from asyncio sleep, gather as g)",
    );
    check("from . import x", "(from . x)");
    check("from a.b import *", "(from a.b *)");
    check("del a[0], b", "(del ([] a 0) b)");
    check(
        "assert x > 0, 'positive'",
        "(assert (cmp x > 0) \"positive\")",
    );
    check("global a, b", "(global a b)");
}

#[test]
fn displays_and_comprehensions() {
    check("[1, 2, *xs]", "(list 1 2 *xs)");
    check("()", "(tuple )");
    check("(1)", "1");
    check("{}", "(dict )");
    check("{'a': 1, **d}", "(dict \"a\":1 **d)");
    check("{1, 2}", "(set 1 2)");
    check(
        "[x * 2 for x in range(3) if x for y in z]",
        "(listcomp (* x 2) for x in (call range 3) if x for y in z)",
    );
    check(
        "{k: v for k, v in d.items()}",
        "(dictcomp k:v for (tuple k v) in (call (. d items)))",
    );
    check(
        "gather(*(f(u) for u in urls))",
        "(call gather *(genexp (call f u) for u in urls))",
    );
    check("sum(x for x in y)", "(call sum (genexp x for x in y))");
    check(
        "a[1:2], a[::2], a[:], a[i, j]",
        "(tuple ([] a (slice 1 2 _)) ([] a (slice _ _ 2)) ([] a (slice _ _ _)) ([] a (tuple i j)))",
    );
    check("f(a, *b, c=1, **d)", "(call f a *b c=1 **d)");
    check("f(*a or b)", "(call f *(Or a b))");
}

#[test]
fn literals() {
    check("1_000 + 0x_ff + 0o17 + 0b101", "(+ (+ (+ 1000 255) 15) 5)");
    check("1.5e3, .5, 5., 1e-05", "(tuple 1500.0 0.5 5.0 1e-5)");
    check(r#"'a\tb' "c" '\x41\u00e9\101'"#, r#""a\tbcAéA""#);
    check(r#"r'\d+' "\q""#, r#""\\d+\\q""#);
    check("'''multi\nline'''", r#""multi\nline""#);
    check(
        "f'{x!r:>{w}} and {{literal}}'",
        "(f {x!r:\">\" {w}} \" and {literal}\")",
    );
    check("f'{a}{b}' 'tail'", "(f {a} {b} \"tail\")");
    check("f'{x=}'", "(f \"x=\" {x!r})");
    check("f\"{d['k']}\"", "(f {([] d \"k\")})");
    check("...", "...");
}

#[test]
fn unsupported_constructs_parse() {
    check("class A:\n    pass", "(unsupported ClassDef)");
    check("@dec\ndef f(): pass", "(unsupported Decorator)");
    check(
        "match x:\n    case [1, *rest] | {'k': v} if v:\n        pass\n    case Point(x=0):\n        pass",
        "(unsupported Match)",
    );
    check("match = 1", "(= match 1)");
    check("with open(p) as f, g:\n    pass", "(unsupported With)");
    check(
        "if (n := 10) > 5: pass",
        "(if (cmp (unsupported Walrus) > 5) (pass) ())",
    );
    check("x = 1j", "(= x (unsupported Complex))");
    check("x = yield 1", "(= x (yield 1))");
    check("x = yield from y", "(= x (unsupported YieldFrom))");
    check(
        "async with a as b, c: pass",
        "(async-with ((as a b) c) pass)",
    );

    check(
        "match x, (y := 1):\n    case [a, b] as p, c:\n        pass",
        "(unsupported Match)",
    );
}

#[test]
fn syntax_errors_read_like_cpython() {
    check(
        "if x\n    pass\n",
        "t.py:1:5: SyntaxError: expected ':'\n1 | if x\n  |     ^",
    );
    check(
        "if x:\npass\n",
        "t.py:2:1: IndentationError: expected an indented block after 'if' statement on line 1\n2 | pass\n  | ^",
    );
    check(
        "async def f():\nreturn 1\n",
        "t.py:2:1: IndentationError: expected an indented block after function definition on line 1\n2 | return 1\n  | ^",
    );
    check(
        "x = 1\n    y = 2\n",
        "t.py:2:5: IndentationError: unexpected indent\n2 |     y = 2\n  |     ^",
    );
    check(
        "x = = 1\n",
        "t.py:1:5: SyntaxError: invalid syntax\n1 | x = = 1\n  |     ^",
    );
    check(
        "f() = 1\n",
        "t.py:1:1: SyntaxError: cannot assign to function call here. Maybe you meant '==' instead of '='?\n1 | f() = 1\n  | ^^^",
    );
    check(
        "None = 1\n",
        "t.py:1:1: SyntaxError: cannot assign to None\n1 | None = 1\n  | ^^^^",
    );
    check(
        "def f(a=1, b): pass\n",
        "t.py:1:12: SyntaxError: non-default argument follows default argument\n1 | def f(a=1, b): pass\n  |            ^",
    );
    check(
        "f(a=1, b)\n",
        "t.py:1:8: SyntaxError: positional argument follows keyword argument\n1 | f(a=1, b)\n  |        ^",
    );
    check(
        "x = €\n",
        "t.py:1:5: SyntaxError: invalid character '€' (U+20AC)\n1 | x = €\n  |     ^",
    );
    check(
        "f'{}'\n",
        "t.py:1:4: SyntaxError: f-string: empty expression not allowed\n1 | f'{}'\n  |    ^",
    );
    check(
        "f'{x'\n",
        "t.py:1:3: SyntaxError: f-string: expecting '}'\n1 | f'{x'\n  |   ^",
    );
    // CPython 3.11 refuses a backslash anywhere in the expression, even in a string.
    check(
        "f'{\"\\n\".join(x)}'\n",
        "t.py:1:5: SyntaxError: f-string expression part cannot include a backslash\n1 | f'{\"\\n\".join(x)}'\n  |     ^",
    );
    check(
        "f'{x#}'\n",
        "t.py:1:5: SyntaxError: f-string expression part cannot include '#'\n1 | f'{x#}'\n  |     ^",
    );
    check(
        "# py2\nprint 'hello'\n",
        "t.py:2:1: SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?\n2 | print 'hello'\n  | ^^^^^",
    );
    check(
        "s = '\\ud800'\n",
        "t.py:1:6: unsupported: lone surrogate characters in strings are not supported\n1 | s = '\\ud800'\n  |      ^^^^^^",
    );
}

#[test]
fn deep_nesting_neither_overflows_nor_backtracks_exponentially() {
    let depth = 100;
    let nested = format!("x = {}1{}", "(".repeat(depth), ")".repeat(depth));
    check(&nested, "(= x 1)");
    let calls = format!("x = {}1{}", "f(".repeat(60), ")".repeat(60));
    assert!(parse(&Source::new("t.py", calls)).is_ok());
    let subscripts = format!("x = {}0{}", "a[".repeat(60), "]".repeat(60));
    assert!(parse(&Source::new("t.py", subscripts)).is_ok());
}
