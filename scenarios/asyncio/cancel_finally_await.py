import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(name):
    try:
        print(f"{now()} {name}: working")
        await asyncio.sleep(10)
    finally:
        print(f"{now()} {name}: cleanup start")
        await asyncio.sleep(0.5)
        print(f"{now()} {name}: cleanup step 2")
        await asyncio.sleep(0.25)
        print(f"{now()} {name}: cleanup done")

async def ticker():
    for i in range(4):
        await asyncio.sleep(0.3)
        print(f"{now()} tick {i}")

async def main():
    t = asyncio.create_task(worker("w"))
    tk = asyncio.create_task(ticker())
    await asyncio.sleep(1)
    t.cancel()
    print(f"{now()} main: cancel requested, done={t.done()}")
    try:
        await t
    except asyncio.CancelledError:
        print(f"{now()} main: worker finished cancelled={t.cancelled()}")
    await tk
    print(f"{now()} main: end")

asyncio.run(main())
