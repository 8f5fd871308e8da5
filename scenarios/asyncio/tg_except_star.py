import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def raiser(exc, secs):
    await asyncio.sleep(secs)
    raise exc

async def main():
    for batch in ([ValueError("v1"), KeyError("k")], [ValueError("v2"), ValueError("v3")], [TypeError("t")]):
        try:
            async with asyncio.TaskGroup() as tg:
                for i, e in enumerate(batch):
                    tg.create_task(raiser(e, 0))
                tg.create_task(raiser(None, 10))
        except* ValueError as eg:
            print(f"{now()} ValueErrors: {eg!r}")
        except* KeyError as eg:
            print(f"{now()} KeyErrors: {[str(e) for e in eg.exceptions]}")
        except* Exception as eg:
            print(f"{now()} others: {eg.exceptions} / {eg}")
    print("end")

asyncio.run(main())
