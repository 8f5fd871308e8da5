# divergence: aiohttp is simulated (SPEC section 7); CPython would fetch the real pages
"""Seed 003: concurrent HTTP requests; print the first 100 characters of each page."""
import aiohttp
import asyncio

async def fetch(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()

async def main():
    urls = [
        'https://www.example.com',
        'https://www.python.org',
        'https://www.github.com'
    ]
    
    # Fetch all URLs concurrently
    results = await asyncio.gather(*(fetch(url) for url in urls))
    
    for result in results:
        print(result[:100])  # Print the first 100 characters of each response

asyncio.run(main())
