import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def main():
    random.seed(4242)
    loop = asyncio.get_running_loop()
    served = []
    queue = []
    server = {"busy": False, "busy_time": 0.0}
    done = asyncio.Event()
    total = 15

    def arrive(cid):
        queue.append((cid, loop.time()))
        print(f"{now()} arrive c{cid} (queue {len(queue)})")
        if not server["busy"]:
            start_service()
        if cid + 1 < total:
            loop.call_later(random.choice([0.125, 0.25, 0.5]) + cid / 1024, arrive, cid + 1)

    def start_service():
        cid, t = queue.pop(0)
        server["busy"] = True
        dur = random.choice([0.1875, 0.3125, 0.4375])
        server["busy_time"] += dur
        print(f"{now()} start c{cid} waited {round(loop.time() - t, 4)}")
        loop.call_later(dur, finish, cid)

    def finish(cid):
        served.append((cid, now()))
        server["busy"] = False
        if queue:
            start_service()
        elif len(served) == total:
            done.set()

    loop.call_soon(arrive, 0)
    await done.wait()
    print(now(), len(served), round(server["busy_time"], 4), round(server["busy_time"] / loop.time(), 4))
    print(served[-3:])

asyncio.run(main())
