# divergence: aiohttp is simulated (SPEC section 7); CPython would fetch the real pages
import asyncio
import aiohttp


async def fetch(session, url):
    async with session.get(url) as response:
        if response.status != 200:
            return url, response.status, None
        return url, response.status, await response.json()


async def main():
    loop = asyncio.get_running_loop()
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            fetch(session, "https://api.example.com/users/1"),
            fetch(session, "https://api.example.com/users/2"),
            fetch(session, "https://api.example.com/missing"),
        )
        for url, status, body in results:
            print(f"{loop.time():.2f} {status} {url} {body}")
        response = await session.get("https://www.python.org")
        page = await response.text()
        print(response.status, response.reason, page[:15])
        try:
            async with asyncio.timeout(0.5):
                await session.get("https://slow.example.com")
        except TimeoutError:
            print(f"{loop.time():.2f} slow.example.com timed out")


asyncio.run(main())
