import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            print(f"{now()} {name}: notified, locked={cond.locked()}")
        except asyncio.CancelledError:
            print(f"{now()} {name}: cancelled in wait, locked={cond.locked()}")
            raise
    print(f"{now()} {name}: left")

async def main():
    cond = asyncio.Condition()
    ws = [asyncio.create_task(waiter(cond, n)) for n in "ABC"]
    await asyncio.sleep(0.1)
    # cancel A while main holds the lock: A must wait to reacquire
    async with cond:
        ws[0].cancel()
        await asyncio.sleep(0.5)
        print(f"{now()} main: A done? {ws[0].done()}")
        cond.notify(1)
        # cancel B after it has been notified, before it runs
        ws[1].cancel()
    res = await asyncio.gather(*ws[:2], return_exceptions=True)
    print(f"{now()} res={[type(r).__name__ for r in res]}")
    async with cond:
        cond.notify_all()
    await ws[2]
    # timeout() around Condition.wait
    async with cond:
        try:
            async with asyncio.timeout(0.3):
                await cond.wait()
        except TimeoutError:
            print(f"{now()} timeout around wait: locked={cond.locked()}")
        print(f"{now()} still in cond block, locked={cond.locked()}")
    print(f"{now()} after block, locked={cond.locked()}")
    # wait_for with tiny timeout around wait_for(predicate) while another holds the lock
    flag = []
    async def slow_holder():
        async with cond:
            await asyncio.sleep(1)
            flag.append(1)
            cond.notify_all()
    h = asyncio.create_task(slow_holder())
    await asyncio.sleep(0)
    async def pw():
        async with cond:
            return await cond.wait_for(lambda: flag)
    try:
        await asyncio.wait_for(pw(), 0.5)
    except asyncio.TimeoutError:
        print(f"{now()} wait_for(pw) timed out while lock held by holder, locked={cond.locked()}")
    await h
    print(f"{now()} pw again: {await asyncio.wait_for(pw(), 0.5)}")

asyncio.run(main())
