//! Blocking work off the loop: `asyncio.to_thread(f, ...)` and
//! `loop.run_in_executor(None, f, ...)`.
//!
//! CPython runs the call in a worker thread of the loop's default executor (threads named
//! `asyncio_0`, `asyncio_1`, ...) while the loop goes on. Here a worker is an execution state
//! of its own, stepped by the scheduler like a task but in its own lane of the trace: a
//! `time.sleep` inside it waits on the virtual clock for that worker only, so the other tasks
//! run meanwhile, as they would next to a real thread. The worker starts on the loop's next
//! iteration; when it finishes, the asyncio future gets its outcome one iteration later
//! (CPython's `call_soon_threadsafe`). Rule: every call gets a worker (an idle one is reused,
//! lowest number first); CPython caps the pool at `min(32, cpus + 4)`, which depends on the
//! machine.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::asyncio::{Future, Handle, Waiting};
use super::call::Callee;
use super::exceptions::PyResult;
use super::value::Value;
use super::{ExecState, Exit, Interp, Resume};
use crate::trace::{Actor, Event};

/// A function with its arguments, not called yet.
pub type Call = (Value, Vec<Value>, Vec<(Rc<str>, Value)>);

pub struct Thread {
    /// The worker's number: its name is `asyncio_{index}`.
    pub index: u32,
    func: RefCell<Option<Call>>,
    /// The function's name, for the trace.
    pub func_name: Rc<str>,
    exec: RefCell<ExecState>,
    /// The asyncio future that gets the call's outcome.
    future: Rc<Future>,
    started: Cell<bool>,
}

/// The executor's bookkeeping.
#[derive(Default)]
pub struct Executor {
    /// Which worker numbers are busy.
    busy: Vec<bool>,
    /// Completed when the last busy worker finishes (`shutdown_default_executor`).
    pub idle: Option<Rc<Future>>,
}

impl Executor {
    pub fn active(&self) -> usize {
        self.busy.iter().filter(|b| **b).count()
    }
}

fn function_name(func: &Value) -> Rc<str> {
    match func {
        Value::Function(f) => f.code.name.clone(),
        Value::Builtin(b) => Rc::from(b.name()),
        other => Rc::from(other.type_name()),
    }
}

impl Interp {
    /// `loop.run_in_executor(None, func, *args)`: submit the call; the future of its outcome.
    pub fn run_in_executor(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Rc<Future>> {
        self.require_loop()?;
        let index = match self.executor.busy.iter().position(|b| !b) {
            Some(free) => free,
            None => {
                self.executor.busy.push(false);
                self.executor.busy.len() - 1
            }
        };
        self.executor.busy[index] = true;
        let func_name = function_name(&func);
        let future = Future::plain(Waiting::Other(format!(
            "{func_name}() in thread asyncio_{index}"
        )));
        let thread = Rc::new(Thread {
            index: index as u32,
            func: RefCell::new(Some((func, args, kwargs))),
            func_name,
            exec: RefCell::new(ExecState::default()),
            future: future.clone(),
            started: Cell::new(false),
        });
        self.call_soon(Handle::ThreadStep(thread));
        Ok(future)
    }

    /// `asyncio.to_thread(func, *args, **kwargs)`: a coroutine that submits the call when
    /// it first runs and waits for its outcome.
    pub fn to_thread(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        Ok(Value::Coroutine(super::asyncio::Coroutine::native(
            "to_thread",
            super::asyncio::NativeCoro::ToThread(Some((func, args, kwargs))),
        )))
    }

    /// Record an event in a worker's lane.
    fn thread_event(&mut self, thread: &Thread, event: Event) {
        if self.trace.enabled() {
            let now = self.sched.clock.now_ns();
            let actor = Actor::Thread(thread.index, thread.func_name.clone());
            self.trace.push(now, actor, event);
        }
    }

    /// Run a worker until it sleeps or finishes.
    pub fn step_thread(&mut self, thread: &Rc<Thread>) {
        let previous_task = self.current_task.take();
        let previous_thread = self.current_thread.replace(thread.clone());
        self.thread_depth = self.depth;
        let exit = if thread.started.replace(true) {
            self.thread_event(thread, Event::Woke);
            let mut exec = std::mem::take(&mut *thread.exec.borrow_mut());
            if exec.frames.is_empty() {
                // It was a bare `time.sleep`.
                Exit::Return(Value::None)
            } else {
                let exit = self.run(&mut exec, 0, Some(Resume::Send(Value::None)));
                *thread.exec.borrow_mut() = exec;
                exit
            }
        } else {
            self.thread_event(thread, Event::Started);
            let (func, args, kwargs) = thread.func.borrow_mut().take().expect("not started");
            match self.prepare_call(func, args, kwargs) {
                Ok(Callee::Done(value)) => match self.suspend_call.take() {
                    // `to_thread(time.sleep, 1)`: the worker sleeps, then returns None.
                    Some(_) => Exit::Suspend(super::Suspend::Bare),
                    None => Exit::Return(value),
                },
                Ok(Callee::Frame(code, slots)) => {
                    let mut exec = ExecState::default();
                    self.push_frame(&mut exec, code, slots, None);
                    let exit = self.run(&mut exec, 0, None);
                    *thread.exec.borrow_mut() = exec;
                    exit
                }
                Err(exc) => Exit::Raise(exc),
            }
        };
        self.current_thread = previous_thread;
        self.current_task = previous_task;
        if self.abort.is_some() {
            return;
        }
        let outcome = match exit {
            // Asleep: its timer is set.
            Exit::Suspend(_) => return,
            Exit::Return(value) => {
                if self.trace.enabled() {
                    self.thread_event(thread, Event::Returned(value.repr()));
                }
                Ok(value)
            }
            Exit::Raise(exc) => {
                if self.trace.enabled() {
                    self.thread_event(thread, Event::Raised(exc.summary()));
                }
                Err(exc)
            }
            Exit::Yield(_) => unreachable!("a worker runs a plain function"),
        };
        self.executor.busy[thread.index as usize] = false;
        self.call_soon(Handle::ThreadDone(thread.future.clone(), outcome));
    }

    /// The worker's outcome reaches the loop: complete the future unless it was cancelled.
    pub fn thread_done(&mut self, future: &Rc<Future>, outcome: PyResult<Value>) {
        if !future.is_done() {
            match outcome {
                Ok(value) => self.future_set_result(future, value),
                Err(exc) => self.future_set_exception(future, exc),
            }
        }
        if self.executor.active() == 0
            && let Some(idle) = self.executor.idle.take()
            && !idle.is_done()
        {
            self.future_set_result(&idle, Value::None);
        }
    }

    /// `time.sleep(seconds)` inside a worker: wake it up later instead of blocking the loop.
    /// Whether it was (false outside a worker, or inside a nested run).
    pub fn thread_sleep(&mut self, ns: u64, seconds: f64) -> bool {
        let Some(thread) = self.current_thread.clone() else {
            return false;
        };
        if self.depth > self.thread_depth {
            return false;
        }
        self.thread_event(&thread, Event::Blocked(seconds));
        let deadline = self.sched.clock.now_ns().saturating_add(ns);
        let when = self.sched.clock.now_seconds() + seconds;
        self.sched
            .call_at(deadline, when, Handle::ThreadStep(thread));
        self.suspend_call = Some(super::Suspend::Bare);
        true
    }
}
