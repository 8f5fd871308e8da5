//! Structured concurrency: `asyncio.TaskGroup` and the `asyncio.timeout()` /
//! `timeout_at()` context managers, from `asyncio/taskgroups.py` and `asyncio/timeouts.py`
//! (3.11.7: a timeout compares the task's cancellation count with the one it saw on entry,
//! so it converts its own cancellation even when an earlier one is still counted).
//!
//! Where CPython iterates a set of tasks (a group cancelling its tasks), the tasks are
//! taken in creation order: CPython's order depends on addresses.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::Interp;
use super::Resume;
use super::Suspend;
use super::asyncio::{Callback, Future, Handle, NativeCoro, NativeStep, Waiting};
use super::builtins::{MethodName, bind, exactly};
use super::exceptions::{ExcType, Exception, PyResult, runtime_error, type_error};
use super::object::{Object, ready_coro};
use super::value::Value;
use crate::runtime::TimerId;
use crate::trace::Event;

// ---------------------------------------------------------------------------- timeout()

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TimeoutState {
    Created,
    Entered,
    Expiring,
    Expired,
    Exited,
}

impl TimeoutState {
    fn value(self) -> &'static str {
        match self {
            TimeoutState::Created => "created",
            TimeoutState::Entered => "active",
            TimeoutState::Expiring => "expiring",
            TimeoutState::Expired => "expired",
            TimeoutState::Exited => "finished",
        }
    }
}

pub struct Timeout {
    state: Cell<TimeoutState>,
    when: Cell<Option<f64>>,
    /// The pending `_on_timeout` timer, if scheduled with `call_at`.
    timer: Cell<Option<TimerId>>,
    /// Bumped whenever the handler is cancelled, so a `call_soon`ed one does nothing.
    generation: Cell<u32>,
    task: RefCell<Option<Rc<Future>>>,
    /// The task's `cancelling()` on entry.
    cancelling: Cell<u32>,
}

impl Timeout {
    pub fn new(when: Option<f64>) -> Timeout {
        Timeout {
            state: Cell::new(TimeoutState::Created),
            when: Cell::new(when),
            timer: Cell::new(None),
            generation: Cell::new(0),
            task: RefCell::new(None),
            cancelling: Cell::new(0),
        }
    }

    pub fn repr(&self) -> String {
        let state = self.state.get();
        let mut text = format!("<Timeout [{}]", state.value());
        if state == TimeoutState::Entered {
            let when = match self.when.get() {
                Some(when) => crate::pyfmt::float_repr(crate::pyfmt::round_float(when, 3)),
                None => "None".to_string(),
            };
            text.push_str(&format!(" when={when}"));
        }
        text.push('>');
        text
    }
}

fn timeout_of(object: &Object) -> &Timeout {
    match object {
        Object::Timeout(timeout) => timeout,
        _ => unreachable!("a timeout"),
    }
}

fn group_of(object: &Object) -> &TaskGroup {
    match object {
        Object::TaskGroup(group) => group,
        _ => unreachable!("a task group"),
    }
}

// ---------------------------------------------------------------------------- TaskGroup

#[derive(Default)]
pub struct TaskGroup {
    entered: Cell<bool>,
    exiting: Cell<bool>,
    aborting: Cell<bool>,
    parent_task: RefCell<Option<Rc<Future>>>,
    parent_cancel_requested: Cell<bool>,
    /// The group's unfinished tasks, in creation order.
    tasks: RefCell<Vec<Rc<Future>>>,
    errors: RefCell<Vec<Rc<Exception>>>,
    base_error: RefCell<Option<Rc<Exception>>>,
    on_completed: RefCell<Option<Rc<Future>>>,
}

impl TaskGroup {
    pub fn new() -> TaskGroup {
        TaskGroup::default()
    }

    pub fn repr(&self) -> String {
        let mut info = vec![String::new()];
        let tasks = self.tasks.borrow().len();
        if tasks > 0 {
            info.push(format!("tasks={tasks}"));
        }
        let errors = self.errors.borrow().len();
        if errors > 0 {
            info.push(format!("errors={errors}"));
        }
        if self.aborting.get() {
            info.push("cancelling".to_string());
        } else if self.entered.get() {
            info.push("entered".to_string());
        }
        format!("<TaskGroup{}>", info.join(" "))
    }
}

fn is_base_error(exc: &Exception) -> bool {
    matches!(exc.ty, ExcType::SystemExit | ExcType::KeyboardInterrupt)
}

/// The native coroutine of `TaskGroup.__aexit__`.
pub struct GroupExit {
    group: Rc<Object>,
    exc: Option<Rc<Exception>>,
    propagate: Option<Rc<Exception>>,
    started: bool,
}

impl Interp {
    /// The methods of timeouts and task groups.
    pub fn taskgroup_method(
        &mut self,
        object: &Rc<Object>,
        name: &str,
        method: &MethodName,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match (&**object, name) {
            (Object::Timeout(timeout), "when") => {
                exactly(method, args, &kwargs, 0)?;
                Ok(timeout.when.get().map_or(Value::None, Value::float))
            }
            (Object::Timeout(timeout), "expired") => {
                exactly(method, args, &kwargs, 0)?;
                Ok(Value::bool(matches!(
                    timeout.state.get(),
                    TimeoutState::Expiring | TimeoutState::Expired
                )))
            }
            (Object::Timeout(_), "reschedule") => {
                let [when] = exactly(method, args, &kwargs, 1)?.try_into().expect("one");
                let when = match when {
                    Value::None => None,
                    other => Some(super::ops::int_to_float(&other).map_err(|_| {
                        type_error(format!(
                            "'<=' not supported between instances of '{}' and 'float'",
                            other.type_name()
                        ))
                    })?),
                };
                self.timeout_reschedule(object, when)?;
                Ok(Value::None)
            }
            (Object::TaskGroup(group), "create_task") => {
                let bound = bind(method, args, kwargs, &["coro", "name", "context"], 1)?;
                let coro = bound[0].clone().expect("required");
                let repr = group.repr();
                if !group.entered.get() {
                    return Err(runtime_error(format!(
                        "TaskGroup {repr} has not been entered"
                    )));
                }
                if group.exiting.get() && group.tasks.borrow().is_empty() {
                    return Err(runtime_error(format!("TaskGroup {repr} is finished")));
                }
                if group.aborting.get() {
                    return Err(runtime_error(format!("TaskGroup {repr} is shutting down")));
                }
                let Value::Coroutine(coro) = coro else {
                    return Err(type_error(format!(
                        "a coroutine was expected, got {}",
                        coro.repr()
                    )));
                };
                let task = self.new_task(coro, None, false);
                if let Some(name) = bound[1].clone().filter(|n| !matches!(n, Value::None)) {
                    self.rename_task(&task, Rc::from(name.to_str()), true);
                }
                self.add_done_callback(&task, Callback::TaskGroup(object.clone()));
                group.tasks.borrow_mut().push(task.clone());
                Ok(Value::Future(task))
            }
            _ => Err(super::exceptions::attribute_error(object.type_name(), name)),
        }
    }

    /// `asyncio.timeout(delay)` / `asyncio.timeout_at(when)`
    pub fn make_timeout(&mut self, when: Option<f64>) -> Value {
        Value::Object(Rc::new(Object::Timeout(Timeout::new(when))))
    }

    /// `Timeout.reschedule(when)`
    fn timeout_reschedule(&mut self, object: &Rc<Object>, when: Option<f64>) -> PyResult<()> {
        let timeout = timeout_of(object);
        match timeout.state.get() {
            TimeoutState::Created => return Err(runtime_error("Timeout has not been entered")),
            TimeoutState::Entered => {}
            other => {
                return Err(runtime_error(format!(
                    "Cannot change state of {} Timeout",
                    other.value()
                )));
            }
        }
        timeout.when.set(when);
        self.timeout_cancel_handler(timeout);
        if let Some(when) = when {
            let generation = timeout.generation.get();
            let handle = Handle::TimeoutFire(object.clone(), generation);
            if when <= self.sched.clock.now_seconds() {
                self.call_soon(handle);
            } else {
                let ns = crate::runtime::seconds_to_ns(when).unwrap_or(u64::MAX);
                timeout
                    .timer
                    .set(Some(self.sched.call_at(ns, when, handle)));
            }
        }
        Ok(())
    }

    fn timeout_cancel_handler(&mut self, timeout: &Timeout) {
        if let Some(timer) = timeout.timer.take() {
            self.sched.cancel(timer);
        }
        timeout
            .generation
            .set(timeout.generation.get().wrapping_add(1));
    }

    /// `Timeout._on_timeout()`
    pub fn timeout_fire(&mut self, object: &Rc<Object>, generation: u32) {
        let timeout = timeout_of(object);
        if timeout.generation.get() != generation || timeout.state.get() != TimeoutState::Entered {
            return;
        }
        timeout.timer.set(None);
        let task = timeout.task.borrow().clone();
        if let Some(task) = task {
            self.trace_task(&task, Event::TimedOut);
            self.future_cancel(&task, None);
        }
        timeout.state.set(TimeoutState::Expiring);
    }

    /// `__aenter__` of a timeout or a task group.
    pub fn taskgroup_enter(&mut self, object: &Rc<Object>) -> PyResult<Value> {
        let current = self.current_task.clone();
        match &**object {
            Object::Timeout(timeout) => {
                if timeout.state.get() != TimeoutState::Created {
                    return Ok(ready_coro(
                        "__aenter__",
                        Err(runtime_error("Timeout has already been entered")),
                    ));
                }
                let Some(task) = current else {
                    return Ok(ready_coro(
                        "__aenter__",
                        Err(runtime_error("Timeout should be used inside a task")),
                    ));
                };
                timeout.state.set(TimeoutState::Entered);
                timeout
                    .cancelling
                    .set(task.task().map_or(0, |t| t.num_cancels_requested.get()));
                *timeout.task.borrow_mut() = Some(task);
                let when = timeout.when.get();
                let result = self
                    .timeout_reschedule(object, when)
                    .map(|()| Value::Object(object.clone()));
                Ok(ready_coro("__aenter__", result))
            }
            Object::TaskGroup(group) => {
                if group.entered.get() {
                    return Ok(ready_coro(
                        "__aenter__",
                        Err(runtime_error(format!(
                            "TaskGroup {} has already been entered",
                            group.repr()
                        ))),
                    ));
                }
                if current.is_none() {
                    return Ok(ready_coro(
                        "__aenter__",
                        Err(runtime_error(format!(
                            "TaskGroup {} cannot determine the parent task",
                            group.repr()
                        ))),
                    ));
                }
                *group.parent_task.borrow_mut() = current;
                group.entered.set(true);
                Ok(ready_coro("__aenter__", Ok(Value::Object(object.clone()))))
            }
            _ => unreachable!("a timeout or a task group"),
        }
    }

    /// `__aexit__` of a timeout or a task group.
    pub fn taskgroup_exit(
        &mut self,
        object: &Rc<Object>,
        exc: Option<Rc<Exception>>,
    ) -> PyResult<Value> {
        match &**object {
            Object::Timeout(timeout) => {
                self.timeout_cancel_handler(timeout);
                let result = match timeout.state.get() {
                    TimeoutState::Expiring => {
                        timeout.state.set(TimeoutState::Expired);
                        let task = timeout.task.borrow().clone();
                        let remaining = task.as_ref().map_or(0, |t| t.uncancel());
                        match exc {
                            Some(exc)
                                if remaining <= timeout.cancelling.get()
                                    && exc.ty == ExcType::CancelledError =>
                            {
                                // `raise TimeoutError from exc_val`
                                let error = Exception::new(ExcType::TimeoutError, Vec::new());
                                *error.cause.borrow_mut() = Some(exc.clone());
                                *error.context.borrow_mut() = Some(exc);
                                error.suppress_context.set(true);
                                Err(error)
                            }
                            _ => Ok(Value::None),
                        }
                    }
                    TimeoutState::Entered => {
                        timeout.state.set(TimeoutState::Exited);
                        Ok(Value::None)
                    }
                    _ => Err(Exception::new(ExcType::AssertionError, vec![])),
                };
                Ok(ready_coro("__aexit__", result))
            }
            Object::TaskGroup(_) => {
                let exit = GroupExit {
                    group: object.clone(),
                    exc,
                    propagate: None,
                    started: false,
                };
                Ok(Value::Coroutine(super::asyncio::Coroutine::native(
                    "__aexit__",
                    NativeCoro::GroupExit(Box::new(exit)),
                )))
            }
            _ => unreachable!("a timeout or a task group"),
        }
    }

    /// `TaskGroup._abort()`
    fn group_abort(&mut self, group: &TaskGroup) {
        group.aborting.set(true);
        let tasks = group.tasks.borrow().clone();
        for task in tasks {
            if !task.is_done() {
                self.future_cancel(&task, None);
            }
        }
    }

    /// `TaskGroup._on_task_done(task)`
    pub fn group_task_done(&mut self, object: &Rc<Object>, task: &Rc<Future>) {
        let group = group_of(object);
        group.tasks.borrow_mut().retain(|t| !Rc::ptr_eq(t, task));
        let waiter = group.on_completed.borrow().clone();
        if let Some(waiter) = waiter
            && group.tasks.borrow().is_empty()
            && !waiter.is_done()
        {
            self.future_set_result(&waiter, Value::bool(true));
        }
        if task.is_cancelled() {
            return;
        }
        let Ok(Value::Exception(exc)) = task.exception() else {
            return;
        };
        task.mark_retrieved();
        group.errors.borrow_mut().push(exc.clone());
        if is_base_error(&exc) && group.base_error.borrow().is_none() {
            *group.base_error.borrow_mut() = Some(exc.clone());
        }
        let parent = group.parent_task.borrow().clone();
        let Some(parent) = parent else { return };
        if parent.is_done() {
            let report = format!(
                "Task {} has errored out but its parent task {} is already completed\n",
                task.repr(),
                parent.repr()
            );
            self.stderr.push_str(&report);
            return;
        }
        if !group.aborting.get() && !group.parent_cancel_requested.get() {
            self.group_abort(group);
            group.parent_cancel_requested.set(true);
            self.future_cancel(&parent, None);
        }
    }
}

impl GroupExit {
    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        let group = group_of(&self.group);
        if !self.started {
            self.started = true;
            if let Resume::Throw(exc) = input {
                return NativeStep::Raise(exc);
            }
            group.exiting.set(true);
            if let Some(exc) = &self.exc
                && is_base_error(exc)
                && group.base_error.borrow().is_none()
            {
                *group.base_error.borrow_mut() = Some(exc.clone());
            }
            self.propagate = self.exc.clone().filter(|e| e.ty == ExcType::CancelledError);
            if group.parent_cancel_requested.get() {
                let parent = group.parent_task.borrow().clone();
                if parent.is_some_and(|p| p.uncancel() == 0) {
                    self.propagate = None;
                }
            }
            if self.exc.is_some() && !group.aborting.get() {
                interp.group_abort(group);
            }
        } else {
            match input {
                Resume::Send(_) => {}
                Resume::Throw(exc) if exc.ty == ExcType::CancelledError => {
                    if !group.aborting.get() {
                        self.propagate = Some(exc);
                        interp.group_abort(group);
                    }
                }
                Resume::Throw(exc) => return NativeStep::Raise(exc),
            }
            *group.on_completed.borrow_mut() = None;
        }
        if !group.tasks.borrow().is_empty() {
            let waiter = Future::plain(Waiting::Static("the tasks of a TaskGroup"));
            *group.on_completed.borrow_mut() = Some(waiter.clone());
            return NativeStep::Yield(Suspend::Future(waiter));
        }
        if let Some(base) = group.base_error.borrow().clone() {
            return NativeStep::Raise(base);
        }
        if let Some(propagate) = self.propagate.take()
            && group.errors.borrow().is_empty()
        {
            return NativeStep::Raise(propagate);
        }
        if let Some(exc) = &self.exc
            && exc.ty != ExcType::CancelledError
        {
            group.errors.borrow_mut().push(exc.clone());
        }
        let errors = std::mem::take(&mut *group.errors.borrow_mut());
        if errors.is_empty() {
            return NativeStep::Return(Value::None);
        }
        let group_exc = super::exceptions::exception_group(
            "unhandled errors in a TaskGroup",
            errors.into_iter().map(Value::Exception).collect(),
        );
        *group_exc.context.borrow_mut() = self.exc.clone();
        group_exc.suppress_context.set(true);
        NativeStep::Raise(group_exc)
    }
}
