import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(name, generation, crash_plan):
    await asyncio.sleep(0.125 + sum(map(ord, name)) % 13 / 128)
    plan = crash_plan.get(name, [])
    if generation < len(plan) and plan[generation]:
        raise plan[generation](f"{name} gen{generation}")
    await asyncio.sleep(0.25)
    return f"{name}@gen{generation}"

async def supervise(name, crash_plan, max_restarts, history):
    gen = 0
    backoff = 0.0625
    while True:
        t = asyncio.create_task(worker(name, gen, crash_plan), name=f"{name}-{gen}")
        try:
            r = await t
            history.append((now(), name, "ok", r))
            return r
        except Exception as e:
            history.append((now(), name, "crash", f"{type(e).__name__}: {e}"))
            print(f"{now()} {t.get_name()} crashed: {e!r}")
            if gen >= max_restarts:
                raise RuntimeError(f"{name} exceeded restarts") from e
            gen += 1
            await asyncio.sleep(backoff)
            backoff *= 2

async def main():
    plan = {
        "alpha": [ValueError, None],
        "beta": [KeyError, OSError, None],
        "gamma": [ZeroDivisionError] * 5,
        "delta": [],
    }
    history = []
    res = await asyncio.gather(*(supervise(n, plan, 3, history) for n in plan), return_exceptions=True)
    for h in history:
        print(h)
    for r in res:
        if isinstance(r, Exception):
            print(repr(r), "cause:", repr(r.__cause__))
        else:
            print(r)
    print(now())

asyncio.run(main())
