import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def car(i, lot, occupancy, stats):
    arrive = now()
    try:
        async with asyncio.timeout(1.5):
            await lot.acquire()
    except TimeoutError:
        print(f"{now()} car{i} gave up after waiting {round(now() - arrive, 3)}")
        stats["gave_up"] += 1
        return
    try:
        occupancy.append(i)
        stats["max"] = max(stats["max"], len(occupancy))
        print(f"{now()} car{i} parks (waited {round(now() - arrive, 3)}) occ={len(occupancy)} free={lot._value}")
        await asyncio.sleep(random.choice([0.5, 1.0, 1.5, 2.0]))
    finally:
        occupancy.remove(i)
        lot.release()
        print(f"{now()} car{i} leaves, locked={lot.locked()}")
        stats["parked"] += 1

async def main():
    random.seed(99)
    lot = asyncio.Semaphore(3)
    occ = []
    stats = {"parked": 0, "gave_up": 0, "max": 0}
    cars = []
    for i in range(12):
        cars.append(asyncio.create_task(car(i, lot, occ, stats)))
        await asyncio.sleep(random.choice([0.125, 0.25, 0.375]))
    await asyncio.gather(*cars)
    print(now(), stats, lot.locked(), lot._value)

asyncio.run(main())
