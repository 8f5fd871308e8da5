//! Python's `hash()`, as CPython 3.11 computes it with `PYTHONHASHSEED=0`.
//!
//! Set iteration order is a function of these hashes, so they are CPython's own: ints
//! modulo the Mersenne prime 2**61 - 1, floats by their exact rational value, tuples by
//! CPython's xxHash-style combination, and strings by SipHash-1-3 over their internal
//! representation (one, two or four bytes per character) with the all-zero key that
//! `PYTHONHASHSEED=0` selects. Objects CPython hashes by address get a hash derived from
//! an identity that is stable from run to run instead (a task's creation number).

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::value::{PyStr, Value};

/// The modulus of numeric hashes: 2**61 - 1.
const MODULUS: u64 = (1 << 61) - 1;

/// `hash(value)`, or the name of its unhashable type.
pub fn py_hash(value: &Value) -> Result<i64, &'static str> {
    Ok(match value {
        Value::Int(i) => hash_i64(*i),
        Value::Bool(b) => i64::from(b.get()),
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => crate::pyrandom::float_hash(f.get()),
        Value::Str(s) => s.hash(),
        Value::Tuple(items) => {
            let mut hashes = Vec::with_capacity(items.0.len());
            for item in &items.0 {
                hashes.push(py_hash(item)?);
            }
            hash_tuple(&hashes)
        }
        Value::Set(set) if set.frozen => set.items.borrow().frozen_hash(),
        Value::Set(_) => return Err("set"),
        Value::List(_) => return Err("list"),
        Value::Dict(_) => return Err("dict"),
        Value::DictView(..) => return Err(value.type_name()),
        Value::Slice(_) => return Err("slice"),
        // CPython 3.12's constant for None (3.11 hashes None by address).
        Value::None => 0xFCA8_6420,
        Value::Ellipsis => 0x6E9A_5B13,
        Value::Future(future) => hash_i64(i64::from(future.id)),
        Value::Type(ty) => hash_str(ty.name()),
        Value::Builtin(builtin) => hash_str(builtin.name()),
        Value::Module(module) => hash_str(&module.name),
        Value::Function(function) => hash_str(&function.code.qualname),
        Value::Exception(exc) => hash_str(exc.ty.name()),
        Value::Coroutine(coro) => hash_str(coro.qualname()),
        Value::Object(object) if let Some(typing) = object.typing() => super::typing::hash(typing)?,
        Value::Object(_) if let Some(items) = value.struct_seq() => py_hash(items)?,
        // The remaining objects are rarely hashed; they all collide, which keeps the
        // order a function of the program.
        _ => 0,
    })
}

/// The hash of an int that fits in an i64.
#[inline]
pub fn hash_i64(i: i64) -> i64 {
    if i.unsigned_abs() < MODULUS {
        // Below the modulus an int is its own hash (but -1 is reserved for errors).
        return if i == -1 { -2 } else { i };
    }
    let reduced = (i.unsigned_abs() % MODULUS) as i64;
    let hash = if i < 0 { -reduced } else { reduced };
    if hash == -1 { -2 } else { hash }
}

fn hash_bigint(b: &BigInt) -> i64 {
    let (sign, magnitude) = (b.sign(), b.magnitude());
    let reduced = (magnitude % MODULUS).to_u64().unwrap_or(0) as i64;
    let hash = if sign == Sign::Minus {
        -reduced
    } else {
        reduced
    };
    if hash == -1 { -2 } else { hash }
}

/// CPython's tuple hash over the items' hashes.
pub fn hash_tuple(hashes: &[i64]) -> i64 {
    const PRIME_1: u64 = 11_400_714_785_074_694_791;
    const PRIME_2: u64 = 14_029_467_366_897_019_727;
    const PRIME_5: u64 = 2_870_177_450_012_600_261;
    let mut acc = PRIME_5;
    for &lane in hashes {
        acc = acc.wrapping_add((lane as u64).wrapping_mul(PRIME_2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME_1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (PRIME_5 ^ 3_527_539));
    if acc == u64::MAX {
        1_546_275_796
    } else {
        acc as i64
    }
}

/// The hash of a str: SipHash-1-3 over CPython's representation of the text.
pub fn hash_str(text: &str) -> i64 {
    if text.is_empty() {
        return 0;
    }
    let widest = text.chars().map(|c| c as u32).max().unwrap_or(0);
    let mut bytes = Vec::with_capacity(text.len() * 4);
    for c in text.chars() {
        let code = c as u32;
        if widest < 0x100 {
            bytes.push(code as u8);
        } else if widest < 0x10000 {
            bytes.extend_from_slice(&(code as u16).to_le_bytes());
        } else {
            bytes.extend_from_slice(&code.to_le_bytes());
        }
    }
    let hash = siphash13(&bytes) as i64;
    if hash == -1 { -2 } else { hash }
}

impl PyStr {
    /// The str's hash, computed once.
    pub fn hash(&self) -> i64 {
        let cached = self.hash_cache.get();
        if cached != -1 {
            return cached;
        }
        let hash = hash_str(self.as_str());
        self.hash_cache.set(hash);
        hash
    }
}

/// SipHash-1-3 with a zero key, as CPython's `pysiphash` with `PYTHONHASHSEED=0`.
fn siphash13(data: &[u8]) -> u64 {
    let (k0, k1) = (0u64, 0u64);
    let mut v0 = k0 ^ 0x736f_6d65_7073_6575;
    let mut v1 = k1 ^ 0x646f_7261_6e64_6f6d;
    let mut v2 = k0 ^ 0x6c79_6765_6e65_7261;
    let mut v3 = k1 ^ 0x7465_6462_7974_6573;
    let round = |v0: &mut u64, v1: &mut u64, v2: &mut u64, v3: &mut u64| {
        *v0 = v0.wrapping_add(*v1);
        *v2 = v2.wrapping_add(*v3);
        *v1 = v1.rotate_left(13) ^ *v0;
        *v3 = v3.rotate_left(16) ^ *v2;
        *v0 = v0.rotate_left(32);
        *v2 = v2.wrapping_add(*v1);
        *v0 = v0.wrapping_add(*v3);
        *v1 = v1.rotate_left(17) ^ *v2;
        *v3 = v3.rotate_left(21) ^ *v0;
        *v2 = v2.rotate_left(32);
    };
    let mut chunks = data.chunks_exact(8);
    for chunk in &mut chunks {
        let m = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        v3 ^= m;
        round(&mut v0, &mut v1, &mut v2, &mut v3);
        v0 ^= m;
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    let b = ((data.len() as u64) << 56) | u64::from_le_bytes(tail);
    v3 ^= b;
    round(&mut v0, &mut v1, &mut v2, &mut v3);
    v0 ^= b;
    v2 ^= 0xff;
    for _ in 0..3 {
        round(&mut v0, &mut v1, &mut v2, &mut v3);
    }
    (v0 ^ v1) ^ (v2 ^ v3)
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values from `PYTHONHASHSEED=0 python3 -c 'print(hash(...))'` (CPython 3.11).
    #[test]
    fn strings_hash_as_cpython_with_seed_zero() {
        assert_eq!(hash_str("abc"), -4594863902769663758);
        assert_eq!(hash_str(""), 0);
        assert_eq!(hash_str("é"), 6047309291227476195);
        assert_eq!(hash_str("€x"), -483395623852268653);
        assert_eq!(hash_str("😀"), -3536540696076613844);
        assert_eq!(hash_str(&"a".repeat(20)), 3291541819775287794);
    }

    #[test]
    fn numbers_and_tuples_hash_as_cpython() {
        assert_eq!(hash_tuple(&[1, 2]), -3550055125485641917);
        assert_eq!(hash_tuple(&[]), 5740354900026072187);
        let inner = hash_tuple(&[2, 3]);
        assert_eq!(hash_tuple(&[1, hash_str("a"), inner]), -8205398173582733483);
        assert_eq!(hash_bigint(&((BigInt::from(1) << 61) - 1)), 0);
        assert_eq!(hash_bigint(&(BigInt::from(1) << 61)), 1);
        assert_eq!(hash_i64(-1), -2);
        let big: BigInt = BigInt::from(1) << 70;
        assert_eq!(hash_bigint(&-big), -512);
        assert_eq!(crate::pyrandom::float_hash(1.5), 1152921504606846977);
        assert_eq!(crate::pyrandom::float_hash(-0.5), -1152921504606846976);
        assert_eq!(crate::pyrandom::float_hash(1e300), 1224995262755759164);
    }
}
