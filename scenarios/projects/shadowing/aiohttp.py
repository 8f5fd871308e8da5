"""A local aiohttp.py comes before the installed package."""
NAME = 'the local aiohttp'
