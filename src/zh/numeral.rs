//! Numbers written the Chinese way: 一, 十二, 九十九 in headings and enumerations, and the
//! GB/T 9704 heading numbers 一、 (一) 1. (1).

/// The GB/T 9704 number of the `n`th heading (1-based) at `level`, level 3 as `1、` when
/// the document numbers it so.
pub fn heading_number(level: u8, n: usize, level3_comma: bool) -> String {
    match level {
        1 => format!("{}、", chinese_numeral(n)),
        2 => format!("（{}）", chinese_numeral(n)),
        3 if level3_comma => format!("{n}、"),
        3 => format!("{n}."),
        _ => format!("（{n}）"),
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
    marker_label(MARKERS[0], index, usize::MAX)
}

/// Level-3 numbering as many counties write it (`[style] level3`), beside GB/T 9704's `1.`.
pub const LEVEL3_COMMA: &str = "1、";
/// The level-3 numberings a document may choose.
pub const LEVEL3: [&str; 2] = ["1.", LEVEL3_COMMA];

/// The ways an enumeration may be counted, as a data file names them.
pub const MARKERS: [&str; 4] = ["一是", "一要", "第一", "首先"];

/// The label of the `index`th (0-based) of `count` items counted the `marker` way: 一是,
/// 二要, 第三, or 首先 / 其次 / 再次 … 最后. An unknown marker counts 一是.
pub fn marker_label(marker: &str, index: usize, count: usize) -> String {
    let n = chinese_numeral(index + 1);
    let comma = super::punct::CLAUSE;
    match marker {
        "一要" => format!("{n}要"),
        "第一" => format!("第{n}{comma}"),
        "首先" => {
            let word = match index {
                0 => "首先".to_string(),
                _ if count >= 3 && index + 1 == count => "最后".into(),
                1 => "其次".into(),
                2 => "再次".into(),
                _ => format!("第{n}"),
            };
            format!("{word}{comma}")
        }
        _ => format!("{n}是"),
    }
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
        assert_eq!(marker_label("一要", 4, 5), "五要");
        let first: Vec<String> = (0..4).map(|i| marker_label("首先", i, 4)).collect();
        assert_eq!(first, ["首先，", "其次，", "再次，", "最后，"]);
        assert_eq!(marker_label("首先", 1, 2), "其次，");
        assert_eq!(marker_label("第一", 9, 10), "第十，");
    }
}
