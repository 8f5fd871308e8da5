import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []
    fut = loop.create_future()
    async def w(n):
        await fut
        order.append(f"task{n}")
        await asyncio.sleep(0)
        order.append(f"task{n}-again")
    fut.add_done_callback(lambda f: order.append("cb-before"))
    ts = [asyncio.create_task(w(i)) for i in range(3)]
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: order.append("cb-after"))
    loop.call_soon(order.append, "soon-before-set")
    fut.set_result(None)
    loop.call_soon(order.append, "soon-after-set")
    await asyncio.gather(*ts)
    print(order)
    # tasks awaiting tasks: completion reaches waiters one iteration later
    order.clear()
    async def leaf():
        order.append("leaf")
        return 1
    async def mid(t):
        await t
        order.append("mid")
    async def ticker():
        for i in range(4):
            order.append(f"tick{i}")
            await asyncio.sleep(0)
    l = asyncio.create_task(leaf())
    m = asyncio.create_task(mid(l))
    tk = asyncio.create_task(ticker())
    await asyncio.gather(m, tk)
    print(order)
    # a future resolved from a task's done callback
    order.clear()
    f2 = loop.create_future()
    async def producer():
        order.append("producer")
        return "p"
    p = asyncio.create_task(producer())
    p.add_done_callback(lambda t: f2.set_result(t.result() + "!"))
    tk = asyncio.create_task(ticker())
    order.append(await f2)
    await tk
    print(order)

asyncio.run(main())
