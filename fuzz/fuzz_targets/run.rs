//! Any bytes, run as a scenario: every input must end in a report, never in a panic, an
//! abort or a hang. (libfuzzer-sys aborts on any panic, also on the interpreter's own
//! thread, so the assertion below only restates what a finding is.)
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let config = scenario::Config {
        // Small limits: a loop is a finding only if it runs past them, not for being long.
        max_steps: Some(200_000),
        max_time: Some(1_000.0),
        ..scenario::Config::default()
    };
    let report = scenario::run("fuzz.py", data.to_vec(), &config);
    // `sys.exit(70)` may exit 70 too; an internal error also says so on stderr.
    assert!(
        !(report.exit_code == scenario::EXIT_INTERNAL
            && report.stderr.starts_with("scenario: internal error")),
        "{}",
        report.stderr
    );
});
