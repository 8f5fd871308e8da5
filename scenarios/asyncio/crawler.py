import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

WEB = {
    "/": ["/a", "/b", "/c"],
    "/a": ["/a/1", "/a/2", "/b"],
    "/b": ["/", "/b/1", "/missing"],
    "/c": ["/c/1", "/c/2", "/c/3", "/a/1"],
    "/a/1": [], "/a/2": ["/a/2/x"], "/a/2/x": ["/"],
    "/b/1": ["/c/2"], "/c/1": [], "/c/2": ["/slow"], "/c/3": [],
    "/slow": ["/after-slow"], "/after-slow": [],
}
LATENCY = {"/slow": 2.0, "/c": 0.5, "/a/2": 0.25}

async def fetch(url):
    await asyncio.sleep(LATENCY.get(url, 0.125 + (sum(ord(c) for c in url) % 16) / 256))
    if url not in WEB:
        raise LookupError(f"404 {url}")
    return WEB[url]

async def crawler(name, q, visited, graph, errors):
    while True:
        url, depth = await q.get()
        try:
            try:
                links = await asyncio.wait_for(fetch(url), 1.0)
            except asyncio.TimeoutError:
                errors.append((url, "timeout"))
                print(f"{now()} {name} TIMEOUT {url}")
                continue
            except LookupError as e:
                errors.append((url, str(e)))
                print(f"{now()} {name} error {e}")
                continue
            graph[url] = links
            print(f"{now()} {name} fetched {url} depth={depth} links={len(links)}")
            for link in links:
                if link not in visited and depth < 4:
                    visited.add(link)
                    q.put_nowait((link, depth + 1))
        finally:
            q.task_done()

async def main():
    q = asyncio.Queue()
    visited = {"/"}
    graph = {}
    errors = []
    q.put_nowait(("/", 0))
    workers = [asyncio.create_task(crawler(f"w{i}", q, visited, graph, errors)) for i in range(3)]
    await q.join()
    print(f"{now()} crawl done: {len(graph)} pages, {len(visited)} visited")
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for k in sorted(graph):
        print(k, graph[k])
    print(errors)
    print(sorted(visited))

asyncio.run(main())
