"""Exceptions caught inside loops: the loop goes on with its own iterator (a regression)."""
import asyncio


async def attempt(i):
    await asyncio.sleep(0.1)
    if i % 2:
        raise ValueError(f"attempt {i} failed")
    return i


async def main():
    for i in range(4):
        try:
            print("ok", await attempt(i))
        except ValueError as e:
            print("caught:", e)
    for server in ["a", "b"]:
        for port in [80, 443, 8080]:
            try:
                raise ConnectionRefusedError(port)
            except OSError:
                break
        print("tried", server)
    results = []
    for timeout in (0.05, 0.5):
        try:
            results.append(await asyncio.wait_for(attempt(0), timeout=timeout))
        except asyncio.TimeoutError:
            results.append("timeout")
    print(results)


asyncio.run(main())
