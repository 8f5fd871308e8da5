//! The objects of asyncio's classes that scenarios instantiate: locks, events, conditions,
//! semaphores, queues, `timeout()` managers, task groups, asynchronous generators and the
//! simulated aiohttp's sessions and responses. One [`Value::Object`] variant holds them all;
//! this module gives them their type names, reprs, methods and attributes, and their
//! `async with` and `async for` protocols.

use std::rc::Rc;

use super::Interp;
use super::agen::{AgenOp, AgenOpKind, AsyncGen};
use super::aiohttp::{Request, Response, Session};
use super::asyncio::{Coroutine, NativeCoro};
use super::builtins::{MethodName, bind, exactly};
use super::exceptions::{ExcType, Exception, PyResult, type_error, value_error};
use super::sync::{CondStage, Condition, Event, Lock, Queue, QueueKind, Semaphore, SyncOp};
use super::taskgroup::{TaskGroup, Timeout};
use super::value::Value;
use super::{Resume, sync};

pub enum Object {
    Lock(Lock),
    Event(Event),
    Condition(Condition),
    Semaphore(Semaphore),
    Barrier(sync::Barrier),
    Queue(Queue),
    Timeout(Timeout),
    TaskGroup(TaskGroup),
    AsyncGen(AsyncGen),
    Session(Session),
    Request(Request),
    Response(Response),
    /// What `loop.call_soon` / `call_later` / `call_at` return.
    Handle(CallbackHandle),
    /// `object()`: nothing but an identity (a sentinel).
    Plain,
    /// `sys.stdout` (false) or `sys.stderr` (true).
    Stream(bool),
    /// `List[int]`, `int | None`, a `TypeVar`, ... (see [`super::typing`]).
    Typing(super::typing::TypingObject),
    /// A named tuple of the interpreter's (`sys.version_info`): a tuple whose items also
    /// have names.
    StructSeq(StructSeq),
}

/// A struct sequence: its class name, its fields' names, and its items (a `Value::Tuple`).
pub struct StructSeq {
    pub kind: ObjectKind,
    pub fields: &'static [&'static str],
    pub items: Value,
}

/// `sys.version_info`: CPython 3.11.7's.
pub fn version_info() -> Value {
    let items = Value::tuple(vec![
        Value::Int(3),
        Value::Int(11),
        Value::Int(7),
        Value::str("final"),
        Value::Int(0),
    ]);
    Value::Object(Rc::new(Object::StructSeq(StructSeq {
        kind: ObjectKind::VersionInfo,
        fields: &["major", "minor", "micro", "releaselevel", "serial"],
        items,
    })))
}

/// A callback the loop will call (`asyncio.Handle` / `asyncio.TimerHandle`).
pub struct CallbackHandle {
    /// The deadline of a timer handle, in loop time.
    pub when: Option<f64>,
    pub cancelled: std::cell::Cell<bool>,
    pub timer: std::cell::Cell<Option<crate::runtime::TimerId>>,
    pub func: Value,
    pub args: Vec<Value>,
}

impl CallbackHandle {
    fn repr(&self) -> String {
        let name = match &self.func {
            Value::Function(f) => f.code.qualname.to_string(),
            Value::Builtin(b) => b.name().to_string(),
            other => other.repr(),
        };
        let args: Vec<String> = self.args.iter().map(Value::repr).collect();
        let call = format!("{name}({})", args.join(", "));
        let cancelled = if self.cancelled.get() {
            " cancelled"
        } else {
            ""
        };
        match self.when {
            Some(when) => format!(
                "<TimerHandle{cancelled} when={} {call}>",
                crate::pyfmt::float_repr(when)
            ),
            None => format!("<Handle{cancelled} {call}>"),
        }
    }
}

/// The class of an [`Object`], for `type(x)` and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ObjectKind {
    Lock,
    Event,
    Condition,
    Semaphore,
    BoundedSemaphore,
    Barrier,
    Queue,
    LifoQueue,
    PriorityQueue,
    Timeout,
    TaskGroup,
    AsyncGenerator,
    ClientSession,
    RequestContextManager,
    ClientResponse,
    Handle,
    TimerHandle,
    Object,
    TextIOWrapper,
    VersionInfo,
}

impl ObjectKind {
    pub fn name(self) -> &'static str {
        match self {
            ObjectKind::Lock => "Lock",
            ObjectKind::Event => "Event",
            ObjectKind::Condition => "Condition",
            ObjectKind::Semaphore => "Semaphore",
            ObjectKind::BoundedSemaphore => "BoundedSemaphore",
            ObjectKind::Barrier => "Barrier",
            ObjectKind::Queue => "Queue",
            ObjectKind::LifoQueue => "LifoQueue",
            ObjectKind::PriorityQueue => "PriorityQueue",
            ObjectKind::Timeout => "Timeout",
            ObjectKind::TaskGroup => "TaskGroup",
            ObjectKind::AsyncGenerator => "async_generator",
            ObjectKind::ClientSession => "ClientSession",
            ObjectKind::RequestContextManager => "_RequestContextManager",
            ObjectKind::ClientResponse => "ClientResponse",
            ObjectKind::Handle => "Handle",
            ObjectKind::TimerHandle => "TimerHandle",
            ObjectKind::Object => "object",
            ObjectKind::TextIOWrapper => "TextIOWrapper",
            ObjectKind::VersionInfo => "version_info",
        }
    }

    /// The module the class lives in, as `<class 'asyncio.locks.Lock'>` shows it.
    pub fn module(self) -> &'static str {
        match self {
            ObjectKind::Lock
            | ObjectKind::Event
            | ObjectKind::Condition
            | ObjectKind::Semaphore
            | ObjectKind::BoundedSemaphore
            | ObjectKind::Barrier => "asyncio.locks",
            ObjectKind::Queue | ObjectKind::LifoQueue | ObjectKind::PriorityQueue => {
                "asyncio.queues"
            }
            ObjectKind::Timeout => "asyncio.timeouts",
            ObjectKind::TaskGroup => "asyncio.taskgroups",
            ObjectKind::AsyncGenerator | ObjectKind::Object => "builtins",
            ObjectKind::ClientSession => "aiohttp.client",
            ObjectKind::RequestContextManager => "aiohttp.client",
            ObjectKind::ClientResponse => "aiohttp.client_reqrep",
            ObjectKind::Handle | ObjectKind::TimerHandle => "asyncio.events",
            ObjectKind::TextIOWrapper => "_io",
            ObjectKind::VersionInfo => "sys",
        }
    }
}

impl Object {
    pub fn kind(&self) -> ObjectKind {
        match self {
            Object::Lock(_) => ObjectKind::Lock,
            Object::Event(_) => ObjectKind::Event,
            Object::Condition(_) => ObjectKind::Condition,
            Object::Semaphore(sem) if sem.bound.is_some() => ObjectKind::BoundedSemaphore,
            Object::Semaphore(_) => ObjectKind::Semaphore,
            Object::Barrier(_) => ObjectKind::Barrier,
            Object::Queue(queue) => match queue.kind {
                QueueKind::Fifo => ObjectKind::Queue,
                QueueKind::Lifo => ObjectKind::LifoQueue,
                QueueKind::Priority => ObjectKind::PriorityQueue,
            },
            Object::Timeout(_) => ObjectKind::Timeout,
            Object::TaskGroup(_) => ObjectKind::TaskGroup,
            Object::AsyncGen(_) => ObjectKind::AsyncGenerator,
            Object::Session(_) => ObjectKind::ClientSession,
            Object::Request(_) => ObjectKind::RequestContextManager,
            Object::Response(_) => ObjectKind::ClientResponse,
            Object::Handle(h) if h.when.is_some() => ObjectKind::TimerHandle,
            Object::Handle(_) => ObjectKind::Handle,
            Object::Plain => ObjectKind::Object,
            Object::Stream(_) => ObjectKind::TextIOWrapper,
            Object::StructSeq(seq) => seq.kind,
            // Never asked: `type_of` and `type_name` answer for typing objects.
            Object::Typing(_) => ObjectKind::Object,
        }
    }

    /// `type(x)`.
    pub fn type_of(&self) -> super::value::Type {
        match self {
            Object::Typing(typing) => super::value::Type::Typing(typing.class()),
            _ => super::value::Type::Native(self.kind()),
        }
    }

    /// The typing object this is, if it is one.
    pub fn typing(&self) -> Option<&super::typing::TypingObject> {
        match self {
            Object::Typing(typing) => Some(typing),
            _ => None,
        }
    }

    pub fn type_name(&self) -> &'static str {
        match self {
            Object::Typing(typing) => typing.type_name(),
            _ => self.kind().name(),
        }
    }

    /// The methods of the object's class (a program may call them, or misspell them).
    pub fn methods(&self) -> &'static [&'static str] {
        match self {
            Object::Lock(_) => &["acquire", "release", "locked"],
            Object::Event(_) => &["wait", "set", "clear", "is_set"],
            Object::Condition(_) => &[
                "acquire",
                "release",
                "locked",
                "wait",
                "wait_for",
                "notify",
                "notify_all",
            ],
            Object::Semaphore(_) => &["acquire", "release", "locked"],
            Object::Barrier(_) => &["wait", "reset", "abort"],
            Object::Queue(_) => &[
                "put",
                "get",
                "put_nowait",
                "get_nowait",
                "qsize",
                "empty",
                "full",
                "task_done",
                "join",
            ],
            Object::Timeout(_) => &["when", "reschedule", "expired"],
            Object::TaskGroup(_) => &["create_task"],
            Object::AsyncGen(_) => &["__anext__", "asend", "athrow", "aclose", "__aiter__"],
            Object::Session(_) => &["get", "post", "close"],
            Object::Request(_) => &[],
            Object::Response(_) => &["text", "json", "read", "release"],
            Object::Handle(h) if h.when.is_some() => &["cancel", "cancelled", "when"],
            Object::Handle(_) => &["cancel", "cancelled"],
            Object::Plain => &[],
            Object::Stream(_) => &["write", "flush", "writelines", "isatty"],
            Object::Typing(_) => &[],
            Object::StructSeq(_) => &["count", "index"],
        }
    }

    /// `str(x)`: a queue's leaves out the address; the others are their repr.
    pub fn str(&self) -> String {
        match self {
            Object::Queue(queue) => format!("<{} {}>", queue.name(), queue.format()),
            _ => self.repr(),
        }
    }

    /// `repr(x)`; addresses are shown as `0x...`, as everywhere in scenario.
    pub fn repr(&self) -> String {
        if let Object::Typing(typing) = self {
            return typing.repr();
        }
        let at = format!(
            "<{}.{} object at 0x...",
            self.kind().module(),
            self.type_name()
        );
        match self {
            Object::Lock(lock) => format!("{at} [{}]>", lock.extra()),
            Object::Event(event) => format!("{at} [{}]>", event.extra()),
            Object::Condition(cond) => {
                let state = if cond.lock().locked.get() {
                    "locked"
                } else {
                    "unlocked"
                };
                match cond.waiters.len() {
                    0 => format!("{at} [{state}]>"),
                    n => format!("{at} [{state}, waiters:{n}]>"),
                }
            }
            Object::Semaphore(sem) => format!("{at} [{}]>", sem.extra()),
            Object::Barrier(barrier) => format!("{at} [{}]>", barrier.extra()),
            Object::Queue(queue) => format!("<{} at 0x... {}>", queue.name(), queue.format()),
            Object::Timeout(timeout) => timeout.repr(),
            Object::TaskGroup(group) => group.repr(),
            Object::AsyncGen(agen) => {
                format!("<async_generator object {} at 0x...>", agen.code.qualname)
            }
            Object::Session(_) => "<aiohttp.client.ClientSession object at 0x...>".to_string(),
            Object::Request(_) => {
                "<aiohttp.client._RequestContextManager object at 0x...>".to_string()
            }
            Object::Response(response) => response.repr(),
            Object::Handle(handle) => handle.repr(),
            Object::Plain => "<object object at 0x...>".to_string(),
            Object::Stream(stderr) => {
                let name = if *stderr { "<stderr>" } else { "<stdout>" };
                format!("<_io.TextIOWrapper name='{name}' mode='w' encoding='utf-8'>")
            }
            Object::Typing(typing) => typing.repr(),
            Object::StructSeq(seq) => {
                let Value::Tuple(items) = &seq.items else {
                    return String::new();
                };
                let fields: Vec<String> = seq
                    .fields
                    .iter()
                    .zip(&items.0)
                    .map(|(name, value)| format!("{name}={}", value.repr()))
                    .collect();
                format!(
                    "{}.{}({})",
                    seq.kind.module(),
                    seq.kind.name(),
                    fields.join(", ")
                )
            }
        }
    }
}

/// A native coroutine object running `op`.
fn sync_coro(name: &'static str, op: SyncOp) -> Value {
    Value::Coroutine(Coroutine::native(name, NativeCoro::Sync(Box::new(op))))
}

/// A coroutine that returns `value` at once (an `async def` that does not await).
pub fn ready_coro(name: &'static str, value: PyResult<Value>) -> Value {
    let body = match value {
        Ok(value) => NativeCoro::Done(value),
        Err(exc) => NativeCoro::Fail(exc),
    };
    Value::Coroutine(Coroutine::native(name, body))
}

/// `anext(generator, default)`
pub fn anext_with_default(object: &Rc<Object>, default: Option<Value>) -> Value {
    let op = AgenOp {
        generator: object.clone(),
        kind: AgenOpKind::Next,
        first: None,
        exec: None,
        default,
        sent: false,
    };
    Value::Coroutine(Coroutine::native("anext", NativeCoro::Agen(Box::new(op))))
}

fn agen_coro(object: &Rc<Object>, kind: AgenOpKind, first: Option<Resume>) -> Value {
    let name = match kind {
        AgenOpKind::Next => "__anext__",
        AgenOpKind::Throw => "athrow",
        AgenOpKind::Close => "aclose",
    };
    let op = AgenOp {
        generator: object.clone(),
        kind,
        first,
        exec: None,
        default: None,
        sent: false,
    };
    Value::Coroutine(Coroutine::native(name, NativeCoro::Agen(Box::new(op))))
}

impl Interp {
    /// Whether the object has this method (for bound methods and calls).
    pub fn object_has_method(&self, object: &Object, name: &str) -> bool {
        object.methods().contains(&name)
    }

    /// `object.name(*args, **kwargs)`
    pub fn object_method(
        &mut self,
        object: &Rc<Object>,
        name: &Rc<str>,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let method = MethodName {
            type_name: object.type_name(),
            name: name.clone(),
        };
        let name = &**name;
        match (&**object, name) {
            (Object::StructSeq(seq), _) => {
                let items = seq.items.clone();
                let name = self.symbols.intern(name);
                self.call_method(&items, name, args, kwargs)
            }
            (Object::Stream(stderr), "write") => {
                let [text] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                let Value::Str(text) = text else {
                    return Err(type_error(format!(
                        "write() argument must be str, not {}",
                        text.type_name()
                    )));
                };
                self.write_stream(*stderr, text.as_str());
                Ok(Value::Int(text.len() as i64))
            }
            (Object::Stream(stderr), "writelines") => {
                let [lines] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                for line in self.collect_iterable(lines)? {
                    let Value::Str(text) = line else {
                        return Err(type_error(format!(
                            "write() argument must be str, not {}",
                            line.type_name()
                        )));
                    };
                    self.write_stream(*stderr, text.as_str());
                }
                Ok(Value::None)
            }
            (Object::Stream(_), "flush") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::None)
            }
            (Object::Stream(_), "isatty") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::Bool(super::value::PyBool::False))
            }
            (Object::Lock(_) | Object::Condition(_), "acquire") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "acquire",
                    SyncOp::LockAcquire {
                        lock: object.clone(),
                        fut: None,
                    },
                ))
            }
            (Object::Lock(lock), "release") => {
                exactly(&method, args, &kwargs, 0)?;
                lock.release(self)?;
                Ok(Value::None)
            }
            (Object::Condition(cond), "release") => {
                exactly(&method, args, &kwargs, 0)?;
                cond.lock().release(self)?;
                Ok(Value::None)
            }
            (Object::Lock(lock), "locked") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(lock.locked.get()))
            }
            (Object::Condition(cond), "locked") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(cond.lock().locked.get()))
            }
            (Object::Event(_), "wait") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "wait",
                    SyncOp::EventWait {
                        owner: object.clone(),
                        fut: None,
                    },
                ))
            }
            (Object::Event(event), "set") => {
                exactly(&method, args, &kwargs, 0)?;
                event.set(self);
                Ok(Value::None)
            }
            (Object::Event(event), "clear") => {
                exactly(&method, args, &kwargs, 0)?;
                event.value.set(false);
                Ok(Value::None)
            }
            (Object::Event(event), "is_set") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(event.value.get()))
            }
            (Object::Condition(_), "wait") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "wait",
                    SyncOp::CondWait {
                        cond: object.clone(),
                        stage: CondStage::Start,
                    },
                ))
            }
            (Object::Condition(_), "wait_for") => {
                let [predicate] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                Ok(sync_coro(
                    "wait_for",
                    SyncOp::CondWaitFor {
                        cond: object.clone(),
                        predicate: sync::Predicate::Python(predicate),
                        wait: None,
                    },
                ))
            }
            (Object::Condition(cond), "notify") => {
                let bound = bind(&method, args, kwargs, &["n"], 0)?;
                let n = match &bound[0] {
                    Some(n) => n
                        .as_i64()
                        .ok_or_else(|| type_error("notify() count must be an int"))?,
                    None => 1,
                };
                cond.notify(self, n)?;
                Ok(Value::None)
            }
            (Object::Condition(cond), "notify_all") => {
                exactly(&method, args, &kwargs, 0)?;
                let n = cond.waiters.len() as i64;
                cond.notify(self, n)?;
                Ok(Value::None)
            }
            (Object::Semaphore(_), "acquire") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "acquire",
                    SyncOp::SemAcquire {
                        sem: object.clone(),
                        fut: None,
                    },
                ))
            }
            (Object::Semaphore(sem), "release") => {
                exactly(&method, args, &kwargs, 0)?;
                sem.release(self)?;
                Ok(Value::None)
            }
            (Object::Semaphore(sem), "locked") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(sem.locked()))
            }
            (Object::Barrier(_), "wait") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro("wait", sync::barrier_wait_op(object)))
            }
            (Object::Barrier(_), "reset" | "abort") => {
                exactly(&method, args, &kwargs, 0)?;
                let op = SyncOp::BarrierChange {
                    barrier: object.clone(),
                    abort: name == "abort",
                    acquire: None,
                };
                Ok(sync_coro(
                    if name == "abort" { "abort" } else { "reset" },
                    op,
                ))
            }
            (Object::Queue(_), "put") => {
                let [item] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                Ok(sync_coro(
                    "put",
                    SyncOp::QueuePut {
                        queue: object.clone(),
                        item,
                        putter: None,
                    },
                ))
            }
            (Object::Queue(_), "get") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "get",
                    SyncOp::QueueGet {
                        queue: object.clone(),
                        getter: None,
                    },
                ))
            }
            (Object::Queue(queue), "put_nowait") => {
                let [item] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                queue.put_nowait(self, item)?;
                Ok(Value::None)
            }
            (Object::Queue(queue), "get_nowait") => {
                exactly(&method, args, &kwargs, 0)?;
                queue.get_nowait(self)
            }
            (Object::Queue(queue), "qsize") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::Int(queue.qsize() as i64))
            }
            (Object::Queue(queue), "empty") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(queue.qsize() == 0))
            }
            (Object::Queue(queue), "full") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(queue.full()))
            }
            (Object::Queue(queue), "task_done") => {
                exactly(&method, args, &kwargs, 0)?;
                queue.task_done(self)?;
                Ok(Value::None)
            }
            (Object::Queue(_), "join") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(sync_coro(
                    "join",
                    SyncOp::EventWait {
                        owner: object.clone(),
                        fut: None,
                    },
                ))
            }
            (Object::AsyncGen(_), "__anext__") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(agen_coro(object, AgenOpKind::Next, None))
            }
            (Object::AsyncGen(_), "__aiter__") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::Object(object.clone()))
            }
            (Object::AsyncGen(_), "asend") => {
                let [value] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                Ok(agen_coro(
                    object,
                    AgenOpKind::Next,
                    Some(Resume::Send(value)),
                ))
            }
            (Object::AsyncGen(_), "athrow") => {
                let [value] = exactly(&method, args, &kwargs, 1)?.try_into().expect("one");
                let exc = self.exception_from(value)?;
                Ok(agen_coro(
                    object,
                    AgenOpKind::Throw,
                    Some(Resume::Throw(exc)),
                ))
            }
            (Object::AsyncGen(_), "aclose") => {
                exactly(&method, args, &kwargs, 0)?;
                let exit = Exception::new(ExcType::GeneratorExit, Vec::new());
                Ok(agen_coro(
                    object,
                    AgenOpKind::Close,
                    Some(Resume::Throw(exit)),
                ))
            }
            (Object::Handle(handle), "cancel") => {
                exactly(&method, args, &kwargs, 0)?;
                handle.cancelled.set(true);
                if let Some(timer) = handle.timer.take() {
                    self.sched.cancel(timer);
                }
                Ok(Value::None)
            }
            (Object::Handle(handle), "cancelled") => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::bool(handle.cancelled.get()))
            }
            (Object::Handle(handle), "when") if handle.when.is_some() => {
                exactly(&method, args, &kwargs, 0)?;
                Ok(Value::float(handle.when.unwrap_or_default()))
            }
            (Object::Timeout(_) | Object::TaskGroup(_), _) => {
                self.taskgroup_method(object, name, &method, args, kwargs)
            }
            (Object::Session(_) | Object::Response(_), _) => {
                self.aiohttp_method(object, name, &method, args, kwargs)
            }
            _ => Err(super::exceptions::attribute_error(object.type_name(), name)),
        }
    }

    /// A data attribute of an object (`queue.maxsize`, `response.status`).
    pub fn object_attribute(&mut self, object: &Rc<Object>, name: &str) -> Option<Value> {
        match (&**object, name) {
            (Object::StructSeq(seq), _)
                if let Some(i) = seq.fields.iter().position(|f| *f == name) =>
            {
                match &seq.items {
                    Value::Tuple(items) => items.0.get(i).cloned(),
                    _ => None,
                }
            }
            (Object::Queue(queue), "maxsize") => Some(Value::Int(queue.maxsize)),
            // Private, but tutorials print them to show the state.
            (Object::Queue(queue), "_maxsize") => Some(Value::Int(queue.maxsize)),
            (Object::Queue(queue), "_unfinished_tasks") => Some(Value::Int(queue.unfinished.get())),
            (Object::Semaphore(sem), "_value") => Some(Value::Int(sem.value.get())),
            (Object::Semaphore(sem), "_bound_value") if sem.bound.is_some() => {
                sem.bound.map(Value::Int)
            }
            (Object::Lock(lock), "_locked") => Some(Value::bool(lock.locked.get())),
            (Object::Barrier(barrier), "parties") => Some(Value::Int(barrier.parties)),
            (Object::Barrier(barrier), "n_waiting") => Some(Value::Int(barrier.n_waiting())),
            (Object::Barrier(barrier), "broken") => Some(Value::bool(
                barrier.state.get() == sync::BarrierState::Broken,
            )),
            (Object::Event(event), "_value") => Some(Value::bool(event.value.get())),
            (Object::AsyncGen(agen), "__name__") => Some(Value::str(&*agen.code.name)),
            (Object::AsyncGen(agen), "__qualname__") => Some(Value::str(&*agen.code.qualname)),
            (Object::Response(_) | Object::Session(_), _) => self.aiohttp_attribute(object, name),
            (Object::Typing(typing), _) => {
                super::typing::attribute(&Value::Object(object.clone()), typing, name)
            }
            _ => None,
        }
    }

    /// `await manager.__aenter__()`: the awaitable.
    pub fn async_enter(&mut self, manager: &Value) -> PyResult<Value> {
        let Value::Object(object) = manager else {
            return Err(no_async_cm(manager));
        };
        match &**object {
            Object::Lock(_) | Object::Condition(_) => Ok(sync_coro(
                "__aenter__",
                SyncOp::Enter(Box::new(SyncOp::LockAcquire {
                    lock: object.clone(),
                    fut: None,
                })),
            )),
            Object::Semaphore(_) => Ok(sync_coro(
                "__aenter__",
                SyncOp::Enter(Box::new(SyncOp::SemAcquire {
                    sem: object.clone(),
                    fut: None,
                })),
            )),
            Object::Barrier(_) => Ok(sync_coro("__aenter__", sync::barrier_wait_op(object))),
            Object::Timeout(_) | Object::TaskGroup(_) => self.taskgroup_enter(object),
            Object::Session(_) | Object::Request(_) | Object::Response(_) => {
                self.aiohttp_enter(object)
            }
            _ => Err(no_async_cm(manager)),
        }
    }

    /// `await manager.__aexit__(type, exc, tb)`: the awaitable. `exc` is `None` on the
    /// normal way out.
    pub fn async_exit(&mut self, manager: &Value, exc: Option<Rc<Exception>>) -> PyResult<Value> {
        let Value::Object(object) = manager else {
            return Err(no_async_cm(manager));
        };
        match &**object {
            Object::Lock(lock) => Ok(ready_coro(
                "__aexit__",
                lock.release(self).map(|()| Value::None),
            )),
            Object::Condition(cond) => Ok(ready_coro(
                "__aexit__",
                cond.lock().release(self).map(|()| Value::None),
            )),
            Object::Semaphore(sem) => Ok(ready_coro(
                "__aexit__",
                sem.release(self).map(|()| Value::None),
            )),
            Object::Barrier(_) => Ok(ready_coro("__aexit__", Ok(Value::None))),
            Object::Timeout(_) | Object::TaskGroup(_) => self.taskgroup_exit(object, exc),
            Object::Session(_) | Object::Request(_) | Object::Response(_) => {
                self.aiohttp_exit(object)
            }
            _ => Err(no_async_cm(manager)),
        }
    }

    /// `aiter(x)`
    pub fn async_iter(&mut self, value: Value) -> PyResult<Value> {
        match &value {
            Value::Object(object) if matches!(**object, Object::AsyncGen(_)) => Ok(value),
            other => Err(type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                other.type_name()
            ))),
        }
    }

    /// `anext(iterator)`: the awaitable of the next item.
    pub fn async_next(&mut self, iterator: &Value) -> PyResult<Value> {
        match iterator {
            Value::Object(object) if matches!(**object, Object::AsyncGen(_)) => {
                Ok(agen_coro(object, AgenOpKind::Next, None))
            }
            other => Err(type_error(format!(
                "'async for' received an invalid object from __aiter__: {}",
                other.type_name()
            ))),
        }
    }

    /// `asyncio.Lock()`, `asyncio.Queue(maxsize)` and the other constructors.
    pub fn construct_object(
        &mut self,
        kind: ObjectKind,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        let name = kind.name();
        let object = match kind {
            ObjectKind::Lock => {
                init_args(name, args, kwargs, &[])?;
                Object::Lock(Lock::new())
            }
            ObjectKind::Event => {
                init_args(name, args, kwargs, &[])?;
                Object::Event(Event::new())
            }
            ObjectKind::Condition => {
                let bound = init_args(name, args, kwargs, &["lock"])?;
                let lock = match bound[0].clone() {
                    None | Some(Value::None) => Rc::new(Object::Lock(Lock::new())),
                    Some(Value::Object(lock)) if matches!(*lock, Object::Lock(_)) => lock,
                    Some(other) => {
                        return Err(type_error(format!(
                            "'{}' object is not a lock",
                            other.type_name()
                        )));
                    }
                };
                Object::Condition(Condition {
                    lock,
                    waiters: sync::Waiters::default(),
                })
            }
            ObjectKind::Semaphore | ObjectKind::BoundedSemaphore => {
                let bound = init_args(name, args, kwargs, &["value"])?;
                let value = match &bound[0] {
                    None => 1,
                    Some(value) => value.as_i64().ok_or_else(|| {
                        type_error(format!(
                            "'<' not supported between instances of '{}' and 'int'",
                            value.type_name()
                        ))
                    })?,
                };
                if value < 0 {
                    return Err(value_error("Semaphore initial value must be >= 0"));
                }
                Object::Semaphore(Semaphore {
                    value: std::cell::Cell::new(value),
                    bound: (kind == ObjectKind::BoundedSemaphore).then_some(value),
                    waiters: sync::Waiters::default(),
                })
            }
            ObjectKind::Barrier => {
                let bound = init_args(name, args, kwargs, &["parties"])?;
                let Some(parties) = bound[0].clone() else {
                    return Err(type_error(
                        "Barrier.__init__() missing 1 required positional argument: 'parties'",
                    ));
                };
                let parties = parties.as_i64().ok_or_else(|| {
                    type_error(format!(
                        "'<' not supported between instances of '{}' and 'int'",
                        parties.type_name()
                    ))
                })?;
                if parties < 1 {
                    return Err(value_error("parties must be > 0"));
                }
                let lock = Rc::new(Object::Lock(Lock::new()));
                let cond = Rc::new(Object::Condition(Condition {
                    lock,
                    waiters: sync::Waiters::default(),
                }));
                Object::Barrier(sync::Barrier {
                    cond,
                    parties,
                    state: std::cell::Cell::new(sync::BarrierState::Filling),
                    count: std::cell::Cell::new(0),
                })
            }
            ObjectKind::Queue | ObjectKind::LifoQueue | ObjectKind::PriorityQueue => {
                let bound = init_args(name, args, kwargs, &["maxsize"])?;
                let maxsize = match &bound[0] {
                    None => 0,
                    Some(value) => value.as_i64().ok_or_else(|| {
                        type_error(format!(
                            "'<=' not supported between instances of '{}' and 'int'",
                            value.type_name()
                        ))
                    })?,
                };
                let queue_kind = match kind {
                    ObjectKind::Queue => QueueKind::Fifo,
                    ObjectKind::LifoQueue => QueueKind::Lifo,
                    _ => QueueKind::Priority,
                };
                Object::Queue(Queue::new(queue_kind, maxsize))
            }
            ObjectKind::TaskGroup => {
                init_args(name, args, kwargs, &[])?;
                Object::TaskGroup(TaskGroup::new())
            }
            ObjectKind::ClientSession => {
                // `timeout=`, `headers=`, ...: accepted; the simulated web has no use for them.
                let _ = (args, kwargs);
                Object::Session(Session::new())
            }
            _ => {
                return Err(type_error(format!(
                    "cannot create '{}' instances",
                    kind.name()
                )));
            }
        };
        Ok(Value::Object(Rc::new(object)))
    }
}

/// The arguments of a class written in Python in CPython (`Lock.__init__(self)`,
/// `Queue.__init__(self, maxsize=0)`), with the messages its `__init__` gives.
fn init_args(
    class: &str,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
    params: &[&str],
) -> PyResult<Vec<Option<Value>>> {
    let function = format!("{class}.__init__()");
    if args.len() > params.len() {
        let takes = if params.is_empty() {
            "1 positional argument".to_string()
        } else {
            format!("from 1 to {} positional arguments", params.len() + 1)
        };
        return Err(type_error(format!(
            "{function} takes {takes} but {} were given",
            args.len() + 1
        )));
    }
    let mut bound: Vec<Option<Value>> = params.iter().map(|_| None).collect();
    for (slot, arg) in bound.iter_mut().zip(args) {
        *slot = Some(arg);
    }
    for (key, value) in kwargs {
        let Some(at) = params.iter().position(|p| **p == *key) else {
            return Err(type_error(format!(
                "{function} got an unexpected keyword argument '{key}'"
            )));
        };
        if bound[at].is_some() {
            return Err(type_error(format!(
                "{function} got multiple values for argument '{key}'"
            )));
        }
        bound[at] = Some(value);
    }
    Ok(bound)
}

fn no_async_cm(manager: &Value) -> Rc<Exception> {
    type_error(format!(
        "'{}' object does not support the asynchronous context manager protocol",
        manager.type_name()
    ))
}
