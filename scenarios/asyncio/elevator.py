import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def elevator(state, requests, cond):
    floor = 0
    moves = 0
    while True:
        async with cond:
            await cond.wait_for(lambda: state["pending"] or state["closing"])
            if not state["pending"] and state["closing"]:
                return moves
            target = min(state["pending"], key=lambda f: (abs(f - floor), f))
            state["pending"].remove(target)
        step = 1 if target > floor else -1
        while floor != target:
            await asyncio.sleep(0.25)
            floor += step
            moves += 1
            state["floor"] = floor
        print(f"{now()} elevator at {floor}, doors open")
        async with cond:
            state["arrived"] = floor
            cond.notify_all()
        await asyncio.sleep(0.125)

async def passenger(name, src, dst, state, cond, delay):
    await asyncio.sleep(delay)
    for f, what in ((src, "board"), (dst, "exit")):
        async with cond:
            state["pending"].append(f)
            cond.notify_all()
            print(f"{now()} {name} calls to {f} ({what})")
            await cond.wait_for(lambda: state["arrived"] == f)
        print(f"{now()} {name} {what}s at {f}")
    return name

async def main():
    cond = asyncio.Condition()
    state = {"pending": [], "closing": False, "floor": 0, "arrived": 0}
    el = asyncio.create_task(elevator(state, None, cond))
    ps = [
        passenger("ann", 3, 0, state, cond, 0.0625),
        passenger("bo", 1, 5, state, cond, 0.5),
        passenger("cy", 4, 2, state, cond, 1.0),
    ]
    done = await asyncio.gather(*ps)
    async with cond:
        state["closing"] = True
        cond.notify_all()
    moves = await el
    print(now(), done, "moves", moves)

asyncio.run(main())
