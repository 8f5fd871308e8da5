//! The `scenario` command: parses arguments, calls the library, sets the exit code.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

/// Run asyncio scenario files on a virtual clock and trace what every task did.
///
/// Exit codes: 0 success; 1 uncaught exception in the scenario; 2 usage, syntax or
/// unsupported-construct error; 3 deadlock or a limit reached.
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
    /// `import aiohttp` is simulated: URLs answer after a latency on the virtual clock, with
    /// the status and body the `[aiohttp]` table of `scenario.toml` (next to FILE or in the
    /// nearest directory above) gives them; see README, "Simulated aiohttp".
    Run {
        /// The scenario file (a Python program).
        file: PathBuf,
        /// Seed the random module with N before the program starts (as random.seed(N)).
        #[arg(long, default_value_t = 0, allow_negative_numbers = true)]
        seed: i64,
        /// `virtual` jumps straight to the next timer; `real` waits in wall time.
        #[arg(long, value_enum, default_value_t = Clock::Virtual)]
        clock: Clock,
        /// `text`: the trace; `stdout`: only the program's output, as python3 prints it.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Write the trace to PATH; the program's own output then goes to stdout.
        #[arg(short = 'o', long = "output", value_name = "PATH")]
        output: Option<PathBuf>,
        /// Stop (exit 3) before virtual time passes SECONDS.
        #[arg(long, value_name = "SECONDS")]
        max_time: Option<f64>,
        /// Stop (exit 3) after N interpreter steps (bytecode instructions of loops and
        /// calls); guards against runaway loops.
        #[arg(long, value_name = "N")]
        max_steps: Option<u64>,
    },
    /// Parse and check scenarios without running them; report every error found.
    Check {
        /// The scenario files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Clock {
    Virtual,
    Real,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    Text,
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
            let settings = match scenario::settings::for_scenario(&file) {
                Ok(settings) => settings,
                Err(error) => {
                    eprintln!("scenario: {error}");
                    return ExitCode::from(2);
                }
            };
            let echo = format == Format::Stdout || output.is_some();
            let config = scenario::Config {
                seed,
                real_clock: clock == Clock::Real,
                max_steps,
                max_time,
                trace: format == Format::Text,
                echo_stdout: echo,
                http: settings.http,
            };
            let report = scenario::run(&file.display().to_string(), bytes, &config);
            eprint!("{}", report.stderr);
            if let Some(trace) = &report.trace {
                match &output {
                    Some(path) => {
                        if let Err(error) = std::fs::write(path, trace) {
                            eprintln!("scenario: cannot write {}: {error}", path.display());
                            return ExitCode::from(2);
                        }
                    }
                    None => print!("{trace}"),
                }
            }
            ExitCode::from(report.exit_code.clamp(0, 255) as u8)
        }
        Command::Check { files } => {
            let mut failed = false;
            for file in &files {
                let bytes = match read(file) {
                    Ok(bytes) => bytes,
                    Err(code) => return code,
                };
                match scenario::check_source(&file.display().to_string(), bytes) {
                    Ok(()) => println!("{}: ok", file.display()),
                    Err(diagnostics) => {
                        eprint!("{diagnostics}");
                        failed = true;
                    }
                }
            }
            ExitCode::from(if failed { 2 } else { 0 })
        }
    }
}
