import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def service(name, beats, pattern):
    for gap in pattern:
        await asyncio.sleep(gap)
        await beats.put((name, now()))
    print(f"{now()} {name} stops beating")

async def monitor(beats, timeout, deadline):
    last = {}
    alarms = []
    while now() < deadline:
        try:
            name, t = await asyncio.wait_for(beats.get(), timeout)
            if name in last and t - last[name] > 0.75:
                print(f"{now()} {name} recovered after gap {round(t - last[name], 3)}")
            last[name] = t
        except asyncio.TimeoutError:
            alarms.append(now())
            stale = sorted(n for n, t in last.items() if now() - t > timeout)
            print(f"{now()} ALARM: no beat for {timeout}s; stale={stale}")
    return last, alarms

async def main():
    beats = asyncio.Queue()
    svcs = [
        asyncio.create_task(service("db", beats, [0.25] * 6)),
        asyncio.create_task(service("web", beats, [0.5, 0.5, 1.5, 0.25])),
    ]
    last, alarms = await monitor(beats, 0.625, 3.0)
    print(now(), sorted(last.items()), alarms)
    await asyncio.gather(*svcs)
    print(beats.qsize(), beats.empty())

asyncio.run(main())
