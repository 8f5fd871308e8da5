//! Exception groups: `split`, `subgroup`, `derive`, and the re-raise rule of `except*`,
//! following CPython 3.11's `Objects/exceptions.c`.

use std::rc::Rc;

use super::Interp;
use super::exceptions::{ExcType, Exception, PyResult, type_error};
use super::value::{Type, Value};

/// The members of a group (its `exceptions`), or `None` for a plain exception.
pub fn members(exc: &Exception) -> Option<Vec<Rc<Exception>>> {
    if !exc.ty.is_subclass(ExcType::BaseExceptionGroup) {
        return None;
    }
    let items = match exc.args.get(1) {
        Some(Value::List(list)) => list.borrow().clone(),
        Some(Value::Tuple(tuple)) => tuple.0.clone(),
        _ => return None,
    };
    Some(
        items
            .into_iter()
            .filter_map(|v| match v {
                Value::Exception(e) => Some(e),
                _ => None,
            })
            .collect(),
    )
}

/// `eg.derive(excs)`, with the group's cause, context and notes copied as `split` does.
fn derive(group: &Exception, excs: Vec<Rc<Exception>>) -> Rc<Exception> {
    let message = group
        .args
        .first()
        .cloned()
        .unwrap_or_else(|| Value::str(""));
    let derived = super::exceptions::exception_group(
        message.as_str().unwrap_or_default(),
        excs.into_iter().map(Value::Exception).collect(),
    );
    *derived.cause.borrow_mut() = group.cause.borrow().clone();
    *derived.context.borrow_mut() = group.context.borrow().clone();
    derived.suppress_context.set(group.suppress_context.get());
    *derived.notes.borrow_mut() = group.notes.borrow().clone();
    *derived.traceback.borrow_mut() = group.traceback.borrow().clone();
    derived
}

/// What `split` matches on.
pub enum Condition {
    /// A class or a tuple of classes.
    Types(Value),
    /// A predicate called with each exception.
    Predicate(Value),
    /// Leaves by identity (the re-raise rule of `except*`).
    Leaves(Vec<Rc<Exception>>),
}

fn matches(interp: &mut Interp, exc: &Rc<Exception>, condition: &Condition) -> PyResult<bool> {
    match condition {
        Condition::Types(kind) => {
            super::vm::exception_matches(&Value::Exception(exc.clone()), kind)
        }
        Condition::Predicate(func) => Ok(interp
            .call(func.clone(), vec![Value::Exception(exc.clone())])?
            .truthy()),
        Condition::Leaves(leaves) => Ok(leaves.iter().any(|l| Rc::ptr_eq(l, exc))),
    }
}

/// The matching part and the rest of a group, each a group (or the exception) or `None`.
pub type Split = (Option<Rc<Exception>>, Option<Rc<Exception>>);

/// `eg.split(condition)`: the matching part and the rest, each a group or `None`.
pub fn split(interp: &mut Interp, exc: &Rc<Exception>, condition: &Condition) -> PyResult<Split> {
    let whole = !matches!(condition, Condition::Leaves(_)) || members(exc).is_none();
    if whole && matches(interp, exc, condition)? {
        return Ok((Some(exc.clone()), None));
    }
    let Some(members) = members(exc) else {
        return Ok((None, Some(exc.clone())));
    };
    let (mut matched, mut rest) = (Vec::new(), Vec::new());
    for member in &members {
        let (m, r) = split(interp, member, condition)?;
        matched.extend(m);
        rest.extend(r);
    }
    let wrap = |list: Vec<Rc<Exception>>| (!list.is_empty()).then(|| derive(exc, list));
    Ok((wrap(matched), wrap(rest)))
}

/// Every leaf (non-group) exception of `exc`.
fn leaves(exc: &Rc<Exception>, out: &mut Vec<Rc<Exception>>) {
    match members(exc) {
        Some(members) => members.iter().for_each(|m| leaves(m, out)),
        None => out.push(exc.clone()),
    }
}

/// What an `except*` clause may name: classes or tuples of them, but no exception group.
pub fn check_star_type(kind: &Value) -> PyResult<()> {
    let check = |v: &Value| match v {
        Value::Type(Type::Exception(ty)) if ty.is_subclass(ExcType::BaseExceptionGroup) => Err(
            type_error("catching ExceptionGroup with except* is not allowed. Use except instead."),
        ),
        Value::Type(Type::Exception(_)) => Ok(()),
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    };
    match kind {
        Value::Tuple(items) => items.0.iter().try_for_each(check),
        other => check(other),
    }
}

impl Interp {
    /// One `except* T` clause: split `rest` into what `T` matches and what it leaves. A
    /// plain exception that matches is wrapped in `ExceptionGroup('', [exc])`.
    pub fn star_match(
        &mut self,
        rest: &Value,
        kind: &Value,
    ) -> PyResult<(Option<Rc<Exception>>, Value)> {
        check_star_type(kind)?;
        let Value::Exception(rest) = rest else {
            return Ok((None, Value::None));
        };
        if members(rest).is_none() {
            if super::vm::exception_matches(&Value::Exception(rest.clone()), kind)? {
                // CPython wraps it with a tuple: `ExceptionGroup('', (exc,))`.
                let ty = if rest.ty.is_subclass(ExcType::Exception) {
                    ExcType::ExceptionGroup
                } else {
                    ExcType::BaseExceptionGroup
                };
                let members = Value::tuple(vec![Value::Exception(rest.clone())]);
                let wrapped = Exception::new(ty, vec![Value::str(""), members]);
                return Ok((Some(wrapped), Value::None));
            }
            return Ok((None, Value::Exception(rest.clone())));
        }
        let (matched, left) = split(self, rest, &Condition::Types(kind.clone()))?;
        Ok((matched, left.map_or(Value::None, Value::Exception)))
    }

    /// `PREP_RERAISE_STAR`: what leaves a `try`/`except*` once its clauses ran: `raised`
    /// holds what the clauses raised, then the unmatched rest. `None` if nothing.
    pub fn star_reraise(
        &mut self,
        orig: &Rc<Exception>,
        raised: Vec<Rc<Exception>>,
    ) -> PyResult<Option<Rc<Exception>>> {
        if members(orig).is_none() {
            // A plain exception: at most one clause ran.
            return Ok(raised.into_iter().next());
        }
        let mut orig_leaves = Vec::new();
        leaves(orig, &mut orig_leaves);
        let (mut new, mut reraised_leaves) = (Vec::new(), Vec::new());
        for exc in raised {
            let mut its = Vec::new();
            leaves(&exc, &mut its);
            if its
                .iter()
                .all(|leaf| orig_leaves.iter().any(|o| Rc::ptr_eq(o, leaf)))
            {
                reraised_leaves.extend(its);
            } else {
                new.push(exc);
            }
        }
        let reraised = if reraised_leaves.is_empty() {
            None
        } else {
            split(self, orig, &Condition::Leaves(reraised_leaves))?.0
        };
        if new.is_empty() {
            return Ok(reraised);
        }
        new.extend(reraised);
        if new.len() == 1 {
            return Ok(new.pop());
        }
        Ok(Some(super::exceptions::exception_group(
            "",
            new.into_iter().map(Value::Exception).collect(),
        )))
    }

    /// `eg.split(condition)` / `eg.subgroup(condition)` called by a program.
    pub fn group_method(
        &mut self,
        exc: &Rc<Exception>,
        name: &str,
        condition: Value,
    ) -> PyResult<Value> {
        let condition = match &condition {
            Value::Type(Type::Exception(_)) | Value::Tuple(_) => Condition::Types(condition),
            other if super::builtins::is_callable(other) => Condition::Predicate(condition),
            _ => {
                return Err(type_error(
                    "expected a function, exception type or tuple of exception types",
                ));
            }
        };
        let (matched, rest) = split(self, exc, &condition)?;
        let value = |e: Option<Rc<Exception>>| e.map_or(Value::None, Value::Exception);
        Ok(match name {
            "split" => Value::tuple(vec![value(matched), value(rest)]),
            _ => value(matched),
        })
    }
}
