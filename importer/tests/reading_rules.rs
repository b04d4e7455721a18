//! One test per reading rule of the table (the domain notes, `docs/data-format.md`), each on a
//! real row of the 2017 table: the task id, a distinctive part of its text, and what the rule
//! resolves. Where it matters, the raw source row is checked too, so that the test really
//! exercises the rule (e.g. the cell is blank in the source).

mod common;

use common::{doc, line, names, row, table, task, SOURCE};
use gk_import::rows::{ITEM, LEAD, PILLAR, RESPONSIBLE, SECTION, TEXT};

const P1: &str = "以政务公开助力稳增长";
const ITEM_1_1_1: &str = "1.加强财政政策、金融政策和就业创业政策信息公开";
const LEAD_1_1_1: [&str; 5] = [
    "市发展改革委",
    "市经济和信息化委",
    "市财政局",
    "市金融办",
    "人行泰安市中心支行",
];
const COUNTIES: &str = "各县（市、区）";
const CONCERNED: &str = "市政府有关部门（单位）";
const ALL_DEPARTMENTS: &str = "市政府各部门（单位）";

/// Rule 1: a blank pillar cell is merged with the pillar above.
#[test]
fn merged_pillar_cell() {
    let r = row("1.1.2");
    assert_eq!(r.cells[PILLAR].raw, "");
    let t = task("1.1.2", "围绕优化融资结构和信贷结构等信贷政策");
    assert_eq!(t.pillar, 1);
    assert_eq!(table().pillar(1).unwrap().name, P1);
}

/// Rule 2: a blank section cell is merged with the section above.
#[test]
fn merged_section_cell() {
    assert_eq!(row("1.1.2").cells[SECTION].raw, "");
    let t = task("1.1.2", "围绕优化融资结构和信贷结构等信贷政策");
    assert_eq!(t.section, "1.1");
    assert_eq!(table().section("1.1").unwrap().name, "（一）加强预期引导");
}

/// Rule 3: a blank item cell keeps the item above, until the section changes.
#[test]
fn merged_item_cell_and_item_cleared_by_section() {
    assert_eq!(row("1.1.3").cells[ITEM].raw, "");
    let t = task("1.1.3", "加强舆情收集研判");
    assert_eq!(t.item, ITEM_1_1_1);
    // Item 3 of section 1.1 is followed by section 1.2, whose rows have no item.
    assert_eq!(task("1.1.7", "审计结果公告体系").item, "3.加强审计信息公开");
    assert_eq!(row("1.2.1").cells[ITEM].raw, "");
    assert_eq!(task("1.2.1", "围绕落实减税降费政策措施").item, "");
}

/// Rule 4: a blank lead cell keeps the lead above.
#[test]
fn merged_lead_cell() {
    assert_eq!(row("1.1.2").cells[LEAD].raw, "");
    let t = task("1.1.2", "围绕优化融资结构和信贷结构等信贷政策");
    assert_eq!(t.lead, names(&LEAD_1_1_1));
}

/// Rule 5: a blank responsible cell keeps the responsible units above, also in a row with an
/// explicit lead that does not name 各县（市、区）.
#[test]
fn merged_responsible_cell() {
    assert_eq!(row("1.1.2").cells[RESPONSIBLE].raw, "");
    let t = task("1.1.2", "围绕优化融资结构和信贷结构等信贷政策");
    assert_eq!(t.responsible, names(&[COUNTIES, CONCERNED]));

    // 2.2.7: explicit lead 市煤炭局, blank responsible: keeps 各县（市、区） from 2.2.6.
    let r = row("2.2.7");
    assert_eq!(r.cells[LEAD].raw, "市煤炭局牵头落实");
    assert_eq!(r.cells[RESPONSIBLE].raw, "");
    let t = task("2.2.7", "公开煤炭企业改革重组信息");
    assert_eq!(t.lead, names(&["市煤炭局"]));
    assert_eq!(t.responsible, names(&[COUNTIES]));

    // 4.2.7 (河长制): the same with 市水利渔业局.
    let t = task("4.2.7", "河长制");
    assert_eq!(t.lead, names(&["市水利渔业局"]));
    assert_eq!(t.responsible, names(&[COUNTIES]));
}

/// Page breaks repeat the pillar and section cells: the same name is the same pillar or
/// section, not a new one, and the numbering goes on.
#[test]
fn page_break_repeats_pillar_and_section() {
    // 1.2.1 repeats the pillar (new section); 1.4.1 repeats it again.
    assert_eq!(row("1.2.1").cells[PILLAR].raw, P1);
    assert_eq!(row("1.4.1").cells[PILLAR].raw, P1);
    assert_eq!(task("1.4.1", "PPP专题专栏").pillar, 1);

    // 2.1.11 repeats pillar 2 and section (一): still section 2.1, task 11, with a new item.
    let r = row("2.1.11");
    assert_eq!(r.cells[PILLAR].raw, "以政务公开助力促改革");
    assert_eq!(r.cells[SECTION].raw, "（一）推进“放管服”改革信息公开");
    let t = task("2.1.11", "完善提升全市网上政务服务平台");
    assert_eq!(t.section, "2.1");
    assert_eq!(t.item, "4.大力推进“互联网+政务服务”");
    assert_eq!(task("2.1.10", "失信“黑名单”信息").section, "2.1");
    assert_eq!(task("2.2.1", "参照上市公司标准").section, "2.2");

    // 4.3.4 repeats pillar 4 and section (三), with item 3 of that section.
    let t = task("4.3.4", "每年6月底前公开本辖区内");
    assert_eq!(
        row("4.3.4").cells[SECTION].raw,
        "（三）推进教育卫生领域信息公开"
    );
    assert_eq!(t.item, "3.推进义务教育招生入学政策公开");

    // 6.2.4 repeats pillar 6 and section (二) without an item: the section goes on.
    assert_eq!(
        row("6.2.4").cells[SECTION].raw,
        "（二）全面落实“五公开”工作机制"
    );
    assert_eq!(task("6.2.4", "重大民生决策事项民意调查制度").section, "6.2");
    assert_eq!(
        task("6.2.10", "基层政务公开标准化规范化试点").section,
        "6.2"
    );

    // Eleven rows repeat a pillar, three a section; none makes a new one.
    let pillar_cells = doc()
        .rows
        .iter()
        .filter(|r| !r.cells[PILLAR].raw.is_empty())
        .count();
    assert_eq!(pillar_cells, 6 + 11);
    assert_eq!(table().pillars.len(), 6);
    let names: Vec<&str> = table().sections.iter().map(|s| s.name.as_str()).collect();
    for name in &names {
        assert_eq!(names.iter().filter(|n| *n == name).count(), 1, "{name}");
    }
}

/// A task cell with two paragraphs (the second after a blank line, without a leading tab) is
/// one task with both paragraphs, joined with "\n". It is task 1.3.3, the first row of item 2
/// of section 1.3.
#[test]
fn multi_line_cell_is_one_task() {
    assert_eq!(line(120), "");
    assert!(line(121).starts_with("加快建设完善公共资源交易电子服务"));
    let t = task("1.3.3", "出台公共资源配置领域信息公开的指导意见");
    assert_eq!(t.item, "2.推进公共资源配置信息公开");
    let paragraphs: Vec<&str> = t.text.split('\n').collect();
    assert_eq!(paragraphs.len(), 2);
    assert_eq!(
        paragraphs[0],
        "出台公共资源配置领域信息公开的指导意见，明确公开的主体、范围、程序等。"
    );
    assert!(paragraphs[1].starts_with("加快建设完善公共资源交易电子服务"));
    assert!(paragraphs[1].ends_with("的互联互通和交互共享。"));
    assert_eq!(t.lead, names(&["市发展改革委", "市公共资源交易中心"]));
    // The next row is the next task; it is the only text with a line break.
    task("1.3.4", "健全完善制度规则体系");
    let multi: Vec<&str> = table()
        .tasks
        .iter()
        .filter(|t| t.text.contains('\n'))
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(multi, ["1.3.3"]);
}

/// The lead cell of 3.2.1 is broken over a blank line; its names join without a break.
#[test]
fn lead_cell_broken_over_blank_line() {
    assert_eq!(line(374), "\t市发展改革委、市经济和信息化委、");
    assert_eq!(line(375), "");
    assert!(line(376).starts_with("市财政局、"));
    let t = task("3.2.1", "健全去产能公示公告制度");
    assert_eq!(
        t.lead,
        names(&[
            "市发展改革委",
            "市经济和信息化委",
            "市财政局",
            "市质监局",
            "市国资委",
            "市煤炭局"
        ])
    );
    assert_eq!(t.responsible, names(&[COUNTIES]));
}

/// The first row is broken by blank lines after its second cell (pillar, section | item, task,
/// lead, responsible); it is one row, task 1.1.1.
#[test]
fn first_row_broken_after_second_cell() {
    let r = row("1.1.1");
    let lines: Vec<usize> = r.cells.iter().map(|c| c.line).collect();
    assert_eq!(lines, [8, 9, 12, 13, 14, 15]);
    assert_eq!((line(10), line(11)), ("", ""));
    let t = task("1.1.1", "围绕我市经济社会发展形势");
    assert_eq!((t.pillar, t.section.as_str()), (1, "1.1"));
    assert_eq!(t.item, ITEM_1_1_1);
    assert_eq!(t.lead, names(&LEAD_1_1_1));
    assert_eq!(t.responsible, names(&[COUNTIES, CONCERNED]));
}

/// The last row has only four cells (no lead, no responsible): both are merged with the row
/// above.
#[test]
fn last_row_with_four_cells() {
    let last = doc().rows.last().unwrap();
    assert_eq!(last.cells[TEXT].line, 987);
    assert_eq!(
        (last.cells[LEAD].line, last.cells[RESPONSIBLE].line),
        (0, 0)
    );
    let t = table().tasks.last().unwrap();
    assert_eq!(t.id, "6.6.3");
    let t = task("6.6.3", "确保实现到2018年对全市政务公开工作人员轮训一遍");
    assert_eq!(t.section, "6.6");
    assert_eq!(t.lead, names(&["市政府办公室"]));
    assert_eq!(t.responsible, names(&[COUNTIES, ALL_DEPARTMENTS]));
}

/// Unit cells split on 、 only outside parentheses: 各县（市、区） is one name.
#[test]
fn unit_split_outside_parentheses() {
    assert_eq!(
        row("1.1.1").cells[RESPONSIBLE].raw,
        "各县（市、区）、市政府有关部门（单位）"
    );
    let t = task("1.1.1", "围绕我市经济社会发展形势");
    assert_eq!(t.responsible, names(&[COUNTIES, CONCERNED]));
    // 4.3.1: the counties and the three colleges.
    let t = task("4.3.1", "毕业生就业质量年度报告");
    assert_eq!(
        t.responsible,
        names(&[
            COUNTIES,
            "山东服装职业学院",
            "泰山护理职业学院",
            "泰山职业技术学院"
        ])
    );
    // No name anywhere is a piece of a parenthesis.
    for unit in &table().units {
        let open = unit.name.matches('（').count();
        assert_eq!(open, unit.name.matches('）').count(), "{}", unit.name);
    }
    assert!(table().unit("各县（市").is_none() && table().unit("区）").is_none());
}

/// The suffixes 按职责分工分别牵头落实 and 牵头落实 are removed from unit cells.
#[test]
fn suffix_stripping() {
    assert!(row("1.1.1").cells[LEAD]
        .raw
        .ends_with("人行泰安市中心支行按职责分工分别牵头落实"));
    assert_eq!(
        task("1.1.1", "围绕我市经济社会发展形势")
            .lead
            .last()
            .unwrap(),
        "人行泰安市中心支行"
    );
    assert_eq!(row("1.1.4").cells[LEAD].raw, "市人力资源社会保障局牵头落实");
    assert_eq!(
        task("1.1.4", "围绕出台促进就业规划").lead,
        names(&["市人力资源社会保障局"])
    );
    // 2.1.10: a group leads, with the long suffix.
    assert_eq!(task("2.1.10", "失信“黑名单”信息").lead, names(&[CONCERNED]));
    for unit in &table().units {
        assert!(
            !unit.name.contains("牵头") && !unit.name.contains("落实"),
            "{}",
            unit.name
        );
    }
}

/// The one typo, 市水利渔业局局 (lead of 5.2.9), is read as 市水利渔业局.
#[test]
fn typo_corrected() {
    assert_eq!(row("5.2.9").cells[LEAD].raw, "市水利渔业局局牵头落实");
    let t = task("5.2.9", "及时公开和解读农村改水相关政策");
    assert_eq!(t.lead, names(&["市水利渔业局"]));
    assert!(table().unit("市水利渔业局局").is_none());
    assert_eq!(
        table()
            .units
            .iter()
            .filter(|u| u.name == "市水利渔业局")
            .count(),
        1
    );
}

/// A row whose lead cell is explicit and names 各县（市、区） has no responsible units when its
/// responsible cell is blank (the counties lead themselves); the rows merged below keep that.
/// An explicit responsible cell still counts.
#[test]
fn counties_lead_gives_no_responsible_units() {
    // 2.4.1: the row above (2.3.3) has responsible 各县（市、区）.
    assert_eq!(row("2.4.1").cells[RESPONSIBLE].raw, "");
    assert_eq!(
        task("2.3.3", "加大强农惠农政策公开力度").responsible,
        names(&[COUNTIES])
    );
    let t = task("2.4.1", "公开营改增相关政策措施");
    assert_eq!(
        t.lead,
        names(&[COUNTIES, "市财政局", "市地税局", "市国税局"])
    );
    assert!(t.responsible.is_empty());
    assert!(task("2.4.4", "公开征管改革措施").responsible.is_empty());

    // 4.3.4 (lead 各县（市、区）、市教育局) and 4.3.6 (各县（市、区）、市卫生计生委).
    assert!(task("4.3.4", "每年6月底前").responsible.is_empty());
    assert!(task("4.3.5", "适龄儿童延缓入学").responsible.is_empty());
    let t = task("4.3.6", "卫生计生重大民生决策事项民意调查制度");
    assert_eq!(t.lead, names(&[COUNTIES, "市卫生计生委"]));
    assert!(t.responsible.is_empty());
    // The next section starts with an explicit responsible cell again.
    assert_eq!(
        task("4.4.1", "加大食品药品监管信息公开力度").responsible,
        names(&[COUNTIES])
    );

    // 2.1.1: lead 市编办、各县（市、区） with an explicit responsible cell: that cell counts.
    let t = task("2.1.1", "以清单管理推动减权放权");
    assert_eq!(t.lead, names(&["市编办", COUNTIES]));
    assert_eq!(t.responsible, names(&[CONCERNED]));

    // Exactly these nine tasks have no responsible units.
    let none: Vec<&str> = table()
        .tasks
        .iter()
        .filter(|t| t.responsible.is_empty())
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        none,
        ["2.4.1", "2.4.2", "2.4.3", "2.4.4", "4.3.4", "4.3.5", "4.3.6", "4.3.7", "4.3.8"]
    );
}

/// A task's responsible units never include one of its leads. In the 2017 table no row needs
/// this rule (where a lead is also in the responsible cell above, the lead names 各县（市、区）
/// and the rule above already clears the responsible units), so the test takes the real row
/// 2.4.1 with an explicit responsible cell 各县（市、区）、市政府有关部门（单位）.
#[test]
fn responsible_units_that_are_leads_are_dropped() {
    for t in &table().tasks {
        assert!(
            t.responsible.iter().all(|u| !t.lead.contains(u)),
            "task {} has a lead among its responsible units",
            t.id
        );
    }

    let explicit = format!("\t{COUNTIES}、{CONCERNED}");
    let lines: Vec<&str> = SOURCE.lines().collect();
    assert_eq!(
        lines[317],
        "\t各县（市、区）、市财政局、市地税局、市国税局按职责分工分别牵头落实"
    );
    assert_eq!(lines[318], "\t");
    let mut edited: Vec<&str> = lines.clone();
    edited[318] = &explicit;
    let table = gk_import::import(&edited.join("\n"), "taian-2017").unwrap();
    let t = table.task("2.4.1").unwrap();
    assert!(t.text.contains("公开营改增相关政策措施"));
    assert_eq!(t.lead[0], COUNTIES);
    assert_eq!(t.responsible, names(&[CONCERNED]));
    // The merged rows below inherit the cell, and drop the lead the same way.
    assert_eq!(
        table.task("2.4.4").unwrap().responsible,
        names(&[CONCERNED])
    );
}
