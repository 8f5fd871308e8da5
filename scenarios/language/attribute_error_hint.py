"""Pins the "Did you mean" hint under an uncaught AttributeError: CPython searches dir()."""
import asyncio


async def main():
    inventory = {"apples": 3}
    for attempt in ("[].push(1)", "'x'.uper()", "asyncio.sleeep(1)"):
        try:
            eval_free = {"[].push(1)": lambda: [].push(1),
                         "'x'.uper()": lambda: "x".uper(),
                         "asyncio.sleeep(1)": lambda: asyncio.sleeep(1)}[attempt]
            eval_free()
        except AttributeError as e:
            # The hint is only part of the traceback, never of the message.
            print(attempt, "->", e)
    task = asyncio.current_task()
    try:
        task.get_nme()
    except AttributeError as e:
        print(e)
    for name, count in inventory.iterms():
        print(name, count)


asyncio.run(main())
