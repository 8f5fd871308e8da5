//! asyncio: coroutines, futures, tasks and the event loop, as CPython 3.11 runs them.
//!
//! Print order in an asyncio program depends on how many loop iterations each step takes,
//! so this module mirrors CPython's mechanics rather than approximating them: a task is a
//! future whose `__step` runs its coroutine until it awaits something; awaiting a pending
//! future registers the task's `__wakeup` as a done callback; completing a future schedules
//! each callback through the ready queue (one iteration later); `sleep` is a timer that sets
//! a future's result; `gather`, `wait_for` and `as_completed` are state machines written
//! from `asyncio/tasks.py`. `asyncio.run` creates the main task, runs the loop until the
//! task's done callback stops it, then shuts down as `asyncio.Runner.close` does.
//!
//! Where CPython is nondeterministic, a documented rule decides: tasks left pending at the
//! end are cancelled in creation order (CPython iterates a set), and `as_completed` wraps
//! its arguments in argument order.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::{Rc, Weak};

use rustc_hash::{FxHashMap, FxHashSet};

use super::exceptions::{ExcType, Exception, PyResult, runtime_error, type_error, value_error};
use super::object::Object;
use super::value::{Iter, Value};
pub use super::wait::{WaitCall, WaitShared};
use super::{Abort, ExecState, Frame, Interp, NativeFrame, Resume, Suspend};
use crate::bytecode::Code;
use crate::runtime::{Iteration, TimerId};
use crate::trace::{Actor, Event};

// ---------------------------------------------------------------------------- coroutines

/// What a coroutine runs: a Python body with its bound slots, or a native state machine.
pub enum CoroutineBody {
    Python(Rc<Code>, Vec<Value>),
    Native(NativeCoro),
}

/// A coroutine object, made by calling an `async def` (or a native coroutine function such
/// as `asyncio.sleep`). Its body is taken out when it is first awaited or wrapped in a task.
pub struct Coroutine {
    name: Rc<str>,
    qualname: Rc<str>,
    pub code: Option<Rc<Code>>,
    body: RefCell<Option<CoroutineBody>>,
    pub(super) running: Cell<bool>,
    done: Cell<bool>,
    /// Where a program's call made it, for the "never awaited" warning: the file's number
    /// in the high 32 bits, the byte offset + 1 in the low ones (0 when made internally).
    pub site: Cell<u64>,
    /// The order among coroutines the program made, for reporting in creation order.
    pub serial: Cell<u64>,
}

thread_local! {
    /// Coroutines a program made and dropped without ever running them:
    /// (creation serial, qualname, site).
    static UNAWAITED: RefCell<Vec<(u64, Rc<str>, u64)>> = const { RefCell::new(Vec::new()) };
}

impl Drop for Coroutine {
    fn drop(&mut self) {
        if self.site.get() != 0 && self.body.get_mut().is_some() {
            let entry = (self.serial.get(), self.qualname.clone(), self.site.get());
            let _ = UNAWAITED.try_with(|list| list.borrow_mut().push(entry));
        }
    }
}

thread_local! {
    /// The names of native coroutines, made once: `q.put(x)` runs in hot loops.
    static NAMES: RefCell<FxHashMap<&'static str, Rc<str>>> = RefCell::new(FxHashMap::default());
}

/// A shared `Rc<str>` for a static name.
fn static_name(name: &'static str) -> Rc<str> {
    NAMES
        .try_with(|names| {
            names
                .borrow_mut()
                .entry(name)
                .or_insert_with(|| Rc::from(name))
                .clone()
        })
        .unwrap_or_else(|_| Rc::from(name))
}

/// The coroutines dropped unawaited since the last call, in creation order.
pub fn take_unawaited() -> Vec<(u64, Rc<str>, u64)> {
    let mut list = UNAWAITED
        .try_with(|list| std::mem::take(&mut *list.borrow_mut()))
        .unwrap_or_default();
    list.sort_by_key(|entry| entry.0);
    list
}

impl Coroutine {
    pub fn python(code: Rc<Code>, slots: Vec<Value>) -> Rc<Coroutine> {
        Rc::new(Coroutine {
            name: code.name.clone(),
            qualname: code.qualname.clone(),
            code: Some(code.clone()),
            body: RefCell::new(Some(CoroutineBody::Python(code, slots))),
            running: Cell::new(false),
            done: Cell::new(false),
            site: Cell::new(0),
            serial: Cell::new(0),
        })
    }

    pub fn native(name: &'static str, body: NativeCoro) -> Rc<Coroutine> {
        let name = static_name(name);
        Rc::new(Coroutine {
            name: name.clone(),
            qualname: name,
            code: None,
            body: RefCell::new(Some(CoroutineBody::Native(body))),
            running: Cell::new(false),
            done: Cell::new(false),
            site: Cell::new(0),
            serial: Cell::new(0),
        })
    }

    /// The body, the first time; `None` if it was already taken.
    pub fn take_body(&self) -> Option<CoroutineBody> {
        let body = self.body.borrow_mut().take();
        if body.is_some() {
            self.running.set(true);
        }
        body
    }

    pub fn finish(&self) {
        self.running.set(false);
        self.done.set(true);
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn qualname(&self) -> &str {
        &self.qualname
    }

    pub fn is_done(&self) -> bool {
        self.done.get()
    }
}

// ---------------------------------------------------------------------------- futures

/// The state of a future.
#[derive(Clone)]
pub enum FutureState {
    Pending,
    Result(Value),
    Exception(Rc<Exception>),
    Cancelled,
}

/// What a callback does when the future it is registered on completes.
#[derive(Clone)]
pub enum Callback {
    /// `Task.__wakeup`: resume the task with the future's outcome.
    Wakeup(Rc<Future>),
    /// `_run_until_complete_cb`: stop the loop.
    StopLoop,
    /// gather's `_done_callback`, for the outer future.
    Gather(Rc<Future>),
    /// `_release_waiter(waiter)`: set the waiter's result if it is still pending.
    ReleaseWaiter(Rc<Future>),
    /// as_completed's `_on_completion`.
    AsCompleted(Rc<AsCompleted>),
    /// A Python callable given to `add_done_callback`.
    Python(Value),
    /// `TaskGroup._on_task_done`
    TaskGroup(Rc<Object>),
    /// `wait()`'s `_on_completion`
    Wait(Rc<WaitShared>),
    /// shield's `_inner_done_callback`, with the outer future.
    ShieldInner(Rc<Future>),
    /// shield's `_outer_done_callback`, with the inner future.
    ShieldOuter(Rc<Future>),
}

impl Callback {
    fn same(&self, other: &Callback) -> bool {
        match (self, other) {
            (Callback::Wakeup(a), Callback::Wakeup(b))
            | (Callback::Gather(a), Callback::Gather(b))
            | (Callback::ReleaseWaiter(a), Callback::ReleaseWaiter(b))
            | (Callback::ShieldInner(a), Callback::ShieldInner(b))
            | (Callback::ShieldOuter(a), Callback::ShieldOuter(b)) => Rc::ptr_eq(a, b),
            (Callback::TaskGroup(a), Callback::TaskGroup(b)) => Rc::ptr_eq(a, b),
            (Callback::Wait(a), Callback::Wait(b)) => Rc::ptr_eq(a, b),
            (Callback::StopLoop, Callback::StopLoop) => true,
            (Callback::AsCompleted(a), Callback::AsCompleted(b)) => Rc::ptr_eq(a, b),
            (Callback::Python(a), Callback::Python(b)) => {
                a.is(b) || super::value::values_equal(a, b)
            }
            _ => false,
        }
    }
}

/// Something in the ready queue or a timer.
pub enum Handle {
    /// `Task.__step()`: the first step, or the step after a bare yield.
    Step(Rc<Future>),
    /// A done callback, called with its future.
    Callback(Callback, Rc<Future>),
    /// `futures._set_result_unless_cancelled(future, value)`: the end of a sleep.
    SleepDone(Rc<Future>, Value),
    /// `_release_waiter(waiter)` from a timer: a `wait_for` timeout.
    ReleaseWaiter(Rc<Future>),
    /// as_completed's `_on_timeout`.
    AsCompletedTimeout(Rc<AsCompleted>),
    /// `Timeout._on_timeout`, valid while the timeout's generation is this one.
    TimeoutFire(Rc<Object>, u32),
    /// Run a worker thread (`to_thread`) until it sleeps or finishes.
    ThreadStep(Rc<super::threads::Thread>),
    /// A worker's outcome reaches its future.
    ThreadDone(Rc<Future>, PyResult<Value>),
    /// `loop.create_task(coro)`, called soon (an abandoned generator's `aclose()`).
    CreateTask(Rc<Coroutine>),
    /// A callback of `loop.call_soon` / `call_later` / `call_at`.
    PyCall(Rc<Object>),
}

/// What kind of future this is.
pub enum FutureKind {
    /// A future made by the loop, with what it stands for (for the trace).
    Plain(Waiting),
    Task(Box<TaskData>),
    Gather(GatherData),
}

/// What a plain future stands for, in the trace and deadlock reports.
#[derive(Clone, Debug)]
pub enum Waiting {
    Sleep(f64),
    /// `wait_for(fut, timeout=seconds)`. Like `Cancellation`, described only when asked (a
    /// trace, a deadlock report): a fan-out of `wait_for`s need not format one label each.
    /// Weak, as `fut`'s done callbacks hold this waiter.
    WaitFor(Weak<Future>, f64),
    /// Waiting for `fut` to finish cancelling.
    Cancellation(Weak<Future>),
    Other(String),
    /// A primitive's waiter (`Lock.acquire()`, `Queue.get()`, ...).
    Static(&'static str),
}

pub struct TaskData {
    /// The name given to it; `None` until asked for, when it is `Task-{number}`.
    name: RefCell<Option<Rc<str>>>,
    /// Its number among unnamed tasks (`Task-N`), counted as CPython counts them.
    number: u64,
    pub coro: Rc<Coroutine>,
    pub exec: RefCell<ExecState>,
    pub must_cancel: Cell<bool>,
    pub fut_waiter: RefCell<Option<Rc<Future>>>,
    pub num_cancels_requested: Cell<u32>,
    pub started: Cell<bool>,
    /// While the task runs, the pc of its outermost frame as the VM last noted it (before a
    /// call that may show the task's repr: `print`, `repr`, `str`, f-strings).
    pub running_pc: Cell<u32>,
    /// An internal task of `asyncio.run`'s shutdown, kept out of the trace.
    pub hidden: bool,
}

impl TaskData {
    /// The task's name; `Task-N` is written out the first time it is needed (most tasks
    /// of a big fan-out never are, when nothing is traced).
    pub fn name(&self) -> Rc<str> {
        if let Some(name) = &*self.name.borrow() {
            return name.clone();
        }
        let name: Rc<str> = Rc::from(format!("Task-{}", self.number));
        *self.name.borrow_mut() = Some(name.clone());
        name
    }
}

pub struct GatherData {
    pub children: Vec<Rc<Future>>,
    nfinished: Cell<usize>,
    nfuts: usize,
    return_exceptions: bool,
    cancel_requested: Cell<bool>,
}

/// An asyncio future: a plain future, a task, or a gather's outer future.
pub struct Future {
    /// Creation order among tasks (the trace's task id), or 0 for other futures.
    pub id: u32,
    state: RefCell<FutureState>,
    callbacks: RefCell<Vec<Callback>>,
    cancel_message: RefCell<Option<Value>>,
    cancelled_exc: RefCell<Option<Rc<Exception>>>,
    /// An exception was set and nobody has retrieved it yet (`__log_traceback`).
    log_traceback: Cell<bool>,
    pub kind: FutureKind,
}

impl Future {
    fn new(id: u32, kind: FutureKind) -> Rc<Future> {
        Rc::new(Future {
            id,
            state: RefCell::new(FutureState::Pending),
            callbacks: RefCell::new(Vec::new()),
            cancel_message: RefCell::new(None),
            cancelled_exc: RefCell::new(None),
            log_traceback: Cell::new(false),
            kind,
        })
    }

    pub fn plain(waiting: Waiting) -> Rc<Future> {
        Future::new(0, FutureKind::Plain(waiting))
    }

    pub fn is_task(&self) -> bool {
        matches!(self.kind, FutureKind::Task(_))
    }

    pub fn task(&self) -> Option<&TaskData> {
        match &self.kind {
            FutureKind::Task(task) => Some(task),
            _ => None,
        }
    }

    /// The type's name as CPython's messages show it (`'_asyncio.Task' object is not
    /// callable`).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            FutureKind::Task(_) => "_asyncio.Task",
            FutureKind::Gather(_) => "_GatheringFuture",
            FutureKind::Plain(_) => "_asyncio.Future",
        }
    }

    /// The type's `__name__`, as reprs show it (`<Future pending>`).
    pub fn short_type_name(&self) -> &'static str {
        self.type_name().trim_start_matches("_asyncio.")
    }

    pub fn state(&self) -> FutureState {
        self.state.borrow().clone()
    }

    pub fn is_done(&self) -> bool {
        !matches!(*self.state.borrow(), FutureState::Pending)
    }

    pub fn is_cancelled(&self) -> bool {
        matches!(*self.state.borrow(), FutureState::Cancelled)
    }

    /// `_make_cancelled_error()`
    pub fn make_cancelled_error(&self) -> Rc<Exception> {
        if let Some(exc) = self.cancelled_exc.borrow_mut().take() {
            return exc;
        }
        let args = self.cancel_message.borrow().clone().into_iter().collect();
        Exception::new(ExcType::CancelledError, args)
    }

    /// The exception was looked at (`result()`, `exception()`, an await).
    pub fn mark_retrieved(&self) {
        self.log_traceback.set(false);
    }

    /// An exception nobody retrieved ("Task exception was never retrieved").
    pub fn unretrieved(&self) -> bool {
        self.log_traceback.get()
    }

    /// `Task.uncancel()`: one cancellation request fewer; how many remain.
    pub fn uncancel(&self) -> u32 {
        match self.task() {
            Some(task) => {
                let count = task.num_cancels_requested.get().saturating_sub(1);
                task.num_cancels_requested.set(count);
                count
            }
            None => 0,
        }
    }

    /// `future.result()`
    pub fn result(&self) -> PyResult<Value> {
        self.log_traceback.set(false);
        match self.state() {
            FutureState::Pending => Err(Exception::msg(
                ExcType::InvalidStateError,
                "Result is not set.",
            )),
            FutureState::Result(value) => Ok(value),
            FutureState::Exception(exc) => Err(exc),
            FutureState::Cancelled => Err(self.make_cancelled_error()),
        }
    }

    /// `future.exception()`
    pub fn exception(&self) -> PyResult<Value> {
        if self.is_done() {
            self.log_traceback.set(false);
        }
        match self.state() {
            FutureState::Pending => Err(Exception::msg(
                ExcType::InvalidStateError,
                "Exception is not set.",
            )),
            FutureState::Result(_) => Ok(Value::None),
            FutureState::Exception(exc) => Ok(Value::Exception(exc)),
            FutureState::Cancelled => Err(self.make_cancelled_error()),
        }
    }

    /// The name a task shows (`Task-1`); other futures have none.
    pub fn name(&self) -> Rc<str> {
        match &self.kind {
            FutureKind::Task(task) => task.name(),
            _ => Rc::from(self.short_type_name()),
        }
    }

    /// What awaiting this future means, for the trace: `Task-2`, `gather(Task-2, Task-3)`.
    pub fn describe(&self) -> String {
        match &self.kind {
            FutureKind::Task(task) => task.name().to_string(),
            FutureKind::Gather(gather) => {
                let names: Vec<String> = gather
                    .children
                    .iter()
                    .map(|c| c.name().to_string())
                    .collect();
                format!("gather({})", names.join(", "))
            }
            FutureKind::Plain(Waiting::Sleep(seconds)) => {
                format!("sleep({})", crate::trace::seconds_text(*seconds))
            }
            FutureKind::Plain(Waiting::WaitFor(fut, seconds)) => format!(
                "wait_for({}, timeout={})",
                describe_weak(fut),
                crate::trace::seconds_text(*seconds)
            ),
            FutureKind::Plain(Waiting::Cancellation(fut)) => {
                format!("the cancellation of {}", describe_weak(fut))
            }
            FutureKind::Plain(Waiting::Other(what)) => what.clone(),
            FutureKind::Plain(Waiting::Static(what)) => what.to_string(),
        }
    }

    /// `repr(future)`: CPython's `_future_repr_info` (and `_task_repr_info` for a task):
    /// the state, a task's name, coroutine and what it waits for, the result (shortened as
    /// `reprlib` shortens it) or exception, and the done callbacks.
    pub fn repr(&self) -> String {
        let mut info = vec![match self.state() {
            FutureState::Pending => "pending".to_string(),
            FutureState::Cancelled => "cancelled".to_string(),
            FutureState::Result(_) | FutureState::Exception(_) => "finished".to_string(),
        }];
        match self.state() {
            FutureState::Result(value) => info.push(format!("result={}", short_repr(&value))),
            FutureState::Exception(exc) => info.push(format!("exception={}", exc.repr())),
            _ => {}
        }
        let callbacks = self.callbacks.borrow();
        let text = |callback: &Callback| callback.repr();
        match callbacks.as_slice() {
            [] => {}
            [one] => info.push(format!("cb=[{}]", text(one))),
            [first, second] => info.push(format!("cb=[{}, {}]", text(first), text(second))),
            [first, .., last] => info.push(format!(
                "cb=[{}, <{} more>, {}]",
                text(first),
                callbacks.len() - 2,
                text(last)
            )),
        }
        drop(callbacks);
        let FutureKind::Task(task) = &self.kind else {
            return format!("<{} {}>", self.short_type_name(), info.join(" "));
        };
        if task.num_cancels_requested.get() > 0 && !self.is_done() {
            info[0] = "cancelling".to_string();
        }
        info.insert(1, format!("name={}", Value::str(&*task.name()).repr()));
        info.insert(2, format!("coro=<{}>", task.coroutine_text()));
        if let Some(waiter) = &*task.fut_waiter.borrow() {
            info.insert(3, format!("wait_for={}", waiter.repr()));
        }
        format!("<Task {}>", info.join(" "))
    }
}

impl TaskData {
    /// CPython's `_format_coroutine` of the task's coroutine: where it is running (its
    /// outermost frame's line; the `async def` line before it starts), or where it was
    /// defined once it is done.
    fn coroutine_text(&self) -> String {
        let coro = &self.coro;
        let Some(code) = &coro.code else {
            // asyncio's own coroutines, where CPython 3.11.7's asyncio/tasks.py has them
            // (the `async def` line, and the line where they wait).
            let (defined, waits) = match coro.qualname() {
                "sleep" => (637, 649),
                "wait_for" => (436, 476),
                name if coro.running.get() => return format!("{name}() running"),
                name => return format!("{name}()"),
            };
            let at = format!("{STDLIB}/asyncio/tasks.py");
            return match (coro.is_done(), coro.running.get()) {
                (true, _) => format!("{}() done, defined at {at}:{defined}", coro.qualname()),
                (false, true) => format!("{}() running at {at}:{waits}", coro.qualname()),
                (false, false) => format!("{}() running at {at}:{defined}", coro.qualname()),
            };
        };
        let source = &code.source;
        let def_line = source.line_of(code.span.start);
        if coro.is_done() {
            return format!(
                "{}() done, defined at {}:{def_line}",
                code.qualname, source.path
            );
        }
        let pc = match self.exec.try_borrow() {
            Ok(exec) => match exec.frames.first() {
                Some(super::Frame::Py(frame)) if Rc::ptr_eq(&frame.code, code) => frame.pc,
                _ => 0,
            },
            // Running now: the line the VM noted when it made the call that asks.
            Err(_) => self.running_pc.get(),
        };
        let line = match pc {
            0 => def_line,
            pc => code
                .spans
                .get(pc as usize - 1)
                .map_or(def_line, |span| source.line_of(span.start)),
        };
        format!("{}() running at {}:{line}", code.qualname, source.path)
    }
}

impl Callback {
    /// How CPython's `_format_callback_source` shows the callback in `cb=[...]`.
    fn repr(&self) -> String {
        let asyncio = |what: &str, file: &str, line: u32| {
            format!("{what}() at {STDLIB}/asyncio/{file}:{line}")
        };
        match self {
            Callback::Wakeup(_) => "Task.task_wakeup()".to_string(),
            Callback::StopLoop => asyncio("_run_until_complete_cb", "base_events.py", 180),
            Callback::Gather(_) => asyncio("gather.<locals>._done_callback", "tasks.py", 764),
            // `functools.partial(_release_waiter, waiter)`: its arguments as `reprlib` shows
            // them.
            Callback::ReleaseWaiter(waiter) => format!(
                "_release_waiter({})() at {STDLIB}/asyncio/tasks.py:431",
                short_repr(&Value::Future(waiter.clone()))
            ),
            Callback::AsCompleted(_) => {
                asyncio("as_completed.<locals>._on_completion", "tasks.py", 602)
            }
            Callback::Wait(_) => asyncio("_wait.<locals>._on_completion", "tasks.py", 519),
            Callback::ShieldInner(_) => {
                asyncio("shield.<locals>._inner_done_callback", "tasks.py", 891)
            }
            Callback::ShieldOuter(_) => {
                asyncio("shield.<locals>._outer_done_callback", "tasks.py", 908)
            }
            Callback::TaskGroup(_) => "TaskGroup._on_task_done()".to_string(),
            Callback::Python(func) => match func {
                Value::Function(f) => format!(
                    "{}() at {}:{}",
                    f.code.qualname,
                    f.code.source.path,
                    f.code.source.line_of(f.code.span.start)
                ),
                Value::Builtin(b) => format!("{}()", b.name()),
                other => format!("{}()", other.repr()),
            },
        }
    }
}

/// Where scenario says CPython's standard library is (`Native::file`).
const STDLIB: &str = "/usr/lib/python3.11";

/// `reprlib.repr(value)`, with `reprlib.Repr`'s default limits: what a finished future's
/// repr shows of its result.
pub fn short_repr(value: &Value) -> String {
    short_repr_at(value, 6)
}

fn short_repr_at(value: &Value, level: usize) -> String {
    fn shorten(text: String, limit: usize) -> String {
        let chars: Vec<char> = text.chars().collect();
        if chars.len() <= limit {
            return text;
        }
        let i = (limit - 3) / 2;
        let j = limit - 3 - i;
        let head: String = chars[..i].iter().collect();
        let tail: String = chars[chars.len() - j..].iter().collect();
        format!("{head}...{tail}")
    }
    fn iterable(items: &[Value], level: usize, left: &str, right: &str, trail: &str) -> String {
        if level == 0 && !items.is_empty() {
            return format!("{left}...{right}");
        }
        let mut pieces: Vec<String> = items
            .iter()
            .take(6)
            .map(|item| short_repr_at(item, level - 1))
            .collect();
        if items.len() > 6 {
            pieces.push("...".to_string());
        }
        let right = if items.len() == 1 {
            format!("{trail}{right}")
        } else {
            right.to_string()
        };
        format!("{left}{}{right}", pieces.join(", "))
    }
    /// `reprlib`'s `_possibly_sorted`: numbers or strings sort; anything else keeps its order.
    fn possibly_sorted(mut items: Vec<Value>) -> Vec<Value> {
        if items
            .iter()
            .all(|v| matches!(v, Value::Int(_) | Value::Float(_) | Value::Bool(_)))
        {
            items.sort_by(|a, b| {
                let number = |v: &Value| super::ops::int_to_float(v).unwrap_or(0.0);
                let (a, b) = (number(a), number(b));
                a.partial_cmp(&b).unwrap_or(std::cmp::Ordering::Equal)
            });
        } else if items.iter().all(|v| matches!(v, Value::Str(_))) {
            items.sort_by(|a, b| a.as_str().cmp(&b.as_str()));
        }
        items
    }
    match value {
        Value::Str(text) => {
            let text = text.as_str();
            if text.chars().count() <= 30 {
                return value.repr();
            }
            let chars: Vec<char> = text.chars().collect();
            let kept: String = chars[..30].iter().collect();
            let repr = Value::str(kept).repr();
            if repr.chars().count() <= 30 {
                return repr;
            }
            let (i, j) = (13, 14);
            let inner: String = chars[..i].iter().chain(&chars[chars.len() - j..]).collect();
            let repr: Vec<char> = Value::str(inner).repr().chars().collect();
            let head: String = repr[..i].iter().collect();
            let tail: String = repr[repr.len() - j..].iter().collect();
            format!("{head}...{tail}")
        }
        Value::Int(_) | Value::BigInt(_) => shorten(value.repr(), 40),
        Value::Tuple(items) => iterable(&items.0, level, "(", ")", ","),
        Value::List(items) => iterable(&items.borrow(), level, "[", "]", ""),
        Value::Set(set) => {
            let items: Vec<Value> = set.items.borrow().iter().map(|k| k.value.clone()).collect();
            match (items.is_empty(), set.frozen) {
                (true, false) => "set()".to_string(),
                (true, true) => "frozenset()".to_string(),
                (false, false) => iterable(&possibly_sorted(items), level, "{", "}", ""),
                (false, true) => iterable(&possibly_sorted(items), level, "frozenset({", "})", ""),
            }
        }
        Value::Dict(dict) => {
            let dict = dict.borrow();
            if dict.is_empty() {
                return "{}".to_string();
            }
            if level == 0 {
                return "{...}".to_string();
            }
            let keys = possibly_sorted(dict.keys().map(|k| k.value.clone()).collect());
            let mut pieces: Vec<String> = keys
                .iter()
                .take(4)
                .map(|key| {
                    let value = super::value::Key::new(key.clone())
                        .ok()
                        .and_then(|k| dict.get(&k).cloned())
                        .unwrap_or(Value::None);
                    format!(
                        "{}: {}",
                        short_repr_at(key, level - 1),
                        short_repr_at(&value, level - 1)
                    )
                })
                .collect();
            if dict.len() > 4 {
                pieces.push("...".to_string());
            }
            format!("{{{}}}", pieces.join(", "))
        }
        other => shorten(other.repr(), 30),
    }
}

// ---------------------------------------------------------------------------- the loop

/// The state of the running event loop.
pub struct LoopState {
    pub stopping: bool,
}

/// The loop's methods [`Interp::loop_method`] implements (the others are in builtins.rs).
pub const LOOP_METHODS: &[&str] = &[
    "run_until_complete",
    "run_forever",
    "stop",
    "close",
    "is_running",
    "is_closed",
    "set_exception_handler",
    "get_exception_handler",
    "call_exception_handler",
    "default_exception_handler",
];

/// SystemExit and KeyboardInterrupt are not kept in a task: they stop the loop.
fn escapes_the_loop(exc: &Exception) -> bool {
    matches!(exc.ty, ExcType::SystemExit | ExcType::KeyboardInterrupt)
}

/// The shape of an abort unwinding through Python code: it is never caught.
fn abort_marker() -> Rc<Exception> {
    Exception::new(ExcType::SystemExit, Vec::new())
}

impl Interp {
    /// `asyncio.run(main)`
    pub fn asyncio_run(&mut self, main: Value) -> PyResult<Value> {
        if self.event_loop.is_some() {
            return Err(runtime_error(
                "asyncio.run() cannot be called from a running event loop",
            ));
        }
        let Value::Coroutine(coro) = &main else {
            return Err(value_error(format!(
                "a coroutine was expected, got {}",
                main.repr()
            )));
        };
        self.event_loop = Some(LoopState { stopping: false });
        let task = self.new_task(coro.clone(), None, false);
        let result = self.run_until_complete(&task);
        let shutdown = if self.abort.is_none() {
            self.shutdown_loop()
        } else {
            Ok(())
        };
        self.event_loop = None;
        self.sched.clear();
        self.report_unretrieved();
        self.report_unawaited();
        shutdown?;
        result
    }

    /// The loop's methods in [`LOOP_METHODS`]. Tasks left pending by one
    /// `run_until_complete` go on in the next, as on CPython's loop.
    pub fn loop_method(
        &mut self,
        name: &str,
        method: &super::builtins::MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match name {
            "run_until_complete" | "run_forever" => {
                let future = if name == "run_until_complete" {
                    let [arg] = super::builtins::exactly(method, args, &kwargs, 1)?
                        .try_into()
                        .expect("one");
                    Some(arg)
                } else {
                    super::builtins::exactly(method, args, &kwargs, 0)?;
                    None
                };
                if self.loop_closed {
                    return Err(runtime_error("Event loop is closed"));
                }
                if self.event_loop.is_some() {
                    return Err(runtime_error("This event loop is already running"));
                }
                self.event_loop = Some(LoopState { stopping: false });
                let result = match future {
                    Some(arg) => match self.ensure_future(arg) {
                        Ok(future) => self.run_until_complete(&future),
                        Err(exc) => Err(exc),
                    },
                    None => self.run_forever().map(|()| Value::None),
                };
                self.event_loop = None;
                result
            }
            "stop" => {
                super::builtins::exactly(method, args, &kwargs, 0)?;
                if let Some(state) = &mut self.event_loop {
                    state.stopping = true;
                }
                Ok(Value::None)
            }
            "close" => {
                super::builtins::exactly(method, args, &kwargs, 0)?;
                if self.event_loop.is_some() {
                    return Err(runtime_error("Cannot close a running event loop"));
                }
                if !self.loop_closed {
                    self.loop_closed = true;
                    self.sched.clear();
                    self.report_unretrieved();
                }
                Ok(Value::None)
            }
            "is_running" => {
                super::builtins::exactly(method, args, &kwargs, 0)?;
                Ok(Value::bool(self.event_loop.is_some()))
            }
            "set_exception_handler" => {
                let [handler] = super::builtins::exactly(method, args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                self.exception_handler = match handler {
                    Value::None => None,
                    h if super::builtins::is_callable(&h) => Some(h),
                    other => {
                        return Err(super::exceptions::type_error(format!(
                            "A callable object or None is expected, got {}",
                            other.repr()
                        )));
                    }
                };
                Ok(Value::None)
            }
            "get_exception_handler" => {
                super::builtins::exactly(method, args, &kwargs, 0)?;
                Ok(self.exception_handler.clone().unwrap_or(Value::None))
            }
            "call_exception_handler" | "default_exception_handler" => {
                let [context] = super::builtins::exactly(method, args, &kwargs, 1)?
                    .try_into()
                    .expect("one");
                let handler = self.exception_handler.clone();
                if let (Some(handler), "call_exception_handler") = (handler, name) {
                    self.call(handler, vec![Value::Loop, context])?;
                    return Ok(Value::None);
                }
                // The default handler logs the message (and the exception's traceback).
                let get = |key: &str| match &context {
                    Value::Dict(dict) => dict
                        .borrow()
                        .iter()
                        .find(|(k, _)| k.value.as_str() == Some(key))
                        .map(|(_, v)| v.clone()),
                    _ => None,
                };
                let message = get("message").map_or_else(
                    || "Unhandled exception in event loop".to_string(),
                    |m| m.to_str(),
                );
                let mut report = format!("{message}\n");
                if let Some(Value::Exception(exc)) = get("exception") {
                    report.push_str(&super::traceback::render(&exc));
                }
                self.stderr.push_str(&report);
                Ok(Value::None)
            }
            _ => {
                super::builtins::exactly(method, args, &kwargs, 0)?;
                Ok(Value::bool(self.loop_closed && self.event_loop.is_none()))
            }
        }
    }

    /// `Runner.close()`: cancel what is left, then the two shutdown steps.
    fn shutdown_loop(&mut self) -> PyResult<()> {
        let to_cancel: Vec<Rc<Future>> = self
            .tasks
            .iter()
            .filter(|t| !t.is_done() && !t.task().is_some_and(|d| d.hidden))
            .cloned()
            .collect();
        if !to_cancel.is_empty() {
            for task in &to_cancel {
                self.future_cancel(task, None);
            }
            let gather = self.gather_futures(to_cancel.clone(), true);
            self.run_until_complete(&gather).map(|_| ())?;
            for task in &to_cancel {
                if let FutureState::Exception(exc) = task.state() {
                    let report = format!(
                        "unhandled exception during asyncio.run() shutdown\ntask: {}\n{}",
                        task.repr(),
                        super::traceback::render(&exc)
                    );
                    self.stderr.push_str(&report);
                }
            }
        }
        // shutdown_asyncgens() and shutdown_default_executor(): each a task of its own.
        for step in 0..2 {
            let coro = Coroutine::native("shutdown", NativeCoro::Noop);
            let task = self.new_task(coro, None, true);
            self.run_until_complete(&task)?;
            if step == 0 {
                // `aclose()` every asynchronous generator still suspended at a `yield`.
                let live: Vec<Rc<Object>> = std::mem::take(&mut self.asyncgens)
                    .iter()
                    .filter_map(std::rc::Weak::upgrade)
                    .filter(|g| matches!(&**g, Object::AsyncGen(a) if a.is_suspended()))
                    .collect();
                if !live.is_empty() {
                    let closers = live
                        .iter()
                        .map(|g| self.object_method(g, &Rc::from("aclose"), Vec::new(), Vec::new()))
                        .collect::<PyResult<Vec<Value>>>()?;
                    let gather = self.gather(closers, true)?;
                    if let Value::Future(gather) = gather {
                        self.run_until_complete(&gather)?;
                    }
                }
            } else if self.executor.active() > 0 {
                // shutdown_default_executor(): wait for the worker threads.
                let idle = Future::plain(Waiting::Static("the default executor's threads"));
                self.executor.idle = Some(idle.clone());
                self.run_until_complete(&idle)?;
            }
        }
        super::agen::clear_abandoned();
        Ok(())
    }

    /// `loop.call_soon(handle)`. Generators abandoned since the last call are closed first:
    /// CPython's finalizer hook queues their `aclose()` the moment they are collected, so
    /// it goes ahead of whatever the loop queues after.
    pub fn call_soon(&mut self, handle: Handle) {
        self.finalize_abandoned();
        self.sched.call_soon(handle);
    }

    /// Close generators dropped while suspended, as CPython's finalizer hook does:
    /// `call_soon(create_task, agen.aclose())`.
    fn finalize_abandoned(&mut self) {
        for agen in super::agen::take_abandoned() {
            let object = Rc::new(Object::AsyncGen(agen));
            if let Ok(Value::Coroutine(coro)) =
                self.object_method(&object, &Rc::from("aclose"), Vec::new(), Vec::new())
            {
                self.sched.call_soon(Handle::CreateTask(coro));
            }
        }
    }

    /// `loop.call_soon(func, *args)`, or `call_at(when, ...)` when `when` is given.
    pub fn schedule_python_callback(
        &mut self,
        func: Value,
        args: Vec<Value>,
        when: Option<f64>,
    ) -> Value {
        let object = Rc::new(Object::Handle(super::object::CallbackHandle {
            when,
            cancelled: Cell::new(false),
            timer: Cell::new(None),
            func,
            args,
        }));
        let handle = Handle::PyCall(object.clone());
        match when {
            None => self.call_soon(handle),
            Some(when) => {
                let now = self.sched.clock.now_seconds();
                let timer = if when < now {
                    let past = crate::runtime::seconds_to_ns(now - when).unwrap_or(u64::MAX);
                    self.sched.call_past(past, when, handle)
                } else {
                    let ns = crate::runtime::seconds_to_ns(when).unwrap_or(u64::MAX);
                    self.sched.call_at(ns, when, handle)
                };
                if let Object::Handle(h) = &*object {
                    h.timer.set(Some(timer));
                }
            }
        }
        Value::Object(object)
    }

    fn run_python_callback(&mut self, object: &Rc<Object>) {
        let Object::Handle(handle) = &**object else {
            return;
        };
        if handle.cancelled.get() {
            return;
        }
        handle.timer.set(None);
        let name: Rc<str> = match &handle.func {
            Value::Function(f) => f.code.name.clone(),
            Value::Builtin(b) => Rc::from(b.name()),
            other => Rc::from(other.type_name()),
        };
        let outer = self.callback.replace(name);
        let result = self.call(handle.func.clone(), handle.args.clone());
        self.callback = outer;
        if let Err(exc) = result {
            if self.abort.is_some() {
                return;
            }
            if escapes_the_loop(&exc) {
                self.escaping = Some(exc);
                return;
            }
            let call = object.repr();
            let call = call.trim_start_matches("<Handle ").trim_end_matches('>');
            let message = format!("Exception in callback {call}");
            self.callback_failed(message, exc, Value::Object(object.clone()));
        }
    }

    /// A callback raised: the loop's exception handler gets the context, or the default
    /// handler logs it (`loop.call_exception_handler`).
    fn callback_failed(&mut self, message: String, exc: Rc<Exception>, handle: Value) {
        if let Some(handler) = self.exception_handler.clone() {
            let context = self.make_dict(vec![
                Value::str("message"),
                Value::str(&*message),
                Value::str("exception"),
                Value::Exception(exc.clone()),
                Value::str("handle"),
                handle,
            ]);
            let result = context.and_then(|context| self.call(handler, vec![Value::Loop, context]));
            if let Err(error) = result {
                if self.abort.is_some() {
                    return;
                }
                let report = format!(
                    "Unhandled error in exception handler\n{}",
                    super::traceback::render(&error)
                );
                self.stderr.push_str(&report);
            }
            return;
        }
        let report = format!(
            "{message}\nhandle: {}\n{}",
            handle.repr(),
            super::traceback::render(&exc)
        );
        self.stderr.push_str(&report);
    }

    /// "RuntimeWarning: coroutine 'f' was never awaited", for each coroutine the program
    /// made and dropped without running, as CPython warns when it collects one.
    pub fn report_unawaited(&mut self) {
        for (_, qualname, site) in take_unawaited() {
            let Some(source) = self.files.get((site >> 32) as usize).cloned() else {
                continue;
            };
            let offset = (site as u32).saturating_sub(1);
            let line = source.line_of(offset);
            let text = source.line_text(line).trim().to_string();
            self.stderr.push_str(&format!(
                "{}:{line}: RuntimeWarning: coroutine '{qualname}' was never awaited\n  {text}\n\
                 RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n",
                source.path
            ));
            if self.trace.enabled() {
                let now = self.sched.clock.now_ns();
                let message = format!("coroutine '{qualname}' was never awaited (line {line})");
                self.trace.push(now, Actor::Module, Event::Warned(message));
            }
        }
    }

    /// "Task exception was never retrieved": CPython logs it when such a task is garbage
    /// collected; here every one is reported when `asyncio.run` ends, in creation order.
    pub fn report_unretrieved(&mut self) {
        let tasks: Vec<Rc<Future>> = self
            .tasks
            .iter()
            .filter(|t| t.unretrieved())
            .cloned()
            .collect();
        for task in tasks {
            task.mark_retrieved();
            let FutureState::Exception(exc) = task.state() else {
                continue;
            };
            if escapes_the_loop(&exc) {
                continue; // it stopped the loop and propagated
            }
            let report = format!(
                "Task exception was never retrieved\nfuture: {}\n{}",
                task.repr(),
                super::traceback::render(&exc)
            );
            self.stderr.push_str(&report);
            if self.trace.enabled() {
                let now = self.sched.clock.now_ns();
                let message = format!("Task exception was never retrieved: {}", exc.summary());
                self.trace
                    .push(now, Actor::Task(task.id), Event::Warned(message));
            }
        }
    }

    /// `loop.run_until_complete(future)`
    pub fn run_until_complete(&mut self, future: &Rc<Future>) -> PyResult<Value> {
        self.add_done_callback(future, Callback::StopLoop);
        self.run_forever()?;
        self.remove_done_callback(future, &Callback::StopLoop);
        if !future.is_done() {
            return Err(runtime_error("Event loop stopped before Future completed."));
        }
        future.result()
    }

    fn run_forever(&mut self) -> PyResult<()> {
        loop {
            match self.sched.begin_iteration() {
                Iteration::Run(count) => {
                    for _ in 0..count {
                        let Some(handle) = self.sched.pop_ready() else {
                            break;
                        };
                        self.run_handle(handle);
                        if self.abort.is_some() {
                            return Err(abort_marker());
                        }
                        self.finalize_abandoned();
                        if let Some(exc) = self.escaping.take() {
                            return Err(exc);
                        }
                    }
                }
                Iteration::Idle => {
                    self.abort = Some(Abort::Deadlock(self.blocked_tasks()));
                    return Err(abort_marker());
                }
                Iteration::TimeLimit(at) => {
                    self.abort = Some(Abort::TimeLimit(at));
                    return Err(abort_marker());
                }
            }
            if let Some(state) = &mut self.event_loop
                && state.stopping
            {
                state.stopping = false;
                return Ok(());
            }
        }
    }

    /// Every pending task and what it waits for.
    fn blocked_tasks(&self) -> Vec<(String, String)> {
        self.tasks
            .iter()
            .filter(|t| !t.is_done())
            .filter_map(|t| {
                let task = t.task()?;
                if task.hidden {
                    return None;
                }
                let waits = match &*task.fut_waiter.borrow() {
                    Some(waiter) => waiter.describe(),
                    None => "nothing (it is ready to run)".to_string(),
                };
                Some((task.name().to_string(), waits))
            })
            .collect()
    }

    fn run_handle(&mut self, handle: Handle) {
        match handle {
            Handle::Step(task) => self.step_task(&task, Resume::Send(Value::None)),
            Handle::Callback(callback, future) => self.run_callback(callback, &future),
            Handle::SleepDone(future, value) => {
                if !future.is_done() {
                    self.future_set_result(&future, value);
                }
            }
            Handle::ReleaseWaiter(waiter) => {
                if !waiter.is_done() {
                    self.future_set_result(&waiter, Value::None);
                }
            }
            Handle::AsCompletedTimeout(state) => self.as_completed_timeout(&state),
            Handle::TimeoutFire(timeout, generation) => self.timeout_fire(&timeout, generation),
            Handle::ThreadStep(thread) => self.step_thread(&thread),
            Handle::ThreadDone(future, outcome) => self.thread_done(&future, outcome),
            Handle::CreateTask(coro) => {
                let outer = self.callback.replace(Rc::from("asyncgen_finalizer_hook"));
                self.new_task(coro, None, false);
                self.callback = outer;
            }
            Handle::PyCall(object) => self.run_python_callback(&object),
        }
    }

    fn run_callback(&mut self, callback: Callback, future: &Rc<Future>) {
        match callback {
            Callback::Wakeup(task) => {
                let input = match future.result() {
                    Ok(value) => Resume::Send(value),
                    Err(exc) => Resume::Throw(exc),
                };
                self.step_task(&task, input);
            }
            Callback::StopLoop => {
                if let Some(state) = &mut self.event_loop {
                    state.stopping = true;
                }
            }
            Callback::Gather(outer) => self.gather_child_done(&outer, future),
            Callback::ReleaseWaiter(waiter) => {
                if !waiter.is_done() {
                    self.future_set_result(&waiter, Value::None);
                }
            }
            Callback::AsCompleted(state) => self.as_completed_on_completion(&state, future),
            Callback::TaskGroup(group) => self.group_task_done(&group, future),
            Callback::Wait(shared) => self.wait_on_completion(&shared, future),
            Callback::ShieldInner(outer) => self.shield_inner_done(&outer, future),
            Callback::ShieldOuter(inner) => {
                if !inner.is_done() {
                    self.remove_done_callback(&inner, &Callback::ShieldInner(future.clone()));
                }
            }
            Callback::Python(func) => {
                let name: Rc<str> = match &func {
                    Value::Function(f) => f.code.name.clone(),
                    Value::Builtin(b) => Rc::from(b.name()),
                    other => Rc::from(other.type_name()),
                };
                let outer = self.callback.replace(name);
                let result = self.call(func.clone(), vec![Value::Future(future.clone())]);
                self.callback = outer;
                if let Err(exc) = result {
                    if self.abort.is_some() {
                        return;
                    }
                    if escapes_the_loop(&exc) {
                        self.escaping = Some(exc);
                        return;
                    }
                    let handle =
                        Value::Object(Rc::new(Object::Handle(super::object::CallbackHandle {
                            when: None,
                            cancelled: Cell::new(false),
                            timer: Cell::new(None),
                            func,
                            args: vec![Value::Future(future.clone())],
                        })));
                    let call = handle.repr();
                    let call = call.trim_start_matches("<Handle ").trim_end_matches('>');
                    let message = format!("Exception in callback {call}");
                    self.callback_failed(message, exc, handle);
                }
            }
        }
    }

    // ------------------------------------------------------------------------ futures

    fn schedule_callbacks(&mut self, future: &Rc<Future>) {
        let callbacks = std::mem::take(&mut *future.callbacks.borrow_mut());
        for callback in callbacks {
            self.call_soon(Handle::Callback(callback, future.clone()));
        }
    }

    pub fn future_set_result(&mut self, future: &Rc<Future>, value: Value) {
        *future.state.borrow_mut() = FutureState::Result(value);
        self.schedule_callbacks(future);
    }

    pub fn future_set_exception(&mut self, future: &Rc<Future>, exc: Rc<Exception>) {
        *future.state.borrow_mut() = FutureState::Exception(exc);
        future.log_traceback.set(true);
        self.schedule_callbacks(future);
    }

    /// `Future.cancel()` on the future itself (not the task override).
    fn future_cancel_self(&mut self, future: &Rc<Future>, message: Option<Value>) -> bool {
        if future.is_done() {
            return false;
        }
        *future.state.borrow_mut() = FutureState::Cancelled;
        *future.cancel_message.borrow_mut() = message;
        self.schedule_callbacks(future);
        true
    }

    /// `fut.cancel(msg)`, as each kind of future does it.
    pub fn future_cancel(&mut self, future: &Rc<Future>, message: Option<Value>) -> bool {
        match &future.kind {
            FutureKind::Plain(_) => self.future_cancel_self(future, message),
            FutureKind::Task(task) => {
                if future.is_done() {
                    return false;
                }
                task.num_cancels_requested
                    .set(task.num_cancels_requested.get() + 1);
                self.trace_task(future, Event::CancelRequested);
                let waiter = task.fut_waiter.borrow().clone();
                if let Some(waiter) = waiter
                    && self.future_cancel(&waiter, message.clone())
                {
                    return true;
                }
                task.must_cancel.set(true);
                *future.cancel_message.borrow_mut() = message;
                true
            }
            FutureKind::Gather(gather) => {
                if future.is_done() {
                    return false;
                }
                let mut cancelled = false;
                for child in gather.children.clone() {
                    if self.future_cancel(&child, message.clone()) {
                        cancelled = true;
                    }
                }
                if cancelled {
                    gather.cancel_requested.set(true);
                }
                cancelled
            }
        }
    }

    pub fn add_done_callback(&mut self, future: &Rc<Future>, callback: Callback) {
        if future.is_done() {
            self.call_soon(Handle::Callback(callback, future.clone()));
        } else {
            let mut callbacks = future.callbacks.borrow_mut();
            // Most futures get one callback (their awaiting task): room for one, not four.
            if callbacks.capacity() == 0 {
                callbacks.reserve_exact(1);
            }
            callbacks.push(callback);
        }
    }

    /// Remove every registration of `callback`; how many there were.
    pub fn remove_done_callback(&mut self, future: &Rc<Future>, callback: &Callback) -> usize {
        let mut callbacks = future.callbacks.borrow_mut();
        let before = callbacks.len();
        callbacks.retain(|c| !c.same(callback));
        before - callbacks.len()
    }

    // ------------------------------------------------------------------------ tasks

    /// `loop.create_task(coro, name=name)`: queue the task's first step.
    pub fn new_task(
        &mut self,
        coro: Rc<Coroutine>,
        name: Option<Rc<str>>,
        hidden: bool,
    ) -> Rc<Future> {
        // Most tasks hold their coroutine's frame and one awaited frame at a time: start
        // with room for two, not the four a first push would make (100,000 tasks is 14 MB).
        // Its value stack starts with room for the four values a small coroutine holds
        // (it would otherwise start at its locals alone and grow, copying, at once).
        let mut exec = ExecState {
            frames: smallvec::SmallVec::new(),
            stack: Vec::with_capacity(4),
            ..ExecState::default()
        };
        match coro.take_body() {
            Some(CoroutineBody::Python(code, slots)) => {
                self.push_frame(&mut exec, code, slots, Some(coro.clone()))
            }
            Some(CoroutineBody::Native(native)) => exec.frames.push(Frame::Native(NativeFrame {
                coro: native,
                owner: Some(coro.clone()),
            })),
            None => exec.frames.push(Frame::Native(NativeFrame {
                coro: NativeCoro::Fail(runtime_error("cannot reuse already awaited coroutine")),
                owner: None,
            })),
        }
        let number = if name.is_some() {
            0
        } else {
            self.task_counter += 1;
            self.task_counter
        };
        let id = self.tasks.len() as u32 + 1;
        let task = Future::new(
            id,
            FutureKind::Task(Box::new(TaskData {
                name: RefCell::new(name),
                number,
                coro: coro.clone(),
                exec: RefCell::new(exec),
                must_cancel: Cell::new(false),
                fut_waiter: RefCell::new(None),
                num_cancels_requested: Cell::new(0),
                started: Cell::new(false),
                running_pc: Cell::new(0),
                hidden,
            })),
        );
        self.tasks.push(task.clone());
        if !hidden && self.trace.enabled() {
            let creator = match (&self.current_task, &self.callback) {
                (Some(task), _) => Some(task.name().to_string()),
                (None, Some(callback)) => Some(format!("callback {callback}")),
                (None, None) => None,
            };
            let actor = match (&self.current_task, &self.callback) {
                (Some(task), _) => Actor::Task(task.id),
                (None, Some(callback)) => Actor::Callback(callback.clone()),
                (None, None) => Actor::Module,
            };
            let coroutine = self.trace_name(coro.code.as_deref(), coro.qualname());
            self.trace.add_task(id, &task.name(), &coroutine, actor);
            self.trace_task(&task, Event::Created(creator));
        }
        self.call_soon(Handle::Step(task.clone()));
        task
    }

    /// Give a task a new name: in the trace, from its creation (a name given by
    /// `create_task`) or from now on (`set_name`).
    pub fn rename_task(&mut self, task: &Rc<Future>, name: Rc<str>, from_creation: bool) {
        if let Some(data) = task.task() {
            *data.name.borrow_mut() = Some(name.clone());
            self.trace.rename_task(task.id, &name, from_creation);
        }
    }

    /// Record an event for a task other than (or the same as) the current one.
    pub fn trace_task(&mut self, task: &Rc<Future>, event: Event) {
        if self.trace.enabled() && !task.task().is_some_and(|t| t.hidden) {
            let now = self.sched.clock.now_ns();
            self.trace.push(now, Actor::Task(task.id), event);
        }
    }

    /// `Task.__step()`: run the task's coroutine until it awaits, returns or raises.
    pub fn step_task(&mut self, task: &Rc<Future>, mut input: Resume) {
        let Some(data) = task.task() else { return };
        if task.is_done() {
            return;
        }
        if data.must_cancel.get() {
            if !matches!(&input, Resume::Throw(exc) if exc.ty == ExcType::CancelledError) {
                input = Resume::Throw(task.make_cancelled_error());
            }
            data.must_cancel.set(false);
        }
        *data.fut_waiter.borrow_mut() = None;
        let first = !data.started.replace(true);
        let previous = self.current_task.replace(task.clone());
        if !data.hidden {
            match (&input, first) {
                (Resume::Throw(_), true) => {}
                (_, true) => self.event(Event::Started),
                (_, false) => self.event(Event::Woke),
            }
        }
        // Run in place: moving the state out and back copied it twice per step. Only this
        // function touches a task's state, and the loop never steps a running task.
        let exit = {
            let mut exec = data.exec.borrow_mut();
            self.run(&mut exec, 0, Some(input))
        };
        if self.abort.is_none() {
            match exit {
                super::Exit::Return(value) => {
                    if data.must_cancel.get() {
                        data.must_cancel.set(false);
                        let message = task.cancel_message.borrow().clone();
                        self.event(Event::Cancelled);
                        self.future_cancel_self(task, message);
                    } else {
                        if !data.hidden && self.trace.enabled() {
                            self.event(Event::Returned(value.repr()));
                        }
                        self.future_set_result(task, value);
                    }
                }
                super::Exit::Raise(exc) if exc.ty == ExcType::CancelledError => {
                    *task.cancelled_exc.borrow_mut() = Some(exc);
                    self.event(Event::Cancelled);
                    self.future_cancel_self(task, None);
                }
                super::Exit::Raise(exc) => {
                    if self.trace.enabled() {
                        self.event(Event::Raised(exc.summary()));
                    }
                    if escapes_the_loop(&exc) {
                        self.escaping = Some(exc.clone());
                    }
                    self.future_set_exception(task, exc);
                }
                super::Exit::Suspend(Suspend::Bare) => {
                    if !data.hidden {
                        self.event(Event::Yielded);
                    }
                    self.call_soon(Handle::Step(task.clone()));
                }
                super::Exit::Suspend(Suspend::Future(waiter)) => {
                    if !data.hidden && self.trace.enabled() {
                        match &waiter.kind {
                            FutureKind::Plain(Waiting::Sleep(seconds)) => {
                                self.event(Event::Slept(*seconds))
                            }
                            _ => self.event(Event::Awaited(waiter.describe())),
                        }
                    }
                    self.add_done_callback(&waiter, Callback::Wakeup(task.clone()));
                    *data.fut_waiter.borrow_mut() = Some(waiter.clone());
                    if data.must_cancel.get()
                        && self.future_cancel(&waiter, task.cancel_message.borrow().clone())
                    {
                        data.must_cancel.set(false);
                    }
                }
                super::Exit::Yield(_) => unreachable!("a task's frames do not yield"),
            }
        }
        self.current_task = previous;
    }

    /// `asyncio.ensure_future(x)`: a future as is; a coroutine wrapped in a task.
    pub fn ensure_future(&mut self, value: Value) -> PyResult<Rc<Future>> {
        match value {
            Value::Future(future) => Ok(future),
            Value::Coroutine(coro) => {
                self.require_loop()?;
                Ok(self.new_task(coro, None, false))
            }
            _ => Err(type_error(
                "An asyncio.Future, a coroutine or an awaitable is required",
            )),
        }
    }

    pub fn require_loop(&self) -> PyResult<()> {
        if self.event_loop.is_none() {
            return Err(runtime_error("no running event loop"));
        }
        Ok(())
    }

    // ------------------------------------------------------------------------ gather

    /// `asyncio.gather(*aws, return_exceptions=...)`
    pub fn gather(&mut self, args: Vec<Value>, return_exceptions: bool) -> PyResult<Value> {
        // The same coroutine or future given twice is awaited once (CPython's arg_to_fut).
        let mut children: Vec<Rc<Future>> = Vec::with_capacity(args.len());
        let mut seen: FxHashMap<usize, Rc<Future>> = FxHashMap::default();
        for arg in args {
            let identity = match &arg {
                Value::Coroutine(coro) => Some(Rc::as_ptr(coro) as *const () as usize),
                Value::Future(future) => Some(Rc::as_ptr(future) as *const () as usize),
                _ => None,
            };
            if let Some(future) = identity.and_then(|id| seen.get(&id)) {
                children.push(future.clone());
                continue;
            }
            let future = self.ensure_future(arg)?;
            if let Some(id) = identity {
                seen.insert(id, future.clone());
            }
            children.push(future);
        }
        Ok(Value::Future(
            self.gather_futures(children, return_exceptions),
        ))
    }

    /// The outer future of a gather over `children` (which may repeat).
    fn gather_futures(&mut self, children: Vec<Rc<Future>>, return_exceptions: bool) -> Rc<Future> {
        let mut seen = FxHashSet::default();
        let unique: Vec<Rc<Future>> = children
            .iter()
            .filter(|child| seen.insert(Rc::as_ptr(child)))
            .cloned()
            .collect();
        let outer = Future::new(
            0,
            FutureKind::Gather(GatherData {
                children,
                nfinished: Cell::new(0),
                nfuts: unique.len(),
                return_exceptions,
                cancel_requested: Cell::new(false),
            }),
        );
        if unique.is_empty() {
            self.future_set_result(&outer, Value::list(Vec::new()));
        }
        for child in unique {
            self.add_done_callback(&child, Callback::Gather(outer.clone()));
        }
        outer
    }

    /// gather's `_done_callback(fut)`
    fn gather_child_done(&mut self, outer: &Rc<Future>, child: &Rc<Future>) {
        let FutureKind::Gather(gather) = &outer.kind else {
            return;
        };
        gather.nfinished.set(gather.nfinished.get() + 1);
        if !child.is_cancelled() {
            child.mark_retrieved();
        }
        if outer.is_done() {
            return;
        }
        if !gather.return_exceptions {
            if child.is_cancelled() {
                let exc = child.make_cancelled_error();
                self.future_set_exception(outer, exc);
                return;
            }
            if let FutureState::Exception(exc) = child.state() {
                self.future_set_exception(outer, exc);
                return;
            }
        }
        if gather.nfinished.get() == gather.nfuts {
            let results: Vec<Value> = gather
                .children
                .iter()
                .map(|c| match c.state() {
                    FutureState::Cancelled => {
                        let message = c
                            .cancel_message
                            .borrow()
                            .clone()
                            .unwrap_or_else(|| Value::str(""));
                        Value::Exception(Exception::new(ExcType::CancelledError, vec![message]))
                    }
                    FutureState::Exception(exc) => Value::Exception(exc),
                    FutureState::Result(value) => value,
                    FutureState::Pending => Value::None,
                })
                .collect();
            if gather.cancel_requested.get() {
                let exc = child.make_cancelled_error();
                self.future_set_exception(outer, exc);
            } else {
                self.future_set_result(outer, Value::list(results));
            }
        }
    }

    // ------------------------------------------------------------------------ as_completed

    /// `asyncio.as_completed(fs, timeout=...)`: a generator that sets up on first use.
    pub fn as_completed(&mut self, fs: Value, timeout: Option<f64>) -> PyResult<Value> {
        if matches!(fs, Value::Future(_) | Value::Coroutine(_)) {
            return Err(type_error(format!(
                "expect an iterable of futures, not {}",
                fs.type_name()
            )));
        }
        let items = self.collect_iterable(fs)?;
        Ok(Value::iterator(Iter::AsCompleted(Rc::new(AsCompleted {
            pending_args: RefCell::new(Some(items)),
            timeout,
            todo: RefCell::new(Vec::new()),
            done: RefCell::new(VecDeque::new()),
            getters: RefCell::new(VecDeque::new()),
            remaining: Cell::new(0),
            timeout_handle: Cell::new(None),
        }))))
    }

    /// The next awaitable of an as_completed generator.
    pub fn as_completed_next(&mut self, state: &Rc<AsCompleted>) -> PyResult<Option<Value>> {
        let args = state.pending_args.borrow_mut().take();
        if let Some(args) = args {
            let mut todo: Vec<Rc<Future>> = Vec::new();
            let mut seen = FxHashSet::default();
            for arg in args {
                let future = self.ensure_future(arg)?;
                if seen.insert(Rc::as_ptr(&future)) {
                    todo.push(future);
                }
            }
            for future in &todo {
                self.add_done_callback(future, Callback::AsCompleted(state.clone()));
            }
            if !todo.is_empty()
                && let Some(timeout) = state.timeout
            {
                let handle = self
                    .sched
                    .call_later(timeout, Handle::AsCompletedTimeout(state.clone()));
                state.timeout_handle.set(Some(handle));
            }
            state.remaining.set(todo.len());
            *state.todo.borrow_mut() = todo;
        }
        if state.remaining.get() == 0 {
            return Ok(None);
        }
        state.remaining.set(state.remaining.get() - 1);
        let coro = Coroutine::native(
            "_wait_for_one",
            NativeCoro::WaitForOne {
                state: state.clone(),
                getter: None,
            },
        );
        Ok(Some(Value::Coroutine(coro)))
    }

    fn as_completed_on_completion(&mut self, state: &Rc<AsCompleted>, future: &Rc<Future>) {
        let mut todo = state.todo.borrow_mut();
        if todo.is_empty() {
            return; // _on_timeout() was here first
        }
        todo.retain(|t| !Rc::ptr_eq(t, future));
        let now_empty = todo.is_empty();
        drop(todo);
        self.as_completed_put(state, Some(future.clone()));
        if now_empty && let Some(handle) = state.timeout_handle.get() {
            self.sched.cancel(handle);
        }
    }

    fn as_completed_timeout(&mut self, state: &Rc<AsCompleted>) {
        let todo = std::mem::take(&mut *state.todo.borrow_mut());
        for future in todo {
            self.remove_done_callback(&future, &Callback::AsCompleted(state.clone()));
            self.as_completed_put(state, None);
        }
    }

    /// `done.put_nowait(item)` on the internal queue: wake the first waiting getter.
    fn as_completed_put(&mut self, state: &Rc<AsCompleted>, item: Option<Rc<Future>>) {
        state.done.borrow_mut().push_back(item);
        loop {
            let getter = state.getters.borrow_mut().pop_front();
            let Some(getter) = getter else { break };
            if !getter.is_done() {
                self.future_set_result(&getter, Value::None);
                break;
            }
        }
    }

    // ------------------------------------------------------------------------ timers

    /// A plain future that a timer completes after `delay` seconds (asyncio.sleep).
    pub fn sleep_future(&mut self, delay: f64, result: Value) -> (Rc<Future>, TimerId) {
        let future = Future::plain(Waiting::Sleep(delay));
        // Its end wakes the task sleeping now: the future, the task and its data.
        let (task, data) = match &self.current_task {
            Some(task) => (
                Rc::as_ptr(task) as usize,
                task.task()
                    .map_or(0, |data| std::ptr::from_ref(data) as usize),
            ),
            None => (0, 0),
        };
        let near = [Rc::as_ptr(&future) as usize, task, data];
        let timer =
            self.sched
                .call_later_near(delay, Handle::SleepDone(future.clone(), result), near);
        (future, timer)
    }
}

/// The state of one `as_completed` generator.
pub struct AsCompleted {
    /// The arguments, until the first `next()` sets everything up.
    pending_args: RefCell<Option<Vec<Value>>>,
    timeout: Option<f64>,
    todo: RefCell<Vec<Rc<Future>>>,
    /// The internal queue of finished futures (`None` after a timeout).
    done: RefCell<VecDeque<Option<Rc<Future>>>>,
    getters: RefCell<VecDeque<Rc<Future>>>,
    /// How many awaitables the generator still yields.
    remaining: Cell<usize>,
    timeout_handle: Cell<Option<TimerId>>,
}

// ---------------------------------------------------------------------------- native coroutines

/// A coroutine implemented in Rust, as a state machine over the awaits of CPython's
/// Python implementation.
pub enum NativeCoro {
    /// `asyncio.sleep(delay, result)`
    Sleep {
        delay: f64,
        result: Value,
        state: SleepState,
    },
    WaitFor(Box<WaitFor>),
    /// as_completed's `_wait_for_one()`
    WaitForOne {
        state: Rc<AsCompleted>,
        getter: Option<Rc<Future>>,
    },
    /// A coroutine that returns None at once (the loop's shutdown steps).
    Noop,
    /// A coroutine that returns this value at once.
    Done(Value),
    /// A primitive's `acquire()`, `wait()`, `get()`, `put()`...
    Sync(Box<super::sync::SyncOp>),
    /// An awaitable of an asynchronous generator.
    Agen(Box<super::agen::AgenOp>),
    /// `TaskGroup.__aexit__`
    GroupExit(Box<super::taskgroup::GroupExit>),
    /// A simulated HTTP request.
    Fetch(Box<super::aiohttp::Fetch>),
    /// `asyncio.wait(fs, ...)`
    Wait(Box<WaitCall>),
    /// `asyncio.to_thread(func, *args, **kwargs)`: the call until it is submitted.
    ToThread(Option<super::threads::Call>),
    /// A coroutine that raises at once.
    Fail(Rc<Exception>),
}

pub enum SleepState {
    Start,
    /// `await __sleep0()`: yielded once.
    Yielded,
    Waiting(Rc<Future>, TimerId),
}

/// What a native coroutine does next.
pub enum NativeStep {
    Yield(Suspend),
    Return(Value),
    Raise(Rc<Exception>),
    /// Await this awaitable and resume with its outcome.
    Await(Value),
}

/// `wait_for(fut, timeout)`, from asyncio/tasks.py (3.11).
pub struct WaitFor {
    state: WaitForState,
}

enum WaitForState {
    Start {
        awaitable: Value,
        timeout: Value,
    },
    /// `timeout is None`: `return await fut`.
    Delegating,
    /// `timeout <= 0`: in `_cancel_and_wait(fut)`.
    CancelNow {
        fut: Rc<Future>,
        waiter: Rc<Future>,
    },
    /// `await waiter` until the future is done or the timeout fires.
    Waiting {
        fut: Rc<Future>,
        waiter: Rc<Future>,
        timeout: TimerId,
    },
    /// Cancelled while waiting: `_cancel_and_wait(fut)`, then re-raise.
    CancelOnCancel {
        fut: Rc<Future>,
        waiter: Rc<Future>,
        timeout: TimerId,
        exc: Rc<Exception>,
    },
    /// Timed out: `_cancel_and_wait(fut)`, then TimeoutError.
    CancelOnTimeout {
        fut: Rc<Future>,
        waiter: Rc<Future>,
        timeout: TimerId,
    },
    Finished,
}

impl WaitFor {
    pub fn new(awaitable: Value, timeout: Value) -> WaitFor {
        WaitFor {
            state: WaitForState::Start { awaitable, timeout },
        }
    }
}

/// The start of `_cancel_and_wait(fut)`: a waiter (shown in the trace as `waiting`) released
/// when `fut` is done, then `fut.cancel()`. The caller awaits the waiter and removes the
/// callback after.
fn start_cancel_and_wait(interp: &mut Interp, fut: &Rc<Future>, waiting: Waiting) -> Rc<Future> {
    let waiter = Future::plain(waiting);
    interp.add_done_callback(fut, Callback::ReleaseWaiter(waiter.clone()));
    interp.future_cancel(fut, None);
    waiter
}

fn cancellation_of(fut: &Rc<Future>) -> Waiting {
    Waiting::Cancellation(Rc::downgrade(fut))
}

/// What a weakly held future is, or `?` once it is gone (nothing is described after
/// the wait it belongs to has ended).
fn describe_weak(fut: &Weak<Future>) -> String {
    fut.upgrade()
        .map_or_else(|| "?".to_string(), |fut| fut.describe())
}

/// `raise TimeoutError from exc`
fn timeout_from(exc: Rc<Exception>) -> Rc<Exception> {
    let timeout = Exception::new(ExcType::TimeoutError, Vec::new());
    *timeout.cause.borrow_mut() = Some(exc.clone());
    *timeout.context.borrow_mut() = Some(exc);
    timeout.suppress_context.set(true);
    timeout
}

/// `wait_for` woken: stop listening to `fut`, then pass on what the waiter was thrown, or
/// `fut`'s outcome, a cancellation becoming `TimeoutError`.
fn finish_wait(
    interp: &mut Interp,
    fut: &Rc<Future>,
    waiter: Rc<Future>,
    input: Resume,
) -> NativeStep {
    interp.remove_done_callback(fut, &Callback::ReleaseWaiter(waiter));
    if let Resume::Throw(exc) = input {
        return NativeStep::Raise(exc);
    }
    match fut.result() {
        Err(exc) if exc.ty == ExcType::CancelledError => NativeStep::Raise(timeout_from(exc)),
        result => outcome(result),
    }
}

fn outcome(result: PyResult<Value>) -> NativeStep {
    match result {
        Ok(value) => NativeStep::Return(value),
        Err(exc) => NativeStep::Raise(exc),
    }
}

impl NativeCoro {
    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        match self {
            NativeCoro::Noop => NativeStep::Return(Value::None),
            NativeCoro::Done(value) => match input {
                Resume::Send(_) => NativeStep::Return(std::mem::take(value)),
                Resume::Throw(exc) => NativeStep::Raise(exc),
            },
            NativeCoro::Sync(op) => op.resume(interp, input),
            NativeCoro::Agen(op) => op.resume(interp, input),
            NativeCoro::GroupExit(exit) => exit.resume(interp, input),
            NativeCoro::Fetch(fetch) => fetch.resume(interp, input),
            NativeCoro::Wait(wait) => wait.resume(interp, input),
            NativeCoro::ToThread(call) => match (call.take(), input) {
                (_, Resume::Throw(exc)) => NativeStep::Raise(exc),
                (Some((func, args, kwargs)), Resume::Send(_)) => {
                    match interp.run_in_executor(func, args, kwargs) {
                        Ok(future) => NativeStep::Await(Value::Future(future)),
                        Err(exc) => NativeStep::Raise(exc),
                    }
                }
                (None, Resume::Send(value)) => NativeStep::Return(value),
            },
            NativeCoro::Fail(exc) => NativeStep::Raise(exc.clone()),
            NativeCoro::Sleep {
                delay,
                result,
                state,
            } => match std::mem::replace(state, SleepState::Start) {
                SleepState::Start => {
                    if let Resume::Throw(exc) = input {
                        return NativeStep::Raise(exc);
                    }
                    // `if delay <= 0`: a NaN delay is a (zero-length) timer, as in CPython.
                    if *delay <= 0.0 {
                        *state = SleepState::Yielded;
                        return NativeStep::Yield(Suspend::Bare);
                    }
                    let (future, timer) = interp.sleep_future(*delay, result.clone());
                    *state = SleepState::Waiting(future.clone(), timer);
                    NativeStep::Yield(Suspend::Future(future))
                }
                SleepState::Yielded => match input {
                    Resume::Send(_) => NativeStep::Return(result.clone()),
                    Resume::Throw(exc) => NativeStep::Raise(exc),
                },
                SleepState::Waiting(_, timer) => {
                    interp.sched.cancel(timer); // `finally: h.cancel()`
                    match input {
                        Resume::Send(value) => NativeStep::Return(value),
                        Resume::Throw(exc) => NativeStep::Raise(exc),
                    }
                }
            },
            NativeCoro::WaitFor(wait_for) => wait_for.resume(interp, input),
            NativeCoro::WaitForOne { state, getter } => {
                if let Some(waiting) = getter.take() {
                    if let Resume::Throw(exc) = input {
                        // The getter's cleanup in Queue.get: cancel it, drop it, and pass
                        // the wake-up on if an item is there.
                        interp.future_cancel(&waiting, None);
                        state
                            .getters
                            .borrow_mut()
                            .retain(|g| !Rc::ptr_eq(g, &waiting));
                        if !state.done.borrow().is_empty() && !waiting.is_cancelled() {
                            let next = state.getters.borrow_mut().pop_front();
                            if let Some(next) = next {
                                interp.future_set_result(&next, Value::None);
                            }
                        }
                        return NativeStep::Raise(exc);
                    }
                } else if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                let item = state.done.borrow_mut().pop_front();
                match item {
                    Some(Some(future)) => outcome(future.result()),
                    Some(None) => {
                        NativeStep::Raise(Exception::new(ExcType::TimeoutError, Vec::new()))
                    }
                    None => {
                        let waiting = Future::plain(Waiting::Other("as_completed".to_string()));
                        state.getters.borrow_mut().push_back(waiting.clone());
                        *getter = Some(waiting.clone());
                        NativeStep::Yield(Suspend::Future(waiting))
                    }
                }
            }
        }
    }
}

impl WaitFor {
    fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        match std::mem::replace(&mut self.state, WaitForState::Finished) {
            WaitForState::Start { awaitable, timeout } => {
                if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                if let Value::None = timeout {
                    self.state = WaitForState::Delegating;
                    return NativeStep::Await(awaitable);
                }
                let seconds = match super::ops::int_to_float(&timeout) {
                    Ok(seconds) => seconds,
                    Err(_) => {
                        return NativeStep::Raise(type_error(format!(
                            "'<=' not supported between instances of '{}' and 'int'",
                            timeout.type_name()
                        )));
                    }
                };
                let fut = match interp.ensure_future(awaitable) {
                    Ok(fut) => fut,
                    Err(exc) => return NativeStep::Raise(exc),
                };
                if seconds <= 0.0 {
                    if fut.is_done() {
                        return outcome(fut.result());
                    }
                    let waiting = Waiting::WaitFor(Rc::downgrade(&fut), seconds);
                    let waiter = start_cancel_and_wait(interp, &fut, waiting);
                    self.state = WaitForState::CancelNow {
                        fut,
                        waiter: waiter.clone(),
                    };
                    return NativeStep::Yield(Suspend::Future(waiter));
                }
                let waiter = Future::plain(Waiting::WaitFor(Rc::downgrade(&fut), seconds));
                let timeout = interp
                    .sched
                    .call_later(seconds, Handle::ReleaseWaiter(waiter.clone()));
                interp.add_done_callback(&fut, Callback::ReleaseWaiter(waiter.clone()));
                self.state = WaitForState::Waiting {
                    fut,
                    waiter: waiter.clone(),
                    timeout,
                };
                NativeStep::Yield(Suspend::Future(waiter))
            }
            WaitForState::Delegating => match input {
                Resume::Send(value) => NativeStep::Return(value),
                Resume::Throw(exc) => NativeStep::Raise(exc),
            },
            WaitForState::CancelNow { fut, waiter } => finish_wait(interp, &fut, waiter, input),
            WaitForState::Waiting {
                fut,
                waiter,
                timeout,
            } => match input {
                Resume::Throw(exc) if exc.ty == ExcType::CancelledError => {
                    if fut.is_done() {
                        interp.sched.cancel(timeout);
                        return outcome(fut.result());
                    }
                    interp.remove_done_callback(&fut, &Callback::ReleaseWaiter(waiter));
                    let waiter = start_cancel_and_wait(interp, &fut, cancellation_of(&fut));
                    self.state = WaitForState::CancelOnCancel {
                        fut,
                        waiter: waiter.clone(),
                        timeout,
                        exc,
                    };
                    NativeStep::Yield(Suspend::Future(waiter))
                }
                Resume::Throw(exc) => {
                    interp.sched.cancel(timeout);
                    NativeStep::Raise(exc)
                }
                Resume::Send(_) => {
                    if fut.is_done() {
                        interp.sched.cancel(timeout);
                        return outcome(fut.result());
                    }
                    interp.event(Event::TimedOut);
                    interp.remove_done_callback(&fut, &Callback::ReleaseWaiter(waiter));
                    let waiter = start_cancel_and_wait(interp, &fut, cancellation_of(&fut));
                    self.state = WaitForState::CancelOnTimeout {
                        fut,
                        waiter: waiter.clone(),
                        timeout,
                    };
                    NativeStep::Yield(Suspend::Future(waiter))
                }
            },
            WaitForState::CancelOnCancel {
                fut,
                waiter,
                timeout,
                exc,
            } => {
                interp.remove_done_callback(&fut, &Callback::ReleaseWaiter(waiter));
                interp.sched.cancel(timeout);
                match input {
                    Resume::Throw(again) => NativeStep::Raise(again),
                    Resume::Send(_) => NativeStep::Raise(exc),
                }
            }
            WaitForState::CancelOnTimeout {
                fut,
                waiter,
                timeout,
            } => {
                interp.sched.cancel(timeout);
                finish_wait(interp, &fut, waiter, input)
            }
            WaitForState::Finished => {
                NativeStep::Raise(runtime_error("wait_for() resumed after it finished"))
            }
        }
    }
}
