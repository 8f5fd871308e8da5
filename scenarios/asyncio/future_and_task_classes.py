"""asyncio.Future() and asyncio.Task(coro) made directly, as loop.create_future() and loop.create_task() make them."""
import asyncio


async def work(n):
    await asyncio.sleep(n)
    return n * 2


async def main():
    loop = asyncio.get_running_loop()
    f = asyncio.Future()
    loop.call_later(1, f.set_result, "done")
    print(await f, f, f.done())
    t1 = asyncio.Task(work(1))
    t2 = asyncio.Task(work(2), name="named")
    t3 = asyncio.create_task(work(0.5))
    print(t1.get_name(), t2.get_name(), t3.get_name())
    print(await asyncio.gather(t1, t2, t3), loop.time())
    try:
        asyncio.Task(5)
    except TypeError as e:
        print("TypeError:", e)


asyncio.run(main())
