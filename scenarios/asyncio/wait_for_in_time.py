"""wait_for returns the result when the work beats the timeout; the unused timeout costs no time."""
import asyncio


async def quick():
    await asyncio.sleep(1)
    return "done"


async def main():
    loop = asyncio.get_running_loop()
    result = await asyncio.wait_for(quick(), timeout=10)
    print(result, "at", loop.time())


asyncio.run(main())
print("finished")
