import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def leaf(secs):
    try:
        await asyncio.sleep(secs)
        return f"leaf{secs}"
    except asyncio.CancelledError:
        print(f"{now()} leaf({secs}) cancelled")
        raise

async def middle(secs, inner_timeout):
    try:
        return await asyncio.wait_for(leaf(secs), inner_timeout)
    except TimeoutError:
        print(f"{now()} middle: inner timeout {inner_timeout} hit")
        return "middle-fallback"
    except asyncio.CancelledError:
        print(f"{now()} middle: cancelled from outside")
        raise

async def main():
    for secs, inner, outer in ((1, 2, 3), (3, 1, 2), (3, 2, 1), (2, 5, 4)):
        try:
            r = await asyncio.wait_for(middle(secs, inner), outer)
            print(f"{now()} secs={secs} inner={inner} outer={outer}: {r}")
        except TimeoutError:
            print(f"{now()} secs={secs} inner={inner} outer={outer}: outer TimeoutError")

asyncio.run(main())
