import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(secs, fail=False):
    await asyncio.sleep(secs)
    if fail:
        raise ValueError(f"failed after {secs}")
    return secs

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    tasks = [asyncio.create_task(job(s, f), name=f"t{s}") for s, f in ((1, False), (2, True), (3, False), (4, True))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{now()} done={names(done)} pending={names(pending)}")
    for t in sorted(done, key=lambda t: t.get_name()):
        print("  ", t.get_name(), repr(t.exception()))
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{now()} done={names(done)} pending={names(pending)}")
    ok = [asyncio.create_task(job(s), name=f"ok{s}") for s in (0.5, 1.5)]
    done, pending = await asyncio.wait(ok, return_when=asyncio.FIRST_EXCEPTION)
    print(f"{now()} no exception -> waits for all: done={names(done)} pending={len(pending)}")
    failed = asyncio.create_task(job(0, True), name="failed")
    await asyncio.sleep(0.1)
    slow = asyncio.create_task(job(2), name="slow")
    done, pending = await asyncio.wait([failed, slow], return_when=asyncio.FIRST_EXCEPTION)
    print(f"{now()} pre-failed: done={names(done)} pending={names(pending)}")
    slow.cancel()
    done, pending = await asyncio.wait([slow])
    print(f"{now()} cancelled counts as done: {names(done)} cancelled={slow.cancelled()}")

asyncio.run(main())
