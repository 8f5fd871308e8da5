//! `scenario` runs asyncio scenario files: small Python programs in an asyncio subset,
//! executed on a virtual clock, with a trace of what every task did and when.
//!
//! The pipeline, one module per stage:
//! source → [`layout`] (INDENT/DEDENT markers) → [`parser`] (pest) → [`ast`] → [`check`]
//! → [`compiler`] → [`bytecode`] → [`interp`] ⇄ [`runtime`] (clock, scheduler, tokio)
//! → [`trace`]; [`diagnostic`] renders every error found before running.
//!
//! [`run`] is the whole pipeline for one file; [`check_source`] stops before running.

pub mod ast;
pub mod bytecode;
pub mod check;
pub mod compiler;
pub mod diagnostic;
mod dis;
pub mod interp;
pub mod layout;
pub mod loader;
pub mod parser;
pub mod pyfmt;
pub mod pyrandom;
pub mod runtime;
pub mod settings;
pub mod source;
pub mod suite;
pub mod trace;

use std::rc::Rc;

use interp::exceptions::ExcType;
use interp::value::Value;
use interp::{Abort, Ending, Interp, Options};
use trace::{Header, Outcome};

/// The exit code of a run that found an internal error (a bug in `scenario`).
pub const EXIT_INTERNAL: i32 = 70;

/// How to run a scenario.
#[derive(Clone, Debug)]
pub struct Config {
    /// `--seed N`: acts as `random.seed(N)` before the program starts.
    pub seed: i64,
    /// `--clock real`: wait in wall time instead of jumping.
    pub real_clock: bool,
    /// `--max-steps N`: stop after N interpreter steps (exit 3).
    pub max_steps: Option<u64>,
    /// `--max-time SECONDS`: stop before virtual time passes this (exit 3).
    pub max_time: Option<f64>,
    /// Record and render the trace.
    pub trace: bool,
    /// How to render it.
    pub format: trace::Format,
    /// Write the program's output to this process's stdout as it happens.
    pub echo_stdout: bool,
    /// The simulated aiohttp's URLs (from `scenario.toml`).
    pub http: interp::aiohttp::HttpConfig,
    /// The program's arguments (`sys.argv[1:]`).
    pub args: Vec<String>,
    /// How absolute paths are shown to the program (`[paths] root` in `scenario.toml`).
    pub paths: Option<loader::PathMap>,
    /// Where the main file is (relative to the current directory, or absolute), when that
    /// is not the name it is run under (a suite names a scenario from its root).
    pub path: Option<String>,
}

impl Default for Config {
    fn default() -> Config {
        Config {
            seed: 0,
            real_clock: false,
            max_steps: None,
            max_time: None,
            trace: true,
            format: trace::Format::Text,
            echo_stdout: false,
            http: interp::aiohttp::HttpConfig::default(),
            args: Vec::new(),
            paths: None,
            path: None,
        }
    }
}

/// What a run produced.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Report {
    /// 0 success, 1 uncaught exception, 2 syntax/unsupported, 3 deadlock or limit.
    pub exit_code: i32,
    /// What the program printed (also when it was echoed).
    pub stdout: String,
    /// Tracebacks and warnings, or the rendered diagnostics when the file did not run.
    pub stderr: String,
    /// The rendered trace, if the scenario ran and tracing was on.
    pub trace: Option<String>,
}

/// Parse and check a scenario and every module it imports, without running it: the
/// rendered diagnostics, if any.
pub fn check_source(name: &str, bytes: Vec<u8>) -> Result<(), String> {
    check_program(name, bytes).map_err(|files| files.join("\n"))
}

/// [`check_source`], with the diagnostics of each file that has any apart (a file imported
/// by several programs checked together is reported once by the caller).
pub fn check_program(name: &str, bytes: Vec<u8>) -> Result<(), Vec<String>> {
    let name = name.to_string();
    on_big_stack(move || {
        let (_, main) = front_end(&name, &name, bytes, None)?;
        loader::compile_alone(&main)
            .map(|_| ())
            .map_err(|d| vec![d.render(&main.source)])
    })
    .unwrap_or_else(|panic| Err(vec![panic]))
}

/// The bytecode a scenario compiles to (`scenario dis`), or its rendered diagnostics.
pub fn disassemble(name: &str, bytes: Vec<u8>) -> Result<String, String> {
    let name = name.to_string();
    on_big_stack(move || {
        let (_, main) = front_end(&name, &name, bytes, None).map_err(|e| e.join("\n"))?;
        let code = loader::compile_alone(&main).map_err(|d| d.render(&main.source))?;
        Ok(dis::render(&main.source, &code))
    })
    .unwrap_or_else(Err)
}

/// Run a scenario file's bytes under `name` (used in messages and the trace header).
pub fn run(name: &str, bytes: Vec<u8>, config: &Config) -> Report {
    let name = name.to_string();
    let config = config.clone();
    on_big_stack(move || run_here(&name, bytes, &config)).unwrap_or_else(|panic| Report {
        exit_code: EXIT_INTERNAL,
        stdout: String::new(),
        stderr: panic,
        trace: None,
    })
}

/// The stack a thread that runs scenarios needs (see [`run_on_this_thread`]).
pub const STACK_SIZE: usize = 1 << 30;

/// [`run`] without a thread of its own, for a caller that runs many scenarios on threads
/// it made with a [`STACK_SIZE`] stack: a panic still becomes an error report.
pub fn run_on_this_thread(name: &str, bytes: Vec<u8>, config: &Config) -> Report {
    let work = std::panic::AssertUnwindSafe(|| run_here(name, bytes, config));
    std::panic::catch_unwind(work).unwrap_or_else(|panic| {
        interp::agen::clear_abandoned();
        Report {
            exit_code: EXIT_INTERNAL,
            stdout: String::new(),
            stderr: format!(
                "scenario: internal error (this is a bug in scenario, please report it): {}\n",
                panic_message(&*panic)
            ),
            trace: None,
        }
    })
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<String>()
        .cloned()
        .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
        .unwrap_or_else(|| "unknown panic".to_string())
}

/// The interpreter's data structures are recursive; deep programs need a deep stack, and
/// running on a thread of our own also turns a panic into an error report.
fn on_big_stack<T: Send + 'static>(work: impl FnOnce() -> T + Send + 'static) -> Result<T, String> {
    let handle = std::thread::Builder::new()
        .name("scenario".into())
        .stack_size(STACK_SIZE)
        .spawn(work)
        .map_err(|e| {
            format!("scenario: internal error: cannot start the interpreter thread: {e}\n")
        })?;
    handle.join().map_err(|panic| {
        format!(
            "scenario: internal error (this is a bug in scenario, please report it): {}\n",
            panic_message(&*panic)
        )
    })
}

/// Parse and check the main file and every module it imports by a literal name: the
/// loader that found them and the main file; or the diagnostics of each file, rendered.
fn front_end(
    name: &str,
    path: &str,
    bytes: Vec<u8>,
    paths: Option<loader::PathMap>,
) -> Result<(loader::FsLoader, interp::import::Parsed), Vec<String>> {
    let mut loader = loader::FsLoader::new(name, path, paths);
    let path = loader.main_path(path);
    let main = loader
        .front_end(name, &path, bytes, 0)
        .map_err(|rejected| vec![rejected.render()])?;
    let rejected = loader.preload(&main);
    if !rejected.is_empty() {
        return Err(rejected.iter().map(|r| r.render()).collect());
    }
    Ok((loader, main))
}

fn rejected(stderr: String) -> Report {
    Report {
        exit_code: 2,
        stdout: String::new(),
        stderr,
        trace: None,
    }
}

fn run_here(name: &str, bytes: Vec<u8>, config: &Config) -> Report {
    // What an earlier run on this thread left behind (objects it dropped late) is not ours.
    let _ = interp::asyncio::take_unawaited();
    interp::agen::clear_abandoned();
    let path = config.path.as_deref().unwrap_or(name);
    let (loader, main) = match front_end(name, path, bytes, config.paths.clone()) {
        Ok(front) => front,
        Err(files) => return rejected(files.join("\n")),
    };
    let mut argv = vec![name.to_string()];
    argv.extend(config.args.iter().cloned());
    let options = Options {
        seed: config.seed,
        real_clock: config.real_clock,
        max_steps: config.max_steps,
        max_time_ns: config
            .max_time
            .map(|t| runtime::seconds_to_ns(t).unwrap_or(u64::MAX)),
        trace: config.trace,
        http: Rc::new(config.http.clone()),
        argv,
        path0: loader.main_dir(),
    };
    let mut interp = Interp::new(main.source.clone(), Box::new(loader), options);
    let code = match interp.main_module(&main) {
        Ok(code) => code,
        Err(diagnostic) => return rejected(diagnostic.render(&main.source)),
    };
    if config.echo_stdout {
        interp.echo = Some(Box::new(|text: &str| {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(text.as_bytes());
            let _ = stdout.flush();
        }));
    }
    let ending = interp.run_module(code);
    interp::agen::clear_abandoned();
    let outcome = match ending {
        Ending::Finished => Outcome::Exit(0),
        Ending::Uncaught(exc) if exc.ty == ExcType::SystemExit => {
            // `raise SystemExit(code)`: the exit code, or a message and 1, as CPython does.
            // `code` is the one argument, or the tuple of several.
            let code = match exc.args.as_slice() {
                [] => Value::None,
                [code] => code.clone(),
                many => Value::tuple(many.to_vec()),
            };
            match code {
                Value::None => Outcome::Exit(0),
                code if code.is_int() => {
                    // C's exit((int)n): the low byte; an int past a C long is -1.
                    let code = code.as_i64().map_or(0xff, |c| (c & 0xff) as i32);
                    Outcome::Exit(code)
                }
                message => {
                    interp.stderr.push_str(&format!("{}\n", message.to_str()));
                    Outcome::Exit(1)
                }
            }
        }
        Ending::Uncaught(exc) => {
            interp.stderr.push_str(&interp::traceback::render(&exc));
            if exc.ty == ExcType::KeyboardInterrupt {
                Outcome::Interrupted
            } else {
                Outcome::Uncaught(exc.summary())
            }
        }
        Ending::Aborted(Abort::Deadlock(blocked)) => Outcome::Deadlock(blocked),
        Ending::Aborted(Abort::StepLimit(steps)) => Outcome::StepLimit(steps),
        Ending::Aborted(Abort::TimeLimit(at)) => Outcome::TimeLimit(at),
        Ending::Aborted(Abort::Rejected(diagnostics)) => {
            interp.stderr.push_str(&diagnostics);
            Outcome::Rejected(first_line(&diagnostics))
        }
    };
    // What the program still holds is collected now, as at interpreter shutdown.
    interp.globals.clear();
    interp.report_unawaited();
    if let Outcome::Deadlock(_) | Outcome::StepLimit(_) | Outcome::TimeLimit(_) = &outcome {
        interp
            .stderr
            .push_str(&format!("scenario: {}\n", outcome.describe()));
    }
    let trace = config.trace.then(|| {
        let header = Header {
            file: name.to_string(),
            seed: config.seed,
            real_clock: config.real_clock,
        };
        interp.trace.render_as(
            config.format,
            &header,
            &outcome,
            interp.sched.clock.now_ns(),
        )
    });
    Report {
        exit_code: outcome.exit_code(),
        stdout: std::mem::take(&mut interp.stdout),
        stderr: std::mem::take(&mut interp.stderr),
        trace,
    }
}

/// The first line of a rendered diagnostic (`file:line:col: Kind: message`).
fn first_line(text: &str) -> String {
    text.lines().next().unwrap_or_default().to_string()
}
