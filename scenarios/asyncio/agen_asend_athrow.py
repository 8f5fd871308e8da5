import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def accumulator():
    total = 0
    try:
        while True:
            try:
                x = yield total
            except ValueError as e:
                print(f"{now()} accumulator: caught {e!r}, resetting")
                total = 0
                continue
            await asyncio.sleep(0.5)
            if x is not None:
                total += x
    finally:
        print(f"{now()} accumulator: closing with total {total}")

async def main():
    acc = accumulator()
    print(f"{now()} first:", await acc.asend(None))
    for v in (5, 10, 20):
        print(f"{now()} after sending {v}:", await acc.asend(v))
    print(f"{now()} athrow ValueError ->", await acc.athrow(ValueError("reset")))
    print(f"{now()} after sending 7:", await acc.asend(7))
    print(f"{now()} __anext__ sends None ->", await acc.__anext__())
    await acc.aclose()
    try:
        await acc.asend(1)
    except StopAsyncIteration:
        print(f"{now()} asend after aclose: StopAsyncIteration")
    acc2 = accumulator()
    await acc2.asend(None)
    try:
        await acc2.athrow(KeyError("boom"))
    except KeyError as e:
        print(f"{now()} athrow with uncaught KeyError propagates: {e!r}")

asyncio.run(main())
