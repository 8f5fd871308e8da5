"""Seed 001: asyncio.create_task runs fetch_data while main performs other operations."""
import asyncio


async def fetch_data():
    print("Start fetching data")
    await asyncio.sleep(2)
    print("Done fetching data")
    return {"data": 123}


async def main():
    task = asyncio.create_task(fetch_data())

    # Perform other operations while the data is being fetched
    print("Performing other operations")
    await asyncio.sleep(1)
    print("Still working...")

    # Await the task result
    result = await task
    print(f"Result: {result}")


asyncio.run(main())
