import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

DOCS = [
    "the quick brown fox jumps over the lazy dog",
    "the dog barks and the fox runs",
    "a lazy afternoon for a quick nap",
    "brown bread and quick coffee",
    "over and over the same dog",
]

async def mapper(i, doc):
    await asyncio.sleep(0.0625 * (len(doc) % 5))
    counts = {}
    for w in doc.split():
        counts[w] = counts.get(w, 0) + 1
    print(f"{now()} mapper{i} emitted {len(counts)} keys")
    return counts

async def shuffle(partials, nparts):
    parts = [dict() for _ in range(nparts)]
    for p in partials:
        for w, c in p.items():
            idx = sum(ord(ch) for ch in w) % nparts
            parts[idx].setdefault(w, []).append(c)
    await asyncio.sleep(0)
    return parts

async def reducer(i, part):
    await asyncio.sleep(0.125 * (len(part) % 3))
    out = {w: sum(cs) for w, cs in part.items()}
    print(f"{now()} reducer{i} reduced {len(part)} words")
    return out

async def main():
    partials = await asyncio.gather(*(mapper(i, d) for i, d in enumerate(DOCS)))
    parts = await shuffle(partials, 3)
    reduced = await asyncio.gather(*(reducer(i, p) for i, p in enumerate(parts)))
    final = {}
    for r in reduced:
        final.update(r)
    top = sorted(final.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
    print(now(), top, len(final))
    chunks = [await asyncio.gather(*(mapper(j, d) for j, d in enumerate(DOCS[k:k + 2], k))) for k in range(0, 5, 2)]
    print(now(), [len(c) for c in chunks])

asyncio.run(main())
