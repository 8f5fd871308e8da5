import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def child(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name} finished")
    except asyncio.CancelledError:
        print(f"{now()} {name} cancelled")
        raise
    finally:
        print(f"{now()} {name} finally")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 1))
            tg.create_task(child("b", 0.5))
            await asyncio.sleep(0.75)
            print(f"{now()} body raising")
            raise LookupError("from body")
    except ExceptionGroup as eg:
        print(f"{now()} caught: {eg!r}")
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 1))
            raise ZeroDivisionError("immediately")
    except ExceptionGroup as eg:
        print(f"{now()} caught: {eg.exceptions}")
    print(f"{now()} end")

asyncio.run(main())
