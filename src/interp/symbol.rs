//! Interned names.
//!
//! Attribute, method and module member names are interned once, when the program is
//! compiled, into [`Sym`]s: small integers compared in one instruction. Names the
//! interpreter itself dispatches on (`append`, `sleep`, `done`, ...) are predefined at fixed
//! indices, so method lookup is a `match` on constants rather than string comparison.

use std::rc::Rc;

use rustc_hash::FxHashMap;

/// An interned name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Sym(pub u32);

macro_rules! predefined {
    ($($name:ident)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms)]
        #[repr(u32)]
        enum Predefined { $($name,)* }

        /// The predefined names, as constants.
        #[allow(non_upper_case_globals)]
        pub mod sym {
            use super::{Predefined, Sym};
            $(pub const $name: Sym = Sym(Predefined::$name as u32);)*
        }

        const PREDEFINED: &[&str] = &[$(stringify!($name),)*];
    };
}

predefined! {
    // str, list, dict, set and tuple methods
    append extend insert pop remove index count sort reverse copy clear
    get items keys values setdefault update popitem fromkeys
    add discard union intersection difference symmetric_difference issubset issuperset isdisjoint
    split rsplit splitlines join strip lstrip rstrip replace startswith endswith find rfind rindex
    upper lower title capitalize swapcase zfill center ljust rjust format format_map
    isdigit isalpha isalnum isspace isupper islower isnumeric isdecimal isidentifier istitle
    isascii isprintable intersection_update difference_update symmetric_difference_update
    partition rpartition expandtabs casefold removeprefix removesuffix encode
    // numbers
    real imag conjugate bit_length bit_count is_integer as_integer_ratio hex numerator denominator
    // exceptions and types
    args value __name__ __qualname__ __class__ __suppress_context__ __cause__ __context__ __traceback__ __notes__ with_traceback add_note
    // modules
    asyncio random time aiohttp
    run sleep gather create_task wait_for as_completed get_running_loop get_event_loop
    ensure_future current_task all_tasks shield wait timeout timeout_at TaskGroup
    Queue PriorityQueue LifoQueue Lock Event Condition Semaphore BoundedSemaphore
    Task Future CancelledError TimeoutError InvalidStateError QueueEmpty QueueFull
    to_thread FIRST_COMPLETED FIRST_EXCEPTION ALL_COMPLETED iscoroutine iscoroutinefunction
    seed uniform randint randrange choice choices shuffle sample getrandbits gauss
    triangular normalvariate expovariate betavariate gammavariate
    monotonic perf_counter time_ns monotonic_ns perf_counter_ns
    // tasks, futures, the loop
    done result cancelled cancel exception get_name set_name add_done_callback
    remove_done_callback get_coro cancelling uncancel set_result set_exception
    call_soon call_later call_at create_future run_in_executor
    // queues
    put
}

/// The table of interned names of one program run.
#[derive(Debug)]
pub struct Interner {
    ids: FxHashMap<Rc<str>, Sym>,
    names: Vec<Rc<str>>,
}

impl Default for Interner {
    fn default() -> Interner {
        let mut interner = Interner {
            ids: FxHashMap::default(),
            names: Vec::new(),
        };
        for name in PREDEFINED {
            interner.intern(name);
        }
        interner
    }
}

impl Interner {
    pub fn intern(&mut self, name: &str) -> Sym {
        if let Some(&sym) = self.ids.get(name) {
            return sym;
        }
        let sym = Sym(self.names.len() as u32);
        let name: Rc<str> = Rc::from(name);
        self.names.push(name.clone());
        self.ids.insert(name, sym);
        sym
    }

    pub fn name(&self, sym: Sym) -> &Rc<str> {
        &self.names[sym.0 as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn predefined_names_have_fixed_symbols() {
        let mut interner = Interner::default();
        assert_eq!(interner.intern("append"), sym::append);
        assert_eq!(&**interner.name(sym::sleep), "sleep");
        let fresh = interner.intern("my_name");
        assert_eq!(interner.intern("my_name"), fresh);
        assert_eq!(&**interner.name(fresh), "my_name");
    }
}
