import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("get_nowait on empty:", type(e).__name__, repr(str(e)))
    q.put_nowait("a")
    q.put_nowait("b")
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("put_nowait on full:", type(e).__name__, repr(str(e)))
    print("qsize", q.qsize(), "full", q.full(), "empty", q.empty())
    print("got", q.get_nowait(), q.get_nowait())
    print("qsize", q.qsize(), "full", q.full(), "empty", q.empty())
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("task_done:", e)
    print("QueueEmpty is Exception:", isinstance(asyncio.QueueEmpty(), Exception))
    q0 = asyncio.Queue(0)
    print("maxsize 0 full?", q0.full())
    qn = asyncio.Queue(-3)
    qn.put_nowait(1)
    qn.put_nowait(2)
    print("negative maxsize unbounded:", qn.qsize(), qn.full())
    try:
        await asyncio.wait_for(q.get(), 0.5)
    except TimeoutError:
        print("get timed out at", asyncio.get_running_loop().time())
    waiter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("direct")
    print("waiter got:", await waiter, "qsize:", q.qsize())

asyncio.run(main())
