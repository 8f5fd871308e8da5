import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def stream(name):
    try:
        i = 0
        while True:
            await asyncio.sleep(0.5)
            yield i
            i += 1
    finally:
        print(f"{now()} {name}: finally (generator closed)")

holder = []

async def main():
    g = stream("kept")
    holder.append(g)
    async for x in g:
        print(f"{now()} main: got {x}")
        if x == 2:
            break
    print(f"{now()} main: leaving with an unfinished async generator")

asyncio.run(main())
print("after asyncio.run; generator finalized by shutdown_asyncgens")
