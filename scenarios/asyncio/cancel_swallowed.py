import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def stubborn():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"{now()} stubborn: swallowing cancel")
    await asyncio.sleep(1)
    print(f"{now()} stubborn: still running")
    return "finished anyway"

async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(1)
    print(f"{now()} main: cancel() ->", t.cancel())
    r = await t
    print(f"{now()} main: result={r!r}")
    print("cancelled():", t.cancelled(), "done():", t.done())
    print("exception():", t.exception())
    print("cancelling():", t.cancelling())

asyncio.run(main())
