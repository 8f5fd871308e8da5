import asyncio

counter = {"n": 0}

async def bump(k):
    await asyncio.sleep(0.1 * k)
    counter["n"] += k
    return asyncio.current_task().get_name()

async def first():
    names = await asyncio.gather(*(bump(k) for k in range(3)))
    print("first names", names)
    t = asyncio.create_task(bump(1))
    await t
    print("first main", asyncio.current_task().get_name(), t.get_name())
    print("time in first", round(asyncio.get_running_loop().time(), 3))
    return counter["n"]

async def second(prev):
    print("time at start of second", round(asyncio.get_running_loop().time(), 3))
    t = asyncio.create_task(bump(prev))
    return asyncio.current_task().get_name(), await t

async def failing():
    await asyncio.sleep(0.1)
    raise ValueError("run failed")

r = asyncio.run(first())
print("result of first run:", r)
print("result of second run:", asyncio.run(second(r)))
try:
    asyncio.run(failing())
except ValueError as e:
    print("caught from run:", e)
print("third:", asyncio.run(second(0)))
print("counter", counter)
