import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def step(name, d, fail=None):
    await asyncio.sleep(d)
    if fail:
        e = fail(f"{name} broke")
        e.add_note(f"while running {name} at t={now()}")
        e.add_note("check the config")
        raise e
    return name

async def wrapped(name):
    try:
        await step(name, 0.125, ValueError)
    except ValueError as e:
        e.add_note(f"rethrown by wrapped({name})")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("ok", 0.0625))
            tg.create_task(wrapped("w1"))
            tg.create_task(step("late", 0.125, KeyError))
            tg.create_task(step("never", 1))
    except* ValueError as eg:
        print(f"{now()} ValueError group:", str(eg), len(eg.exceptions))
        for e in eg.exceptions:
            print(" ", repr(e), e.__notes__)
    except* KeyError as eg:
        print(f"{now()} KeyError group:", str(eg))
        for e in eg.exceptions:
            print(" ", repr(e), e.__notes__)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(step("x", 0.125, RuntimeError))
            tg.create_task(step("y", 0.125, RuntimeError))
    except ExceptionGroup as eg:
        eg.add_note("group note")
        print(str(eg), eg.__notes__, [e.__notes__ for e in eg.exceptions])
        sub = eg.subgroup(lambda e: "x" in str(e))
        print(repr(sub), getattr(sub, "__notes__", None))
        a, b = eg.split(RuntimeError)
        print(a is not None, b)
    try:
        await wrapped("direct")
    except ValueError as e:
        print(e.__notes__)
    e = ValueError("n")
    try:
        e.add_note(42)
    except TypeError as te:
        print("TypeError", te)

asyncio.run(main())
