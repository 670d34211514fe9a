//! Where a batch's time goes, stage by stage, for `zongjie bench`.
//!
//! Each stage adds the time it took to one counter shared by every thread: a few atomic adds
//! per draft, against a draft's milliseconds. The sums are thread time, so on two cores they
//! add up to about twice the wall time; what matters is their split.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// The stages of a batch, in the order a draft passes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading the data file, parsing, validating and measuring it (both passes).
    ReadCheck,
    /// Ranking the set and giving each report its ranks.
    Rank,
    /// Outline from data and templates.
    Narrate,
    /// The document part's XML.
    LayOut,
    /// Deflating and zipping the package.
    Zip,
    /// Writing, flushing to disk and renaming into place.
    Write,
}

pub const STAGES: [(Stage, &str); 6] = [
    (Stage::ReadCheck, "read+check"),
    (Stage::Rank, "rank"),
    (Stage::Narrate, "narrate"),
    (Stage::LayOut, "lay out"),
    (Stage::Zip, "zip"),
    (Stage::Write, "write"),
];

static NANOS: [AtomicU64; 6] = [const { AtomicU64::new(0) }; 6];

/// Runs `f`, adding its time to `stage`.
pub fn timed<T>(stage: Stage, f: impl FnOnce() -> T) -> T {
    let started = Instant::now();
    let out = f();
    add(stage, started.elapsed());
    out
}

pub fn add(stage: Stage, took: Duration) {
    let nanos = u64::try_from(took.as_nanos()).unwrap_or(u64::MAX);
    NANOS[stage as usize].fetch_add(nanos, Ordering::Relaxed);
}

/// The time each stage has taken so far, in [`STAGES`] order.
pub fn totals() -> [Duration; 6] {
    std::array::from_fn(|i| Duration::from_nanos(NANOS[i].load(Ordering::Relaxed)))
}
