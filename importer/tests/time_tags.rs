//! Time requirements found in the real task texts: every tag present in the 2017 table, and
//! the decisions on ambiguous words.

mod common;

use common::{table, task};
use gk_import::vocab::TimeTag::{self, *};

/// The reader's tag of a key in the 2017 table.
fn tag_of(key: &str) -> TimeTag {
    TimeTag::ALL
        .into_iter()
        .find(|t| t.key(2017) == key)
        .unwrap_or_else(|| panic!("unknown tag {key}"))
}

/// The (tag, phrase) pairs of task `id`, checked against a snippet of its text.
fn time(id: &str, snippet: &str) -> Vec<(TimeTag, String)> {
    task(id, snippet)
        .time
        .iter()
        .map(|t| (tag_of(&t.tag), t.phrase.clone()))
        .collect()
}

fn req(tag: TimeTag, phrase: &str) -> (TimeTag, String) {
    (tag, phrase.to_string())
}

/// The ids of the tasks with `tag`.
fn with(tag: TimeTag) -> Vec<&'static str> {
    table()
        .tasks
        .iter()
        .filter(|t| t.time.iter().any(|r| r.tag == tag.key(2017)))
        .map(|t| t.id.as_str())
        .collect()
}

#[test]
fn weekly() {
    assert_eq!(
        time("2.3.2", "每周发布市内主要批发市场价格信息"),
        [req(Weekly, "每周")]
    );
    assert_eq!(with(Weekly), ["2.3.2"]);
}

#[test]
fn five_days() {
    assert_eq!(
        time("2.3.1", "夏秋粮收购旺季每五日发布"),
        [req(FiveDays, "每五日")]
    );
    assert_eq!(with(FiveDays), ["2.3.1"]);
}

#[test]
fn monthly() {
    assert_eq!(
        time("1.1.5", "按月公开全市财政收支情况"),
        [req(Monthly, "按月")]
    );
    assert_eq!(
        time("4.2.3", "按月发布全市水、气环境质量状况"),
        [req(Monthly, "按月")]
    );
    assert_eq!(with(Monthly), ["1.1.5", "4.2.3"]);
}

/// 按季度 and 每季度; 每季 is a prefix of 每季度 and counts once. 季度抽查 (6.4.1: the quarterly
/// spot checks of websites, which the general office runs) is not one of the words: no tag.
#[test]
fn quarterly() {
    assert_eq!(
        time("4.1.7", "按季度更新社会救助人数"),
        [req(Quarterly, "按季度")]
    );
    assert_eq!(
        time("4.2.6", "每季度向社会公开饮用水水源"),
        [req(Quarterly, "每季度")]
    );
    assert_eq!(
        time("5.2.10", "按季度公布房地产用地供应数据"),
        [req(Quarterly, "按季度")]
    );
    assert_eq!(with(Quarterly), ["4.1.7", "4.2.6", "5.2.10"]);
    assert!(time("6.4.1", "日常监测和季度抽查力度").is_empty());
}

/// 每年6月底前 (4.3.4) is both: the cadence 每年 and the deadline 6月底前, in that order.
/// 年度 (年度报告, 上一年度, 年度薪酬, …) is not 每年: no tag.
#[test]
fn yearly_and_by_june() {
    assert_eq!(
        time("4.3.4", "政府要在每年6月底前公开本辖区内"),
        [req(Yearly, "每年"), req(ByJune, "6月底前")]
    );
    assert_eq!(with(Yearly), ["4.3.4"]);
    assert_eq!(with(ByJune), ["4.3.4"]);
    assert!(time("4.3.1", "毕业生就业质量年度报告").is_empty());
    assert!(time("3.2.3", "公开上一年度化解过剩产能情况").is_empty());
}

/// Every 定期 is `regular`, also 定期常态性抽检 (4.4.3) and 定期审查机制 (6.2.1). Only the task
/// text counts, not the item: 5.2.2's item says 定期发布机制, its text has no time words.
#[test]
fn regular() {
    assert_eq!(
        time("1.2.5", "定期公布社会保险参保情况"),
        [req(Regular, "定期")]
    );
    assert_eq!(
        time("4.4.3", "强化食品安全定期常态性抽检"),
        [req(Regular, "定期")]
    );
    assert_eq!(
        with(Regular),
        [
            "1.2.5", "1.3.2", "2.2.1", "2.2.4", "3.3.1", "4.2.1", "4.4.2", "4.4.3", "5.2.1",
            "5.2.8", "5.2.9", "5.3.3", "6.2.1", "6.2.7"
        ]
    );
    let t = task("5.2.2", "做好对差别化信贷");
    assert!(t.item.contains("定期发布机制"));
    assert!(t.time.is_empty());
}

/// 年内 (4 tasks) always means "within 2017" here; each occurrence was checked:
/// 2.1.7 监管年内全覆盖目标, 2.1.11 年内实现市、县、乡三级联通, 6.1.2 主要负责人年内至少听取一次,
/// 6.2.1 要在年内完成. None is part of another word (no 2018年内, 三年内, …).
/// With 2.1.5 (2017年底前) these are the five tasks due by 2017-12-31.
#[test]
fn by_2017_end() {
    assert_eq!(
        time("2.1.5", "2017年底前完成对全市现行政府规章"),
        [req(ByYearEnd, "2017年底前")]
    );
    assert_eq!(
        time("2.1.11", "年内实现市、县、乡三级联通"),
        [req(ByYearEnd, "年内")]
    );
    assert_eq!(
        time("6.1.2", "主要负责人年内至少听取一次"),
        [req(ByYearEnd, "年内")]
    );
    assert_eq!(
        time("6.2.1", "要在年内完成将“五公开”纳入办文办会程序"),
        [req(ByYearEnd, "年内"), req(Regular, "定期")]
    );
    assert_eq!(
        with(ByYearEnd),
        ["2.1.5", "2.1.7", "2.1.11", "6.1.2", "6.2.1"]
    );
    let occurrences = common::SOURCE.matches("年内").count();
    assert_eq!(occurrences, 4);
}

/// 2.1.7 has two deadlines, in order of appearance: 年内 (full coverage within the year) and
/// 5月底前 (publish the spot-check list by the end of May).
#[test]
fn by_2017_may() {
    assert_eq!(
        time("2.1.7", "5月底前公布随机抽查事项清单"),
        [req(ByYearEnd, "年内"), req(ByMay, "5月底前")]
    );
    assert_eq!(with(ByMay), ["2.1.7"]);
}

#[test]
fn in_2018() {
    assert_eq!(
        time("6.6.3", "确保实现到2018年对全市政务公开工作人员轮训一遍"),
        [req(NextYear, "到2018年")]
    );
    assert_eq!(with(NextYear), ["6.6.3"]);
}

#[test]
fn working_days() {
    assert_eq!(
        time("4.1.3", "在本级人代会结束60个工作日内予以公开"),
        [req(WorkingDays, "60个工作日内")]
    );
    assert_eq!(
        time("6.6.1", "本方案公布后30个工作日内"),
        [req(WorkingDays, "30个工作日内")]
    );
    assert_eq!(with(WorkingDays), ["4.1.3", "6.6.1"]);
}

/// 6.3.5 says 5小时内 and 24小时内: one `hours` tag, with the first phrase.
#[test]
fn hours() {
    let t = task(
        "6.3.5",
        "最迟5小时内发布权威信息，24小时内必须举行新闻发布会",
    );
    assert_eq!(t.time.len(), 1);
    assert_eq!(
        (tag_of(&t.time[0].tag), t.time[0].phrase.as_str()),
        (Hours, "5小时内")
    );
    assert_eq!(with(Hours), ["6.3.5"]);
}

#[test]
fn every_tag_occurs_and_each_once_per_task() {
    for tag in TimeTag::ALL {
        assert!(!with(tag).is_empty(), "{tag:?} occurs in no task");
    }
    for t in &table().tasks {
        for (i, r) in t.time.iter().enumerate() {
            assert!(t.text.contains(&r.phrase), "{}: {}", t.id, r.phrase);
            assert!(t.time[..i].iter().all(|q| q.tag != r.tag), "{}", t.id);
        }
        // In order of first appearance.
        let positions: Vec<usize> = t
            .time
            .iter()
            .map(|r| t.text.find(&r.phrase).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{}", t.id);
    }
    let with_time = table().tasks.iter().filter(|t| !t.time.is_empty()).count();
    assert_eq!(with_time, 30);
}
