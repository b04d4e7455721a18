//! The view in words (`gk_core::describe`), on the small fixture table and the real one.

#[path = "filter_fixture.rs"]
mod fixture;

use fixture::day;
use gk_core::describe::describe;
use gk_core::filter::{Filter, Index};
use gk_core::status::Status;
use gk_core::supervision::Light;
use gk_core::units::Role;

fn unit(name: &str) -> Filter {
    Filter {
        unit: Some(name.into()),
        ..Filter::default()
    }
}

#[test]
fn the_whole_table() {
    let t = fixture::table();
    assert_eq!(
        describe(&t, &Filter::default(), 6, day()),
        "全部任务 共 6 项"
    );
}

#[test]
fn the_example_of_the_issue() {
    let t = fixture::table();
    let f = Filter {
        role: Some(Role::Lead),
        pillar: Some(1),
        ..unit("市财政局")
    };
    assert_eq!(
        describe(&t, &f, 12, day()),
        "单位：市财政局（牵头） 支柱：稳增长 截至 2017年7月1日 共 12 项"
    );
}

#[test]
fn every_part_in_order() {
    let t = fixture::table();
    let f = Filter {
        role: Some(Role::Responsible),
        pillar: Some(1),
        section: Some("1.2".into()),
        time: Some("quarterly".to_string()),
        status: Some(Status::Doing.into()),
        light: Some(Light::Stale),
        query: " 工作进展 ".into(),
        ..unit("市财政局")
    };
    assert_eq!(
        describe(&t, &f, 1, day()),
        "单位：市财政局（责任） 支柱：稳增长 分项：（二）推进统计信息公开 时限要求：按季度 \
         状态：进行中 督办：待更新 搜索：“工作进展” 截至 2017年7月1日 共 1 项"
    );
}

#[test]
fn a_unit_without_a_role_is_named_alone() {
    let t = fixture::table();
    assert_eq!(
        describe(&t, &unit("新泰市"), 2, day()),
        "单位：新泰市 截至 2017年7月1日 共 2 项"
    );
}

#[test]
fn role_and_status_without_a_unit_are_left_out_as_the_filter_ignores_them() {
    let t = fixture::table();
    let f = Filter {
        role: Some(Role::Lead),
        status: Some(Status::Done.into()),
        time: Some("yearly".to_string()),
        ..Filter::default()
    };
    assert_eq!(describe(&t, &f, 2, day()), "时限要求：每年 共 2 项");
}

#[test]
fn a_blank_search_is_left_out() {
    let t = fixture::table();
    let f = Filter {
        query: " \u{3000} ".into(),
        ..Filter::default()
    };
    assert_eq!(describe(&t, &f, 6, day()), "全部任务 共 6 项");
}

#[test]
fn ids_the_table_does_not_know_are_written_as_they_are() {
    let t = fixture::table();
    let f = Filter {
        pillar: Some(9),
        section: Some("9.9".into()),
        ..Filter::default()
    };
    assert_eq!(describe(&t, &f, 0, day()), "支柱：9 分项：9.9 共 0 项");
}

#[test]
fn every_status_and_time_tag_reads_as_its_label() {
    let t = fixture::table();
    for s in Status::ALL {
        let f = Filter {
            status: Some(s.into()),
            ..unit("市财政局")
        };
        assert!(describe(&t, &f, 1, day()).contains(&format!("状态：{} ", s.label())));
    }
    assert_eq!(t.times.len(), 12);
    for def in &t.times {
        let f = Filter {
            time: Some(def.key.clone()),
            ..Filter::default()
        };
        assert_eq!(
            describe(&t, &f, 3, day()),
            format!("时限要求：{} 共 3 项", def.label)
        );
    }
}

#[test]
fn views_of_the_real_table() {
    let t = fixture::real();
    let index = Index::new(&t);
    let f = Filter {
        pillar: Some(6),
        ..unit("市政府办公室")
    };
    let n = index.shown(&f, day(), fixture::none).len();
    assert_eq!(
        describe(&t, &f, n, day()),
        format!("单位：市政府办公室 支柱：增强实效 截至 2017年7月1日 共 {n} 项")
    );
    let f = Filter {
        section: Some("4.2".into()),
        pillar: Some(4),
        ..Filter::default()
    };
    let name = &t.section("4.2").unwrap().name;
    assert_eq!(
        describe(&t, &f, 5, day()),
        format!("支柱：惠民生 分项：{name} 共 5 项")
    );
    assert_eq!(
        describe(&t, &Filter::default(), 139, day()),
        "全部任务 共 139 项"
    );
}

#[test]
fn light_and_as_of_day_with_a_unit_only() {
    let t = fixture::real();
    let f = Filter {
        light: Some(Light::Overdue),
        ..unit("市财政局")
    };
    assert_eq!(
        describe(&t, &f, 3, day()),
        "单位：市财政局 督办：逾期 截至 2017年7月1日 共 3 项"
    );
    let on_track = Filter {
        light: Some(Light::OnTrack),
        ..unit("市财政局")
    };
    assert!(describe(&t, &on_track, 3, day()).contains("督办：正常推进 "));
    // Without a unit there are no lights: neither the light nor the day is named.
    let no_unit = Filter {
        light: Some(Light::Overdue),
        ..Filter::default()
    };
    assert_eq!(describe(&t, &no_unit, 139, day()), "全部任务 共 139 项");
}

#[test]
fn open_reads_as_weiwancheng() {
    let t = fixture::table();
    let f = Filter {
        status: Some(gk_core::status::StatusFilter::Open),
        ..unit("市财政局")
    };
    assert!(describe(&t, &f, 1, day()).contains("状态：未完成 "));
}

/// The folded filter bar of a phone: every part in a few words.
#[test]
fn summary_of_the_folded_bar() {
    use gk_core::describe::summary;
    use gk_core::status::StatusFilter;
    let t = fixture::real();
    assert_eq!(summary(&t, &Filter::default()), "全部单位 · 全部支柱");
    assert_eq!(summary(&t, &unit("新泰市")), "新泰市 · 全部支柱 · 全部状态");
    let f = Filter {
        status: Some(StatusFilter::Open),
        ..unit("新泰市")
    };
    assert_eq!(summary(&t, &f), "新泰市 · 全部支柱 · 未完成");
    let f = Filter {
        role: Some(Role::Lead),
        pillar: Some(1),
        section: Some("1.1".into()),
        time: Some("monthly".to_string()),
        status: Some(Status::Done.into()),
        light: Some(Light::OnTrack),
        query: " 预算 ".into(),
        ..unit("市财政局")
    };
    let section = &t.section("1.1").unwrap().name;
    assert_eq!(
        summary(&t, &f),
        format!(
            "市财政局（牵头） · 稳增长 · {section} · {} · 已完成 · 督办：正常推进 · 搜索“预算”",
            t.time_def("monthly").unwrap().label
        )
    );
    // Without a unit, role, status and light do not apply, and are not shown.
    let f = Filter {
        role: Some(Role::Lead),
        status: Some(StatusFilter::Open),
        light: Some(Light::Overdue),
        pillar: Some(6),
        ..Filter::default()
    };
    assert_eq!(summary(&t, &f), "全部单位 · 增强实效");
}
