//! Timestamps: RFC 3339 parsing and validation, canonical text, ordering by instant, local
//! display.

use gk_core::timestamp::{Timestamp, TimestampErrorKind, CHINA_OFFSET_MINUTES};

fn ts(s: &str) -> Timestamp {
    Timestamp::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

fn kind(s: &str) -> TimestampErrorKind {
    Timestamp::parse(s).expect_err(s).kind
}

#[test]
fn epoch_and_known_instants() {
    assert_eq!(ts("1970-01-01T00:00:00Z").millis(), 0);
    assert_eq!(ts("2017-06-29T10:00:00Z").millis(), 1_498_730_400_000);
    assert_eq!(ts("1969-12-31T23:59:59.999Z").millis(), -1);
    assert_eq!(ts("2000-02-29T00:00:00Z").millis(), 951_782_400_000);
}

#[test]
fn canonical_text() {
    assert_eq!(
        ts("2017-06-29T10:00:00Z").to_string(),
        "2017-06-29T10:00:00Z"
    );
    assert_eq!(
        ts("2017-06-29T10:00:00.5Z").to_string(),
        "2017-06-29T10:00:00.500Z"
    );
    assert_eq!(
        ts("2017-06-29T10:00:00.000Z").to_string(),
        "2017-06-29T10:00:00Z"
    );
    assert_eq!(
        ts("2017-06-29T18:00:00+08:00").to_string(),
        "2017-06-29T10:00:00Z"
    );
    assert_eq!(
        ts("2017-06-29t10:00:00z").to_string(),
        "2017-06-29T10:00:00Z"
    );
    assert_eq!(
        Timestamp::from_millis(1).to_rfc3339(),
        "1970-01-01T00:00:00.001Z"
    );
    assert_eq!(
        Timestamp::from_millis(-1).to_rfc3339(),
        "1969-12-31T23:59:59.999Z"
    );
    assert_eq!(Timestamp::MIN.to_rfc3339(), "0000-01-01T00:00:00Z");
    assert_eq!(Timestamp::MAX.to_rfc3339(), "9999-12-31T23:59:59.999Z");
}

#[test]
fn offsets_are_the_same_instant() {
    let utc = ts("2017-06-29T10:00:00Z");
    assert_eq!(ts("2017-06-29T18:00:00+08:00"), utc);
    assert_eq!(ts("2017-06-29T05:30:00-04:30"), utc);
    assert_eq!(ts("2017-06-29T10:00:00+00:00"), utc);
    assert_eq!(ts("2017-06-29T10:00:00-00:00"), utc);
    // Across a day and a year boundary.
    assert_eq!(ts("2018-01-01T07:59:59+08:00"), ts("2017-12-31T23:59:59Z"));
    assert_eq!(ts("2016-12-31T20:00:00-05:00"), ts("2017-01-01T01:00:00Z"));
}

#[test]
fn fractional_seconds_of_any_length_cut_to_milliseconds() {
    assert_eq!(ts("2017-06-29T10:00:00.1Z").millis() % 1000, 100);
    assert_eq!(ts("2017-06-29T10:00:00.12Z").millis() % 1000, 120);
    assert_eq!(ts("2017-06-29T10:00:00.123Z").millis() % 1000, 123);
    assert_eq!(ts("2017-06-29T10:00:00.123456789Z").millis() % 1000, 123);
    assert_eq!(ts("2017-06-29T10:00:00.9999999Z").millis() % 1000, 999);
    assert_eq!(
        ts("2017-06-29T10:00:00.000000001Z"),
        ts("2017-06-29T10:00:00Z")
    );
}

#[test]
fn order_is_by_instant_not_by_text() {
    // As text "…T18…+08:00" sorts after "…T11…Z", but it is an hour earlier.
    let a = ts("2017-06-29T18:00:00+08:00");
    let b = ts("2017-06-29T11:00:00Z");
    assert!(a < b);
    assert!("2017-06-29T18:00:00+08:00" > "2017-06-29T11:00:00Z");
    // Fractions: .5 is after .123 and before the next second.
    assert!(ts("2017-06-29T10:00:00.123Z") < ts("2017-06-29T10:00:00.5Z"));
    assert!(ts("2017-06-29T10:00:00.5Z") < ts("2017-06-29T10:00:01Z"));
    assert!(ts("2017-06-29T10:00:00.999+00:00") < ts("2017-06-29T18:00:01+08:00"));
    let mut v = [
        ts("2017-06-30T00:00:00+08:00"),
        ts("2017-06-29T10:00:00.001Z"),
        ts("2017-06-29T10:00:00Z"),
        ts("2017-06-29T12:00:00-01:00"),
    ];
    v.sort();
    let text: Vec<String> = v.iter().map(|t| t.to_string()).collect();
    assert_eq!(
        text,
        [
            "2017-06-29T10:00:00Z",
            "2017-06-29T10:00:00.001Z",
            "2017-06-29T13:00:00Z",
            "2017-06-29T16:00:00Z"
        ]
    );
}

#[test]
fn days_per_month_and_leap_years() {
    assert_eq!(kind("2017-06-31T00:00:00Z"), TimestampErrorKind::Date);
    assert_eq!(kind("2017-02-29T00:00:00Z"), TimestampErrorKind::Date);
    assert_eq!(kind("1900-02-29T00:00:00Z"), TimestampErrorKind::Date);
    assert!(Timestamp::parse("2016-02-29T00:00:00Z").is_ok());
    assert!(Timestamp::parse("2000-02-29T00:00:00Z").is_ok());
    assert_eq!(kind("2017-13-01T00:00:00Z"), TimestampErrorKind::Date);
    assert_eq!(kind("2017-00-01T00:00:00Z"), TimestampErrorKind::Date);
    assert_eq!(kind("2017-01-00T00:00:00Z"), TimestampErrorKind::Date);
    assert_eq!(kind("2017-04-31T00:00:00Z"), TimestampErrorKind::Date);
    assert!(Timestamp::parse("2017-12-31T23:59:59Z").is_ok());
    for (month, days) in [
        (1, 31),
        (2, 28),
        (3, 31),
        (4, 30),
        (5, 31),
        (6, 30),
        (7, 31),
    ] {
        let last = format!("2017-{month:02}-{days:02}T00:00:00Z");
        let past = format!("2017-{month:02}-{:02}T00:00:00Z", days + 1);
        assert!(Timestamp::parse(&last).is_ok(), "{last}");
        assert_eq!(kind(&past), TimestampErrorKind::Date, "{past}");
    }
}

#[test]
fn times_and_offsets_out_of_range() {
    assert_eq!(kind("2017-06-29T24:00:00Z"), TimestampErrorKind::Time);
    assert_eq!(kind("2017-06-29T10:60:00Z"), TimestampErrorKind::Time);
    assert_eq!(kind("2016-12-31T23:59:60Z"), TimestampErrorKind::Time);
    assert_eq!(
        kind("2017-06-29T10:00:00+24:00"),
        TimestampErrorKind::Offset
    );
    assert_eq!(
        kind("2017-06-29T10:00:00+08:60"),
        TimestampErrorKind::Offset
    );
    assert_eq!(kind("0000-01-01T00:00:00+00:01"), TimestampErrorKind::Range);
    assert_eq!(kind("9999-12-31T23:59:59-00:01"), TimestampErrorKind::Range);
    assert!(Timestamp::parse("0000-01-01T00:00:00-00:01").is_ok());
}

#[test]
fn malformed_text_is_refused() {
    for bad in [
        "",
        "2017-06-29",
        "2017-06-29T10:00Z",
        "2017-06-29T10:00:00",
        "2017-06-29 10:00:00Z",
        "2017-6-29T10:00:00Z",
        "17-06-29T10:00:00Z",
        "2017/06/29T10:00:00Z",
        "2017-06-29T10:00:00.Z",
        "2017-06-29T10:00:00,5Z",
        "2017-06-29T10:00:00+0800",
        "2017-06-29T10:00:00+08",
        "2017-06-29T10:00:00+8:00",
        "2017-06-29T10:00:00ZZ",
        "2017-06-29T10:00:00Z ",
        " 2017-06-29T10:00:00Z",
        "+2017-06-29T10:00:00Z",
        "2017-06-29T10:00:00UTC",
        "２０１７-06-29T10:00:00Z",
        "2017-06-29T10:00:00.１Z",
    ] {
        assert_eq!(kind(bad), TimestampErrorKind::Syntax, "{bad:?}");
    }
}

#[test]
fn error_message_names_the_text() {
    let e = Timestamp::parse("2017-06-31T00:00:00Z").unwrap_err();
    assert_eq!(e.to_string(), "时间“2017-06-31T00:00:00Z”无效：日期不存在");
    let e = Timestamp::parse("昨天").unwrap_err();
    assert!(e.to_string().contains("昨天"));
    assert_eq!(
        e.to_string(),
        "时间“昨天”无效：格式应为 YYYY-MM-DDThh:mm:ss 加时区（如 Z 或 +08:00）"
    );
}

#[test]
fn from_millis_clamps_and_round_trips() {
    assert_eq!(Timestamp::from_millis(i64::MAX), Timestamp::MAX);
    assert_eq!(Timestamp::from_millis(i64::MIN), Timestamp::MIN);
    assert_eq!(Timestamp::MAX.plus_millis(1), Timestamp::MAX);
    let mut x: u64 = 0x2545_F491_4F6C_DD1D;
    let span = (Timestamp::MAX.millis() - Timestamp::MIN.millis()) as u64;
    for _ in 0..20_000 {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        let t = Timestamp::from_millis(Timestamp::MIN.millis() + (x % span) as i64);
        let text = t.to_rfc3339();
        assert_eq!(ts(&text), t, "{text}");
        // The same instant written at another offset parses to the same value.
        let local = t.to_local_display(CHINA_OFFSET_MINUTES);
        assert_eq!(local.len(), 16);
    }
}

#[test]
fn serde_as_canonical_text() {
    let t = ts("2017-06-29T18:00:00.250+08:00");
    assert_eq!(
        serde_json::to_string(&t).unwrap(),
        "\"2017-06-29T10:00:00.250Z\""
    );
    let back: Timestamp = serde_json::from_str("\"2017-06-29T10:00:00.25Z\"").unwrap();
    assert_eq!(back, t);
    assert!(serde_json::from_str::<Timestamp>("\"2017-02-30T00:00:00Z\"").is_err());
    assert!(serde_json::from_str::<Timestamp>("1498730400000").is_err());
    let v: Timestamp = serde_json::from_value(serde_json::json!("2017-06-29T10:00:00Z")).unwrap();
    assert_eq!(v, ts("2017-06-29T10:00:00Z"));
}

#[test]
fn local_display_and_compact_date_in_china_time() {
    let t = ts("2017-06-29T10:00:00Z");
    assert_eq!(t.to_local_display(CHINA_OFFSET_MINUTES), "2017-06-29 18:00");
    assert_eq!(t.to_local_display(0), "2017-06-29 10:00");
    assert_eq!(t.date_compact_in(CHINA_OFFSET_MINUTES), "20170629");
    // 2017-06-30 20:00 UTC is already July 1st in China.
    let late = ts("2017-06-30T20:00:00Z");
    assert_eq!(late.date_compact_in(0), "20170630");
    assert_eq!(late.date_compact_in(CHINA_OFFSET_MINUTES), "20170701");
    assert_eq!(
        late.to_local_display(CHINA_OFFSET_MINUTES),
        "2017-07-01 04:00"
    );
    // Seconds are dropped, not rounded.
    assert_eq!(
        ts("2017-06-29T10:00:59.999Z").to_local_display(CHINA_OFFSET_MINUTES),
        "2017-06-29 18:00"
    );
    assert_eq!(
        ts("1969-12-31T23:00:00Z").to_local_display(-60),
        "1969-12-31 22:00"
    );
}
