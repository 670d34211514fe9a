//! The units of measure a data file may name, in Chinese: which convert into one another and
//! which count things.

/// Each family lists its units with their size in the family's smallest unit.
pub const FAMILIES: &[&[(&str, i64)]] = &[
    &[
        ("元", 1),
        ("千元", 1_000),
        ("万元", 10_000),
        ("百万元", 1_000_000),
        ("亿元", 100_000_000),
    ],
    &[("人", 1), ("万人", 10_000)],
    &[("亩", 1), ("万亩", 10_000)],
    &[("吨", 1), ("万吨", 10_000)],
];

/// Units whose figures are counts of things: compared as 增加N家 rather than by amount.
pub const COUNTS: &[&str] = &[
    "家", "项", "件", "个", "人", "名", "人次", "次", "篇", "所", "台", "套", "座", "支", "户",
    "批",
];

/// The words of large numbers, largest first, with their size: an approximate 30000人 reads
/// 近3万人. A unit that already has one (万元, 亿元) takes none.
pub const MAGNITUDES: &[(&str, i64)] = &[("亿", 100_000_000), ("万", 10_000)];

/// What a change of a ratio is counted in.
pub const POINTS: &str = "个百分点";
