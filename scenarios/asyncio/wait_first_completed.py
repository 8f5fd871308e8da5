import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(secs):
    await asyncio.sleep(secs)
    return secs

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    tasks = [asyncio.create_task(job(s), name=f"j{s}") for s in (3, 1, 2, 5)]
    pending = set(tasks)
    while pending:
        done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
        print(f"{now()} done={names(done)} pending={names(pending)} results={sorted(t.result() for t in done)}")
    a = asyncio.create_task(job(1), name="a")
    await asyncio.sleep(2)
    done, pending = await asyncio.wait([a, asyncio.create_task(job(1), name="b")], return_when=asyncio.FIRST_COMPLETED)
    print(f"{now()} already-done task returns at once: done={names(done)} pending={names(pending)}")
    await asyncio.wait(pending)
    print(f"{now()} constants:", asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("empty:", e)
    coro = job(1)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print("coroutine:", e)
    try:
        await asyncio.wait(tasks, return_when="SOMETIMES")
    except ValueError as e:
        print("bad return_when:", e)

asyncio.run(main())
