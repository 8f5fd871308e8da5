//! `--format json`, `chrome` and `svg`, and `-o`, checked through the binary as a user
//! would use them; the SVG is rendered in headless Chromium and the picture inspected.

use std::path::{Path, PathBuf};
use std::process::Command;

use libtest_mimic::{Failed, Trial};

use super::{cli, root};

fn ensure(condition: bool, message: impl FnOnce() -> String) -> Result<(), Failed> {
    if condition {
        Ok(())
    } else {
        Err(message().into())
    }
}

fn run_format(format: &str, scenario: &str) -> Result<String, Failed> {
    let (code, stdout, stderr) = cli(&["run", "--format", format, scenario], root());
    ensure(code == 0, || format!("exit code {code}: {stderr}"))?;
    Ok(stdout)
}

fn json_lines() -> Result<(), Failed> {
    let text = run_format("json", "scenarios/seeds/say_hello.py")?;
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(serde_json::from_str)
        .collect::<Result<_, _>>()
        .map_err(|e| format!("not JSON Lines: {e}\n{text}"))?;
    let events = text.lines().count() - 2;
    let trace = run_format("text", "scenarios/seeds/say_hello.py")?;
    // The same facts as the text trace: one object per event line.
    ensure(events == trace.lines().count() - 2, || {
        format!("{events} events in JSON, text trace:\n{trace}")
    })?;
    ensure(
        lines[0]["type"] == "header" && lines[0]["seed"] == 0,
        || format!("header: {}", lines[0]),
    )?;
    let printed: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|line| line["event"] == "printed")
        .map(|line| &line["text"])
        .collect();
    ensure(printed == ["Hello\n", "World\n"], || format!("{printed:?}"))?;
    let slept = lines.iter().find(|line| line["event"] == "slept");
    ensure(
        slept.is_some_and(|line| line["seconds"] == 1.0 && line["time_ns"] == 0),
        || format!("{slept:?}"),
    )?;
    let last = &lines[lines.len() - 1];
    ensure(
        last["type"] == "outcome" && last["exit_code"] == 0 && last["time_ns"] == 1_000_000_000,
        || format!("outcome: {last}"),
    )
}

fn chrome_trace() -> Result<(), Failed> {
    let text = run_format("chrome", "scenarios/seeds/gather_two_tasks.py")?;
    let document: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("not JSON: {e}"))?;
    let events = document["traceEvents"]
        .as_array()
        .ok_or("no traceEvents array")?;
    let tracks: Vec<&str> = events
        .iter()
        .filter(|e| e["ph"] == "M" && e["name"] == "thread_name")
        .filter_map(|e| e["args"]["name"].as_str())
        .collect();
    let trace = run_format("text", "scenarios/seeds/gather_two_tasks.py")?;
    let created = trace.lines().filter(|l| l.contains(" created ")).count();
    ensure(tracks.len() == created, || {
        format!("{} tracks for {created} tasks: {tracks:?}", tracks.len())
    })?;
    ensure(tracks[0].starts_with("Task-1 "), || format!("{tracks:?}"))?;
    for phase in ["b", "e", "X", "i", "s", "f"] {
        ensure(events.iter().any(|e| e["ph"] == phase), || {
            format!("no event with ph {phase:?}")
        })?;
    }
    // A flow arrow for every wake-up after a sleep or a wait, and one per spawned task.
    let text = run_format("chrome", "scenarios/seeds/tasks_abc.py")?;
    let abc: serde_json::Value = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let flows = |name: &str| {
        abc["traceEvents"].as_array().map_or(0, |events| {
            events
                .iter()
                .filter(|e| e["ph"] == "s" && e["name"] == name)
                .count()
        })
    };
    let abc_trace = run_format("text", "scenarios/seeds/tasks_abc.py")?;
    let wakes = abc_trace.lines().filter(|l| l.contains(" woke")).count();
    ensure(flows("wake") == wakes, || {
        format!("{} wake arrows for {wakes} wake-ups", flows("wake"))
    })?;
    ensure(flows("spawn") == 3, || {
        format!("{} spawn arrows for 3 tasks made by Task-1", flows("spawn"))
    })?;
    // Async slices pair up, and every timestamp is in microseconds of virtual time.
    let begins = events.iter().filter(|e| e["ph"] == "b").count();
    let ends = events.iter().filter(|e| e["ph"] == "e").count();
    ensure(begins == ends, || format!("{begins} b vs {ends} e"))?;
    let last = events
        .iter()
        .filter_map(|e| e["ts"].as_f64())
        .fold(0.0, f64::max);
    let end = trace
        .lines()
        .last()
        .and_then(|l| l.split_whitespace().next())
        .and_then(|t| t.parse::<f64>().ok())
        .ok_or("no outcome line")?;
    ensure((last - end * 1e6).abs() < 1.0, || {
        format!("last ts {last} µs, run ends at {end} s")
    })
}

fn output_file_gets_the_trace() -> Result<(), Failed> {
    let dir = super::scratch_dir("output");
    let path = dir.join("trace.json");
    let target = path.to_string_lossy().into_owned();
    let (code, stdout, _) = cli(
        &[
            "run",
            "--format",
            "json",
            "-o",
            &target,
            "scenarios/seeds/say_hello.py",
        ],
        root(),
    );
    ensure(code == 0, || format!("exit code {code}"))?;
    ensure(stdout == "Hello\nWorld\n", || {
        format!("stdout is the program's output, not {stdout:?}")
    })?;
    let written = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
    ensure(written.starts_with("{\"type\":\"header\""), || {
        written.clone()
    })
}

/// Headless Chromium, if installed (`.ci/run` installs Debian's `chromium`).
fn chromium() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("CHROMIUM").map(PathBuf::from),
        Some(PathBuf::from("/usr/bin/chromium")),
        Some(PathBuf::from("/usr/bin/chromium-browser")),
    ];
    candidates.into_iter().flatten().find(|p| p.is_file())
}

/// Render `svg` to a PNG in Chromium: its pixels (RGBA) and size.
fn screenshot(
    browser: &Path,
    svg: &Path,
    width: u32,
    height: u32,
) -> Result<(Vec<u8>, u32, u32), Failed> {
    let dir = svg.parent().ok_or("a directory")?;
    let png = svg.with_extension("png");
    let profile = dir.join("chromium-profile");
    let output = Command::new(browser)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
            "--force-device-scale-factor=1",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("file://{}", svg.display()))
        .output()
        .map_err(|e| format!("cannot run {}: {e}", browser.display()))?;
    ensure(png.is_file(), || {
        format!(
            "chromium made no screenshot:\n{}",
            String::from_utf8_lossy(&output.stderr)
        )
    })?;
    let decoder = png::Decoder::new(std::io::BufReader::new(
        std::fs::File::open(&png).map_err(|e| e.to_string())?,
    ));
    let mut reader = decoder.read_info().map_err(|e| e.to_string())?;
    let mut pixels = vec![0; reader.output_buffer_size().ok_or("a PNG size")?];
    let info = reader.next_frame(&mut pixels).map_err(|e| e.to_string())?;
    ensure(
        info.color_type == png::ColorType::Rgba || info.color_type == png::ColorType::Rgb,
        || format!("unexpected PNG colour type {:?}", info.color_type),
    )?;
    let channels = if info.color_type == png::ColorType::Rgba {
        4
    } else {
        3
    };
    let rgba: Vec<u8> = pixels[..info.buffer_size()]
        .chunks(channels)
        .flat_map(|p| [p[0], p[1], p[2], 255])
        .collect();
    Ok((rgba, info.width, info.height))
}

/// The SVG of a 20-task scenario, seen in a real browser: not blank, one lane per task
/// (counted from the lane gutter's alternating stripes), each lane labelled (text pixels
/// in the label column), bars in the sleeping colour.
fn svg_renders_in_chromium(browser: &Path) -> Result<(), Failed> {
    let dir = super::scratch_dir("svg");
    let svg = dir.join("twenty_workers.svg");
    let target = svg.to_string_lossy().into_owned();
    let (code, _, stderr) = cli(
        &[
            "run",
            "--format",
            "svg",
            "-o",
            &target,
            "scenarios/asyncio/twenty_workers.py",
        ],
        root(),
    );
    ensure(code == 0, || format!("exit code {code}: {stderr}"))?;
    let text = std::fs::read_to_string(&svg).map_err(|e| e.to_string())?;
    ensure(!text.contains("href") && !text.contains("<script"), || {
        "the SVG must be self-contained".to_string()
    })?;
    let height: f64 = text
        .split("height=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .and_then(|h| h.parse().ok())
        .ok_or("no height on <svg>")?;
    let (pixels, width, rows) = screenshot(browser, &svg, 1200, height.ceil() as u32)?;
    let at = |x: u32, y: u32| {
        let i = ((y * width + x) * 4) as usize;
        (pixels[i], pixels[i + 1], pixels[i + 2])
    };
    let white = (0..rows)
        .flat_map(|y| (0..width).map(move |x| (x, y)))
        .filter(|&(x, y)| at(x, y) == (255, 255, 255))
        .count();
    let total = (width * rows) as usize;
    ensure(white < total * 9 / 10, || {
        format!("the picture is blank: {white} of {total} pixels white")
    })?;
    // The gutter: dark and light stripes, one per lane.
    let mut lanes: Vec<(u32, u32)> = Vec::new();
    let mut current: Option<((u8, u8, u8), u32)> = None;
    for y in 0..rows {
        let color = at(2, y);
        let stripe = color == (0x3b, 0x4a, 0x63) || color == (0xb8, 0xc4, 0xd6);
        match (current, stripe) {
            (Some((c, _)), true) if c == color => {}
            (Some((_, start)), _) => {
                lanes.push((start, y));
                current = stripe.then_some((color, y));
            }
            (None, true) => current = Some((color, y)),
            (None, false) => {}
        }
    }
    if let Some((_, start)) = current {
        lanes.push((start, rows));
    }
    ensure(lanes.len() == 20, || {
        format!(
            "{} lanes seen in the picture, expected 20: {lanes:?}",
            lanes.len()
        )
    })?;
    for (index, (top, bottom)) in lanes.iter().enumerate() {
        let ink = (*top..*bottom)
            .flat_map(|y| (12..120).map(move |x| (x, y)))
            .filter(|&(x, y)| {
                let (r, g, b) = at(x, y);
                u32::from(r) + u32::from(g) + u32::from(b) < 250
            })
            .count();
        ensure(ink > 20, || {
            format!("lane {index} has no label ({ink} dark pixels)")
        })?;
    }
    let sleeping = (0..rows)
        .flat_map(|y| (260..width).map(move |x| (x, y)))
        .filter(|&(x, y)| at(x, y) == (0x4e, 0x79, 0xa7))
        .count();
    ensure(sleeping > 1000, || {
        format!("only {sleeping} pixels of sleeping bars")
    })
}

pub fn trials() -> Vec<Trial> {
    let mut trials = vec![
        Trial::test("format::json_lines_one_object_per_event", json_lines),
        Trial::test("format::chrome_loads_with_one_track_per_task", chrome_trace),
        Trial::test(
            "format::output_file_gets_the_trace_stdout_the_program",
            output_file_gets_the_trace,
        ),
    ];
    match chromium() {
        Some(browser) => trials.push(Trial::test("format::svg_renders_in_chromium", move || {
            svg_renders_in_chromium(&browser)
        })),
        None if std::env::var_os("CI").is_some() => {
            trials.push(Trial::test("format::svg_renders_in_chromium", || {
                Err(
                    "chromium is not installed; .ci/run installs it (apt-get install chromium)"
                        .into(),
                )
            }))
        }
        None => {
            eprintln!(
                "notice: chromium not found; format::svg_renders_in_chromium is skipped (apt-get install chromium)"
            );
            trials.push(
                Trial::test("format::svg_renders_in_chromium", || Ok(())).with_ignored_flag(true),
            );
        }
    }
    trials
}
