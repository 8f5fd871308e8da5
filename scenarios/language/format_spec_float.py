"""Pins the format-spec mini-language for floats: f e g % n precisions, '#', 'z', grouping, and inf/nan/-0.0."""
import asyncio


async def main():
    specs = ["", "f", ".0f", ".1f", ".10f", "e", ".0e", ".3e", "E", "g", ".0g", ".1g", ".3g", ".10g", "G", "#g",
             "#.3g", "#.0f", "%", ".0%", ".2%", "10.2f", "<10.2f", "^10.3", "*>12,.2f", "+.2f", " .2f", "010.2f",
             "=+10.1f", ",", "_.3f", "z.1f", ".17g", "n"]
    for v in (0.0, -0.0, 1.5, 2.5, -2.5, 0.125, 1 / 3, 1234567.891, -0.00012345, 1e16, 1e-7, 1e22,
              float("inf"), float("-inf"), float("nan"), 9.995, 0.05, 5e-324):
        print(repr(v), "|".join(format(v, s) for s in specs))
    print(format(1e22, "f"), format(2 ** 70, ".2e"), format(10 ** 25, "g"), format(1234.5, ",.2%"), format(float("-inf"), "08.2f"))
    for spec in ("d", "c", "#x", ".2s"):
        try:
            format(1.5, spec)
        except ValueError as e:
            print(spec, "->", e)


asyncio.run(main())
