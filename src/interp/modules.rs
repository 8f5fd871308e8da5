//! The modules a scenario can import: `asyncio`, `random` and `time` (and `typing`,
//! whose members live in [`super::typing`]).
//!
//! `random` is CPython's Mersenne Twister bit for bit ([`crate::pyrandom`]), seeded from
//! the run's seed. `time` reads the loop's virtual clock, as `../shared/oracle/vclock.py`
//! does for CPython: `time.time()` is a fixed epoch plus the clock, and `time.sleep` is a
//! blocking sleep that moves the clock while nothing else runs.

// Method and attribute symbols are named exactly as in Python (`sym::append`).
#![allow(non_upper_case_globals)]

use std::rc::Rc;

use num_bigint::BigInt;

use super::Interp;
use super::asyncio::{Coroutine, NativeCoro, SleepState, WaitFor};
use super::builtins::{Builtin, bind, index_arg};
use super::exceptions::{ExcType, Exception, PyResult, type_error, value_error};
use super::ops::int_to_float;
use super::symbol::{Sym, sym};
use super::value::{Native, Type, Value};
use crate::pyrandom::RandomError;
use crate::trace::Event;

/// What `time.time()` adds to the virtual clock (the oracle's epoch).
pub const EPOCH: f64 = 1_700_000_000.0;

/// `dir()` of a built-in module, as CPython 3.11 lists it.
pub fn dir_of(module: Native) -> &'static [&'static str] {
    match module {
        Native::Asyncio | Native::Random | Native::Time | Native::Typing => {
            super::suggest::dir_named(&format!("module {}", module.name())).unwrap_or(&[])
        }
        Native::Sys => SYS_NAMES,
        Native::Importlib => &["import_module", "invalidate_caches", "reload"],
        Native::Future => &["annotations"],
        Native::Aiohttp => &["ClientResponse", "ClientSession"],
        Native::AsyncioExceptions => &[
            "BrokenBarrierError",
            "CancelledError",
            "IncompleteReadError",
            "InvalidStateError",
            "LimitOverrunError",
            "SendfileNotAvailableError",
            "TimeoutError",
        ],
    }
}

/// The names of `sys` that scenario implements.
const SYS_NAMES: &[&str] = &[
    "argv",
    "exit",
    "getrecursionlimit",
    "maxsize",
    "modules",
    "path",
    "platform",
    "setrecursionlimit",
    "stderr",
    "stdout",
    "version",
    "version_info",
];

/// A module's attribute.
pub fn member(interp: &Interp, module: Native, name: Sym) -> Option<Value> {
    use sym::*;
    if module == Native::AsyncioExceptions {
        let text = &**interp.symbols.name(name);
        return matches!(
            text,
            "BrokenBarrierError" | "CancelledError" | "InvalidStateError" | "TimeoutError"
        )
        .then(|| member(interp, Native::Asyncio, name))
        .flatten();
    }
    if module == Native::Typing {
        let text = interp.symbols.name(name).clone();
        return super::typing::member(interp, &text);
    }
    if let Some(class) = class_member(interp, module, name) {
        return Some(class);
    }
    let builtin = match (module, name) {
        (Native::Asyncio, run) => Builtin::AsyncioRun,
        (Native::Asyncio, timeout) => Builtin::AsyncioTimeout,
        (Native::Asyncio, timeout_at) => Builtin::AsyncioTimeoutAt,
        (Native::Asyncio, wait) => Builtin::AsyncioWait,
        (Native::Asyncio, shield) => Builtin::AsyncioShield,
        (Native::Asyncio, to_thread) => Builtin::AsyncioToThread,
        (Native::Asyncio, _) if &**interp.symbols.name(name) == "new_event_loop" => {
            Builtin::AsyncioNewEventLoop
        }
        (Native::Asyncio, _) if &**interp.symbols.name(name) == "set_event_loop" => {
            Builtin::AsyncioSetEventLoop
        }
        (Native::Asyncio, sleep) => Builtin::AsyncioSleep,
        (Native::Asyncio, gather) => Builtin::AsyncioGather,
        (Native::Asyncio, create_task) => Builtin::AsyncioCreateTask,
        (Native::Asyncio, ensure_future) => Builtin::AsyncioEnsureFuture,
        (Native::Asyncio, wait_for) => Builtin::AsyncioWaitFor,
        (Native::Asyncio, as_completed) => Builtin::AsyncioAsCompleted,
        (Native::Asyncio, get_running_loop) => Builtin::AsyncioGetRunningLoop,
        (Native::Asyncio, get_event_loop) => Builtin::AsyncioGetEventLoop,
        (Native::Asyncio, current_task) => Builtin::AsyncioCurrentTask,
        (Native::Asyncio, all_tasks) => Builtin::AsyncioAllTasks,
        (Native::Asyncio, iscoroutine) => Builtin::AsyncioIscoroutine,
        (Native::Asyncio, iscoroutinefunction) => Builtin::AsyncioIscoroutinefunction,
        (Native::Asyncio, _) if &**interp.symbols.name(name) == "isfuture" => {
            Builtin::AsyncioIsfuture
        }
        (Native::Asyncio, CancelledError) => {
            return Some(Value::Type(&Type::Exception(ExcType::CancelledError)));
        }
        (Native::Asyncio, TimeoutError) => {
            return Some(Value::Type(&Type::Exception(ExcType::TimeoutError)));
        }
        (Native::Asyncio, InvalidStateError) => {
            return Some(Value::Type(&Type::Exception(ExcType::InvalidStateError)));
        }
        (Native::Asyncio, Task) => return Some(Value::Type(&Type::Task)),
        (Native::Asyncio, Future) => return Some(Value::Type(&Type::Future)),
        (Native::Random, seed) => Builtin::RandomSeed,
        (Native::Random, random) => Builtin::RandomRandom,
        (Native::Random, uniform) => Builtin::RandomUniform,
        (Native::Random, randint) => Builtin::RandomRandint,
        (Native::Random, randrange) => Builtin::RandomRandrange,
        (Native::Random, choice) => Builtin::RandomChoice,
        (Native::Random, choices) => Builtin::RandomChoices,
        (Native::Random, shuffle) => Builtin::RandomShuffle,
        (Native::Random, sample) => Builtin::RandomSample,
        (Native::Random, getrandbits) => Builtin::RandomGetrandbits,
        (Native::Random, gauss) => Builtin::RandomGauss,
        (Native::Random, normalvariate) => Builtin::RandomNormalvariate,
        (Native::Random, expovariate) => Builtin::RandomExpovariate,
        (Native::Random, triangular) => Builtin::RandomTriangular,
        (Native::Time, time) => Builtin::TimeTime,
        (Native::Time, monotonic) => Builtin::TimeMonotonic,
        (Native::Time, perf_counter) => Builtin::TimePerfCounter,
        (Native::Time, sleep) => Builtin::TimeSleep,
        (Native::Time, time_ns) => Builtin::TimeTimeNs,
        (Native::Time, monotonic_ns) => Builtin::TimeMonotonicNs,
        (Native::Time, perf_counter_ns) => Builtin::TimePerfCounterNs,
        (Native::Sys | Native::Importlib | Native::Future, _) => {
            return other_member(interp, module, name);
        }
        _ => return None,
    };
    Some(Value::Builtin(builtin))
}

/// The members of `sys`, `importlib` and `__future__`.
fn other_member(interp: &Interp, module: Native, name: Sym) -> Option<Value> {
    let text = &**interp.symbols.name(name);
    let builtin = match (module, text) {
        (Native::Sys, "argv") => return Some(Value::List(interp.sys_argv.clone())),
        (Native::Sys, "path") => return Some(Value::List(interp.sys_path.clone())),
        (Native::Sys, "modules") => return Some(Value::Dict(interp.sys_modules.clone())),
        (Native::Sys, "maxsize") => return Some(Value::Int(i64::MAX)),
        (Native::Sys, "platform") => return Some(Value::str("linux")),
        (Native::Sys, "version") => return Some(Value::str(SYS_VERSION)),
        (Native::Sys, "version_info") => return Some(interp.version_info.clone()),
        (Native::Sys, "stdout") => return Some(interp.stream(false)),
        (Native::Sys, "stderr") => return Some(interp.stream(true)),
        (Native::Sys, "exit") => Builtin::SysExit,
        (Native::Sys, "getrecursionlimit") => Builtin::SysGetrecursionlimit,
        (Native::Sys, "setrecursionlimit") => Builtin::SysSetrecursionlimit,
        (Native::Importlib, "import_module") => Builtin::ImportlibImportModule,
        (Native::Future, "annotations") => {
            return Some(Value::str("_Feature((3, 7, 0, 'beta', 1), None, 16777216)"));
        }
        _ => return None,
    };
    Some(Value::Builtin(builtin))
}

/// `sys.version`, as a CPython 3.11.7 built with GCC 12 on Debian shows it.
pub const SYS_VERSION: &str = "3.11.7 (main, Dec  8 2023, 18:56:57) [GCC 12.2.0]";

/// The classes and constants of asyncio and aiohttp.
fn class_member(interp: &Interp, module: Native, name: Sym) -> Option<Value> {
    use super::object::ObjectKind as K;
    let text = &**interp.symbols.name(name);
    let kind = match (module, text) {
        (Native::Asyncio, "Lock") => K::Lock,
        (Native::Asyncio, "Event") => K::Event,
        (Native::Asyncio, "Condition") => K::Condition,
        (Native::Asyncio, "Semaphore") => K::Semaphore,
        (Native::Asyncio, "BoundedSemaphore") => K::BoundedSemaphore,
        (Native::Asyncio, "Barrier") => K::Barrier,
        (Native::Asyncio, "BrokenBarrierError") => {
            return Some(Value::Type(&Type::Exception(ExcType::BrokenBarrierError)));
        }
        (Native::Asyncio, "Queue") => K::Queue,
        (Native::Asyncio, "LifoQueue") => K::LifoQueue,
        (Native::Asyncio, "PriorityQueue") => K::PriorityQueue,
        (Native::Asyncio, "TaskGroup") => K::TaskGroup,
        (Native::Asyncio, "Timeout") => K::Timeout,
        (Native::Aiohttp, "ClientSession") => K::ClientSession,
        (Native::Aiohttp, "ClientResponse") => K::ClientResponse,
        (Native::Asyncio, "QueueEmpty") => {
            return Some(Value::Type(&Type::Exception(ExcType::QueueEmpty)));
        }
        (Native::Asyncio, "QueueFull") => {
            return Some(Value::Type(&Type::Exception(ExcType::QueueFull)));
        }
        (Native::Asyncio, "FIRST_COMPLETED" | "FIRST_EXCEPTION" | "ALL_COMPLETED") => {
            return Some(Value::str(text));
        }
        _ => return None,
    };
    Some(Value::Type(Type::Native(kind).interned()))
}

fn random_error(error: RandomError) -> Rc<Exception> {
    let ty = match error {
        RandomError::Value(_) => ExcType::ValueError,
        RandomError::Index(_) => ExcType::IndexError,
        RandomError::Type(_) => ExcType::TypeError,
        RandomError::Overflow(_) => ExcType::OverflowError,
        RandomError::ZeroDivision(_) => ExcType::ZeroDivisionError,
    };
    Exception::msg(ty, error.message())
}

fn number(value: &Value) -> PyResult<f64> {
    if !value.is_number() {
        return Err(type_error(format!(
            "must be real number, not {}",
            value.type_name()
        )));
    }
    int_to_float(value)
}

/// An int argument for randrange/randint, with 3.11's handling of integral floats.
fn range_arg(value: &Value, which: crate::pyrandom::RangeArg) -> PyResult<BigInt> {
    match value {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(value.as_bigint().expect("an int")),
        Value::Float(f) => {
            crate::pyrandom::randrange_float_arg(f.get(), which).map_err(random_error)
        }
        other => Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        ))),
    }
}

/// Round a float to an int, half to even (Python's `round(x)`).
fn round_to_int(x: f64) -> Value {
    let rounded = crate::pyfmt::round_half_even(x);
    if rounded.abs() < 9.2e18 {
        Value::Int(rounded as i64)
    } else {
        Value::from_bigint(super::value::big_from_integral_float(rounded))
    }
}

/// Call a module function.
pub fn call(
    interp: &mut Interp,
    builtin: Builtin,
    args: Vec<Value>,
    kwargs: Vec<(Rc<str>, Value)>,
) -> PyResult<Value> {
    let name = builtin.name();
    match builtin {
        // ---------------------------------------------------------------- sys, importlib
        Builtin::SysExit => {
            let bound = bind("exit", args, kwargs, &["status"], 0)?;
            // `sys.exit(None)` raises `SystemExit()`, with no arguments; a tuple becomes the
            // arguments (CPython's `PyErr_SetObject`).
            let args = match bound[0].clone() {
                None | Some(Value::None) => Vec::new(),
                Some(Value::Tuple(items)) => items.0.clone(),
                Some(code) => vec![code],
            };
            Err(Exception::new(ExcType::SystemExit, args))
        }
        Builtin::SysGetrecursionlimit => {
            bind("getrecursionlimit", args, kwargs, &[], 0)?;
            Ok(Value::Int(interp.recursion_limit as i64))
        }
        Builtin::SysSetrecursionlimit => {
            let bound = bind("setrecursionlimit", args, kwargs, &["limit"], 1)?;
            let limit = bound[0].clone().expect("required");
            let Some(limit) = limit.as_i64().filter(|_| limit.is_int()) else {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    limit.type_name()
                )));
            };
            if limit < 1 {
                return Err(value_error(
                    "recursion limit must be greater or equal than 1",
                ));
            }
            let depth = interp.depth + 1;
            if (limit as usize) <= depth {
                return Err(Exception::msg(
                    ExcType::RecursionError,
                    format!(
                        "cannot set the recursion limit to {limit} at the recursion depth {depth}: the limit is too low"
                    ),
                ));
            }
            interp.recursion_limit = limit as usize;
            interp.frame_limit = (limit as usize).min(super::MAX_RECURSION_LIMIT);
            Ok(Value::None)
        }
        Builtin::ImportlibImportModule => {
            let bound = bind("import_module", args, kwargs, &["name", "package"], 1)?;
            let name = bound[0].clone().expect("required");
            let Some(name) = name.as_str() else {
                return Err(Exception::msg(
                    ExcType::AttributeError,
                    format!(
                        "'{}' object has no attribute 'startswith'",
                        name.type_name()
                    ),
                ));
            };
            let package = bound[1].clone().filter(|p| !matches!(p, Value::None));
            let level = name.len() - name.trim_start_matches('.').len();
            let package = match (&package, level) {
                (_, 0) => None,
                (None, _) => {
                    return Err(type_error(format!(
                        "the 'package' argument is required to perform a relative import for {}",
                        Value::str(name).repr()
                    )));
                }
                (Some(package), _) => Some(package.to_str()),
            };
            interp.import(
                &name[level..],
                level,
                package.as_deref(),
                crate::bytecode::ImportMode::Leaf,
            )
        }
        // ---------------------------------------------------------------- asyncio
        Builtin::AsyncioRun => {
            let bound = bind("run", args, kwargs, &["main", "debug"], 1)?;
            interp.asyncio_run(bound[0].clone().expect("required"))
        }
        Builtin::AsyncioSleep => {
            let bound = bind("sleep", args, kwargs, &["delay", "result"], 1)?;
            let delay = bound[0].clone().expect("required");
            let delay = match &delay {
                value if value.is_number() => int_to_float(value)?,
                other => {
                    // CPython fails at `delay <= 0` when the coroutine first runs.
                    let message = format!(
                        "'<=' not supported between instances of '{}' and 'int'",
                        other.type_name()
                    );
                    return Ok(Value::Coroutine(Coroutine::native(
                        "sleep",
                        NativeCoro::Fail(type_error(message)),
                    )));
                }
            };
            let result = bound[1].clone().unwrap_or(Value::None);
            Ok(Value::Coroutine(Coroutine::native(
                "sleep",
                NativeCoro::Sleep {
                    delay,
                    result,
                    state: SleepState::Start,
                },
            )))
        }
        Builtin::AsyncioGather => {
            let mut return_exceptions = false;
            for (key, value) in kwargs {
                if &*key == "return_exceptions" {
                    return_exceptions = value.truthy();
                } else {
                    return Err(type_error(format!(
                        "gather() got an unexpected keyword argument '{key}'"
                    )));
                }
            }
            interp.gather(args, return_exceptions)
        }
        Builtin::AsyncioCreateTask => {
            let bound = bind("create_task", args, kwargs, &["coro", "name", "context"], 1)?;
            interp.require_loop()?;
            let coro = bound[0].clone().expect("required");
            let Value::Coroutine(coro) = coro else {
                return Err(type_error(format!(
                    "a coroutine was expected, got {}",
                    coro.repr()
                )));
            };
            // asyncio.create_task makes the task unnamed (using up a Task-N number), then
            // renames it, as CPython 3.11 does.
            let task = interp.new_task(coro, None, false);
            if let Some(name) = bound[1].clone().filter(|n| !matches!(n, Value::None)) {
                interp.rename_task(&task, Rc::from(name.to_str()), true);
            }
            Ok(Value::Future(task))
        }
        Builtin::AsyncioEnsureFuture => {
            let bound = bind(
                "ensure_future",
                args,
                kwargs,
                &["coro_or_future", "loop"],
                1,
            )?;
            interp
                .ensure_future(bound[0].clone().expect("required"))
                .map(Value::Future)
        }
        Builtin::AsyncioTimeout => {
            let bound = bind(name, args, kwargs, &["delay"], 1)?;
            interp.require_loop()?;
            let when = match bound[0].clone().expect("required") {
                Value::None => None,
                delay if delay.is_number() => {
                    Some(interp.sched.clock.now_seconds() + int_to_float(&delay)?)
                }
                other => {
                    return Err(type_error(format!(
                        "unsupported operand type(s) for +: 'float' and '{}'",
                        other.type_name()
                    )));
                }
            };
            Ok(interp.make_timeout(when))
        }
        Builtin::AsyncioTimeoutAt => {
            let bound = bind(name, args, kwargs, &["when"], 1)?;
            let when = match bound[0].clone().expect("required") {
                Value::None => None,
                when => Some(number(&when)?),
            };
            Ok(interp.make_timeout(when))
        }
        Builtin::AsyncioWait => {
            let bound = bind(name, args, kwargs, &["fs", "timeout", "return_when"], 1)?;
            let timeout = match bound[1].clone() {
                None | Some(Value::None) => None,
                Some(value) => Some(number(&value)?),
            };
            let return_when = bound[2]
                .clone()
                .unwrap_or_else(|| Value::str("ALL_COMPLETED"));
            let call = super::wait::WaitCall::new(
                bound[0].clone().expect("required"),
                timeout,
                return_when,
            );
            Ok(Value::Coroutine(Coroutine::native(
                "wait",
                NativeCoro::Wait(Box::new(call)),
            )))
        }
        Builtin::AsyncioShield => {
            let bound = bind(name, args, kwargs, &["arg"], 1)?;
            interp.shield(bound[0].clone().expect("required"))
        }
        Builtin::AsyncioToThread => {
            if args.is_empty() {
                return Err(type_error(
                    "to_thread() missing 1 required positional argument: 'func'",
                ));
            }
            let mut args = args;
            let func = args.remove(0);
            interp.to_thread(func, args, kwargs)
        }
        Builtin::AsyncioWaitFor => {
            let bound = bind("wait_for", args, kwargs, &["fut", "timeout"], 2)?;
            let awaitable = bound[0].clone().expect("required");
            let timeout = bound[1].clone().expect("required");
            Ok(Value::Coroutine(Coroutine::native(
                "wait_for",
                NativeCoro::WaitFor(Box::new(WaitFor::new(awaitable, timeout))),
            )))
        }
        Builtin::AsyncioAsCompleted => {
            let bound = bind("as_completed", args, kwargs, &["fs", "timeout"], 1)?;
            let timeout = match bound[1].clone() {
                None | Some(Value::None) => None,
                Some(value) => Some(number(&value)?),
            };
            interp.as_completed(bound[0].clone().expect("required"), timeout)
        }
        Builtin::AsyncioGetRunningLoop => {
            bind(name, args, kwargs, &[], 0)?;
            interp.require_loop()?;
            Ok(Value::Loop)
        }
        // 3.11 still gives the main thread a loop when none runs (the old style:
        // `loop = asyncio.get_event_loop(); loop.run_until_complete(main())`).
        Builtin::AsyncioGetEventLoop | Builtin::AsyncioNewEventLoop => {
            bind(name, args, kwargs, &[], 0)?;
            if interp.event_loop.is_none() {
                interp.loop_closed = false;
            }
            Ok(Value::Loop)
        }
        Builtin::AsyncioSetEventLoop => {
            bind(name, args, kwargs, &["loop"], 1)?;
            Ok(Value::None)
        }
        Builtin::AsyncioCurrentTask => {
            bind(name, args, kwargs, &["loop"], 0)?;
            interp.require_loop()?;
            Ok(interp
                .current_task
                .clone()
                .map_or(Value::None, Value::Future))
        }
        Builtin::AsyncioAllTasks => {
            bind(name, args, kwargs, &["loop"], 0)?;
            interp.require_loop()?;
            let pending: Vec<Value> = interp
                .tasks
                .iter()
                .filter(|t| !t.is_done() && !t.task().is_some_and(|d| d.hidden))
                .map(|t| Value::Future(t.clone()))
                .collect();
            interp.make_set(pending, false)
        }
        Builtin::AsyncioIscoroutine => {
            let bound = bind(name, args, kwargs, &["object"], 1)?;
            Ok(Value::bool(matches!(bound[0], Some(Value::Coroutine(_)))))
        }
        Builtin::AsyncioIscoroutinefunction => {
            let bound = bind(name, args, kwargs, &["func"], 1)?;
            Ok(Value::bool(matches!(
                &bound[0],
                Some(Value::Function(f)) if f.code.kind == crate::bytecode::CodeKind::Coroutine
            )))
        }
        Builtin::AsyncioIsfuture => {
            let bound = bind(name, args, kwargs, &["obj"], 1)?;
            Ok(Value::bool(matches!(bound[0], Some(Value::Future(_)))))
        }
        // ---------------------------------------------------------------- random
        Builtin::RandomSeed => {
            let bound = bind("seed", args, kwargs, &["a", "version"], 0)?;
            match bound[0].clone() {
                None | Some(Value::None) => interp.rng.seed_i64(interp.options.seed),
                Some(Value::Int(i)) => interp.rng.seed_i64(i),
                Some(Value::Bool(b)) => interp.rng.seed_i64(i64::from(b.get())),
                Some(Value::BigInt(b)) => interp.rng.seed_int(&b),
                Some(Value::Float(f)) => interp.rng.seed_float(f.get()),
                Some(Value::Str(s)) => interp.rng.seed_str(s.as_str()),
                Some(other) => {
                    return Err(type_error(format!(
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray. (got {})",
                        other.type_name()
                    )));
                }
            }
            Ok(Value::None)
        }
        Builtin::RandomRandom => {
            bind(name, args, kwargs, &[], 0)?;
            Ok(Value::float(interp.rng.random()))
        }
        Builtin::RandomUniform => {
            let bound = bind(name, args, kwargs, &["a", "b"], 2)?;
            let (a, b) = (
                number(bound[0].as_ref().expect("required"))?,
                number(bound[1].as_ref().expect("required"))?,
            );
            Ok(Value::float(interp.rng.uniform(a, b)))
        }
        Builtin::RandomRandint => {
            let bound = bind(name, args, kwargs, &["a", "b"], 2)?;
            let (a, b) = (
                bound[0].clone().expect("required"),
                bound[1].clone().expect("required"),
            );
            if let (Some(a), Some(b)) = (a.as_i64(), b.as_i64()) {
                return interp
                    .rng
                    .randint_i64(a, b)
                    .map(Value::Int)
                    .map_err(random_error);
            }
            let start = range_arg(&a, crate::pyrandom::RangeArg::Start)?;
            let stop = match &b {
                Value::Float(f) => {
                    range_arg(
                        &Value::float(f.get() + 1.0),
                        crate::pyrandom::RangeArg::Stop,
                    )? - 1
                }
                other => range_arg(other, crate::pyrandom::RangeArg::Stop)?,
            };
            interp
                .rng
                .randint(&start, &stop)
                .map(Value::from_bigint)
                .map_err(random_error)
        }
        Builtin::RandomRandrange => {
            let bound = bind(name, args, kwargs, &["start", "stop", "step"], 1)?;
            let start = range_arg(
                bound[0].as_ref().expect("required"),
                crate::pyrandom::RangeArg::Start,
            )?;
            let stop = match &bound[1] {
                None | Some(Value::None) => None,
                Some(v) => Some(range_arg(v, crate::pyrandom::RangeArg::Stop)?),
            };
            let step = match &bound[2] {
                None => None,
                Some(v) => Some(range_arg(v, crate::pyrandom::RangeArg::Step)?),
            };
            if stop.is_none() && step.as_ref().is_some_and(|s| *s != BigInt::from(1)) {
                return Err(type_error("Missing a non-None stop argument"));
            }
            interp
                .rng
                .randrange(&start, stop.as_ref(), step.as_ref())
                .map(Value::from_bigint)
                .map_err(random_error)
        }
        Builtin::RandomChoice => {
            let bound = bind(name, args, kwargs, &["seq"], 1)?;
            let sequence = bound[0].clone().expect("required");
            let len = interp.len(&sequence)?;
            let index = interp.rng.choice(len).map_err(random_error)?;
            interp.subscript(&sequence, &Value::Int(index as i64))
        }
        Builtin::RandomChoices => {
            let bound = bind(
                name,
                args,
                kwargs,
                &["population", "weights", "cum_weights", "k"],
                1,
            )?;
            let population = interp.collect_iterable(bound[0].clone().expect("required"))?;
            let weights =
                |interp: &mut Interp, value: &Option<Value>| -> PyResult<Option<Vec<f64>>> {
                    match value {
                        None | Some(Value::None) => Ok(None),
                        Some(v) => {
                            let items = interp.collect_iterable(v.clone())?;
                            Ok(Some(
                                items.iter().map(number).collect::<PyResult<Vec<f64>>>()?,
                            ))
                        }
                    }
                };
            let w = weights(interp, &bound[1])?;
            let cw = weights(interp, &bound[2])?;
            let k = match &bound[3] {
                Some(v) => index_arg(v)?.max(0) as usize,
                None => 1,
            };
            let picks = interp
                .rng
                .choices(population.len(), w.as_deref(), cw.as_deref(), k)
                .map_err(random_error)?;
            let mut chosen = Vec::with_capacity(picks.len());
            for index in picks {
                match population.get(index) {
                    Some(item) => chosen.push(item.clone()),
                    None => {
                        return Err(Exception::msg(
                            ExcType::IndexError,
                            "list index out of range",
                        ));
                    }
                }
            }
            Ok(Value::list(chosen))
        }
        Builtin::RandomShuffle => {
            let bound = bind(name, args, kwargs, &["x"], 1)?;
            match bound[0].clone().expect("required") {
                Value::List(list) => {
                    interp.rng.shuffle(&mut list.borrow_mut());
                    Ok(Value::None)
                }
                other => Err(type_error(format!(
                    "'{}' object does not support item assignment",
                    other.type_name()
                ))),
            }
        }
        Builtin::RandomSample => {
            let bound = bind(name, args, kwargs, &["population", "k", "counts"], 2)?;
            let population = bound[0].clone().expect("required");
            if !matches!(
                population,
                Value::List(_) | Value::Tuple(_) | Value::Str(_) | Value::Range(_)
            ) {
                return Err(type_error(
                    "Population must be a sequence.  For dicts or sets, use sorted(d).",
                ));
            }
            let items = interp.collect_iterable(population)?;
            let k = match bound[1].as_ref().expect("required") {
                Value::BigInt(b) => {
                    if num_traits::Signed::is_negative(&**b) {
                        i64::MIN
                    } else {
                        i64::MAX
                    }
                }
                other => index_arg(other)?,
            };
            let picks = interp.rng.sample(items.len(), k).map_err(random_error)?;
            Ok(Value::list(
                picks.into_iter().map(|i| items[i].clone()).collect(),
            ))
        }
        Builtin::RandomGetrandbits => {
            let bound = bind(name, args, kwargs, &["k"], 1)?;
            let k = match bound[0].as_ref().expect("required") {
                Value::BigInt(_) => i64::MAX,
                other => index_arg(other)?,
            };
            interp
                .rng
                .getrandbits(k)
                .map(Value::from_bigint)
                .map_err(random_error)
        }
        Builtin::RandomGauss | Builtin::RandomNormalvariate => {
            let bound = bind(name, args, kwargs, &["mu", "sigma"], 0)?;
            let mu = bound[0].as_ref().map_or(Ok(0.0), number)?;
            let sigma = bound[1].as_ref().map_or(Ok(1.0), number)?;
            Ok(Value::float(if builtin == Builtin::RandomGauss {
                interp.rng.gauss(mu, sigma)
            } else {
                interp.rng.normalvariate(mu, sigma)
            }))
        }
        Builtin::RandomExpovariate => {
            let bound = bind(name, args, kwargs, &["lambd"], 0)?;
            let lambd = bound[0].as_ref().map_or(Ok(1.0), number)?;
            interp
                .rng
                .expovariate(lambd)
                .map(Value::float)
                .map_err(random_error)
        }
        Builtin::RandomTriangular => {
            let bound = bind(name, args, kwargs, &["low", "high", "mode"], 0)?;
            let low = bound[0].as_ref().map_or(Ok(0.0), number)?;
            let high = bound[1].as_ref().map_or(Ok(1.0), number)?;
            let mode = match &bound[2] {
                None | Some(Value::None) => None,
                Some(v) => Some(number(v)?),
            };
            Ok(Value::float(interp.rng.triangular(low, high, mode)))
        }
        // ---------------------------------------------------------------- time
        Builtin::TimeTime | Builtin::TimeMonotonic | Builtin::TimePerfCounter => {
            bind(name, args, kwargs, &[], 0)?;
            let now = interp.sched.clock.now_seconds();
            Ok(Value::float(if builtin == Builtin::TimeTime {
                EPOCH + now
            } else {
                now
            }))
        }
        Builtin::TimeTimeNs | Builtin::TimeMonotonicNs | Builtin::TimePerfCounterNs => {
            bind(name, args, kwargs, &[], 0)?;
            let now = interp.sched.clock.now_seconds();
            let seconds = if builtin == Builtin::TimeTimeNs {
                EPOCH + now
            } else {
                now
            };
            Ok(round_to_int(seconds * 1e9))
        }
        Builtin::TimeSleep => {
            let bound = bind(name, args, kwargs, &["secs"], 1)?;
            let secs = bound[0].clone().expect("required");
            if !secs.is_number() {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    secs.type_name()
                )));
            }
            let seconds = int_to_float(&secs)?;
            if seconds.is_nan() {
                return Err(value_error("Invalid value NaN (not a number)"));
            }
            if seconds < 0.0 {
                return Err(value_error("sleep length must be non-negative"));
            }
            let ns = crate::runtime::seconds_to_ns(seconds).unwrap_or(u64::MAX);
            if interp.thread_sleep(ns, seconds) {
                return Ok(Value::None);
            }
            interp.event(Event::Blocked(seconds));
            interp.sched.clock.block_for(ns, seconds);
            Ok(Value::None)
        }
        _ if super::typing::is_function(builtin) => {
            super::typing::call_function(interp, builtin, args, kwargs)
        }
        _ => unreachable!("not a module function: {builtin:?}"),
    }
}
