//! The trace as lanes of spans: what each task (or worker thread, or top-level code) was
//! doing over time. The Chrome and SVG formats draw this; the text and JSON formats list
//! the events themselves.
//!
//! A lane's spans follow from its events: `created` opens a *ready* span that `started`
//! closes; `slept` opens a *sleeping* span and `awaited` a *waiting* span, which the next
//! `woke` closes; `started` and `woke` are *running* points (virtual time does not pass
//! while Python code runs), except `blocked`, which runs for the seconds `time.sleep`
//! blocked. Prints, cancellations, timeouts, exceptions and warnings are marks.

use super::{Actor, Event, Record, Trace, seconds_text};

/// What a lane belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LaneKey {
    Module,
    Task(u32),
    Thread(u32),
    /// Done callbacks run by the loop (all of them share a lane).
    Callbacks,
}

/// What a lane was doing during a span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpanKind {
    /// Created, not yet started; or gave the others a turn (`sleep(0)`).
    Ready,
    /// Running Python code (a point in virtual time, or a blocking `time.sleep`).
    Running,
    /// `await asyncio.sleep(s)`.
    Sleeping,
    /// Waiting for a task, a future or a primitive.
    Waiting,
}

impl SpanKind {
    pub fn name(self) -> &'static str {
        match self {
            SpanKind::Ready => "ready",
            SpanKind::Running => "running",
            SpanKind::Sleeping => "sleeping",
            SpanKind::Waiting => "waiting",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    pub kind: SpanKind,
    pub start_ns: u64,
    pub end_ns: u64,
    /// What it was about: `sleep 1 s`, `Task-3`, `time.sleep 2 s`.
    pub label: String,
    /// Index of the record that opened it.
    pub record: usize,
    /// It ended because the lane woke up (`started`, `woke`), not because the lane finished
    /// or the run ended.
    pub woke: bool,
}

/// Something that happened at an instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    Print,
    CancelRequested,
    Cancelled,
    TimedOut,
    Raised,
    Warned,
    /// Everything else: locks, queues, events, requests, `returned`.
    Other,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    pub kind: MarkKind,
    pub at_ns: u64,
    /// The event as the text trace shows it: `printed 'Hello'`.
    pub label: String,
    pub record: usize,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Lane {
    pub key: LaneKey,
    /// `Task-2`, `asyncio_0`, `top-level code`, `callbacks`.
    pub name: String,
    /// The coroutine (or thread function) it ran; empty when there is none.
    pub coroutine: String,
    /// When it appeared in the trace (created).
    pub start_ns: u64,
    /// When it finished (returned, raised, cancelled), if it did.
    pub end_ns: Option<u64>,
    pub spans: Vec<Span>,
    pub marks: Vec<Mark>,
    /// Index of the record that created it (its first record).
    pub first_record: usize,
    /// The lane of whoever created it (a task's creator), if that is known.
    pub creator: Option<LaneKey>,
}

/// The whole picture.
#[derive(Clone, Debug, PartialEq)]
pub struct Timeline {
    /// In order of first appearance, which is creation order.
    pub lanes: Vec<Lane>,
    pub end_ns: u64,
}

impl Timeline {
    pub fn new(trace: &Trace, end_ns: u64) -> Timeline {
        let mut lanes: Vec<Lane> = Vec::new();
        let mut open: Vec<Option<Span>> = Vec::new();
        for (index, record) in trace.records.iter().enumerate() {
            let key = lane_key(&record.actor);
            let lane = match lanes.iter().position(|lane| lane.key == key) {
                Some(lane) => lane,
                None => {
                    lanes.push(new_lane(trace, key, record, index));
                    open.push(None);
                    lanes.len() - 1
                }
            };
            apply(&mut lanes[lane], &mut open[lane], index, record);
        }
        for (lane, span) in lanes.iter_mut().zip(open) {
            if let Some(mut span) = span {
                span.end_ns = end_ns.max(span.start_ns);
                lane.spans.push(span);
            }
        }
        Timeline { lanes, end_ns }
    }
}

fn lane_key(actor: &Actor) -> LaneKey {
    match actor {
        Actor::Module => LaneKey::Module,
        Actor::Task(id) => LaneKey::Task(*id),
        Actor::Thread(index, _) => LaneKey::Thread(*index),
        Actor::Callback(_) => LaneKey::Callbacks,
    }
}

fn new_lane(trace: &Trace, key: LaneKey, record: &Record, index: usize) -> Lane {
    let creator = match &key {
        LaneKey::Task(id) => trace.task(*id).map(|task| lane_key(&task.creator)),
        _ => None,
    };
    let (name, coroutine) = match (&key, &record.actor) {
        (LaneKey::Task(id), _) => match trace.task(*id) {
            Some(task) => (task.name.clone(), task.coroutine.clone()),
            None => (format!("task {id}"), String::new()),
        },
        (LaneKey::Thread(n), Actor::Thread(_, func)) => (format!("asyncio_{n}"), func.to_string()),
        (LaneKey::Callbacks, _) => ("callbacks".to_string(), String::new()),
        _ => ("top-level code".to_string(), "<module>".to_string()),
    };
    Lane {
        key,
        name,
        coroutine,
        start_ns: record.time_ns,
        end_ns: None,
        spans: Vec::new(),
        marks: Vec::new(),
        first_record: index,
        creator,
    }
}

/// Close the open span (if any) at `at`; `woke` when the lane woke up.
fn close_as(lane: &mut Lane, open: &mut Option<Span>, at: u64, woke: bool) {
    if let Some(mut span) = open.take() {
        span.end_ns = at.max(span.start_ns);
        span.woke = woke;
        lane.spans.push(span);
    }
}

fn close(lane: &mut Lane, open: &mut Option<Span>, at: u64) {
    close_as(lane, open, at, false);
}

fn apply(lane: &mut Lane, open: &mut Option<Span>, index: usize, record: &Record) {
    let at = record.time_ns;
    let span = |kind, label: String| Span {
        kind,
        start_ns: at,
        end_ns: at,
        label,
        record: index,
        woke: false,
    };
    let mark = |kind| Mark {
        kind,
        at_ns: at,
        label: event_text(&record.event),
        record: index,
    };
    match &record.event {
        Event::Created(_) => {
            close(lane, open, at);
            *open = Some(span(SpanKind::Ready, "created".to_string()));
        }
        Event::Started | Event::Woke => {
            close_as(lane, open, at, true);
            // Consecutive runs at one instant are one point.
            let repeat = lane
                .spans
                .last()
                .is_some_and(|s| s.kind == SpanKind::Running && s.end_ns == at);
            if !repeat {
                let label = record.event.name().to_string();
                lane.spans.push(span(SpanKind::Running, label));
            }
        }
        Event::Slept(seconds) => {
            close(lane, open, at);
            *open = Some(span(
                SpanKind::Sleeping,
                format!("sleep {} s", seconds_text(*seconds)),
            ));
        }
        Event::Yielded => {
            close(lane, open, at);
            *open = Some(span(SpanKind::Ready, "sleep(0)".to_string()));
        }
        Event::Awaited(what) => {
            close(lane, open, at);
            *open = Some(span(SpanKind::Waiting, what.clone()));
        }
        Event::Blocked(seconds) => {
            close(lane, open, at);
            let ns = crate::runtime::seconds_to_ns(*seconds).unwrap_or(u64::MAX);
            let mut blocked = span(
                SpanKind::Running,
                format!("time.sleep {} s", seconds_text(*seconds)),
            );
            blocked.end_ns = at.saturating_add(ns);
            lane.spans.push(blocked);
        }
        Event::Returned(_) | Event::Raised(_) | Event::Cancelled => {
            close(lane, open, at);
            lane.end_ns = Some(at);
            let kind = match &record.event {
                Event::Raised(_) => MarkKind::Raised,
                Event::Cancelled => MarkKind::Cancelled,
                _ => MarkKind::Other,
            };
            lane.marks.push(mark(kind));
        }
        Event::Printed(_) => lane.marks.push(mark(MarkKind::Print)),
        Event::CancelRequested => lane.marks.push(mark(MarkKind::CancelRequested)),
        Event::TimedOut => lane.marks.push(mark(MarkKind::TimedOut)),
        Event::Warned(_) => lane.marks.push(mark(MarkKind::Warned)),
        Event::Requested(_)
        | Event::Responded(_)
        | Event::Acquired(_)
        | Event::Released(_)
        | Event::Signalled(_)
        | Event::Put(_)
        | Event::Got(_) => lane.marks.push(mark(MarkKind::Other)),
    }
}

/// An event as the text trace words it: `printed 'Hello'`.
pub fn event_text(event: &Event) -> String {
    let detail = event.detail();
    if detail.is_empty() {
        event.name().to_string()
    } else {
        format!("{} {detail}", event.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_follow_the_events() {
        let mut trace = Trace::new(true);
        trace.add_task(1, "Task-1", "main", Actor::Module);
        trace.push(0, Actor::Task(1), Event::Created(None));
        trace.push(0, Actor::Task(1), Event::Started);
        trace.push(0, Actor::Task(1), Event::Printed("hi\n".into()));
        trace.push(0, Actor::Task(1), Event::Slept(1.0));
        trace.push(1_000_000_000, Actor::Task(1), Event::Woke);
        trace.push(1_000_000_000, Actor::Task(1), Event::Blocked(0.5));
        trace.push(
            1_500_000_000,
            Actor::Task(1),
            Event::Awaited("Task-2".into()),
        );
        let timeline = Timeline::new(&trace, 2_000_000_000);
        let lane = &timeline.lanes[0];
        let spans: Vec<(SpanKind, u64, u64)> = lane
            .spans
            .iter()
            .map(|s| (s.kind, s.start_ns, s.end_ns))
            .collect();
        assert_eq!(
            spans,
            [
                (SpanKind::Ready, 0, 0),
                (SpanKind::Running, 0, 0),
                (SpanKind::Sleeping, 0, 1_000_000_000),
                (SpanKind::Running, 1_000_000_000, 1_000_000_000),
                (SpanKind::Running, 1_000_000_000, 1_500_000_000),
                (SpanKind::Waiting, 1_500_000_000, 2_000_000_000),
            ]
        );
        assert_eq!(lane.marks[0].label, "printed 'hi'");
        assert_eq!(lane.end_ns, None);
    }
}
