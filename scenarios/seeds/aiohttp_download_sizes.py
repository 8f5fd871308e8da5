# divergence: aiohttp is simulated (SPEC section 7); CPython would fetch the real pages
"""Seed 000: download several sites at once with aiohttp (simulated: see scenario.toml)."""
import asyncio
import aiohttp


async def fetch_data(url):
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            return await response.text()


async def main():
    urls = ['https://example.com', 'https://example.org', 'https://example.net']
    tasks = [fetch_data(url) for url in urls]
    data = await asyncio.gather(*tasks)
    for content in data:
        print(f"Downloaded {len(content)} characters.")


asyncio.run(main())
