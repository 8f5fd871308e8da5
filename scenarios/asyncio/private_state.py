"""What tutorials print to show a primitive's state: sem._value, q._unfinished_tasks, ...; iscoroutinefunction, isfuture."""
import asyncio
async def f(): pass
def g(): pass
async def main():
    s = asyncio.BoundedSemaphore(3)
    async with s:
        print(s._value, s._bound_value, asyncio.iscoroutinefunction(f), asyncio.iscoroutinefunction(g))
    q = asyncio.Queue(4)
    q.put_nowait(1)
    l = asyncio.Lock()
    e = asyncio.Event()
    print(q._maxsize, q._unfinished_tasks, l._locked, e._value, asyncio.isfuture(asyncio.ensure_future(f())), asyncio.isfuture(1))
asyncio.run(main())
