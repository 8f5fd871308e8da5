# An annotated asyncio program: every annotation is evaluated when its `def` (or the
# module-level statement) runs, so each typing expression must work at run time. Then
# every name of typing.__all__, as the star import binds it.
import asyncio
import typing
from typing import *

T = TypeVar('T')
K = TypeVar('K', bound=Hashable)
Number = TypeVar('Number', int, float)
UserId = NewType('UserId', int)
Handler = Callable[[UserId, float], Awaitable[Optional[str]]]

registry: Dict[UserId, List[float]] = {}
pending: Optional[Set[UserId]] = None
LIMIT: Final[int] = 3


async def fetch(user: UserId, delay: float) -> Optional[str]:
    await asyncio.sleep(delay)
    registry.setdefault(user, []).append(delay)
    return None if user % 2 else f'user-{user}'


async def gather_all(handler: Handler, users: Sequence[UserId],
                     *, timeout: Union[int, float, None] = None) -> Tuple[Optional[str], ...]:
    results: List[Optional[str]] = await asyncio.gather(*(handler(u, 0.1 * u) for u in users))
    return tuple(results)


def first(items: Iterable[T], default: T) -> T:
    for item in items:
        return item
    return default


def largest(a: Number, b: Number) -> Number:
    return a if a >= b else b


async def ticker(n: int) -> AsyncIterator[int]:
    for i in range(n):
        await asyncio.sleep(0.05)
        yield i


async def main() -> None:
    users = [UserId(n) for n in range(1, LIMIT + 1)]
    results = await gather_all(fetch, users)
    print('results:', results)
    print('registry:', registry)
    print('first:', first(results, 'none'), first([], cast(str, 0)))
    print('largest:', largest(2, 3.5))
    ticks: List[int] = [i async for i in ticker(3)]
    print('ticks:', ticks, isinstance(ticks, List), isinstance(ticker(1), AsyncIterator))
    task: 'asyncio.Task[Optional[str]]' = asyncio.create_task(fetch(UserId(4), 0.2))
    print('task result:', await task)
    print('Handler =', Handler)
    print('annotations:', [Dict[UserId, List[float]], Optional[Set[UserId]], Final[int]])
    print('queue type:', asyncio.Queue[int], asyncio.Task[str], asyncio.Future[int])
    q: asyncio.Queue[Tuple[int, str]] = asyncio.Queue[Tuple[int, str]]()
    await q.put((1, 'a'))
    print('queue item:', q.get_nowait(), type(q).__name__)


asyncio.run(main())

print('-- typing.__all__')
print(len(typing.__all__), TYPE_CHECKING, Text, AnyStr, AnyStr.__constraints__)
for name in typing.__all__:
    value = getattr(typing, name)
    if type(value).__name__ == 'function':
        shown = f'function {value.__name__}'
    else:
        shown = f'{value!r} {type(value)}'
    print(f'{name:24} {shown}')
