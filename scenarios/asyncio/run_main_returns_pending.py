import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def shielded_worker(log):
    await asyncio.sleep(0.2)
    log.append("shielded inner done")
    print(f"{now()} shielded inner done")

async def waiter_of_shield(log):
    try:
        await asyncio.shield(shielded_worker(log))
    except asyncio.CancelledError:
        print(f"{now()} waiter_of_shield cancelled")
        raise

async def resister():
    ignored = []
    for i in range(3):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            ignored.append(f"{now()} #{i}")
    print(f"{now()} resister finished, ignored {ignored}")

async def agen():
    try:
        yield 1
        yield 2
    finally:
        print(f"{now()} agen finalized")

async def main():
    log = []
    asyncio.create_task(waiter_of_shield(log))
    asyncio.create_task(resister())
    g = agen()
    print(await anext(g))
    await asyncio.sleep(0.1)
    print(f"{now()} main returning")
    return {"status": "ok", "log": log}

res = asyncio.run(main())
print("returned", res)
