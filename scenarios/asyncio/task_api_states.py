import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def ok():
    await asyncio.sleep(1)
    return "value"

async def bad():
    await asyncio.sleep(1)
    raise KeyError("missing")

def probe(label, t):
    print(f"{label}: done={t.done()} cancelled={t.cancelled()}")
    for meth in ("result", "exception"):
        try:
            r = getattr(t, meth)()
            print(f"  {meth}() -> {r!r}")
        except BaseException as e:
            print(f"  {meth}() raised {type(e).__name__}: {e}")

async def main():
    a = asyncio.create_task(ok())
    b = asyncio.create_task(bad())
    c = asyncio.create_task(ok())
    probe("a pending", a)
    await asyncio.sleep(0.5)
    c.cancel()
    await asyncio.sleep(1)
    probe("a finished", a)
    probe("b failed", b)
    probe("c cancelled", c)
    f = asyncio.get_running_loop().create_future()
    probe("future pending", f)
    f.set_result(5)
    try:
        f.set_result(6)
    except asyncio.InvalidStateError as e:
        print("set_result twice:", type(e).__name__, "|", str(e).split(":")[0])
    probe("future done", f)
    print("InvalidStateError is an Exception:", isinstance(asyncio.InvalidStateError(), Exception))
    print("CancelledError is an Exception:", isinstance(asyncio.CancelledError(), Exception))

asyncio.run(main())
