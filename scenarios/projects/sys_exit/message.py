"""sys.exit("message") deep in a task: finally blocks run, the message goes to stderr, exit 1."""
import asyncio

from checks import require


async def load(name):
    try:
        await asyncio.sleep(1)
        require(name.endswith('.toml'), f'fatal: {name} is not a TOML file')
        return name
    finally:
        print('closing', name)


async def main():
    try:
        print(await load('settings.toml'))
        print(await load('settings.ini'))
    finally:
        print('main cleans up')


try:
    asyncio.run(main())
finally:
    print('after asyncio.run')
