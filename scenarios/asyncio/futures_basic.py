import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def waiter(fut, name):
    try:
        r = await fut
        print(f"{now()} {name}: future gave {r!r}")
    except Exception as e:
        print(f"{now()} {name}: future raised {e!r}")
    except asyncio.CancelledError:
        print(f"{now()} {name}: future cancelled")

async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    f2 = loop.create_future()
    f3 = loop.create_future()
    ws = [asyncio.create_task(waiter(f, n)) for f, n in ((f1, "w1"), (f2, "w2"), (f3, "w3"), (f1, "w1b"))]
    loop.call_later(1, f1.set_result, "hello")
    loop.call_later(2, f2.set_exception, ValueError("nope"))
    loop.call_later(1.5, f3.cancel)
    f1.add_done_callback(lambda f: print(f"{now()} f1 callback sees {f.result()!r}"))
    await asyncio.gather(*ws)
    print("states:", f1.done(), f2.done(), f3.cancelled())
    f4 = loop.create_future()
    loop.call_soon(f4.set_result, 99)
    print(f"{now()} f4 ->", await f4)
    try:
        f4.cancel()
        print("cancel done future returns False:", f4.cancel())
    except Exception as e:
        print("unexpected", e)
    f5 = loop.create_future()
    f5.set_exception(KeyError)
    print("exception class instantiated:", repr(f5.exception()))

asyncio.run(main())
