//! asyncio's synchronisation primitives and queues: `Lock`, `Event`, `Condition`,
//! `Semaphore`, `BoundedSemaphore`, `Queue`, `PriorityQueue` and `LifoQueue`.
//!
//! Each follows `asyncio/locks.py` and `asyncio/queues.py` (3.11) step for step: a blocked
//! caller waits on a fresh future kept in a FIFO of waiters; waking one sets its result,
//! which wakes the task one loop iteration later, and the woken task re-checks the state
//! (the lock may have been taken meanwhile). The coroutines (`acquire`, `wait`, `get`,
//! `put`, `join`) are native state machines over those awaits.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use super::Interp;
use super::Resume;
use super::Suspend;
use super::asyncio::{Future, NativeStep, Waiting};
use super::exceptions::{ExcType, Exception, PyResult, runtime_error};
use super::object::Object;
use super::value::Value;
use crate::trace::Event as TraceEvent;

/// A FIFO of waiters: the futures blocked callers await.
#[derive(Default)]
pub struct Waiters(RefCell<VecDeque<Rc<Future>>>);

impl Waiters {
    fn push(&self, fut: Rc<Future>) {
        self.0.borrow_mut().push_back(fut);
    }

    /// `waiters.remove(fut)`
    fn remove(&self, fut: &Rc<Future>) {
        let mut waiters = self.0.borrow_mut();
        if let Some(at) = waiters.iter().position(|w| Rc::ptr_eq(w, fut)) {
            waiters.remove(at);
        }
    }

    pub fn len(&self) -> usize {
        self.0.borrow().len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.borrow().is_empty()
    }

    fn snapshot(&self) -> Vec<Rc<Future>> {
        self.0.borrow().iter().cloned().collect()
    }

    /// The first waiter not done yet, if any.
    fn first_pending(&self) -> Option<Rc<Future>> {
        self.0.borrow().iter().find(|w| !w.is_done()).cloned()
    }

    /// `_wakeup_next(waiters)` of a queue: pop waiters until one is woken.
    fn wake_next(&self, interp: &mut Interp) {
        loop {
            let waiter = self.0.borrow_mut().pop_front();
            let Some(waiter) = waiter else { return };
            if !waiter.is_done() {
                interp.future_set_result(&waiter, Value::None);
                return;
            }
        }
    }
}

// ---------------------------------------------------------------------------- the state

#[derive(Default)]
pub struct Lock {
    pub locked: Cell<bool>,
    pub waiters: Waiters,
}

impl Lock {
    pub fn new() -> Lock {
        Lock::default()
    }

    /// `_wake_up_first()`
    fn wake_up_first(&self, interp: &mut Interp) {
        let first = self.waiters.0.borrow().front().cloned();
        if let Some(fut) = first
            && !fut.is_done()
        {
            interp.future_set_result(&fut, Value::bool(true));
        }
    }

    /// `release()`
    pub fn release(&self, interp: &mut Interp) -> PyResult<()> {
        if !self.locked.get() {
            return Err(runtime_error("Lock is not acquired."));
        }
        self.locked.set(false);
        interp.event(TraceEvent::Released("Lock"));
        self.wake_up_first(interp);
        Ok(())
    }

    /// The fast path of `acquire()`.
    fn try_acquire(&self) -> bool {
        if !self.locked.get() && self.waiters.0.borrow().iter().all(|w| w.is_cancelled()) {
            self.locked.set(true);
            return true;
        }
        false
    }

    pub fn extra(&self) -> String {
        let state = if self.locked.get() {
            "locked"
        } else {
            "unlocked"
        };
        match self.waiters.len() {
            0 => state.to_string(),
            n => format!("{state}, waiters:{n}"),
        }
    }
}

#[derive(Default)]
pub struct Event {
    pub value: Cell<bool>,
    pub waiters: Waiters,
}

impl Event {
    pub fn new() -> Event {
        Event::default()
    }

    /// `set()`
    pub fn set(&self, interp: &mut Interp) {
        if !self.value.get() {
            self.value.set(true);
            interp.event(TraceEvent::Signalled("Event"));
            for fut in self.waiters.snapshot() {
                if !fut.is_done() {
                    interp.future_set_result(&fut, Value::bool(true));
                }
            }
        }
    }

    pub fn extra(&self) -> String {
        let state = if self.value.get() { "set" } else { "unset" };
        match self.waiters.len() {
            0 => state.to_string(),
            n => format!("{state}, waiters:{n}"),
        }
    }
}

pub struct Condition {
    /// The underlying `Lock` object.
    pub lock: Rc<Object>,
    pub waiters: Waiters,
}

impl Condition {
    pub fn lock(&self) -> &Lock {
        match &*self.lock {
            Object::Lock(lock) => lock,
            _ => unreachable!("a condition's lock is a Lock"),
        }
    }

    /// `notify(n)`
    pub fn notify(&self, interp: &mut Interp, n: i64) -> PyResult<()> {
        if !self.lock().locked.get() {
            return Err(runtime_error("cannot notify on un-acquired lock"));
        }
        let mut woken = 0;
        for fut in self.waiters.snapshot() {
            if woken >= n {
                break;
            }
            if !fut.is_done() {
                woken += 1;
                interp.future_set_result(&fut, Value::bool(false));
            }
        }
        Ok(())
    }
}

pub struct Semaphore {
    pub value: Cell<i64>,
    /// `BoundedSemaphore`'s initial value.
    pub bound: Option<i64>,
    pub waiters: Waiters,
}

impl Semaphore {
    /// `locked()`
    pub fn locked(&self) -> bool {
        self.value.get() == 0 || self.waiters.0.borrow().iter().any(|w| !w.is_cancelled())
    }

    /// `_wake_up_next()`
    fn wake_up_next(&self, interp: &mut Interp) {
        if let Some(fut) = self.waiters.first_pending() {
            self.value.set(self.value.get() - 1);
            interp.future_set_result(&fut, Value::bool(true));
        }
    }

    /// `release()`
    pub fn release(&self, interp: &mut Interp) -> PyResult<()> {
        if let Some(bound) = self.bound
            && self.value.get() >= bound
        {
            return Err(Exception::msg(
                ExcType::ValueError,
                "BoundedSemaphore released too many times",
            ));
        }
        self.value.set(self.value.get() + 1);
        interp.event(TraceEvent::Released("Semaphore"));
        self.wake_up_next(interp);
        Ok(())
    }

    pub fn extra(&self) -> String {
        let state = if self.locked() {
            "locked".to_string()
        } else {
            format!("unlocked, value:{}", self.value.get())
        };
        match self.waiters.len() {
            0 => state,
            n => format!("{state}, waiters:{n}"),
        }
    }
}

/// Which end items leave a queue from.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum QueueKind {
    Fifo,
    Lifo,
    Priority,
}

pub struct Queue {
    pub kind: QueueKind,
    pub maxsize: i64,
    /// The items: FIFO order, a stack, or a binary heap as `heapq` keeps it.
    pub items: RefCell<VecDeque<Value>>,
    pub getters: Waiters,
    pub putters: Waiters,
    pub unfinished: Cell<i64>,
    pub finished: Event,
}

impl Queue {
    pub fn new(kind: QueueKind, maxsize: i64) -> Queue {
        let finished = Event::new();
        finished.value.set(true);
        Queue {
            kind,
            maxsize,
            items: RefCell::new(VecDeque::new()),
            getters: Waiters::default(),
            putters: Waiters::default(),
            unfinished: Cell::new(0),
            finished,
        }
    }

    pub fn qsize(&self) -> usize {
        self.items.borrow().len()
    }

    pub fn full(&self) -> bool {
        self.maxsize > 0 && self.qsize() as i64 >= self.maxsize
    }

    pub fn name(&self) -> &'static str {
        match self.kind {
            QueueKind::Fifo => "Queue",
            QueueKind::Lifo => "LifoQueue",
            QueueKind::Priority => "PriorityQueue",
        }
    }

    /// `put_nowait(item)`
    pub fn put_nowait(&self, interp: &mut Interp, item: Value) -> PyResult<()> {
        if self.full() {
            return Err(Exception::new(ExcType::QueueFull, Vec::new()));
        }
        let repr = interp.trace.enabled().then(|| item.repr());
        match self.kind {
            QueueKind::Priority => heap_push(interp, &self.items, item)?,
            _ => self.items.borrow_mut().push_back(item),
        }
        self.unfinished.set(self.unfinished.get() + 1);
        if let Some(repr) = repr {
            let what = format!("{repr} ({} size {})", self.name(), self.qsize());
            interp.event(TraceEvent::Put(what));
        }
        self.finished.value.set(false);
        self.getters.wake_next(interp);
        Ok(())
    }

    /// `get_nowait()`
    pub fn get_nowait(&self, interp: &mut Interp) -> PyResult<Value> {
        let item = match self.kind {
            QueueKind::Fifo => self.items.borrow_mut().pop_front(),
            QueueKind::Lifo => self.items.borrow_mut().pop_back(),
            QueueKind::Priority => heap_pop(interp, &self.items)?,
        };
        let Some(item) = item else {
            return Err(Exception::new(ExcType::QueueEmpty, Vec::new()));
        };
        if interp.trace.enabled() {
            let what = format!("{} ({} size {})", item.repr(), self.name(), self.qsize());
            interp.event(TraceEvent::Got(what));
        }
        self.putters.wake_next(interp);
        Ok(item)
    }

    /// `task_done()`
    pub fn task_done(&self, interp: &mut Interp) -> PyResult<()> {
        if self.unfinished.get() <= 0 {
            return Err(Exception::msg(
                ExcType::ValueError,
                "task_done() called too many times",
            ));
        }
        self.unfinished.set(self.unfinished.get() - 1);
        if self.unfinished.get() == 0 {
            self.finished.set(interp);
        }
        Ok(())
    }

    /// The `_format()` part of the repr.
    pub fn format(&self) -> String {
        let mut text = format!("maxsize={}", self.maxsize);
        let items = self.items.borrow();
        if !items.is_empty() {
            let list = Value::list(items.iter().cloned().collect());
            text.push_str(&format!(" _queue={}", list.repr()));
        }
        if !self.getters.is_empty() {
            text.push_str(&format!(" _getters[{}]", self.getters.len()));
        }
        if !self.putters.is_empty() {
            text.push_str(&format!(" _putters[{}]", self.putters.len()));
        }
        if self.unfinished.get() > 0 {
            text.push_str(&format!(" tasks={}", self.unfinished.get()));
        }
        text
    }
}

/// `a < b`, as heapq asks it.
fn less(interp: &mut Interp, a: &Value, b: &Value) -> PyResult<bool> {
    Ok(interp.compare_op(crate::ast::CmpOp::Lt, a, b)?.truthy())
}

/// `heapq.heappush`: append, then `_siftdown(heap, 0, len - 1)`.
fn heap_push(interp: &mut Interp, heap: &RefCell<VecDeque<Value>>, item: Value) -> PyResult<()> {
    heap.borrow_mut().push_back(item);
    let last = heap.borrow().len() - 1;
    sift_down(interp, heap, 0, last)
}

/// `heapq._siftdown`: move the item at `pos` up towards `start` while it is smaller.
fn sift_down(
    interp: &mut Interp,
    heap: &RefCell<VecDeque<Value>>,
    start: usize,
    mut pos: usize,
) -> PyResult<()> {
    let item = heap.borrow()[pos].clone();
    while pos > start {
        let parent_pos = (pos - 1) >> 1;
        let parent = heap.borrow()[parent_pos].clone();
        if less(interp, &item, &parent)? {
            heap.borrow_mut()[pos] = parent;
            pos = parent_pos;
            continue;
        }
        break;
    }
    heap.borrow_mut()[pos] = item;
    Ok(())
}

/// `heapq.heappop`
fn heap_pop(interp: &mut Interp, heap: &RefCell<VecDeque<Value>>) -> PyResult<Option<Value>> {
    let Some(last) = heap.borrow_mut().pop_back() else {
        return Ok(None);
    };
    if heap.borrow().is_empty() {
        return Ok(Some(last));
    }
    let top = std::mem::replace(&mut heap.borrow_mut()[0], last);
    // `_siftup(heap, 0)`: bubble the smaller child up until a leaf, then sift down.
    let end = heap.borrow().len();
    let mut pos = 0;
    let item = heap.borrow()[0].clone();
    let mut child = 1;
    while child < end {
        let right = child + 1;
        if right < end {
            let (c, r) = {
                let h = heap.borrow();
                (h[child].clone(), h[right].clone())
            };
            if !less(interp, &c, &r)? {
                child = right;
            }
        }
        let moved = heap.borrow()[child].clone();
        heap.borrow_mut()[pos] = moved;
        pos = child;
        child = 2 * pos + 1;
    }
    heap.borrow_mut()[pos] = item;
    sift_down(interp, heap, 0, pos)?;
    Ok(Some(top))
}

// ---------------------------------------------------------------------------- coroutines

/// The native coroutines of the primitives.
pub enum SyncOp {
    /// `Lock.acquire()` (also `async with lock` and `Condition.acquire()`).
    LockAcquire {
        lock: Rc<Object>,
        fut: Option<Rc<Future>>,
    },
    /// `Event.wait()`, and `Queue.join()` on the queue's own event.
    EventWait {
        owner: Rc<Object>,
        fut: Option<Rc<Future>>,
    },
    /// `Semaphore.acquire()`
    SemAcquire {
        sem: Rc<Object>,
        fut: Option<Rc<Future>>,
    },
    /// `Condition.wait()`
    CondWait { cond: Rc<Object>, stage: CondStage },
    /// `Condition.wait_for(predicate)`
    CondWaitFor {
        cond: Rc<Object>,
        predicate: Predicate,
        wait: Option<Box<SyncOp>>,
    },
    /// `Barrier.wait()`
    BarrierWait {
        barrier: Rc<Object>,
        stage: BarrierStage,
    },
    /// `Barrier.reset()` / `Barrier.abort()`: change the state under the condition's lock.
    BarrierChange {
        barrier: Rc<Object>,
        abort: bool,
        acquire: Option<Box<SyncOp>>,
    },
    QueueGet {
        queue: Rc<Object>,
        getter: Option<Rc<Future>>,
    },
    QueuePut {
        queue: Rc<Object>,
        item: Value,
        putter: Option<Rc<Future>>,
    },
    /// `__aenter__`: `await self.acquire()`, then return None.
    Enter(Box<SyncOp>),
}

pub enum CondStage {
    Start,
    /// Waiting to be notified.
    Notified(Rc<Future>),
    /// Re-acquiring the lock in the `finally`, with the outcome of the wait.
    Reacquire {
        outcome: Result<(), Rc<Exception>>,
        cancelled: bool,
        fut: Option<Rc<Future>>,
    },
}

fn event_of(owner: &Object) -> &Event {
    match owner {
        Object::Event(event) => event,
        Object::Queue(queue) => &queue.finished,
        _ => unreachable!("an event or a queue"),
    }
}

fn lock_of(object: &Object) -> &Lock {
    match object {
        Object::Lock(lock) => lock,
        Object::Condition(cond) => cond.lock(),
        _ => unreachable!("a lock or a condition"),
    }
}

fn queue_of(object: &Object) -> &Queue {
    match object {
        Object::Queue(queue) => queue,
        _ => unreachable!("a queue"),
    }
}

fn is_cancel(exc: &Exception) -> bool {
    exc.ty == ExcType::CancelledError
}

/// Wait on a fresh future appended to `waiters`.
fn block_on(waiters: &Waiters, what: &'static str) -> (Rc<Future>, NativeStep) {
    let fut = Future::plain(Waiting::Static(what));
    waiters.push(fut.clone());
    (fut.clone(), NativeStep::Yield(Suspend::Future(fut)))
}

impl SyncOp {
    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        match self {
            SyncOp::Enter(acquire) => match acquire.resume(interp, input) {
                NativeStep::Return(_) => NativeStep::Return(Value::None),
                other => other,
            },
            SyncOp::LockAcquire { lock, fut } => {
                let lock = lock_of(lock);
                match fut.take() {
                    None => {
                        if let Resume::Throw(exc) = input {
                            return NativeStep::Raise(exc);
                        }
                        if lock.try_acquire() {
                            interp.event(TraceEvent::Acquired("Lock"));
                            return NativeStep::Return(Value::bool(true));
                        }
                        let (waiter, step) = block_on(&lock.waiters, "Lock.acquire()");
                        *fut = Some(waiter);
                        step
                    }
                    Some(waiter) => {
                        lock.waiters.remove(&waiter);
                        match input {
                            Resume::Throw(exc) => {
                                if is_cancel(&exc) && !lock.locked.get() {
                                    lock.wake_up_first(interp);
                                }
                                NativeStep::Raise(exc)
                            }
                            Resume::Send(_) => {
                                lock.locked.set(true);
                                interp.event(TraceEvent::Acquired("Lock"));
                                NativeStep::Return(Value::bool(true))
                            }
                        }
                    }
                }
            }
            SyncOp::EventWait { owner, fut } => {
                let event = event_of(owner);
                let join = matches!(**owner, Object::Queue(_));
                match fut.take() {
                    None => {
                        if let Resume::Throw(exc) = input {
                            return NativeStep::Raise(exc);
                        }
                        if join && queue_of(owner).unfinished.get() <= 0 {
                            return NativeStep::Return(Value::None);
                        }
                        if event.value.get() {
                            return NativeStep::Return(Value::bool(true));
                        }
                        let what = if join { "Queue.join()" } else { "Event.wait()" };
                        let (waiter, step) = block_on(&event.waiters, what);
                        *fut = Some(waiter);
                        step
                    }
                    Some(waiter) => {
                        event.waiters.remove(&waiter);
                        match input {
                            Resume::Throw(exc) => NativeStep::Raise(exc),
                            Resume::Send(_) if join => NativeStep::Return(Value::None),
                            Resume::Send(_) => NativeStep::Return(Value::bool(true)),
                        }
                    }
                }
            }
            SyncOp::SemAcquire { sem, fut } => {
                let Object::Semaphore(sem) = &**sem else {
                    unreachable!("a semaphore")
                };
                match fut.take() {
                    None => {
                        if let Resume::Throw(exc) = input {
                            return NativeStep::Raise(exc);
                        }
                        if !sem.locked() {
                            sem.value.set(sem.value.get() - 1);
                            interp.event(TraceEvent::Acquired("Semaphore"));
                            return NativeStep::Return(Value::bool(true));
                        }
                        let (waiter, step) = block_on(&sem.waiters, "Semaphore.acquire()");
                        *fut = Some(waiter);
                        step
                    }
                    Some(waiter) => {
                        sem.waiters.remove(&waiter);
                        match input {
                            Resume::Throw(exc) => {
                                if is_cancel(&exc) && !waiter.is_cancelled() {
                                    sem.value.set(sem.value.get() + 1);
                                    sem.wake_up_next(interp);
                                }
                                NativeStep::Raise(exc)
                            }
                            Resume::Send(_) => {
                                interp.event(TraceEvent::Acquired("Semaphore"));
                                if sem.value.get() > 0 {
                                    sem.wake_up_next(interp);
                                }
                                NativeStep::Return(Value::bool(true))
                            }
                        }
                    }
                }
            }
            SyncOp::CondWait { cond, stage } => cond_wait(interp, cond, stage, input),
            SyncOp::BarrierWait { barrier, stage } => barrier_wait(interp, barrier, stage, input),
            SyncOp::BarrierChange {
                barrier,
                abort,
                acquire,
            } => {
                let Object::Barrier(b) = &**barrier else {
                    unreachable!("a barrier")
                };
                let op = acquire.get_or_insert_with(|| Box::new(b.acquire_op()));
                match op.resume(interp, input) {
                    NativeStep::Return(_) => {}
                    other => return other,
                }
                if *abort {
                    b.state.set(BarrierState::Broken);
                } else if b.count.get() > 0 {
                    b.state.set(BarrierState::Resetting);
                } else {
                    b.state.set(BarrierState::Filling);
                }
                let notified = b.notify_all(interp);
                let released = b.cond().lock().release(interp);
                match notified.and(released) {
                    Ok(()) => NativeStep::Return(Value::None),
                    Err(exc) => NativeStep::Raise(exc),
                }
            }
            SyncOp::CondWaitFor {
                cond,
                predicate,
                wait,
            } => {
                if let Some(op) = wait {
                    match op.resume(interp, input) {
                        NativeStep::Return(_) => *wait = None,
                        other => return other,
                    }
                } else if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                loop {
                    let result = match predicate.check(interp) {
                        Ok(result) => result,
                        Err(exc) => return NativeStep::Raise(exc),
                    };
                    if result.truthy() {
                        return NativeStep::Return(result);
                    }
                    let mut op = Box::new(SyncOp::CondWait {
                        cond: cond.clone(),
                        stage: CondStage::Start,
                    });
                    match op.resume(interp, Resume::Send(Value::None)) {
                        NativeStep::Return(_) => continue,
                        other => {
                            *wait = Some(op);
                            return other;
                        }
                    }
                }
            }
            SyncOp::QueueGet { queue, getter } => {
                let q = queue_of(queue);
                if let Some(waiter) = getter.take() {
                    if let Resume::Throw(exc) = input {
                        // `except: getter.cancel(); remove; pass the wake-up on; raise`
                        interp.future_cancel(&waiter, None);
                        q.getters.remove(&waiter);
                        if q.qsize() > 0 && !waiter.is_cancelled() {
                            q.getters.wake_next(interp);
                        }
                        return NativeStep::Raise(exc);
                    }
                } else if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                if q.qsize() == 0 {
                    let (waiter, step) = block_on(&q.getters, "Queue.get()");
                    *getter = Some(waiter);
                    return step;
                }
                match q.get_nowait(interp) {
                    Ok(item) => NativeStep::Return(item),
                    Err(exc) => NativeStep::Raise(exc),
                }
            }
            SyncOp::QueuePut {
                queue,
                item,
                putter,
            } => {
                let q = queue_of(queue);
                if let Some(waiter) = putter.take() {
                    if let Resume::Throw(exc) = input {
                        interp.future_cancel(&waiter, None);
                        q.putters.remove(&waiter);
                        if !q.full() && !waiter.is_cancelled() {
                            q.putters.wake_next(interp);
                        }
                        return NativeStep::Raise(exc);
                    }
                } else if let Resume::Throw(exc) = input {
                    return NativeStep::Raise(exc);
                }
                if q.full() {
                    let (waiter, step) = block_on(&q.putters, "Queue.put()");
                    *putter = Some(waiter);
                    return step;
                }
                match q.put_nowait(interp, std::mem::take(item)) {
                    Ok(()) => NativeStep::Return(Value::None),
                    Err(exc) => NativeStep::Raise(exc),
                }
            }
        }
    }
}

/// What `Condition.wait_for` waits for.
pub enum Predicate {
    /// A program's callable.
    Python(Value),
    /// A barrier neither draining nor resetting (`Barrier._block`).
    BarrierOpen(Rc<Object>),
    /// A barrier no longer filling (`Barrier._wait`).
    BarrierLeft(Rc<Object>),
}

impl Predicate {
    fn check(&self, interp: &mut Interp) -> PyResult<Value> {
        let state = |b: &Rc<Object>| match &**b {
            Object::Barrier(barrier) => barrier.state.get(),
            _ => unreachable!("a barrier"),
        };
        Ok(match self {
            Predicate::Python(func) => interp.call(func.clone(), Vec::new())?,
            Predicate::BarrierOpen(b) => Value::bool(!matches!(
                state(b),
                BarrierState::Draining | BarrierState::Resetting
            )),
            Predicate::BarrierLeft(b) => Value::bool(state(b) != BarrierState::Filling),
        })
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum BarrierState {
    Filling,
    Draining,
    Resetting,
    Broken,
}

impl BarrierState {
    fn value(self) -> &'static str {
        match self {
            BarrierState::Filling => "filling",
            BarrierState::Draining => "draining",
            BarrierState::Resetting => "resetting",
            BarrierState::Broken => "broken",
        }
    }
}

/// `asyncio.Barrier(parties)`, from `asyncio/locks.py`: a condition, a count and a state.
pub struct Barrier {
    /// The `Condition` object everything happens under.
    pub cond: Rc<Object>,
    pub parties: i64,
    pub state: Cell<BarrierState>,
    pub count: Cell<i64>,
}

impl Barrier {
    fn cond(&self) -> &Condition {
        match &*self.cond {
            Object::Condition(cond) => cond,
            _ => unreachable!("a barrier's condition"),
        }
    }

    fn acquire_op(&self) -> SyncOp {
        SyncOp::LockAcquire {
            lock: self.cond.clone(),
            fut: None,
        }
    }

    fn notify_all(&self, interp: &mut Interp) -> PyResult<()> {
        let cond = self.cond();
        cond.notify(interp, cond.waiters.len() as i64)
    }

    /// `n_waiting`
    pub fn n_waiting(&self) -> i64 {
        match self.state.get() {
            BarrierState::Filling => self.count.get(),
            _ => 0,
        }
    }

    pub fn extra(&self) -> String {
        let state = self.state.get();
        if state == BarrierState::Broken {
            return state.value().to_string();
        }
        format!(
            "{}, waiters:{}/{}",
            state.value(),
            self.n_waiting(),
            self.parties
        )
    }

    /// `_exit()`: the last one out lets the barrier fill again.
    fn exit(&self, interp: &mut Interp) -> PyResult<()> {
        if self.count.get() == 0 {
            if matches!(
                self.state.get(),
                BarrierState::Resetting | BarrierState::Draining
            ) {
                self.state.set(BarrierState::Filling);
            }
            self.notify_all(interp)?;
        }
        Ok(())
    }
}

pub enum BarrierStage {
    /// `async with self._cond`
    Acquire(Box<SyncOp>),
    /// `await self._block()`
    Block(Box<SyncOp>),
    /// `await self._wait()`, with this task's index.
    Wait(Box<SyncOp>, i64),
}

fn broken_barrier(message: &str) -> Rc<Exception> {
    Exception::msg(ExcType::BrokenBarrierError, message)
}

/// `Barrier.wait()`
fn barrier_wait(
    interp: &mut Interp,
    object: &Rc<Object>,
    stage: &mut BarrierStage,
    mut input: Resume,
) -> NativeStep {
    let Object::Barrier(barrier) = &**object else {
        unreachable!("a barrier")
    };
    // Leave `async with self._cond` with `outcome`: release the lock, then return or raise.
    let leave = |interp: &mut Interp, outcome: Result<Value, Rc<Exception>>| -> NativeStep {
        let released = barrier.cond().lock().release(interp);
        match (outcome, released) {
            (Ok(value), Ok(())) => NativeStep::Return(value),
            (Err(exc), _) | (Ok(_), Err(exc)) => NativeStep::Raise(exc),
        }
    };
    loop {
        match stage {
            BarrierStage::Acquire(op) => match op.resume(interp, input) {
                NativeStep::Return(_) => {
                    *stage = BarrierStage::Block(Box::new(SyncOp::CondWaitFor {
                        cond: barrier.cond.clone(),
                        predicate: Predicate::BarrierOpen(object.clone()),
                        wait: None,
                    }));
                    input = Resume::Send(Value::None);
                }
                other => return other,
            },
            BarrierStage::Block(op) => match op.resume(interp, input) {
                NativeStep::Return(_) => {
                    if barrier.state.get() == BarrierState::Broken {
                        return leave(interp, Err(broken_barrier("Barrier aborted")));
                    }
                    let index = barrier.count.get();
                    barrier.count.set(index + 1);
                    if index + 1 == barrier.parties {
                        // `_release()`: let everyone go.
                        barrier.state.set(BarrierState::Draining);
                        let outcome = barrier.notify_all(interp).map(|()| Value::Int(index));
                        barrier.count.set(barrier.count.get() - 1);
                        let outcome = outcome.and_then(|v| barrier.exit(interp).map(|()| v));
                        return leave(interp, outcome);
                    }
                    *stage = BarrierStage::Wait(
                        Box::new(SyncOp::CondWaitFor {
                            cond: barrier.cond.clone(),
                            predicate: Predicate::BarrierLeft(object.clone()),
                            wait: None,
                        }),
                        index,
                    );
                    input = Resume::Send(Value::None);
                }
                NativeStep::Raise(exc) => return leave(interp, Err(exc)),
                other => return other,
            },
            BarrierStage::Wait(op, index) => {
                let outcome = match op.resume(interp, input) {
                    NativeStep::Return(_) => {
                        if matches!(
                            barrier.state.get(),
                            BarrierState::Broken | BarrierState::Resetting
                        ) {
                            Err(broken_barrier("Abort or reset of barrier"))
                        } else {
                            Ok(Value::Int(*index))
                        }
                    }
                    NativeStep::Raise(exc) => Err(exc),
                    other => return other,
                };
                // `finally: self._count -= 1; self._exit()`
                barrier.count.set(barrier.count.get() - 1);
                let outcome = match barrier.exit(interp) {
                    Ok(()) => outcome,
                    Err(exc) => Err(exc),
                };
                return leave(interp, outcome);
            }
        }
    }
}

/// A `Barrier.wait()` coroutine's state at its start.
pub fn barrier_wait_op(barrier: &Rc<Object>) -> SyncOp {
    let Object::Barrier(b) = &**barrier else {
        unreachable!("a barrier")
    };
    SyncOp::BarrierWait {
        barrier: barrier.clone(),
        stage: BarrierStage::Acquire(Box::new(b.acquire_op())),
    }
}

/// `Condition.wait()`: release, wait for a notification, then re-acquire the lock even if
/// cancelled (and then raise CancelledError).
fn cond_wait(
    interp: &mut Interp,
    cond_object: &Rc<Object>,
    stage: &mut CondStage,
    input: Resume,
) -> NativeStep {
    let Object::Condition(cond) = &**cond_object else {
        unreachable!("a condition")
    };
    let lock = cond.lock();
    let (outcome, cancelled) = match std::mem::replace(stage, CondStage::Start) {
        CondStage::Start => {
            if let Resume::Throw(exc) = input {
                return NativeStep::Raise(exc);
            }
            if !lock.locked.get() {
                return NativeStep::Raise(runtime_error("cannot wait on un-acquired lock"));
            }
            if let Err(exc) = lock.release(interp) {
                return NativeStep::Raise(exc);
            }
            let (fut, step) = block_on(&cond.waiters, "Condition.wait()");
            *stage = CondStage::Notified(fut);
            return step;
        }
        CondStage::Notified(fut) => {
            cond.waiters.remove(&fut);
            let outcome = match input {
                Resume::Send(_) => Ok(()),
                Resume::Throw(exc) => Err(exc),
            };
            (outcome, false)
        }
        CondStage::Reacquire {
            outcome,
            cancelled,
            fut,
        } => {
            let fut = fut.expect("waiting for the lock");
            lock.waiters.remove(&fut);
            match input {
                Resume::Send(_) => {
                    lock.locked.set(true);
                    interp.event(TraceEvent::Acquired("Lock"));
                    return finish_cond_wait(outcome, cancelled);
                }
                Resume::Throw(exc) if is_cancel(&exc) => {
                    if !lock.locked.get() {
                        lock.wake_up_first(interp);
                    }
                    (outcome, true)
                }
                Resume::Throw(exc) => return NativeStep::Raise(exc),
            }
        }
    };
    // `while True: try: await self.acquire(); break; except CancelledError: cancelled = True`
    if lock.try_acquire() {
        interp.event(TraceEvent::Acquired("Lock"));
        return finish_cond_wait(outcome, cancelled);
    }
    let (fut, step) = block_on(&lock.waiters, "Lock.acquire()");
    *stage = CondStage::Reacquire {
        outcome,
        cancelled,
        fut: Some(fut),
    };
    step
}

fn finish_cond_wait(outcome: Result<(), Rc<Exception>>, cancelled: bool) -> NativeStep {
    if cancelled {
        return NativeStep::Raise(Exception::new(ExcType::CancelledError, Vec::new()));
    }
    match outcome {
        Ok(()) => NativeStep::Return(Value::bool(true)),
        Err(exc) => NativeStep::Raise(exc),
    }
}
