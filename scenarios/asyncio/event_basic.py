import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def waiter(ev, name):
    print(f"{now()} {name}: waiting (is_set={ev.is_set()})")
    r = await ev.wait()
    print(f"{now()} {name}: woke, wait() returned {r}")
    return name

async def main():
    ev = asyncio.Event()
    ws = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(4)]
    await asyncio.sleep(1)
    print(f"{now()} main: set")
    ev.set()
    ev.set()
    print(f"{now()} main: is_set={ev.is_set()} (waiters not yet run)")
    ev.clear()
    print(f"{now()} main: cleared immediately, is_set={ev.is_set()}")
    print(await asyncio.gather(*ws))
    late = asyncio.create_task(waiter(ev, "late"))
    await asyncio.sleep(0.5)
    async def setter():
        await asyncio.sleep(0.5)
        print(f"{now()} setter: set")
        ev.set()
    asyncio.create_task(setter())
    await late
    print(f"{now()} main: wait on set event returns at once: {await ev.wait()}")
    try:
        await asyncio.wait_for(asyncio.Event().wait(), 0.25)
    except TimeoutError:
        print(f"{now()} main: waiting on a fresh event timed out")

asyncio.run(main())
