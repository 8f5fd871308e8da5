//! The integration test suite: one test binary, one test per scenario and check.
//!
//! For every `scenarios/**/NAME.py`:
//! - `golden::PATH` judges the scenario as `scenario test` does (`scenario::suite`), running
//!   it twice to require byte-identical output (determinism), against the golden file
//!   `NAME.trace` beside it. Set `SCENARIO_BLESS=1` to write new or changed goldens
//!   (refused when `CI` is set). A golden with no scenario beside it fails
//!   `golden::stray::PATH`.
//! - `cpython::PATH` runs it under CPython on a virtual clock (`tests/oracle/vclock.py`,
//!   with `random` seeded first as `--seed` seeds it: `tests/oracle/seeded.py`) and
//!   requires the same stdout and exit code as `scenario run --format stdout`
//!   (with `PYTHONHASHSEED=0`, which makes CPython's set order reproducible). Scenarios
//!   whose first line starts with `# divergence:` are excluded (and listed); without
//!   `python3` these tests are skipped with a notice.
//!
//! `cargo test say_hello` runs the tests of one scenario.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use libtest_mimic::{Arguments, Failed, Trial};
use scenario::suite::{Style, Verdict};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every scenario file, sorted, and the stray goldens.
fn scenario_files() -> scenario::suite::Discovery {
    scenario::suite::discover(&[root().join("scenarios")]).expect("scenarios/ is readable")
}

/// The path as a user would type it from the repository root.
fn display_name(path: &Path) -> String {
    path.strip_prefix(root())
        .unwrap_or(path)
        .display()
        .to_string()
}

/// The test name: the path under `scenarios/` without `.py`.
fn test_name(path: &Path) -> String {
    let relative = path.strip_prefix(root().join("scenarios")).unwrap_or(path);
    relative.with_extension("").display().to_string()
}

/// The reason given on a `# divergence:` first line, if any.
fn divergence(path: &Path) -> Option<String> {
    // The rest of the file may not even be UTF-8 (that can be the point of the scenario).
    let bytes = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&bytes);
    let first = text.lines().next()?;
    first
        .strip_prefix("# divergence:")
        .map(|reason| reason.trim().to_string())
}

fn unified_diff(expected: &str, actual: &str) -> String {
    scenario::suite::diff(expected, actual, scenario::suite::Style::Plain)
}

/// Judge a scenario as `scenario test` does, running it twice (determinism).
fn golden(path: &Path) -> Result<(), Failed> {
    // SCENARIO_BLESS=1 (or true, yes) writes goldens; 0, false, no or empty do not.
    let bless = std::env::var("SCENARIO_BLESS")
        .is_ok_and(|v| !matches!(v.trim(), "" | "0" | "false" | "no"));
    if bless && scenario::suite::on_ci() {
        return Err("refusing to bless goldens on CI (CI is set)".into());
    }
    // In a process of its own, as `scenario test` runs it: a crash or a hang fails this
    // test alone, after the scenario's timeout.
    let options = scenario::suite::Options {
        bless,
        twice: true,
        runner: scenario::suite::Runner::Worker(env!("CARGO_BIN_EXE_scenario").into()),
        timeout: None,
    };
    let name = scenario::suite::scenario_name(path, &root().join("scenarios"));
    match scenario::suite::check(path, &name, &options) {
        Verdict::Passed | Verdict::Skipped(_) => Ok(()),
        Verdict::Blessed(new) => {
            let what = if new { "new" } else { "updated" };
            eprintln!(
                "blessed {} ({what})",
                path.with_extension("trace").display()
            );
            Ok(())
        }
        Verdict::Failed(failure) => {
            let hint = format!(
                "SCENARIO_BLESS=1 cargo test -- golden::{}   (or: scenario test --bless {})",
                test_name(path),
                display_name(path)
            );
            Err(scenario::suite::describe_failure(&name, &failure, &hint, Style::Plain).into())
        }
    }
}

/// The real CPython binary (the `python3` on PATH may be a slow version-manager shim).
fn python() -> Option<&'static str> {
    static PYTHON: OnceLock<Option<String>> = OnceLock::new();
    PYTHON
        .get_or_init(|| {
            let output = Command::new("python3")
                .args(["-c", "import sys; print(sys.executable)"])
                .output()
                .ok()?;
            output
                .status
                .success()
                .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
        })
        .as_deref()
}

fn cpython(path: &Path) -> Result<(), Failed> {
    let Some(python) = python() else {
        return Ok(()); // reported once by main()
    };
    let dir = path.parent().expect("a scenario is in a directory");
    let file = path.file_name().expect("a file name");
    // As `scenario run --format stdout` runs it: under its scenario.toml.
    let settings = scenario::settings::for_scenario(path)?;
    let config = scenario::Config {
        trace: false,
        // The program sees real paths, as under CPython (`[paths] root` is for goldens).
        paths: None,
        ..scenario::suite::config_for(&settings)
    };
    let mut command = Command::new(python);
    // `random` seeded as `--seed` seeds it, then vclock.py.
    command
        .arg(root().join("tests/oracle/seeded.py"))
        .arg(config.seed.to_string())
        .arg(file)
        .current_dir(dir)
        // scenario's sets iterate as CPython's do with string hashing unrandomised.
        .env("PYTHONHASHSEED", "0");
    let timeout = std::time::Duration::from_secs_f64(scenario::suite::DEFAULT_TIMEOUT);
    let output = scenario::suite::run_with_timeout(&mut command, timeout)
        .map_err(|e| format!("cannot run {python}: {e}"))?
        .ok_or_else(|| {
            format!(
                "CPython did not finish {} within {} s: a scenario that hangs under CPython \
                 (a deadlock, say) needs a `# divergence:` first line",
                display_name(path),
                scenario::suite::DEFAULT_TIMEOUT
            )
        })?;
    let want_stdout = String::from_utf8_lossy(&output.stdout);
    let want_code = output.status.code().unwrap_or(-1);
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let report = scenario::run(&display_name(path), bytes, &config);
    if report.stdout == want_stdout && report.exit_code == want_code {
        return Ok(());
    }
    Err(format!(
        "scenario and CPython disagree on {}\nexit code: CPython {want_code}, scenario {}\nstdout (CPython → scenario):\n{}\nCPython's stderr:\n{}\nscenario's stderr:\n{}",
        display_name(path),
        report.exit_code,
        unified_diff(&want_stdout, &report.stdout),
        String::from_utf8_lossy(&output.stderr),
        report.stderr
    )
    .into())
}

/// The vendored oracle must stay the shared one, where that is present.
fn oracle_is_current() -> Result<(), Failed> {
    for file in ["vclock.py", "tiecheck.py"] {
        let Ok(shared) = std::fs::read(root().join("../shared/oracle").join(file)) else {
            continue;
        };
        let vendored =
            std::fs::read(root().join("tests/oracle").join(file)).map_err(|e| e.to_string())?;
        if shared != vendored {
            return Err(format!(
                "tests/oracle/{file} differs from ../shared/oracle/{file}; copy the shared one"
            )
            .into());
        }
    }
    Ok(())
}

/// A fixed slice of the differential fuzzer (fuzz/differential.py): 40 generated asyncio
/// programs must print what CPython prints. Its seeds are fixed, so this is a regression
/// test; longer campaigns run from the command line (README, "Fuzzing").
fn differential_fuzz() -> Result<(), Failed> {
    let Some(python) = python() else {
        return Ok(()); // reported once by main()
    };
    let keep = scratch_dir("differential");
    let mut command = Command::new(python);
    command
        .arg(root().join("fuzz/differential.py"))
        .args(["--seed", "0", "--count", "40", "--scenario"])
        .arg(env!("CARGO_BIN_EXE_scenario"))
        .arg("--keep")
        .arg(&keep);
    let timeout = std::time::Duration::from_secs_f64(scenario::suite::DEFAULT_TIMEOUT * 5.0);
    let output = scenario::suite::run_with_timeout(&mut command, timeout)
        .map_err(|e| format!("cannot run {python}: {e}"))?
        .ok_or("fuzz/differential.py did not finish")?;
    if output.status.success() {
        return Ok(());
    }
    Err(format!(
        "generated programs where scenario and CPython differ (kept in {}):\n{}{}",
        keep.display(),
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
    .into())
}

#[path = "suite/formats.rs"]
mod formats;
#[path = "suite/test_command.rs"]
mod test_command;

/// Run the built binary (not on CI, whatever this process's environment says).
fn cli(args: &[&str], dir: &Path) -> (i32, String, String) {
    cli_env(args, dir, false)
}

/// Run the built binary, with `CI=true` or without `CI`.
fn cli_env(args: &[&str], dir: &Path, ci: bool) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_scenario"));
    command.args(args).current_dir(dir).env_remove("NO_COLOR");
    if ci {
        command.env("CI", "true");
    } else {
        command.env_remove("CI");
    }
    let output = command.output().expect("the scenario binary runs");
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

/// A directory of this test run's own under the system's temporary directory.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir()
        .join(format!("scenario-suite-{}", std::process::id()))
        .join(name);
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    dir
}

fn scratch(name: &str, text: &str) -> PathBuf {
    let dir = scratch_dir("files");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("a scratch file");
    path
}

fn expect_eq(what: &str, actual: &str, expected: &str) -> Result<(), Failed> {
    if actual == expected {
        Ok(())
    } else {
        Err(format!("{what} differs:\n{}", unified_diff(expected, actual)).into())
    }
}

fn cli_tests() -> Vec<Trial> {
    vec![
        Trial::test("cli::check_reports_syntax_errors_with_location", || {
            let path = scratch("bad.py", "import asyncio\nasync def main()\n    pass\n");
            let dir = path.parent().expect("a directory");
            let (code, stdout, stderr) = cli(&["check", "bad.py"], dir);
            expect_eq("stdout", &stdout, "")?;
            expect_eq(
                "stderr",
                &stderr,
                "bad.py:2:17: SyntaxError: expected ':'\n2 | async def main()\n  |                 ^\n",
            )?;
            if code != 2 {
                return Err(format!("exit code {code}, expected 2").into());
            }
            Ok(())
        }),
        Trial::test("cli::check_accepts_a_valid_file", || {
            let path = scratch(
                "good.py",
                "import asyncio\nasync def main():\n    await asyncio.sleep(1)\nasyncio.run(main())\n",
            );
            let (code, stdout, _) = cli(&["check", "good.py"], path.parent().expect("a directory"));
            expect_eq("stdout", &stdout, "good.py: ok\n")?;
            if code != 0 {
                return Err(format!("exit code {code}, expected 0").into());
            }
            Ok(())
        }),
        Trial::test(
            "cli::scenario_toml_configures_aiohttp_and_names_bad_keys",
            || {
                let base = scratch("placeholder.txt", "");
                let dir = base.parent().expect("a directory").join("toml-suite");
                std::fs::create_dir_all(&dir).expect("a directory");
                let program = "import asyncio\nimport aiohttp\n\nasync def main():\n    async with aiohttp.ClientSession() as s:\n        async with s.get('https://a.test') as r:\n            print(r.status, await r.text(), asyncio.get_running_loop().time())\n\nasyncio.run(main())\n";
                std::fs::write(dir.join("fetch.py"), program).expect("a scratch file");
                let toml = "[aiohttp.urls.\"https://a.test\"]\nlatency = 1.5\nstatus = 201\nbody = \"hi\"\n";
                std::fs::write(dir.join("scenario.toml"), toml).expect("a scratch file");
                let (code, stdout, _) = cli(&["run", "--format", "stdout", "fetch.py"], &dir);
                expect_eq("stdout", &stdout, "201 hi 1.5\n")?;
                if code != 0 {
                    return Err(format!("exit code {code}, expected 0").into());
                }
                std::fs::write(dir.join("scenario.toml"), "[aiohttp]\nlatancy = 1\n")
                    .expect("a scratch file");
                let (code, _, stderr) = cli(&["run", "fetch.py"], &dir);
                if code != 2 || !stderr.contains("scenario.toml") || !stderr.contains("latancy") {
                    return Err(format!("exit code {code}, stderr {stderr:?}").into());
                }
                Ok(())
            },
        ),
        Trial::test("cli::run_format_stdout_prints_only_program_output", || {
            let (code, stdout, stderr) = cli(
                &["run", "--format", "stdout", "scenarios/seeds/say_hello.py"],
                root(),
            );
            expect_eq("stdout", &stdout, "Hello\nWorld\n")?;
            expect_eq("stderr", &stderr, "")?;
            if code != 0 {
                return Err(format!("exit code {code}, expected 0").into());
            }
            Ok(())
        }),
        Trial::test("cli::uncaught_exception_exits_1_with_a_traceback", || {
            let path = scratch(
                "boom.py",
                "import asyncio\n\nasync def main():\n    raise ValueError('boom')\n\nasyncio.run(main())\n",
            );
            let (code, stdout, stderr) = cli(
                &["run", "--format", "stdout", "boom.py"],
                path.parent().expect("a directory"),
            );
            expect_eq("stdout", &stdout, "")?;
            // Each file is named by its absolute path, as CPython names it.
            let file = path.canonicalize().expect("the scratch file exists");
            let file = file.display();
            expect_eq(
                "stderr",
                &stderr,
                &format!(
                    "Traceback (most recent call last):\n  File \"{file}\", line 6, in <module>\n    asyncio.run(main())\n  File \"{file}\", line 4, in main\n    raise ValueError('boom')\nValueError: boom\n"
                ),
            )?;
            if code != 1 {
                return Err(format!("exit code {code}, expected 1").into());
            }
            Ok(())
        }),
        Trial::test("cli::deadlock_exits_3_and_names_the_waiters", || {
            let path = scratch(
                "cycle.py",
                "import asyncio\n\nasync def a():\n    await task_b\n\nasync def b():\n    await task_a\n\n\
                 async def main():\n    global task_a, task_b\n    task_a = asyncio.create_task(a())\n\
                 \x20   task_b = asyncio.create_task(b())\n    await task_a\n\nasyncio.run(main())\n",
            );
            let (code, stdout, stderr) = cli(
                &["run", "--format", "stdout", "cycle.py"],
                path.parent().expect("a directory"),
            );
            expect_eq("stdout", &stdout, "")?;
            expect_eq(
                "stderr",
                &stderr,
                "scenario: exit 3, deadlock: Task-1 waits for Task-2; Task-2 waits for Task-3; Task-3 waits for Task-2\n",
            )?;
            if code != 3 {
                return Err(format!("exit code {code}, expected 3").into());
            }
            Ok(())
        }),
        Trial::test("cli::seed_changes_random_draws", || {
            let path = scratch(
                "draw.py",
                "import random\nprint(random.randint(1, 1000000))\n",
            );
            let dir = path.parent().expect("a directory");
            let (_, default_seed, _) = cli(&["run", "--format", "stdout", "draw.py"], dir);
            let (_, seed_0, _) = cli(
                &["run", "--format", "stdout", "--seed", "0", "draw.py"],
                dir,
            );
            let (_, seed_7, _) = cli(
                &["run", "--format", "stdout", "--seed", "7", "draw.py"],
                dir,
            );
            expect_eq("default seed vs --seed 0", &default_seed, &seed_0)?;
            if seed_0 == seed_7 {
                return Err("--seed 7 drew the same number as --seed 0".into());
            }
            Ok(())
        }),
        Trial::test("cli::max_time_stops_with_exit_3", || {
            let path = scratch(
                "long.py",
                "import asyncio\n\nasync def main():\n    await asyncio.sleep(100)\n    print('late')\n\nasyncio.run(main())\n",
            );
            let (code, stdout, stderr) = cli(
                &["run", "--format", "stdout", "--max-time", "10", "long.py"],
                path.parent().expect("a directory"),
            );
            expect_eq("stdout", &stdout, "")?;
            expect_eq(
                "stderr",
                &stderr,
                "scenario: exit 3, time limit reached (the next event was due at 100.000000)\n",
            )?;
            if code != 3 {
                return Err(format!("exit code {code}, expected 3").into());
            }
            Ok(())
        }),
    ]
}

fn main() {
    let arguments = Arguments::from_args();
    let mut trials = Vec::new();
    let mut excluded = Vec::new();
    let found = scenario_files();
    for stray in &found.strays {
        let name = display_name(stray);
        trials.push(Trial::test(format!("golden::stray::{name}"), move || {
            Err(
                format!("{name} has no scenario beside it; remove it (scenario test --prune)")
                    .into(),
            )
        }));
    }
    for (path, _) in found.scenarios {
        let name = test_name(&path);
        let golden_path = path.clone();
        trials.push(Trial::test(format!("golden::{name}"), move || {
            golden(&golden_path)
        }));
        match divergence(&path) {
            Some(reason) => excluded.push((name, reason)),
            None => trials.push(Trial::test(format!("cpython::{name}"), move || {
                cpython(&path)
            })),
        }
    }
    trials.push(Trial::test(
        "cpython::oracle_is_the_shared_one",
        oracle_is_current,
    ));
    trials.push(Trial::test(
        "cpython::differential_fuzz_seeds_0_to_39",
        differential_fuzz,
    ));
    trials.extend(cli_tests());
    trials.extend(formats::trials());
    trials.extend(test_command::trials());
    if python().is_none() {
        eprintln!(
            "notice: python3 not found; the cpython:: parity tests pass without checking anything"
        );
    }
    if !excluded.is_empty() && !arguments.list {
        // One line per documented reason, naming the scenarios it covers.
        let mut reasons: Vec<(String, Vec<String>)> = Vec::new();
        for (name, reason) in excluded {
            match reasons.iter_mut().find(|(r, _)| *r == reason) {
                Some((_, names)) => names.push(name),
                None => reasons.push((reason, vec![name])),
            }
        }
        eprintln!("notice: not compared with CPython (documented divergences):");
        for (reason, names) in reasons {
            eprintln!("  {reason}: {}", names.join(", "));
        }
    }
    libtest_mimic::run(&arguments, trials).exit();
}
