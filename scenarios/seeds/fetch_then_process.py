"""Seed 001: combining coroutines in sequence; processing starts only after fetching ends."""
import asyncio


async def fetch_data():
    print("Fetching data...")
    await asyncio.sleep(1)
    return "data"


async def process_data(data):
    print(f"Processing {data}...")
    await asyncio.sleep(1)
    return "processed data"


async def main():
    data = await fetch_data()
    processed_data = await process_data(data)
    print(f"Final result: {processed_data}")


asyncio.run(main())
