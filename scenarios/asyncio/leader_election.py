import asyncio

def now():
    return round(asyncio.get_running_loop().time(), 3)

async def node(nid, state, cond, rounds):
    for r in range(rounds):
        async with cond:
            state["votes"].append(nid)
            print(f"{now()} node{nid} votes in term {state['term']} ({len(state['votes'])}/{state['n']})")
            if len(state["votes"]) == state["n"]:
                state["leader"] = max(state["votes"]) if state["term"] % 2 == 0 else min(state["votes"])
                print(f"{now()} term {state['term']} leader is node{state['leader']}")
                cond.notify_all()
            else:
                term = state["term"]
                await cond.wait_for(lambda: state["leader"] is not None and state["term"] == term)
            leader = state["leader"]
            state["acks"] += 1
            if state["acks"] == state["n"]:
                state["term"] += 1
                state["votes"] = []
                state["leader"] = None
                state["acks"] = 0
                print(f"{now()} node{nid} closes term -> {state['term']}")
        if leader == nid:
            print(f"{now()} node{nid} leads, working")
            await asyncio.sleep(0.2578125)
        else:
            await asyncio.sleep(0.0625 * (nid + 1) + nid / 512)
    return nid

async def main():
    cond = asyncio.Condition()
    state = {"term": 0, "votes": [], "leader": None, "n": 4, "acks": 0}
    res = await asyncio.gather(*(node(i, state, cond, 3) for i in range(4)))
    print(now(), res, state)

asyncio.run(main())
