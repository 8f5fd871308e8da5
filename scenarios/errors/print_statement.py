# divergence: syntax errors exit 2 in scenario (CPython exits 1); the message is CPython's
import asyncio


async def main():
    print "Hello, World!"
