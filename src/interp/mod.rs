//! The interpreter: runs compiled bytecode, with asyncio's semantics on top of the
//! runtime's scheduler.
//!
//! A program runs in execution states ([`ExecState`]): the module's, one per task, one per
//! generator. Each holds a stack of frames over one value stack. Calling a Python function
//! or awaiting a coroutine pushes a frame on the same state, so neither touches the
//! scheduler or the Rust stack; a task suspends only when it awaits a future that is not
//! done, and then its whole state simply stays where it is until the scheduler steps the
//! task again. Built-ins that call back into Python (`sorted(key=...)`, generators) run a
//! nested state with their own Rust frame, bounded by the recursion limit.
//!
//! Architecture invariant: the interpreter never reads the wall clock, the environment or
//! OS randomness. Time comes from the runtime's clock, randomness from the seeded
//! [`PyRandom`], and everything a program does that a user can observe goes to the output
//! buffer and the [`Trace`].

pub mod agen;
pub mod aiohttp;
pub mod asyncio;
pub mod builtins;
pub mod call;
pub mod exceptions;
pub mod format;
pub mod generator;
pub mod groups;
pub mod hash;
pub mod import;
pub mod modules;
pub mod object;
pub mod ops;
pub mod set;
pub mod strings;
pub mod suggest;
pub mod symbol;
pub mod sync;
pub mod taskgroup;
pub mod threads;
pub mod traceback;
pub mod typing;
pub mod value;
pub(crate) mod vm;
pub mod wait;

use std::rc::Rc;

use crate::bytecode::Code;
use crate::pyrandom::PyRandom;
use crate::runtime::{Clock, Scheduler};
use crate::source::Source;
use crate::trace::{Actor, Event, Trace};
use asyncio::{Future, Handle, LoopState, NativeCoro};
use exceptions::{ExcType, Exception, PyResult};
use symbol::Interner;
use value::Value;

/// CPython's default recursion limit: frames deeper than this raise `RecursionError`.
pub const RECURSION_LIMIT: usize = 1000;

/// The deepest scenario lets a program recurse, whatever `sys.setrecursionlimit` asks for:
/// past it CPython itself would likely overflow its C stack and crash.
pub const MAX_RECURSION_LIMIT: usize = 20_000;

/// A suspended or running Python computation: frames over one value stack.
#[derive(Default)]
pub struct ExecState {
    pub stack: Vec<Value>,
    pub frames: smallvec::SmallVec<[Frame; 2]>,
    pub handlers: Vec<Handler>,
    /// The exceptions being handled (innermost last), for bare `raise` and `__context__`.
    pub exc_info: Vec<Rc<Exception>>,
}

pub enum Frame {
    Py(PyFrame),
    /// A coroutine implemented in Rust (`asyncio.sleep`, `wait_for`, ...).
    Native(NativeFrame),
}

pub struct PyFrame {
    pub code: Rc<Code>,
    pub pc: u32,
    /// The stack index of the first local slot.
    pub base: u32,
    /// The stack length to restore when the frame exits.
    pub floor: u32,
    pub handler_base: u32,
    pub exc_base: u32,
    /// Which activation this is, for tracebacks.
    pub serial: u64,
    /// The coroutine whose body this frame runs, if any.
    pub coroutine: Option<Rc<asyncio::Coroutine>>,
    /// It runs a coroutine's body: with `coroutine`, or without when `await f(...)` went
    /// straight into the body of `f` (the coroutine object could never be seen).
    pub coroutine_body: bool,
}

pub struct NativeFrame {
    pub coro: NativeCoro,
    pub owner: Option<Rc<asyncio::Coroutine>>,
}

/// An exception handler set up by `SetupHandler`.
#[derive(Clone, Copy)]
pub struct Handler {
    pub target: u32,
    pub stack_depth: u32,
    pub exc_depth: u32,
}

/// What a frame is resumed with.
pub enum Resume {
    Send(Value),
    Throw(Rc<Exception>),
}

/// Why a task gave up control.
pub enum Suspend {
    /// `await asyncio.sleep(0)`: resume on the next loop iteration.
    Bare,
    /// Waiting for a future to be done.
    Future(Rc<Future>),
}

/// How running an execution state ended (for now).
pub enum Exit {
    Return(Value),
    Raise(Rc<Exception>),
    Suspend(Suspend),
    /// A generator yielded a value.
    Yield(Value),
}

/// Why a run stopped before the program ended.
#[derive(Clone, Debug, PartialEq)]
pub enum Abort {
    /// Nothing can run and the program is not done: each blocked task and what it waits for.
    Deadlock(Vec<(String, String)>),
    /// `--max-steps`: the number of steps reached.
    StepLimit(u64),
    /// `--max-time`: the virtual time in nanoseconds the next event would have happened at.
    TimeLimit(u64),
    /// A module imported at run time does not compile: its rendered diagnostics.
    Rejected(String),
}

/// The configuration of one run.
#[derive(Clone, Debug)]
pub struct Options {
    pub seed: i64,
    pub real_clock: bool,
    pub max_steps: Option<u64>,
    pub max_time_ns: Option<u64>,
    /// Record the trace (not needed for `--format stdout`).
    pub trace: bool,
    /// What the simulated aiohttp's URLs answer.
    pub http: Rc<aiohttp::HttpConfig>,
    /// `sys.argv`: the program's path as given, then its arguments.
    pub argv: Vec<String>,
    /// `sys.path[0]`: the program's directory, as the program sees it.
    pub path0: String,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            seed: 0,
            real_clock: false,
            max_steps: None,
            max_time_ns: None,
            trace: true,
            http: Rc::default(),
            argv: Vec::new(),
            path0: String::new(),
        }
    }
}

/// How a program ended.
pub enum Ending {
    Finished,
    Uncaught(Rc<Exception>),
    Aborted(Abort),
}

/// A sink for program output as it is written.
pub type Echo = Box<dyn FnMut(&str)>;

/// The interpreter of one program run.
pub struct Interp {
    pub symbols: Interner,
    /// Every file of the program, by `Source::id`: the main file first, then each module
    /// in the order it was loaded.
    pub files: Vec<Rc<Source>>,
    /// Every module object made, by `Module::id` (the main module is 0).
    pub modules: Vec<Rc<import::Module>>,
    /// `sys.modules`, `sys.path` and `sys.argv`: the program can read and change them.
    pub sys_modules: Rc<value::Dict>,
    pub sys_path: Rc<value::List>,
    pub sys_argv: Rc<value::List>,
    /// `sys.getrecursionlimit()`.
    pub recursion_limit: usize,
    /// How deep frames may nest: the recursion limit, at most [`MAX_RECURSION_LIMIT`].
    pub frame_limit: usize,
    /// Where imported modules come from.
    pub loader: Box<dyn import::Loader>,
    /// `sys.stdout` and `sys.stderr`.
    pub streams: [Value; 2],
    /// `sys.version_info`: one object per run, as in CPython.
    pub version_info: Value,
    /// The global slots of every module (see [`import`]).
    pub globals: Vec<Value>,
    pub global_names: Vec<Rc<str>>,
    /// What each global slot falls back to when unset: a builtin, or `Unbound`.
    pub fallbacks: Vec<Value>,
    /// What the program printed.
    pub stdout: String,
    /// What the program wrote to stderr (warnings, tracebacks).
    pub stderr: String,
    pub trace: Trace,
    pub rng: PyRandom,
    pub sched: Scheduler<Handle>,
    pub event_loop: Option<LoopState>,
    /// Every task created, in creation order.
    pub tasks: Vec<Rc<Future>>,
    pub current_task: Option<Rc<Future>>,
    /// The number in the next default task name (`Task-N`).
    pub task_counter: u64,
    pub frame_serial: u64,
    /// Nested Rust-level runs (built-ins calling Python), for the recursion limit.
    pub depth: usize,
    pub steps: u64,
    pub step_limit: u64,
    pub abort: Option<Abort>,
    pub options: Options,
    /// Where program output also goes as it is written (the CLI's stdout), if anywhere.
    pub echo: Option<Echo>,
    /// The done callback the loop is running, if any (for the trace).
    pub callback: Option<Rc<str>>,
    /// A SystemExit or KeyboardInterrupt raised in a task or callback: it stops the loop
    /// and propagates out of `asyncio.run`, as CPython re-raises them from `Task.__step`.
    pub escaping: Option<Rc<Exception>>,
    /// The worker thread running now (`to_thread`), if any.
    pub current_thread: Option<Rc<threads::Thread>>,
    /// The nesting depth the current worker runs at.
    pub thread_depth: usize,
    pub executor: threads::Executor,
    /// A call that suspends its caller (`time.sleep` in a worker).
    pub suspend_call: Option<Suspend>,
    /// Asynchronous generators that have started, for `shutdown_asyncgens()`.
    pub asyncgens: Vec<std::rc::Weak<object::Object>>,
    /// `loop.close()` was called on the old-style loop (`get_event_loop()`).
    pub loop_closed: bool,
    /// `loop.set_exception_handler(handler)`
    pub exception_handler: Option<Value>,
    /// `typing`'s registry of overloads and its `AnyStr`.
    pub typing: typing::State,
}

impl Interp {
    /// An interpreter for one run, whose modules come from `loader`. Give it the main
    /// program with [`Interp::main_module`], then run that with [`Interp::run_module`].
    pub fn new(main: Rc<Source>, loader: Box<dyn import::Loader>, options: Options) -> Interp {
        agen::clear_abandoned();
        asyncio::take_unawaited();
        let mut rng = PyRandom::new();
        rng.seed_i64(options.seed);
        let clock = if options.real_clock {
            Clock::real()
        } else {
            Clock::virtual_clock()
        };
        let mut path = vec![Value::str(options.path0.as_str())];
        path.extend(import::STDLIB_PATH.iter().map(|p| Value::str(*p)));
        let argv = options
            .argv
            .iter()
            .map(|a| Value::str(a.as_str()))
            .collect();
        Interp {
            symbols: Interner::default(),
            files: vec![main],
            modules: Vec::new(),
            sys_modules: Rc::new(std::cell::RefCell::new(value::DictMap::default())),
            sys_path: Rc::new(std::cell::RefCell::new(path)),
            sys_argv: Rc::new(std::cell::RefCell::new(argv)),
            recursion_limit: RECURSION_LIMIT,
            frame_limit: RECURSION_LIMIT,
            loader,
            streams: [false, true].map(|e| Value::Object(Rc::new(object::Object::Stream(e)))),
            version_info: object::version_info(),
            globals: Vec::new(),
            global_names: Vec::new(),
            fallbacks: Vec::new(),
            stdout: String::new(),
            stderr: String::new(),
            trace: Trace::new(options.trace),
            rng,
            sched: Scheduler::new(clock, options.max_time_ns),
            event_loop: None,
            tasks: Vec::new(),
            current_task: None,
            task_counter: 0,
            frame_serial: 0,
            depth: 0,
            steps: 0,
            step_limit: options.max_steps.unwrap_or(u64::MAX),
            abort: None,
            options,
            echo: None,
            callback: None,
            escaping: None,
            current_thread: None,
            thread_depth: 0,
            executor: threads::Executor::default(),
            suspend_call: None,
            asyncgens: Vec::new(),
            loop_closed: false,
            exception_handler: None,
            typing: typing::State::default(),
        }
    }

    /// Run the module to its end.
    pub fn run_module(&mut self, code: Rc<Code>) -> Ending {
        let mut state = ExecState::default();
        self.push_frame(&mut state, code, Vec::new(), None);
        let exit = self.run(&mut state, 0, None);
        if let Some(abort) = self.abort.take() {
            return Ending::Aborted(abort);
        }
        match exit {
            Exit::Return(_) => Ending::Finished,
            Exit::Raise(exc) => Ending::Uncaught(exc),
            Exit::Suspend(_) | Exit::Yield(_) => unreachable!("module code cannot await or yield"),
        }
    }

    /// Push a frame for `code` with its slots `locals` (missing ones unbound) on `state`.
    pub fn push_frame(
        &mut self,
        state: &mut ExecState,
        code: Rc<Code>,
        mut locals: Vec<Value>,
        coroutine: Option<Rc<asyncio::Coroutine>>,
    ) {
        locals.resize(code.nlocals as usize, Value::Unbound);
        let floor = state.stack.len() as u32;
        state.stack.extend(locals);
        self.frame_serial += 1;
        state.frames.push(Frame::Py(PyFrame {
            code,
            pc: 0,
            base: floor,
            floor,
            handler_base: state.handlers.len() as u32,
            exc_base: state.exc_info.len() as u32,
            serial: self.frame_serial,
            coroutine_body: coroutine.is_some(),
            coroutine,
        }));
    }

    /// Record a trace event for the current task (or the module).
    pub fn event(&mut self, event: Event) {
        if self.trace.enabled() {
            if let Some(thread) = &self.current_thread {
                let now = self.sched.clock.now_ns();
                let actor = Actor::Thread(thread.index, thread.func_name.clone());
                self.trace.push(now, actor, event);
                return;
            }
            let actor = match (&self.current_task, &self.callback) {
                (Some(task), _) => Actor::Task(task.id),
                (None, Some(name)) => Actor::Callback(name.clone()),
                (None, None) => Actor::Module,
            };
            let now = self.sched.clock.now_ns();
            self.trace.push(now, actor, event);
        }
    }

    /// Write program output (print).
    pub fn write_stdout(&mut self, text: &str) {
        self.stdout.push_str(text);
        if let Some(echo) = &mut self.echo {
            echo(text);
        }
        if self.trace.enabled() {
            self.event(Event::Printed(text.into()));
        }
    }

    /// How the trace names a function: its qualified name, after its module's name when
    /// that is not the main program's (`0-basic_async_syntax.wait_random`), so that two
    /// files' functions of the same name are told apart.
    pub fn trace_name(&self, code: Option<&Code>, qualname: &str) -> String {
        match code.map(|code| code.module) {
            Some(module) if module != 0 => match self.modules.get(module as usize) {
                Some(module) => format!("{}.{qualname}", module.name),
                None => qualname.to_string(),
            },
            _ => qualname.to_string(),
        }
    }

    /// Write to `sys.stdout` (false) or `sys.stderr` (true).
    pub fn write_stream(&mut self, stderr: bool, text: &str) {
        if stderr {
            self.stderr.push_str(text);
        } else {
            self.write_stdout(text);
        }
    }

    /// `sys.stdout` (false) or `sys.stderr` (true): one object each per run.
    pub fn stream(&self, stderr: bool) -> Value {
        self.streams[stderr as usize].clone()
    }

    /// Count one step; past the limit, abort the run.
    pub fn check_steps(&mut self, steps: u64) -> PyResult<()> {
        self.steps += steps;
        if self.steps > self.step_limit && self.abort.is_none() {
            self.abort = Some(Abort::StepLimit(self.step_limit));
        }
        if self.abort.is_some() {
            return Err(Exception::new(ExcType::SystemExit, Vec::new()));
        }
        Ok(())
    }
}
