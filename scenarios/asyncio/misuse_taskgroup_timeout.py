import asyncio

async def ok():
    await asyncio.sleep(0.1)
    return 1

async def main():
    tg = asyncio.TaskGroup()
    try:
        tg.create_task(ok())
    except RuntimeError as e:
        print("before enter:", e)
    async with tg:
        tg.create_task(ok())
        print("repr inside:", repr(tg))
    print("repr after:", repr(tg))
    try:
        async with tg:
            pass
    except RuntimeError as e:
        print("reuse:", e)
    c = ok()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        print("after exit:", e)

    t = asyncio.timeout(1)
    print("repr created:", repr(t), t.when() is not None)
    try:
        t.reschedule(5)
    except RuntimeError as e:
        print("reschedule before enter:", e)
    async with t:
        print("expired inside:", t.expired())
    print("repr after:", repr(t))
    try:
        t.reschedule(5)
    except RuntimeError as e:
        print("reschedule after exit:", e)
    try:
        async with t:
            pass
    except RuntimeError as e:
        print("re-enter:", e)
    t2 = asyncio.timeout(0.05)
    try:
        async with t2:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print("timed out:", type(e).__name__, repr(e), "expired:", t2.expired())
        print("repr expired:", repr(t2))
        print("cause:", type(e.__cause__).__name__)
    try:
        t2.reschedule(None)
    except RuntimeError as e:
        print("reschedule expired:", e)
    t3 = asyncio.timeout(None)
    async with t3:
        print("none when:", t3.when(), repr(t3))
        t3.reschedule(asyncio.get_running_loop().time() + 2)
        print("rescheduled:", repr(t3))
        t3.reschedule(None)
        await asyncio.sleep(3)
    print("t3 expired:", t3.expired())

asyncio.run(main())
