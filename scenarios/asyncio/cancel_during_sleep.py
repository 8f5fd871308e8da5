import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def sleeper(name, secs):
    print(f"{now()} {name}: sleeping {secs}")
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name}: woke normally")
        return "ok"
    except asyncio.CancelledError:
        print(f"{now()} {name}: got CancelledError")
        raise

async def main():
    a = asyncio.create_task(sleeper("a", 5))
    b = asyncio.create_task(sleeper("b", 2))
    await asyncio.sleep(1)
    print(f"{now()} main: cancelling a")
    a.cancel()
    print(f"{now()} main: a.done()={a.done()} a.cancelled()={a.cancelled()}")
    await asyncio.sleep(0)
    print(f"{now()} main: after one step a.done()={a.done()} a.cancelled()={a.cancelled()}")
    print(f"{now()} main: b result = {await b}")
    try:
        await a
    except asyncio.CancelledError:
        print(f"{now()} main: awaiting a raised CancelledError")

asyncio.run(main())
