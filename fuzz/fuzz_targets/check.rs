//! Any bytes through the front end only (layout, parser, checker, compiler): faster than
//! `run`, so it explores the syntax error paths deeper. A panic there is the finding.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Diagnostics are fine; `check_source` returns them. A panic is caught and rendered as
    // an internal error, which is what this looks for.
    if let Err(rendered) = scenario::check_source("fuzz.py", data.to_vec()) {
        assert!(!rendered.starts_with("scenario: internal error"), "{rendered}");
    }
});
