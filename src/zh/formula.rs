//! The 数据核对表's words: each computed figure's formula, inputs and kind in Chinese.
//!
//! The measure stage writes a formula in a small closed vocabulary (`(current − previous) ÷
//! previous × 100`, indicator keys for derived ratios, a few fixed sentences), which stays the
//! stable `formula` of `explain --format json`. Here every word of that vocabulary has its
//! Chinese name; a word without one is a bug the tests catch, never shown half-translated.

use crate::measure::FigureKind;

/// What the audit needs to name things: the period's kind and the indicators' names (for
/// the keys a derived ratio is computed from).
pub struct Naming<'a> {
    pub half_year: bool,
    pub indicator: &'a dyn Fn(&str) -> Option<String>,
}

/// The fixed sentences, whole.
const SENTENCES: &[(&str, &str)] = &[
    ("sum of parts", "各分项之和"),
    (
        "consecutive yearly changes in one direction, ending this year",
        "截至本年逐年同向变化的年数",
    ),
    ("current > every earlier year", "本年数高于此前各年"),
    (
        "current ≥ threshold > every earlier year",
        "本年数达到关口数，此前各年均未达到",
    ),
    (
        "position among the ranked values, best first; equal values share a rank",
        "在参加排名各地中由好到差的位次，数值相同者并列",
    ),
    ("value − mean of the ranked values", "本地数值 − 各地平均数"),
    (
        "current cut to its significant digits",
        "本年数保留有效数字，其后舍去",
    ),
    (
        "current rounded to its significant digits",
        "本年数保留有效数字，四舍五入",
    ),
];

/// The Chinese name of an input or operand, or `None` for a word outside the vocabulary.
pub fn operand(word: &str, naming: &Naming) -> Option<String> {
    let fixed = match (word, naming.half_year) {
        ("current", false) => "本年数",
        ("current", true) => "本期数",
        ("previous", false) => "上年数",
        ("previous", true) => "上年同期数",
        ("target", false) => "目标数",
        ("target", true) => "全年目标数",
        ("next_target", _) => "下年目标数",
        ("completion", _) => "完成率",
        ("time_elapsed", _) => "序时进度",
        ("part", _) => "分项数",
        ("whole", _) => "总数",
        ("threshold", _) => "关口数",
        ("base", _) => "起始年数值",
        ("plan", _) => "规划目标",
        ("years", _) => "年数",
        ("value", _) => "本地数值",
        ("average", _) => "各地平均数",
        ("stated_growth", _) => "报送增速",
        ("position", _) => "报送位次",
        ("digits", _) => "保留有效数字位数",
        ("next_growth", _) => "计划增速",
        ("N", _) => "N",
        (year, _) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            return Some(format!("{year}年"));
        }
        (key, _) => return (naming.indicator)(key),
    };
    Some(fixed.to_string())
}

/// A formula in Chinese: `（本年数 − 上年数）÷ 上年数 × 100`. `None` when a word has no
/// Chinese name.
pub fn formula(english: &str, naming: &Naming) -> Option<String> {
    if let Some((_, zh)) = SENTENCES.iter().find(|(en, _)| *en == english) {
        return Some(zh.to_string());
    }
    let mut out = String::new();
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| -> Option<()> {
        if !word.is_empty() {
            let numeric = word.bytes().all(|b| b.is_ascii_digit() || b == b'.');
            out.push_str(&if numeric {
                word.clone()
            } else {
                operand(word, naming)?
            });
            word.clear();
        }
        Some(())
    };
    for c in english.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            word.push(c);
            continue;
        }
        flush(&mut word, &mut out)?;
        match c {
            '(' => out.push('（'),
            ')' => out.push('）'),
            // No space inside full-width brackets: （本年数 − 上年数）÷ 上年数.
            ' ' if out.ends_with('（') || out.ends_with('）') => {}
            c => out.push(c),
        }
    }
    flush(&mut word, &mut out)?;
    // Spaces left beside a bracket: full-width brackets carry their own.
    Some(out.replace(" ）", "）").replace(" （", "（"))
}

/// Where a stated figure comes from, in place of a formula: 据县统计局报送 / 据报送数.
pub fn stated(source: Option<&str>) -> String {
    match source.map(str::trim).filter(|s| !s.is_empty()) {
        Some(source) => format!("据{source}报送"),
        None => "据报送数".into(),
    }
}

/// What a figure is, in words.
pub fn kind(kind: FigureKind) -> &'static str {
    use FigureKind as K;
    match kind {
        K::UnitConversion => "单位换算",
        K::Ratio => "比率",
        K::YoyPercent => "同比增速",
        K::YoyMultiple => "同比倍数",
        K::YoyDoubling => "同比翻番",
        K::YoyChange => "同比增减量",
        K::YoySigned => "正负变化",
        K::YoyFromZero => "零的突破",
        K::YoyPoints => "同比增减百分点",
        K::YoyRelative => "相对变化",
        K::TargetCompletion => "目标完成率",
        K::TargetGap => "距目标差额",
        K::TimeProgress => "对比序时进度",
        K::NextPercent => "下年目标增速",
        K::NextChange => "下年目标增减量",
        K::NextPoints => "下年目标增减百分点",
        K::Share => "占比",
        K::PartShare => "分项占比",
        K::PartsSum => "分项合计",
        K::Streak => "连续增减年数",
        K::RecordHigh => "历史新高",
        K::Milestone => "首次突破",
        K::AverageGrowth => "年均增长",
        K::OutlookGrowth => "规划所需年均增长",
        K::Rank => "排名",
        K::AverageGap => "与平均水平差距",
        K::StatedGrowth => "报送增速",
        K::StatedRank => "报送排名",
        K::Approximation => "约数",
        K::NextGrowth => "计划增速对应目标",
    }
}

/// A sub-item's row, named with its indicator: 全社会研发经费投入（企业）.
pub fn part_name(indicator: &str, part: &str) -> String {
    super::label::qualified(indicator, part)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn naming(half_year: bool) -> Naming<'static> {
        static NAMES: fn(&str) -> Option<String> = |key| match key {
            "rd_spend" => Some("全社会研发经费投入".into()),
            "gdp" => Some("地区生产总值".into()),
            _ => None,
        };
        Naming {
            half_year,
            indicator: &NAMES,
        }
    }

    #[test]
    fn formulas_read_in_chinese() {
        let n = naming(false);
        assert_eq!(
            formula("(current − previous) ÷ previous × 100", &n).unwrap(),
            "（本年数 − 上年数）÷ 上年数 × 100"
        );
        assert_eq!(
            formula("rd_spend × 0.0001 ÷ gdp × 100", &n).unwrap(),
            "全社会研发经费投入 × 0.0001 ÷ 地区生产总值 × 100"
        );
        assert_eq!(
            formula("((current ÷ base)^(1 ÷ years) − 1) × 100", &n).unwrap(),
            "（（本年数 ÷ 起始年数值）^（1 ÷ 年数）− 1）× 100"
        );
        assert_eq!(
            formula("current (万元) × 0.0001 → 亿元", &n).unwrap(),
            "本年数（万元）× 0.0001 → 亿元"
        );
        assert_eq!(formula("sum of parts", &n).unwrap(), "各分项之和");
        assert_eq!(
            formula("current − previous", &naming(true)).unwrap(),
            "本期数 − 上年同期数"
        );
    }

    #[test]
    fn an_unknown_word_is_refused_not_shown_half_translated() {
        assert!(formula("current − mystery", &naming(false)).is_none());
    }
}
