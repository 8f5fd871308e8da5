//! `--format json`: JSON Lines, one object per line: a header, one object per event, and
//! the outcome. The schema is documented in README.md ("Traces"); the field names are the
//! ones below, serialized by serde.

use serde::Serialize;

use super::{Actor, Event, Header, Outcome, Record, Trace, time_text};

#[derive(Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
enum Line<'a> {
    Header(HeaderLine<'a>),
    Event(EventLine<'a>),
    Outcome(OutcomeLine),
}

#[derive(Serialize)]
struct HeaderLine<'a> {
    version: &'static str,
    file: &'a str,
    seed: i64,
    clock: &'static str,
}

#[derive(Serialize)]
struct EventLine<'a> {
    /// Position in the trace, from 0.
    seq: usize,
    /// Virtual time in nanoseconds since the start.
    time_ns: u64,
    /// The same time as the text trace shows it: seconds, six decimals.
    time: String,
    /// `task`, `module`, `callback` or `thread`.
    actor: &'static str,
    /// `Task-1`, `-` (top-level code and callbacks), `asyncio_0`.
    task: String,
    /// The task's number (`Task-N` is N unless renamed); absent for other actors.
    #[serde(skip_serializing_if = "Option::is_none")]
    task_id: Option<u32>,
    coroutine: String,
    event: &'static str,
    /// The detail column of the text trace.
    detail: String,
    /// `slept`, `blocked`: the duration in seconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds: Option<f64>,
    /// `printed`: the exact text written, newline included.
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
    /// `created`: the creating task's name, or null for top-level code.
    #[serde(skip_serializing_if = "Option::is_none")]
    by: Option<Option<&'a str>>,
}

#[derive(Serialize)]
struct OutcomeLine {
    time_ns: u64,
    time: String,
    exit_code: i32,
    /// `exit`, `uncaught`, `interrupted`, `deadlock`, `step_limit`, `time_limit`.
    kind: &'static str,
    /// The outcome line of the text trace.
    outcome: String,
    /// `uncaught`: the exception's last traceback line.
    #[serde(skip_serializing_if = "Option::is_none")]
    exception: Option<String>,
    /// `deadlock`: every blocked task and what it waits for.
    #[serde(skip_serializing_if = "Option::is_none")]
    blocked: Option<Vec<Blocked>>,
    /// `step_limit`: the steps taken.
    #[serde(skip_serializing_if = "Option::is_none")]
    steps: Option<u64>,
    /// `time_limit`: when the next event was due, in nanoseconds.
    #[serde(skip_serializing_if = "Option::is_none")]
    due_ns: Option<u64>,
}

#[derive(Serialize)]
struct Blocked {
    task: String,
    waits_for: String,
}

fn event_line<'a>(trace: &Trace, seq: usize, record: &'a Record) -> EventLine<'a> {
    let (task, coroutine) = trace.who(seq, record);
    let (actor, task_id) = match &record.actor {
        Actor::Task(id) => ("task", Some(*id)),
        Actor::Module => ("module", None),
        Actor::Callback(_) => ("callback", None),
        Actor::Thread(..) => ("thread", None),
    };
    let seconds = match record.event {
        Event::Slept(s) | Event::Blocked(s) => Some(s),
        _ => None,
    };
    let text = match &record.event {
        Event::Printed(text) => Some(&**text),
        _ => None,
    };
    let by = match &record.event {
        Event::Created(by) => Some(by.as_deref()),
        _ => None,
    };
    EventLine {
        seq,
        time_ns: record.time_ns,
        time: time_text(record.time_ns),
        actor,
        task,
        task_id,
        coroutine,
        event: record.event.name(),
        detail: record.event.detail(),
        seconds,
        text,
        by,
    }
}

fn outcome_line(outcome: &Outcome, end_ns: u64) -> OutcomeLine {
    let mut line = OutcomeLine {
        time_ns: end_ns,
        time: time_text(end_ns),
        exit_code: outcome.exit_code(),
        kind: "exit",
        outcome: outcome.describe(),
        exception: None,
        blocked: None,
        steps: None,
        due_ns: None,
    };
    match outcome {
        Outcome::Exit(_) => {}
        Outcome::Uncaught(summary) => {
            line.kind = "uncaught";
            line.exception = Some(summary.clone());
        }
        Outcome::Interrupted => {
            line.kind = "interrupted";
            line.exception = Some("KeyboardInterrupt".to_string());
        }
        Outcome::Deadlock(blocked) => {
            line.kind = "deadlock";
            line.blocked = Some(
                blocked
                    .iter()
                    .map(|(task, what)| Blocked {
                        task: task.clone(),
                        waits_for: what.clone(),
                    })
                    .collect(),
            );
        }
        Outcome::StepLimit(steps) => {
            line.kind = "step_limit";
            line.steps = Some(*steps);
        }
        Outcome::TimeLimit(due) => {
            line.kind = "time_limit";
            line.due_ns = Some(*due);
        }
        Outcome::Rejected(_) => line.kind = "rejected",
    }
    line
}

pub fn render(trace: &Trace, header: &Header, outcome: &Outcome, end_ns: u64) -> String {
    let mut out = String::new();
    let mut emit = |line: Line| {
        // Serializing these plain structs cannot fail.
        out.push_str(&serde_json::to_string(&line).unwrap_or_default());
        out.push('\n');
    };
    emit(Line::Header(HeaderLine {
        version: env!("CARGO_PKG_VERSION"),
        file: &header.file,
        seed: header.seed,
        clock: if header.real_clock { "real" } else { "virtual" },
    }));
    for (seq, record) in trace.records.iter().enumerate() {
        emit(Line::Event(event_line(trace, seq, record)));
    }
    emit(Line::Outcome(outcome_line(outcome, end_ns)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_object_per_line_with_typed_fields() {
        let mut trace = Trace::new(true);
        trace.add_task(1, "Task-1", "main", Actor::Module);
        trace.push(0, Actor::Task(1), Event::Created(None));
        trace.push(5, Actor::Task(1), Event::Printed("hi\n".into()));
        trace.push(5, Actor::Task(1), Event::Slept(1.5));
        let header = Header {
            file: "demo.py".into(),
            seed: 3,
            real_clock: false,
        };
        let text = render(&trace, &header, &Outcome::Exit(0), 1_500_000_005);
        let lines: Vec<serde_json::Value> = text
            .lines()
            .map(|line| serde_json::from_str(line).expect("valid JSON"))
            .collect();
        assert_eq!(lines.len(), 5);
        assert_eq!(lines[0]["type"], "header");
        assert_eq!(lines[0]["seed"], 3);
        assert_eq!(lines[1]["event"], "created");
        assert_eq!(lines[1]["by"], serde_json::Value::Null);
        assert_eq!(lines[2]["text"], "hi\n");
        assert_eq!(lines[2]["detail"], "'hi'");
        assert_eq!(lines[2]["time_ns"], 5);
        assert_eq!(lines[3]["seconds"], 1.5);
        assert_eq!(lines[3]["task_id"], 1);
        assert_eq!(lines[4]["type"], "outcome");
        assert_eq!(lines[4]["exit_code"], 0);
        assert_eq!(lines[4]["time"], "1.500000");
    }
}
