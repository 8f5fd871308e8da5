//! `scenario test` on a scratch suite, as a user meets it: a change fails with a diff and
//! the bless command, `--bless` fixes it atomically, CI never writes, strays are reported,
//! the summary line is exact, scenario.toml's expectations and skips apply.

use std::path::{Path, PathBuf};

use libtest_mimic::{Failed, Trial};

use super::cli;

const HELLO: &str = "import asyncio\n\nasync def main():\n    print('hello')\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n";

/// A fresh suite directory with `scenarios/` holding the given files.
fn suite(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir = super::scratch_dir(&format!("test-command-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in files {
        let path = dir.join("scenarios").join(path);
        std::fs::create_dir_all(path.parent().expect("a directory")).expect("a directory");
        std::fs::write(&path, text).expect("a scratch file");
    }
    dir
}

fn run(dir: &Path, args: &[&str], ci: bool) -> (i32, String, String) {
    let mut all = vec!["test"];
    all.extend_from_slice(args);
    super::cli_env(&all, dir, ci)
}

fn ensure(condition: bool, what: &str, output: &(i32, String, String)) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(format!(
            "{what}\nexit code {}\nstdout:\n{}\nstderr:\n{}",
            output.0, output.1, output.2
        )
        .into())
    }
}

/// The command's stdout contains `text`.
fn says(output: &(i32, String, String), text: &str, what: &str) -> Result<(), Failed> {
    ensure(output.1.contains(text), what, output)
}

fn last_line(text: &str) -> &str {
    text.lines().last().unwrap_or("")
}

fn bless_workflow() -> Result<(), Failed> {
    let dir = suite("bless", &[("hello.py", HELLO), ("other.py", "print(1)\n")]);
    // No goldens yet: each is a failure that shows the output and the bless command.
    let out = run(&dir, &[], false);
    ensure(out.0 == 1, "missing goldens fail", &out)?;
    ensure(last_line(&out.1) == "0 passed, 2 failed", "summary", &out)?;
    says(
        &out,
        "has no golden file scenarios/hello.trace",
        "names the golden",
    )?;
    says(
        &out,
        "scenario test --bless scenarios/hello.py",
        "bless hint",
    )?;
    ensure(
        !dir.join("scenarios/hello.trace").exists(),
        "nothing written",
        &out,
    )?;
    // --bless writes them and says which.
    let out = run(&dir, &["--bless"], false);
    ensure(out.0 == 0, "bless succeeds", &out)?;
    says(
        &out,
        "blessed scenarios/hello.trace (new)",
        "says what it wrote",
    )?;
    ensure(
        last_line(&out.1) == "2 passed, 0 failed (2 blessed)",
        "summary",
        &out,
    )?;
    let golden = std::fs::read_to_string(dir.join("scenarios/hello.trace"))?;
    let (_, shown, _) = cli(&["run", "scenarios/hello.py"], &dir);
    ensure(
        golden == shown,
        "the golden is what `scenario run` shows",
        &out,
    )?;
    let out = run(&dir, &[], false);
    ensure(
        out.0 == 0 && last_line(&out.1) == "2 passed, 0 failed",
        "all pass",
        &out,
    )?;
    // A changed behaviour: a diff with the changed lines and the bless hint.
    std::fs::write(
        dir.join("scenarios/hello.py"),
        HELLO.replace("hello'", "hello there'"),
    )?;
    let out = run(&dir, &[], false);
    ensure(
        out.0 == 1 && last_line(&out.1) == "1 passed, 1 failed",
        "a change fails",
        &out,
    )?;
    says(
        &out,
        "-0.000000  Task-1  main  printed   'hello'",
        "old line",
    )?;
    says(
        &out,
        "+0.000000  Task-1  main  printed   'hello there'",
        "new line",
    )?;
    says(
        &out,
        "scenario test --bless scenarios/hello.py",
        "bless hint",
    )?;
    ensure(
        !out.1.contains("\x1b["),
        "no colour when not a terminal",
        &out,
    )?;
    // The hint to accept everything repeats the filter and quotes what needs it.
    let out = run(&dir, &["scenarios", "--filter", "hel lo"], false);
    ensure(
        out.0 == 2,
        "a filter that matches nothing is a usage error",
        &out,
    )?;
    std::fs::write(dir.join("scenarios/other.py"), "print(2)\n")?;
    let out = run(&dir, &["scenarios", "--filter", "o"], false);
    says(
        &out,
        "To accept every changed or new golden shown above: scenario test --bless scenarios --filter o",
        "the bless-all hint keeps the filter",
    )?;
    let out = run(&dir, &["--bless", "--filter", "other"], false);
    ensure(out.0 == 0, "bless other", &out)?;
    // A golden given by name is not a scenario: refused, not overwritten.
    let out = run(&dir, &["--bless", "scenarios/other.trace"], false);
    ensure(
        out.0 == 2 && out.2.contains("not a scenario"),
        "a .trace argument is refused",
        &out,
    )?;
    ensure(
        std::fs::read_to_string(dir.join("scenarios/other.trace"))?.contains("'2'"),
        "the golden is intact",
        &out,
    )?;
    // CI never writes: --bless is refused, and nothing changes.
    let out = run(&dir, &["--bless"], true);
    ensure(
        out.0 == 2 && out.2.contains("refusing --bless"),
        "CI refuses",
        &out,
    )?;
    ensure(
        std::fs::read_to_string(dir.join("scenarios/hello.trace"))? == golden,
        "golden kept",
        &out,
    )?;
    // --filter selects by path; blessing fixes the change.
    let out = run(&dir, &["--bless", "--filter", "hello"], false);
    says(&out, "blessed scenarios/hello.trace (updated)", "updated")?;
    ensure(
        last_line(&out.1) == "1 passed, 0 failed (1 blessed)",
        "filtered summary",
        &out,
    )?;
    let leftovers: Vec<String> = std::fs::read_dir(dir.join("scenarios"))?
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    ensure(leftovers.is_empty(), "no temporary files left", &out)?;
    Ok(())
}

/// Nested scenario.toml files merge key by key, and the farthest names the suite's root.
fn nested_settings() -> Result<(), Failed> {
    let dir = suite(
        "nested",
        &[
            ("scenario.toml", "[defaults]\nmax-steps = 1000\nseed = 3\n"),
            (
                "web/scenario.toml",
                "[aiohttp]\nlatency = 1\n[defaults]\nseed = 4\n",
            ),
            ("web/loop.py", "while True:\n    pass\n"),
        ],
    );
    let out = run(&dir, &["--bless"], false);
    let golden = std::fs::read_to_string(dir.join("scenarios/web/loop.trace"))?;
    ensure(
        golden.contains("step limit reached") && golden.contains("| seed 4 |"),
        "the parent's max-steps and the child's seed both apply",
        &out,
    )?;
    ensure(
        golden.starts_with("# scenario 0.1.0 | scenarios/web/loop.py |"),
        "named from the outer suite's root",
        &out,
    )
}

fn ci_and_strays() -> Result<(), Failed> {
    let dir = suite("ci", &[("hello.py", HELLO), ("gone.trace", "stale\n")]);
    let out = run(&dir, &[], true);
    ensure(out.0 == 1, "a missing golden fails on CI", &out)?;
    ensure(
        !dir.join("scenarios/hello.trace").exists(),
        "CI writes nothing",
        &out,
    )?;
    says(&out, "CI is set", "says why nothing was written")?;
    says(
        &out,
        "FAILED stray golden: scenarios/gone.trace has no scenario scenarios/gone.py beside it",
        "reports the stray",
    )?;
    ensure(
        last_line(&out.1) == "0 passed, 2 failed",
        "a stray is a failure",
        &out,
    )?;
    let out = run(&dir, &["--prune"], true);
    ensure(
        out.0 == 2 && dir.join("scenarios/gone.trace").exists(),
        "CI refuses --prune",
        &out,
    )?;
    let out = run(&dir, &["--prune", "--bless"], false);
    says(&out, "pruned scenarios/gone.trace", "prunes")?;
    ensure(
        !dir.join("scenarios/gone.trace").exists(),
        "the stray is gone",
        &out,
    )?;
    Ok(())
}

fn toml_expectations_and_skips() -> Result<(), Failed> {
    let toml = "[defaults]\nexit-code = 0\nseed = 7\n\n[files.\"errors/*.py\"]\nexit-code = 2\n\n[files.\"slow.py\"]\nskip = \"needs the real clock\"\n";
    let dir = suite(
        "toml",
        &[
            ("scenario.toml", toml),
            ("draw.py", "import random\nprint(random.random())\n"),
            ("boom.py", "raise ValueError('boom')\n"),
            ("errors/bad.py", "def f(:\n"),
            ("slow.py", HELLO),
        ],
    );
    let out = run(&dir, &["--bless"], false);
    ensure(
        out.0 == 1,
        "an unexpected exit code fails, even with --bless",
        &out,
    )?;
    says(
        &out,
        "scenarios/boom.py exited with code 1, but scenario.toml expects 0",
        "names the expectation",
    )?;
    ensure(
        !dir.join("scenarios/boom.trace").exists(),
        "not blessed",
        &out,
    )?;
    says(
        &out,
        "skipped scenarios/slow.py: needs the real clock",
        "skip",
    )?;
    ensure(
        last_line(&out.1) == "2 passed, 1 failed, 1 skipped (2 blessed)",
        "summary",
        &out,
    )?;
    let golden = std::fs::read_to_string(dir.join("scenarios/draw.trace"))?;
    ensure(
        golden.contains("| seed 7 |"),
        "the suite's seed applies",
        &out,
    )?;
    // `scenario run` reads the same settings, so the golden is what it shows.
    let (_, shown, _) = cli(&["run", "scenarios/draw.py"], &dir);
    ensure(shown == golden, "run uses the suite seed", &out)?;
    // Under a scenario.toml, goldens name scenarios from the suite's root, so the suite
    // passes from any directory.
    let out = super::cli_env(&["test", "."], &dir.join("scenarios"), false);
    ensure(
        last_line(&out.1) == "2 passed, 1 failed, 1 skipped",
        "goldens do not depend on the working directory",
        &out,
    )?;
    std::fs::write(dir.join("scenarios/scenario.toml"), "[defaults]\nsed = 1\n")?;
    let out = run(&dir, &[], false);
    ensure(
        out.0 == 2 && out.2.contains("sed"),
        "an unknown key is named",
        &out,
    )?;
    ensure(
        out.2.contains("scenarios/scenario.toml"),
        "with its file",
        &out,
    )?;
    std::fs::write(
        dir.join("scenarios/scenario.toml"),
        "[files.\"slwo.py\"]\nseed = 1\n",
    )?;
    let out = run(&dir, &["--filter", "draw"], false);
    ensure(
        out.2
            .contains("scenarios/scenario.toml: [files.\"slwo.py\"] matches no scenario"),
        "a pattern that matches nothing is a typo",
        &out,
    )
}

/// Every run is bounded: the default max-steps and max-time of `scenario test`, a
/// wall-clock timeout per scenario (scenario.toml's `timeout`, or `--timeout`), and a
/// run in a process of its own, so one scenario that hangs or crashes fails alone.
fn limits_and_isolation() -> Result<(), Failed> {
    let forever = "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(60)\n\nasyncio.run(main())\n";
    let dir = suite(
        "limits",
        &[
            ("hello.py", HELLO),
            // Minutes of big-int arithmetic, as under CPython: no step limit catches it.
            ("slow.py", "x = 10 ** (10 ** 9)\nprint(len(str(x)))\n"),
            ("spin.py", "while True:\n    pass\n"),
            ("forever.py", forever),
            ("scenario.toml", "[files.\"slow.py\"]\ntimeout = 0.5\n"),
        ],
    );
    let out = run(&dir, &["--bless"], false);
    ensure(
        last_line(&out.1) == "3 passed, 1 failed (3 blessed)",
        "the slow one is stopped by its timeout, the rest are blessed",
        &out,
    )?;
    says(
        &out,
        "scenarios/slow.py was stopped after 0.5 s of wall time (its timeout)",
        "the timeout names the scenario and the limit",
    )?;
    let golden =
        |name: &str| std::fs::read_to_string(dir.join("scenarios").join(name)).unwrap_or_default();
    ensure(
        golden("spin.trace").contains("step limit reached (100000000 steps)"),
        "a runaway loop ends at the default max-steps",
        &out,
    )?;
    ensure(
        golden("forever.trace").contains("time limit reached"),
        "an endless sleeper ends at the default max-time",
        &out,
    )?;
    // --timeout overrides scenario.toml.
    let out = run(&dir, &["--timeout", "0.2", "--filter", "slow"], false);
    says(
        &out,
        "stopped after 0.2 s",
        "--timeout wins over scenario.toml",
    )?;
    let out = run(&dir, &["--timeout", "0"], false);
    ensure(
        out.0 == 2 && out.2.contains("expected a number of seconds > 0"),
        "a timeout must be positive",
        &out,
    )?;

    // A worker that dies, or ends without a report, fails that scenario only.
    let hello = dir.join("scenarios/hello.py");
    for (body, status) in [
        ("kill -SEGV $$", "signal: 11"),
        ("echo not a report", "but no report"),
    ] {
        let fake = dir.join("fake-worker");
        std::fs::write(&fake, format!("#!/bin/sh\necho dying >&2\n{body}\n"))
            .expect("a scratch file");
        make_executable(&fake);
        let options = scenario::suite::Options {
            runner: scenario::suite::Runner::Worker(fake),
            ..Default::default()
        };
        let verdict = scenario::suite::check(&hello, "hello.py", &options);
        let scenario::suite::Verdict::Failed(failure) = &verdict else {
            return Err(format!("a crashed worker is a failure, not {verdict:?}").into());
        };
        let text = scenario::suite::describe_failure(
            "hello.py",
            failure,
            "",
            scenario::suite::Style::Plain,
        );
        if !(text.contains("crashed the process running it") && text.contains(status)) {
            return Err(format!("the crash is explained ({status}):\n{text}").into());
        }
        if !text.contains("    dying") {
            return Err(format!("the crash shows the worker's stderr:\n{text}").into());
        }
    }
    Ok(())
}

#[cfg(unix)]
fn make_executable(path: &Path) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
        .expect("a scratch file can be made executable");
}

pub fn trials() -> Vec<Trial> {
    vec![
        Trial::test("test_command::bless_workflow", bless_workflow),
        Trial::test(
            "test_command::nested_scenario_toml_files_merge",
            nested_settings,
        ),
        Trial::test(
            "test_command::ci_never_writes_and_strays_are_reported",
            ci_and_strays,
        ),
        Trial::test(
            "test_command::scenario_toml_expectations_and_skips",
            toml_expectations_and_skips,
        ),
        Trial::test(
            "test_command::every_run_is_bounded_and_isolated",
            limits_and_isolation,
        ),
    ]
}
