//! Asynchronous generators: an `async def` with `yield`.
//!
//! An asynchronous generator owns its execution state, like a generator. Its `__anext__()`,
//! `asend()`, `athrow()` and `aclose()` return native coroutines that run that state as a
//! nested run inside the awaiting task: when the generator awaits a future, the nested run
//! suspends and the coroutine passes the suspension out, so the whole task waits, exactly
//! as CPython's async generator awaitables pass awaits through to the task.

use std::cell::RefCell;
use std::rc::Rc;

use super::asyncio::NativeStep;
use super::exceptions::{ExcType, Exception, runtime_error};
use super::object::Object;
use super::value::Value;
use super::{ExecState, Exit, Interp, Resume};
use crate::bytecode::Code;

pub enum AgenState {
    Created(Vec<Value>),
    Suspended(ExecState),
    /// An awaitable of it is running (its state is in that awaitable).
    Running,
    Done,
}

pub struct AsyncGen {
    pub code: Rc<Code>,
    pub state: RefCell<AgenState>,
}

impl AsyncGen {
    pub fn new(code: Rc<Code>, slots: Vec<Value>) -> AsyncGen {
        AsyncGen {
            code,
            state: RefCell::new(AgenState::Created(slots)),
        }
    }

    /// A generator suspended at a `yield` can still run code (its `finally`).
    pub fn is_suspended(&self) -> bool {
        matches!(*self.state.borrow(), AgenState::Suspended(_))
    }
}

thread_local! {
    /// Generators dropped while suspended at a `yield`, waiting for the loop to close them:
    /// CPython's finalizer hook schedules `aclose()` when one is garbage-collected.
    static ABANDONED: RefCell<Vec<AsyncGen>> = const { RefCell::new(Vec::new()) };
}

impl Drop for AsyncGen {
    fn drop(&mut self) {
        let state = std::mem::replace(self.state.get_mut(), AgenState::Done);
        if let AgenState::Suspended(exec) = state {
            let orphan = AsyncGen {
                code: self.code.clone(),
                state: RefCell::new(AgenState::Suspended(exec)),
            };
            // During a thread's teardown the list may be gone: then nothing runs anyway.
            let _ = ABANDONED.try_with(|list| list.borrow_mut().push(orphan));
        }
    }
}

/// Take the generators abandoned since the last call.
pub fn take_abandoned() -> Vec<AsyncGen> {
    ABANDONED
        .try_with(|list| std::mem::take(&mut *list.borrow_mut()))
        .unwrap_or_default()
}

/// Forget abandoned generators (a run ends, or the loop is not running).
pub fn clear_abandoned() {
    // Dropping them may abandon more (a generator holding another): drain until empty.
    loop {
        let batch = take_abandoned();
        if batch.is_empty() {
            break;
        }
        for mut agen in batch {
            *agen.state.get_mut() = AgenState::Done;
        }
    }
}

/// What an awaitable of an asynchronous generator does.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum AgenOpKind {
    /// `__anext__()` / `asend(value)`: the next value.
    Next,
    /// `athrow(exc)`
    Throw,
    /// `aclose()`: throw GeneratorExit in; finishing is success.
    Close,
}

/// One awaitable of an asynchronous generator.
pub struct AgenOp {
    pub generator: Rc<Object>,
    pub kind: AgenOpKind,
    /// What to deliver first: the sent value or the thrown exception.
    pub first: Option<Resume>,
    /// The generator's state while this awaitable runs it.
    pub exec: Option<ExecState>,
    /// `anext(generator, default)`: returned instead of StopAsyncIteration.
    pub default: Option<Value>,
    /// The first `send` came: until then an exception thrown in passes through and the
    /// awaitable stays in its initial state (CPython's `AWAITABLE_STATE_INIT`), so the next
    /// `send` delivers `first` (an `aclose()` then throws GeneratorExit in).
    pub sent: bool,
}

fn agen_of(object: &Object) -> &AsyncGen {
    match object {
        Object::AsyncGen(agen) => agen,
        _ => unreachable!("an async generator"),
    }
}

impl AgenOp {
    pub fn resume(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        let step = self.step(interp, input);
        match step {
            NativeStep::Raise(exc) if exc.ty == ExcType::StopAsyncIteration => {
                match self.default.take() {
                    Some(default) => NativeStep::Return(default),
                    None => NativeStep::Raise(exc),
                }
            }
            other => other,
        }
    }

    fn step(&mut self, interp: &mut Interp, input: Resume) -> NativeStep {
        let agen = agen_of(&self.generator);
        let (mut exec, input) = match self.exec.take() {
            Some(exec) => {
                let input = match input {
                    Resume::Send(_) if !self.sent => {
                        self.sent = true;
                        self.first.take().unwrap_or(Resume::Send(Value::None))
                    }
                    other => other,
                };
                (exec, input)
            }
            None => {
                // The first step: the awaiting task's `send(None)` starts us; an exception
                // thrown in instead (the task was cancelled) goes into the generator.
                let first = match input {
                    Resume::Throw(exc) => Resume::Throw(exc),
                    Resume::Send(_) => {
                        self.sent = true;
                        self.first.take().unwrap_or(Resume::Send(Value::None))
                    }
                };
                let previous = std::mem::replace(&mut *agen.state.borrow_mut(), AgenState::Running);
                match previous {
                    AgenState::Created(slots) => {
                        interp.asyncgens.push(Rc::downgrade(&self.generator));
                        if let Resume::Throw(exc) = first {
                            // Thrown into a generator that never started: it finishes.
                            *agen.state.borrow_mut() = AgenState::Done;
                            return self.finish_closed(exc);
                        }
                        if matches!(&first, Resume::Send(v) if !matches!(v, Value::None)) {
                            *agen.state.borrow_mut() = AgenState::Created(slots);
                            return NativeStep::Raise(Exception::msg(
                                ExcType::TypeError,
                                "can't send non-None value to a just-started async generator",
                            ));
                        }
                        let mut exec = ExecState::default();
                        interp.push_frame(&mut exec, agen.code.clone(), slots, None);
                        (exec, Resume::Send(Value::None))
                    }
                    AgenState::Suspended(exec) => (exec, first),
                    AgenState::Running => {
                        *agen.state.borrow_mut() = AgenState::Running;
                        let what = match self.kind {
                            AgenOpKind::Next => {
                                "anext(): asynchronous generator is already running"
                            }
                            AgenOpKind::Throw => {
                                "athrow(): asynchronous generator is already running"
                            }
                            AgenOpKind::Close => {
                                "aclose(): asynchronous generator is already running"
                            }
                        };
                        return NativeStep::Raise(runtime_error(what));
                    }
                    AgenState::Done => {
                        *agen.state.borrow_mut() = AgenState::Done;
                        return match (self.kind, first) {
                            // A finished generator: closing or throwing into it is a no-op.
                            (AgenOpKind::Close | AgenOpKind::Throw, _) => {
                                NativeStep::Return(Value::None)
                            }
                            _ => NativeStep::Raise(Exception::new(
                                ExcType::StopAsyncIteration,
                                Vec::new(),
                            )),
                        };
                    }
                }
            }
        };
        if interp.depth >= interp.frame_limit {
            *agen.state.borrow_mut() = AgenState::Done;
            return NativeStep::Raise(super::vm::recursion_error());
        }
        interp.depth += 1;
        let exit = interp.run(&mut exec, 0, Some(input));
        interp.depth -= 1;
        match exit {
            Exit::Suspend(suspend) => {
                self.exec = Some(exec);
                NativeStep::Yield(suspend)
            }
            Exit::Yield(value) => {
                *agen.state.borrow_mut() = AgenState::Suspended(exec);
                if self.kind == AgenOpKind::Close {
                    return NativeStep::Raise(runtime_error(
                        "async generator ignored GeneratorExit",
                    ));
                }
                NativeStep::Return(value)
            }
            Exit::Return(_) => {
                *agen.state.borrow_mut() = AgenState::Done;
                match self.kind {
                    AgenOpKind::Close => NativeStep::Return(Value::None),
                    _ => NativeStep::Raise(Exception::new(ExcType::StopAsyncIteration, Vec::new())),
                }
            }
            Exit::Raise(exc) => {
                *agen.state.borrow_mut() = AgenState::Done;
                self.finish_closed(exc)
            }
        }
    }

    /// The generator finished by raising `exc`.
    fn finish_closed(&self, exc: Rc<Exception>) -> NativeStep {
        match exc.ty {
            ExcType::GeneratorExit | ExcType::StopAsyncIteration
                if self.kind == AgenOpKind::Close =>
            {
                NativeStep::Return(Value::None)
            }
            ExcType::StopAsyncIteration | ExcType::StopIteration => {
                let what = if exc.ty == ExcType::StopIteration {
                    "async generator raised StopIteration"
                } else {
                    "async generator raised StopAsyncIteration"
                };
                let error = runtime_error(what);
                *error.cause.borrow_mut() = Some(exc.clone());
                *error.context.borrow_mut() = Some(exc);
                error.suppress_context.set(true);
                NativeStep::Raise(error)
            }
            _ => NativeStep::Raise(exc),
        }
    }
}
