"""asyncio.Barrier: parties arrive over time; every third one lets the group through (index = arrival order)."""
import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def runner(name, barrier, delay, log):
    await asyncio.sleep(delay)
    print(f"{now()} {name} arrives, waiting={barrier.n_waiting}")
    index = await barrier.wait()
    print(f"{now()} {name} passes with index {index}")
    log.append((name, index))

async def main():
    barrier = asyncio.Barrier(3)
    print(barrier.parties, barrier.n_waiting, barrier.broken)
    print(repr(barrier).split("[")[1])
    log = []
    await asyncio.gather(*(runner(f"r{i}", barrier, i * 0.25, log) for i in range(6)))
    print(log)
    async with asyncio.Barrier(1) as b:
        print("b", b)

asyncio.run(main())
