import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def child(name, secs):
    try:
        await asyncio.sleep(secs)
        print(f"{now()} {name}: finished")
        return name
    except asyncio.CancelledError:
        print(f"{now()} {name}: cancelled")
        raise

async def main():
    tasks = [asyncio.create_task(child(f"c{i}", i + 1), name=f"c{i}") for i in range(3)]
    g = asyncio.gather(*tasks)
    await asyncio.sleep(1.5)
    print(f"{now()} main: cancel gather ->", g.cancel())
    print("gather done right after cancel():", g.done())
    try:
        await g
    except asyncio.CancelledError:
        print(f"{now()} main: gather raised CancelledError")
    for t in tasks:
        print(f"  {t.get_name()}: done={t.done()} cancelled={t.cancelled()}")
    print("cancel finished gather ->", g.cancel())
    # a child cancelled directly (without return_exceptions)
    t1 = asyncio.create_task(child("d1", 1))
    t2 = asyncio.create_task(child("d2", 2))
    g2 = asyncio.gather(t1, t2)
    await asyncio.sleep(0.5)
    t1.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print(f"{now()} main: g2 CancelledError, g2.cancelled()={g2.cancelled()} t2.done()={t2.done()}")
    await t2
    print(f"{now()} main: end")

asyncio.run(main())
