import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def who(secs):
    me = asyncio.current_task()
    print(f"{now()} running as {me.get_name()}, all_tasks={len(asyncio.all_tasks())}")
    await asyncio.sleep(secs)
    return me.get_name()

async def main():
    print("main is", asyncio.current_task().get_name(), "tasks:", len(asyncio.all_tasks()))
    t1 = asyncio.create_task(who(1))
    t2 = asyncio.ensure_future(who(2))
    t3 = asyncio.create_task(who(3), name="custom")
    t4 = asyncio.create_task(who(0.5))
    t4.set_name("renamed")
    t5 = asyncio.create_task(who(0.25), name=17)
    print("names:", [t.get_name() for t in (t1, t2, t3, t4, t5)])
    print("ensure_future(task) is task:", asyncio.ensure_future(t1) is t1)
    print(f"{now()} tasks before start: {len(asyncio.all_tasks())}")
    await asyncio.sleep(0.1)
    for step in range(4):
        await asyncio.sleep(1)
        print(f"{now()} tasks alive: {len(asyncio.all_tasks())}")
    print(sorted(await asyncio.gather(t1, t2, t3, t4, t5)))
    t6 = asyncio.create_task(who(0))
    print("next default name:", t6.get_name())
    await t6
    print("current_task outside tasks is main:", asyncio.current_task().get_name())

asyncio.run(main())
