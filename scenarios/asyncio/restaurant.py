import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

MENU = {"soup": 0.25, "steak": 1.0, "salad": 0.125, "pasta": 0.5, "pie": 0.375}

async def customer(cid, orders, served):
    dish = random.choice(sorted(MENU))
    fut = asyncio.get_running_loop().create_future()
    print(f"{now()} customer{cid} orders {dish}")
    await orders.put((cid, dish, fut))
    try:
        plate = await asyncio.wait_for(fut, 2.0)
        served.append((cid, plate))
        print(f"{now()} customer{cid} eats {plate}")
    except asyncio.TimeoutError:
        print(f"{now()} customer{cid} leaves angry (cancelled={fut.cancelled()})")

async def cook(name, orders, ready):
    cooked = 0
    while True:
        cid, dish, fut = await orders.get()
        if fut.done():
            print(f"{now()} {name} skips {dish} for customer{cid}")
            orders.task_done()
            continue
        print(f"{now()} {name} cooks {dish} for customer{cid}")
        await asyncio.sleep(MENU[dish])
        await ready.put((cid, f"{dish}-by-{name}", fut))
        orders.task_done()
        cooked += 1

async def waiter(name, ready):
    while True:
        cid, plate, fut = await ready.get()
        await asyncio.sleep(0.0625)
        if fut.done():
            print(f"{now()} {name} throws away {plate}")
        else:
            fut.set_result(plate)
            print(f"{now()} {name} serves {plate} to customer{cid}")
        ready.task_done()

async def main():
    random.seed(7)
    orders = asyncio.Queue()
    ready = asyncio.Queue(maxsize=2)
    served = []
    staff = [asyncio.create_task(cook(f"cook{i}", orders, ready)) for i in range(2)]
    staff.append(asyncio.create_task(waiter("waiter", ready)))
    custs = []
    for cid in range(10):
        custs.append(asyncio.create_task(customer(cid, orders, served)))
        await asyncio.sleep(random.choice([0.0625, 0.125, 0.25]))
    await asyncio.gather(*custs)
    await orders.join()
    await ready.join()
    print(f"{now()} closing; served {len(served)}: {[c for c, _ in served]}")
    for t in staff:
        t.cancel()
    res = await asyncio.gather(*staff, return_exceptions=True)
    print([type(r).__name__ for r in res])

asyncio.run(main())
