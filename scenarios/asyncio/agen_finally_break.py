import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def gen(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0.5)
            print(f"{now()} {name} yields {i}")
            yield i
        print(f"{now()} {name} exhausted")
    finally:
        print(f"{now()} {name} finally")

async def main():
    async for x in gen("full", 2):
        print(f"{now()} got {x}")
    print(f"{now()} -- named generator, break, explicit aclose")
    g = gen("named", 5)
    async for x in g:
        if x == 1:
            break
    print(f"{now()} after break (named: no finally yet)")
    await g.aclose()
    print(f"{now()} after aclose")
    await g.aclose()
    print(f"{now()} second aclose is a no-op")
    async for x in g:
        print("never")
    print(f"{now()} iterating a closed generator yields nothing")
    print(f"{now()} -- anonymous generator, break")
    async for x in gen("anon", 5):
        if x == 1:
            break
    print(f"{now()} after break (anon)")
    await asyncio.sleep(0)
    print(f"{now()} after sleep(0)")
    await asyncio.sleep(1)
    print(f"{now()} end")

asyncio.run(main())
