"""Seed 002: three tasks with different delays start together and finish in delay order."""
import asyncio


# Define an asynchronous function
async def task(name, delay):
    print(f"Task {name} starting")
    await asyncio.sleep(delay)  # Simulate a delay (e.g., waiting for data)
    print(f"Task {name} finished after {delay} seconds")


# Define the main coroutine that runs the tasks concurrently
async def main():
    # Create tasks with different delays
    task1 = asyncio.create_task(task("A", 2))
    task2 = asyncio.create_task(task("B", 1))
    task3 = asyncio.create_task(task("C", 3))

    # Wait for all tasks to finish
    await task1
    await task2
    await task3


# Run the main coroutine
asyncio.run(main())
