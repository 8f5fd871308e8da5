# divergence: a SyntaxError, reported as CPython reports it (exit 2 in scenario, 1 in CPython)
import asyncio


async def main():
    try:
        await asyncio.sleep(1)
    except* ValueError:
        pass
    except TypeError:
        pass


asyncio.run(main())
