import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

def make_rw():
    return {"cond": asyncio.Condition(), "readers": 0, "writer": False, "waiting_writers": 0}

async def acquire_read(rw):
    async with rw["cond"]:
        await rw["cond"].wait_for(lambda: not rw["writer"] and rw["waiting_writers"] == 0)
        rw["readers"] += 1

async def release_read(rw):
    async with rw["cond"]:
        rw["readers"] -= 1
        if rw["readers"] == 0:
            rw["cond"].notify_all()

async def acquire_write(rw):
    async with rw["cond"]:
        rw["waiting_writers"] += 1
        try:
            await rw["cond"].wait_for(lambda: not rw["writer"] and rw["readers"] == 0)
        finally:
            rw["waiting_writers"] -= 1
        rw["writer"] = True

async def release_write(rw):
    async with rw["cond"]:
        rw["writer"] = False
        rw["cond"].notify_all()

async def reader(rw, name, data, delay, hold):
    await asyncio.sleep(delay)
    await acquire_read(rw)
    try:
        print(f"{now()} {name} reads {data} (readers={rw['readers']})")
        await asyncio.sleep(hold)
    finally:
        await release_read(rw)

async def writer(rw, name, data, delay, hold, val):
    await asyncio.sleep(delay)
    await acquire_write(rw)
    try:
        print(f"{now()} {name} writing {val} (readers={rw['readers']})")
        await asyncio.sleep(hold)
        data.append(val)
    finally:
        await release_write(rw)
    print(f"{now()} {name} done")

async def main():
    rw = make_rw()
    data = []
    await asyncio.gather(
        reader(rw, "r1", data, 0, 0.5),
        reader(rw, "r2", data, 0.125, 0.5),
        writer(rw, "w1", data, 0.25, 0.25, "x"),
        reader(rw, "r3", data, 0.375, 0.125),
        writer(rw, "w2", data, 0.4375, 0.125, "y"),
        reader(rw, "r4", data, 1.5, 0.125),
    )
    print(now(), data, rw["readers"], rw["writer"], rw["waiting_writers"])
    # a writer waiting is cancelled; readers must proceed
    rw = make_rw()
    await acquire_read(rw)
    wt = asyncio.create_task(acquire_write(rw))
    await asyncio.sleep(0.125)
    rt = asyncio.create_task(acquire_read(rw))
    await asyncio.sleep(0.125)
    print(now(), "reader blocked:", not rt.done(), "waiting_writers", rw["waiting_writers"])
    wt.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(now(), rt.done(), rw["readers"], rw["waiting_writers"], wt.cancelled())

asyncio.run(main())
