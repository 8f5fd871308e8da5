import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def sleeper(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} done")
        return name
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise

async def timed_child(name, secs, limit):
    try:
        async with asyncio.timeout(limit):
            await asyncio.sleep(secs)
        return f"{name} ok"
    except TimeoutError:
        print(f"{now()} {name} timed out inside child")
        return f"{name} timeout"

async def main():
    # group inside timeout
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(sleeper("a", 0.2))
                tg.create_task(sleeper("b", 1))
    except TimeoutError:
        print(f"{now()} outer TimeoutError (not a group)")
    # timeouts inside children
    async with asyncio.TaskGroup() as tg:
        ts = [tg.create_task(timed_child(f"t{i}", i * 0.3, 0.5 + 0.01 * i)) for i in range(4)]
    print(f"{now()} {[t.result() for t in ts]}")
    # timeout around group whose child fails just before the deadline
    async def boom():
        await asyncio.sleep(0.4)
        raise ValueError("boom")
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(boom())
                tg.create_task(sleeper("c", 2))
    except TimeoutError:
        print(f"{now()} timeout")
    except ExceptionGroup as eg:
        print(f"{now()} group {eg.exceptions!r}")
    # child fails exactly at the deadline
    async def boom2():
        await asyncio.sleep(0.5)
        raise ValueError("boom2")
    try:
        async with asyncio.timeout(0.5):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(boom2())
                tg.create_task(sleeper("d", 2))
    except TimeoutError:
        print(f"{now()} timeout 2")
    except ExceptionGroup as eg:
        print(f"{now()} group 2 {eg.exceptions!r}")
    # timeout inside the group body
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("e", 0.3))
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(1)
        except TimeoutError:
            print(f"{now()} body timeout caught, group continues")
    print(f"{now()} end cancelling={asyncio.current_task().cancelling()}")

asyncio.run(main())
