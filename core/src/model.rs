//! The task table as the app ships it: the schema of `data/taian-2017.json`
//! (documented in `docs/data-format.md`). Written by `gk-import`, read by the app.

use serde::{Deserialize, Serialize};

/// The whole table of one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub dataset: Dataset,
    pub pillars: Vec<Pillar>,
    pub sections: Vec<Section>,
    pub units: Vec<Unit>,
    pub tasks: Vec<Task>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    /// Stable id, e.g. `taian-2017`; state files name it so that a file of another year is refused.
    pub id: String,
    pub title: String,
}

/// One of the six pillars (以政务公开助力稳增长, …), numbered 1–6 in source order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pillar {
    pub id: u8,
    pub name: String,
    /// Short name for chips and narrow screens, e.g. 稳增长.
    pub short: String,
}

/// A section within a pillar, e.g. `1.1` （一）加强预期引导.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// `"P.S"`.
    pub id: String,
    pub pillar: u8,
    pub name: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Unit {
    pub name: String,
    pub kind: UnitKind,
    /// For a group: the names of its member units. Empty otherwise.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<String>,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// `"P.S.N"`, e.g. `1.1.1`.
    pub id: String,
    pub pillar: u8,
    /// Section id `"P.S"`.
    pub section: String,
    /// The numbered item heading (`1.加强……`), or empty.
    #[serde(default)]
    pub item: String,
    /// 工作任务及要求. Paragraphs are separated by `\n`.
    pub text: String,
    /// 牵头单位, in source order.
    pub lead: Vec<String>,
    /// 责任单位, in source order, without any unit that is also a lead.
    pub responsible: Vec<String>,
    /// The time requirements found in the text.
    #[serde(default)]
    pub time: Vec<TimeReq>,
}

/// A time requirement found in a task's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeReq {
    pub tag: TimeTag,
    /// The words of the text it was found in, e.g. `按季度` or `7个工作日内`.
    pub phrase: String,
}

/// The time tags users filter and sort by. The URL key `time` takes the serde name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TimeTag {
    // Cadences.
    /// 每周.
    Weekly,
    /// 每五日 (grain-buying season).
    FiveDays,
    /// 按月.
    Monthly,
    /// 按季度 / 每季度 / 每季.
    Quarterly,
    /// 每年.
    Yearly,
    /// 定期.
    Regular,
    // Deadlines.
    /// 5月底前: by 2017-05-31.
    #[serde(rename = "by-2017-05")]
    By2017May,
    /// 6月底前: by the end of June, each year.
    #[serde(rename = "by-june")]
    ByJune,
    /// 2017年底前 / 年内: by 2017-12-31.
    #[serde(rename = "by-2017-end")]
    By2017End,
    /// 到2018年: during 2018.
    #[serde(rename = "in-2018")]
    In2018,
    // Relative to an event.
    /// N个工作日内.
    WorkingDays,
    /// 5小时内 / 24小时内 after a major emergency.
    Hours,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeKind {
    Cadence,
    Deadline,
    Relative,
}

impl TimeTag {
    pub const ALL: [TimeTag; 12] = [
        TimeTag::Weekly,
        TimeTag::FiveDays,
        TimeTag::Monthly,
        TimeTag::Quarterly,
        TimeTag::Yearly,
        TimeTag::Regular,
        TimeTag::By2017May,
        TimeTag::ByJune,
        TimeTag::By2017End,
        TimeTag::In2018,
        TimeTag::WorkingDays,
        TimeTag::Hours,
    ];

    pub fn kind(self) -> TimeKind {
        use TimeTag::*;
        match self {
            Weekly | FiveDays | Monthly | Quarterly | Yearly | Regular => TimeKind::Cadence,
            By2017May | ByJune | By2017End | In2018 => TimeKind::Deadline,
            WorkingDays | Hours => TimeKind::Relative,
        }
    }

    /// The tag's name in URLs and files.
    pub fn key(self) -> &'static str {
        use TimeTag::*;
        match self {
            Weekly => "weekly",
            FiveDays => "five-days",
            Monthly => "monthly",
            Quarterly => "quarterly",
            Yearly => "yearly",
            Regular => "regular",
            By2017May => "by-2017-05",
            ByJune => "by-june",
            By2017End => "by-2017-end",
            In2018 => "in-2018",
            WorkingDays => "working-days",
            Hours => "hours",
        }
    }

    pub fn from_key(key: &str) -> Option<TimeTag> {
        TimeTag::ALL.into_iter().find(|t| t.key() == key)
    }

    /// The Chinese label shown to users.
    pub fn label(self) -> &'static str {
        use TimeTag::*;
        match self {
            Weekly => "每周",
            FiveDays => "每五日",
            Monthly => "按月",
            Quarterly => "按季度",
            Yearly => "每年",
            Regular => "定期",
            By2017May => "2017年5月底前",
            ByJune => "每年6月底前",
            By2017End => "2017年底前",
            In2018 => "2018年内",
            WorkingDays => "限定工作日内",
            Hours => "限定小时内",
        }
    }
}

impl Table {
    /// Parses the task-table JSON (the derived deserializer: a missing `item`, `time` or
    /// `members` is empty).
    pub fn from_json(json: &str) -> Result<Table, serde_json::Error> {
        serde_json::from_str(json)
    }

    pub fn unit(&self, name: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.name == name)
    }

    pub fn task(&self, id: &str) -> Option<&Task> {
        self.tasks.iter().find(|t| t.id == id)
    }

    pub fn pillar(&self, id: u8) -> Option<&Pillar> {
        self.pillars.iter().find(|p| p.id == id)
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn time_tag_keys_round_trip_and_match_serde() {
        for tag in TimeTag::ALL {
            assert_eq!(TimeTag::from_key(tag.key()), Some(tag));
            let json = serde_json::to_string(&tag).unwrap();
            assert_eq!(json, format!("\"{}\"", tag.key()));
        }
        assert_eq!(TimeTag::from_key("每周"), None);
    }
}
