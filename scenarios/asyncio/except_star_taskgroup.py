import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def raiser(exc, delay):
    await asyncio.sleep(delay)
    raise exc

async def run_group(excs):
    async with asyncio.TaskGroup() as tg:
        for i, e in enumerate(excs):
            tg.create_task(raiser(e, 0.1 * (i % 2)))

async def main():
    batches = [
        [ValueError("v"), TypeError("t"), OSError("o")],
        [KeyError("k")],
        [ValueError("v1"), ValueError("v2")],
    ]
    for b in batches:
        try:
            try:
                await run_group(b)
            except* ValueError as eg:
                print(f"{now()} values {[str(x) for x in eg.exceptions]} msg={eg.message!r}")
            except* (TypeError, KeyError) as eg:
                print(f"{now()} type/key {eg!r}")
        except ExceptionGroup as rest:
            print(f"{now()} unhandled rest {rest!r}")
    # except* with a TaskGroup nested
    async def nested():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(run_group([ValueError("deep")]))
            tg.create_task(raiser(TypeError("shallow"), 0.05))
    try:
        await nested()
    except* TypeError as eg:
        print(f"{now()} shallow: {eg!r}")
    except* ValueError as eg:
        print(f"{now()} deep: {eg!r}")

asyncio.run(main())
