import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def precious():
    print(f"{now()} precious: start")
    await asyncio.sleep(3)
    print(f"{now()} precious: done")
    return 42

async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print(f"{now()} caller: cancelled, inner.done()={inner.done()}")
        raise

async def main():
    inner = asyncio.create_task(precious())
    c = asyncio.create_task(caller(inner))
    await asyncio.sleep(1)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print(f"{now()} main: caller cancelled={c.cancelled()} inner.cancelled()={inner.cancelled()}")
    print(f"{now()} main: inner result {await inner}")
    try:
        r = await asyncio.wait_for(asyncio.shield(precious()), 1)
    except TimeoutError:
        print(f"{now()} main: wait_for timed out but shielded coroutine keeps going")
    await asyncio.sleep(2.5)
    print(f"{now()} main: end")
    fut = asyncio.get_running_loop().create_future()
    s = asyncio.shield(fut)
    s.cancel()
    print("shield cancelled:", s.cancelled(), "inner future cancelled:", fut.cancelled())
    fut.set_result("x")
    print("inner result still settable:", fut.result())
    inner2 = asyncio.create_task(precious())
    await asyncio.sleep(0)
    inner2.cancel()
    try:
        await asyncio.shield(inner2)
    except asyncio.CancelledError:
        print(f"{now()} cancelling the inner task propagates through shield")

asyncio.run(main())
