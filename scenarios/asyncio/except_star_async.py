import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def fail(exc, t):
    await asyncio.sleep(t)
    raise exc

async def group(*excs):
    async with asyncio.TaskGroup() as tg:
        for i, e in enumerate(excs):
            tg.create_task(fail(e, 0.1 * (i + 1)))

async def handler_reraises():
    try:
        await group(ValueError("a"), KeyError("b"))
    except* ValueError:
        print(f"{now()} handling ValueError, re-raising bare")
        raise
    except* KeyError as eg:
        print(f"{now()} handling KeyError {eg.exceptions}")

async def handler_awaits():
    try:
        await group(TypeError("t1"), TypeError("t2"), OSError("o"))
    except* TypeError as eg:
        await asyncio.sleep(0.5)
        print(f"{now()} after await in except*: {len(eg.exceptions)} TypeErrors")
    except* OSError as eg:
        await asyncio.sleep(0.1)
        print(f"{now()} OSError handler: {eg!r}")

async def main():
    try:
        await handler_reraises()
    except ExceptionGroup as eg:
        print(f"{now()} propagated: {eg!r}")
    await handler_awaits()
    # except* catching an exception raised directly inside a TaskGroup body
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(ValueError("child"), 0.2))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except* KeyError as eg:
        print(f"{now()} body error: {eg.exceptions}")
    except* ValueError as eg:
        print(f"{now()} child error: {eg.exceptions}")
    # except* with else and finally
    try:
        await asyncio.sleep(0)
    except* ValueError:
        print("no")
    else:
        print(f"{now()} else branch")
    finally:
        print(f"{now()} finally branch")
    # nested except* in a loop with continue
    for i in range(3):
        try:
            if i == 1:
                continue
            raise ExceptionGroup("loop", [ValueError(i)])
        except* ValueError as eg:
            print(f"{now()} iteration {i}: {eg.exceptions}")

asyncio.run(main())
