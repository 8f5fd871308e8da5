import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def background():
    print(f"{now()} background: started")
    try:
        while True:
            await asyncio.sleep(1)
            print(f"{now()} background: tick")
    except asyncio.CancelledError:
        print(f"{now()} background: cancelled by asyncio.run shutdown")
        raise
    finally:
        print(f"{now()} background: finally")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(2.5)
    print(f"{now()} main: returning while background still runs")
    return "main result"

print("asyncio.run returned:", asyncio.run(main()))
print("after run")
