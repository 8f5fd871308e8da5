"""The pre-3.7 style: get a loop, run_until_complete, run_forever until stop(), close()."""
import asyncio

async def tick(name, n):
    for i in range(n):
        await asyncio.sleep(0.5)
        print(name, i, asyncio.get_event_loop().time())
    return name

async def main():
    await asyncio.sleep(1)
    return 5

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
bg = loop.create_task(tick("bg", 6))
print(loop.run_until_complete(main()), loop.is_running(), bg.done())
print(loop.run_until_complete(bg))
def stopper():
    print("stopping")
    loop.stop()
loop.call_later(0.25, stopper)
loop.run_forever()
print("after run_forever", loop.time())
try:
    loop.run_until_complete(asyncio.sleep(1, "x"))
except RuntimeError as e:
    print(e)
loop.close()
print(loop.is_closed())
try:
    loop.run_until_complete(main())
except RuntimeError as e:
    print(e)
