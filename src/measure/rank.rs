//! Rankings across the reports of one period: each region's rank per indicator (ties share
//! a rank), its rank within a peer group, the gap to the region ahead and the one behind, its
//! position against the average and its move since last year.
//!
//! Ranking needs every region's figures, but not their drafts: [`Standing`] keeps the little
//! each report contributes, so a batch of thousands holds well under a kilobyte per region,
//! not whole reports, while it ranks. What an indicator is (its name, unit, period and
//! direction) is the same in every file of a set, and is held once ([`Meanings`]).

use std::collections::HashSet;
use std::sync::{Arc, Mutex, PoisonError};

use crate::diagnostic::Finding;
use indexmap::IndexMap;
use rust_decimal::Decimal;

use super::decimal::round_half_up;
use super::facts::{Neighbour, Rank};
use super::{Calc, Change, Facts, Figure, FigureKind, Places, RankField, Says, units};
use crate::model::{Better, IndicatorKind, ReportFile, ReportKind};

/// What one report contributes to the rankings of its period.
#[derive(Debug, Clone)]
pub struct Standing {
    pub region: String,
    /// Reports are ranked only against reports of the same period under the same superior
    /// (the counties of one city; a city's own report is not ranked with its counties).
    pub period: (i32, ReportKind, u32, Option<String>),
    pub peer_group: Option<String>,
    pub entries: Vec<Entry>,
}

/// One indicator of one report, as ranking needs it.
#[derive(Debug, Clone)]
pub struct Entry {
    pub meaning: Arc<Meaning>,
    pub value: Decimal,
    pub places: Places,
    pub growth: Option<Decimal>,
    pub last_rank: Option<u32>,
}

/// What an indicator key stands for in one file: a set ranks one key only when its files
/// agree on it (see [`crate::ops::set`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Meaning {
    pub key: String,
    /// The name and own period as a reader sees them.
    pub name: String,
    pub period: Option<String>,
    pub unit: String,
    pub kind: IndicatorKind,
    pub better: Better,
}

/// The meanings of a set's indicators, each held once however many files share it.
#[derive(Debug, Default)]
pub struct Meanings(Mutex<HashSet<Arc<Meaning>>>);

impl Meanings {
    fn intern(&self, meaning: Meaning) -> Arc<Meaning> {
        // A panic elsewhere while the lock was held leaves the set as it was: still usable.
        let mut held = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        match held.get(&meaning) {
            Some(m) => Arc::clone(m),
            None => {
                let m = Arc::new(meaning);
                held.insert(Arc::clone(&m));
                m
            }
        }
    }
}

/// The rankings of one report, and their audit trail.
#[derive(Debug, Clone, Default)]
pub struct Ranked {
    pub ranks: IndexMap<String, Rank>,
    pub figures: Vec<Figure>,
}

impl Standing {
    /// What `file` (measured as `facts`) contributes to rankings; what its indicators are is
    /// held in `meanings`, shared by the set.
    pub fn of(file: &ReportFile, facts: &Facts, meanings: &Meanings) -> Standing {
        // Names as a reader sees them, so that one city typed two ways is one city.
        Standing {
            region: crate::safe::same_name(&file.report.region),
            period: (
                file.report.year,
                file.report.kind,
                facts.report.months,
                file.report.city.as_deref().map(crate::safe::same_name),
            ),
            peer_group: file.report.peer_group.clone(),
            entries: facts
                .indicators
                .iter()
                .map(|(key, f)| Entry {
                    meaning: meanings.intern(Meaning {
                        key: key.clone(),
                        name: crate::safe::same_name(&f.name),
                        period: f.period.as_deref().map(crate::safe::same_name),
                        unit: f.unit.clone(),
                        kind: f.kind,
                        better: f.better,
                    }),
                    value: f.current,
                    places: f.places,
                    growth: f.growth(),
                    last_rank: file.indicators.get(key).and_then(|i| i.last_rank),
                })
                .collect(),
        }
    }

    /// The entry of indicator `key`, if the report has it.
    pub fn entry(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.meaning.key == key)
    }
}

/// Every ranking of a batch: per period and indicator, the regions best first. Each region's
/// standing is read out when it is drafted ([`Rankings::of`]).
#[derive(Debug, Default)]
pub struct Rankings {
    standings: Vec<Standing>,
    tables: Vec<Table>,
    /// For each standing, the tables it appears in with its place there.
    places: Vec<Vec<(u32, u32)>>,
}

/// One indicator's ranking within one period.
#[derive(Debug)]
struct Table {
    key: String,
    unit: String,
    /// Best first: (standing, value in `unit` rounded at its precision). Indices are `u32`:
    /// a national batch holds one per region and indicator.
    places: Vec<(u32, Decimal)>,
    ranks: Vec<u32>,
    mean: Decimal,
    /// Growth ranks in the order of `places`, when every ranked region has a growth rate.
    growth_ranks: Option<Vec<u32>>,
    /// Peer-group ranks by standing.
    peers: IndexMap<usize, (String, u32)>,
}

impl Rankings {
    /// Ranks every report against the others of its period. An indicator is ranked when at
    /// least two reports of the period carry it.
    pub fn new(standings: Vec<Standing>) -> Rankings {
        let mut tables = Vec::new();
        let mut periods: Vec<&(i32, ReportKind, u32, Option<String>)> =
            standings.iter().map(|s| &s.period).collect();
        periods.sort_by_key(|p| (p.0, p.1 == ReportKind::HalfYear, p.2, p.3.clone()));
        periods.dedup();
        for period in periods {
            let members: Vec<usize> = (0..standings.len())
                .filter(|&i| &standings[i].period == period)
                .collect();
            let mut keys: Vec<&String> = members
                .iter()
                .flat_map(|&i| standings[i].entries.iter().map(|e| &e.meaning.key))
                .collect();
            keys.sort();
            keys.dedup();
            tables.extend(
                keys.into_iter()
                    .filter_map(|k| table(&standings, &members, k)),
            );
        }
        let mut places = vec![Vec::new(); standings.len()];
        for (t, table) in tables.iter().enumerate() {
            for (place, (member, _)) in table.places.iter().enumerate() {
                places[*member as usize].push((t as u32, place as u32));
            }
        }
        Rankings {
            standings,
            tables,
            places,
        }
    }

    /// The rankings of standing `member`, with their audit trail.
    pub fn of(&self, member: usize) -> Ranked {
        let mut ranked = Ranked::default();
        for &(t, index) in self.places.get(member).into_iter().flatten() {
            self.phrase(&self.tables[t as usize], index as usize, &mut ranked);
        }
        ranked
    }

    fn phrase(&self, table: &Table, index: usize, out: &mut Ranked) {
        let all = &self.standings;
        let key = table.key.as_str();
        let (me_index, value) = table.places[index];
        let me_index = me_index as usize;
        let count = table.places.len();
        let rank = table.ranks[index];
        let me = &all[me_index];
        // Gaps are shown in the member's own unit.
        let Some(own) = me.entry(key) else {
            return;
        };
        let back = units::factor(&table.unit, &own.meaning.unit).unwrap_or(Decimal::ONE);
        let gap = |other: Decimal| {
            // A converted gap carries the factor's decimals, which nobody typed.
            let gap = ((value - other) * back).normalize();
            Change::new(gap, own.places.of(gap))
        };
        let neighbour = |step: isize| {
            let mut j = index as isize + step;
            while j >= 0 && (j as usize) < count && table.places[j as usize].1 == value {
                j += step;
            }
            (j >= 0 && (j as usize) < count).then(|| table.places[j as usize])
        };
        let beside = |step: isize| {
            neighbour(step).map(|(m, v)| Neighbour {
                region: all[m as usize].region.clone(),
                gap: gap(v),
            })
        };
        // The neighbours, not every region: a national batch has thousands.
        let mut values = vec![("value", value), ("ranked", Decimal::from(count))];
        values.extend(neighbour(-1).map(|p| ("ahead", p.1)));
        values.extend(neighbour(1).map(|p| ("behind", p.1)));
        let calc = Calc {
            kind: FigureKind::Rank,
            inputs: &values,
            formula: "position among the ranked values, best first; equal values share a rank",
            exact: Decimal::from(rank),
            places: 0,
        };
        out.figures
            .push(calc.figure(key, Says::Rank(RankField::Position)));
        let calc = Calc {
            kind: FigureKind::AverageGap,
            inputs: &[("value", value), ("average", table.mean)],
            formula: "value − mean of the ranked values",
            exact: (value - table.mean) * back,
            places: own.places.computed(),
        };
        out.figures
            .push(calc.figure(key, Says::Rank(RankField::Average)));
        out.ranks.insert(
            key.to_string(),
            Rank {
                rank,
                of: Some(count),
                tied: false,
                stated: false,
                within: me.period.3.clone(),
                ahead: beside(-1),
                behind: beside(1),
                average: Some(Change::new(
                    (value - table.mean) * back,
                    own.places.computed(),
                )),
                moved: own.last_rank.map(|last| i64::from(last) - i64::from(rank)),
                growth_rank: table.growth_ranks.as_ref().map(|g| g[index]),
                peer: table.peers.get(&me_index).cloned(),
            },
        );
    }
}

/// The ranking of `key` among `members`, or `None` when fewer than two carry it.
fn table(all: &[Standing], members: &[usize], key: &str) -> Option<Table> {
    let first = members.iter().find_map(|&i| all[i].entry(key))?;
    let (unit, better) = (first.meaning.unit.clone(), first.meaning.better);
    // Ranked at the most decimals any member's figures carry: one county's 4.5 must not
    // round another's 4.54 into a tie.
    let precision = members
        .iter()
        .filter_map(|&i| all[i].entry(key))
        .map(|e| e.places.computed())
        .max()
        .unwrap_or(0);
    let mut places: Vec<(u32, Decimal, Option<Decimal>)> = members
        .iter()
        .filter_map(|&i| {
            let e = all[i].entry(key)?;
            let factor = units::factor(&e.meaning.unit, &unit)?;
            Some((
                i as u32,
                round_half_up(e.value * factor, precision),
                e.growth,
            ))
        })
        .collect();
    if places.len() < 2 {
        return None;
    }
    let better_first = |a: Decimal, b: Decimal| match better {
        Better::Higher => b.cmp(&a),
        Better::Lower => a.cmp(&b),
    };
    places.sort_by(|a, b| better_first(a.1, b.1).then(a.0.cmp(&b.0)));
    let mean = places.iter().map(|p| p.1).sum::<Decimal>() / Decimal::from(places.len());
    let ranks = competition_ranks(&places.iter().map(|p| p.1).collect::<Vec<_>>());
    let growth_ranks = places.iter().all(|p| p.2.is_some()).then(|| {
        // (place, standing, growth), best growth first; ties by standing as above.
        let mut by_growth: Vec<(usize, u32, Decimal)> = places
            .iter()
            .enumerate()
            .map(|(place, p)| {
                let growth = p.2.unwrap_or_default();
                let growth = round_half_up(growth, super::DEFAULT_PERCENT_PRECISION);
                (place, p.0, growth)
            })
            .collect();
        by_growth.sort_by(|a, b| better_first(a.2, b.2).then(a.1.cmp(&b.1)));
        let r = competition_ranks(&by_growth.iter().map(|g| g.2).collect::<Vec<_>>());
        let mut by_place = vec![0; places.len()];
        for (g, r) in by_growth.iter().zip(r) {
            by_place[g.0] = r;
        }
        by_place
    });
    let places: Vec<(u32, Decimal)> = places.into_iter().map(|(m, v, _)| (m, v)).collect();
    let peers = peer_ranks(all, &places);
    Some(Table {
        key: key.to_string(),
        unit,
        places,
        ranks,
        mean,
        growth_ranks,
        peers,
    })
}

/// 1, 2, 2, 4: equal values share a rank and the next rank skips.
fn competition_ranks(sorted: &[Decimal]) -> Vec<u32> {
    let mut ranks = Vec::with_capacity(sorted.len());
    for (i, v) in sorted.iter().enumerate() {
        let rank = if i > 0 && sorted[i - 1] == *v {
            ranks[i - 1]
        } else {
            i as u32 + 1
        };
        ranks.push(rank);
    }
    ranks
}

/// Each member's rank within its peer group, where two or more share one.
fn peer_ranks(all: &[Standing], places: &[(u32, Decimal)]) -> IndexMap<usize, (String, u32)> {
    let mut out = IndexMap::new();
    let mut groups: Vec<&str> = places
        .iter()
        .filter_map(|p| all[p.0 as usize].peer_group.as_deref())
        .collect();
    groups.sort();
    groups.dedup();
    for group in groups {
        // `places` is already best first; the group keeps that order.
        let in_group: Vec<_> = places
            .iter()
            .filter(|p| all[p.0 as usize].peer_group.as_deref() == Some(group))
            .collect();
        if in_group.len() < 2 {
            continue;
        }
        let ranks = competition_ranks(&in_group.iter().map(|p| p.1).collect::<Vec<_>>());
        for (p, r) in in_group.iter().zip(ranks) {
            out.insert(p.0 as usize, (group.to_string(), r));
        }
    }
    out
}

/// Places a report's rankings into its facts.
///
/// A rank the file states is kept: it is the published one. Where the batch ranked the same
/// indicator in the same area and placed the region otherwise, the finding says both.
pub fn apply(facts: &mut Facts, ranked: Ranked) -> Vec<Finding> {
    let mut found = Vec::new();
    for (key, rank) in ranked.ranks {
        let Some(f) = facts.indicators.get_mut(&key) else {
            continue;
        };
        match &f.rank {
            Some(stated) if stated.stated => {
                let areas = (
                    stated.within.as_deref().map(same_area),
                    rank.within.as_deref().map(same_area),
                );
                if areas.0 == areas.1 && stated.rank != rank.rank {
                    found.push(
                        Finding::warning(
                            format!("indicators.{key}.stated_rank.position"),
                            format!(
                                "the stated rank of {} in {} is {}, but among the files ranked together it is {} of {}",
                                f.name,
                                stated.within.as_deref().unwrap_or_default(),
                                stated.rank,
                                rank.rank,
                                rank.of.unwrap_or_default()
                            ),
                        )
                        .help("check the published rank and the other files' figures; the draft prints the stated rank"),
                    );
                }
            }
            _ => f.rank = Some(rank),
        }
    }
    facts.figures.extend(ranked.figures);
    found
}

/// An area's name without its level, so that 怀化 and 怀化市 are one area.
fn same_area(name: &str) -> &str {
    let name = name.trim();
    name.strip_suffix(crate::zh::period::AREA_LEVELS)
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A ranking's words, gaps counted in 家.
    fn said(rank: &Rank, field: RankField) -> Option<String> {
        crate::zh::cite::rank_text(field, rank, "家")
    }

    /// Every standing's rankings, in order.
    fn rank(all: &[Standing]) -> Vec<Ranked> {
        let rankings = Rankings::new(all.to_vec());
        (0..all.len()).map(|i| rankings.of(i)).collect()
    }

    fn standing(region: &str, value: i64, growth: i64, peer: Option<&str>) -> Standing {
        let entries = vec![Entry {
            meaning: Arc::new(Meaning {
                key: "hte".into(),
                name: "高新技术企业".into(),
                period: None,
                unit: "家".into(),
                kind: IndicatorKind::Count,
                better: Better::Higher,
            }),
            value: Decimal::from(value),
            places: Places::Fixed(0),
            growth: Some(Decimal::from(growth)),
            last_rank: Some(4),
        }];
        Standing {
            region: region.into(),
            period: (2024, ReportKind::Annual, 12, Some("某市".into())),
            peer_group: peer.map(String::from),
            entries,
        }
    }

    #[test]
    fn figures_typed_to_other_decimals_are_not_rounded_into_a_tie() {
        let typed = |region: &str, value: &str| {
            let mut s = standing(region, 0, 0, None);
            let e = &mut s.entries[0];
            e.value = value.parse().unwrap();
            let meaning = Arc::make_mut(&mut e.meaning);
            meaning.unit = "亿元".into();
            meaning.kind = IndicatorKind::Amount;
            e.places = Places::AsTyped {
                cap: 2,
                computed: e.value.scale(),
            };
            s
        };
        // The first county typed one decimal; the second's 4.54 must not read as 4.5.
        let ranked = rank(&[typed("甲县", "4.5"), typed("乙县", "4.54")]);
        assert_eq!(ranked[1].ranks["hte"].rank, 1);
        assert_eq!(ranked[0].ranks["hte"].rank, 2);
        let gap = said(&ranked[0].ranks["hte"], RankField::Ahead).unwrap();
        assert!(gap.contains("少0.04"), "{gap}");
    }

    #[test]
    fn ranks_gaps_ties_and_moves() {
        // The reference's own sentence: 衡阳 ahead by 92, 常德 behind by 21.
        let all = [
            standing("衡阳市", 262, 30, Some("A")),
            standing("株洲市", 217, 10, None),
            standing("岳阳市", 170, 20, Some("A")),
            standing("常德市", 149, 5, Some("A")),
            standing("湘潭市", 149, 40, None),
        ];
        let ranked = rank(&all);
        let yy = &ranked[2].ranks["hte"];
        assert_eq!(yy.rank, 3);
        assert_eq!(said(yy, RankField::Position).unwrap(), "居某市第三位");
        assert_eq!(
            said(yy, RankField::Ahead).as_deref(),
            Some("比前一名株洲市少47家")
        );
        assert_eq!(
            said(yy, RankField::Behind).as_deref(),
            Some("比后一名常德市多21家")
        );
        assert_eq!(
            said(yy, RankField::Change).as_deref(),
            Some("比上年前移1位")
        );
        assert_eq!(
            said(yy, RankField::Text).unwrap(),
            "居某市第三位，比上年前移1位"
        );
        assert_eq!(
            said(yy, RankField::Detail).unwrap(),
            "居某市第三位，比前一名株洲市少47家，比后一名常德市多21家"
        );
        // Mean of 262, 217, 170, 149, 149 is 189.4 → 19家 below.
        assert_eq!(
            said(yy, RankField::Average).unwrap(),
            "低于某市平均水平19家"
        );
        assert_eq!(
            said(yy, RankField::Growth).as_deref(),
            Some("增速居某市第三位")
        );
        assert_eq!(said(yy, RankField::Peer).as_deref(), Some("居A第二位"));
        // Ties share a rank; the one after skips.
        assert_eq!(ranked[3].ranks["hte"].rank, 4);
        assert_eq!(ranked[4].ranks["hte"].rank, 4);
        assert!(said(&ranked[4].ranks["hte"], RankField::Behind).is_none());
        assert_eq!(
            said(&ranked[0].ranks["hte"], RankField::Change).as_deref(),
            Some("比上年前移3位")
        );
        assert!(said(&ranked[0].ranks["hte"], RankField::Ahead).is_none());
    }

    #[test]
    fn different_periods_are_not_ranked_together() {
        let mut h1 = standing("甲县", 10, 1, None);
        h1.period = (2024, ReportKind::HalfYear, 6, Some("某市".into()));
        let ranked = rank(&[standing("乙县", 20, 1, None), h1]);
        assert!(ranked.iter().all(|r| r.ranks.is_empty()));
    }
}
