# typing at run time: what subscriptions, `|` unions and builtin generics print as.
# Edge cases first: the collapsing union, Optional's two spellings, None as NoneType.
import typing
from typing import (Any, AsyncGenerator, Awaitable, Callable, ClassVar, Coroutine, Dict,
                    Final, Generator, Iterable, Iterator, List, Literal, Mapping, Optional,
                    Sequence, Set, Tuple, Type, TypeVar, Union)

T = TypeVar('T')

print('-- unions')
print(Union[int])
print(Union[int, int])
print(Optional[None])
print(Union[int, None], Union[None, int], Optional[int])
print(Union[int, str, None])
print(Optional[Union[int, str]])
print(Union[int, Union[str, float]])
print(Union[List[int], None])
print(Union[int, 'Node'])

print('-- aliases')
print(typing.List, List, Dict, Callable, Tuple, Union, Optional, Any, Literal)
print(List[float], Set[str], Type[int], Dict[str, List[int]])
print(List[List[int]], Dict[str, Callable[..., Awaitable[None]]])
print(Tuple[int, ...], Tuple[()], Tuple[int], Tuple[int, Optional[str], Union[int, float]])
print(Callable[[int], str], Callable[..., Any], Callable[[], None], Callable[int, str])
print(Generator[float, None, None], Coroutine[Any, Any, float], AsyncGenerator[int, None])
print(Awaitable[float], Iterable[int], Iterator[str], Sequence[str], Mapping[str, int])
print(Literal['a', 1], Literal[1, 1, 2], Literal[True, None], Final[int], ClassVar[List[int]])
print(List[None], List[...], List['X'], List[3], List[list], List[print])
print(List[T], Dict[str, T][int], Optional[T][str])

print('-- builtin generics and |')
print(list[int], dict[str, list[int]], tuple[int, ...], tuple[()], set[int], type[int])
print(list[None], list['X'], frozenset[str])
print(int | None, None | int, int | str | None, int | int)
print(List[int] | None, list[int] | None, int | List[int], Optional[int] | str)
print(T | None, Any | None)

print('-- inside containers, f-strings, str()')
print([List[int], Optional[str]], {'k': Dict[str, int]}, (T, int | None))
print(f'{List[int]} {Optional[int]!r} {int | None} {list[int]}')
print(str(List[int]) == repr(List[int]), str(T), repr(T))
hint = Dict[str, Tuple[int, ...]]
print(f'hint={hint!s} type={type(hint).__name__}')

print('-- equality and hashing')
print(List[int] == List[int], List[int] == List[str], List == List[int])
print(List == list, List[int] == list[int], list[int] == list[int])
print(Union[int, str] == Union[str, int], (int | None) == Optional[int])
print(Literal[1] == Literal[True], Literal[1, 2] == Literal[2, 1])
print(hash(List[int]) == hash(List[int]), hash(int | str) == hash(Union[str, int]))
print(len({List[int], List[int], Dict[str, int], Optional[int], Union[None, int]}))
print({Optional[int]: 'found'}[Union[None, int]])

print('-- subscriptions are cached, as CPython caches them')
print(List[int] is List[int], Optional[int] is Optional[int], Union[int, None] is Optional[int])
print(Callable[[int], str] is Callable[[int], str], list[int] is list[int])
print(List[Union[int, str]], List[Union[str, int]])
print(Literal[1], Literal[True], Tuple[1.0], Tuple[1])

print('-- origins and arguments')
print(List[int].__origin__, List[int].__args__, List.__origin__, List._name)
print(Optional[int].__origin__, Optional[int].__args__, Callable[[int], str].__args__)
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
print(typing.get_origin(Iterable[int]), typing.get_origin(Union[int, str]))
print(typing.get_origin(int | str), typing.get_args(int | None))
print(typing.get_origin(Literal[1]), typing.get_origin(ClassVar[int]), typing.get_origin(int))
print(typing.get_args(Callable[[int], str]), typing.get_args(Callable[..., str]))
print(typing.get_args(Tuple[()]), typing.get_args(int), typing.get_args(List))
print(type(List), type(List[int]), type(Optional[int]), type(int | None), type(list[int]))
