//! Golden tests (SPEC section 8): find scenarios, run each one, compare what it shows with
//! its golden file `NAME.trace`, bless new goldens atomically. `scenario test` and the
//! `cargo test` suite both go through here, so they judge a scenario the same way.
//!
//! A golden holds exactly what `scenario run NAME.py` shows: the trace, then anything the
//! program wrote to stderr after a `# stderr` line; for a file that does not run, the
//! rendered diagnostics.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::settings::{self, Clock, Settings};
use crate::{Config, Report};

/// What discovery found under the paths given.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Every `*.py` file, sorted, each once, with the directory it was found under (or,
    /// for a file given by name, its directory): the root its name falls back on.
    pub scenarios: Vec<(PathBuf, PathBuf)>,
    /// Every `*.trace` file with no scenario beside it, sorted.
    pub strays: Vec<PathBuf>,
    /// The `*.py` files under the directories searched that are modules other files
    /// import, not scenarios ([`is_module`]), sorted.
    pub modules: Vec<PathBuf>,
}

impl Discovery {
    /// The scenario files alone.
    pub fn paths(&self) -> impl Iterator<Item = &PathBuf> {
        self.scenarios.iter().map(|(path, _)| path)
    }
}

/// Find the scenarios (and stray goldens) under `paths`: directories are searched
/// recursively (hidden files and directories skipped, symbolic links followed once),
/// files are taken as they are but must be `*.py`. A file reached twice counts once.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, String> {
    struct Walk {
        found: Discovery,
        seen_dirs: std::collections::HashSet<PathBuf>,
        seen_files: std::collections::HashSet<PathBuf>,
    }
    fn hidden(path: &Path) -> bool {
        path.file_name()
            .is_some_and(|name| name.to_string_lossy().starts_with('.'))
    }
    fn add(walk: &mut Walk, path: PathBuf, root: &Path) {
        let canonical = path.canonicalize().unwrap_or_else(|_| path.clone());
        if walk.seen_files.insert(canonical) {
            walk.found.scenarios.push((path, root.to_path_buf()));
        }
    }
    fn visit(walk: &mut Walk, dir: &Path, root: &Path) -> Result<(), String> {
        // A directory reached again (a symbolic link back up) is not searched twice.
        let canonical = dir.canonicalize().unwrap_or_else(|_| dir.to_path_buf());
        if !walk.seen_dirs.insert(canonical) {
            return Ok(());
        }
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let mut entries: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
        entries.sort();
        for path in entries {
            if hidden(&path) {
                continue;
            }
            if path.is_dir() {
                visit(walk, &path, root)?;
            } else if path.extension().is_some_and(|e| e == "py") && path.is_file() {
                if is_module(&path) {
                    if path.with_extension("trace").is_file() {
                        walk.found.strays.push(path.with_extension("trace"));
                    }
                    walk.found.modules.push(path);
                } else {
                    add(walk, path, root);
                }
            } else if path.extension().is_some_and(|e| e == "trace")
                && !path.with_extension("py").is_file()
            {
                walk.found.strays.push(path);
            }
        }
        Ok(())
    }
    let mut walk = Walk {
        found: Discovery::default(),
        seen_dirs: Default::default(),
        seen_files: Default::default(),
    };
    for path in paths {
        if path.is_dir() {
            visit(&mut walk, path, path)?;
        } else if path.is_file() {
            if path.extension().is_none_or(|e| e != "py") {
                return Err(format!(
                    "{}: not a scenario (a scenario is a *.py file; its golden is the *.trace beside it)",
                    path.display()
                ));
            }
            let root = path.parent().unwrap_or(Path::new("")).to_path_buf();
            add(&mut walk, path.clone(), &root);
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    let mut found = walk.found;
    found.scenarios.sort();
    found.strays.sort();
    found.strays.dedup();
    found.modules.sort();
    Ok(found)
}

/// Whether a file is a module that other files import rather than a scenario of its own:
/// what `module = true` or `false` in `scenario.toml` says for it, or else whether it is a
/// package's `__init__.py` or its top level only defines things (see [`only_defines`]). A module runs as part of the
/// scenarios that import it; run on its own it would do nothing worth pinning.
pub fn is_module(path: &Path) -> bool {
    if let Ok(settings) = settings::for_scenario(path)
        && let Some(module) = settings.run.module
    {
        return module;
    }
    // A package's `__init__.py` runs when the package is imported, not on its own.
    if path.file_name().is_some_and(|name| name == "__init__.py") {
        return true;
    }
    let Ok(bytes) = std::fs::read(path) else {
        return false;
    };
    // A file that does not parse or check is a scenario: its golden is its diagnostics.
    let name = path.display().to_string();
    let loader = crate::loader::FsLoader::new(&name, &name, None);
    loader
        .front_end(&name, &name, bytes, 0)
        .is_ok_and(|parsed| only_defines(&parsed.module.body))
}

/// Whether a module's top level only defines things: a docstring, imports (also
/// `x = __import__('m').x`, `importlib.import_module` under any name, `sys.path.append`),
/// `def`s and assignments of values that call nothing else (but `getattr` and typing's
/// `TypeVar`, `NewType`, `cast`). Such a file prints nothing and waits for nothing when
/// run; a file with an `if __name__ == "__main__":` block, or any other statement, is a
/// program.
pub fn only_defines(body: &[crate::ast::Stmt]) -> bool {
    use crate::ast::{Expr, ExprKind, Node, StmtKind};
    // The names that import: `__import__`, and `import_module` under any alias.
    let mut importers: Vec<&str> = vec!["__import__", "import_module"];
    for stmt in body {
        if let StmtKind::ImportFrom { module, names, .. } = &stmt.kind
            && &*module.id == "importlib"
        {
            for name in names.iter().filter(|n| &*n.name.id == "import_module") {
                importers.push(&name.alias.as_ref().unwrap_or(&name.name).id);
            }
        }
    }
    let calls_only_imports = |expr: &Expr| {
        let mut pure = true;
        crate::ast::walk_expr_nodes(expr, &mut |node| {
            let Node::Expr(e) = node else { return };
            match &e.kind {
                ExprKind::Call { func, .. } => {
                    let name = match &func.kind {
                        ExprKind::Name(name) => &**name,
                        ExprKind::Attribute { attr, .. } => &*attr.id,
                        _ => "",
                    };
                    pure &= importers.contains(&name)
                        || matches!(name, "getattr" | "TypeVar" | "NewType" | "cast");
                }
                ExprKind::Await(_) | ExprKind::Yield(_) => pure = false,
                _ => {}
            }
        });
        pure
    };
    !body.is_empty()
        && body.iter().all(|stmt| match &stmt.kind {
            StmtKind::Import(_)
            | StmtKind::ImportFrom { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::Pass => true,
            StmtKind::Expr(expr) => match &expr.kind {
                ExprKind::Constant(_) => true,
                // `sys.path.append('.')`, `sys.path.insert(0, ...)`: where imports look.
                ExprKind::Call { func, .. } => matches!(
                    &func.kind,
                    ExprKind::Attribute { value, attr }
                        if matches!(&*attr.id, "append" | "insert")
                            && matches!(&value.kind, ExprKind::Attribute { attr, .. } if &*attr.id == "path")
                ),
                _ => false,
            },
            StmtKind::Assign { targets, value } => {
                targets.iter().all(calls_only_imports) && calls_only_imports(value)
            }
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
            } => {
                calls_only_imports(target)
                    && calls_only_imports(annotation)
                    && value.as_ref().is_none_or(calls_only_imports)
            }
            _ => false,
        })
}

/// The name a scenario goes by in its golden (the trace header) and in messages: its path
/// from its suite's root, starting with the root directory's own name
/// (`scenarios/seeds/say_hello.py`). The root is the directory of the scenario's
/// `scenario.toml` (the farthest one, when they nest), or, with none, the directory
/// `scenario test` was given (`root`). So the same suite gives the same goldens from
/// whatever directory it runs.
pub fn scenario_name(path: &Path, root: &Path) -> String {
    let suite_root = settings::find_all(path)
        .last()
        .and_then(|toml| toml.parent().map(Path::to_path_buf))
        .or_else(|| {
            let root = if root.as_os_str().is_empty() {
                Path::new(".")
            } else {
                root
            };
            root.canonicalize().ok()
        });
    let named = suite_root.and_then(|root| {
        let absolute = path.canonicalize().ok()?;
        let relative = absolute.strip_prefix(&root).ok()?;
        Some(match root.file_name() {
            Some(name) => Path::new(name).join(relative),
            None => relative.to_path_buf(),
        })
    });
    slashed(named.as_deref().unwrap_or(path))
}

/// `CI` is set (to anything but empty, `0` or `false`): goldens are never written.
pub fn on_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false"))
}

fn slashed(path: &Path) -> String {
    path.components()
        .filter(|c| !matches!(c, std::path::Component::CurDir))
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// What `scenario run FILE` shows for a report: the trace and anything on stderr, or the
/// diagnostics of a file that did not run.
pub fn golden_text(report: &Report) -> String {
    match &report.trace {
        Some(trace) if report.stderr.is_empty() => trace.clone(),
        Some(trace) => format!("{trace}# stderr\n{}", report.stderr),
        None => report.stderr.clone(),
    }
}

/// The run configuration `scenario run FILE` uses, without flags, under these settings.
pub fn config_for(settings: &Settings) -> Config {
    Config {
        seed: settings.run.seed.unwrap_or(0),
        real_clock: settings.run.clock == Some(Clock::Real),
        max_steps: settings.run.max_steps,
        max_time: settings.run.max_time,
        http: settings.http.clone(),
        paths: settings.paths.clone(),
        ..Config::default()
    }
}

/// The configuration `scenario test` runs a scenario with: [`config_for`], with the
/// default limits where `scenario.toml` sets none.
pub fn test_config(settings: &Settings) -> Config {
    let config = config_for(settings);
    Config {
        max_steps: config.max_steps.or(Some(DEFAULT_MAX_STEPS)),
        max_time: config.max_time.or(Some(DEFAULT_MAX_TIME)),
        ..config
    }
}

/// `scenario worker --name NAME FILE`: run FILE as `scenario test` would and write its
/// [`Report`] to stdout as JSON, for the parent that judges it ([`Runner::Worker`]).
pub fn worker(path: &Path, name: &str) -> Result<String, String> {
    let settings = settings::for_scenario(path)?;
    let bytes =
        std::fs::read(path).map_err(|error| format!("cannot read {}: {error}", path.display()))?;
    let config = Config {
        path: Some(path.display().to_string()),
        ..test_config(&settings)
    };
    let report = crate::run(name, bytes, &config);
    serde_json::to_string(&report).map_err(|error| error.to_string())
}

/// Run `path` in a child `scenario worker` process, killed after `timeout` seconds of
/// wall time.
fn in_worker(exe: &Path, path: &Path, name: &str, timeout: f64) -> Result<Report, Failure> {
    let mut command = std::process::Command::new(exe);
    command.arg("worker").arg("--name").arg(name).arg(path);
    let output = match run_with_timeout(&mut command, std::time::Duration::from_secs_f64(timeout)) {
        Ok(Some(output)) => output,
        Ok(None) => return Err(Failure::TimedOut { seconds: timeout }),
        Err(error) => {
            return Err(Failure::Error(format!(
                "cannot start {}: {error}",
                exe.display()
            )));
        }
    };
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    if !output.status.success() {
        return Err(Failure::Crashed {
            status: output.status.to_string(),
            stderr,
        });
    }
    serde_json::from_slice(&output.stdout).map_err(|error| Failure::Crashed {
        status: format!("{} but no report ({error})", output.status),
        stderr,
    })
}

/// Run a command to the end with its output captured, or kill it once `timeout` has
/// passed: `Ok(None)`. For `scenario test`'s workers and the CPython oracle in the test
/// suite, so that no run can hang a suite.
pub fn run_with_timeout(
    command: &mut std::process::Command,
    timeout: std::time::Duration,
) -> std::io::Result<Option<std::process::Output>> {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    // Read both pipes as the child writes, so that a full pipe never blocks it.
    let drain = |pipe: Option<Box<dyn Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let stdout = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let stderr = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn Read + Send>),
    );
    let deadline = std::time::Instant::now() + timeout;
    // Most runs take milliseconds: poll often at first, then less.
    let mut pause = std::time::Duration::from_micros(200);
    let status = loop {
        if let Some(status) = child.try_wait()? {
            break status;
        }
        let now = std::time::Instant::now();
        if now >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return Ok(None);
        }
        std::thread::sleep(pause.min(deadline - now));
        pause = (pause * 2).min(std::time::Duration::from_millis(20));
    };
    Ok(Some(std::process::Output {
        status,
        stdout: stdout.join().unwrap_or_default(),
        stderr: stderr.join().unwrap_or_default(),
    }))
}

/// Write `text` to `path` so that a reader (or an interruption) sees either the old file
/// or the new one, never a mix: write a temporary file beside it, then rename it over.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    static SERIAL: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let serial = SERIAL.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}-{serial}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temporary)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        std::fs::rename(&temporary, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temporary);
    }
    result
}

/// How to judge a scenario.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// Write new or changed goldens instead of failing.
    pub bless: bool,
    /// Run twice and require identical results (the determinism check).
    pub twice: bool,
    /// Where each run happens.
    pub runner: Runner,
    /// The wall-clock limit of one run in a [`Runner::Worker`], over `timeout` in
    /// `scenario.toml` (`scenario test --timeout`).
    pub timeout: Option<f64>,
}

/// Where a scenario runs.
#[derive(Clone, Debug, Default)]
pub enum Runner {
    /// On a thread of its own (see [`crate::run`]).
    #[default]
    OwnThread,
    /// On the calling thread, which has a [`crate::STACK_SIZE`] stack.
    ThisThread,
    /// In a child process, `EXE worker --name NAME FILE`, with a wall-clock limit: a
    /// scenario that crashes the process or never finishes is that scenario's failure,
    /// and the others still run.
    Worker(PathBuf),
}

/// `scenario test`'s wall-clock limit for one run when `scenario.toml` sets none.
pub const DEFAULT_TIMEOUT: f64 = 60.0;
/// `scenario test`'s `max-steps` when `scenario.toml` sets none: a runaway loop is a
/// report (exit 3) after a few seconds, not a hung suite.
pub const DEFAULT_MAX_STEPS: u64 = 100_000_000;
/// `scenario test`'s `max-time` when `scenario.toml` sets none, in virtual seconds (a
/// day): `while True: await asyncio.sleep(60)` ends at once instead of after its steps.
pub const DEFAULT_MAX_TIME: f64 = 86_400.0;

/// How a scenario fared.
#[derive(Clone, Debug, PartialEq)]
pub enum Verdict {
    Passed,
    /// `skip = "why"` in `scenario.toml`.
    Skipped(String),
    /// The golden was written: `true` when it is new.
    Blessed(bool),
    Failed(Failure),
}

/// Why a scenario failed.
#[derive(Clone, Debug, PartialEq)]
pub enum Failure {
    /// Its output differs from the golden.
    Mismatch { expected: String, actual: String },
    /// There is no golden yet.
    Missing { actual: String },
    /// It exited with a code `scenario.toml` does not expect.
    ExitCode {
        expected: i32,
        actual: i32,
        output: String,
    },
    /// Two runs differ.
    Nondeterministic { first: String, second: String },
    /// It ran past its wall-clock limit (`timeout`) and was stopped.
    TimedOut { seconds: f64 },
    /// The process running it ended without a report (a crash: a bug in `scenario`).
    Crashed { status: String, stderr: String },
    /// It could not be run or its golden could not be read or written.
    Error(String),
}

/// Run one scenario and judge it against its golden. `name` is how the scenario is named
/// in its trace header and in messages (the path as the user typed it).
pub fn check(path: &Path, name: &str, options: &Options) -> Verdict {
    let settings = match settings::for_scenario(path) {
        Ok(settings) => settings,
        Err(error) => return Verdict::Failed(Failure::Error(error)),
    };
    if let Some(reason) = &settings.run.skip {
        return Verdict::Skipped(reason.clone());
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(error) => {
            return Verdict::Failed(Failure::Error(format!("cannot read {name}: {error}")));
        }
    };
    let config = Config {
        path: Some(path.display().to_string()),
        ..test_config(&settings)
    };
    let timeout = options
        .timeout
        .or(settings.run.timeout)
        .unwrap_or(DEFAULT_TIMEOUT);
    let run = || -> Result<Report, Failure> {
        Ok(match &options.runner {
            Runner::ThisThread => crate::run_on_this_thread(name, bytes.clone(), &config),
            Runner::OwnThread => crate::run(name, bytes.clone(), &config),
            Runner::Worker(exe) => in_worker(exe, path, name, timeout)?,
        })
    };
    let report = match run() {
        Ok(report) => report,
        Err(failure) => return Verdict::Failed(failure),
    };
    let actual = golden_text(&report);
    if options.twice {
        let second = match run() {
            Ok(report) => golden_text(&report),
            Err(failure) => return Verdict::Failed(failure),
        };
        if second != actual {
            return Verdict::Failed(Failure::Nondeterministic {
                first: actual,
                second,
            });
        }
    }
    if let Some(expected) = settings.run.exit_code
        && expected != report.exit_code
    {
        return Verdict::Failed(Failure::ExitCode {
            expected,
            actual: report.exit_code,
            output: actual,
        });
    }
    let golden = path.with_extension("trace");
    let expected = match std::fs::read(&golden) {
        Ok(bytes) => Some(String::from_utf8_lossy(&bytes).into_owned()),
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => None,
        Err(error) => {
            return Verdict::Failed(Failure::Error(format!(
                "cannot read {}: {error}",
                golden.display()
            )));
        }
    };
    if expected.as_deref() == Some(actual.as_str()) {
        return Verdict::Passed;
    }
    if options.bless {
        return match write_atomically(&golden, &actual) {
            Ok(()) => Verdict::Blessed(expected.is_none()),
            Err(error) => Verdict::Failed(Failure::Error(format!(
                "cannot write {}: {error}",
                golden.display()
            ))),
        };
    }
    Verdict::Failed(match expected {
        None => Failure::Missing { actual },
        Some(expected) => Failure::Mismatch { expected, actual },
    })
}

/// ANSI colours for a terminal, or none.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    Color,
}

impl Style {
    fn paint(self, code: &str, text: &str) -> String {
        match self {
            Style::Plain => text.to_string(),
            Style::Color => format!("\x1b[{code}m{text}\x1b[0m"),
        }
    }

    pub fn red(self, text: &str) -> String {
        self.paint("31", text)
    }

    pub fn green(self, text: &str) -> String {
        self.paint("32", text)
    }

    pub fn yellow(self, text: &str) -> String {
        self.paint("33", text)
    }

    pub fn bold(self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(self, text: &str) -> String {
        self.paint("2", text)
    }
}

/// Characters a reader could not otherwise see in a changed line: tabs as `→`, trailing
/// spaces as `·`, a carriage return as `␍`, and invisible or look-alike characters (a
/// byte-order mark, a no-break or zero-width space, control characters) as `<U+FEFF>`.
fn visible_whitespace(line: &str) -> String {
    let shown = visible_spaces(line);
    if !shown.chars().any(invisible) {
        return shown;
    }
    shown
        .chars()
        .map(|c| {
            if invisible(c) {
                format!("<U+{:04X}>", c as u32)
            } else {
                c.to_string()
            }
        })
        .collect()
}

fn invisible(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(
            c,
            '\u{a0}' | '\u{ad}' | '\u{180e}' | '\u{2000}'..='\u{200f}' | '\u{2028}'..='\u{202f}'
                | '\u{205f}'..='\u{206f}' | '\u{3000}' | '\u{feff}'
        )
}

fn visible_spaces(line: &str) -> String {
    let body = line.strip_suffix('\n').unwrap_or(line);
    let (body, cr) = match body.strip_suffix('\r') {
        Some(body) => (body, "␍"),
        None => (body, ""),
    };
    let trimmed = body.trim_end_matches([' ', '\t']);
    let trailing: String = body[trimmed.len()..]
        .chars()
        .map(|c| if c == '\t' { '→' } else { '·' })
        .collect();
    format!("{}{trailing}{cr}", trimmed.replace('\t', "→"))
}

/// A unified diff of `expected` (the golden) against `actual`, three lines of context.
/// Changed lines show their whitespace; a missing final newline is said in words.
pub fn diff(expected: &str, actual: &str, style: Style) -> String {
    let diff = similar::TextDiff::from_lines(expected, actual);
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.red("--- golden"));
    let _ = writeln!(out, "{}", style.green("+++ actual"));
    for group in diff.grouped_ops(3) {
        let (first, last) = (&group[0], &group[group.len() - 1]);
        let old = first.old_range().start..last.old_range().end;
        let new = first.new_range().start..last.new_range().end;
        let header = format!(
            "@@ -{},{} +{},{} @@",
            old.start + 1,
            old.len(),
            new.start + 1,
            new.len()
        );
        let _ = writeln!(out, "{}", style.paint("36", &header));
        for op in &group {
            for change in diff.iter_changes(op) {
                let text = change.value();
                let line = match change.tag() {
                    similar::ChangeTag::Equal => format!(" {}", text.trim_end_matches('\n')),
                    similar::ChangeTag::Delete => {
                        style.red(&format!("-{}", visible_whitespace(text)))
                    }
                    similar::ChangeTag::Insert => {
                        style.green(&format!("+{}", visible_whitespace(text)))
                    }
                };
                let _ = writeln!(out, "{line}");
                if change.missing_newline() {
                    let _ = writeln!(out, "{}", style.dim("\\ No newline at end of file"));
                }
            }
        }
    }
    out
}

/// The message for a failed scenario: what went wrong, the diff or the output, and the
/// command that accepts the new behaviour.
pub fn describe_failure(name: &str, failure: &Failure, bless: &str, style: Style) -> String {
    match failure {
        Failure::Mismatch { expected, actual } => format!(
            "{name} does not match its golden file {}:\n{}\nIf the change is intended, review the diff, then accept it with:\n    {bless}\n",
            golden_name(name),
            diff(expected, actual, style)
        ),
        Failure::Missing { actual } => format!(
            "{name} has no golden file {}. It shows:\n{}\nReview it, then create the golden with:\n    {bless}\n",
            golden_name(name),
            indent(actual)
        ),
        Failure::ExitCode {
            expected,
            actual,
            output,
        } => format!(
            "{name} exited with code {actual}, but scenario.toml expects {expected} (exit-code). It shows:\n{}",
            indent(output)
        ),
        Failure::Nondeterministic { first, second } => format!(
            "two runs of {name} differ (the trace must be a function of file and seed):\n{}",
            diff(first, second, style)
        ),
        Failure::TimedOut { seconds } => format!(
            "{name} was stopped after {seconds} s of wall time (its timeout). A loop that never ends is \
             usually stopped sooner by max-steps; if it only needs longer, set `timeout` for it \
             in scenario.toml, or pass --timeout.\n"
        ),
        Failure::Crashed { status, stderr } => format!(
            "{name} crashed the process running it ({status}): this is a bug in scenario, \
             please report it with the scenario. {}",
            if stderr.trim().is_empty() {
                "It wrote nothing on stderr.\n".to_string()
            } else {
                format!("Its stderr:\n{}", indent(stderr))
            }
        ),
        Failure::Error(error) => format!("{name}: {error}\n"),
    }
}

fn golden_name(name: &str) -> String {
    Path::new(name)
        .with_extension("trace")
        .display()
        .to_string()
}

fn indent(text: &str) -> String {
    text.lines().map(|line| format!("    {line}\n")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn diffs_show_changed_whitespace_and_missing_newlines() {
        let text = diff("a\nb \nc\n", "a\nb\t\nc", Style::Plain);
        assert_eq!(
            text,
            "--- golden\n+++ actual\n@@ -1,3 +1,3 @@\n a\n-b·\n-c\n+b→\n+c\n\\ No newline at end of file\n"
        );
        let text = diff("\u{feff}x\n", "x\n", Style::Plain);
        assert!(text.contains("-<U+FEFF>x\n+x\n"), "{text}");
        let text = diff("a\u{a0}b\n", "a b\n", Style::Plain);
        assert!(text.contains("-a<U+00A0>b\n+a b\n"), "{text}");
    }

    #[test]
    fn atomic_writes_replace_the_whole_file() {
        let dir = std::env::temp_dir().join(format!("scenario-atomic-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("x.trace");
        write_atomically(&path, "old\n").unwrap();
        write_atomically(&path, "new\n").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new\n");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
