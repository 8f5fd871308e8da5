//! Sets, laid out as CPython lays them out, so they iterate in CPython's order.
//!
//! A Python set's iteration order is its hash table's slot order, which depends on the
//! hashes, the table size, the probe sequence, deletions and how the set was built. This
//! is `Objects/setobject.c` (3.11) step for step: linear probing of nine slots, then
//! perturbation; growth when the table is three-fifths full; the copy and clean-insert
//! shortcuts of `set_merge`; dummies left by deletions; `pop`'s roving finger. With the
//! hashes of [`super::hash`], a set prints as CPython's does under `PYTHONHASHSEED=0`.

use super::value::{Key, values_equal};

const MIN_SIZE: usize = 8;
const LINEAR_PROBES: usize = 9;
const PERTURB_SHIFT: u32 = 5;

#[derive(Clone)]
enum Slot {
    Empty,
    /// A deleted entry: probing continues past it.
    Dummy,
    Active(Key),
}

/// The hash table of a set or frozenset.
#[derive(Clone)]
pub struct SetTable {
    slots: Vec<Slot>,
    /// Active and dummy slots.
    fill: usize,
    /// Active slots.
    used: usize,
    /// Where `pop` looks next.
    finger: usize,
}

impl Default for SetTable {
    fn default() -> SetTable {
        SetTable {
            slots: vec![Slot::Empty; MIN_SIZE],
            fill: 0,
            used: 0,
            finger: 0,
        }
    }
}

fn same_key(a: &Key, b: &Key) -> bool {
    a.hash == b.hash && (a.value.is(&b.value) || values_equal(&a.value, &b.value))
}

impl SetTable {
    pub fn len(&self) -> usize {
        self.used
    }

    pub fn is_empty(&self) -> bool {
        self.used == 0
    }

    fn mask(&self) -> usize {
        self.slots.len() - 1
    }

    /// The items, in iteration order.
    pub fn iter(&self) -> impl Iterator<Item = &Key> {
        self.slots.iter().filter_map(|slot| match slot {
            Slot::Active(key) => Some(key),
            _ => None,
        })
    }

    /// The first item at or after slot `position`, and the slot after it (for iterators,
    /// which walk the table as CPython's do).
    pub fn next_from(&self, position: usize) -> Option<(usize, &Key)> {
        self.slots
            .iter()
            .enumerate()
            .skip(position)
            .find_map(|(i, slot)| match slot {
                Slot::Active(key) => Some((i + 1, key)),
                _ => None,
            })
    }

    /// The slot holding `key`, if it is there.
    fn find(&self, key: &Key) -> Option<usize> {
        let mask = self.mask();
        let mut perturb = key.hash as u64;
        let mut i = key.hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => return None,
                    Slot::Active(existing) if same_key(existing, key) => return Some(j),
                    _ => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    pub fn contains(&self, key: &Key) -> bool {
        self.find(key).is_some()
    }

    /// `set_add_entry`: add `key` unless an equal item is there; whether it was added.
    pub fn add(&mut self, key: Key) -> bool {
        let mask = self.mask();
        let mut perturb = key.hash as u64;
        let mut i = key.hash as usize & mask;
        let mut free_slot = None;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for j in i..=i + probes {
                match &self.slots[j] {
                    Slot::Empty => {
                        match free_slot {
                            Some(dummy) => {
                                self.slots[dummy] = Slot::Active(key);
                                self.used += 1;
                            }
                            None => {
                                self.slots[j] = Slot::Active(key);
                                self.fill += 1;
                                self.used += 1;
                                if self.fill * 5 >= mask * 3 {
                                    let target = if self.used > 50_000 {
                                        self.used * 2
                                    } else {
                                        self.used * 4
                                    };
                                    self.resize(target);
                                }
                            }
                        }
                        return true;
                    }
                    Slot::Active(existing) if same_key(existing, &key) => return false,
                    Slot::Dummy => {
                        free_slot.get_or_insert(j);
                    }
                    Slot::Active(_) => {}
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_insert_clean`: place a key known to be absent into a table without dummies.
    fn insert_clean(slots: &mut [Slot], key: Key) {
        let mask = slots.len() - 1;
        let mut perturb = key.hash as u64;
        let mut i = key.hash as usize & mask;
        loop {
            let probes = if i + LINEAR_PROBES <= mask {
                LINEAR_PROBES
            } else {
                0
            };
            for slot in &mut slots[i..=i + probes] {
                if let Slot::Empty = slot {
                    *slot = Slot::Active(key);
                    return;
                }
            }
            perturb >>= PERTURB_SHIFT;
            i = (i
                .wrapping_mul(5)
                .wrapping_add(1)
                .wrapping_add(perturb as usize))
                & mask;
        }
    }

    /// `set_table_resize`: the smallest table larger than `min_used`, entries re-placed in
    /// the old table's order.
    fn resize(&mut self, min_used: usize) {
        let mut size = MIN_SIZE;
        while size <= min_used {
            size <<= 1;
        }
        let old = std::mem::replace(&mut self.slots, vec![Slot::Empty; size]);
        self.fill = self.used;
        for slot in old {
            if let Slot::Active(key) = slot {
                SetTable::insert_clean(&mut self.slots, key);
            }
        }
    }

    /// `set_discard_entry`: remove `key`, leaving a dummy; whether it was there.
    pub fn discard(&mut self, key: &Key) -> bool {
        match self.find(key) {
            Some(slot) => {
                self.slots[slot] = Slot::Dummy;
                self.used -= 1;
                true
            }
            None => false,
        }
    }

    /// `set.pop()`: the first item from the finger on.
    pub fn pop(&mut self) -> Option<Key> {
        if self.used == 0 {
            return None;
        }
        let mask = self.mask();
        let mut i = self.finger & mask;
        while !matches!(self.slots[i], Slot::Active(_)) {
            i = if i == mask { 0 } else { i + 1 };
        }
        let Slot::Active(key) = std::mem::replace(&mut self.slots[i], Slot::Dummy) else {
            unreachable!("the loop stopped on an active slot")
        };
        self.used -= 1;
        self.finger = i + 1;
        Some(key)
    }

    pub fn clear(&mut self) {
        *self = SetTable::default();
    }

    /// `set_merge`: add every item of `other`, with CPython's shortcuts for an empty set.
    pub fn merge(&mut self, other: &SetTable) {
        if other.used == 0 {
            return;
        }
        if (self.fill + other.used) * 5 >= self.mask() * 3 {
            self.resize((self.used + other.used) * 2);
        }
        if self.fill == 0 && self.mask() == other.mask() && other.fill == other.used {
            // Same size, no dummies: copy the table as it is.
            self.slots = other.slots.clone();
            self.fill = other.fill;
            self.used = other.used;
            return;
        }
        if self.fill == 0 {
            self.fill = other.used;
            self.used = other.used;
            for key in other.iter() {
                SetTable::insert_clean(&mut self.slots, key.clone());
            }
            return;
        }
        for key in other.iter() {
            self.add(key.clone());
        }
    }

    /// `set_copy`: a new table with the same items, built as CPython copies a set.
    pub fn copy(&self) -> SetTable {
        let mut copy = SetTable::default();
        copy.merge(self);
        copy
    }

    /// `set_intersection(self, other)` for two sets: the smaller is walked, the other
    /// probed, and the walked set's items are kept.
    pub fn intersection(&self, other: &SetTable) -> SetTable {
        let (walked, probed) = if other.len() > self.len() {
            (self, other)
        } else {
            (other, self)
        };
        let mut result = SetTable::default();
        for key in walked.iter() {
            if probed.contains(key) {
                result.add(key.clone());
            }
        }
        result
    }

    /// `set_intersection(self, iterable)`: the iterable's items that are in the set, in
    /// the iterable's order.
    pub fn intersection_keys(&self, keys: &[Key]) -> SetTable {
        let mut result = SetTable::default();
        for key in keys {
            if self.contains(key) {
                result.add(key.clone());
            }
        }
        result
    }

    /// `set_difference(self, other)` for two sets.
    pub fn difference(&self, other: &SetTable) -> SetTable {
        if (self.len() >> 2) > other.len() {
            // Much larger than other: copy, then remove other's items.
            let mut result = self.copy();
            for key in other.iter() {
                result.discard(key);
            }
            return result;
        }
        let mut result = SetTable::default();
        for key in self.iter() {
            if !other.contains(key) {
                result.add(key.clone());
            }
        }
        result
    }

    /// `set_difference(self, iterable)`: a copy without the iterable's items.
    pub fn difference_keys(&self, keys: &[Key]) -> SetTable {
        let mut result = self.copy();
        for key in keys {
            result.discard(key);
        }
        result
    }

    /// `set_symmetric_difference_update(self, other)`.
    pub fn symmetric_difference_update(&mut self, other: &SetTable) {
        for key in other.iter() {
            if !self.discard(key) {
                self.add(key.clone());
            }
        }
    }

    /// `set_symmetric_difference(self, other)`: a copy of other, updated with self.
    pub fn symmetric_difference(&self, other: &SetTable) -> SetTable {
        let mut result = other.copy();
        result.symmetric_difference_update(self);
        result
    }

    /// The hash of a frozenset with this table (CPython's `frozenset_hash`).
    pub fn frozen_hash(&self) -> i64 {
        fn shuffle(h: u64) -> u64 {
            ((h ^ 89_869_747) ^ (h << 16)).wrapping_mul(3_644_798_167)
        }
        let mut hash = 0u64;
        for slot in &self.slots {
            hash ^= shuffle(match slot {
                Slot::Active(key) => key.hash as u64,
                Slot::Dummy => u64::MAX,
                Slot::Empty => 0,
            });
        }
        if (self.slots.len() - self.fill) & 1 == 1 {
            hash ^= shuffle(0);
        }
        if (self.fill - self.used) & 1 == 1 {
            hash ^= shuffle(u64::MAX);
        }
        hash ^= (self.used as u64 + 1).wrapping_mul(1_927_868_237);
        hash ^= (hash >> 11) ^ (hash >> 25);
        hash = hash.wrapping_mul(69_069).wrapping_add(907_133_923);
        if hash == u64::MAX {
            590_923_713
        } else {
            hash as i64
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interp::value::Value;

    fn table(items: &[i64]) -> SetTable {
        let mut table = SetTable::default();
        for &i in items {
            table.add(Key::new(Value::Int(i)).expect("ints are hashable"));
        }
        table
    }

    fn order(table: &SetTable) -> Vec<i64> {
        table
            .iter()
            .map(|k| k.value.as_i64().expect("ints"))
            .collect()
    }

    // Expected orders from CPython 3.11.
    #[test]
    fn iteration_follows_cpython_tables() {
        assert_eq!(order(&table(&[3, 1, 2])), [1, 2, 3]);
        assert_eq!(order(&table(&[17, 1, 33, 5, 9])), [1, 33, 5, 9, 17]);
        let mut set = table(&[1, 2, 3, 4, 5, 6, 7, 8]);
        set.discard(&Key::new(Value::Int(3)).expect("hashable"));
        set.add(Key::new(Value::Int(100)).expect("hashable"));
        assert_eq!(order(&set), [1, 2, 4, 5, 6, 7, 8, 100]);
        assert_eq!(set.pop().and_then(|k| k.value.as_i64()), Some(1));
    }

    #[test]
    fn operations_follow_cpython() {
        let mut union = table(&[1, 2, 3]).copy();
        union.merge(&table(&[10, 20]));
        assert_eq!(order(&union), [1, 2, 3, 20, 10]);
        assert_eq!(
            order(&table(&[5, 1, 9]).intersection(&table(&[9, 5, 7]))),
            [9, 5]
        );
        assert_eq!(
            order(&table(&[1, 2, 3, 4, 5, 6, 7, 8, 9]).difference(&table(&[2]))),
            [1, 3, 4, 5, 6, 7, 8, 9]
        );
        assert_eq!(
            order(&table(&[1, 2, 3]).symmetric_difference(&table(&[3, 4, 5]))),
            [1, 2, 4, 5]
        );
    }
}
