import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

DONE = object()

async def source(out, n):
    for i in range(n):
        await out.put(i)
        print(f"{now()} src put {i} (qsize={out.qsize()})")
    await out.put(DONE)

async def stage(name, inp, out, fn, delay):
    handled = 0
    while True:
        item = await inp.get()
        if item is DONE:
            await out.put(DONE)
            print(f"{now()} {name} finished after {handled}")
            return handled
        await asyncio.sleep(delay)
        r = fn(item)
        await out.put(r)
        handled += 1
        print(f"{now()} {name} {item}->{r} full={out.full()}")

async def sink(inp, results):
    while True:
        item = await inp.get()
        if item is DONE:
            return len(results)
        results.append(item)
        await asyncio.sleep(0.25)

async def main():
    q1 = asyncio.Queue(2)
    q2 = asyncio.Queue(1)
    q3 = asyncio.Queue(1)
    q4 = asyncio.Queue()
    results = []
    res = await asyncio.gather(
        source(q1, 6),
        stage("double", q1, q2, lambda x: x * 2, 0.0625),
        stage("inc", q2, q3, lambda x: x + 1, 0.125),
        stage("sq", q3, q4, lambda x: x * x, 0),
        sink(q4, results),
    )
    print(now(), res, results)

asyncio.run(main())
