//! The URL hash: format, parse, round trip, bad values, garbage.

#[path = "filter_fixture.rs"]
mod fixture;

use gk_core::filter::Filter;
use gk_core::hash::{decode, encode, format, parse, DecodeError, HashProblem};
use gk_core::model::Table;
use gk_core::status::Status;
use gk_core::supervision::{parse_as_of, Light};
use gk_core::units::Role;

const FINANCE: &str = "%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80";

fn full() -> Filter {
    Filter {
        unit: Some("市财政局".into()),
        role: Some(Role::Lead),
        pillar: Some(1),
        section: Some("1.1".into()),
        time: Some("by-2017-end".to_string()),
        status: Some(Status::Na.into()),
        light: Some(Light::Stale),
        as_of: Some(parse_as_of("2017-07-01").unwrap()),
        query: "财政 收支&=#+%".into(),
    }
}

/// Parses a hash that must be valid.
fn ok(hash: &str, table: &Table) -> Filter {
    let (f, problems) = parse(hash, table);
    assert!(problems.is_empty(), "{hash}: {problems:?}");
    f
}

/// Parses a hash with exactly one bad value, returns the filter and the problem.
fn one_problem(hash: &str, table: &Table) -> (Filter, HashProblem) {
    let (f, mut problems) = parse(hash, table);
    assert_eq!(problems.len(), 1, "{hash}: {problems:?}");
    (f, problems.remove(0))
}

#[test]
fn percent_encoding_of_chinese() {
    assert_eq!(encode("市财政局"), FINANCE);
    assert_eq!(decode(FINANCE).unwrap(), "市财政局");
    assert_eq!(encode("a-Z_0.9~"), "a-Z_0.9~");
    assert_eq!(encode(" +&=#%/?"), "%20%2B%26%3D%23%25%2F%3F");
    assert_eq!(
        encode("各县（市、区）"),
        "%E5%90%84%E5%8E%BF%EF%BC%88%E5%B8%82%E3%80%81%E5%8C%BA%EF%BC%89"
    );
    assert_eq!(decode("%e5%b8%82").unwrap(), "市", "lower-case hex");
    assert_eq!(
        decode("a+b%2Bc").unwrap(),
        "a b+c",
        "+ is a space, %2B a plus"
    );
    assert_eq!(decode("市财政局").unwrap(), "市财政局", "raw text passes");
    assert_eq!(decode("%"), Err(DecodeError::Percent));
    assert_eq!(decode("%E"), Err(DecodeError::Percent));
    assert_eq!(decode("%zz"), Err(DecodeError::Percent));
    assert_eq!(decode("%E5%B8"), Err(DecodeError::Utf8));
    assert_eq!(decode("%FF"), Err(DecodeError::Utf8));
}

#[test]
fn format_order_and_empty() {
    assert_eq!(format(&Filter::default()), "");
    assert_eq!(
        format(&full()),
        format!(
            "unit={FINANCE}&role=lead&pillar=1&section=1.1&time=by-2017-end&status=na\
             &light=stale&asof=2017-07-01&q=%E8%B4%A2%E6%94%BF%20%E6%94%B6%E6%94%AF%26%3D%23%2B%25"
        )
    );
    let q = Filter {
        query: "公开".into(),
        ..Filter::default()
    };
    assert_eq!(format(&q), "q=%E5%85%AC%E5%BC%80");
    let p = Filter {
        pillar: Some(2),
        status: Some(Status::Doing.into()),
        ..Filter::default()
    };
    assert_eq!(format(&p), "pillar=2&status=doing");
}

#[test]
fn round_trip() {
    let t = fixture::table();
    let filters = [
        Filter::default(),
        full(),
        Filter {
            unit: Some("新泰市".into()),
            role: Some(Role::Responsible),
            ..Filter::default()
        },
        Filter {
            section: Some("2.1".into()),
            ..Filter::default()
        },
        Filter {
            query: " 😀 a+b ".into(),
            ..Filter::default()
        },
        Filter {
            role: Some(Role::Lead),
            status: Some(Status::Done.into()),
            ..Filter::default()
        },
    ];
    for f in filters {
        let h = format(&f);
        assert_eq!(ok(&h, &t), f, "{h}");
        assert_eq!(ok(&format!("#{h}"), &t), f, "#{h}");
    }
    assert_eq!(t.times.len(), 12);
    for def in &t.times {
        let f = Filter {
            time: Some(def.key.clone()),
            ..Filter::default()
        };
        assert_eq!(ok(&format(&f), &t), f);
    }
    for s in Status::ALL {
        let f = Filter {
            status: Some(s.into()),
            ..Filter::default()
        };
        assert_eq!(ok(&format(&f), &t), f);
    }
}

#[test]
fn real_table_round_trip() {
    let t = fixture::real();
    for unit in t.units.iter().filter(|u| u.members.is_empty()) {
        for section in &t.sections {
            let f = Filter {
                unit: Some(unit.name.clone()),
                pillar: Some(section.pillar),
                section: Some(section.id.clone()),
                query: unit.name.clone(),
                ..Filter::default()
            };
            assert_eq!(ok(&format(&f), &t), f);
        }
    }
}

#[test]
fn lenient_parsing() {
    let t = fixture::table();
    let finance = Filter {
        unit: Some("市财政局".into()),
        ..Filter::default()
    };
    // Raw (not encoded) Chinese, as some browsers give it.
    assert_eq!(ok("#unit=市财政局", &t), finance);
    // Unknown keys, empty values, empty parts and keys without values are ignored.
    assert_eq!(
        ok(&format!("#foo=bar&&unit={FINANCE}&q=&pillar&x"), &t),
        finance
    );
    assert_eq!(ok("", &t), Filter::default());
    assert_eq!(ok("#", &t), Filter::default());
    assert_eq!(ok("#&&&", &t), Filter::default());
    // The last of a repeated key counts.
    assert_eq!(ok("pillar=1&pillar=2", &t).pillar, Some(2));
    // '+' reads as a space.
    assert_eq!(ok("q=a+b", &t).query, "a b");
    // A value may contain '='.
    assert_eq!(ok("q=a=b", &t).query, "a=b");
    // An encoded key.
    assert_eq!(ok("%75nit=市财政局", &t), finance);
    // The pillar may come after the section.
    let f = ok("section=1.2&pillar=1", &t);
    assert_eq!((f.pillar, f.section.as_deref()), (Some(1), Some("1.2")));
}

#[test]
fn bad_unit() {
    let t = fixture::table();
    let (f, p) = one_problem("unit=XX%E5%B1%80", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.key, "unit");
    assert_eq!(p.message, "链接中的单位“XX局”不存在，已忽略。");
    let (f, p) = one_problem("unit=各县（市、区）&pillar=1", &t);
    assert_eq!(
        f,
        Filter {
            pillar: Some(1),
            ..Filter::default()
        }
    );
    assert_eq!(
        p.message,
        "链接中的“各县（市、区）”是单位分组，不是单个单位，已忽略。"
    );
}

#[test]
fn bad_role_pillar_section_time_status() {
    let t = fixture::table();
    let (f, p) = one_problem("unit=市财政局&role=boss", &t);
    assert_eq!(f.unit.as_deref(), Some("市财政局"));
    assert_eq!(f.role, None);
    assert_eq!(p.key, "role");
    assert!(p.message.contains("“boss”"), "{}", p.message);
    assert_eq!(one_problem("role=Lead", &t).1.key, "role");

    for bad in ["0", "3", "7", "256", "-1", "+1", "1.0", "abc", " 1", "１"] {
        let (f, p) = one_problem(&format!("pillar={}", encode(bad)), &t);
        assert_eq!(f, Filter::default(), "{bad}");
        assert_eq!(p.key, "pillar");
        assert_eq!(p.message, format!("链接中的支柱“{bad}”不存在，已忽略。"));
    }

    let (f, p) = one_problem("section=9.9", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.message, "链接中的分项“9.9”不存在，已忽略。");
    let (f, p) = one_problem("pillar=1&section=2.1", &t);
    assert_eq!(
        f,
        Filter {
            pillar: Some(1),
            ..Filter::default()
        }
    );
    assert_eq!(p.key, "section");
    assert_eq!(p.message, "链接中的分项“2.1”不属于所选支柱，已忽略。");
    // With a bad pillar, a good section stays.
    let (f, mut problems) = parse("pillar=9&section=2.1", &t);
    assert_eq!(
        f,
        Filter {
            section: Some("2.1".into()),
            ..Filter::default()
        }
    );
    assert_eq!(problems.pop().unwrap().key, "pillar");

    let (f, p) = one_problem("time=weekly2", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.key, "time");
    assert_eq!(p.message, "链接中的时间要求“weekly2”无效，已忽略。");
    assert_eq!(one_problem("time=每周", &t).1.key, "time");

    let (f, p) = one_problem("status=finished", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.key, "status");
    assert_eq!(p.message, "链接中的状态“finished”无效，已忽略。");
    assert_eq!(one_problem("status=NA", &t).1.key, "status");
}

#[test]
fn light_and_as_of_day() {
    let t = fixture::table();
    let f = ok("unit=市财政局&light=overdue&asof=2017-12-31", &t);
    assert_eq!(f.light, Some(Light::Overdue));
    assert_eq!(f.as_of, parse_as_of("2017-12-31").ok());
    for l in Light::ALL {
        assert_eq!(ok(&format!("light={}", l.key()), &t).light, Some(l));
    }

    let (f, p) = one_problem("light=red", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.key, "light");
    assert_eq!(
        p.message,
        "链接中的督办状态“red”无效（应为 overdue、stale、soon、done 或 none），已忽略。"
    );
    assert_eq!(one_problem("light=逾期", &t).1.key, "light");

    let (f, p) = one_problem("asof=2017-7-1&pillar=1", &t);
    assert_eq!(f.as_of, None);
    assert_eq!(f.pillar, Some(1));
    assert_eq!(p.key, "asof");
    assert_eq!(
        p.message,
        "链接中的截至日期“2017-7-1”无效（格式应如 2017-07-01），已忽略。"
    );
    let (_, p) = one_problem("asof=2017-02-30", &t);
    assert_eq!(
        p.message,
        "链接中的截至日期“2017-02-30”无效（日期不存在），已忽略。"
    );
    assert_eq!(one_problem("asof=today", &t).1.key, "asof");
    // The day is not a narrowing: clearing the filter keeps it.
    let mut f = ok("unit=市财政局&light=soon&asof=2017-06-20", &t);
    f.clear();
    assert_eq!(f.as_of, parse_as_of("2017-06-20").ok());
    assert_eq!(f.light, None);
    assert!(!f.is_empty());
}

#[test]
fn broken_encoding() {
    let t = fixture::table();
    let (f, p) = one_problem("q=%zz&pillar=1", &t);
    assert_eq!(
        f,
        Filter {
            pillar: Some(1),
            ..Filter::default()
        }
    );
    assert_eq!(p.key, "q");
    assert_eq!(p.message, "链接中的搜索词“%zz”编码有误，已忽略。");
    let (_, p) = one_problem("unit=%E5%B8", &t);
    assert_eq!(p.key, "unit");
    assert_eq!(p.message, "链接中的单位不是有效的 UTF-8 文本，已忽略。");
    // Several problems at once, reported in key order.
    let (f, problems) = parse("#status=x&unit=y&role=z&time=w&q=%", &t);
    assert_eq!(f, Filter::default());
    let keys: Vec<_> = problems.iter().map(|p| p.key).collect();
    assert_eq!(keys, ["unit", "role", "time", "status", "q"]);
    // Long garbage is cut short in messages.
    let long = "局".repeat(500);
    let (_, p) = one_problem(&format!("unit={long}"), &t);
    assert!(p.message.chars().count() < 60, "{}", p.message);
}

/// A tiny xorshift PRNG.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

#[test]
fn garbage_never_panics_and_what_survives_round_trips() {
    let t = fixture::table();
    let pieces = [
        "#",
        "&",
        "=",
        "+",
        "%",
        "%E5",
        "%B8%82",
        "%2",
        "%zz",
        "unit",
        "role",
        "pillar",
        "section",
        "time",
        "status",
        "light",
        "asof",
        "stale",
        "overdue",
        "2017-07-01",
        "2017-02-30",
        "q",
        "lead",
        "responsible",
        "1",
        "2",
        "9",
        "1.1",
        "2.1",
        "市财政局",
        "新泰市",
        FINANCE,
        "各县（市、区）",
        "done",
        "na",
        "monthly",
        "yearly",
        " ",
        "\u{3000}",
        "😀",
        "\0",
        "%00",
        "%FF",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    for round in 0..20_000 {
        let hash: String = if round % 3 == 0 {
            // Random bytes, made into a string.
            let bytes: Vec<u8> = (0..rng.below(40)).map(|_| rng.next() as u8).collect();
            String::from_utf8_lossy(&bytes).into_owned()
        } else {
            (0..rng.below(12))
                .map(|_| pieces[rng.below(pieces.len())])
                .collect()
        };
        let (f, problems) = parse(&hash, &t);
        for p in &problems {
            assert!(p.message.starts_with("链接中的") && p.message.ends_with("已忽略。"));
        }
        // What parse keeps is valid: it formats and parses back to itself, without problems.
        let again = format(&f);
        assert_eq!(ok(&again, &t), f, "{hash:?} → {again}");
    }
}

/// 未完成 (the 只看未完成 toggle) is a value of the status key: `status=open`.
#[test]
fn open_is_a_status_value() {
    use gk_core::status::StatusFilter;
    let t = fixture::table();
    let f = Filter {
        unit: Some("市财政局".into()),
        status: Some(StatusFilter::Open),
        ..Filter::default()
    };
    let h = format(&f);
    assert!(h.ends_with("&status=open"), "{h}");
    assert_eq!(ok(&h, &t), f);
    assert_eq!(ok("status=open", &t).status, Some(StatusFilter::Open));
    let (f, p) = one_problem("status=OPEN", &t);
    assert_eq!(f, Filter::default());
    assert_eq!(p.key, "status");
    assert_eq!(p.message, "链接中的状态“OPEN”无效，已忽略。");
    assert_eq!(one_problem("status=未完成", &t).1.key, "status");
}
