import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def worker():
    me = asyncio.current_task()
    for round_ in range(3):
        try:
            await asyncio.sleep(2)
            print(f"{now()} worker: round {round_} slept fine, cancelling={me.cancelling()}")
        except asyncio.CancelledError:
            print(f"{now()} worker: round {round_} cancelled, cancelling={me.cancelling()}")
            left = me.uncancel()
            print(f"{now()} worker: uncancel() -> {left}")
    return "survived"

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(1)
    print("cancel #1:", t.cancel(), "cancelling:", t.cancelling())
    print("cancel #2:", t.cancel(), "cancelling:", t.cancelling())
    await asyncio.sleep(0)
    print(f"{now()} main: after step cancelling={t.cancelling()}")
    await asyncio.sleep(2.5)
    print(f"{now()} cancel #3:", t.cancel(), "cancelling:", t.cancelling())
    print(f"{now()} main: result={await t!r} cancelled={t.cancelled()} cancelling={t.cancelling()}")
    print("main task cancelling:", asyncio.current_task().cancelling())

asyncio.run(main())
