import asyncio

async def work():
    try:
        await asyncio.sleep(1)
        return "finished"
    finally:
        print("work finally")

async def main():
    c = work()
    c.close()
    print("closed unstarted")
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError", e)
    c2 = work()
    try:
        asyncio.create_task(5)
    except TypeError as e:
        print("TypeError", e)
    c2.close()
    print("end")

asyncio.run(main())
