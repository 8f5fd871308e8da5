//! The trace: a timestamped record of what every task did and when.
//!
//! The interpreter records compact [`Event`]s as they happen (virtual time in nanoseconds,
//! the task, what happened); nothing is formatted until the run is over. [`Trace::render`]
//! then draws the text format: a header line, one aligned line per event, and the run's
//! outcome. The same file and seed always give the same bytes.
//!
//! Text format, one event per line:
//! ```text
//! # scenario 0.1.0 | say_hello.py | seed 0 | virtual clock
//! 0.000000  Task-1  say_hello  created
//! 0.000000  Task-1  say_hello  started
//! 0.000000  Task-1  say_hello  printed    'Hello'
//! 0.000000  Task-1  say_hello  slept      1 s
//! 1.000000  Task-1  say_hello  woke
//! ```

use std::fmt::Write as _;

use crate::pyfmt;

pub mod chrome;
pub mod json;
pub mod svg;
pub mod timeline;

/// The formats a trace renders to (`--format`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Format {
    /// Aligned lines of text: the golden-file format.
    #[default]
    Text,
    /// JSON Lines: a header object, one object per event, the outcome.
    Json,
    /// Chrome Trace Event JSON, for Perfetto and chrome://tracing.
    Chrome,
    /// A self-contained SVG timeline.
    Svg,
}

/// Something a task (or the module's top-level code) did.
#[derive(Clone, Debug, PartialEq)]
pub enum Event {
    /// The task was created, by the named task (or by top-level code).
    Created(Option<String>),
    /// The task's coroutine started running.
    Started,
    /// The task resumed after waiting.
    Woke,
    /// `await asyncio.sleep(seconds)` with seconds > 0.
    Slept(f64),
    /// `await asyncio.sleep(0)`: gave the other tasks a turn.
    Yielded,
    /// Waited for a task or future.
    Awaited(String),
    /// Wrote to stdout (the exact text).
    Printed(Box<str>),
    /// The task's coroutine returned (the repr of the value).
    Returned(String),
    /// The task's coroutine raised (the exception's last traceback line).
    Raised(String),
    /// Someone called `cancel()` on the task.
    CancelRequested,
    /// The task ended cancelled.
    Cancelled,
    /// A `wait_for` timeout fired; the awaited work is being cancelled.
    TimedOut,
    /// A blocking `time.sleep(seconds)`: nothing else ran meanwhile (in a worker thread:
    /// only that thread waited).
    Blocked(f64),
    /// The simulated aiohttp sent a request (`GET url`).
    Requested(String),
    /// Its response arrived (`200 from url (N bytes)`).
    Responded(String),
    /// A warning CPython prints when it collects an object ("Task exception was never
    /// retrieved").
    Warned(String),
    /// Took a lock or a semaphore (`Lock`, `Semaphore`, `Condition`).
    Acquired(&'static str),
    /// Gave it back.
    Released(&'static str),
    /// `Event.set()` (waking its waiters).
    Signalled(&'static str),
    /// Put an item in a queue: the item's repr and the queue's size after.
    Put(String),
    /// Took an item out of a queue.
    Got(String),
}

impl Event {
    /// The event's name, a past-tense verb.
    pub fn name(&self) -> &'static str {
        match self {
            Event::Created(_) => "created",
            Event::Started => "started",
            Event::Woke => "woke",
            Event::Slept(_) => "slept",
            Event::Yielded => "yielded",
            Event::Awaited(_) => "awaited",
            Event::Printed(_) => "printed",
            Event::Returned(_) => "returned",
            Event::Raised(_) => "raised",
            Event::CancelRequested => "cancel requested",
            Event::Cancelled => "cancelled",
            Event::TimedOut => "timed out",
            Event::Blocked(_) => "blocked",
            Event::Requested(_) => "sent request",
            Event::Responded(_) => "got response",
            Event::Warned(_) => "warned",
            Event::Acquired(_) => "acquired",
            Event::Released(_) => "released",
            Event::Signalled(_) => "set",
            Event::Put(_) => "put",
            Event::Got(_) => "got",
        }
    }

    /// The event's detail, if it has one: on one line (see [`one_line`]).
    pub fn detail(&self) -> String {
        let detail = self.raw_detail();
        match one_line(&detail) {
            std::borrow::Cow::Borrowed(_) => detail,
            std::borrow::Cow::Owned(escaped) => escaped,
        }
    }

    fn raw_detail(&self) -> String {
        match self {
            Event::Created(Some(by)) => format!("by {by}"),
            Event::Created(None) => "by top-level code".to_string(),
            Event::Slept(seconds) => format!("{} s", seconds_text(*seconds)),
            Event::Blocked(seconds) => format!("{} s in time.sleep", seconds_text(*seconds)),
            Event::Awaited(what) => what.clone(),
            Event::Printed(text) => match text.strip_suffix('\n') {
                Some(line) => pyfmt::str_repr(line),
                None => format!("{} (no newline)", pyfmt::str_repr(text)),
            },
            Event::Returned(repr) => repr.clone(),
            Event::Raised(summary) => summary.clone(),
            Event::Requested(what)
            | Event::Responded(what)
            | Event::Warned(what)
            | Event::Put(what)
            | Event::Got(what) => what.clone(),
            Event::Acquired(what) | Event::Released(what) | Event::Signalled(what) => {
                what.to_string()
            }
            _ => String::new(),
        }
    }
}

/// Text for one line of a trace: newlines, tabs and other control characters (which could
/// split a line, or drive a terminal) written as Python writes them in a repr (`\n`,
/// `\x1b`). Names and exception messages can hold anything.
pub fn one_line(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c.is_control()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() && (c as u32) < 0x100 => {
                let _ = write!(out, "\\x{:02x}", c as u32);
            }
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

/// A duration as written in the program: `1`, `0.5`, `9.495493965198712`.
pub fn seconds_text(seconds: f64) -> String {
    let text = pyfmt::float_repr(seconds);
    text.strip_suffix(".0").map_or(text.clone(), str::to_string)
}

/// Who did something: top-level code, a task, or a done callback run by the loop.
#[derive(Clone, Debug, PartialEq)]
pub enum Actor {
    Module,
    Task(u32),
    /// A callback given to `add_done_callback`, by its function's name.
    Callback(std::rc::Rc<str>),
    /// A worker thread of `to_thread` (`asyncio_N`), with the function it runs.
    Thread(u32, std::rc::Rc<str>),
}

/// One recorded event.
#[derive(Clone, Debug)]
pub struct Record {
    pub time_ns: u64,
    pub actor: Actor,
    pub event: Event,
}

/// What the trace knows about a task.
#[derive(Clone, Debug)]
pub struct TaskInfo {
    pub id: u32,
    pub name: String,
    pub coroutine: String,
    /// Who created it: a task, a callback, or top-level code.
    pub creator: Actor,
    /// Names given later: (index of the first record with the new name, name).
    pub renames: Vec<(usize, String)>,
}

impl TaskInfo {
    /// The task's name at a record.
    fn name_at(&self, record: usize) -> &str {
        self.renames
            .iter()
            .rev()
            .find(|(from, _)| *from <= record)
            .map_or(self.name.as_str(), |(_, name)| name.as_str())
    }
}

/// How the run ended, as the trace's last line shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    Exit(i32),
    Uncaught(String),
    /// An uncaught KeyboardInterrupt (exit 130, as CPython's).
    Interrupted,
    Deadlock(Vec<(String, String)>),
    StepLimit(u64),
    TimeLimit(u64),
    /// A module imported at run time could not run: its first diagnostic's line.
    Rejected(String),
}

impl Outcome {
    pub fn exit_code(&self) -> i32 {
        match self {
            Outcome::Exit(code) => *code,
            Outcome::Uncaught(_) => 1,
            Outcome::Interrupted => 130,
            Outcome::Deadlock(_) | Outcome::StepLimit(_) | Outcome::TimeLimit(_) => 3,
            Outcome::Rejected(_) => 2,
        }
    }

    /// The outcome line's text, on one line.
    pub fn describe(&self) -> String {
        let text = self.raw_describe();
        one_line(text.trim_end()).into_owned()
    }

    fn raw_describe(&self) -> String {
        match self {
            Outcome::Exit(code) => format!("exit {code}"),
            Outcome::Uncaught(summary) => format!("exit 1, uncaught {summary}"),
            Outcome::Interrupted => "exit 130, uncaught KeyboardInterrupt".to_string(),
            Outcome::Deadlock(blocked) => {
                let waits: Vec<String> = blocked
                    .iter()
                    .map(|(task, what)| format!("{task} waits for {what}"))
                    .collect();
                if waits.is_empty() {
                    "exit 3, deadlock: nothing can run".to_string()
                } else {
                    format!("exit 3, deadlock: {}", waits.join("; "))
                }
            }
            Outcome::StepLimit(steps) => format!("exit 3, step limit reached ({steps} steps)"),
            Outcome::Rejected(diagnostic) => format!("exit 2, {diagnostic}"),
            Outcome::TimeLimit(at) => format!(
                "exit 3, time limit reached (the next event was due at {})",
                time_text(*at)
            ),
        }
    }
}

/// The header facts of a trace.
#[derive(Clone, Debug)]
pub struct Header {
    pub file: String,
    pub seed: i64,
    pub real_clock: bool,
}

#[derive(Debug, Default)]
pub struct Trace {
    enabled: bool,
    pub records: Vec<Record>,
    pub tasks: Vec<TaskInfo>,
}

/// Seconds with six decimals, from nanoseconds.
pub fn time_text(ns: u64) -> String {
    let micros = ns.saturating_add(500) / 1000;
    format!("{}.{:06}", micros / 1_000_000, micros % 1_000_000)
}

impl Trace {
    pub fn new(enabled: bool) -> Trace {
        Trace {
            enabled,
            records: Vec::new(),
            tasks: Vec::new(),
        }
    }

    pub fn enabled(&self) -> bool {
        self.enabled
    }

    pub fn push(&mut self, time_ns: u64, actor: Actor, event: Event) {
        if self.enabled {
            self.records.push(Record {
                time_ns,
                actor,
                event,
            });
        }
    }

    pub fn add_task(&mut self, id: u32, name: &str, coroutine: &str, creator: Actor) {
        if self.enabled {
            self.tasks.push(TaskInfo {
                id,
                name: name.to_string(),
                coroutine: coroutine.to_string(),
                creator,
                renames: Vec::new(),
            });
        }
    }

    /// A task's new name: shown for all its events, or for those from now on.
    pub fn rename_task(&mut self, id: u32, name: &str, from_creation: bool) {
        if !self.enabled {
            return;
        }
        let at = self.records.len();
        if let Ok(index) = self.tasks.binary_search_by_key(&id, |t| t.id) {
            let task = &mut self.tasks[index];
            if from_creation {
                task.name = name.to_string();
            } else {
                task.renames.push((at, name.to_string()));
            }
        }
    }

    fn task(&self, id: u32) -> Option<&TaskInfo> {
        self.tasks
            .binary_search_by_key(&id, |t| t.id)
            .ok()
            .map(|index| &self.tasks[index])
    }

    /// Who did the event at `index`: the task column and the coroutine column.
    fn who(&self, index: usize, record: &Record) -> (String, String) {
        let (task, coroutine) = self.raw_who(index, record);
        (
            one_line(&task).into_owned(),
            one_line(&coroutine).into_owned(),
        )
    }

    fn raw_who(&self, index: usize, record: &Record) -> (String, String) {
        match &record.actor {
            Actor::Task(id) => match self.task(*id) {
                Some(task) => (task.name_at(index).to_string(), task.coroutine.clone()),
                None => (format!("task {id}"), String::new()),
            },
            Actor::Module => ("-".to_string(), "<module>".to_string()),
            Actor::Callback(name) => ("-".to_string(), format!("callback {name}")),
            Actor::Thread(index, func) => (format!("asyncio_{index}"), format!("thread {func}")),
        }
    }

    /// The trace in `format`.
    pub fn render_as(
        &self,
        format: Format,
        header: &Header,
        outcome: &Outcome,
        end_ns: u64,
    ) -> String {
        match format {
            Format::Text => self.render(header, outcome, end_ns),
            Format::Json => json::render(self, header, outcome, end_ns),
            Format::Chrome => chrome::render(self, header, outcome, end_ns),
            Format::Svg => svg::render(self, header, outcome, end_ns),
        }
    }

    /// The text format.
    pub fn render(&self, header: &Header, outcome: &Outcome, end_ns: u64) -> String {
        let clock = if header.real_clock {
            "real clock"
        } else {
            "virtual clock"
        };
        let mut out = format!(
            "# scenario {} | {} | seed {} | {clock}\n",
            env!("CARGO_PKG_VERSION"),
            header.file,
            header.seed
        );
        let who = |index: usize, record: &Record| self.who(index, record);
        let time_width = self
            .records
            .iter()
            .map(|r| time_text(r.time_ns).len())
            .chain([time_text(end_ns).len()])
            .max()
            .unwrap_or(8);
        let task_width = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| who(i, r).0.len())
            .max()
            .unwrap_or(0);
        let coroutine_width = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| who(i, r).1.len())
            .max()
            .unwrap_or(0);
        let event_width = self
            .records
            .iter()
            .map(|r| r.event.name().len())
            .max()
            .unwrap_or(0);
        for (index, record) in self.records.iter().enumerate() {
            let (task, coroutine) = who(index, record);
            let detail = record.event.detail();
            let line = format!(
                "{:>time_width$}  {task:<task_width$}  {coroutine:<coroutine_width$}  {:<event_width$}  {detail}",
                time_text(record.time_ns),
                record.event.name(),
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(
            out,
            "{:>time_width$}  outcome: {}",
            time_text(end_ns),
            outcome.describe()
        );
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_aligned_columns_and_the_outcome() {
        let mut trace = Trace::new(true);
        trace.add_task(1, "Task-1", "main", Actor::Module);
        trace.add_task(2, "worker-long-name", "fetch", Actor::Task(1));
        trace.push(0, Actor::Task(1), Event::Created(None));
        trace.push(0, Actor::Task(1), Event::Printed("hi\n".into()));
        trace.push(1_500_000_000, Actor::Task(2), Event::Slept(1.5));
        trace.push(12_000_000_000, Actor::Module, Event::Printed("end".into()));
        let header = Header {
            file: "demo.py".into(),
            seed: 0,
            real_clock: false,
        };
        let text = trace.render(&header, &Outcome::Exit(0), 12_000_000_000);
        let expected = format!(
            "# scenario {} | demo.py | seed 0 | virtual clock\n\
             \u{20}0.000000  Task-1            main      created  by top-level code\n\
             \u{20}0.000000  Task-1            main      printed  'hi'\n\
             \u{20}1.500000  worker-long-name  fetch     slept    1.5 s\n\
             12.000000  -                 <module>  printed  'end' (no newline)\n\
             12.000000  outcome: exit 0\n",
            env!("CARGO_PKG_VERSION")
        );
        assert_eq!(text, expected);
    }

    #[test]
    fn lines_stay_lines() {
        assert_eq!(one_line("plain"), "plain");
        assert_eq!(one_line("a\nb\t\x1b[31m"), "a\\nb\\t\\x1b[31m");
        assert_eq!(
            Outcome::Uncaught("ValueError: x\ny  ".into()).describe(),
            "exit 1, uncaught ValueError: x\\ny"
        );
        // The far end of the clock does not wrap around to 0.
        assert_eq!(time_text(u64::MAX), "18446744073.709551");
    }

    #[test]
    fn outcomes_name_exit_codes_and_blocked_tasks() {
        let deadlock = Outcome::Deadlock(vec![("Task-2".into(), "Task-3".into())]);
        assert_eq!(deadlock.exit_code(), 3);
        assert_eq!(
            deadlock.describe(),
            "exit 3, deadlock: Task-2 waits for Task-3"
        );
        assert_eq!(
            Outcome::Uncaught("ValueError: x".into()).describe(),
            "exit 1, uncaught ValueError: x"
        );
    }
}
