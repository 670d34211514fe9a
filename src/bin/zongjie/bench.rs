//! The counties `zongjie bench` drafts: N synthetic ones generated from one data file (for N =
//! 100, 1,000 and 2,850, every county-level division in China), figures varied per county so
//! that rankings and comparisons do real work; and the peak memory it reports.

/// The `i`th synthetic county from `template`: its own region name, and each `current` /
/// `previous` figure scaled by a factor between 0.6 and 1.4, written with the same number of
/// decimals (so counts stay whole).
pub fn synthetic(template: &str, region: &str, i: usize) -> String {
    let name = format!("试点{:04}县", i + 1);
    let mut state = (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next_factor = || {
        // xorshift: deterministic, no dependency.
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        0.6 + (state % 800) as f64 / 1000.0
    };
    template
        .lines()
        .map(|line| {
            let trimmed = line.trim_start();
            let figure = ["current = ", "previous = "]
                .iter()
                .find_map(|k| trimmed.strip_prefix(k).map(|rest| (k, rest)));
            match figure {
                Some((key, rest)) => {
                    let number = rest.split_whitespace().next().unwrap_or_default();
                    match number.parse::<f64>() {
                        Ok(v) => {
                            let places = number.split('.').nth(1).map_or(0, str::len);
                            format!("{key}{:.*}", places, v * next_factor())
                        }
                        Err(_) => line.to_string(),
                    }
                }
                None => line.replace(region, &name),
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Peak resident memory of this process in MiB (Linux; `None` elsewhere).
pub fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib: f64 = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))?
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()?;
    Some(kib / 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn synthetic_counties_differ_and_stay_valid() {
        let template = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/examples/xupu-2024.toml"
        ))
        .unwrap();
        let a = synthetic(&template, "溆浦县", 0);
        let b = synthetic(&template, "溆浦县", 1);
        assert!(a.contains("试点0001县科学技术局") && b.contains("试点0002县"));
        assert_ne!(a, b);
        for text in [a, b] {
            let source = zongjie::load::Source::new("s.toml", text);
            zongjie::check(&source, zongjie::Options::default()).unwrap_or_else(|e| panic!("{e}"));
        }
    }
}
