//! Superinstructions: the common instruction sequences of loops and arithmetic fused into
//! one dispatch each (see the first variants of [`Instr`]).
//!
//! A superinstruction replaces only the first instruction of its sequence. The others stay
//! where they were, so jump targets, spans and exception handlers need no renumbering, and
//! a jump into the middle of a sequence runs the plain instructions. When its fast path
//! does not apply (an operand is not a small int or float, a local is unbound), the
//! superinstruction does exactly what the instruction it replaced did, and the plain
//! instructions after it run as compiled.

use crate::bytecode::Instr;

/// Fuse the sequences of `instrs` in place.
pub fn fuse(instrs: &mut [Instr]) {
    for i in 0..instrs.len() {
        let at = |k: usize| instrs.get(i + k).copied();
        let small = |n: u32| u16::try_from(n).ok();
        let fused = match (instrs[i], at(1), at(2)) {
            (
                Instr::LoadLocal(slot),
                Some(Instr::LoadConst(konst)),
                Some(Instr::Binary(op) | Instr::InPlace(op)),
            ) => small(slot)
                .zip(small(konst))
                .map(|(left, right)| Instr::LocalConstBinary { left, right, op }),
            (
                Instr::LoadLocal(a),
                Some(Instr::LoadLocal(b)),
                Some(Instr::Binary(op) | Instr::InPlace(op)),
            ) => small(a)
                .zip(small(b))
                .map(|(left, right)| Instr::LocalLocalBinary { left, right, op }),
            (Instr::LoadLocal(a), Some(Instr::LoadLocal(b)), Some(Instr::Subscr)) => small(a)
                .zip(small(b))
                .map(|(container, key)| Instr::SubscrLocals { container, key }),
            (Instr::LoadLocal(a), Some(Instr::LoadLocal(b)), Some(Instr::StoreSubscr)) => small(a)
                .zip(small(b))
                .map(|(container, key)| Instr::StoreSubscrLocals { container, key }),
            // Not when the second load starts a fused binary: `total + i * i` runs
            // `LoadLocal; LocalLocalBinary`, better than `LoadLocal2; LoadLocal; Binary`.
            (Instr::LoadLocal(a), Some(Instr::LoadLocal(b)), next)
                if !(matches!(next, Some(Instr::LoadLocal(_) | Instr::LoadConst(_)))
                    && matches!(at(3), Some(Instr::Binary(_) | Instr::InPlace(_)))) =>
            {
                small(a)
                    .zip(small(b))
                    .map(|(a, b)| Instr::LoadLocal2 { a, b })
            }
            (Instr::LoadConst(konst), Some(Instr::Binary(op) | Instr::InPlace(op)), _) => {
                Some(Instr::ConstBinary { konst, op })
            }
            (
                Instr::LoadConst(konst),
                Some(Instr::Compare(op)),
                Some(Instr::PopJumpIfFalse(target)),
            ) => small(konst).map(|konst| Instr::ConstCompareJumpIfFalse { konst, op, target }),
            // A loop's back edge to its head, fused just before (this pass goes forwards).
            (Instr::Jump(head), _, _)
                if (head as usize) < i
                    && matches!(instrs[head as usize], Instr::ForIterStore { .. }) =>
            {
                Some(Instr::JumpForIter { head })
            }
            (Instr::Compare(op), Some(Instr::PopJumpIfFalse(target)), _) => {
                Some(Instr::CompareJumpIfFalse { op, target })
            }
            (Instr::Binary(op), Some(Instr::StoreLocal(slot)), _) => {
                small(slot).map(|slot| Instr::BinaryStore { op, slot })
            }
            (Instr::InPlace(op), Some(Instr::StoreLocal(slot)), _) => {
                small(slot).map(|slot| Instr::InPlaceStore { op, slot })
            }
            (Instr::ForIter(target), Some(Instr::StoreLocal(slot)), _) => {
                small(slot).map(|slot| Instr::ForIterStore { target, slot })
            }
            (Instr::StoreLocal(a), Some(Instr::LoadLocal(b)), _) if a == b => {
                Some(Instr::StoreLoadLocal(a))
            }
            _ => None,
        };
        if let Some(fused) = fused {
            instrs[i] = fused;
        }
    }
    // A loop whose body is all simple instructions runs in the loop tier.
    for i in 0..instrs.len() {
        if let Instr::JumpForIter { head } = instrs[i]
            && instrs[head as usize..=i]
                .iter()
                .all(|instr| instr.in_loop_tier())
        {
            instrs[i] = Instr::JumpForIterFast { head };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ast::{BinOp, CmpOp};

    #[test]
    fn fuses_the_first_instruction_and_keeps_the_rest() {
        let mut instrs = vec![
            Instr::StoreLocal(3),
            Instr::LoadLocal(3),
            Instr::LoadConst(1),
            Instr::Binary(BinOp::Mod),
            Instr::Compare(CmpOp::Eq),
            Instr::PopJumpIfFalse(9),
            Instr::LoadLocal(70_000),
            Instr::LoadLocal(1),
            Instr::InPlace(BinOp::Add),
            Instr::StoreLocal(2),
        ];
        fuse(&mut instrs);
        assert_eq!(
            instrs,
            [
                Instr::StoreLoadLocal(3),
                Instr::LocalConstBinary {
                    left: 3,
                    right: 1,
                    op: BinOp::Mod
                },
                Instr::ConstBinary {
                    konst: 1,
                    op: BinOp::Mod
                },
                Instr::Binary(BinOp::Mod),
                Instr::CompareJumpIfFalse {
                    op: CmpOp::Eq,
                    target: 9
                },
                Instr::PopJumpIfFalse(9),
                // A slot too large for the fused form stays as it was.
                Instr::LoadLocal(70_000),
                Instr::LoadLocal(1),
                Instr::InPlaceStore {
                    op: BinOp::Add,
                    slot: 2
                },
                Instr::StoreLocal(2),
            ]
        );
    }

    #[test]
    fn a_fused_binary_wins_over_a_load_pair() {
        // `total + i * i`: LoadLocal2 on the first two loads would leave `i * i` unfused.
        let mut instrs = vec![
            Instr::LoadLocal(1),
            Instr::LoadLocal(3),
            Instr::LoadLocal(3),
            Instr::Binary(BinOp::Mul),
            Instr::LoadLocal(1),
            Instr::LoadLocal(2),
            Instr::Return,
        ];
        fuse(&mut instrs);
        assert_eq!(instrs[0], Instr::LoadLocal(1));
        assert_eq!(
            instrs[1],
            Instr::LocalLocalBinary {
                left: 3,
                right: 3,
                op: BinOp::Mul
            }
        );
        // With no binary after them, two loads still pair up.
        assert_eq!(instrs[4], Instr::LoadLocal2 { a: 1, b: 2 });
    }

    #[test]
    fn subscripts_of_two_locals_are_fused() {
        let mut instrs = vec![
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::Subscr,
            Instr::LoadLocal(0),
            Instr::LoadLocal(1),
            Instr::StoreSubscr,
        ];
        fuse(&mut instrs);
        assert_eq!(
            instrs[0],
            Instr::SubscrLocals {
                container: 0,
                key: 1
            }
        );
        assert_eq!(
            instrs[3],
            Instr::StoreSubscrLocals {
                container: 0,
                key: 1
            }
        );
        // The plain instructions stay behind them, for the slow path.
        assert_eq!(instrs[4..], [Instr::LoadLocal(1), Instr::StoreSubscr]);
    }

    #[test]
    fn marks_loops_of_simple_instructions_for_the_loop_tier() {
        // for i in xs: t += i          (simple: marked)
        // for i in xs: t += f(i)       (a call: left as it was)
        let simple = |call: bool| {
            let mut body = vec![
                Instr::ForIter(6),
                Instr::StoreLocal(1),
                Instr::LoadLocal(0),
                Instr::LoadLocal(1),
                Instr::InPlace(BinOp::Add),
                Instr::StoreLocal(0),
            ];
            if call {
                body.insert(3, Instr::LoadGlobal(0));
                body.insert(5, Instr::Call(1));
            }
            let end = body.len() as u32 + 1;
            body[0] = Instr::ForIter(end);
            body.push(Instr::Jump(0));
            body
        };
        let mut instrs = simple(false);
        fuse(&mut instrs);
        assert_eq!(instrs.last(), Some(&Instr::JumpForIterFast { head: 0 }));
        let mut instrs = simple(true);
        fuse(&mut instrs);
        assert_eq!(instrs.last(), Some(&Instr::JumpForIter { head: 0 }));
    }
}
