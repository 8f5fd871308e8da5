import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def watcher(cond, state, name, target):
    async with cond:
        r = await cond.wait_for(lambda: state["n"] >= target)
        print(f"{now()} {name}: n={state['n']} reached {target}, predicate result {r}")

async def main():
    cond = asyncio.Condition()
    state = {"n": 0}
    ws = [asyncio.create_task(watcher(cond, state, f"w{t}", t)) for t in (3, 1, 5, 3)]
    for i in range(6):
        await asyncio.sleep(0.5)
        async with cond:
            state["n"] += 1
            print(f"{now()} bump n={state['n']}")
            cond.notify_all()
    await asyncio.gather(*ws)
    async with cond:
        print("already true ->", await cond.wait_for(lambda: "yes"))
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with c2:
        print("shared lock locked:", lock.locked())
    print("shared lock after:", lock.locked())

asyncio.run(main())
