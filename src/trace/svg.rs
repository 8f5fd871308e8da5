//! `--format svg`: a self-contained timeline picture (no scripts, fonts or links), one lane
//! per task in creation order.
//!
//! Bars show what a lane was doing (running, sleeping, waiting, ready); marks show prints,
//! cancellations, timeouts, exceptions and warnings, each with its text in a `<title>` that
//! a browser shows on hover. The axis is in virtual seconds with 1-2-5 ticks. Lanes get
//! thinner as their number grows (22 px down to 2 px) and labels thin out to every k-th
//! lane, so 10 tasks read comfortably and 1,000 still show the shape of the run.

use std::fmt::Write as _;

use super::timeline::{Lane, MarkKind, SpanKind, Timeline};
use super::{Header, Outcome, Trace, time_text};

const WIDTH: f64 = 1200.0;
const LABEL_WIDTH: f64 = 250.0;
const PLOT_LEFT: f64 = LABEL_WIDTH + 10.0;
const PLOT_RIGHT: f64 = WIDTH - 30.0;
const TOP: f64 = 92.0;
const GUTTER: f64 = 6.0;

const RUNNING: &str = "#59a14f";
const SLEEPING: &str = "#4e79a7";
const WAITING: &str = "#f28e2b";
const READY: &str = "#9aa5b1";
const PRINT: &str = "#222222";
const CANCEL: &str = "#d62728";
const TIMEOUT: &str = "#9467bd";
const RAISED: &str = "#d62728";
const WARNED: &str = "#e0ac00";

/// XML text: the five characters that need escaping, and no control characters.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{7f}' || c == '\u{fffe}' || c == '\u{ffff}' => {
                out.push('\u{fffd}')
            }
            c => out.push(c),
        }
    }
    out
}

/// At most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        text.to_string()
    } else {
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

/// Tick spacing: 1, 2 or 5 times a power of ten, about `target` ticks over `span`.
fn tick_step(span_s: f64, target: f64) -> f64 {
    let raw = span_s / target;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * magnitude)
        .find(|step| *step >= raw)
        .unwrap_or(10.0 * magnitude)
}

fn seconds_label(seconds: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    format!("{seconds:.decimals$}")
}

struct Scale {
    span_ns: f64,
}

impl Scale {
    fn x(&self, ns: u64) -> f64 {
        PLOT_LEFT + (ns as f64 / self.span_ns) * (PLOT_RIGHT - PLOT_LEFT)
    }
}

pub fn render(trace: &Trace, header: &Header, outcome: &Outcome, end_ns: u64) -> String {
    let timeline = Timeline::new(trace, end_ns);
    let lanes = timeline.lanes.len().max(1);
    // Lanes compress as they multiply; labels thin out when they would overlap.
    let lane_h = (22.0f64)
        .min((880.0 / lanes as f64).max(2.0))
        .floor()
        .max(2.0);
    let label_every = (12.0 / lane_h).ceil().max(1.0) as usize;
    let height = TOP + lane_h * lanes as f64 + 40.0;
    let scale = Scale {
        span_ns: if end_ns > 0 { end_ns as f64 } else { 1e9 },
    };
    let mut out = String::new();
    let _ = writeln!(
        out,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="DejaVu Sans, Helvetica, Arial, sans-serif" font-size="12">"#
    );
    let title = format!(
        "{} | seed {} | {} clock | {}",
        header.file,
        header.seed,
        if header.real_clock { "real" } else { "virtual" },
        outcome.describe()
    );
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    let _ = writeln!(
        out,
        r##"<rect x="0" y="0" width="{WIDTH}" height="{height}" fill="#ffffff"/>"##
    );
    let _ = writeln!(
        out,
        r#"<text x="12" y="22" font-size="14" font-weight="bold">{}</text>"#,
        escape(&shorten(&title, 150))
    );
    legend(&mut out);
    axis(&mut out, &scale, end_ns, height, lanes as f64 * lane_h);
    for (index, lane) in timeline.lanes.iter().enumerate() {
        let y = TOP + index as f64 * lane_h;
        draw_lane(
            &mut out,
            &scale,
            lane,
            index,
            y,
            lane_h,
            index % label_every == 0,
        );
    }
    let _ = writeln!(out, "</svg>");
    out
}

fn legend(out: &mut String) {
    let mut x = 12.0;
    let y = 44.0;
    for (color, name) in [
        (RUNNING, "running"),
        (SLEEPING, "sleeping"),
        (WAITING, "waiting"),
        (READY, "ready"),
    ] {
        let _ = writeln!(
            out,
            r#"<rect x="{x}" y="{}" width="14" height="10" fill="{color}"/><text x="{}" y="{}">{name}</text>"#,
            y - 9.0,
            x + 18.0,
            y
        );
        x += 28.0 + name.len() as f64 * 7.0;
    }
    for (kind, name) in [
        (MarkKind::Print, "print"),
        (MarkKind::CancelRequested, "cancel"),
        (MarkKind::TimedOut, "timeout"),
        (MarkKind::Raised, "exception"),
        (MarkKind::Warned, "warning"),
    ] {
        mark_shape(out, kind, x + 6.0, y - 4.0, 5.0, None);
        let _ = writeln!(out, r#"<text x="{}" y="{y}">{name}</text>"#, x + 16.0);
        x += 26.0 + name.len() as f64 * 7.0;
    }
}

fn axis(out: &mut String, scale: &Scale, end_ns: u64, height: f64, lanes_h: f64) {
    let span_s = scale.span_ns / 1e9;
    let step = tick_step(span_s, 8.0);
    let count = (span_s / step).floor() as u64;
    let _ = writeln!(
        out,
        r##"<text x="{PLOT_RIGHT}" y="{}" text-anchor="end" fill="#555">virtual time (s); ends at {}</text>"##,
        TOP - 22.0,
        time_text(end_ns)
    );
    for i in 0..=count {
        let seconds = i as f64 * step;
        let x = scale.x((seconds * 1e9).round() as u64);
        // A label near the right edge ends at its tick instead of spilling over.
        let anchor = if x > PLOT_RIGHT - 40.0 {
            "end"
        } else {
            "middle"
        };
        let _ = writeln!(
            out,
            r##"<line x1="{x:.1}" y1="{}" x2="{x:.1}" y2="{:.1}" stroke="#dde3ea"/><text x="{x:.1}" y="{}" text-anchor="{anchor}" fill="#555">{}</text><text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" fill="#555">{}</text>"##,
            TOP - 4.0,
            TOP + lanes_h,
            TOP - 8.0,
            seconds_label(seconds, step),
            height - 22.0,
            seconds_label(seconds, step),
        );
    }
}

fn draw_lane(
    out: &mut String,
    scale: &Scale,
    lane: &Lane,
    index: usize,
    y: f64,
    h: f64,
    labelled: bool,
) {
    let background = if index % 2 == 0 { "#ffffff" } else { "#f2f5f9" };
    let gutter = if index % 2 == 0 { "#3b4a63" } else { "#b8c4d6" };
    let name = if lane.coroutine.is_empty() {
        lane.name.clone()
    } else {
        format!("{} {}", lane.name, lane.coroutine)
    };
    let _ = writeln!(
        out,
        r#"<g><title>{}</title><rect x="{GUTTER}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{background}"/><rect x="0" y="{y:.1}" width="{GUTTER}" height="{h:.1}" fill="{gutter}"/></g>"#,
        escape(&name),
        WIDTH - GUTTER
    );
    if labelled {
        let size = h.clamp(8.0, 12.0) - if h < 12.0 { 1.0 } else { 0.0 };
        let baseline = y + (h + size) / 2.0 - 1.5;
        let _ = writeln!(
            out,
            r##"<text x="{}" y="{baseline:.1}" font-size="{size:.0}"><tspan font-weight="bold">{}</tspan> <tspan fill="#555">{}</tspan></text>"##,
            GUTTER + 6.0,
            escape(&shorten(&lane.name, 18)),
            escape(&shorten(&lane.coroutine, 22))
        );
    }
    for span in &lane.spans {
        let (color, fraction) = match span.kind {
            SpanKind::Running => (RUNNING, 0.8),
            SpanKind::Sleeping => (SLEEPING, 0.6),
            SpanKind::Waiting => (WAITING, 0.6),
            SpanKind::Ready => (READY, 0.2),
        };
        if span.kind == SpanKind::Ready && span.end_ns == span.start_ns {
            continue;
        }
        let x = scale.x(span.start_ns);
        let mut w = scale.x(span.end_ns) - x;
        if span.kind == SpanKind::Running {
            w = w.max(2.0);
        }
        let bar_h = (h * fraction).max(1.0);
        let tip = format!(
            "{}: {} {}–{} s ({})",
            lane.name,
            span.kind.name(),
            time_text(span.start_ns),
            time_text(span.end_ns),
            span.label
        );
        let _ = writeln!(
            out,
            r#"<rect x="{x:.1}" y="{:.1}" width="{:.1}" height="{bar_h:.1}" fill="{color}"><title>{}</title></rect>"#,
            y + (h - bar_h) / 2.0,
            w.max(0.5),
            escape(&tip)
        );
    }
    let r = (h / 3.0).clamp(1.0, 4.0);
    for mark in &lane.marks {
        if mark.kind == MarkKind::Other {
            continue;
        }
        let tip = format!(
            "{} at {} s: {}",
            lane.name,
            time_text(mark.at_ns),
            mark.label
        );
        // Prints sit above the middle and the other marks below, so that a print and a
        // timeout at one instant are both seen.
        let offset = if h >= 12.0 { h / 5.0 } else { 0.0 };
        let cy = if mark.kind == MarkKind::Print {
            y + h / 2.0 - offset
        } else {
            y + h / 2.0 + offset
        };
        mark_shape(out, mark.kind, scale.x(mark.at_ns), cy, r, Some(&tip));
    }
}

fn mark_shape(out: &mut String, kind: MarkKind, x: f64, y: f64, r: f64, tip: Option<&str>) {
    let title = tip.map_or(String::new(), |tip| {
        format!("<title>{}</title>", escape(tip))
    });
    let _ = match kind {
        MarkKind::Print => writeln!(
            out,
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="{r:.1}" fill="{PRINT}">{title}</circle>"#
        ),
        MarkKind::CancelRequested | MarkKind::Cancelled => writeln!(
            out,
            r#"<path d="M{:.1} {:.1}L{:.1} {:.1}M{:.1} {:.1}L{:.1} {:.1}" stroke="{CANCEL}" stroke-width="{:.1}">{title}</path>"#,
            x - r,
            y - r,
            x + r,
            y + r,
            x - r,
            y + r,
            x + r,
            y - r,
            (r / 2.0).max(1.0)
        ),
        MarkKind::TimedOut => writeln!(
            out,
            r#"<path d="M{x:.1} {:.1}L{:.1} {y:.1}L{x:.1} {:.1}L{:.1} {y:.1}Z" fill="{TIMEOUT}">{title}</path>"#,
            y - r * 1.2,
            x + r * 1.2,
            y + r * 1.2,
            x - r * 1.2
        ),
        MarkKind::Raised | MarkKind::Warned => writeln!(
            out,
            r#"<path d="M{x:.1} {:.1}L{:.1} {:.1}L{:.1} {:.1}Z" fill="{}">{title}</path>"#,
            y - r * 1.2,
            x + r * 1.2,
            y + r,
            x - r * 1.2,
            y + r,
            if kind == MarkKind::Raised {
                RAISED
            } else {
                WARNED
            }
        ),
        MarkKind::Other => Ok(()),
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_one_two_five() {
        assert_eq!(tick_step(10.0, 8.0), 2.0);
        assert_eq!(tick_step(1.0, 8.0), 0.2);
        assert_eq!(tick_step(100.0, 8.0), 20.0);
        assert!((tick_step(0.003, 8.0) - 0.0005).abs() < 1e-12);
        assert_eq!(seconds_label(0.4, 0.2), "0.4");
        assert_eq!(seconds_label(4.0, 2.0), "4");
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(
            escape("<a & 'b'>\u{1}"),
            "&lt;a &amp; &#39;b&#39;&gt;\u{fffd}"
        );
        assert_eq!(shorten("abcdef", 4), "abc…");
    }
}
