import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(f"{now()} worker sees args={e.args}")
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError as e:
        print(f"{now()} main sees args={e.args}")
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises args=", e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print("exception() raises args=", e.args)
    t2 = asyncio.create_task(worker())
    t2.cancel("before start")
    try:
        await t2
    except asyncio.CancelledError as e:
        print(f"{now()} t2 args={e.args} repr={e!r}")

asyncio.run(main())
