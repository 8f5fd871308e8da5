import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

results = []

async def child(name):
    print(f"{now()} child {name} started")
    await asyncio.sleep(0.1)
    results.append(name)
    return name

def spawn(name):
    print(f"{now()} callback spawning {name}")
    t = asyncio.get_running_loop().create_task(child(name))
    t.add_done_callback(lambda f: print(f"{now()} done-callback {f.result()}"))

def setter(fut, value):
    print(f"{now()} setter {value}")
    if not fut.done():
        fut.set_result(value)

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(spawn, "soon")
    loop.call_later(0.05, spawn, "later")
    loop.call_at(loop.time() + 0.02, spawn, "at")
    h = loop.call_later(0.03, spawn, "cancelled-handle")
    h.cancel()
    print("handle cancelled:", h.cancelled())
    fut = loop.create_future()
    loop.call_later(0.3, setter, fut, "second")
    loop.call_later(0.2, setter, fut, "first")
    print(f"{now()} awaiting fut")
    print(f"{now()} fut -> {await fut}")
    await asyncio.sleep(0.2)
    print(f"{now()} results {results}")
    # callback order relative to tasks in the same iteration
    order = []
    async def t(n):
        order.append(f"task{n}")
    loop.call_soon(order.append, "cb1")
    asyncio.create_task(t(1))
    loop.call_soon(order.append, "cb2")
    asyncio.create_task(t(2))
    await asyncio.sleep(0)
    print(order)
    # callback raising: loop continues (error goes to stderr)
    def bad():
        raise RuntimeError("callback failure")
    loop.call_soon(bad)
    loop.call_soon(print, "after bad callback")
    await asyncio.sleep(0.01)
    # call_later with zero and negative delays interleaved with call_soon
    seq = []
    loop.call_later(0, seq.append, "later0")
    loop.call_soon(seq.append, "soon")
    loop.call_later(0.001, seq.append, "later0.001")
    await asyncio.sleep(0.01)
    print(seq)

asyncio.run(main())
