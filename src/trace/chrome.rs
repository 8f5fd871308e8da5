//! `--format chrome`: the Chrome Trace Event format, which Perfetto (ui.perfetto.dev) and
//! chrome://tracing load.
//!
//! - The process is the scenario (pid 1, named after the file).
//! - Each lane of the [`Timeline`] is a thread track (`tid` in creation order, named
//!   `Task-2 worker`), holding a zero-length `run` slice wherever the task ran and a real
//!   one for a blocking `time.sleep`.
//! - Sleeps and waits are nestable async slices (`b`/`e`) with the lane's number as their
//!   id, inside one async slice per task covering its life, so each task also gets one
//!   async track named after it.
//! - Prints, cancellations, timeouts, exceptions and the other events are instant events.
//! - Flow arrows join a task's creation to its first run, and each await to its wake-up.
//! - Timestamps are microseconds of virtual time.

use serde::Serialize;
use serde_json::{Map, Value};

use super::timeline::{Lane, SpanKind, Timeline};
use super::{Header, Outcome, Record, Trace, time_text};

/// The document's fields after `traceEvents`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rest {
    display_time_unit: &'static str,
    other_data: Map<String, Value>,
}

#[derive(Serialize)]
struct ChromeEvent {
    name: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    cat: &'static str,
    ph: &'static str,
    /// Microseconds.
    ts: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    dur: Option<f64>,
    pid: u32,
    tid: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<u64>,
    /// Instant scope (`t`: the thread).
    #[serde(skip_serializing_if = "Option::is_none")]
    s: Option<&'static str>,
    /// Flow binding point (`e`: the enclosing slice).
    #[serde(skip_serializing_if = "Option::is_none")]
    bp: Option<&'static str>,
    #[serde(skip_serializing_if = "Map::is_empty")]
    args: Map<String, Value>,
}

const PID: u32 = 1;

fn us(ns: u64) -> f64 {
    ns as f64 / 1000.0
}

fn event(name: impl Into<String>, ph: &'static str, ns: u64, tid: u32) -> ChromeEvent {
    ChromeEvent {
        name: name.into(),
        cat: "",
        ph,
        ts: us(ns),
        dur: None,
        pid: PID,
        tid,
        id: None,
        s: None,
        bp: None,
        args: Map::new(),
    }
}

fn args<const N: usize>(pairs: [(&str, Value); N]) -> Map<String, Value> {
    pairs
        .into_iter()
        .map(|(key, value)| (key.to_string(), value))
        .collect()
}

fn lane_title(lane: &Lane) -> String {
    if lane.coroutine.is_empty() {
        lane.name.clone()
    } else {
        format!("{} {}", lane.name, lane.coroutine)
    }
}

pub fn render(trace: &Trace, header: &Header, outcome: &Outcome, end_ns: u64) -> String {
    let timeline = Timeline::new(trace, end_ns);
    let mut events = Vec::new();
    let mut metadata = |name: &str, tid: u32, key: &str, value: Value| {
        let mut e = event(name, "M", 0, tid);
        e.args = args([(key, value)]);
        events.push(e);
    };
    metadata("process_name", 0, "name", Value::from(header.file.clone()));
    for (index, lane) in timeline.lanes.iter().enumerate() {
        let tid = index as u32 + 1;
        metadata("thread_name", tid, "name", Value::from(lane_title(lane)));
        metadata("thread_sort_index", tid, "sort_index", Value::from(tid));
    }
    let mut flow_id = 0u64;
    for (index, lane) in timeline.lanes.iter().enumerate() {
        let tid = index as u32 + 1;
        let id = Some(u64::from(tid));
        // The task's life, as the outer async slice of its track.
        let life_end = lane.end_ns.unwrap_or(end_ns);
        let mut begin = event(lane_title(lane), "b", lane.start_ns, tid);
        begin.cat = "task";
        begin.id = id;
        events.push(begin);
        for span in &lane.spans {
            match span.kind {
                SpanKind::Running => {
                    let mut run = event(
                        if span.end_ns > span.start_ns {
                            span.label.clone()
                        } else {
                            "run".to_string()
                        },
                        "X",
                        span.start_ns,
                        tid,
                    );
                    run.cat = "run";
                    run.dur = Some(us(span.end_ns - span.start_ns));
                    events.push(run);
                }
                SpanKind::Sleeping | SpanKind::Waiting | SpanKind::Ready => {
                    if span.kind == SpanKind::Ready && span.end_ns == span.start_ns {
                        continue;
                    }
                    let name = match span.kind {
                        SpanKind::Waiting => format!("await {}", span.label),
                        SpanKind::Ready if span.label == "created" => "ready".to_string(),
                        _ => span.label.clone(),
                    };
                    let mut begin = event(name.clone(), "b", span.start_ns, tid);
                    begin.cat = "task";
                    begin.id = id;
                    begin.args = args([("state", Value::from(span.kind.name()))]);
                    events.push(begin);
                    let mut end = event(name, "e", span.end_ns, tid);
                    end.cat = "task";
                    end.id = id;
                    events.push(end);
                }
            }
            // await → wake: from where the wait began to where it ended.
            if matches!(span.kind, SpanKind::Sleeping | SpanKind::Waiting) && span.woke {
                flow_id += 1;
                events.extend(flow(flow_id, "wake", tid, span.start_ns, tid, span.end_ns));
            }
        }
        let mut end = event(lane_title(lane), "e", life_end, tid);
        end.cat = "task";
        end.id = id;
        events.push(end);
        for mark in &lane.marks {
            let mut instant = event(mark.label.clone(), "i", mark.at_ns, tid);
            instant.s = Some("t");
            instant.cat = "event";
            let record: &Record = &trace.records[mark.record];
            instant.args = args([
                ("event", Value::from(record.event.name())),
                ("detail", Value::from(record.event.detail())),
            ]);
            events.push(instant);
        }
    }
    // spawn → first run: from the creating lane to the new task's first run.
    for (index, lane) in timeline.lanes.iter().enumerate() {
        let creator = lane
            .creator
            .as_ref()
            .and_then(|key| timeline.lanes.iter().position(|l| &l.key == key));
        let first_run = lane.spans.iter().find(|s| s.kind == SpanKind::Running);
        let (Some(creator), Some(run)) = (creator, first_run) else {
            continue;
        };
        let from_tid = creator as u32 + 1;
        let has_slice = timeline.lanes[creator].spans.iter().any(|s| {
            s.kind == SpanKind::Running && s.start_ns <= lane.start_ns && lane.start_ns <= s.end_ns
        });
        if !has_slice {
            // Top-level code has no `run` slices of its own: give the arrow one to start from.
            let mut run = event("run", "X", lane.start_ns, from_tid);
            run.cat = "run";
            run.dur = Some(0.0);
            events.push(run);
        }
        flow_id += 1;
        let to_tid = index as u32 + 1;
        events.extend(flow(
            flow_id,
            "spawn",
            from_tid,
            lane.start_ns,
            to_tid,
            run.start_ns,
        ));
    }
    let mut other_data = Map::new();
    other_data.insert("scenario".into(), Value::from(env!("CARGO_PKG_VERSION")));
    other_data.insert("file".into(), Value::from(header.file.clone()));
    other_data.insert("seed".into(), Value::from(header.seed));
    other_data.insert(
        "clock".into(),
        Value::from(if header.real_clock { "real" } else { "virtual" }),
    );
    other_data.insert("outcome".into(), Value::from(outcome.describe()));
    other_data.insert("end".into(), Value::from(time_text(end_ns)));
    // One event per line, so the file reads (and diffs) line by line.
    let mut text = String::from("{\"traceEvents\":[\n");
    for (index, event) in events.iter().enumerate() {
        if index > 0 {
            text.push_str(",\n");
        }
        text.push_str(&serde_json::to_string(event).unwrap_or_default());
    }
    let rest = Rest {
        display_time_unit: "ms",
        other_data,
    };
    let rest = serde_json::to_string(&rest).unwrap_or_default();
    // `rest` is `{"displayTimeUnit":...}`: continue the object after the array.
    text.push_str("\n],");
    text.push_str(rest.strip_prefix('{').unwrap_or(&rest));
    text.push('\n');
    text
}

/// A flow arrow from a slice on one track to a slice on another (or the same) track.
fn flow(
    id: u64,
    name: &str,
    from_tid: u32,
    from_ns: u64,
    to_tid: u32,
    to_ns: u64,
) -> [ChromeEvent; 2] {
    let mut start = event(name, "s", from_ns, from_tid);
    start.cat = "flow";
    start.id = Some(id);
    let mut finish = event(name, "f", to_ns, to_tid);
    finish.cat = "flow";
    finish.id = Some(id);
    finish.bp = Some("e");
    [start, finish]
}
