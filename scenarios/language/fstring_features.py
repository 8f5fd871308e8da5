"""Pins f-string features: nested replacement fields in specs, !r/!s/!a, the = specifier, escaped braces, expressions."""
import asyncio


async def main():
    x = 3.14159
    w = 10
    p = 3
    name = "Ada"
    n = 42
    items = [1, 2]
    print(f"{x:{w}.{p}f}|{name:>{w}}|{n:{'+'}{w}d}|{x:.{p}}|{n:#{'x'}}")
    print(f"{x=}", f"{name=}", f"{n = }", f"{x=:.2f}", f"{name=!s}", f"{items=}", f"{1+1=}", f"{n*2 = :>6}")
    print(f"{name!r}", f"{name!s:>6}", f"{'é'!a}", f"{[name]!r}", f"{'it''s'!r}")
    print(f"{{literal}}", f"{{{n}}}", f"{n}{n}", f"{n:}", f"{'nested ' + f'{n}'}")
    print(f"{3:{'>'}{5}}", f"{'abc':{'^'}{9}}", f"{n:0{w}}", f"{-n:0{w}}", f"{-0.0:+.1f}", f"{-0.0:z.1f}")
    d = {"k": "v"}
    print(f"{d['k']}", f"{d}", f"{items[0]:03}", f"{len(items)}", f"{x:,.2f}", f"{10**6:,}", f"{10**6:_}")
    print(f"{n:c}", f"{n % 5}", f"{n / 7:.3}", f"{2**100:,}", f"{-2**64:_x}", f"{(lambda v: v * 2)(3)}")
    print(f"{None}", f"{None!r}", f"{True:}", f"{0.1 + 0.2}", f"{1e16}", f"{1e-5}", f"{-0.0}")
    print(f"""{n}
{name:>5}""")


asyncio.run(main())
