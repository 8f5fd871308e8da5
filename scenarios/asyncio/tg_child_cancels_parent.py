import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def saboteur(target, d):
    await asyncio.sleep(d)
    print(f"{now()} saboteur cancels main body")
    target.cancel("sabotage")
    await asyncio.sleep(0.25)
    return "sab-done"

async def sleeper(n, d):
    try:
        await asyncio.sleep(d)
        return n
    except asyncio.CancelledError:
        print(f"{now()} sleeper{n} cancelled")
        raise

async def body(results):
    me = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            results.append(tg.create_task(saboteur(me, 0.125)))
            results.append(tg.create_task(sleeper(1, 0.0625)))
            results.append(tg.create_task(sleeper(2, 1)))
            await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        print(f"{now()} body cancelled args={e.args} cancelling={me.cancelling()}")
        raise
    return "body finished"

async def main():
    results = []
    t = asyncio.create_task(body(results))
    try:
        await t
    except asyncio.CancelledError:
        print(f"{now()} main sees body cancelled")
    print([(r.cancelled(), r.result() if r.done() and not r.cancelled() else None) for r in results])
    # uncancel pattern: body catches and continues after its TaskGroup was cancelled externally
    async def resilient():
        me = asyncio.current_task()
        out = []
        for attempt in range(2):
            try:
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(sleeper(10 + attempt, 0.5))
            except asyncio.CancelledError:
                n = me.uncancel()
                out.append(f"attempt{attempt} cancelled, remaining={n}")
                continue
            out.append(f"attempt{attempt} ok")
        return out
    r = asyncio.create_task(resilient())
    await asyncio.sleep(0.25)
    r.cancel()
    print(now(), await r)

asyncio.run(main())
