import asyncio
import random

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def transfer(tid, accounts, locks, src, dst, amount, log):
    first, second = (src, dst) if src < dst else (dst, src)
    async with locks[first]:
        await asyncio.sleep(random.choice([0.0625, 0.125, 0.25]))
        async with locks[second]:
            if accounts[src] < amount:
                log.append(f"{now()} t{tid} {src}->{dst} {amount} INSUFFICIENT ({accounts[src]})")
                return False
            accounts[src] -= amount
            await asyncio.sleep(0)
            accounts[dst] += amount
            log.append(f"{now()} t{tid} {src}->{dst} {amount} ok")
            return True

async def auditor(accounts, locks, stop):
    audits = 0
    while not stop.is_set():
        for name in sorted(locks):
            await locks[name].acquire()
        try:
            total = sum(accounts.values())
            print(f"{now()} audit {audits}: total={total} {sorted(accounts.items())}")
        finally:
            for name in sorted(locks, reverse=True):
                locks[name].release()
        audits += 1
        try:
            await asyncio.wait_for(stop.wait(), 0.5)
        except asyncio.TimeoutError:
            pass
    return audits

async def main():
    random.seed(2024)
    names = ["alice", "bob", "carol", "dave"]
    accounts = {n: 100 for n in names}
    locks = {n: asyncio.Lock() for n in names}
    log = []
    stop = asyncio.Event()
    aud = asyncio.create_task(auditor(accounts, locks, stop))
    tasks = []
    for tid in range(20):
        src, dst = random.sample(names, 2)
        amount = random.randint(10, 80)
        tasks.append(asyncio.create_task(transfer(tid, accounts, locks, src, dst, amount, log)))
        if tid % 5 == 4:
            await asyncio.sleep(0.125)
    results = await asyncio.gather(*tasks)
    stop.set()
    n = await aud
    for line in log:
        print(line)
    print("ok count", sum(results), "failed", results.count(False))
    print("final", sorted(accounts.items()), "total", sum(accounts.values()))
    print("audits", n, "at", now())

asyncio.run(main())
