//! What `adopt` tells the clerk on the terminal: what it made of the document, and where to
//! look before drafting.

use std::fmt::Write as _;
use std::path::Path;

use crate::ops::adopt::Adopted;
use crate::ops::adopt::figures::Why;
use crate::zh::recognise as zh;

/// Figures left as text listed one by one, at most.
const SHOWN: usize = 12;

pub fn summary(adopted: &Adopted, output: &Path) -> String {
    let mut out = String::new();
    let cited: usize = adopted.indicators.iter().map(|i| i.2).sum();
    let _ = writeln!(
        out,
        "wrote {}: {} sections, {} indicators, {} figures in the prose now cited",
        output.display(),
        adopted.sections,
        adopted.indicators.len(),
        cited
    );
    for (key, name, uses) in &adopted.indicators {
        let _ = writeln!(out, "  {key:<16} {name} (cited {uses}×)");
    }
    if !adopted.loose.is_empty() {
        let _ = writeln!(
            out,
            "{} figures left as text (they read as before; next year update them by hand):",
            adopted.loose.len()
        );
        for l in adopted.loose.iter().take(SHOWN) {
            let why = match l.why {
                Why::NoSubject => "no subject before it in its clause",
                Why::NothingToCompare => "a comparison with no figure to compare",
                Why::Respectively => &format!("one of several figures given {}", zh::RESPECTIVELY),
                Why::Unpaired => "a comparison adopt does not turn into data",
            };
            let _ = writeln!(out, "  {}: {why}", l.text);
        }
        if adopted.loose.len() > SHOWN {
            let _ = writeln!(out, "  … and {} more", adopted.loose.len() - SHOWN);
        }
    }
    if !adopted.unsure.is_empty() {
        let _ = writeln!(out, "check these:");
        for u in &adopted.unsure {
            let _ = writeln!(out, "  {u}");
        }
    }
    let _ = writeln!(
        out,
        "places marked {} in the file need you; then: zongjie check {}",
        crate::zh::adopted::CHECK,
        output.display()
    );
    out
}
