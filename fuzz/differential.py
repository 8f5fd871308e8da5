#!/usr/bin/env python3
"""Differential fuzzing: random valid asyncio programs, run by scenario and by CPython.

Usage: fuzz/differential.py [--seed N] [--count N] [--scenario BINARY] [--keep DIR]

Each program is generated from the seed (so a finding is reproducible from its number):
a few coroutine functions that sleep, compute, print, raise and catch, call each other
(only "later" functions, so there is no recursion), start tasks, gather them, cancel them,
wait_for them and time them out, use events, locks and queues, and a main() that drives
them. Every program is valid Python in scenario's subset, so `scenario run --format stdout`
must print what CPython prints under the virtual-clock oracle (tests/oracle/vclock.py),
byte for byte, and exit with the same code.

Where two timers fall due at the same virtual instant, CPython's order is arbitrary
(tests/oracle/tiecheck.py reports such places); those programs are skipped and counted.
`cargo test` runs seeds 0 to 39 (cpython::differential_fuzz_seeds_0_to_39).
A mismatch is written to DIR (default fuzz/findings) as `diff-SEED.py` with both outputs
beside it; scenario crashing or hanging is a finding too.
"""
import argparse
import os
import random
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ORACLE = os.path.join(ROOT, "tests", "oracle", "vclock.py")
TIECHECK = os.path.join(ROOT, "tests", "oracle", "tiecheck.py")


class Program:
    """A generator of one random program."""

    def __init__(self, rng):
        self.rng = rng
        self.nfuncs = rng.randint(2, 5)
        self.lines = []

    def delay(self):
        r = self.rng.random()
        if r < 0.25:
            return "0"
        # Distinct-looking delays make equal deadlines (ties) rare.
        return repr(round(self.rng.uniform(0.001, 2.0), 3))

    def int_expr(self, depth=0):
        rng = self.rng
        atoms = ["a", "b", "v", "w", str(rng.randint(-5, 20)), "len(items)"]
        if depth > 1 or rng.random() < 0.4:
            return rng.choice(atoms)
        op = rng.choice(["+", "-", "*", "%", "//", "&", "|", "^", "max", "min", "abs"])
        left, right = self.int_expr(depth + 1), self.int_expr(depth + 1)
        if op in ("max", "min"):
            return f"{op}({left}, {right})"
        if op == "abs":
            return f"abs({left})"
        if op in ("%", "//"):
            # Sometimes a zero divisor: a ZeroDivisionError is behaviour to compare too.
            right = rng.choice([str(rng.randint(1, 9)), right])
        return f"({left} {op} {right})"

    def text_expr(self):
        rng = self.rng
        e = self.int_expr()
        return rng.choice([
            f'f"{{{e}}}"',
            f'f"{{{e}:>5}}"',
            f'str({e}) * 2',
            f'"x" + str({e})',
            f'f"{{items[-3:]}}"',
            f'repr(sorted(seen.items())[:3])',
            f'f"{{{e}!r}}-{{len(seen)}}"',
        ])

    def call(self, index):
        """A call of a later function, or None when this is the last one."""
        if index + 1 >= self.nfuncs:
            return None
        k = self.rng.randint(index + 1, self.nfuncs - 1)
        return f"f{k}({self.int_expr()}, {self.int_expr()})"

    def body(self, index, indent, depth, budget):
        rng = self.rng
        pad = "    " * indent
        out = []
        for _ in range(rng.randint(1, budget)):
            kind = rng.random()
            call = self.call(index)
            if kind < 0.14:
                out.append(f'{pad}print("f{index}", {self.text_expr()})')
            elif kind < 0.26:
                out.append(f"{pad}await asyncio.sleep({self.delay()})")
            elif kind < 0.36:
                var = rng.choice(["v", "w"])
                out.append(f"{pad}{var} = {self.int_expr()}")
            elif kind < 0.42:
                out.append(f"{pad}items.append({self.int_expr()})")
                out.append(f"{pad}seen[{self.int_expr()} % 5] = {self.int_expr()}")
            elif kind < 0.50 and depth < 2:
                out.append(f"{pad}for i in range({rng.randint(0, 3)}):")
                out.append(f"{pad}    v += i")
                out.extend(self.body(index, indent + 1, depth + 1, 2))
            elif kind < 0.57 and depth < 2:
                out.append(f"{pad}if {self.int_expr()} > {rng.randint(-3, 10)}:")
                out.extend(self.body(index, indent + 1, depth + 1, 2))
                out.append(f"{pad}else:")
                out.extend(self.body(index, indent + 1, depth + 1, 2))
            elif kind < 0.63 and depth < 2:
                out.append(f"{pad}try:")
                out.extend(self.body(index, indent + 1, depth + 1, 2))
                out.append(f"{pad}except (ValueError, ZeroDivisionError) as e:")
                out.append(f'{pad}    print("f{index} caught", type(e).__name__, e)')
                if rng.random() < 0.3:
                    out.append(f"{pad}finally:")
                    out.append(f'{pad}    print("f{index} finally")')
            elif kind < 0.67:
                out.append(f"{pad}if {self.int_expr()} == {rng.randint(0, 6)}:")
                out.append(f'{pad}    raise ValueError(f"f{index} says {{v}}")')
            elif call and kind < 0.75:
                out.append(f"{pad}v = (await {call}) % 1000")
            elif call and kind < 0.80:
                out.append(f"{pad}t = asyncio.create_task({call})")
                out.extend(self.body(index, indent, depth + 1, 1) if depth < 2 else [])
                out.append(f"{pad}try:")
                out.append(f"{pad}    w = (await t) % 1000")
                out.append(f"{pad}except ValueError as e:")
                out.append(f'{pad}    print("f{index} task failed", e)')
            elif call and kind < 0.85:
                calls = [call] + [c for c in (self.call(index) for _ in range(rng.randint(0, 2))) if c]
                flag = rng.choice(["True", "False"])
                out.append(f"{pad}try:")
                out.append(f"{pad}    rs = await asyncio.gather({', '.join(calls)}, return_exceptions={flag})")
                out.append(f'{pad}    print("f{index} gathered", [type(r).__name__ if isinstance(r, BaseException) else r for r in rs])')
                out.append(f"{pad}except ValueError as e:")
                out.append(f'{pad}    print("f{index} gather failed", e)')
            elif call and kind < 0.89:
                out.append(f"{pad}try:")
                out.append(f"{pad}    w = await asyncio.wait_for({call}, timeout={self.delay()})")
                out.append(f"{pad}except asyncio.TimeoutError:")
                out.append(f'{pad}    print("f{index} timed out at", round(loop_time(), 3))')
                out.append(f"{pad}except ValueError as e:")
                out.append(f'{pad}    print("f{index} wait_for failed", e)')
            elif call and kind < 0.93:
                out.append(f"{pad}t = asyncio.create_task({call})")
                out.append(f"{pad}await asyncio.sleep({self.delay()})")
                out.append(f"{pad}print(\"f{index} cancel\", t.cancel(), t.done())")
                out.append(f"{pad}try:")
                out.append(f"{pad}    await t")
                out.append(f"{pad}except asyncio.CancelledError:")
                out.append(f'{pad}    print("f{index} cancelled", t.cancelled())')
                out.append(f"{pad}except ValueError as e:")
                out.append(f'{pad}    print("f{index} failed first", e)')
            elif kind < 0.96:
                out.append(f"{pad}async with lock:")
                out.append(f"{pad}    await asyncio.sleep({self.delay()})")
                out.append(f'{pad}    print("f{index} held the lock", lock.locked())')
            else:
                out.append(f"{pad}queue.put_nowait({self.int_expr()})")
                out.append(f"{pad}if not queue.empty():")
                out.append(f'{pad}    print("f{index} got", await queue.get(), queue.qsize())')
        return out

    def render(self):
        rng = self.rng
        lines = [
            "import asyncio",
            "import random",
            "",
            "items = []",
            "seen = {}",
            "",
            "",
            "def loop_time():",
            "    return asyncio.get_running_loop().time()",
            "",
        ]
        for index in range(self.nfuncs):
            lines += ["", f"async def f{index}(a, b):", "    v, w = a, b"]
            lines += self.body(index, 1, 0, 5)
            lines += [f"    return {self.int_expr()}", ""]
        lines += [
            "",
            "async def main():",
            "    global lock, queue",
            "    lock = asyncio.Lock()",
            "    queue = asyncio.Queue()",
            f"    random.seed({rng.randint(0, 1000)})",
            "    print('random', random.randint(1, 100), round(random.random(), 6))",
        ]
        starts = [f"f0({rng.randint(-3, 9)}, {rng.randint(-3, 9)})" for _ in range(rng.randint(1, 3))]
        lines += [
            "    try:",
            f"        results = await asyncio.gather({', '.join(starts)}, return_exceptions=True)",
            "    except Exception as e:",
            "        print('main caught', type(e).__name__, e)",
            "    else:",
            "        print('results', [r if isinstance(r, int) else type(r).__name__ for r in results])",
            "    print('end', round(loop_time(), 3), items[:10], sorted(seen.items()))",
            "",
            "",
            "asyncio.run(main())",
            "",
        ]
        return "\n".join(lines)


class Expressions:
    """A generator of one random program of independent expressions over ints, floats,
    strings, lists, tuples, dicts and None: operators, built-ins, methods, slices and
    format specs, each printed with its repr or its exception's type and message."""

    VALUES = [
        "0", "1", "-3", "7", "10", "255", "2**70", "-(2**65)", "0.5", "-1.25", "1e20",
        "3.0", "float('inf')", "float('nan')", "True", "False", "None", "''", "'abc'",
        "'a,b,,c'", "'Hello World'", "' pad '", "'été'", "[]", "[3, 1, 2]",
        "[1, [2, 3]]", "(1, 2)", "()", "{}", "{'a': 1, 'b': 2}", "{1: 'x'}", "{1, 2}",
        "range(5)",
    ]
    BINARY = ["+", "-", "*", "/", "//", "%", "**", "<<", ">>", "&", "|", "^", "==", "!=",
              "<", "<=", ">", "in", "not in", "is", "and", "or"]
    CALLS = ["len({})", "abs({})", "min({})", "max({})", "sum({})", "sorted({})",
             "list(reversed({}))", "round({})", "round({}, 2)", "int({})", "float({})",
             "str({})", "repr({})", "bool({})", "divmod({}, {})", "pow({}, {})", "hex({})",
             "bin({})", "oct({})", "chr({})", "ord({})", "list({})", "tuple({})", "set({})",
             "dict({})", "isinstance({}, (int, str))", "any({})",
             "all({})", "list(enumerate({}))", "list(zip({}, {}))", "max({}, {})", "min({}, {})",
             "sum({}, {})", "type({}).__name__", "format({}, '>8')", "format({}, '.3f')",
             "format({}, ',')", "format({}, 'x')", "format({}, '08.2e')", "ascii({})"]
    METHODS = ["upper()", "lower()", "split(',')", "split()", "strip()", "title()",
               "replace('a', 'Z')", "find('b')", "index('b')", "startswith('a')",
               "center(9, '*')", "zfill(5)", "count('a')", "partition(',')",
               "join(['x', 'y'])", "isdigit()", "format(1, 2)", "casefold()",
               "rsplit(',', 1)", "ljust(6, '.')", "swapcase()", "expandtabs()",
               "index(2)", "count(1)", "copy()", "get('a')", "get('zz', 0)", "keys()",
               "items()", "values()", "pop()", "pop(0)", "pop('a')", "setdefault('k', 3)",
               "union({9})", "issubset({1, 2, 3})", "bit_length()", "is_integer()",
               "as_integer_ratio()", "conjugate()", "hex()", "real"]
    FORMATS = ["", ":>8", ":<6", ":^9", ":08.3f", ":,", ":.2%", ":x", ":#o", ":e",
               ":+d", ":.3", "!r", "!r:>12", ":_", ":=+8", ":g", ":.0f", ":c", ":s"]

    def __init__(self, rng):
        self.rng = rng

    def expr(self, depth=0):
        rng = self.rng
        if depth > 2 or rng.random() < 0.3:
            return rng.choice(self.VALUES)
        kind = rng.random()
        a = self.expr(depth + 1)
        if kind < 0.35:
            return f"({a} {rng.choice(self.BINARY)} {self.expr(depth + 1)})"
        if kind < 0.6:
            call = rng.choice(self.CALLS)
            return call.format(*[a] + [self.expr(depth + 1) for _ in range(call.count("{}") - 1)])
        if kind < 0.8:
            return f"({a}).{rng.choice(self.METHODS)}"
        if kind < 0.9 or depth > 0:
            bounds = [rng.choice(["", "-1", "1", "2", "-3", "10"]) for _ in range(2)]
            step = rng.choice(["", "", ":-1", ":2", ":-2", ":0"])
            if rng.random() < 0.4:
                return f"({a})[{bounds[0] or 0}]"
            return f"({a})[{bounds[0]}:{bounds[1]}{step}]"
        return f'f"<{{({a}){rng.choice(self.FORMATS)}}}>"'

    def render(self):
        lines = []
        for _ in range(40):
            lines += [
                "try:",
                f"    print(repr({self.expr()}))",
                "except Exception as e:",
                "    print(type(e).__name__, e)",
            ]
        return "\n".join(lines) + "\n"


def run(argv, timeout):
    try:
        p = subprocess.run(argv, capture_output=True, timeout=timeout,
                           env=dict(os.environ, PYTHONHASHSEED="0"))
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", b"", b""


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=0, help="first program's seed (default 0)")
    parser.add_argument("--count", type=int, default=200, help="how many programs (default 200)")
    parser.add_argument("--scenario", default=os.path.join(ROOT, "target", "release", "scenario"))
    parser.add_argument("--keep", default=os.path.join(ROOT, "fuzz", "findings"))
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--mode", choices=["asyncio", "expressions"], default="asyncio",
                        help="asyncio programs (default) or independent expressions")
    args = parser.parse_args()
    os.makedirs(args.keep, exist_ok=True)
    work = os.path.join(args.keep, f".work-{os.getpid()}.py")
    same = ties = found = 0
    for seed in range(args.seed, args.seed + args.count):
        generator = Program if args.mode == "asyncio" else Expressions
        text = generator(random.Random(seed)).render()
        with open(work, "w") as f:
            f.write(text)
        want = run([args.python, ORACLE, work], 30)
        got = run([args.scenario, "run", "--format", "stdout", work], 30)
        if want[:2] == got[:2]:
            same += 1
            continue
        tie = run([args.python, TIECHECK, work], 30)
        if b"tiecheck:" in tie[2]:
            ties += 1
            continue
        found += 1
        base = os.path.join(args.keep, f"diff-{args.mode}-{seed}")
        with open(base + ".py", "w") as f:
            f.write(text)
        for who, (code, out, err) in (("cpython", want), ("scenario", got)):
            with open(f"{base}.{who}.out", "wb") as f:
                f.write(out + f"\n# exit {code}\n".encode() + err)
        print(f"seed {seed}: differs (CPython exit {want[0]}, scenario exit {got[0]}): {base}.py")
    os.remove(work)
    print(f"{args.count} programs: {same} the same, {ties} skipped for timer ties, {found} differ")
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
