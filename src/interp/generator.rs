//! Generator objects, made by generator expressions.
//!
//! A generator owns its own execution state. `next()` runs it (a nested run, like any
//! built-in calling back into Python) until it yields, returns or raises.

use std::cell::RefCell;
use std::rc::Rc;

use super::exceptions::{ExcType, PyResult, runtime_error, value_error};
use super::value::Value;
use super::{ExecState, Exit, Interp, Resume};
use crate::bytecode::Code;

enum GenState {
    Created(Vec<Value>),
    Suspended(ExecState),
    Running,
    Done,
}

pub struct Generator {
    code: Rc<Code>,
    state: RefCell<GenState>,
}

impl Generator {
    pub fn new(code: Rc<Code>, slots: Vec<Value>) -> Rc<Generator> {
        Rc::new(Generator {
            code,
            state: RefCell::new(GenState::Created(slots)),
        })
    }

    pub fn qualname(&self) -> &str {
        &self.code.qualname
    }
}

impl Interp {
    /// The generator's next value, or `None` once it is finished.
    pub fn generator_next(&mut self, generator: &Rc<Generator>) -> PyResult<Option<Value>> {
        let previous = std::mem::replace(&mut *generator.state.borrow_mut(), GenState::Running);
        let mut exec = match previous {
            GenState::Created(slots) => {
                let mut exec = ExecState::default();
                self.push_frame(&mut exec, generator.code.clone(), slots, None);
                exec
            }
            GenState::Suspended(exec) => exec,
            GenState::Running => {
                *generator.state.borrow_mut() = GenState::Running;
                return Err(value_error("generator already executing"));
            }
            GenState::Done => {
                *generator.state.borrow_mut() = GenState::Done;
                return Ok(None);
            }
        };
        if self.depth >= self.frame_limit {
            *generator.state.borrow_mut() = GenState::Done;
            return Err(super::vm::recursion_error());
        }
        self.depth += 1;
        let exit = self.run(&mut exec, 0, Some(Resume::Send(Value::None)));
        self.depth -= 1;
        match exit {
            Exit::Yield(value) => {
                *generator.state.borrow_mut() = GenState::Suspended(exec);
                Ok(Some(value))
            }
            Exit::Return(_) => {
                *generator.state.borrow_mut() = GenState::Done;
                Ok(None)
            }
            Exit::Raise(exc) => {
                *generator.state.borrow_mut() = GenState::Done;
                if exc.ty == ExcType::StopIteration {
                    let error = runtime_error("generator raised StopIteration");
                    *error.cause.borrow_mut() = Some(exc);
                    return Err(error);
                }
                Err(exc)
            }
            Exit::Suspend(_) => {
                *generator.state.borrow_mut() = GenState::Done;
                Err(runtime_error("a generator expression cannot await"))
            }
        }
    }
}
