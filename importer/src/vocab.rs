//! What this reader knows of the Tai'an-style text that the table file then carries as data:
//! the kinds of unit and their picker headings, the groups' scope and short names, the time
//! requirements with their keys, labels and dates (all relative to the table's year, read from
//! its title), and the receiving office (from the title's place name).

use gk_core::model::{AfterUnit, Date, Kind, Office, Period, Scope, TimeDef, TimeRule};

/// The kinds of unit this reader tells apart (by name, `cells::unit_kind`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum UnitKind {
    /// A municipal department or unit: its name begins with 市.
    Department,
    /// One of the six county-level divisions (泰山区, …).
    County,
    /// One of the three colleges.
    College,
    /// A central-government branch (人行泰安市中心支行, 泰安银监分局).
    Agency,
    /// A name that stands for several units, e.g. 各县（市、区）.
    Group,
}

impl UnitKind {
    /// The kind's key in the table file.
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Department => "department",
            UnitKind::County => "county",
            UnitKind::College => "college",
            UnitKind::Agency => "agency",
            UnitKind::Group => gk_core::model::GROUP,
        }
    }
}

/// The table's `kinds`: the picker lists departments, then counties, then the others.
pub fn kinds() -> Vec<Kind> {
    [
        ("department", "市直部门"),
        ("county", "县（市、区）"),
        ("agency", "其他单位"),
        ("college", "其他单位"),
    ]
    .map(|(key, heading)| Kind {
        key: key.into(),
        heading: heading.into(),
    })
    .to_vec()
}

/// A group's scope: "the departments concerned" (有关部门) bind only the members concerned.
pub fn scope(group: &str) -> Scope {
    match group.contains("有关部门") {
        true => Scope::Concerned,
        false => Scope::All,
    }
}

/// A group's short name for labels: without the `（单位）` suffix (市政府各部门（单位） →
/// 市政府各部门); `None` when it has none (各县（市、区） keeps its parentheses).
pub fn short(group: &str) -> Option<String> {
    group.strip_suffix("（单位）").map(str::to_string)
}

/// The year a title begins with (`2017年…`).
pub fn year_of(title: &str) -> Option<i32> {
    let digits: String = title.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .ok()
        .filter(|_| title[digits.len()..].starts_with('年'))
}

/// The office that receives the units' files: the people's government office of the place
/// the title names (`2017年泰安市政务公开…` → 泰安市人民政府办公室, shown as 市政府办公室).
pub fn office_of(title: &str) -> Option<Office> {
    let after_year = title.split_once('年')?.1;
    let place = after_year.split_once("政务公开")?.0;
    let level = place.chars().last()?;
    Some(Office {
        name: format!("{place}人民政府办公室"),
        short: format!("{level}政府办公室"),
    })
}

/// The time requirements this reader finds in task texts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TimeTag {
    /// 每周.
    Weekly,
    /// 每五日 (grain-buying season): checked weekly.
    FiveDays,
    /// 按月.
    Monthly,
    /// 按季度 / 每季度 / 每季.
    Quarterly,
    /// 每年.
    Yearly,
    /// 定期.
    Regular,
    /// 5月底前: by 31 May of the year.
    ByMay,
    /// 6月底前: by the end of June (每年6月底前), the year's.
    ByJune,
    /// <year>年底前 / 年内: by the end of the year.
    ByYearEnd,
    /// 到<year + 1>年: during the next year.
    NextYear,
    /// N个工作日内.
    WorkingDays,
    /// 5小时内 / 24小时内 after a major emergency.
    Hours,
}

impl TimeTag {
    pub const ALL: [TimeTag; 12] = [
        TimeTag::Weekly,
        TimeTag::FiveDays,
        TimeTag::Monthly,
        TimeTag::Quarterly,
        TimeTag::Yearly,
        TimeTag::Regular,
        TimeTag::ByMay,
        TimeTag::ByJune,
        TimeTag::ByYearEnd,
        TimeTag::NextYear,
        TimeTag::WorkingDays,
        TimeTag::Hours,
    ];

    /// The tag's key in the table file (and in links): `by-2017-05` for 2017's 5月底前.
    pub fn key(self, year: i32) -> String {
        use TimeTag::*;
        match self {
            Weekly => "weekly".into(),
            FiveDays => "five-days".into(),
            Monthly => "monthly".into(),
            Quarterly => "quarterly".into(),
            Yearly => "yearly".into(),
            Regular => "regular".into(),
            ByMay => format!("by-{year}-05"),
            ByJune => "by-june".into(),
            ByYearEnd => format!("by-{year}-end"),
            NextYear => format!("in-{}", year + 1),
            WorkingDays => "working-days".into(),
            Hours => "hours".into(),
        }
    }

    /// The label of the time filter's option.
    pub fn label(self, year: i32) -> String {
        use TimeTag::*;
        match self {
            Weekly => "每周".into(),
            FiveDays => "每五日".into(),
            Monthly => "按月".into(),
            Quarterly => "按季度".into(),
            Yearly => "每年".into(),
            Regular => "定期".into(),
            ByMay => format!("{year}年5月底前"),
            ByJune => "每年6月底前".into(),
            ByYearEnd => format!("{year}年底前"),
            NextYear => format!("{}年内", year + 1),
            WorkingDays => "限定工作日内".into(),
            Hours => "限定小时内".into(),
        }
    }

    /// What it asks, in `year`. `by-june` (每年6月底前) recurs each year, but the table is the
    /// year's: its deadline is 30 June of it. `in-<year + 1>` allows the whole next year.
    pub fn rule(self, year: i32) -> TimeRule {
        use gk_core::model::Month::*;
        use TimeTag::*;
        let day = |y: i32, m, d| Date::from_calendar_date(y, m, d).unwrap_or(Date::MAX);
        match self {
            Weekly | FiveDays => TimeRule::Every(Some(Period::Week)),
            Monthly => TimeRule::Every(Some(Period::Month)),
            Quarterly => TimeRule::Every(Some(Period::Quarter)),
            Yearly => TimeRule::Every(Some(Period::Year)),
            Regular => TimeRule::Every(None),
            ByMay => TimeRule::Due(day(year, May, 31)),
            ByJune => TimeRule::Due(day(year, June, 30)),
            ByYearEnd => TimeRule::Due(day(year, December, 31)),
            NextYear => TimeRule::Due(day(year + 1, December, 31)),
            WorkingDays => TimeRule::After(AfterUnit::WorkingDays),
            Hours => TimeRule::After(AfterUnit::Hours),
        }
    }

    pub fn def(self, year: i32) -> TimeDef {
        TimeDef {
            key: self.key(year),
            label: self.label(year),
            rule: self.rule(year),
        }
    }
}
