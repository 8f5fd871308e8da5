import asyncio

def show(label, f):
    try:
        r = f()
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

async def ashow(label, coro):
    try:
        r = await coro
        print(label, "->", r)
    except Exception as e:
        print(label, "->", type(e).__name__, e)

async def main():
    lock = asyncio.Lock()
    show("release unlocked", lock.release)
    cond = asyncio.Condition()
    await ashow("wait without lock", cond.wait())
    show("notify without lock", cond.notify)
    show("notify_all without lock", cond.notify_all)
    await ashow("wait_for without lock", cond.wait_for(lambda: True))
    show("cond release unlocked", cond.release)
    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    bs.release()
    show("bounded over-release", bs.release)
    show("Semaphore(-1)", lambda: asyncio.Semaphore(-1))
    show("BoundedSemaphore(-2)", lambda: asyncio.BoundedSemaphore(-2))
    s = asyncio.Semaphore(0)
    s.release()
    s.release()
    print("plain semaphore over-release ok, locked:", s.locked())
    ev = asyncio.Event()
    print("event wait when set:", ev.set(), await ev.wait(), ev.is_set())
    ev.clear()
    print("cleared:", ev.is_set())
    # Condition with an explicit lock that is held by someone else
    l2 = asyncio.Lock()
    c2 = asyncio.Condition(l2)
    await l2.acquire()
    print("cond locked via shared lock:", c2.locked())
    c2.notify()
    l2.release()
    show("notify after release", c2.notify)
    # acquire returns True
    print("acquire returns", await lock.acquire(), await bs.acquire())
    print("locked", lock.locked(), bs.locked())

asyncio.run(main())
