//! The runtime: the clock, the ready queue and the timers of the event loop.
//!
//! This is the scheduling half of asyncio's event loop, with no knowledge of Python: it
//! holds opaque handles (`H`) and says which run when. One loop iteration works as
//! CPython's `BaseEventLoop._run_once`: if nothing is ready, the clock moves to the earliest
//! live timer; every timer now due joins the ready queue, in (deadline, registration order);
//! then exactly the handles queued at that point run, and anything they queue waits for the
//! next iteration.
//!
//! Time is an integer count of nanoseconds. The clock also keeps the float value CPython's
//! loop would report (`loop.time()`), which is the float deadline of the timer that moved it:
//! programs that print raw times then print what CPython prints.
//!
//! Architecture invariant: this is the only module that uses tokio. The virtual clock just
//! jumps; the real clock (`--clock real`) waits for each deadline with tokio's timer on a
//! current-thread runtime. Ordering never depends on tokio: ties between timers are broken
//! by registration order here, not by tokio's timer wheel.

use std::cmp::Reverse;
use std::collections::VecDeque;

use dary_heap::QuaternaryHeap;
use std::time::Duration;

/// Seconds (a Python float) to nanoseconds, exactly, rounding half to even; `None` for a
/// negative, NaN or unrepresentably large value.
pub fn seconds_to_ns(seconds: f64) -> Option<u64> {
    if seconds.is_nan() || seconds < 0.0 {
        return None;
    }
    if seconds == 0.0 {
        return Some(0);
    }
    if seconds >= 18_446_744_073.0 {
        return None;
    }
    // seconds = mantissa * 2^exponent exactly; multiply by 10^9 in integers.
    let bits = seconds.to_bits();
    let raw_exponent = ((bits >> 52) & 0x7ff) as i32;
    let (mantissa, exponent) = if raw_exponent == 0 {
        ((bits & ((1 << 52) - 1)) as u128, -1074)
    } else {
        (
            ((bits & ((1 << 52) - 1)) | (1 << 52)) as u128,
            raw_exponent - 1075,
        )
    };
    let scaled = mantissa * 1_000_000_000;
    if exponent >= 0 {
        return u64::try_from(scaled << exponent).ok();
    }
    let shift = (-exponent) as u32;
    if shift >= 128 {
        return Some(0);
    }
    let quotient = scaled >> shift;
    let remainder = scaled - (quotient << shift);
    let half = 1u128 << (shift - 1);
    let rounded = if remainder > half || (remainder == half && quotient & 1 == 1) {
        quotient + 1
    } else {
        quotient
    };
    u64::try_from(rounded).ok()
}

/// The loop's clock.
pub struct Clock {
    now_ns: u64,
    /// What `loop.time()` reports: CPython's float arithmetic on deadlines.
    now_seconds: f64,
    real: Option<RealTime>,
}

/// Wall-clock pacing for `--clock real`.
struct RealTime {
    runtime: tokio::runtime::Runtime,
    start: tokio::time::Instant,
}

impl Clock {
    pub fn virtual_clock() -> Clock {
        Clock {
            now_ns: 0,
            now_seconds: 0.0,
            real: None,
        }
    }

    /// A clock that waits in wall time for each deadline.
    pub fn real() -> Clock {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a current-thread tokio runtime needs no OS resources that can be missing");
        let start = runtime.block_on(async { tokio::time::Instant::now() });
        Clock {
            now_ns: 0,
            now_seconds: 0.0,
            real: Some(RealTime { runtime, start }),
        }
    }

    pub fn now_ns(&self) -> u64 {
        self.now_ns
    }

    /// The time a program reads, in seconds.
    pub fn now_seconds(&self) -> f64 {
        self.now_seconds
    }

    /// Move the clock forward to a deadline, waiting for it in wall time on a real clock.
    fn advance_to(&mut self, deadline_ns: u64, deadline_seconds: f64) {
        if deadline_ns > self.now_ns {
            if let Some(real) = &self.real {
                let target = real.start + Duration::from_nanos(deadline_ns);
                real.runtime
                    .block_on(async move { tokio::time::sleep_until(target).await });
            }
            self.now_ns = deadline_ns;
        }
        self.now_seconds = self.now_seconds.max(deadline_seconds);
    }

    /// A blocking sleep (`time.sleep`): the clock moves on and nothing else runs.
    pub fn block_for(&mut self, ns: u64, seconds: f64) {
        let deadline = self.now_ns.saturating_add(ns);
        let seconds = self.now_seconds + seconds;
        self.advance_to(deadline, seconds);
        self.now_seconds = seconds;
    }
}

/// A timer registered with [`Scheduler::call_at`], for cancelling it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TimerId {
    slot: u32,
    seq: u64,
}

struct Timer<H> {
    seq: u64,
    deadline_seconds: f64,
    handle: H,
}

/// What one loop iteration will do.
#[derive(Debug, PartialEq, Eq)]
pub enum Iteration {
    /// Run this many handles from the ready queue.
    Run(usize),
    /// Nothing is ready and no timer is pending: nothing can ever happen.
    Idle,
    /// The next timer is past `--max-time`; the time it was due.
    TimeLimit(u64),
}

/// A timer in the heap: (deadline, how far before the clock a past deadline was
/// (negated), registration order, slot, where its handle's data is). The registration
/// order is unique, so the fields after it never decide the order.
type HeapEntry = (u64, i64, u64, u32, Near);

pub struct Scheduler<H> {
    pub clock: Clock,
    ready: VecDeque<H>,
    /// The pending timers, earliest first.
    heap: QuaternaryHeap<Reverse<HeapEntry>>,
    slots: Vec<Option<Timer<H>>>,
    free_slots: Vec<u32>,
    next_seq: u64,
    max_time_ns: Option<u64>,
}

/// The addresses of the objects a timer's handle will touch when it runs (0: none), so
/// that they can be fetched into the cache while the timer before it runs. A scenario of
/// many tasks wakes them in timer order, which is no order in memory: without this, each
/// wake-up waits on a cache miss for each object it touches (BENCHMARKS.md).
pub type Near = [usize; 3];

/// A timer whose handle gives no such hint.
pub const NOWHERE: Near = [0; 3];

/// Ask the CPU to start loading the first two cache lines at each address.
#[inline(always)]
fn prefetch(near: Near) {
    #[cfg(target_arch = "x86_64")]
    for address in near {
        if address != 0 {
            use std::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
            // SAFETY: a prefetch is a hint. It reads nothing into the program, writes
            // nothing, and never faults, even where the object has been freed since.
            unsafe {
                _mm_prefetch::<_MM_HINT_T0>(address as *const i8);
                _mm_prefetch::<_MM_HINT_T0>(address.wrapping_add(64) as *const i8);
            }
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = near;
}

/// The rank of a deadline `past_ns` before the clock: earlier deadlines first, all before
/// the timers due exactly now.
fn past_rank(past_ns: u64) -> i64 {
    -(i64::try_from(past_ns).unwrap_or(i64::MAX))
}

impl<H> Scheduler<H> {
    pub fn new(clock: Clock, max_time_ns: Option<u64>) -> Scheduler<H> {
        Scheduler {
            clock,
            ready: VecDeque::new(),
            heap: QuaternaryHeap::new(),
            slots: Vec::new(),
            free_slots: Vec::new(),
            next_seq: 0,
            max_time_ns,
        }
    }

    /// Queue a handle to run on the next iteration (after those already queued).
    pub fn call_soon(&mut self, handle: H) {
        self.ready.push_back(handle);
    }

    /// Run a handle `delay` seconds from now (`loop.call_later`).
    pub fn call_later(&mut self, delay: f64, handle: H) -> TimerId {
        self.call_later_near(delay, handle, NOWHERE)
    }

    /// As `call_later`, for a handle that will touch the objects at `near`.
    pub fn call_later_near(&mut self, delay: f64, handle: H, near: Near) -> TimerId {
        if delay < 0.0 {
            // Due already; CPython still orders it by its (earlier) deadline.
            let past = seconds_to_ns(-delay).unwrap_or(u64::MAX);
            let seconds = self.clock.now_seconds + delay;
            return self.insert(self.clock.now_ns, past_rank(past), seconds, handle, near);
        }
        let delay_ns = seconds_to_ns(delay).unwrap_or(if delay > 0.0 { u64::MAX } else { 0 });
        let deadline = self.clock.now_ns.saturating_add(delay_ns);
        let seconds = self.clock.now_seconds + delay;
        self.insert(deadline, 0, seconds, handle, near)
    }

    /// Run a handle at a deadline (nanoseconds; and the float CPython would compute).
    pub fn call_at(&mut self, deadline_ns: u64, deadline_seconds: f64, handle: H) -> TimerId {
        self.insert(deadline_ns, 0, deadline_seconds, handle, NOWHERE)
    }

    /// Run a handle whose deadline, `past_ns` before now, has passed already: due now,
    /// before the timers due exactly now and ordered among its kind by that deadline.
    pub fn call_past(&mut self, past_ns: u64, deadline_seconds: f64, handle: H) -> TimerId {
        self.insert(
            self.clock.now_ns,
            past_rank(past_ns),
            deadline_seconds,
            handle,
            NOWHERE,
        )
    }

    fn insert(
        &mut self,
        deadline_ns: u64,
        rank: i64,
        deadline_seconds: f64,
        handle: H,
        near: Near,
    ) -> TimerId {
        let seq = self.next_seq;
        self.next_seq += 1;
        let timer = Timer {
            seq,
            deadline_seconds,
            handle,
        };
        let slot = match self.free_slots.pop() {
            Some(slot) => {
                self.slots[slot as usize] = Some(timer);
                slot
            }
            None => {
                self.slots.push(Some(timer));
                (self.slots.len() - 1) as u32
            }
        };
        self.heap
            .push(Reverse((deadline_ns, rank, seq, slot, near)));
        TimerId { slot, seq }
    }

    /// Cancel a timer; a timer that already ran or was cancelled is left alone.
    pub fn cancel(&mut self, id: TimerId) {
        if let Some(Some(timer)) = self.slots.get(id.slot as usize)
            && timer.seq == id.seq
        {
            self.slots[id.slot as usize] = None;
            self.free_slots.push(id.slot);
        }
    }

    /// Whether the timer is still pending.
    pub fn is_pending(&self, id: TimerId) -> bool {
        matches!(self.slots.get(id.slot as usize), Some(Some(timer)) if timer.seq == id.seq)
    }

    /// Drop cancelled timers from the top of the heap.
    fn skip_cancelled(&mut self) {
        while let Some(&Reverse((_, _, seq, slot, _))) = self.heap.peek() {
            match &self.slots[slot as usize] {
                Some(timer) if timer.seq == seq => break,
                _ => {
                    self.heap.pop();
                }
            }
        }
    }

    /// Start a loop iteration: move the clock if nothing is ready, queue the due timers,
    /// and say how many handles to run.
    pub fn begin_iteration(&mut self) -> Iteration {
        self.skip_cancelled();
        if self.ready.is_empty() {
            let Some(&Reverse((deadline, _, _, slot, _))) = self.heap.peek() else {
                return Iteration::Idle;
            };
            if self.max_time_ns.is_some_and(|max| deadline > max) {
                return Iteration::TimeLimit(deadline);
            }
            let seconds = self.slots[slot as usize]
                .as_ref()
                .map_or(0.0, |t| t.deadline_seconds);
            self.clock.advance_to(deadline, seconds);
        }
        let now = self.clock.now_ns;
        while let Some(&Reverse((deadline, _, seq, slot, near))) = self.heap.peek() {
            if deadline > now {
                // The next timer to fire: fetch what it will touch while this one runs.
                prefetch(near);
                break;
            }
            self.heap.pop();
            if let Some(timer) = self.slots[slot as usize].take_if(|t| t.seq == seq) {
                self.free_slots.push(slot);
                self.ready.push_back(timer.handle);
            }
        }
        Iteration::Run(self.ready.len())
    }

    pub fn pop_ready(&mut self) -> Option<H> {
        self.ready.pop_front()
    }

    /// Discard every queued handle and timer (`loop.close()`).
    pub fn clear(&mut self) {
        self.ready.clear();
        self.heap.clear();
        self.slots.clear();
        self.free_slots.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seconds_convert_exactly_with_half_even_rounding() {
        assert_eq!(seconds_to_ns(1.0), Some(1_000_000_000));
        assert_eq!(seconds_to_ns(0.1), Some(100_000_000));
        assert_eq!(seconds_to_ns(9.495493965198712), Some(9_495_493_965));
        assert_eq!(seconds_to_ns(2.5e-9), Some(3)); // the float is a hair above 2.5 ns
        // 1/1024 s and 3/1024 s are exactly 976562.5 ns and 2929687.5 ns: ties go to even.
        assert_eq!(seconds_to_ns(1.0 / 1024.0), Some(976_562));
        assert_eq!(seconds_to_ns(3.0 / 1024.0), Some(2_929_688));
        assert_eq!(seconds_to_ns(0.0), Some(0));
        assert_eq!(seconds_to_ns(-1.0), None);
        assert_eq!(seconds_to_ns(f64::NAN), None);
        assert_eq!(seconds_to_ns(1e300), None);
    }

    #[test]
    fn equal_deadlines_fire_in_registration_order() {
        let mut scheduler = Scheduler::new(Clock::virtual_clock(), None);
        scheduler.call_later(1.0, "b");
        scheduler.call_later(0.5, "a");
        scheduler.call_later(1.0, "c");
        scheduler.call_later(1.0, "d");
        let mut fired = Vec::new();
        while let Iteration::Run(n) = scheduler.begin_iteration() {
            for _ in 0..n {
                fired.push((scheduler.clock.now_ns(), scheduler.pop_ready().unwrap()));
            }
        }
        assert_eq!(
            fired,
            vec![
                (500_000_000, "a"),
                (1_000_000_000, "b"),
                (1_000_000_000, "c"),
                (1_000_000_000, "d")
            ]
        );
    }

    #[test]
    fn cancelled_timers_neither_fire_nor_move_the_clock() {
        let mut scheduler = Scheduler::new(Clock::virtual_clock(), None);
        let late = scheduler.call_later(10.0, "late");
        scheduler.call_later(1.0, "early");
        scheduler.cancel(late);
        assert_eq!(scheduler.begin_iteration(), Iteration::Run(1));
        assert_eq!(scheduler.pop_ready(), Some("early"));
        assert_eq!(scheduler.begin_iteration(), Iteration::Idle);
        assert_eq!(scheduler.clock.now_ns(), 1_000_000_000);
    }

    #[test]
    fn handles_queued_during_an_iteration_wait_for_the_next() {
        let mut scheduler = Scheduler::new(Clock::virtual_clock(), None);
        scheduler.call_soon(1);
        scheduler.call_soon(2);
        assert_eq!(scheduler.begin_iteration(), Iteration::Run(2));
        scheduler.pop_ready();
        scheduler.call_soon(3);
        scheduler.pop_ready();
        assert_eq!(scheduler.begin_iteration(), Iteration::Run(1));
    }

    #[test]
    fn the_time_limit_stops_before_a_late_timer() {
        let mut scheduler = Scheduler::new(Clock::virtual_clock(), Some(2_000_000_000));
        scheduler.call_later(3.0, ());
        assert_eq!(
            scheduler.begin_iteration(),
            Iteration::TimeLimit(3_000_000_000)
        );
    }

    #[test]
    fn the_clock_reports_cpython_float_sums() {
        let mut scheduler = Scheduler::new(Clock::virtual_clock(), None);
        for _ in 0..3 {
            scheduler.call_later(0.1, ());
            scheduler.begin_iteration();
            scheduler.pop_ready();
        }
        assert_eq!(scheduler.clock.now_ns(), 300_000_000);
        assert_eq!(scheduler.clock.now_seconds(), 0.1 + 0.1 + 0.1);
    }

    #[test]
    fn the_real_clock_waits_for_deadlines() {
        // tokio's paused clock makes wall-clock waiting instant and checkable.
        let mut clock = Clock::real();
        let start = clock.real.as_ref().unwrap().runtime.block_on(async {
            tokio::time::pause();
            tokio::time::Instant::now()
        });
        clock.real.as_mut().unwrap().start = start;
        clock.advance_to(2_000_000_000, 2.0);
        let elapsed = clock
            .real
            .as_ref()
            .unwrap()
            .runtime
            .block_on(async move { start.elapsed() });
        assert!(elapsed >= Duration::from_secs(2), "waited {elapsed:?}");
        assert_eq!(clock.now_ns(), 2_000_000_000);
    }
}
