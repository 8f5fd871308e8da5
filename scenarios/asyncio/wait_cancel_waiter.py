import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(name, secs):
    await asyncio.sleep(secs)
    return name

async def waiter(tasks, mode):
    try:
        done, pending = await asyncio.wait(tasks, return_when=mode)
        return sorted(t.get_name() for t in done), sorted(t.get_name() for t in pending)
    except asyncio.CancelledError:
        print(f"{now()} waiter({mode}) cancelled")
        raise

async def main():
    ts = [asyncio.create_task(job(f"j{i}", 0.2 * i), name=f"j{i}") for i in range(1, 5)]
    w = asyncio.create_task(waiter(ts, asyncio.ALL_COMPLETED))
    await asyncio.sleep(0.3)
    w.cancel()
    await asyncio.sleep(0)
    print(f"{now()} w.cancelled={w.cancelled()} jobs done={[t.done() for t in ts]}")
    print(f"{now()} second wait: {await waiter(ts, asyncio.FIRST_COMPLETED)}")
    print(f"{now()} third: {await waiter(ts, asyncio.ALL_COMPLETED)}")
    # wait with timeout returns without cancelling
    ts2 = [asyncio.create_task(job(f"k{i}", i), name=f"k{i}") for i in range(3)]
    done, pending = await asyncio.wait(ts2, timeout=1.5)
    print(f"{now()} done={sorted(t.get_name() for t in done)} pending={sorted(t.get_name() for t in pending)}")
    print(f"{now()} pending still running: {[not t.done() for t in pending]}")
    # wait on already-done tasks with FIRST_EXCEPTION
    done, pending = await asyncio.wait(ts2, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{now()} all done={len(done)} pending={len(pending)}")
    # wait given a future that gets cancelled
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.1, f.cancel)
    done, pending = await asyncio.wait([f])
    print(f"{now()} cancelled future in done: {f in done} {f.cancelled()}")
    # wait with duplicates
    t = asyncio.create_task(job("dup", 0.1))
    done, pending = await asyncio.wait([t, t, t])
    print(f"{now()} dup done len={len(done)}")

asyncio.run(main())
