//! Numbers written the Chinese way: 一, 十二, 九十九 in headings and enumerations, and the
//! GB/T 9704 heading numbers 一、 (一) 1. (1).

/// The GB/T 9704 number of the `n`th heading (1-based) at `level`.
pub fn heading_number(level: u8, n: usize) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("({})", chinese_numeral(n)),
        3 => format!("{n}."),
        _ => format!("({n})"),
    }
}

/// 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九; larger numbers in Arabic digits
/// (no report has a hundred headings at one level).
pub fn chinese_numeral(n: usize) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    match n {
        0..=9 => DIGITS[n].to_string(),
        10..=19 => format!("十{}", if n == 10 { "" } else { DIGITS[n - 10] }),
        20..=99 => format!(
            "{}十{}",
            DIGITS[n / 10],
            if n.is_multiple_of(10) {
                ""
            } else {
                DIGITS[n % 10]
            }
        ),
        _ => n.to_string(),
    }
}

/// 一是 / 二是 …: the label of the `index`th (0-based) item of an inline enumeration.
pub fn enumeration_label(index: usize) -> String {
    format!("{}是", chinese_numeral(index + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_beyond_ten() {
        assert_eq!(chinese_numeral(10), "十");
        assert_eq!(chinese_numeral(12), "十二");
        assert_eq!(chinese_numeral(20), "二十");
        assert_eq!(chinese_numeral(35), "三十五");
        assert_eq!(enumeration_label(2), "三是");
    }
}
