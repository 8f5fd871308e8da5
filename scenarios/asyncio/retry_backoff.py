import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def flaky(name, attempt, plan):
    kind = plan[name][min(attempt, len(plan[name]) - 1)]
    if kind == "hang":
        await asyncio.sleep(10)
        return "late"
    await asyncio.sleep(0.125)
    if kind == "err":
        raise ConnectionError(f"{name} attempt {attempt}")
    return f"{name}-ok@{attempt}"

async def with_retry(name, plan, max_attempts=5, base=0.125, per_try=0.5):
    base += len(name) / 256
    delay = base
    for attempt in range(max_attempts):
        try:
            async with asyncio.timeout(per_try) as cm:
                r = await flaky(name, attempt, plan)
            print(f"{now()} {name} success {r} expired={cm.expired()}")
            return r
        except TimeoutError:
            print(f"{now()} {name} attempt {attempt} timed out")
        except ConnectionError as e:
            print(f"{now()} {name} attempt {attempt} failed: {e}")
        jitter = random.choice([0, 0.0625])
        await asyncio.sleep(delay + jitter)
        delay *= 2
    raise RuntimeError(f"{name} gave up")

async def main():
    random.seed(3)
    plan = {
        "db": ["err", "err", "ok"],
        "cache": ["hang", "ok"],
        "api": ["err", "hang", "err", "hang", "err"],
        "fast": ["ok"],
    }
    results = await asyncio.gather(*(with_retry(n, plan) for n in plan), return_exceptions=True)
    for n, r in zip(plan, results):
        print(n, repr(r))
    try:
        async with asyncio.timeout(1.0):
            await with_retry("api", plan)
    except TimeoutError:
        print(f"{now()} overall timeout for api")

asyncio.run(main())
