import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def flaky(limit):
    for i in range(10):
        await asyncio.sleep(0.25)
        if i == limit:
            raise ValueError(f"flaky failed at {i}")
        yield i

async def main():
    seen = []
    try:
        async for x in flaky(3):
            seen.append(x)
            print(f"{now()} got {x}")
    except ValueError as e:
        print(f"{now()} caught {e!r} after {seen}")
    try:
        vals = [x async for x in flaky(2)]
    except ValueError as e:
        print(f"{now()} comprehension raised: {e}")
    g = flaky(0)
    try:
        await g.__anext__()
    except ValueError as e:
        print(f"{now()} __anext__ raised: {e}")
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print(f"{now()} generator is finished after raising: StopAsyncIteration")
    print(f"{now()} now the uncaught one")
    total = sum([x async for x in flaky(1)])
    print("not reached", total)

asyncio.run(main())
