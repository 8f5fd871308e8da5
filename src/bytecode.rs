//! Bytecode: what the compiler produces and the interpreter runs.
//!
//! A stack machine in the style of CPython's: each function body becomes a [`Code`] with a
//! flat instruction list, a constant pool and nested code objects. Names are resolved by
//! the compiler: locals and closure cells to frame slots, module names to global slots,
//! attribute names to interned [`Sym`]s, so the interpreter never looks a name up by string.
//! Every instruction keeps the span of the source it came from, for tracebacks and errors.

use std::rc::Rc;

use crate::ast::{BinOp, CmpOp, UnaryOp};
use crate::interp::symbol::Sym;
use crate::interp::value::Value;
use crate::source::Span;

/// One instruction. Jump targets are instruction indices.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Instr {
    // Superinstructions, made by `compiler::peephole` from the common sequences named
    // below. Each replaces the first instruction of its sequence; the rest stay in place
    // (so jumps into them still work). The fast path does the whole sequence and skips
    // the rest; otherwise the superinstruction does just what the one it replaced did.
    /// `LoadLocal(left); LoadConst(right); Binary(op)` (or `InPlace(op)`).
    LocalConstBinary {
        left: u16,
        right: u16,
        op: BinOp,
    },
    /// `LoadLocal(left); LoadLocal(right); Binary(op)` (or `InPlace(op)`).
    LocalLocalBinary {
        left: u16,
        right: u16,
        op: BinOp,
    },
    /// `LoadLocal(a); LoadLocal(b)`.
    LoadLocal2 {
        a: u16,
        b: u16,
    },
    /// `LoadConst(konst); Binary(op)` (or `InPlace(op)`).
    ConstBinary {
        konst: u32,
        op: BinOp,
    },
    /// `LoadLocal(container); LoadLocal(key); Subscr`: `d[k]`, `xs[i]`.
    SubscrLocals {
        container: u16,
        key: u16,
    },
    /// `LoadLocal(container); LoadLocal(key); StoreSubscr`: `d[k] = v`, `xs[i] = v`.
    StoreSubscrLocals {
        container: u16,
        key: u16,
    },
    /// `Compare(op); PopJumpIfFalse(target)`.
    CompareJumpIfFalse {
        op: CmpOp,
        target: u32,
    },
    /// `LoadConst(konst); Compare(op); PopJumpIfFalse(target)`: `if i % 1000 == 0:`.
    ConstCompareJumpIfFalse {
        konst: u16,
        op: CmpOp,
        target: u32,
    },
    /// A loop's `Jump(head)` back to a `ForIterStore` at `head`: the next item is fetched
    /// and stored here, saving a dispatch per iteration; otherwise it is the jump.
    JumpForIter {
        head: u32,
    },
    /// A `JumpForIter` whose loop body the loop tier can run (`vm::tier`): every
    /// instruction from `head` to here is one it handles.
    JumpForIterFast {
        head: u32,
    },
    /// `StoreLocal(slot); LoadLocal(slot)`.
    StoreLoadLocal(u32),
    /// `Binary(op); StoreLocal(slot)`.
    BinaryStore {
        op: BinOp,
        slot: u16,
    },
    /// `InPlace(op); StoreLocal(slot)`: `total += x`.
    InPlaceStore {
        op: BinOp,
        slot: u16,
    },
    /// `ForIter(target); StoreLocal(slot)`: the loop variable stored straight into its slot
    /// (for every iterator: storing cannot fail).
    ForIterStore {
        target: u32,
        slot: u16,
    },
    Nop,
    Pop,
    Dup,
    /// Duplicate the top two values.
    DupTop2,
    /// Swap the top two values.
    Rot2,
    /// Move the top value under the next two.
    Rot3,
    LoadConst(u32),
    LoadNone,
    LoadLocal(u32),
    StoreLocal(u32),
    DeleteLocal(u32),
    /// Read through the cell in a slot (a captured or free variable).
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// Push the cell itself, for building a closure.
    LoadClosure(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    LoadAttr(Sym),
    StoreAttr(Sym),
    /// Push the `AssertionError` type (which a program cannot shadow).
    LoadAssertionError,
    /// `TOS1[TOS]`
    Subscr,
    /// `TOS1[TOS] = TOS2`
    StoreSubscr,
    DeleteSubscr,
    /// Build a slice from the top 2 or 3 values.
    BuildSlice(u32),
    Binary(BinOp),
    InPlace(BinOp),
    Unary(UnaryOp),
    Compare(CmpOp),
    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    /// Jump (keeping the value) if false, else pop it: `and` chains.
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),
    GetIter,
    /// Push the next item of the iterator on top, or pop the iterator and jump.
    ForIter(u32),
    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// Build a dict from `2 * n` values: key, value, key, value...
    BuildMap(u32),
    /// Concatenate `n` strings (f-strings).
    BuildString(u32),
    /// Append TOS to the list `n` below it (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// Insert TOS1: TOS into the dict `n` below them.
    MapAdd(u32),
    /// Extend the list `n` below TOS with the iterable TOS (`[*a]`, `f(*a)`).
    ListExtend(u32),
    SetUpdate(u32),
    /// Merge the mapping TOS into the dict `n` below it (`{**a}`).
    DictUpdate(u32),
    /// In a call, stack `[f, args, kwargs, TOS]`: extend the list `args` with the
    /// iterable TOS (`f(*a)`); errors name `f`.
    ArgsExtend,
    /// In a call, stack `[f, args, kwargs, TOS]`: merge the mapping TOS into `kwargs`,
    /// refusing a keyword given twice (`f(**a, **b)`); errors name `f`.
    KwargsMerge,
    ListToTuple,
    /// Format TOS (with the spec on top if `has_spec`) after the `!s`/`!r`/`!a`
    /// conversion (0 for none).
    FormatValue {
        conversion: u8,
        has_spec: bool,
    },
    UnpackSequence(u32),
    /// Unpack into `before` targets, a list, and `after` targets.
    UnpackEx {
        before: u16,
        after: u16,
    },
    /// Make a function from nested code `code`; `flags` say which of defaults (1),
    /// keyword-only defaults (2), annotations (8) and closure (4) are on the stack, in
    /// that order.
    MakeFunction {
        code: u32,
        flags: u8,
    },
    /// Call with `n` positional arguments.
    Call(u32),
    /// Call with `n` arguments, the last ones keyword arguments named by the tuple on top.
    CallKw(u32),
    /// Call with a tuple of positional arguments and, if `has_kwargs`, a dict of keyword
    /// arguments on top.
    CallEx {
        has_kwargs: bool,
    },
    /// `receiver.name(args)` with `argc` positional arguments, without building a bound
    /// method.
    CallMethod {
        name: Sym,
        argc: u16,
    },
    /// As `CallMethod`, with keyword names in a tuple on top (counted in `argc`).
    CallMethodKw {
        name: Sym,
        argc: u16,
    },
    Return,
    /// Await TOS: run a coroutine inline, or suspend the task on a future.
    Await,
    /// Yield TOS from a generator.
    Yield,
    /// `async with`: TOS is the manager; push the awaitable of its `__aenter__()` above it.
    AsyncWithEnter,
    /// Leave an `async with` normally: replace the manager on top with the awaitable of
    /// its `__aexit__(None, None, None)`.
    AsyncWithExit,
    /// Leave an `async with` by an exception: TOS1 is the manager, TOS the exception;
    /// push the awaitable of `__aexit__` given the exception.
    AsyncWithExitExc,
    /// `aiter(TOS)`
    GetAIter,
    /// Push the awaitable of `anext(TOS)`, keeping the iterator.
    GetANext,
    /// The end of an `async for`: TOS1 is the iterator, TOS an exception. The end of the
    /// iteration pops both; any other exception is re-raised.
    EndAsyncFor,
    /// Start the `except*` clauses: TOS, the exception, becomes `orig, rest, raised` (the
    /// exception twice and an empty list).
    StarStart,
    /// One `except*` clause: TOS is its type, below it `orig, rest, raised`. Splits `rest`;
    /// pushes the matched part and True, or only False.
    StarMatch,
    /// A clause raised TOS: pop it into `raised`.
    StarCollect,
    /// After the clauses: raise what is left of `orig, rest, raised`, or pop the three.
    StarEnd,
    /// Push an exception handler at the target; it restores the stack depth and the
    /// handled-exception state it saw when set up.
    SetupHandler(u32),
    PopHandler,
    /// Mark the exception on top as being handled (for bare `raise` and `__context__`).
    PushExcInfo,
    /// Leave an `except` block: the previously handled exception is current again.
    PopExcept,
    /// TOS1 is an exception, TOS a type or tuple of types: replace TOS with whether it
    /// matches.
    CheckExcMatch,
    /// `raise` (0), `raise X` (1), `raise X from Y` (2).
    Raise(u8),
    /// Re-raise the exception on top, keeping its traceback.
    Reraise,
    /// Import a module: constant `n` is the tuple `(dotted name, level, ImportMode)`.
    ImportName(u32),
    /// `from module import *`: bind the public names of the module on the stack (popped)
    /// in the current module.
    ImportStar,
    /// Push attribute `name` of the module on top (leaving the module).
    ImportFrom(Sym),
}

impl Instr {
    /// Whether the loop tier (`interp::vm::tier`) can run this instruction, by its fast
    /// path or by handing it back to the main loop.
    pub fn in_loop_tier(self) -> bool {
        matches!(
            self,
            Instr::LoadLocal(_)
                | Instr::StoreLocal(_)
                | Instr::LoadConst(_)
                | Instr::LoadNone
                | Instr::Pop
                | Instr::Nop
                | Instr::LocalConstBinary { .. }
                | Instr::LocalLocalBinary { .. }
                | Instr::LoadLocal2 { .. }
                | Instr::ConstBinary { .. }
                | Instr::Binary(_)
                | Instr::InPlace(_)
                | Instr::BinaryStore { .. }
                | Instr::InPlaceStore { .. }
                | Instr::Compare(_)
                | Instr::CompareJumpIfFalse { .. }
                | Instr::ConstCompareJumpIfFalse { .. }
                | Instr::PopJumpIfFalse(_)
                | Instr::PopJumpIfTrue(_)
                | Instr::Jump(_)
                | Instr::ForIterStore { .. }
                | Instr::JumpForIter { .. }
                | Instr::JumpForIterFast { .. }
                | Instr::StoreLoadLocal(_)
                | Instr::SubscrLocals { .. }
                | Instr::StoreSubscrLocals { .. }
                | Instr::Subscr
                | Instr::StoreSubscr
                | Instr::CallMethod { .. }
        )
    }
}

/// What kind of body a code object is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CodeKind {
    Module,
    Function,
    /// An `async def`: calling it makes a coroutine.
    Coroutine,
    /// A generator expression: calling it makes a generator.
    Generator,
    /// An `async def` with `yield`: calling it makes an asynchronous generator.
    AsyncGenerator,
}

/// A compiled function body (or the module body).
#[derive(Debug)]
pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub kind: CodeKind,
    pub instrs: Vec<Instr>,
    /// The source span of each instruction.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    /// For each constant that is a positive int, the same divisor prepared for `%` and `//`
    /// by multiplication: a loop's `i % 7` is a divide otherwise, the slowest arithmetic
    /// instruction there is (see `vm::fast_binary_const`).
    pub divisors: Vec<Option<Divisor>>,
    /// Nested function bodies, for `MakeFunction`.
    pub codes: Vec<Rc<Code>>,
    /// Positional parameters (the first slots).
    pub argcount: u32,
    /// Keyword-only parameters (the slots after the positional ones).
    pub kwonlycount: u32,
    /// `*args` (the slot after the keyword-only ones).
    pub has_varargs: bool,
    /// `**kwargs` (the slot after `*args`).
    pub has_varkw: bool,
    /// Every slot: parameters, then other locals, then free variables.
    pub nlocals: u32,
    /// The name of every slot.
    pub slot_names: Vec<Rc<str>>,
    /// Slots that hold cells (captured by nested functions), made at entry.
    pub cells: Vec<u32>,
    /// Free variables: the last `nfree` slots, filled from the closure at entry.
    pub nfree: u32,
    /// Where the `def` (or file) starts.
    pub span: Span,
    /// The file the code was compiled from.
    pub source: Rc<crate::source::Source>,
    /// The module whose globals it uses (its number in `Interp::modules`).
    pub module: u32,
    /// A function's docstring (`__doc__`).
    pub doc: Option<Rc<str>>,
}

/// What `ImportName` pushes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    /// `import a.b`: the top-level package `a`.
    Top = 0,
    /// `import a.b as c`: the module `a.b` itself.
    Leaf = 1,
    /// `from a.b import c`: the module `a.b`, whose names `ImportFrom` reads (and whose
    /// submodules it imports when they are not attributes yet).
    From = 2,
}

impl ImportMode {
    pub fn from_int(mode: i64) -> ImportMode {
        match mode {
            0 => ImportMode::Top,
            1 => ImportMode::Leaf,
            _ => ImportMode::From,
        }
    }
}

/// An unsigned divisor with its reciprocal, from `strength_reduce`.
pub type Divisor = strength_reduce::StrengthReducedU64;

/// [`Code::divisors`] for a constant pool.
pub fn divisors(consts: &[Value]) -> Vec<Option<Divisor>> {
    consts
        .iter()
        .map(|value| match value {
            Value::Int(i) if *i > 0 => Some(Divisor::new(*i as u64)),
            _ => None,
        })
        .collect()
}

impl Code {
    /// How many slots the parameters take.
    pub fn param_slots(&self) -> u32 {
        self.argcount + self.kwonlycount + u32::from(self.has_varargs) + u32::from(self.has_varkw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instructions_stay_small() {
        // The dispatch loop reads these by value; keep them to one machine word.
        assert!(std::mem::size_of::<Instr>() <= 8);
    }

    #[test]
    fn values_stay_two_words() {
        // The value stack moves these constantly; a fat pointer in any variant would make
        // every push and pop half as fast again.
        assert_eq!(std::mem::size_of::<Value>(), 16);
    }

    #[test]
    fn divisors_agree_with_division() {
        let consts: Vec<Value> = [1i64, 2, 3, 7, 10, 1000, 1_000_003, (1 << 31) - 1, 1 << 32]
            .into_iter()
            .chain([(1 << 32) + 1, 1 << 62, i64::MAX, 0, -7])
            .map(Value::Int)
            .collect();
        let divisors = divisors(&consts);
        // Edges, then a spread of numerators from a linear congruential sequence.
        let mut numerators = vec![0u64, 1, 6, 7, 8, (1 << 32) - 1, 1 << 32, i64::MAX as u64];
        let mut x = 12345u64;
        for _ in 0..2000 {
            x = x
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            numerators.push(x >> (x % 64));
        }
        for (value, divisor) in consts.iter().zip(&divisors) {
            let Value::Int(d) = *value else {
                unreachable!()
            };
            let Some(divisor) = divisor else {
                assert!(d <= 0, "{d} has a divisor");
                continue;
            };
            for &n in &numerators {
                let n = n & (i64::MAX as u64);
                assert_eq!(n % *divisor, n % d as u64, "{n} % {d}");
                assert_eq!(n / *divisor, n / d as u64, "{n} // {d}");
            }
        }
    }
}
