import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def fail_at(t, msg):
    await asyncio.sleep(t)
    raise ValueError(msg)

async def sleeper(t):
    await asyncio.sleep(t)
    return t

async def body(fail_time):
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail_at(fail_time, f"child@{fail_time}"))
        tg.create_task(sleeper(5))
    return "body done"

async def main():
    # parent cancelled before, at and after the child failure
    for fail_time, cancel_time in ((0.5, 0.2), (0.2, 0.5), (0.3, 0.3)):
        t = asyncio.create_task(body(fail_time))
        await asyncio.sleep(0)
        asyncio.get_running_loop().call_later(cancel_time, t.cancel)
        try:
            r = await t
            print(f"{now()} returned {r}")
        except asyncio.CancelledError:
            print(f"{now()} fail@{fail_time} cancel@{cancel_time}: CancelledError")
        except ExceptionGroup as eg:
            print(f"{now()} fail@{fail_time} cancel@{cancel_time}: {eg!r}")
        await asyncio.sleep(1)
    # return inside the TaskGroup body waits for the children
    async def ret():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper(0.3))
            return "returned from body"
    print(f"{now()} {await ret()} at {now()}")
    # a group whose body is cancelled by its own child failing, then the parent catches and continues
    async def recover():
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(fail_at(0.1, "x"))
                await asyncio.sleep(1)
        except ExceptionGroup:
            pass
        await asyncio.sleep(0.2)
        return f"recovered, cancelling={asyncio.current_task().cancelling()}"
    print(f"{now()} {await recover()}")

asyncio.run(main())
