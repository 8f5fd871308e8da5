import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} finished")
        return name
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    tasks = [asyncio.create_task(job(f"w{i}", s), name=f"w{i}") for i, s in enumerate((0.5, 3, 1.5, 4.5))]
    done, pending = await asyncio.wait(tasks, timeout=2)
    print(f"{now()} timeout: len(done)={len(done)} len(pending)={len(pending)}")
    print("  done:", names(done), "pending:", names(pending))
    print("  pending cancelled?", [t.cancelled() for t in sorted(pending, key=lambda t: t.get_name())])
    done, pending = await asyncio.wait(pending, timeout=10, return_when=asyncio.ALL_COMPLETED)
    print(f"{now()} all completed: done={names(done)} pending={names(pending)}")
    print("results:", [t.result() for t in tasks])
    t = asyncio.create_task(job("z", 1), name="z")
    done, pending = await asyncio.wait([t], timeout=0)
    print(f"{now()} timeout=0: done={len(done)} pending={len(pending)}")
    done, pending = await asyncio.wait([t], timeout=None)
    print(f"{now()} timeout=None: done={names(done)}")

asyncio.run(main())
