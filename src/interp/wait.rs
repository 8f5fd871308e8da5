//! `asyncio.wait()` and `asyncio.shield()`, from `asyncio/tasks.py` (3.11).
//!
//! `wait` puts its futures in a set, as CPython does; sets of futures iterate in an order
//! fixed by their creation numbers here (CPython hashes them by address).

use std::cell::Cell;
use std::rc::Rc;

use super::Interp;
use super::Resume;
use super::Suspend;
use super::asyncio::{Callback, Future, FutureState, Handle, NativeStep, Waiting};
use super::exceptions::{PyResult, type_error, value_error};
use super::value::Value;
use crate::runtime::TimerId;

/// What `wait()` returns on.
#[derive(Clone, Copy, PartialEq, Eq)]
enum ReturnWhen {
    FirstCompleted,
    FirstException,
    AllCompleted,
}

/// The state `_wait`'s `_on_completion` closure shares.
pub struct WaitShared {
    waiter: Rc<Future>,
    counter: Cell<usize>,
    return_when: ReturnWhen,
    timer: Cell<Option<TimerId>>,
}

/// The coroutine of `asyncio.wait(fs, timeout=..., return_when=...)`.
pub struct WaitCall {
    fs: Value,
    timeout: Option<f64>,
    return_when: Value,
    /// Once waiting: the set of futures and the shared state.
    waiting: Option<(Value, Vec<Rc<Future>>, Rc<WaitShared>)>,
}

impl WaitCall {
    pub fn new(fs: Value, timeout: Option<f64>, return_when: Value) -> WaitCall {
        WaitCall {
            fs,
            timeout,
            return_when,
            waiting: None,
        }
    }

    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        match self.waiting.take() {
            None => {
                if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                match self.start(interp) {
                    Ok(step) => step,
                    Err(exc) => NativeStep::Raise(exc),
                }
            }
            Some((set, futures, shared)) => {
                // `finally`: cancel the timer, stop listening.
                if let Some(timer) = shared.timer.take() {
                    interp.sched.cancel(timer);
                }
                for future in &futures {
                    interp.remove_done_callback(future, &Callback::Wait(shared.clone()));
                }
                if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                let _ = set;
                let (done, pending): (Vec<Value>, Vec<Value>) = futures
                    .iter()
                    .map(|f| Value::Future(f.clone()))
                    .partition(|f| matches!(f, Value::Future(f) if f.is_done()));
                let sets = interp
                    .make_set(done, false)
                    .and_then(|done| Ok((done, interp.make_set(pending, false)?)));
                match sets {
                    Ok((done, pending)) => NativeStep::Return(Value::tuple(vec![done, pending])),
                    Err(exc) => NativeStep::Raise(exc),
                }
            }
        }
    }

    fn start(&mut self, interp: &mut Interp) -> PyResult<NativeStep> {
        let fs = std::mem::take(&mut self.fs);
        if matches!(fs, Value::Future(_) | Value::Coroutine(_)) {
            return Err(type_error(format!(
                "expect a list of futures, not {}",
                fs.type_name()
            )));
        }
        let items = interp.collect_iterable(fs)?;
        if items.is_empty() {
            return Err(value_error("Set of Tasks/Futures is empty."));
        }
        let return_when = match self.return_when.as_str() {
            Some("FIRST_COMPLETED") => ReturnWhen::FirstCompleted,
            Some("FIRST_EXCEPTION") => ReturnWhen::FirstException,
            Some("ALL_COMPLETED") => ReturnWhen::AllCompleted,
            _ => {
                return Err(value_error(format!(
                    "Invalid return_when value: {}",
                    self.return_when.to_str()
                )));
            }
        };
        let set = interp.make_set(items, false)?;
        let members = interp.collect_iterable(set.clone())?;
        if members.iter().any(|m| matches!(m, Value::Coroutine(_))) {
            return Err(type_error(
                "Passing coroutines is forbidden, use tasks explicitly.",
            ));
        }
        let mut futures = Vec::with_capacity(members.len());
        for member in members {
            match member {
                Value::Future(future) => futures.push(future),
                other => {
                    return Err(super::exceptions::attribute_error(
                        other.type_name(),
                        "add_done_callback",
                    ));
                }
            }
        }
        let names: Vec<String> = futures.iter().map(|f| f.describe()).collect();
        let waiter = Future::plain(Waiting::Other(format!("wait({{{}}})", names.join(", "))));
        let shared = Rc::new(WaitShared {
            waiter: waiter.clone(),
            counter: Cell::new(futures.len()),
            return_when,
            timer: Cell::new(None),
        });
        if let Some(timeout) = self.timeout {
            let timer = interp
                .sched
                .call_later(timeout, Handle::ReleaseWaiter(waiter.clone()));
            shared.timer.set(Some(timer));
        }
        for future in &futures {
            interp.add_done_callback(future, Callback::Wait(shared.clone()));
        }
        self.waiting = Some((set, futures, shared));
        Ok(NativeStep::Yield(Suspend::Future(waiter)))
    }
}

impl Interp {
    /// `_on_completion(f)` of `_wait`.
    pub fn wait_on_completion(&mut self, shared: &Rc<WaitShared>, future: &Rc<Future>) {
        shared.counter.set(shared.counter.get().saturating_sub(1));
        let failed = || {
            !future.is_cancelled() && {
                future.mark_retrieved();
                matches!(future.state(), FutureState::Exception(_))
            }
        };
        if shared.counter.get() == 0
            || shared.return_when == ReturnWhen::FirstCompleted
            || (shared.return_when == ReturnWhen::FirstException && failed())
        {
            if let Some(timer) = shared.timer.take() {
                self.sched.cancel(timer);
            }
            if !shared.waiter.is_done() {
                self.future_set_result(&shared.waiter, Value::None);
            }
        }
    }

    /// `asyncio.shield(arg)`
    pub fn shield(&mut self, arg: Value) -> PyResult<Value> {
        let inner = self.ensure_future(arg)?;
        if inner.is_done() {
            return Ok(Value::Future(inner));
        }
        let outer = Future::plain(Waiting::Other(format!("shield({})", inner.describe())));
        self.add_done_callback(&inner, Callback::ShieldInner(outer.clone()));
        self.add_done_callback(&outer, Callback::ShieldOuter(inner.clone()));
        Ok(Value::Future(outer))
    }

    /// shield's `_inner_done_callback(inner)`
    pub fn shield_inner_done(&mut self, outer: &Rc<Future>, inner: &Rc<Future>) {
        if outer.is_cancelled() {
            if !inner.is_cancelled() {
                inner.mark_retrieved();
            }
            return;
        }
        match inner.state() {
            FutureState::Cancelled => {
                self.future_cancel(outer, None);
            }
            FutureState::Exception(exc) => {
                inner.mark_retrieved();
                self.future_set_exception(outer, exc);
            }
            FutureState::Result(value) => self.future_set_result(outer, value),
            FutureState::Pending => {}
        }
    }
}
