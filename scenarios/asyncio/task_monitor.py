import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def download(n):
    await asyncio.sleep(0.25 * n)
    return n

async def upload(n):
    await asyncio.sleep(0.375 * n)
    return -n

async def monitor(stop):
    while not stop.is_set():
        me = asyncio.current_task()
        others = sorted((t for t in asyncio.all_tasks() if t is not me), key=lambda t: t.get_name())
        summary = [f"{t.get_name()}:{t.get_coro().__name__}" for t in others]
        print(f"{now()} {len(others)} running: {summary}")
        try:
            await asyncio.wait_for(stop.wait(), 0.3125)
        except asyncio.TimeoutError:
            pass

async def main():
    stop = asyncio.Event()
    mon = asyncio.create_task(monitor(stop), name="monitor")
    jobs = [asyncio.create_task(download(i), name=f"dl-{i}") for i in range(1, 4)]
    jobs += [asyncio.create_task(upload(i), name=f"up-{i}") for i in range(1, 3)]
    print(await asyncio.gather(*jobs))
    stop.set()
    await mon
    print(now(), mon.get_coro().__qualname__, len(asyncio.all_tasks()))

asyncio.run(main())
