//! The dispatch loop.
//!
//! [`Interp::run`] drives an execution state: Python frames run in [`Interp::exec`], a
//! tight loop that keeps the current code and program counter in locals and handles calls
//! of Python functions, returns and awaits of coroutines by pushing and popping frames on
//! the same state; native coroutine frames are stepped by [`Interp::step_native`].
//! Exceptions unwind through [`Interp::unwind`], which finds the innermost handler of the
//! innermost frame, recording the traceback on the way.

use std::rc::Rc;

mod tier;

use super::asyncio::{Coroutine, CoroutineBody, NativeCoro, NativeStep};
use super::exceptions::{ExcType, Exception, PyResult, runtime_error, type_error};
use super::value::{Function, Iter, Key, KeyRef, Value, dict_index};
use super::{ExecState, Exit, Frame, Handler, Interp, NativeFrame, Resume, Suspend};
use crate::ast::{BinOp, CmpOp};
use crate::bytecode::{Code, CodeKind, Instr};

/// What the outer loop of `run` does next.
enum Flow {
    Exit(Exit),
    /// The top frame is now a native frame (or the frame below a returning one is):
    /// resume it with this input.
    Resume(Resume),
}

/// Where an exception went.
enum Unwound {
    /// A handler in a Python frame caught it: continue there.
    Handled,
    /// It left the frames of this run.
    Exit(Rc<Exception>),
    /// It reached a native frame, which gets it next.
    Native(Rc<Exception>),
}

/// How an `await` started.
enum AwaitStart {
    /// A Python coroutine frame was pushed.
    Frame,
    /// A native coroutine ran its first step and now awaits something itself: its frame
    /// was pushed, and this is what the run does next.
    Then(Flow),
    /// The awaitable was already done.
    Ready(Value),
    Suspend(Suspend),
    Error(Rc<Exception>),
}

/// Steps counted per backward jump or call: cheap enough to count everything.
const STEP_BATCH: u64 = 1;

impl Interp {
    /// Run `state` until its frame count drops to `stop` (returning what the frame at that
    /// level returned), an exception leaves those frames, the task suspends, or a
    /// generator yields. `input` is delivered to the top frame first.
    pub fn run(&mut self, state: &mut ExecState, stop: usize, input: Option<Resume>) -> Exit {
        let mut flow = match state.frames.last() {
            Some(Frame::Native(_)) => self.step_native(state, stop, input),
            _ => self.exec(state, stop, input),
        };
        loop {
            match flow {
                Flow::Exit(exit) => return exit,
                Flow::Resume(resume) => {
                    flow = match state.frames.last() {
                        Some(Frame::Native(_)) => self.step_native(state, stop, Some(resume)),
                        _ => self.exec(state, stop, Some(resume)),
                    }
                }
            }
        }
    }

    fn step_native(&mut self, state: &mut ExecState, stop: usize, input: Option<Resume>) -> Flow {
        let Some(Frame::Native(native)) = state.frames.last_mut() else {
            unreachable!("the top frame is native")
        };
        let step = native
            .coro
            .resume(self, input.unwrap_or(Resume::Send(Value::None)));
        match step {
            NativeStep::Yield(suspend) => Flow::Exit(Exit::Suspend(suspend)),
            NativeStep::Return(value) => {
                self.pop_native(state);
                self.deliver(state, stop, Resume::Send(value))
            }
            NativeStep::Raise(exc) => {
                self.pop_native(state);
                self.deliver(state, stop, Resume::Throw(exc))
            }
            NativeStep::Await(awaitable) => self.native_await(state, awaitable),
        }
    }

    /// The native frame on top awaits `awaitable`.
    fn native_await(&mut self, state: &mut ExecState, awaitable: Value) -> Flow {
        match self.begin_await(state, awaitable) {
            AwaitStart::Frame => Flow::Resume(Resume::Send(Value::None)),
            AwaitStart::Then(flow) => flow,
            AwaitStart::Ready(value) => Flow::Resume(Resume::Send(value)),
            AwaitStart::Error(exc) => Flow::Resume(Resume::Throw(exc)),
            AwaitStart::Suspend(suspend) => Flow::Exit(Exit::Suspend(suspend)),
        }
    }

    fn pop_native(&mut self, state: &mut ExecState) {
        if let Some(Frame::Native(NativeFrame {
            owner: Some(owner), ..
        })) = state.frames.pop()
        {
            owner.finish();
        }
    }

    /// A frame finished with `resume` (a value or an exception): hand it to the frame
    /// below, or end the run if that frame is not ours.
    fn deliver(&mut self, state: &mut ExecState, stop: usize, resume: Resume) -> Flow {
        if state.frames.len() <= stop {
            return Flow::Exit(match resume {
                Resume::Send(value) => Exit::Return(value),
                Resume::Throw(exc) => Exit::Raise(exc),
            });
        }
        Flow::Resume(resume)
    }

    /// Start awaiting `awaitable` from the top frame of `state`.
    /// Start awaiting a native coroutine. Its first step runs here: most (`q.get()` with
    /// an item waiting, a free lock) finish at once and need no frame. `owner` is the
    /// coroutine object, when the program made one.
    fn begin_native(
        &mut self,
        state: &mut ExecState,
        mut native: NativeCoro,
        owner: Option<Rc<Coroutine>>,
    ) -> AwaitStart {
        match native.resume(self, Resume::Send(Value::None)) {
            NativeStep::Return(value) => {
                if let Some(owner) = owner {
                    owner.finish();
                }
                AwaitStart::Ready(value)
            }
            NativeStep::Raise(exc) => {
                if let Some(owner) = owner {
                    owner.finish();
                }
                AwaitStart::Error(exc)
            }
            NativeStep::Yield(suspend) => {
                state.frames.push(Frame::Native(NativeFrame {
                    coro: native,
                    owner,
                }));
                AwaitStart::Suspend(suspend)
            }
            NativeStep::Await(awaitable) => {
                state.frames.push(Frame::Native(NativeFrame {
                    coro: native,
                    owner,
                }));
                AwaitStart::Then(self.native_await(state, awaitable))
            }
        }
    }

    fn begin_await(&mut self, state: &mut ExecState, awaitable: Value) -> AwaitStart {
        match awaitable {
            Value::Coroutine(coro) => match coro.take_body() {
                Some(CoroutineBody::Python(code, locals)) => {
                    if state.frames.len() + self.depth >= self.frame_limit {
                        return AwaitStart::Error(recursion_error());
                    }
                    self.push_frame(state, code, locals, Some(coro));
                    state.stack.push(Value::None); // the first send(None), popped by the body
                    AwaitStart::Frame
                }
                Some(CoroutineBody::Native(native)) => self.begin_native(state, native, Some(coro)),
                None => AwaitStart::Error(runtime_error(if coro.is_running() {
                    "coroutine is being awaited already"
                } else {
                    "cannot reuse already awaited coroutine"
                })),
            },
            Value::Future(future) => {
                if future.is_done() {
                    return match future.result() {
                        Ok(value) => AwaitStart::Ready(value),
                        Err(exc) => AwaitStart::Error(exc),
                    };
                }
                if self
                    .current_task
                    .as_ref()
                    .is_some_and(|task| Rc::ptr_eq(task, &future))
                {
                    return AwaitStart::Error(runtime_error(format!(
                        "Task cannot await on itself: {}",
                        future.repr()
                    )));
                }
                AwaitStart::Suspend(Suspend::Future(future))
            }
            Value::Object(object) if self.aiohttp_await(&object).is_some() => {
                let request = self.aiohttp_await(&object).expect("checked");
                self.begin_await(state, request)
            }
            other => AwaitStart::Error(type_error(format!(
                "object {} can't be used in 'await' expression",
                other.type_name()
            ))),
        }
    }

    /// The "Did you mean" hint for an undefined `name` used in `code`: CPython looks in
    /// the frame's local variables, then the module's globals, then the builtins.
    fn suggest_name(&self, code: &Code, name: &str) -> Option<Rc<str>> {
        use super::suggest::{BUILTIN_NAMES, MODULE_DUNDERS, closest};
        let locals = code.nlocals.saturating_sub(code.nfree) as usize;
        let locals: Vec<&str> = code.slot_names[..locals.min(code.slot_names.len())]
            .iter()
            .map(|n| &**n)
            .collect();
        let mut globals: Vec<&str> = MODULE_DUNDERS.to_vec();
        for (slot, value) in self.globals.iter().enumerate() {
            let global = &*self.global_names[slot];
            if !matches!(value, Value::Unbound) && !MODULE_DUNDERS.contains(&global) {
                globals.push(global);
            }
        }
        [locals.as_slice(), globals.as_slice(), BUILTIN_NAMES]
            .into_iter()
            .find_map(|candidates| closest(name, candidates))
            .map(Rc::from)
    }

    /// `dir()` without an argument: the sorted names bound in the scope of `code`, whose
    /// slots start at `locals`.
    fn scope_names(&self, code: &Code, locals: &[Value]) -> Value {
        let mut names: Vec<Rc<str>> = if code.kind == CodeKind::Module {
            let module = &self.modules[code.module as usize];
            self.module_names(module)
        } else {
            code.slot_names
                .iter()
                .zip(locals)
                .filter(|(_, value)| match value {
                    Value::Unbound => false,
                    Value::Cell(cell) => !matches!(*cell.borrow(), Value::Unbound),
                    _ => true,
                })
                .map(|(name, _)| name.clone())
                .collect()
        };
        names.sort();
        Value::list(names.iter().map(|n| Value::str(&**n)).collect())
    }

    /// Propagate an exception from the top frame of `state`.
    fn unwind(&mut self, state: &mut ExecState, mut exc: Rc<Exception>, stop: usize) -> Unwound {
        loop {
            match state.frames.last_mut() {
                Some(Frame::Py(frame)) => {
                    {
                        let mut traceback = exc.traceback.borrow_mut();
                        if traceback.last().map(|entry| entry.frame) != Some(frame.serial) {
                            traceback.push(super::exceptions::TracebackEntry {
                                code: frame.code.clone(),
                                pc: frame.pc.saturating_sub(1),
                                frame: frame.serial,
                                hidden: false,
                                method_lookup: false,
                            });
                        }
                    }
                    if state.handlers.len() > frame.handler_base as usize && self.abort.is_none() {
                        let handler = state.handlers.pop().expect("checked above");
                        state.stack.truncate(handler.stack_depth as usize);
                        state.exc_info.truncate(handler.exc_depth as usize);
                        state.stack.push(Value::Exception(exc));
                        frame.pc = handler.target;
                        return Unwound::Handled;
                    }
                    if self.pop_py_frame(state) && exc.ty == ExcType::StopIteration {
                        // PEP 479: StopIteration cannot escape a coroutine.
                        let error = runtime_error("coroutine raised StopIteration");
                        *error.cause.borrow_mut() = Some(exc.clone());
                        *error.context.borrow_mut() = Some(exc);
                        error.suppress_context.set(true);
                        exc = error;
                    }
                }
                Some(Frame::Native(_)) => return Unwound::Native(exc),
                None => return Unwound::Exit(exc),
            }
            if state.frames.len() <= stop {
                return Unwound::Exit(exc);
            }
            if matches!(state.frames.last(), Some(Frame::Native(_))) {
                return Unwound::Native(exc);
            }
        }
    }

    /// Pop the top (Python) frame; whether it was a coroutine's body.
    fn pop_py_frame(&mut self, state: &mut ExecState) -> bool {
        if let Some(Frame::Py(frame)) = state.frames.pop() {
            state.stack.truncate(frame.floor as usize);
            state.handlers.truncate(frame.handler_base as usize);
            state.exc_info.truncate(frame.exc_base as usize);
            if let Some(coroutine) = frame.coroutine {
                coroutine.finish();
            }
            return frame.coroutine_body;
        }
        false
    }

    /// Set `__context__` of a newly raised exception to the one being handled.
    fn chain_context(&self, state: &ExecState, exc: &Rc<Exception>) {
        if let Some(handled) = state.exc_info.last()
            && !Rc::ptr_eq(handled, exc)
            && exc.context.borrow().is_none()
        {
            *exc.context.borrow_mut() = Some(handled.clone());
        }
    }

    /// Run Python frames.
    #[allow(clippy::too_many_lines)]
    fn exec(&mut self, state: &mut ExecState, stop: usize, input: Option<Resume>) -> Flow {
        // Deliver the input to the top frame.
        match input {
            None => {}
            Some(Resume::Send(value)) => state.stack.push(value),
            Some(Resume::Throw(exc)) => match self.unwind(state, exc, stop) {
                Unwound::Handled => {}
                Unwound::Exit(exc) => return Flow::Exit(Exit::Raise(exc)),
                Unwound::Native(exc) => return Flow::Resume(Resume::Throw(exc)),
            },
        }
        'frames: loop {
            let Some(Frame::Py(frame)) = state.frames.last() else {
                unreachable!("exec runs Python frames")
            };
            let code = frame.code.clone();
            let base = frame.base as usize;
            let mut pc = frame.pc as usize;
            let instrs = &code.instrs[..];

            macro_rules! save_pc {
                () => {
                    if let Some(Frame::Py(frame)) = state.frames.last_mut() {
                        frame.pc = pc as u32;
                    }
                };
            }
            macro_rules! raise {
                ($exc:expr) => {{
                    let exc = $exc;
                    save_pc!();
                    self.chain_context(state, &exc);
                    match self.unwind(state, exc, stop) {
                        Unwound::Handled => continue 'frames,
                        Unwound::Exit(exc) => return Flow::Exit(Exit::Raise(exc)),
                        Unwound::Native(exc) => return Flow::Resume(Resume::Throw(exc)),
                    }
                }};
            }
            macro_rules! reraise {
                ($exc:expr) => {{
                    let exc = $exc;
                    save_pc!();
                    match self.unwind(state, exc, stop) {
                        Unwound::Handled => continue 'frames,
                        Unwound::Exit(exc) => return Flow::Exit(Exit::Raise(exc)),
                        Unwound::Native(exc) => return Flow::Resume(Resume::Throw(exc)),
                    }
                }};
            }
            macro_rules! tri {
                ($result:expr) => {
                    match $result {
                        Ok(value) => value,
                        Err(exc) => raise!(exc),
                    }
                };
            }
            macro_rules! pop {
                () => {
                    state.stack.pop().expect("the compiler balances the stack")
                };
            }
            macro_rules! top {
                () => {
                    state.stack.last().expect("the compiler balances the stack")
                };
            }
            // Push local `slot`, or raise `UnboundLocalError`: `LoadLocal`, and what a fused
            // instruction that starts with one does when its fast path does not apply.
            macro_rules! load_local {
                ($slot:expr) => {{
                    let slot = u32::from($slot);
                    let value = &state.stack[base + slot as usize];
                    if let Value::Unbound = value {
                        raise!(unbound_local(&code, slot));
                    }
                    let value = fast_clone(value);
                    state.stack.push(value);
                }};
            }
            macro_rules! step {
                () => {
                    self.steps += STEP_BATCH;
                    if self.steps > self.step_limit {
                        save_pc!();
                        tri!(self.check_steps(0));
                    }
                };
            }

            // The outcome of a call: push a built-in's result, or run a Python body.
            macro_rules! enter {
                ($callee:expr) => {
                    match $callee {
                        super::call::Callee::Done(value) => {
                            if let Value::Coroutine(coro) = &value
                                && coro.site.get() == 0
                            {
                                let span = code.spans.get(pc - 1).copied().unwrap_or(code.span);
                                coro.site
                                    .set(((code.source.id as u64) << 32) | (span.start as u64 + 1));
                                self.frame_serial += 1;
                                coro.serial.set(self.frame_serial);
                            }
                            if let Some(suspend) = self.suspend_call.take() {
                                save_pc!();
                                return Flow::Exit(Exit::Suspend(suspend));
                            }
                            state.stack.push(value)
                        }
                        super::call::Callee::Frame(code, locals) => {
                            if state.frames.len() + self.depth >= self.frame_limit {
                                raise!(recursion_error());
                            }
                            self.push_frame(state, code, locals, None);
                            continue 'frames;
                        }
                    }
                };
            }

            loop {
                let instr = instrs[pc];
                pc += 1;
                match instr {
                    Instr::LocalConstBinary { left, right, op }
                    | Instr::LocalLocalBinary { left, right, op } => {
                        let value = &state.stack[base + left as usize];
                        let result = match instr {
                            Instr::LocalConstBinary { .. } => fast_binary_const(
                                op,
                                value,
                                &code.consts[right as usize],
                                &code.divisors[right as usize],
                            ),
                            _ => fast_binary(op, value, &state.stack[base + right as usize]),
                        };
                        if let Some(result) = result {
                            // `k = i % 7`: the result goes straight to its slot when the
                            // `Binary` was fused with the `StoreLocal` after it.
                            if let Some(
                                Instr::BinaryStore { slot, .. } | Instr::InPlaceStore { slot, .. },
                            ) = instrs.get(pc + 1)
                            {
                                discard(std::mem::replace(
                                    &mut state.stack[base + *slot as usize],
                                    result,
                                ));
                                pc += 3;
                                continue;
                            }
                            state.stack.push(result);
                            pc += 2;
                            continue;
                        }
                        // As the `LoadLocal(left)` it replaced.
                        load_local!(left);
                    }
                    Instr::LoadLocal2 { a, b } => {
                        let left = &state.stack[base + a as usize];
                        if let Value::Unbound = left {
                            raise!(unbound_local(&code, a.into()));
                        }
                        let left = fast_clone(left);
                        let right = &state.stack[base + b as usize];
                        if let Value::Unbound = right {
                            // As `LoadLocal(a)`; `LoadLocal(b)` then raises.
                            state.stack.push(left);
                            continue;
                        }
                        let right = fast_clone(right);
                        state.stack.push(left);
                        state.stack.push(right);
                        pc += 1;
                    }
                    Instr::ConstBinary { konst, op } => {
                        let right = &code.consts[konst as usize];
                        let len = state.stack.len();
                        let divisor = &code.divisors[konst as usize];
                        if let Some(result) =
                            fast_binary_const(op, &state.stack[len - 1], right, divisor)
                        {
                            discard(std::mem::replace(&mut state.stack[len - 1], result));
                            pc += 1;
                            continue;
                        }
                        state.stack.push(fast_clone(right));
                    }
                    Instr::CompareJumpIfFalse { op, target } => {
                        let len = state.stack.len();
                        if let Some(result) =
                            fast_compare(op, &state.stack[len - 2], &state.stack[len - 1])
                        {
                            discard(pop!());
                            discard(pop!());
                            pc = if result { pc + 1 } else { target as usize };
                            continue;
                        }
                        // As the `Compare(op)` it replaced.
                        let right = pop!();
                        let left = pop!();
                        save_pc!();
                        let value = tri!(self.compare_op(op, &left, &right));
                        state.stack.push(value);
                    }
                    Instr::SubscrLocals { container, key } => {
                        let object = &state.stack[base + container as usize];
                        let index = &state.stack[base + key as usize];
                        if let Some(value) = fast_subscript_of(object, index) {
                            state.stack.push(value);
                            pc += 2;
                            continue;
                        }
                        // As the `LoadLocal(container)` it replaced.
                        load_local!(container);
                    }
                    Instr::StoreSubscrLocals { container, key } => {
                        // The value is on top, above the locals: take it, then index the slots.
                        let value = pop!();
                        let object = &state.stack[base + container as usize];
                        let index = &state.stack[base + key as usize];
                        match fast_store_subscript(object, index, value) {
                            Ok(()) => {
                                pc += 2;
                                continue;
                            }
                            Err(value) => state.stack.push(value),
                        }
                        // As the `LoadLocal(container)` it replaced.
                        load_local!(container);
                    }
                    Instr::ConstCompareJumpIfFalse { konst, op, target } => {
                        let right = &code.consts[konst as usize];
                        let len = state.stack.len();
                        if let Some(result) = fast_compare(op, &state.stack[len - 1], right) {
                            discard(pop!());
                            pc = if result { pc + 2 } else { target as usize };
                            continue;
                        }
                        // As the `LoadConst(konst)` it replaced.
                        state.stack.push(fast_clone(right));
                    }
                    Instr::JumpForIter { head } | Instr::JumpForIterFast { head } => {
                        if let Instr::JumpForIterFast { .. } = instr {
                            let back_edge = pc - 1;
                            let resume = tier::run(
                                &mut state.stack,
                                &code,
                                base,
                                back_edge,
                                &mut self.steps,
                                self.step_limit,
                            );
                            if resume != back_edge {
                                pc = resume;
                                continue;
                            }
                            // Handed back at this back edge: take it as a plain one.
                        }
                        step!();
                        let head = head as usize;
                        let Instr::ForIterStore { target, slot } = instrs[head] else {
                            unreachable!("the peephole pass fuses a jump to a ForIterStore")
                        };
                        match for_iter_fast(&state.stack) {
                            Some(Some(item)) => {
                                discard(std::mem::replace(
                                    &mut state.stack[base + slot as usize],
                                    item,
                                ));
                                // Past the head and the `StoreLocal` it stands for.
                                pc = head + 2;
                            }
                            Some(None) => {
                                pop!();
                                pc = target as usize;
                            }
                            // Another kind of iterator: the head does it.
                            None => pc = head,
                        }
                    }
                    Instr::StoreLoadLocal(slot) => {
                        let value = fast_clone(top!());
                        discard(std::mem::replace(
                            &mut state.stack[base + slot as usize],
                            value,
                        ));
                        pc += 1;
                    }
                    Instr::Nop => {}
                    Instr::Pop => drop_top(&mut state.stack),
                    Instr::Dup => {
                        let value = top!().clone();
                        state.stack.push(value);
                    }
                    Instr::DupTop2 => {
                        let len = state.stack.len();
                        let (a, b) = (state.stack[len - 2].clone(), state.stack[len - 1].clone());
                        state.stack.push(a);
                        state.stack.push(b);
                    }
                    Instr::Rot2 => {
                        let len = state.stack.len();
                        state.stack.swap(len - 1, len - 2);
                    }
                    Instr::Rot3 => {
                        let value = pop!();
                        let len = state.stack.len();
                        state.stack.insert(len - 2, value);
                    }
                    Instr::LoadConst(index) => {
                        state.stack.push(fast_clone(&code.consts[index as usize]))
                    }
                    Instr::LoadNone => state.stack.push(Value::None),
                    Instr::LoadLocal(slot) => load_local!(slot),
                    Instr::StoreLocal(slot) => {
                        let value = pop!();
                        discard(std::mem::replace(
                            &mut state.stack[base + slot as usize],
                            value,
                        ));
                    }
                    Instr::DeleteLocal(slot) => {
                        let old = std::mem::replace(
                            &mut state.stack[base + slot as usize],
                            Value::Unbound,
                        );
                        if let Value::Unbound = old {
                            raise!(Exception::msg(
                                ExcType::UnboundLocalError,
                                format!(
                                    "cannot access local variable '{}' where it is not associated with a value",
                                    code.slot_names[slot as usize]
                                )
                            ));
                        }
                    }
                    Instr::LoadDeref(slot) => {
                        let Value::Cell(cell) = &state.stack[base + slot as usize] else {
                            unreachable!("deref slots hold cells")
                        };
                        let value = cell.borrow().clone();
                        if let Value::Unbound = value {
                            let name = &code.slot_names[slot as usize];
                            let free = slot >= code.nlocals - code.nfree;
                            raise!(if free {
                                Exception::msg(
                                    ExcType::NameError,
                                    format!(
                                        "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                                    ),
                                )
                            } else {
                                Exception::msg(
                                    ExcType::UnboundLocalError,
                                    format!(
                                        "cannot access local variable '{name}' where it is not associated with a value"
                                    ),
                                )
                            });
                        }
                        state.stack.push(value);
                    }
                    Instr::StoreDeref(slot) => {
                        let value = pop!();
                        let Value::Cell(cell) = &state.stack[base + slot as usize] else {
                            unreachable!("deref slots hold cells")
                        };
                        *cell.borrow_mut() = value;
                    }
                    Instr::DeleteDeref(slot) => {
                        let Value::Cell(cell) = &state.stack[base + slot as usize] else {
                            unreachable!("deref slots hold cells")
                        };
                        *cell.borrow_mut() = Value::Unbound;
                    }
                    Instr::LoadClosure(slot) => {
                        let cell = state.stack[base + slot as usize].clone();
                        state.stack.push(cell);
                    }
                    Instr::LoadGlobal(slot) => {
                        let value = match &self.globals[slot as usize] {
                            Value::Unbound => match &self.fallbacks[slot as usize] {
                                Value::Unbound => {
                                    let name = self.global_names[slot as usize].clone();
                                    let error = Exception::msg(
                                        ExcType::NameError,
                                        format!("name '{name}' is not defined"),
                                    );
                                    *error.suggestion.borrow_mut() =
                                        self.suggest_name(&code, &name);
                                    raise!(error);
                                }
                                builtin => builtin.clone(),
                            },
                            value => value.clone(),
                        };
                        state.stack.push(value);
                    }
                    Instr::StoreGlobal(slot) => {
                        let value = pop!();
                        self.globals[slot as usize] = value;
                    }
                    Instr::DeleteGlobal(slot) => {
                        let old =
                            std::mem::replace(&mut self.globals[slot as usize], Value::Unbound);
                        if let Value::Unbound = old {
                            let name = self.global_names[slot as usize].clone();
                            raise!(Exception::msg(
                                ExcType::NameError,
                                format!("name '{name}' is not defined")
                            ));
                        }
                    }
                    Instr::LoadAttr(name) => {
                        let object = pop!();
                        save_pc!();
                        let value = tri!(self.get_attribute(&object, name));
                        state.stack.push(value);
                    }
                    Instr::StoreAttr(name) => {
                        let object = pop!();
                        let value = pop!();
                        if let Value::Module(module) = &object {
                            save_pc!();
                            tri!(self.set_module_attribute(module, name, value));
                        } else {
                            raise!(self.store_attribute_error(&object, name));
                        }
                    }
                    Instr::LoadAssertionError => state.stack.push(Value::Type(
                        &super::value::Type::Exception(ExcType::AssertionError),
                    )),
                    Instr::Subscr => {
                        if let Some(value) = fast_subscript(&state.stack) {
                            discard(pop!());
                            discard(pop!());
                            state.stack.push(value);
                            continue;
                        }
                        let index = pop!();
                        let object = pop!();
                        save_pc!();
                        let value = tri!(self.subscript(&object, &index));
                        state.stack.push(value);
                    }
                    Instr::StoreSubscr => {
                        let index = pop!();
                        let object = pop!();
                        let value = pop!();
                        let value = match fast_store_subscript(&object, &index, value) {
                            Ok(()) => {
                                discard(index);
                                discard(object);
                                continue;
                            }
                            Err(value) => value,
                        };
                        save_pc!();
                        tri!(self.store_subscript(&object, index, value));
                    }
                    Instr::DeleteSubscr => {
                        let index = pop!();
                        let object = pop!();
                        save_pc!();
                        tri!(self.delete_subscript(&object, index));
                    }
                    Instr::BuildSlice(n) => {
                        let step = if n == 3 { pop!() } else { Value::None };
                        let stop_value = pop!();
                        let start = pop!();
                        state.stack.push(Value::Slice(Rc::new(super::value::Slice {
                            start,
                            stop: stop_value,
                            step,
                        })));
                    }
                    Instr::Binary(op)
                    | Instr::InPlace(op)
                    | Instr::BinaryStore { op, .. }
                    | Instr::InPlaceStore { op, .. } => {
                        // Small ints and floats without a call.
                        let len = state.stack.len();
                        if let Some(result) =
                            fast_binary(op, &state.stack[len - 2], &state.stack[len - 1])
                        {
                            discard(pop!());
                            if let Instr::BinaryStore { slot, .. }
                            | Instr::InPlaceStore { slot, .. } = instr
                            {
                                // And the `StoreLocal(slot)` that follows.
                                discard(pop!());
                                discard(std::mem::replace(
                                    &mut state.stack[base + slot as usize],
                                    result,
                                ));
                                pc += 1;
                            } else {
                                discard(std::mem::replace(&mut state.stack[len - 2], result));
                            }
                            continue;
                        }
                        let right = pop!();
                        let left = pop!();
                        save_pc!();
                        let inplace =
                            matches!(instr, Instr::InPlace(_) | Instr::InPlaceStore { .. });
                        let value = tri!(self.binary_op(op, left, right, inplace));
                        state.stack.push(value);
                    }
                    Instr::Unary(op) => {
                        let operand = pop!();
                        save_pc!();
                        let value = tri!(self.unary_op(op, operand));
                        state.stack.push(value);
                    }
                    Instr::Compare(op) => {
                        let len = state.stack.len();
                        if let Some(result) =
                            fast_compare(op, &state.stack[len - 2], &state.stack[len - 1])
                        {
                            discard(pop!());
                            discard(std::mem::replace(
                                &mut state.stack[len - 2],
                                Value::bool(result),
                            ));
                            continue;
                        }
                        let right = pop!();
                        let left = pop!();
                        save_pc!();
                        let value = tri!(self.compare_op(op, &left, &right));
                        state.stack.push(value);
                    }
                    Instr::Jump(target) => {
                        if (target as usize) < pc {
                            step!();
                        }
                        pc = target as usize;
                    }
                    Instr::PopJumpIfFalse(target) => {
                        let value = pop!();
                        let truthy = match value {
                            Value::Bool(b) => b.get(),
                            ref other => other.truthy(),
                        };
                        if !truthy {
                            pc = target as usize;
                        }
                    }
                    Instr::PopJumpIfTrue(target) => {
                        let value = pop!();
                        let truthy = match value {
                            Value::Bool(b) => b.get(),
                            ref other => other.truthy(),
                        };
                        if truthy {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfFalseOrPop(target) => {
                        if top!().truthy() {
                            pop!();
                        } else {
                            pc = target as usize;
                        }
                    }
                    Instr::JumpIfTrueOrPop(target) => {
                        if top!().truthy() {
                            pc = target as usize;
                        } else {
                            pop!();
                        }
                    }
                    Instr::GetIter => {
                        let iterable = pop!();
                        save_pc!();
                        let iterator = tri!(self.get_iter(iterable));
                        state.stack.push(iterator);
                    }
                    Instr::ForIter(target) | Instr::ForIterStore { target, .. } => {
                        let next = match for_iter_fast(&state.stack) {
                            Some(next) => next,
                            None => {
                                let iterator = top!().clone();
                                save_pc!();
                                tri!(self.iter_next(&iterator))
                            }
                        };
                        match (next, instr) {
                            (None, _) => {
                                pop!();
                                pc = target as usize;
                            }
                            // Storing cannot fail: do the `StoreLocal` too, and skip it.
                            (Some(item), Instr::ForIterStore { slot, .. }) => {
                                discard(std::mem::replace(
                                    &mut state.stack[base + slot as usize],
                                    item,
                                ));
                                pc += 1;
                            }
                            (Some(item), _) => state.stack.push(item),
                        }
                    }
                    Instr::BuildTuple(n) => {
                        let items = state.stack.split_off(state.stack.len() - n as usize);
                        state.stack.push(Value::tuple(items));
                    }
                    Instr::BuildList(n) => {
                        let items = state.stack.split_off(state.stack.len() - n as usize);
                        state.stack.push(Value::list(items));
                    }
                    Instr::BuildSet(n) => {
                        let items = state.stack.split_off(state.stack.len() - n as usize);
                        save_pc!();
                        let set = tri!(self.make_set(items, false));
                        state.stack.push(set);
                    }
                    Instr::BuildMap(n) => {
                        let items = state.stack.split_off(state.stack.len() - 2 * n as usize);
                        save_pc!();
                        let dict = tri!(self.make_dict(items));
                        state.stack.push(dict);
                    }
                    Instr::BuildString(n) => {
                        let parts = state.stack.split_off(state.stack.len() - n as usize);
                        let mut text = String::new();
                        for part in &parts {
                            if let Value::Str(s) = part {
                                text.push_str(s.as_str());
                            }
                        }
                        state.stack.push(Value::str(text));
                    }
                    Instr::ListAppend(depth) => {
                        let value = pop!();
                        let len = state.stack.len();
                        if let Value::List(list) = &state.stack[len - depth as usize] {
                            list.borrow_mut().push(value);
                        }
                    }
                    Instr::SetAdd(depth) => {
                        let value = pop!();
                        let len = state.stack.len();
                        let set = state.stack[len - depth as usize].clone();
                        save_pc!();
                        tri!(self.set_add(&set, value));
                    }
                    Instr::MapAdd(depth) => {
                        let value = pop!();
                        let key = pop!();
                        let len = state.stack.len();
                        let dict = state.stack[len - depth as usize].clone();
                        save_pc!();
                        tri!(self.store_subscript(&dict, key, value));
                    }
                    Instr::ListExtend(depth) => {
                        let iterable = pop!();
                        let len = state.stack.len();
                        let list = state.stack[len - depth as usize].clone();
                        save_pc!();
                        let items = tri!(self.collect_iterable_for_unpacking(iterable));
                        if let Value::List(list) = list {
                            list.borrow_mut().extend(items);
                        }
                    }
                    Instr::ArgsExtend => {
                        let iterable = pop!();
                        let len = state.stack.len();
                        save_pc!();
                        if !super::ops::is_iterable(&iterable) {
                            raise!(type_error(format!(
                                "{} argument after * must be an iterable, not {}",
                                self.function_str(&state.stack[len - 2]),
                                iterable.type_name()
                            )));
                        }
                        let items = tri!(self.collect_iterable(iterable));
                        if let Value::List(list) = &state.stack[len - 1] {
                            list.borrow_mut().extend(items);
                        }
                    }
                    Instr::KwargsMerge => {
                        let mapping = pop!();
                        let len = state.stack.len();
                        save_pc!();
                        let (func, kwargs) = (&state.stack[len - 3], &state.stack[len - 1]);
                        tri!(self.merge_kwargs(func, kwargs, mapping));
                    }
                    Instr::SetUpdate(depth) => {
                        let iterable = pop!();
                        let len = state.stack.len();
                        let set = state.stack[len - depth as usize].clone();
                        save_pc!();
                        tri!(self.set_update(&set, iterable));
                    }
                    Instr::DictUpdate(depth) => {
                        let mapping = pop!();
                        let len = state.stack.len();
                        let dict = state.stack[len - depth as usize].clone();
                        save_pc!();
                        tri!(self.dict_merge(&dict, mapping));
                    }
                    Instr::ListToTuple => {
                        let list = pop!();
                        let items = match list {
                            Value::List(list) => list.borrow().clone(),
                            _ => Vec::new(),
                        };
                        state.stack.push(Value::tuple(items));
                    }
                    Instr::FormatValue {
                        conversion,
                        has_spec,
                    } => {
                        let spec = if has_spec { Some(pop!()) } else { None };
                        let value = pop!();
                        save_pc!();
                        if shows_tasks(&value) {
                            self.note_running_line(state);
                        }
                        let text = tri!(self.format_value(value, conversion, spec));
                        state.stack.push(text);
                    }
                    Instr::UnpackSequence(n) => {
                        let sequence = pop!();
                        save_pc!();
                        let items = tri!(self.unpack(sequence, n as usize));
                        state.stack.extend(items.into_iter().rev());
                    }
                    Instr::UnpackEx { before, after } => {
                        let sequence = pop!();
                        save_pc!();
                        let items = tri!(self.unpack_ex(sequence, before as usize, after as usize));
                        state.stack.extend(items.into_iter().rev());
                    }
                    Instr::MakeFunction { code: index, flags } => {
                        let closure = if flags & 4 != 0 {
                            tuple_items(pop!())
                        } else {
                            Vec::new()
                        };
                        let annotations = if flags & 8 != 0 { Some(pop!()) } else { None };
                        let kwdefaults = if flags & 2 != 0 {
                            tuple_items(pop!())
                                .into_iter()
                                .map(|v| {
                                    if let Value::Unbound = v {
                                        None
                                    } else {
                                        Some(v)
                                    }
                                })
                                .collect()
                        } else {
                            Vec::new()
                        };
                        let defaults = if flags & 1 != 0 {
                            tuple_items(pop!())
                        } else {
                            Vec::new()
                        };
                        state.stack.push(Value::Function(Rc::new(Function {
                            code: code.codes[index as usize].clone(),
                            defaults,
                            kwdefaults,
                            closure,
                            annotations,
                        })));
                    }
                    Instr::Call(argc) => {
                        step!();
                        let func_at = state.stack.len() - argc as usize - 1;
                        // A plain Python function with exactly its positional arguments:
                        // the arguments on the stack become its first slots.
                        if let Value::Function(function) = &state.stack[func_at]
                            && function.code.argcount == argc
                            && function.code.kwonlycount == 0
                            && !function.code.has_varargs
                            && !function.code.has_varkw
                        {
                            // `await f(...)` of an `async def`: the coroutine object would
                            // be awaited at once and never seen, so go straight into its
                            // body, as the await would, and resume after the `Await`.
                            let awaited = function.code.kind == CodeKind::Coroutine
                                && matches!(instrs.get(pc), Some(Instr::Await));
                            if function.code.kind == CodeKind::Function || awaited {
                                if state.frames.len() + self.depth >= self.frame_limit {
                                    raise!(recursion_error());
                                }
                                let function = function.clone();
                                if awaited {
                                    pc += 1;
                                }
                                save_pc!();
                                // An awaited body starts past the `Pop` of the first send(None).
                                self.enter_function(state, &function, func_at, awaited);
                                continue 'frames;
                            }
                        }
                        save_pc!();
                        let args = state.stack.split_off(func_at + 1);
                        let func = pop!();
                        if shows_reprs(&func) {
                            self.note_running_line(state);
                        }
                        if argc == 0
                            && matches!(func, Value::Builtin(super::builtins::Builtin::Dir))
                        {
                            // `dir()`: the names of the scope it is called in.
                            let names = self.scope_names(&code, &state.stack[base..]);
                            state.stack.push(names);
                            continue;
                        }
                        enter!(tri!(self.prepare_call(func, args, Vec::new())));
                    }
                    Instr::CallKw(argc) => {
                        step!();
                        save_pc!();
                        let names = tuple_items(pop!());
                        let mut args = state.stack.split_off(state.stack.len() - argc as usize);
                        let func = pop!();
                        let keyword_values = args.split_off(args.len() - names.len());
                        let kwargs = names
                            .into_iter()
                            .zip(keyword_values)
                            .map(|(name, value)| {
                                (Rc::from(name.as_str().unwrap_or_default()), value)
                            })
                            .collect();
                        if shows_reprs(&func) {
                            self.note_running_line(state);
                        }
                        enter!(tri!(self.prepare_call(func, args, kwargs)));
                    }
                    Instr::CallEx { has_kwargs } => {
                        step!();
                        save_pc!();
                        let kwargs = if has_kwargs {
                            tri!(self.kwargs_from_dict(pop!()))
                        } else {
                            Vec::new()
                        };
                        let args = tuple_items(pop!());
                        let func = pop!();
                        enter!(tri!(self.prepare_call(func, args, kwargs)));
                    }
                    Instr::CallMethod { name, argc } | Instr::CallMethodKw { name, argc } => {
                        step!();
                        // `await q.put(x)` on a queue with room, `await q.get()` on one with
                        // an item: CPython's coroutine finishes without suspending, so do its
                        // work here and skip the `Await`.
                        if let Instr::CallMethod { .. } = instr
                            && matches!(instrs.get(pc), Some(Instr::Await))
                            && let Some(result) =
                                self.ready_queue_op(&mut state.stack, name, argc as usize)
                        {
                            pc += 1;
                            let value = tri!(result);
                            state.stack.push(value);
                            continue;
                        }
                        // `await asyncio.sleep(delay)`: the coroutine object could never be
                        // seen, so none is made; its body starts as the `Await` would start it.
                        if let Instr::CallMethod { .. } = instr
                            && name == super::symbol::sym::sleep
                            && matches!(instrs.get(pc), Some(Instr::Await))
                            && let Some(sleep) = direct_sleep(&mut state.stack, argc as usize)
                        {
                            pc += 1;
                            save_pc!();
                            match self.begin_native(state, sleep, None) {
                                AwaitStart::Frame => continue 'frames,
                                AwaitStart::Then(flow) => return flow,
                                AwaitStart::Ready(value) => state.stack.push(value),
                                AwaitStart::Error(exc) => raise!(exc),
                                AwaitStart::Suspend(suspend) => {
                                    return Flow::Exit(Exit::Suspend(suspend));
                                }
                            }
                            continue;
                        }
                        if let Instr::CallMethod { .. } = instr
                            && fast_method(&mut state.stack, name, argc as usize)
                        {
                            continue;
                        }
                        save_pc!();
                        let names = if let Instr::CallMethodKw { .. } = instr {
                            tuple_items(pop!())
                        } else {
                            Vec::new()
                        };
                        let mut args = state.stack.split_off(state.stack.len() - argc as usize);
                        let receiver = pop!();
                        let keyword_values = args.split_off(args.len() - names.len());
                        let kwargs: Vec<(Rc<str>, Value)> = names
                            .into_iter()
                            .zip(keyword_values)
                            .map(|(name, value)| {
                                (Rc::from(name.as_str().unwrap_or_default()), value)
                            })
                            .collect();
                        let callee = match &receiver {
                            Value::Module(_) => {
                                let func = tri!(self.get_attribute(&receiver, name));
                                tri!(self.prepare_call(func, args, kwargs))
                            }
                            _ => match self.call_method(&receiver, name, args, kwargs) {
                                Ok(value) => super::call::Callee::Done(value),
                                Err(exc) => {
                                    if exc.ty == ExcType::AttributeError
                                        && exc.traceback.borrow().is_empty()
                                        && !self.has_method(&receiver, name)
                                    {
                                        method_lookup_failed(state, &exc);
                                    }
                                    raise!(exc)
                                }
                            },
                        };
                        enter!(callee);
                    }
                    Instr::Return => {
                        let value = pop!();
                        self.pop_py_frame(state);
                        if state.frames.len() <= stop {
                            return Flow::Exit(Exit::Return(value));
                        }
                        match state.frames.last() {
                            Some(Frame::Py(_)) => {
                                state.stack.push(value);
                                continue 'frames;
                            }
                            _ => return Flow::Resume(Resume::Send(value)),
                        }
                    }
                    Instr::Await => {
                        let awaitable = pop!();
                        save_pc!();
                        match self.begin_await(state, awaitable) {
                            AwaitStart::Frame => continue 'frames,
                            AwaitStart::Then(flow) => return flow,
                            AwaitStart::Ready(value) => state.stack.push(value),
                            AwaitStart::Error(exc) => raise!(exc),
                            AwaitStart::Suspend(suspend) => {
                                return Flow::Exit(Exit::Suspend(suspend));
                            }
                        }
                    }
                    Instr::Yield => {
                        let value = pop!();
                        save_pc!();
                        return Flow::Exit(Exit::Yield(value));
                    }
                    Instr::SetupHandler(target) => {
                        state.handlers.push(Handler {
                            target,
                            stack_depth: state.stack.len() as u32,
                            exc_depth: state.exc_info.len() as u32,
                        });
                    }
                    Instr::PopHandler => {
                        state.handlers.pop();
                    }
                    Instr::AsyncWithEnter => {
                        let manager = top!().clone();
                        save_pc!();
                        let awaitable = tri!(self.async_enter(&manager));
                        state.stack.push(awaitable);
                    }
                    Instr::AsyncWithExit => {
                        let manager = pop!();
                        save_pc!();
                        let awaitable = tri!(self.async_exit(&manager, None));
                        state.stack.push(awaitable);
                    }
                    Instr::AsyncWithExitExc => {
                        let Value::Exception(exc) = top!().clone() else {
                            unreachable!("the handler pushed an exception")
                        };
                        let manager = state.stack[state.stack.len() - 2].clone();
                        save_pc!();
                        let awaitable = tri!(self.async_exit(&manager, Some(exc)));
                        state.stack.push(awaitable);
                    }
                    Instr::GetAIter => {
                        let iterable = pop!();
                        save_pc!();
                        let iterator = tri!(self.async_iter(iterable));
                        state.stack.push(iterator);
                    }
                    Instr::GetANext => {
                        let iterator = top!().clone();
                        save_pc!();
                        let awaitable = tri!(self.async_next(&iterator));
                        state.stack.push(awaitable);
                    }
                    Instr::EndAsyncFor => {
                        let exc = pop!();
                        match exc {
                            Value::Exception(exc) if exc.ty == ExcType::StopAsyncIteration => {
                                pop!();
                            }
                            Value::Exception(exc) => reraise!(exc),
                            _ => unreachable!("the handler pushed an exception"),
                        }
                    }
                    Instr::StarStart => {
                        let exc = pop!();
                        state.stack.push(exc.clone());
                        state.stack.push(exc);
                        state.stack.push(Value::list(Vec::new()));
                    }
                    Instr::StarMatch => {
                        let kind = pop!();
                        let at = state.stack.len() - 2;
                        let rest = state.stack[at].clone();
                        save_pc!();
                        let (matched, left) = tri!(self.star_match(&rest, &kind));
                        state.stack[at] = left;
                        match matched {
                            Some(matched) => {
                                state.stack.push(Value::Exception(matched));
                                state.stack.push(Value::bool(true));
                            }
                            None => state.stack.push(Value::bool(false)),
                        }
                    }
                    Instr::StarCollect => {
                        let exc = pop!();
                        if let Value::List(raised) = top!() {
                            raised.borrow_mut().push(exc);
                        }
                    }
                    Instr::StarEnd => {
                        let raised = pop!();
                        let rest = pop!();
                        let orig = pop!();
                        let mut excs: Vec<Rc<Exception>> = match raised {
                            Value::List(list) => list
                                .borrow()
                                .iter()
                                .filter_map(|v| match v {
                                    Value::Exception(e) => Some(e.clone()),
                                    _ => None,
                                })
                                .collect(),
                            _ => Vec::new(),
                        };
                        if let Value::Exception(rest) = rest {
                            excs.push(rest);
                        }
                        let Value::Exception(orig) = orig else {
                            unreachable!("the handler pushed an exception")
                        };
                        save_pc!();
                        if let Some(exc) = tri!(self.star_reraise(&orig, excs)) {
                            if exc.traceback.borrow().is_empty()
                                && let Some(Frame::Py(frame)) = state.frames.last()
                            {
                                // A group made here: CPython lists no line of this frame.
                                exc.traceback.borrow_mut().push(
                                    super::exceptions::TracebackEntry {
                                        code: frame.code.clone(),
                                        pc: pc as u32,
                                        frame: frame.serial,
                                        hidden: true,
                                        method_lookup: false,
                                    },
                                );
                            }
                            reraise!(exc);
                        }
                    }
                    Instr::PushExcInfo => {
                        if let Value::Exception(exc) = top!() {
                            let exc = exc.clone();
                            state.exc_info.push(exc);
                        }
                    }
                    Instr::PopExcept => {
                        state.exc_info.pop();
                    }
                    Instr::CheckExcMatch => {
                        let kind = pop!();
                        let exc = top!().clone();
                        save_pc!();
                        let matched = tri!(exception_matches(&exc, &kind));
                        state.stack.push(Value::bool(matched));
                    }
                    Instr::Raise(kind) => {
                        save_pc!();
                        match kind {
                            0 => match state.exc_info.last() {
                                Some(exc) => {
                                    let exc = exc.clone();
                                    reraise!(exc)
                                }
                                None => raise!(runtime_error("No active exception to reraise")),
                            },
                            1 => {
                                let exc = pop!();
                                let exc = tri!(self.exception_from(exc));
                                save_pc!();
                                record_raise(state, &exc);
                                raise!(exc)
                            }
                            _ => {
                                let cause = pop!();
                                let exc = pop!();
                                let exc = tri!(self.exception_from(exc));
                                let cause = match cause {
                                    Value::None => None,
                                    other => Some(tri!(self.exception_from(other).map_err(|_| {
                                        type_error(
                                            "exception causes must derive from BaseException",
                                        )
                                    }))),
                                };
                                *exc.cause.borrow_mut() = cause;
                                exc.suppress_context.set(true);
                                save_pc!();
                                record_raise(state, &exc);
                                raise!(exc)
                            }
                        }
                    }
                    Instr::Reraise => {
                        let exc = pop!();
                        if let Value::Exception(exc) = exc {
                            reraise!(exc);
                        }
                    }
                    Instr::ImportName(index) => {
                        save_pc!();
                        let module = tri!(self.import_name(&code, &code.consts[index as usize]));
                        state.stack.push(module);
                    }
                    Instr::ImportStar => {
                        let module = pop!();
                        save_pc!();
                        tri!(self.import_star(&code, &module));
                    }
                    Instr::ImportFrom(name) => {
                        let module = top!().clone();
                        save_pc!();
                        let value = tri!(self.import_from(&module, name));
                        state.stack.push(value);
                    }
                }
            }
        }
    }

    /// Enter a plain Python function whose arguments sit on the stack above it at `func_at`.
    fn enter_function(
        &mut self,
        state: &mut ExecState,
        function: &Rc<Function>,
        func_at: usize,
        coroutine_body: bool,
    ) {
        let code = function.code.clone();
        let base = func_at + 1;
        // The arguments are the first slots; other locals start unbound.
        let top = base + code.nlocals as usize;
        if state.stack.len() != top {
            state.stack.resize(top, Value::Unbound);
        }
        for &cell in &code.cells {
            let slot = &mut state.stack[base + cell as usize];
            let value = std::mem::replace(slot, Value::Unbound);
            *slot = Value::Cell(Rc::new(std::cell::RefCell::new(value)));
        }
        let free_start = base + (code.nlocals - code.nfree) as usize;
        for (i, cell) in function.closure.iter().enumerate() {
            state.stack[free_start + i] = cell.clone();
        }
        self.frame_serial += 1;
        state.frames.push(Frame::Py(super::PyFrame {
            code,
            pc: u32::from(coroutine_body),
            base: base as u32,
            floor: func_at as u32,
            handler_base: state.handlers.len() as u32,
            exc_base: state.exc_info.len() as u32,
            serial: self.frame_serial,
            coroutine: None,
            coroutine_body,
        }));
    }

    /// Call a Python value from Rust (a built-in calling back into Python).
    pub fn call(&mut self, func: Value, args: Vec<Value>) -> PyResult<Value> {
        self.call_with_kwargs(func, args, Vec::new())
    }

    pub fn call_with_kwargs(
        &mut self,
        func: Value,
        args: Vec<Value>,
        kwargs: Vec<(Rc<str>, Value)>,
    ) -> PyResult<Value> {
        match self.prepare_call(func, args, kwargs)? {
            super::call::Callee::Done(value) => Ok(value),
            super::call::Callee::Frame(code, locals) => {
                if self.depth >= self.frame_limit {
                    return Err(recursion_error());
                }
                let mut state = ExecState::default();
                self.push_frame(&mut state, code, locals, None);
                self.depth += 1;
                let exit = self.run(&mut state, 0, None);
                self.depth -= 1;
                match exit {
                    Exit::Return(value) => Ok(value),
                    Exit::Raise(exc) => Err(exc),
                    Exit::Suspend(_) | Exit::Yield(_) => Err(runtime_error(
                        "a function called from a built-in cannot await",
                    )),
                }
            }
        }
    }

    /// Make the exception object for `raise value`.
    pub(super) fn exception_from(&mut self, value: Value) -> PyResult<Rc<Exception>> {
        match value {
            Value::Exception(exc) => Ok(exc),
            Value::Type(super::value::Type::Exception(ty)) => Ok(Exception::new(*ty, Vec::new())),
            _ => Err(type_error("exceptions must derive from BaseException")),
        }
    }
}

/// Whether calling `func` may show a task's repr (`print`, `repr`, `str`, `format`).
fn shows_reprs(func: &Value) -> bool {
    use super::builtins::Builtin;
    match func {
        Value::Builtin(builtin) => matches!(
            builtin,
            Builtin::Print | Builtin::Repr | Builtin::Format | Builtin::Ascii
        ),
        Value::Type(ty) => matches!(ty, super::value::Type::Str),
        _ => false,
    }
}

/// Whether formatting `value` may show a task's repr.
fn shows_tasks(value: &Value) -> bool {
    matches!(
        value,
        Value::Future(_) | Value::List(_) | Value::Tuple(_) | Value::Set(_) | Value::Dict(_)
    )
}

impl Interp {
    /// Note where the running task's outermost frame is, for its repr (`running at`):
    /// its state is borrowed while it runs (see `TaskData::running_pc`).
    fn note_running_line(&self, state: &ExecState) {
        if let Some(task) = &self.current_task
            && let Some(data) = task.task()
            && let Some(Frame::Py(frame)) = state.frames.first()
            && data
                .coro
                .code
                .as_ref()
                .is_some_and(|c| Rc::ptr_eq(c, &frame.code))
        {
            data.running_pc.set(frame.pc);
        }
    }
}

/// Copy a value, without a call for the common scalars.
#[inline(always)]
fn fast_clone(value: &Value) -> Value {
    match value {
        Value::None => Value::None,
        Value::Bool(b) => Value::Bool(*b),
        Value::Int(i) => Value::Int(*i),
        Value::Float(f) => Value::Float(*f),
        Value::Unbound => Value::Unbound,
        Value::Type(t) => Value::Type(t),
        Value::Builtin(b) => Value::Builtin(*b),
        Value::Loop => Value::Loop,
        Value::Ellipsis => Value::Ellipsis,
        // The containers a loop keeps touching: a reference count, inline.
        Value::Dict(d) => Value::Dict(d.clone()),
        Value::List(l) => Value::List(l.clone()),
        Value::Str(s) => Value::Str(s.clone()),
        other => other.clone(),
    }
}

/// Drop a value, without a call when it owns nothing.
#[inline(always)]
fn discard(value: Value) {
    if owns_nothing(&value) {
        std::mem::forget(value);
        return;
    }
    match value {
        // Dropping a reference that is not the last one: a decrement, inline.
        Value::Dict(d) => drop(d),
        Value::List(l) => drop(l),
        Value::Str(s) => drop(s),
        other => drop(other),
    }
}

/// Drop the value on top of the stack. A value that owns nothing is not read at all: a
/// value just pushed was written as a tag and a payload, and reading it back whole (one
/// 16-byte load) would stall on store forwarding.
#[inline(always)]
fn drop_top(stack: &mut Vec<Value>) {
    if owns_nothing(stack.last().expect("the compiler balances the stack")) {
        std::mem::forget(stack.pop());
    } else {
        drop(stack.pop());
    }
}

/// Whether dropping `value` does nothing.
#[inline(always)]
fn owns_nothing(value: &Value) -> bool {
    matches!(
        value,
        Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Unbound
            | Value::Type(_)
            | Value::Builtin(_)
            | Value::Loop
            | Value::Ellipsis
    )
}

impl Interp {
    /// `q.put(x)` / `q.get()` about to be awaited, when it cannot suspend (room to put, an
    /// item to get): done at once, as its coroutine would do it. `None`: not such a call.
    fn ready_queue_op(
        &mut self,
        stack: &mut Vec<Value>,
        name: super::symbol::Sym,
        argc: usize,
    ) -> Option<PyResult<Value>> {
        use super::object::Object;
        use super::symbol::sym;
        let len = stack.len();
        let Value::Object(object) = &stack[len - argc - 1] else {
            return None;
        };
        let Object::Queue(queue) = &**object else {
            return None;
        };
        let ready = match (name, argc) {
            (sym::put, 1) => !queue.full(),
            (sym::get, 0) => queue.qsize() > 0,
            _ => false,
        };
        if !ready {
            return None;
        }
        let object = object.clone();
        let Object::Queue(queue) = &*object else {
            return None;
        };
        Some(if argc == 1 {
            let item = stack.pop().expect("the argument");
            discard(stack.pop().expect("the receiver"));
            queue.put_nowait(self, item).map(|()| Value::None)
        } else {
            discard(stack.pop().expect("the receiver"));
            queue.get_nowait(self)
        })
    }
}

/// The next item of the iterator on top of the stack, for ranges and lists (the common
/// loops), without a call: `Some(Some(item))`, `Some(None)` when exhausted, `None` for
/// any other iterator.
#[inline(always)]
fn for_iter_fast(stack: &[Value]) -> Option<Option<Value>> {
    let Some(Value::Iterator(iterator)) = stack.last() else {
        return None;
    };
    let mut iter = iterator.borrow_mut();
    match &mut *iter {
        Iter::Range {
            next,
            stop: end,
            step,
        } => {
            let current = *next;
            if (*step > 0 && current < *end) || (*step < 0 && current > *end) {
                *next = current.wrapping_add(*step);
                Some(Some(Value::Int(current)))
            } else {
                Some(None)
            }
        }
        Iter::Seq {
            items: Value::List(list),
            index,
        } => {
            let item = list.borrow().get(*index).cloned();
            if item.is_some() {
                *index += 1;
            }
            Some(item)
        }
        _ => None,
    }
}

/// The error of reading local `slot` before it was assigned.
fn unbound_local(code: &Code, slot: u32) -> Rc<Exception> {
    Exception::msg(
        ExcType::UnboundLocalError,
        format!(
            "cannot access local variable '{}' where it is not associated with a value",
            code.slot_names[slot as usize]
        ),
    )
}

/// `a op b` for two small ints or two floats (and int-float mixes where the int converts
/// exactly), when the result needs no error and no big int; `None` for the general path.
#[inline(always)]
fn fast_binary(op: BinOp, left: &Value, right: &Value) -> Option<Value> {
    match (left, right) {
        (Value::Int(a), Value::Int(b)) => {
            let (a, b) = (*a, *b);
            let result = match op {
                BinOp::Add => a.checked_add(b)?,
                BinOp::Sub => a.checked_sub(b)?,
                BinOp::Mul => a.checked_mul(b)?,
                BinOp::Mod if b > 0 => {
                    if a >= 0 {
                        unsigned_rem(a as u64, b as u64) as i64
                    } else {
                        a.rem_euclid(b)
                    }
                }
                BinOp::FloorDiv if b > 0 => {
                    if a >= 0 {
                        unsigned_div(a as u64, b as u64) as i64
                    } else {
                        a.div_euclid(b)
                    }
                }
                BinOp::BitAnd => a & b,
                BinOp::BitOr => a | b,
                BinOp::BitXor => a ^ b,
                _ => return None,
            };
            Some(Value::Int(result))
        }
        (Value::Float(_), _) | (_, Value::Float(_)) => {
            let exact = |v: &Value| match v {
                Value::Float(f) => Some(f.get()),
                Value::Int(i) if i.unsigned_abs() < (1 << 53) => Some(*i as f64),
                _ => None,
            };
            let (a, b) = (exact(left)?, exact(right)?);
            Some(Value::float(match op {
                BinOp::Add => a + b,
                BinOp::Sub => a - b,
                BinOp::Mul => a * b,
                BinOp::Div if b != 0.0 => a / b,
                _ => return None,
            }))
        }
        _ => None,
    }
}

/// [`fast_binary`] with a constant on the right: `%` and `//` of a non-negative int by a
/// positive constant multiply by its prepared reciprocal instead of dividing.
#[inline(always)]
fn fast_binary_const(
    op: BinOp,
    left: &Value,
    right: &Value,
    divisor: &Option<crate::bytecode::Divisor>,
) -> Option<Value> {
    if let (Value::Int(a), Some(divisor), BinOp::Mod | BinOp::FloorDiv) = (left, divisor, op)
        && *a >= 0
    {
        let a = *a as u64;
        let result = if op == BinOp::Mod {
            a % *divisor
        } else {
            a / *divisor
        };
        return Some(Value::Int(result as i64));
    }
    fast_binary(op, left, right)
}

/// `a % b`, in 32 bits when both fit: a 64-bit divide takes several times as long on
/// many x86 cores, and a loop's `i % 7` waits for it.
#[inline(always)]
fn unsigned_rem(a: u64, b: u64) -> u64 {
    if (a | b) >> 32 == 0 {
        u64::from(a as u32 % b as u32)
    } else {
        a % b
    }
}

/// `a // b` for `a >= 0, b > 0`, as [`unsigned_rem`].
#[inline(always)]
fn unsigned_div(a: u64, b: u64) -> u64 {
    if (a | b) >> 32 == 0 {
        u64::from(a as u32 / b as u32)
    } else {
        a / b
    }
}

/// A comparison of two small ints or two floats.
#[inline(always)]
fn fast_compare(op: CmpOp, left: &Value, right: &Value) -> Option<bool> {
    let ordering = match (left, right) {
        (Value::Int(a), Value::Int(b)) => a.cmp(b),
        (Value::Float(a), Value::Float(b)) => a.get().partial_cmp(&b.get())?,
        _ => return None,
    };
    use std::cmp::Ordering::{Equal, Greater, Less};
    Some(match op {
        CmpOp::Eq => ordering == Equal,
        CmpOp::NotEq => ordering != Equal,
        CmpOp::Lt => ordering == Less,
        CmpOp::LtE => ordering != Greater,
        CmpOp::Gt => ordering == Greater,
        CmpOp::GtE => ordering != Less,
        _ => return None,
    })
}

/// `container[index]` for a list or tuple with an int index in range, or a dict with an
/// int or str key that is present; `None` for the general path (and its errors).
#[inline(always)]
fn fast_subscript(stack: &[Value]) -> Option<Value> {
    let len = stack.len();
    fast_subscript_of(&stack[len - 2], &stack[len - 1])
}

/// `object[index]` for a list, tuple or dict with an int (or, for a dict, str) index
/// that is there; `None` for everything else, errors included.
#[inline(always)]
fn fast_subscript_of(object: &Value, index: &Value) -> Option<Value> {
    let position = |i: i64, n: usize| {
        let at = if i < 0 { i + n as i64 } else { i };
        (0..n as i64).contains(&at).then_some(at as usize)
    };
    match (object, index) {
        (Value::List(list), Value::Int(i)) => {
            let items = list.borrow();
            position(*i, items.len()).map(|at| fast_clone(&items[at]))
        }
        (Value::Tuple(tuple), Value::Int(i)) => {
            position(*i, tuple.0.len()).map(|at| fast_clone(&tuple.0[at]))
        }
        (Value::Dict(dict), key) => {
            let key = KeyRef::scalar(key)?;
            let map = dict.borrow();
            dict_index(&map, key).map(|i| fast_clone(&map[i]))
        }
        _ => None,
    }
}

/// `asyncio.sleep(delay[, result])` with an int or float delay, taken off the stack as the
/// native coroutine it makes (what `modules::call` would wrap in a coroutine object).
fn direct_sleep(stack: &mut Vec<Value>, argc: usize) -> Option<NativeCoro> {
    use super::value::Native;
    if argc != 1 && argc != 2 {
        return None;
    }
    let len = stack.len();
    if !matches!(&stack[len - argc - 1], Value::Module(m) if m.native == Some(Native::Asyncio)) {
        return None;
    }
    let delay = match stack[len - argc] {
        // Rounded to nearest, ties to even, as Python converts an int to a float.
        Value::Int(i) => i as f64,
        Value::Float(f) => f.get(),
        _ => return None,
    };
    let result = if argc == 2 {
        stack.pop().expect("the result")
    } else {
        Value::None
    };
    discard(stack.pop().expect("the delay"));
    discard(stack.pop().expect("the receiver"));
    Some(NativeCoro::Sleep {
        delay,
        result,
        state: super::asyncio::SleepState::Start,
    })
}

/// `object[index] = value` for a dict with an int or str key, or a list with an int index
/// in range; anything else gives the value back for the general path. Old values drop
/// after the container's borrow ends.
#[inline(always)]
fn fast_store_subscript(object: &Value, index: &Value, value: Value) -> Result<(), Value> {
    match (object, index) {
        (Value::Dict(dict), index) => {
            let Some(key) = KeyRef::scalar(index) else {
                return Err(value);
            };
            let mut map = dict.borrow_mut();
            if let Some(at) = dict_index(&map, key) {
                let old = std::mem::replace(&mut map[at], value);
                drop(map);
                discard(old);
            } else {
                let hash = key.hash;
                map.insert(
                    Key {
                        value: fast_clone(index),
                        hash,
                    },
                    value,
                );
            }
            Ok(())
        }
        (Value::List(list), Value::Int(i)) => {
            let len = list.borrow().len() as i64;
            let at = if *i < 0 { i + len } else { *i };
            if !(0..len).contains(&at) {
                return Err(value);
            }
            let old = std::mem::replace(&mut list.borrow_mut()[at as usize], value);
            discard(old);
            Ok(())
        }
        _ => Err(value),
    }
}

/// `list.append(x)` and `dict.get(key[, default])` without building an argument list:
/// the result replaces the receiver on the stack. `false`: not such a call, and the stack
/// is as it was.
#[inline(always)]
fn fast_method(stack: &mut Vec<Value>, name: super::symbol::Sym, argc: usize) -> bool {
    use super::symbol::sym;
    let len = stack.len();
    let receiver = len - argc - 1;
    let result = match (&stack[receiver], name, argc) {
        (Value::List(list), sym::append, 1) => {
            if list.borrow().len() >= super::ops::MAX_ITEMS {
                return false;
            }
            let item = stack.pop().expect("the argument");
            let Value::List(list) = &stack[receiver] else {
                unreachable!("matched above")
            };
            list.borrow_mut().push(item);
            Value::None
        }
        (Value::Dict(dict), sym::get, 1 | 2) => {
            let Some(key) = KeyRef::scalar(&stack[receiver + 1]) else {
                return false;
            };
            let map = dict.borrow();
            let found = dict_index(&map, key).map(|i| fast_clone(&map[i]));
            drop(map);
            let default = if argc == 2 {
                stack.pop().expect("the default")
            } else {
                Value::None
            };
            discard(stack.pop().expect("the key"));
            match found {
                Some(value) => {
                    discard(default);
                    value
                }
                None => default,
            }
        }
        _ => return false,
    };
    discard(std::mem::replace(&mut stack[receiver], result));
    true
}

fn tuple_items(value: Value) -> Vec<Value> {
    match value {
        Value::Tuple(tuple) => match Rc::try_unwrap(tuple) {
            Ok(tuple) => tuple.0,
            Err(shared) => shared.0.clone(),
        },
        _ => Vec::new(),
    }
}

pub fn recursion_error() -> Rc<Exception> {
    Exception::msg(ExcType::RecursionError, "maximum recursion depth exceeded")
}

/// Whether the exception matches an `except` clause's class or tuple of classes.
pub(super) fn exception_matches(exc: &Value, kind: &Value) -> PyResult<bool> {
    let Value::Exception(exc) = exc else {
        return Ok(false);
    };
    match kind {
        Value::Type(super::value::Type::Exception(ty)) => Ok(exc.ty.is_subclass(*ty)),
        Value::Tuple(kinds) => {
            for kind in &kinds.0 {
                if exception_matches(&Value::Exception(exc.clone()), kind)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => Err(type_error(
            "catching classes that do not inherit from BaseException is not allowed",
        )),
    }
}

impl Coroutine {
    /// Whether the coroutine's body is running (awaited and not finished).
    pub fn is_running(&self) -> bool {
        self.running.get()
    }
}

/// The traceback entry of a method call that failed to find its method: CPython's points
/// at `obj.name`, not at the call (see [`super::traceback`]).
fn method_lookup_failed(state: &ExecState, exc: &Exception) {
    if let Some(Frame::Py(frame)) = state.frames.last() {
        exc.traceback
            .borrow_mut()
            .push(super::exceptions::TracebackEntry {
                code: frame.code.clone(),
                pc: frame.pc.saturating_sub(1),
                frame: frame.serial,
                hidden: false,
                method_lookup: true,
            });
    }
}

/// `raise e` of an exception that already left this frame once adds a traceback entry for
/// the new line, as CPython does (a bare `raise` does not: [`Vm::unwind`] skips a frame
/// that is already the last entry).
fn record_raise(state: &ExecState, exc: &Exception) {
    if let Some(Frame::Py(frame)) = state.frames.last() {
        let mut traceback = exc.traceback.borrow_mut();
        if traceback.last().map(|entry| entry.frame) == Some(frame.serial) {
            traceback.push(super::exceptions::TracebackEntry {
                code: frame.code.clone(),
                pc: frame.pc.saturating_sub(1),
                frame: frame.serial,
                hidden: false,
                method_lookup: false,
            });
        }
    }
}
