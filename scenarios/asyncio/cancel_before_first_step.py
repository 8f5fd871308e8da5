import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker(name):
    print(f"{now()} {name} started")
    await asyncio.sleep(1)
    return name

async def main():
    t = asyncio.create_task(worker("w1"), name="w1")
    print("created", t.get_name(), "done:", t.done())
    r = t.cancel()
    print("cancel() returned", r, "done:", t.done(), "cancelled:", t.cancelled())
    print("cancel() again returned", t.cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiting raised CancelledError, args =", e.args)
    print("done:", t.done(), "cancelled:", t.cancelled())
    print("cancel() after done returned", t.cancel())
    t2 = asyncio.create_task(worker("w2"))
    await asyncio.sleep(0)
    print(f"{now()} w2 cancel after first step:", t2.cancel())
    try:
        await t2
    except asyncio.CancelledError:
        print(f"{now()} w2 cancelled:", t2.cancelled())

asyncio.run(main())
