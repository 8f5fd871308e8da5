import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

def make_breaker(threshold, reset_after):
    return {"state": "closed", "fails": 0, "opened_at": None, "threshold": threshold,
            "reset": reset_after, "lock": asyncio.Lock(), "trips": 0}

async def call(br, fn, *args):
    async with br["lock"]:
        if br["state"] == "open":
            if now() - br["opened_at"] >= br["reset"]:
                br["state"] = "half-open"
                print(f"{now()} breaker half-open")
            else:
                raise RuntimeError("circuit open")
    try:
        r = await fn(*args)
    except Exception as e:
        async with br["lock"]:
            br["fails"] += 1
            if br["state"] == "half-open" or br["fails"] >= br["threshold"]:
                br["state"] = "open"
                br["opened_at"] = now()
                br["trips"] += 1
                print(f"{now()} breaker OPEN after {type(e).__name__}")
        raise
    async with br["lock"]:
        if br["state"] == "half-open":
            print(f"{now()} breaker closed again")
        br["state"] = "closed"
        br["fails"] = 0
    return r

async def backend(i, schedule):
    await asyncio.sleep(0.0625)
    if schedule(now()):
        raise ValueError(f"backend down for req {i}")
    return i * 10

async def main():
    br = make_breaker(3, 0.5)
    down = lambda t: 0.25 <= t < 1.25
    outcomes = []
    for i in range(24):
        try:
            r = await call(br, backend, i, down)
            outcomes.append(r)
        except RuntimeError as e:
            outcomes.append("X")
        except ValueError as e:
            outcomes.append("E")
        print(f"{now()} req{i} -> {outcomes[-1]} state={br['state']} fails={br['fails']}")
        await asyncio.sleep(0.0625)
    print(outcomes)
    print("trips", br["trips"])

asyncio.run(main())
