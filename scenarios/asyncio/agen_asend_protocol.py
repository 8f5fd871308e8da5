import asyncio

async def accumulator():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        await asyncio.sleep(0.01 * x)
        total += x
    yield f"final {total}"

async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print("echo received", received)

async def main():
    acc = accumulator()
    print(await acc.asend(None))
    for v in (1, 2, 3):
        print(await acc.asend(v))
    print(await acc.asend(None))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    e = echo()
    print(await anext(e))
    print(await e.asend("a"))
    print(await anext(e))   # sends None
    print(await e.asend([1, 2]))
    await e.aclose()
    # asend awaitable object reused?
    acc2 = accumulator()
    aw = acc2.asend(None)
    print("stored asend awaitable:", await aw)
    print("then:", await acc2.asend(4))
    await acc2.aclose()

asyncio.run(main())
