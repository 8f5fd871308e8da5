import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def doomed(name, secs):
    await asyncio.sleep(secs)
    print(f"{now()} {name}: raising")
    raise RuntimeError(f"{name} failed and nobody looked")

async def main():
    t1 = asyncio.create_task(doomed("t1", 1))
    asyncio.create_task(doomed("t2", 0.5))
    await asyncio.sleep(2)
    print(f"{now()} main: t1.done()={t1.done()} (exception never retrieved)")
    del t1
    await asyncio.sleep(1)
    print(f"{now()} main: end")

asyncio.run(main())
print("program finished normally")
