//! The loop tier: a small dispatch loop for loops made only of simple instructions
//! (`compiler::peephole` marks their back edge `JumpForIterFast`).
//!
//! `exec` is one large function, and the register allocator keeps its pc and the value
//! stack's length in memory: every dispatch and every push waits on a store to the same
//! address a moment before. Here the function is small and the stack is a local `Vec` that
//! never grows (a push that would grow it hands back instead), so pc, the stack's pointer
//! and its length stay in registers.
//!
//! Every instruction runs its fast path or nothing at all: when one cannot (an operand that
//! is not a small int, a full stack, a method other than `dict.get` or `list.append`, the
//! step limit reached), the tier returns its pc untouched and `exec` runs it as usual, then
//! re-enters the tier at the next back edge. So the tier never raises, never calls into the
//! interpreter, and is observably the same as `exec`.

use super::{
    Code, Instr, STEP_BATCH, Value, discard, drop_top, fast_binary, fast_binary_const, fast_clone,
    fast_compare, fast_method, fast_store_subscript, fast_subscript, fast_subscript_of,
    for_iter_fast,
};

/// Run the frame whose locals start at `base` from `pc` (a `JumpForIterFast`) while its
/// instructions' fast paths apply; the pc of the first one that `exec` must run.
#[inline(never)]
pub fn run(
    stack: &mut Vec<Value>,
    code: &Code,
    base: usize,
    pc: usize,
    steps: &mut u64,
    step_limit: u64,
) -> usize {
    let mut local = std::mem::take(stack);
    let pc = run_local(&mut local, code, base, pc, steps, step_limit);
    *stack = local;
    pc
}

#[inline(always)]
fn run_local(
    stack: &mut Vec<Value>,
    code: &Code,
    base: usize,
    mut pc: usize,
    steps: &mut u64,
    step_limit: u64,
) -> usize {
    let instrs = &code.instrs[..];
    // Hand the current instruction back to `exec`, untouched.
    macro_rules! bail {
        () => {
            return pc - 1
        };
    }
    // Room for `n` more values without growing (growing would let the `Vec` escape
    // into a call, and back into memory).
    macro_rules! room {
        ($n:expr) => {
            if stack.capacity() - stack.len() < $n {
                bail!();
            }
        };
    }
    macro_rules! pop {
        () => {
            stack.pop().expect("the compiler balances the stack")
        };
    }
    macro_rules! step {
        () => {
            if *steps + STEP_BATCH > step_limit {
                bail!();
            }
            *steps += STEP_BATCH;
        };
    }
    loop {
        let instr = instrs[pc];
        pc += 1;
        match instr {
            Instr::LoadLocal(slot) => {
                room!(1);
                let value = &stack[base + slot as usize];
                if let Value::Unbound = value {
                    bail!();
                }
                let value = fast_clone(value);
                stack.push(value);
            }
            Instr::StoreLocal(slot) => {
                let value = pop!();
                discard(std::mem::replace(&mut stack[base + slot as usize], value));
            }
            Instr::LoadConst(index) => {
                room!(1);
                stack.push(fast_clone(&code.consts[index as usize]));
            }
            Instr::LoadNone => {
                room!(1);
                stack.push(Value::None);
            }
            Instr::Pop => drop_top(stack),
            Instr::Nop => {}
            Instr::LocalConstBinary { left, right, op }
            | Instr::LocalLocalBinary { left, right, op } => {
                // As in `exec`, written out: a shared helper that matches `instr` again
                // made w7 12 % slower here.
                let value = &stack[base + left as usize];
                let result = match instr {
                    Instr::LocalConstBinary { .. } => fast_binary_const(
                        op,
                        value,
                        &code.consts[right as usize],
                        &code.divisors[right as usize],
                    ),
                    _ => fast_binary(op, value, &stack[base + right as usize]),
                };
                let Some(result) = result else { bail!() };
                if let Some(Instr::BinaryStore { slot, .. } | Instr::InPlaceStore { slot, .. }) =
                    instrs.get(pc + 1)
                {
                    discard(std::mem::replace(&mut stack[base + *slot as usize], result));
                    pc += 3;
                    continue;
                }
                room!(1);
                stack.push(result);
                pc += 2;
            }
            Instr::LoadLocal2 { a, b } => {
                room!(2);
                let (left, right) = (&stack[base + a as usize], &stack[base + b as usize]);
                if matches!(left, Value::Unbound) || matches!(right, Value::Unbound) {
                    bail!();
                }
                let (left, right) = (fast_clone(left), fast_clone(right));
                stack.push(left);
                stack.push(right);
                pc += 1;
            }
            Instr::ConstBinary { konst, op } => {
                let right = &code.consts[konst as usize];
                let len = stack.len();
                let divisor = &code.divisors[konst as usize];
                let Some(result) = fast_binary_const(op, &stack[len - 1], right, divisor) else {
                    bail!()
                };
                discard(std::mem::replace(&mut stack[len - 1], result));
                pc += 1;
            }
            Instr::Binary(op)
            | Instr::InPlace(op)
            | Instr::BinaryStore { op, .. }
            | Instr::InPlaceStore { op, .. } => {
                let len = stack.len();
                let Some(result) = fast_binary(op, &stack[len - 2], &stack[len - 1]) else {
                    bail!()
                };
                discard(pop!());
                if let Instr::BinaryStore { slot, .. } | Instr::InPlaceStore { slot, .. } = instr {
                    discard(pop!());
                    discard(std::mem::replace(&mut stack[base + slot as usize], result));
                    pc += 1;
                } else {
                    discard(std::mem::replace(&mut stack[len - 2], result));
                }
            }
            Instr::Compare(op) => {
                let len = stack.len();
                let Some(result) = fast_compare(op, &stack[len - 2], &stack[len - 1]) else {
                    bail!()
                };
                discard(pop!());
                discard(std::mem::replace(&mut stack[len - 2], Value::bool(result)));
            }
            Instr::CompareJumpIfFalse { op, target } => {
                let len = stack.len();
                let Some(result) = fast_compare(op, &stack[len - 2], &stack[len - 1]) else {
                    bail!()
                };
                discard(pop!());
                discard(pop!());
                pc = if result { pc + 1 } else { target as usize };
            }
            Instr::ConstCompareJumpIfFalse { konst, op, target } => {
                let right = &code.consts[konst as usize];
                let len = stack.len();
                let Some(result) = fast_compare(op, &stack[len - 1], right) else {
                    bail!()
                };
                discard(pop!());
                pc = if result { pc + 2 } else { target as usize };
            }
            Instr::PopJumpIfFalse(target) | Instr::PopJumpIfTrue(target) => {
                let Some(Value::Bool(b)) = stack.last() else {
                    bail!()
                };
                let jump = b.get() == matches!(instr, Instr::PopJumpIfTrue(_));
                stack.pop();
                if jump {
                    pc = target as usize;
                }
            }
            Instr::Jump(target) => {
                if (target as usize) < pc {
                    step!();
                }
                pc = target as usize;
            }
            Instr::ForIterStore { target, slot } => match for_iter_fast(stack) {
                Some(Some(item)) => {
                    discard(std::mem::replace(&mut stack[base + slot as usize], item));
                    pc += 1;
                }
                Some(None) => {
                    pop!();
                    // Out of the loop: `exec` takes over.
                    return target as usize;
                }
                None => bail!(),
            },
            Instr::JumpForIter { head } | Instr::JumpForIterFast { head } => {
                if *steps + STEP_BATCH > step_limit {
                    bail!();
                }
                let head = head as usize;
                let Instr::ForIterStore { target, slot } = instrs[head] else {
                    unreachable!("the peephole pass fuses a jump to a ForIterStore")
                };
                match for_iter_fast(stack) {
                    Some(Some(item)) => {
                        discard(std::mem::replace(&mut stack[base + slot as usize], item));
                        pc = head + 2;
                    }
                    Some(None) => {
                        pop!();
                        *steps += STEP_BATCH;
                        return target as usize;
                    }
                    None => bail!(),
                }
                *steps += STEP_BATCH;
            }
            Instr::StoreLoadLocal(slot) => {
                let value = fast_clone(stack.last().expect("the compiler balances the stack"));
                discard(std::mem::replace(&mut stack[base + slot as usize], value));
                pc += 1;
            }
            Instr::SubscrLocals { container, key } => {
                room!(1);
                let object = &stack[base + container as usize];
                let index = &stack[base + key as usize];
                let Some(value) = fast_subscript_of(object, index) else {
                    bail!()
                };
                stack.push(value);
                pc += 2;
            }
            Instr::StoreSubscrLocals { container, key } => {
                // A copy goes in, so that the stack is as it was if it cannot (no push
                // back: that could grow the stack).
                let value = fast_clone(stack.last().expect("the compiler balances the stack"));
                let object = &stack[base + container as usize];
                let index = &stack[base + key as usize];
                if let Err(value) = fast_store_subscript(object, index, value) {
                    discard(value);
                    bail!();
                }
                discard(pop!());
                pc += 2;
            }
            Instr::Subscr => {
                let Some(value) = fast_subscript(stack) else {
                    bail!()
                };
                discard(pop!());
                discard(std::mem::replace(
                    stack.last_mut().expect("the compiler balances the stack"),
                    value,
                ));
            }
            Instr::StoreSubscr => {
                let len = stack.len();
                let value = fast_clone(&stack[len - 3]);
                if let Err(value) = fast_store_subscript(&stack[len - 2], &stack[len - 1], value) {
                    discard(value);
                    bail!();
                }
                discard(pop!());
                discard(pop!());
                discard(pop!());
            }
            Instr::CallMethod { name, argc } => {
                if *steps + STEP_BATCH > step_limit
                    || matches!(instrs.get(pc), Some(Instr::Await))
                    || !fast_method(stack, name, argc as usize)
                {
                    bail!();
                }
                *steps += STEP_BATCH;
            }
            _ => bail!(),
        }
    }
}
