import asyncio

def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, repr(e), str(e))

async def ashow(label, mk):
    try:
        r = await mk()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, repr(e), str(e))

async def val():
    return 7

async def main():
    q = asyncio.Queue(1)
    show("get_nowait empty", q.get_nowait)
    q.put_nowait(1)
    show("put_nowait full", lambda: q.put_nowait(2))
    show("task_done once", q.task_done)
    show("task_done twice", q.task_done)
    print("isinstance QueueEmpty Exception:", isinstance(asyncio.QueueEmpty(), Exception))
    fut = asyncio.get_running_loop().create_future()
    show("result pending", fut.result)
    show("exception pending", fut.exception)
    fut.set_result(1)
    show("set_result twice", lambda: fut.set_result(2))
    show("set_exception done", lambda: fut.set_exception(ValueError()))
    show("cancel done", fut.cancel)
    f2 = asyncio.get_running_loop().create_future()
    show("set_exception StopIteration", lambda: f2.set_exception(StopIteration()))
    f2.set_exception(KeyError)
    show("exception class instantiated", lambda: repr(f2.exception()))
    t = asyncio.create_task(val())
    show("task set_result", lambda: t.set_result(1))
    show("task set_exception", lambda: t.set_exception(ValueError()))
    show("task result pending", t.result)
    await t
    show("task result", t.result)
    c = val()
    print("first await:", await c)
    await ashow("second await", lambda: c)
    show("create_task non-coro", lambda: asyncio.create_task(5))
    await ashow("gather non-awaitable", lambda: asyncio.gather(1))
    await ashow("wait empty", lambda: asyncio.wait([]))
    c2 = val()
    await ashow("wait coroutine", lambda: asyncio.wait([c2]))
    await ashow("anext on list", lambda: anext([1, 2]))
    show("aiter on list", lambda: aiter([1]))
    await ashow("await non-awaitable via wait_for", lambda: asyncio.wait_for(3, 1))
    show("sleep result type", lambda: type(asyncio.sleep(0)).__name__)

asyncio.run(main())
