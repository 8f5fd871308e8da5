# divergence: aiohttp is simulated (SPEC section 7); CPython would fetch the real pages
"""Seed 002: fetch several URLs concurrently and print how long each page is."""
import asyncio
import aiohttp  # You need the aiohttp library for async HTTP requests

# Define an async function to make an HTTP request
async def fetch_url(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()

# Define a main coroutine that fetches multiple URLs concurrently
async def main():
    urls = [
        "http://example.com",
        "https://example.org",
        "https://example.net"
    ]
    
    # Create a list of tasks
    tasks = [fetch_url(url) for url in urls]
    
    # Run all tasks concurrently and get the results
    results = await asyncio.gather(*tasks)
    
    for result in results:
        print(f"Fetched {len(result)} characters")

# Run the main coroutine
asyncio.run(main())
