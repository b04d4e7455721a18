//! A stable sort that costs the wasm build one sort instantiation in all.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site gets
//! its own copy of the sort (about 2.5 kB of wasm each). [`sort_by`] sorts positions (`usize`)
//! through a `dyn` comparison instead, which every caller shares, then moves the elements into
//! place.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably: the same result as `items.sort_by(compare)`.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let mut order = sorted_positions(items.len(), &mut |a, b| compare(&items[a], &items[b]));
    // `order[i]` is where the element that belongs at `i` was. Elements already placed were
    // swapped away from there; follow them (as `slice::sort_by_cached_key` does).
    for i in 0..items.len() {
        let mut from = order[i];
        while from < i {
            from = order[from];
        }
        order[i] = from;
        items.swap(i, from);
    }
}

/// The positions `0..len`, stably sorted by `compare`.
fn sorted_positions(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn sorts_stably() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (0, 'd'), (1, 'e')];
        sort_by(&mut v, |a, b| a.0.cmp(&b.0));
        assert_eq!(v, [(0, 'd'), (1, 'b'), (1, 'e'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn empty_and_single() {
        let mut v: Vec<u8> = Vec::new();
        sort_by(&mut v, Ord::cmp);
        assert!(v.is_empty());
        let mut v = vec![7];
        sort_by(&mut v, Ord::cmp);
        assert_eq!(v, [7]);
    }

    proptest! {
        #[test]
        fn same_as_slice_sort_by(v in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = v.clone();
            expected.sort_by_key(|a| a.0);
            let mut got = v;
            sort_by(&mut got, |a, b| a.0.cmp(&b.0));
            prop_assert_eq!(got, expected);
        }
    }
}
