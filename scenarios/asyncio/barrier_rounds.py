import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def runner(i, barrier, rounds, log):
    for r in range(rounds):
        await asyncio.sleep(0.0625 * ((i + r) % 3 + 1))
        pos = await barrier.wait()
        log.append((r, i, pos, now()))
    return i

async def main():
    b = asyncio.Barrier(3)
    log = []
    await asyncio.gather(*(runner(i, b, 3, log) for i in range(3)))
    for l in log:
        print(l)
    print(now(), b.n_waiting, b.broken)
    # one party cancelled while waiting: barrier stays usable?
    b2 = asyncio.Barrier(2)
    t = asyncio.create_task(b2.wait())
    await asyncio.sleep(0.0625)
    print("n_waiting", b2.n_waiting)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after cancel n_waiting", b2.n_waiting, b2.broken)
    res = await asyncio.gather(b2.wait(), b2.wait())
    print("second use", sorted(res), b2.broken)
    # abort while parties wait; later waits fail immediately until reset
    b3 = asyncio.Barrier(3)
    ws = [asyncio.create_task(b3.wait()) for _ in range(2)]
    await asyncio.sleep(0)
    await b3.abort()
    r = await asyncio.gather(*ws, return_exceptions=True)
    print([type(x).__name__ for x in r])
    try:
        await b3.wait()
    except asyncio.BrokenBarrierError:
        print("still broken")
    await b3.reset()
    r = await asyncio.gather(*(b3.wait() for _ in range(3)))
    print(sorted(r))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError", e)

asyncio.run(main())
