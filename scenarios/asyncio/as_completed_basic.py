import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(name, secs, fail=False):
    await asyncio.sleep(secs)
    if fail:
        raise RuntimeError(f"{name} broke")
    return f"{name}@{secs}"

async def main():
    aws = [job("slow", 3), job("fast", 1), job("mid", 2), job("bad", 1.5, True), job("instant", 0)]
    for i, fut in enumerate(asyncio.as_completed(aws)):
        try:
            r = await fut
            print(f"{now()} #{i}: {r}")
        except RuntimeError as e:
            print(f"{now()} #{i}: error {e}")
    tasks = [asyncio.create_task(job(f"t{i}", s)) for i, s in enumerate((2.0, 1.0, 1.5))]
    await asyncio.sleep(1.2)
    print(f"{now()} done before as_completed: {[t.done() for t in tasks]}")
    # only one task is already done here: as_completed() puts its arguments in a
    # set, so several already-done tasks would come out in address order
    order = [await f for f in asyncio.as_completed(tasks)]
    print(f"{now()} order: {order}")
    print("empty:", [await f for f in asyncio.as_completed([])])

asyncio.run(main())
