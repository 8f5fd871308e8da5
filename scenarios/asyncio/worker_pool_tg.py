import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def job(jid, results, sem):
    async with sem:
        d = random.choice([0.125, 0.25, 0.5])
        print(f"{now()} job{jid} start ({d})")
        await asyncio.sleep(d)
        if jid == 7:
            results[jid] = "skipped"
            return
        results[jid] = jid * jid
        print(f"{now()} job{jid} done")

async def main():
    random.seed(11)
    results = {}
    sem = asyncio.Semaphore(3)
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(job(i, results, sem), name=f"job-{i}") for i in range(10)]
        print(f"{now()} spawned {len(tasks)}")
    print(f"{now()} all done")
    print(sorted(results.items()))
    print([t.get_name() for t in tasks if t.result() is None][:3], all(t.done() for t in tasks))

    results2 = {}
    async def failing(i):
        await asyncio.sleep(0.0625 * i)
        if i == 3:
            raise KeyError(i)
        results2[i] = now()
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(6):
                tg.create_task(failing(i))
    except* KeyError as eg:
        print(f"{now()} caught", repr(eg.exceptions))
    print(sorted(results2.items()))

asyncio.run(main())
