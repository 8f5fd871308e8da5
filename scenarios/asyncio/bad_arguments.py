import asyncio

async def coro():
    return 1

async def attempt(label, mk):
    try:
        r = await mk()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

def sync_attempt(label, f):
    try:
        print(label, "->", f())
    except Exception as e:
        print(label, "->", type(e).__name__, e)

async def main():
    await attempt("sleep str", lambda: asyncio.sleep("x"))
    await attempt("wait_for str timeout", lambda: asyncio.wait_for(asyncio.sleep(0), "x"))
    sync_attempt("timeout str", lambda: asyncio.timeout("x"))
    sync_attempt("Queue str maxsize full()", lambda: asyncio.Queue("3").full())
    sync_attempt("Semaphore str", lambda: asyncio.Semaphore("2"))
    sync_attempt("Lock arg", lambda: asyncio.Lock(1))
    sync_attempt("Event arg", lambda: asyncio.Event(1))
    sync_attempt("Condition 2 args", lambda: asyncio.Condition(None, 2))
    sync_attempt("Queue 2 args", lambda: asyncio.Queue(1, 2))
    sync_attempt("TaskGroup arg", lambda: asyncio.TaskGroup(1))
    sync_attempt("gather type", lambda: type(asyncio.gather()).__name__)
    await attempt("wait bad return_when", lambda: asyncio.wait([asyncio.ensure_future(coro())], return_when="x"))
    await attempt("as_completed of non-iterable", lambda: asyncio.sleep(0, next(iter(asyncio.as_completed(5)))))
    await attempt("shield non-awaitable", lambda: asyncio.shield(5))
    sync_attempt("ensure_future int", lambda: asyncio.ensure_future(5))

asyncio.run(main())
