# A `for` loop's jump back to its head fetches the next item itself when the iterator is
# a range or a list, and `if x == CONST:` compares without pushing the constant. These pin
# what must not change: continue, break and else; lists that grow or shrink while
# iterated; other iterators; nested loops; and comparisons the fast path leaves alone.

out = []
for i in range(10):
    if i % 3 == 0:
        continue
    if i == 8:
        break
    out.append(i)
else:
    out.append("no break")
print(out)

for i in range(5, 0, -2):
    out.append(i)
for i in range(0):
    out.append("never")
else:
    out.append("empty else")
print(out)

# A list that grows while it is iterated: the loop sees the new items.
items = [1, 2, 3]
for x in items:
    if x < 4:
        items.append(x + 3)
print(items)

# A list that shrinks: items are skipped, as in CPython.
items = [1, 2, 3, 4, 5, 6]
for x in items:
    items.remove(x)
print(items)

# Other iterators go through the general path.
seen = []
for c in (s.upper() for s in "ab"):
    seen.append(c)
for k in {"x": 1, "y": 2}:
    seen.append(k)
for ch in "hi":
    seen.append(ch)
for t in (7, 8):
    seen.append(t)
for a, b in [(1, 2), (3, 4)]:
    seen.append(a * b)
print(seen)

# Nested loops, and a loop variable deleted in the body.
pairs = []
for i in range(3):
    for j in range(i):
        pairs.append((i, j))
    del i
print(pairs)

# `if x == CONST` with every kind of x.
def classify(x):
    tags = []
    if x == 0:
        tags.append("zero")
    if x == 2.5:
        tags.append("two and a half")
    if x == "s":
        tags.append("s")
    if x == 10**30:
        tags.append("big")
    if x == None:  # noqa: E711 -- the comparison, not `is`
        tags.append("none")
    if x in (1, 2):
        tags.append("in")
    if x != 0:
        tags.append("nonzero")
    return tags


for x in [0, 0.0, False, 2.5, "s", 10**30, None, 1, True, 2]:
    print(repr(x), classify(x))


def ordered(x):
    try:
        if x < 3:
            return "less"
        return "not less"
    except TypeError as e:
        return f"TypeError: {e}"


print([ordered(x) for x in [1, 3, 2.9, "a", None]])

# A for loop inside a coroutine, with an await in the body.
import asyncio


async def main():
    total = 0
    for i in range(4):
        if i == 2:
            continue
        await asyncio.sleep(0)
        total += i
    print("async total", total)


asyncio.run(main())
