//! Micro-benchmarks of the interpreter's hot paths (`cargo bench --bench hot_paths`).
//!
//! Each interpreter benchmark runs a tiny scenario whose loop does one operation
//! `OPS` times, so the time per operation is the reported time divided by `OPS`
//! (divan's `counter` does the division: see the `ops/s` column). Start-up (parsing,
//! compiling, the loop's first iteration) is its own benchmark, `seed_scenario_end_to_end`,
//! and is included in the others: at 10,000 operations it is a few percent of them.
//! `timer_insert_fire` measures the scheduler alone. BENCHMARKS.md has the figures.

use divan::counter::ItemsCount;
use divan::{Bencher, black_box};
use scenario::runtime::{Clock, Iteration, Scheduler};

const OPS: usize = 10_000;

fn main() {
    divan::main();
}

/// Run a scenario on this (deep-stack) bench thread and check it succeeded.
fn run(source: &str) {
    let config = scenario::Config {
        trace: false,
        ..scenario::Config::default()
    };
    let report = scenario::run(black_box("bench.py"), source.as_bytes().to_vec(), &config);
    assert_eq!(report.exit_code, 0, "{}", report.stderr);
}

fn program(body: &str) -> String {
    format!(
        "import asyncio\n\nN = {OPS}\nG = 1\n\n\
         def plain(x):\n    return x\n\n\
         async def ready(x):\n    return x\n\n\
         async def main():\n{body}\n\nasyncio.run(main())\n"
    )
}

#[divan::bench]
fn seed_scenario_end_to_end(bencher: Bencher) {
    let source = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/seeds/say_hello.py"
    ))
    .expect("the seed scenario");
    bencher.bench(|| run(&source));
}

#[divan::bench]
fn global_name_lookup(bencher: Bencher) {
    let source = program("    t = 0\n    for i in range(N):\n        t += G\n    print(t)");
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn plain_call(bencher: Bencher) {
    let source = program("    t = 0\n    for i in range(N):\n        t += plain(i)\n    print(t)");
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn await_trivial_coroutine(bencher: Bencher) {
    let source =
        program("    t = 0\n    for i in range(N):\n        t += await ready(i)\n    print(t)");
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn sleep_zero_round_trip(bencher: Bencher) {
    let source = program("    for i in range(N):\n        await asyncio.sleep(0)");
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn queue_item(bencher: Bencher) {
    let source = program(
        "    q = asyncio.Queue()\n    for i in range(N):\n        await q.put(i)\n        await q.get()",
    );
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn sleeping_task_in_gather(bencher: Bencher) {
    let source = program(
        "    async def nap(i):\n        await asyncio.sleep(i % 10)\n\
         \x20   await asyncio.gather(*(nap(i) for i in range(N)))",
    );
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

#[divan::bench]
fn wait_for_timeout(bencher: Bencher) {
    let source = program(
        "    for i in range(N):\n        try:\n            await asyncio.wait_for(asyncio.sleep(2), 1)\n\
         \x20       except TimeoutError:\n            pass",
    );
    bencher.counter(ItemsCount::new(OPS)).bench(|| run(&source));
}

/// The scheduler alone: insert `OPS` timers at scattered deadlines, then fire them all.
#[divan::bench]
fn timer_insert_fire(bencher: Bencher) {
    bencher.counter(ItemsCount::new(OPS)).bench(|| {
        let mut scheduler: Scheduler<usize> = Scheduler::new(Clock::virtual_clock(), None);
        for i in 0..OPS {
            let delay = ((i * 7919) % OPS) as f64 / 1000.0;
            scheduler.call_later(delay, i);
        }
        let mut fired = 0;
        while let Iteration::Run(n) = scheduler.begin_iteration() {
            for _ in 0..n {
                fired += usize::from(scheduler.pop_ready().is_some());
            }
        }
        assert_eq!(fired, OPS);
    });
}
