import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    loop = asyncio.get_running_loop()
    trace = []
    fut = loop.create_future()
    async def awaiter(name):
        trace.append(f"{name} waiting")
        r = await fut
        trace.append(f"{name} resumed with {r}")
    ts = [asyncio.create_task(awaiter(f"t{i}")) for i in range(2)]
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: trace.append(f"cb1 sees {f.result()}"))
    loop.call_soon(trace.append, "soon-before-set")
    fut.set_result("R")
    fut.add_done_callback(lambda f: trace.append("cb2 added after done"))
    loop.call_soon(trace.append, "soon-after-set")
    trace.append("main after set")
    await asyncio.sleep(0)
    trace.append("main resumed")
    await asyncio.gather(*ts)
    for t in trace:
        print(t)
    # task done callbacks vs tasks awaiting the task
    trace.clear()
    async def worker():
        await asyncio.sleep(0.125)
        trace.append("worker returns")
        return 7
    w = asyncio.create_task(worker())
    w.add_done_callback(lambda t: trace.append(f"done-cb A {t.result()}"))
    async def dependant(n):
        r = await w
        trace.append(f"dependant{n} got {r}")
    ds = [asyncio.create_task(dependant(i)) for i in range(2)]
    w.add_done_callback(lambda t: trace.append("done-cb B"))
    removed = w.remove_done_callback(print)
    await asyncio.gather(*ds)
    trace.append(f"removed={removed}")
    for t in trace:
        print(t)
    # as_completed / wait with simultaneous completion: order of events
    trace.clear()
    async def tick(name, d):
        await asyncio.sleep(d)
        trace.append(f"{name} finished")
        return name
    tasks = [asyncio.create_task(tick(n, 0.25)) for n in "xyz"]
    for f in asyncio.as_completed(tasks):
        trace.append(f"as_completed -> {await f}")
    tasks = [asyncio.create_task(tick(n, 0.25)) for n in "uvw"]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    trace.append(f"wait FIRST_COMPLETED done={sorted(t.result() for t in done)} pending={len(pending)}")
    for t in trace:
        print(t)
    # exception in a callback goes to the exception handler, loop continues
    handled = []
    loop.set_exception_handler(lambda l, ctx: handled.append(type(ctx.get("exception")).__name__))
    loop.call_soon(lambda: 1 / 0)
    f2 = loop.create_future()
    f2.add_done_callback(lambda f: [][1])
    f2.set_result(None)
    await asyncio.sleep(0)
    print(now(), handled)

asyncio.run(main())
