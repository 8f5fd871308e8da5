//! `scenario test`: run golden tests in parallel and report them (the judging itself is
//! `scenario::suite`, shared with `cargo test`).

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

use scenario::suite::{self, Failure, Options, Runner, Style, Verdict};

pub struct Args {
    pub paths: Vec<PathBuf>,
    pub bless: bool,
    pub prune: bool,
    pub filter: Option<String>,
    pub jobs: Option<usize>,
    /// `Some(true)`: always colour; `Some(false)`: never; `None`: on a terminal.
    pub color: Option<bool>,
    /// `--timeout SECONDS`: over `timeout` in scenario.toml.
    pub timeout: Option<f64>,
}

fn usage_error(message: &str) -> ExitCode {
    eprintln!("scenario test: {message}");
    ExitCode::from(2)
}

pub fn run(args: Args) -> ExitCode {
    if suite::on_ci() && (args.bless || args.prune) {
        let flag = if args.bless { "--bless" } else { "--prune" };
        return usage_error(&format!(
            "refusing {flag}: CI is set, and CI never writes goldens. Bless on your machine, review the diff, commit."
        ));
    }
    let paths = if args.paths.is_empty() {
        vec![PathBuf::from("scenarios")]
    } else {
        args.paths.clone()
    };
    let found = match suite::discover(&paths) {
        Ok(found) => found,
        Err(error) => return usage_error(&error),
    };
    let selected = |path: &PathBuf| {
        args.filter
            .as_deref()
            .is_none_or(|text| path.to_string_lossy().contains(text))
    };
    let (scenarios, roots): (Vec<PathBuf>, Vec<PathBuf>) = found
        .scenarios
        .into_iter()
        .filter(|(path, _)| selected(path))
        .unzip();
    let strays: Vec<PathBuf> = found.strays.into_iter().filter(selected).collect();
    if scenarios.is_empty() && strays.is_empty() {
        let under = paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", ");
        let filter = args
            .filter
            .as_deref()
            .map_or(String::new(), |f| format!(" matching --filter {f:?}"));
        return usage_error(&format!("no scenarios (*.py){filter} under {under}"));
    }
    if let Err(error) = check_settings(&scenarios) {
        return usage_error(&error);
    }
    let style = match args.color {
        Some(true) => Style::Color,
        Some(false) => Style::Plain,
        None if std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none() => {
            Style::Color
        }
        None => Style::Plain,
    };
    let jobs = args
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
        .clamp(1, scenarios.len().max(1));
    // Each scenario runs in a process of its own (`scenario worker`), so that a crash or a
    // hang is that scenario's failure; in this process when the binary cannot be found.
    let runner = match std::env::current_exe() {
        Ok(exe) => Runner::Worker(exe),
        Err(_) => Runner::ThisThread,
    };
    let options = Options {
        bless: args.bless,
        twice: false,
        runner,
        timeout: args.timeout,
    };
    let names: Vec<String> = scenarios
        .iter()
        .zip(&roots)
        .map(|(path, root)| suite::scenario_name(path, root))
        .collect();
    let verdicts = run_all(&scenarios, &names, &options, jobs);

    let mut out = std::io::stdout().lock();
    let (mut passed, mut failed, mut skipped, mut blessed) = (0, 0, 0, 0);
    // Failures that --bless would fix (a changed or missing golden).
    let mut blessable = 0;
    for ((path, name), verdict) in scenarios.iter().zip(&names).zip(&verdicts) {
        match verdict {
            Verdict::Passed => passed += 1,
            Verdict::Skipped(reason) => {
                skipped += 1;
                let _ = writeln!(out, "{} {name}: {reason}", style.yellow("skipped"));
            }
            Verdict::Blessed(new) => {
                blessed += 1;
                let golden = path.with_extension("trace");
                let what = if *new { "new" } else { "updated" };
                let _ = writeln!(
                    out,
                    "{} {} ({what})",
                    style.green("blessed"),
                    golden.display()
                );
            }
            Verdict::Failed(failure) => {
                failed += 1;
                if matches!(failure, Failure::Mismatch { .. } | Failure::Missing { .. }) {
                    blessable += 1;
                }
                let hint = if suite::on_ci() {
                    format!(
                        "scenario test --bless {}   (on a developer machine: CI never writes goldens)",
                        shell_quote(&path.display().to_string())
                    )
                } else {
                    format!(
                        "scenario test --bless {}",
                        shell_quote(&path.display().to_string())
                    )
                };
                let _ = writeln!(out, "\n{} {name}", style.red(&style.bold("FAILED")));
                let _ = write!(
                    out,
                    "{}",
                    suite::describe_failure(name, failure, &hint, style)
                );
                if matches!(failure, Failure::Missing { .. }) && suite::on_ci() {
                    let _ = writeln!(
                        out,
                        "(CI is set: goldens are never written here; bless on a developer machine and commit the file.)"
                    );
                }
            }
        }
    }
    for stray in &strays {
        if args.prune {
            match std::fs::remove_file(stray) {
                Ok(()) => {
                    let _ = writeln!(out, "{} {}", style.yellow("pruned"), stray.display());
                }
                Err(error) => {
                    failed += 1;
                    let _ = writeln!(out, "cannot remove {}: {error}", stray.display());
                }
            }
        } else {
            failed += 1;
            let _ = writeln!(
                out,
                "\n{} {} has no scenario {} beside it: remove it, or run scenario test --prune",
                style.red(&style.bold("FAILED stray golden:")),
                stray.display(),
                stray.with_extension("py").display()
            );
        }
    }
    let mut summary = format!("{} passed, {failed} failed", passed + blessed);
    if skipped > 0 {
        summary.push_str(&format!(", {skipped} skipped"));
    }
    if blessed > 0 {
        summary.push_str(&format!(" ({blessed} blessed)"));
    }
    if blessable > 1 && !args.bless && !suite::on_ci() {
        let mut command = String::from("scenario test --bless");
        for path in &args.paths {
            command.push(' ');
            command.push_str(&shell_quote(&path.display().to_string()));
        }
        if let Some(filter) = &args.filter {
            command.push_str(" --filter ");
            command.push_str(&shell_quote(filter));
        }
        let _ = writeln!(
            out,
            "\nTo accept every changed or new golden shown above: {command}"
        );
    }
    let painted = if failed > 0 {
        style.red(&summary)
    } else {
        style.green(&summary)
    };
    let _ = writeln!(out, "{painted}");
    ExitCode::from(if failed > 0 { 1 } else { 0 })
}

/// `text` as one shell word: as it is when that is safe, else in single quotes.
fn shell_quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', "'\\''"))
    }
}

/// Read every `scenario.toml` the scenarios use, before running anything: a broken one
/// is a usage error (exit 2). A `[files."..."]` pattern that matches no file under its
/// directory is probably a typo, and is said.
fn check_settings(scenarios: &[PathBuf]) -> Result<(), String> {
    let mut files: Vec<PathBuf> = scenarios
        .iter()
        .flat_map(|scenario| scenario::settings::find_all(scenario))
        .collect();
    files.sort();
    files.dedup();
    // Goldens name scenarios from the outermost scenario.toml's directory, by that
    // directory's own name: at a repository's root, that is wherever it was cloned to.
    if let Some(outer) = files.iter().min_by_key(|f| f.components().count())
        && let Some(dir) = outer.parent()
        && dir.join(".git").exists()
    {
        eprintln!(
            "warning: {} is at the root of a repository, so goldens name scenarios starting with {:?}, the name of the directory it is cloned into; move it into the suite's own directory (such as scenarios/)",
            scenario::settings::display_path(outer),
            dir.file_name().unwrap_or_default()
        );
    }
    for file in &files {
        let suite = scenario::settings::load(file)?;
        let dir = file.parent().map(PathBuf::from).unwrap_or_default();
        // Modules count: a pattern may be what says a file is one (`module = true`).
        let all: Vec<PathBuf> = suite::discover(&[dir])
            .map(|found| found.paths().chain(&found.modules).cloned().collect())
            .unwrap_or_default();
        let relatives: Vec<String> = all
            .iter()
            .map(|path| scenario::settings::relative_to(file, path))
            .collect();
        for pattern in suite.patterns() {
            if !relatives.iter().any(|r| suite.pattern_matches(pattern, r)) {
                eprintln!(
                    "warning: {}: [files.\"{pattern}\"] matches no scenario",
                    scenario::settings::display_path(file)
                );
            }
        }
    }
    Ok(())
}

/// Judge every scenario on `jobs` threads; the verdicts in the scenarios' order. On a
/// terminal, a progress line on stderr says how far it is.
fn run_all(
    scenarios: &[PathBuf],
    names: &[String],
    options: &Options,
    jobs: usize,
) -> Vec<Verdict> {
    let next = AtomicUsize::new(0);
    let (sender, receiver) = mpsc::channel();
    let progress = std::io::stderr().is_terminal();
    let mut verdicts: Vec<Option<Verdict>> = vec![None; scenarios.len()];
    std::thread::scope(|scope| {
        let mut started = 0;
        for _ in 0..jobs {
            let sender = sender.clone();
            let next = &next;
            // Each worker runs scenarios on its own deep stack (see scenario::STACK_SIZE).
            let worker = std::thread::Builder::new()
                .name("scenario-test".into())
                .stack_size(scenario::STACK_SIZE)
                .spawn_scoped(scope, move || {
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(path) = scenarios.get(index) else {
                            break;
                        };
                        let verdict = suite::check(path, &names[index], options);
                        if sender.send((index, verdict)).is_err() {
                            break;
                        }
                    }
                });
            if worker.is_ok() {
                started += 1;
            }
        }
        if started == 0 {
            // No thread could start (an address-space limit): one at a time, each on a
            // thread of its own as `scenario run` does, so failures are reported per file.
            let options = Options {
                runner: match &options.runner {
                    Runner::ThisThread => Runner::OwnThread,
                    worker => worker.clone(),
                },
                ..options.clone()
            };
            for (index, path) in scenarios.iter().enumerate() {
                let _ = sender.send((index, suite::check(path, &names[index], &options)));
            }
        }
        drop(sender);
        let (mut done, mut failed) = (0, 0);
        for (index, verdict) in receiver {
            done += 1;
            if matches!(verdict, Verdict::Failed(_)) {
                failed += 1;
            }
            verdicts[index] = Some(verdict);
            if progress {
                let failures = if failed > 0 {
                    format!(", {failed} failed")
                } else {
                    String::new()
                };
                eprint!(
                    "\r\x1b[2K[{done}/{}{failures}] {}",
                    scenarios.len(),
                    names[index]
                );
            }
        }
        if progress {
            eprint!("\r\x1b[2K");
        }
    });
    verdicts
        .into_iter()
        .map(|v| v.unwrap_or_else(|| Verdict::Failed(Failure::Error("was not run".into()))))
        .collect()
}
