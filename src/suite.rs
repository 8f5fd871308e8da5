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
    /// Every `*.py` file, sorted.
    pub scenarios: Vec<PathBuf>,
    /// Every `*.trace` file with no `*.py` beside it, sorted.
    pub strays: Vec<PathBuf>,
}

/// Find the scenarios (and stray goldens) under `paths`: directories are searched
/// recursively, files are taken as they are.
pub fn discover(paths: &[PathBuf]) -> Result<Discovery, String> {
    fn walk(dir: &Path, found: &mut Discovery) -> Result<(), String> {
        let entries =
            std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        let mut entries: Vec<PathBuf> = entries.flatten().map(|entry| entry.path()).collect();
        entries.sort();
        for path in entries {
            if path.is_dir() {
                walk(&path, found)?;
            } else if path.extension().is_some_and(|e| e == "py") {
                found.scenarios.push(path);
            } else if path.extension().is_some_and(|e| e == "trace")
                && !path.with_extension("py").is_file()
            {
                found.strays.push(path);
            }
        }
        Ok(())
    }
    let mut found = Discovery::default();
    for path in paths {
        if path.is_dir() {
            walk(path, &mut found)?;
        } else if path.is_file() {
            found.scenarios.push(path.clone());
        } else {
            return Err(format!("{}: no such file or directory", path.display()));
        }
    }
    found.scenarios.sort();
    found.scenarios.dedup();
    found.strays.sort();
    found.strays.dedup();
    Ok(found)
}

/// The name a scenario goes by in its golden (the trace header) and in messages, the same
/// from whatever directory the suite runs: its path from the directory above the suite's
/// `scenario.toml` (`scenarios/seeds/say_hello.py`); with no `scenario.toml`, its path
/// as given, without `./`.
pub fn scenario_name(path: &Path) -> String {
    let from_suite = settings::find(path).and_then(|toml| {
        let root = toml.parent()?.parent()?;
        let absolute = path.canonicalize().ok()?;
        let relative = absolute.strip_prefix(root).ok()?;
        Some(slashed(relative))
    });
    from_suite.unwrap_or_else(|| slashed(path))
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
        ..Config::default()
    }
}

/// Write `text` to `path` so that a reader (or an interruption) sees either the old file
/// or the new one, never a mix: write a temporary file beside it, then rename it over.
pub fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let temporary = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
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
}

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
    let config = config_for(&settings);
    let report = crate::run(name, bytes.clone(), &config);
    let actual = golden_text(&report);
    if options.twice {
        let second = golden_text(&crate::run(name, bytes, &config));
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

/// Whitespace a reader could not otherwise see in a changed line: tabs as `→`, trailing
/// spaces as `·`, a carriage return as `␍`.
fn visible_whitespace(line: &str) -> String {
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
