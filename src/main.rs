//! The `scenario` command: parses arguments, calls the library, sets the exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

mod test_command;

// Scenarios allocate and free small objects (tasks, futures, frames) at a high rate;
// mimalloc does that several times faster than the system allocator (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Run asyncio scenario files on a virtual clock and trace what every task did.
///
/// Exit codes: 0 success; 1 uncaught exception in the scenario, or failing tests; 2 usage,
/// syntax or unsupported-construct error; 3 deadlock or a limit reached.
#[derive(Parser)]
#[command(name = "scenario", version, about, long_about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Run a scenario and print its trace (or, with --format stdout, only its output).
    ///
    /// Virtual time: sleeping costs nothing, and the same file and seed always give the
    /// same trace. The program's output is exactly what `python3 FILE` prints.
    ///
    /// FILE may import modules of its own (`import helpers`, `__import__('0-tasks')`,
    /// packages), found as CPython finds them: FILE's directory first on `sys.path`.
    /// Every module it imports by name is checked before anything runs. The program sees
    /// absolute paths (`__file__`, tracebacks), or what `[paths] root` in scenario.toml
    /// makes of them; see README, "Programs in several files".
    ///
    /// `import aiohttp` is simulated: URLs answer after a latency on the virtual clock, with
    /// the status and body the `[aiohttp]` table of `scenario.toml` (next to FILE or in the
    /// nearest directory above) gives them; see README, "Simulated aiohttp".
    Run {
        /// The scenario file (a Python program).
        file: PathBuf,
        /// Seed the random module with N before the program starts, as random.seed(N)
        /// [default: 0, or `seed` in scenario.toml].
        #[arg(long, allow_negative_numbers = true)]
        seed: Option<i64>,
        /// `virtual` jumps straight to the next timer; `real` waits in wall time
        /// [default: virtual, or `clock` in scenario.toml].
        #[arg(long, value_enum)]
        clock: Option<Clock>,
        /// `text`: the trace, aligned lines; `json`: JSON Lines, one object per event;
        /// `chrome`: Chrome Trace Event JSON for Perfetto (ui.perfetto.dev) or
        /// chrome://tracing; `svg`: a timeline picture, one lane per task; `stdout`: only
        /// the program's output, as python3 prints it. README, "Traces", shows each.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the trace to PATH (`-`: stdout); the program's own output then goes to
        /// stdout.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: Option<PathBuf>,
        /// Stop (exit 3) before virtual time passes SECONDS [default: no limit, or
        /// `max-time` in scenario.toml].
        #[arg(long, value_name = "SECONDS")]
        max_time: Option<f64>,
        /// Stop (exit 3) after N interpreter steps (bytecode instructions of loops and
        /// calls); guards against runaway loops [default: no limit, or `max-steps` in
        /// scenario.toml].
        #[arg(long, value_name = "N")]
        max_steps: Option<u64>,
        /// Arguments for the program, after `--`: `sys.argv` is FILE and then these.
        #[arg(last = true, value_name = "ARGS")]
        args: Vec<String>,
    },
    /// Parse and check scenarios, and every module they import, without running them;
    /// report every error found (a module several of them import, once).
    Check {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Show the bytecode FILE compiles to (for work on scenario itself).
    ///
    /// Every code object, outermost first: `line:col  index  instruction`, `>>` marking
    /// jump targets. The format is not stable.
    Dis {
        /// The scenario file.
        file: PathBuf,
    },
    /// Run golden tests: every scenario under PATHs against its golden NAME.trace.
    ///
    /// Each `NAME.py` found is run (several at once) as `scenario run NAME.py` would run it
    /// and what it shows is compared with `NAME.trace` beside it. Every mismatch is shown
    /// as a unified diff; the last line says `N passed, N failed`. Exit 0 when all pass,
    /// 1 when any fails, 2 on a usage or scenario.toml error.
    ///
    /// A file that only defines things (a module the scenarios import: imports, defs,
    /// assignments), or a package's `__init__.py`, is not a scenario and has no golden.
    ///
    /// `scenario.toml` (in the scenario's directory or the nearest above) sets seed, clock,
    /// limits, the expected exit code, skips and which files are modules (`module = true`),
    /// for the suite and per file, and how paths are shown (`[paths] root`); see README,
    /// "Golden tests".
    ///
    /// When the environment variable CI is set, --bless and --prune are refused and a
    /// missing golden is a failure, so CI never writes.
    Test {
        /// Scenario files or directories to search for `*.py` [default: scenarios].
        paths: Vec<PathBuf>,
        /// Write new and changed goldens (atomically) instead of failing; review them with
        /// `git diff` before committing.
        #[arg(long)]
        bless: bool,
        /// Remove goldens that have no scenario beside them.
        #[arg(long)]
        prune: bool,
        /// Only the scenarios whose path contains TEXT.
        #[arg(long, value_name = "TEXT")]
        filter: Option<String>,
        /// Run N scenarios at once [default: the number of cores].
        #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
        jobs: Option<u16>,
        /// Colour the diffs: `auto` when stdout is a terminal and NO_COLOR is unset.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Stop a scenario that runs longer than SECONDS of wall time and fail it
        /// [default: `timeout` in scenario.toml, or 60].
        #[arg(long, value_name = "SECONDS", value_parser = positive_seconds)]
        timeout: Option<f64>,
    },
    /// Run one scenario for `scenario test` and print its report as JSON (internal: each
    /// scenario runs in a process of its own, so a crash or hang fails only that one).
    #[command(hide = true)]
    Worker {
        /// How the scenario is named in its trace and messages.
        #[arg(long)]
        name: String,
        /// The scenario file.
        file: PathBuf,
    },
}

fn positive_seconds(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(seconds) if seconds.is_finite() && seconds > 0.0 => Ok(seconds),
        _ => Err(format!("expected a number of seconds > 0, not {text:?}")),
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Clock {
    Virtual,
    Real,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Chrome,
    Svg,
    Stdout,
}

fn read(path: &PathBuf) -> Result<Vec<u8>, ExitCode> {
    std::fs::read(path).map_err(|error| {
        eprintln!("scenario: cannot read {}: {error}", path.display());
        ExitCode::from(2)
    })
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Run {
            file,
            seed,
            clock,
            format,
            output,
            max_time,
            max_steps,
            args,
        } => {
            let bytes = match read(&file) {
                Ok(bytes) => bytes,
                Err(code) => return code,
            };
            if let Some(max_time) = max_time
                && (max_time.is_nan() || max_time < 0.0)
            {
                eprintln!("scenario: --max-time must be a number of seconds, 0 or more");
                return ExitCode::from(2);
            }
            if format == Format::Stdout && output.is_some() {
                eprintln!(
                    "scenario: -o writes the trace, and --format stdout has none; choose text, json, chrome or svg"
                );
                return ExitCode::from(2);
            }
            let settings = match scenario::settings::for_scenario(&file) {
                Ok(settings) => settings,
                Err(error) => {
                    eprintln!("scenario: {error}");
                    return ExitCode::from(2);
                }
            };
            // `-o -` is stdout, as without -o.
            let output = output.filter(|path| path.as_os_str() != "-");
            // Open (and empty) the output file first: a path that cannot be written is said
            // before the run, and a run that fails leaves no stale trace behind.
            let mut output_file = match &output {
                Some(path) => match std::fs::File::create(path) {
                    Ok(file) => Some(file),
                    Err(error) => {
                        eprintln!("scenario: cannot write {}: {error}", path.display());
                        return ExitCode::from(2);
                    }
                },
                None => None,
            };
            let echo = format == Format::Stdout || output.is_some();
            let defaults = scenario::suite::config_for(&settings);
            let trace_format = match format {
                Format::Text | Format::Stdout => scenario::trace::Format::Text,
                Format::Json => scenario::trace::Format::Json,
                Format::Chrome => scenario::trace::Format::Chrome,
                Format::Svg => scenario::trace::Format::Svg,
            };
            let config = scenario::Config {
                seed: seed.unwrap_or(defaults.seed),
                real_clock: clock.map_or(defaults.real_clock, |clock| clock == Clock::Real),
                max_steps: max_steps.or(defaults.max_steps),
                max_time: max_time.or(defaults.max_time),
                trace: format != Format::Stdout,
                format: trace_format,
                echo_stdout: echo,
                http: settings.http,
                args,
                paths: defaults.paths,
                path: None,
            };
            let report = scenario::run(&file.display().to_string(), bytes, &config);
            eprint!("{}", report.stderr);
            if let Some(trace) = &report.trace {
                match (&mut output_file, &output) {
                    (Some(file), Some(path)) => {
                        use std::io::Write;
                        if let Err(error) = file.write_all(trace.as_bytes()) {
                            eprintln!("scenario: cannot write {}: {error}", path.display());
                            return ExitCode::from(2);
                        }
                    }
                    _ => print!("{trace}"),
                }
            }
            ExitCode::from(report.exit_code.clamp(0, 255) as u8)
        }
        Command::Check { files } => {
            let mut failed = false;
            // A module several of the files import is reported once.
            let mut reported = std::collections::HashSet::new();
            for file in &files {
                let bytes = match read(file) {
                    Ok(bytes) => bytes,
                    Err(code) => return code,
                };
                match scenario::check_program(&file.display().to_string(), bytes) {
                    Ok(()) => println!("{}: ok", file.display()),
                    Err(diagnostics) => {
                        for text in diagnostics {
                            if reported.insert(text.clone()) {
                                if reported.len() > 1 {
                                    eprintln!();
                                }
                                eprint!("{text}");
                            }
                        }
                        failed = true;
                    }
                }
            }
            ExitCode::from(if failed { 2 } else { 0 })
        }
        Command::Dis { file } => {
            let bytes = match read(&file) {
                Ok(bytes) => bytes,
                Err(code) => return code,
            };
            match scenario::disassemble(&file.display().to_string(), bytes) {
                Ok(text) => {
                    print!("{text}");
                    ExitCode::SUCCESS
                }
                Err(diagnostics) => {
                    eprint!("{diagnostics}");
                    ExitCode::from(2)
                }
            }
        }
        Command::Test {
            paths,
            bless,
            prune,
            filter,
            jobs,
            color,
            timeout,
        } => test_command::run(test_command::Args {
            paths,
            bless,
            prune,
            filter,
            jobs: jobs.map(usize::from),
            color: match color {
                ColorChoice::Auto => None,
                ColorChoice::Always => Some(true),
                ColorChoice::Never => Some(false),
            },
            timeout,
        }),
        Command::Worker { name, file } => match scenario::suite::worker(&file, &name) {
            Ok(json) => {
                println!("{json}");
                ExitCode::SUCCESS
            }
            Err(error) => {
                eprintln!("scenario worker: {error}");
                ExitCode::from(2)
            }
        },
    }
}
