import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def service():
    try:
        await asyncio.sleep(100)
    finally:
        print(f"{now()} service: finally starts, awaiting cleanup")
        await asyncio.sleep(2)
        print(f"{now()} service: cleanup finished")

async def stubborn():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print(f"{now()} stubborn: ignoring shutdown cancel, finishing work")
        await asyncio.sleep(1)
        print(f"{now()} stubborn: done anyway")
        return "ignored"

async def main():
    t = asyncio.create_task(service())
    await asyncio.sleep(1)
    print(f"{now()} main: done, tasks alive={len(asyncio.all_tasks())}")
    return t

t = asyncio.run(main())
print("service task cancelled:", t.cancelled())
r = asyncio.run(asyncio.sleep(0, "plain coroutine result"))
print("second run:", r)

async def main2():
    asyncio.create_task(stubborn())
    await asyncio.sleep(0.5)
    print(f"{now()} main2: done")

asyncio.run(main2())
print("end")
