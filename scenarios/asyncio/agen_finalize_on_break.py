import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def gen(tag):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(f"{now()} {tag} finally start")
        await asyncio.sleep(0.05)
        print(f"{now()} {tag} finally end")

async def main():
    async for x in gen("temp"):
        if x == 1:
            break
    print(f"{now()} after break from temporary generator")
    await asyncio.sleep(0)
    print(f"{now()} one step later")
    await asyncio.sleep(0.2)
    print(f"{now()} later")
    g = gen("named")
    async for x in g:
        if x == 2:
            break
    print(f"{now()} after break from named generator")
    await asyncio.sleep(0.2)
    print(f"{now()} named still alive; deleting")
    del g
    print(f"{now()} deleted")
    await asyncio.sleep(0.2)
    kept = gen("kept-to-end")
    await anext(kept)
    print(f"{now()} main returns with a suspended generator")

asyncio.run(main())
print("after run")
