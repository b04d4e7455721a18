//! Writes a [`Workbook`] of `gk_core::ledger` as an .xlsx file, the way offices keep ledgers:
//! a merged title row, a line saying what the sheet shows, a header row frozen on screen and
//! repeated on every printed page, wrapped text in sized columns, thin borders, A4 fitted to the
//! page width with 第 N 页 / 共 M 页 in the footer, and the sign-off lines under the table.

pub mod message;

use gk_core::ledger::{Cell, Sheet, Workbook};
use gk_core::supervision::Date;
use gk_core::timestamp::{Timestamp, CHINA_OFFSET_MINUTES};
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook as Xlsx, Worksheet,
    XlsxError,
};

/// The rows above the table: the title, then what the sheet shows; the header is the third.
const HEADER_ROW: u32 = 2;
/// Paper size 9 is A4 in Excel's numbering.
const A4: u8 = 9;
const DATE_FORMAT: &str = "yyyy\"年\"m\"月\"d\"日\"";
const TIME_FORMAT: &str = "yyyy\"年\"m\"月\"d\"日\" hh:mm";

/// The formats every sheet uses.
struct Formats {
    title: Format,
    subtitle: Format,
    header: Format,
    text: Format,
    wrapped: Format,
    number: Format,
    ratio: Format,
    date: Format,
    time: Format,
    footer: Format,
}

impl Formats {
    fn new() -> Formats {
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::Top);
        Formats {
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            subtitle: Format::new().set_align(FormatAlign::Left),
            header: Format::new()
                .set_bold()
                .set_border(FormatBorder::Thin)
                .set_background_color("D9D9D9")
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            text: cell.clone(),
            wrapped: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format("0"),
            ratio: cell.clone().set_num_format("0%"),
            date: cell.clone().set_num_format(DATE_FORMAT),
            time: cell.set_num_format(TIME_FORMAT),
            footer: Format::new(),
        }
    }
}

/// The workbook as the bytes of an .xlsx file. `now` is the file's creation time (its document
/// properties), passed in so that the same input gives the same file.
pub fn write(workbook: &Workbook, now: Timestamp) -> Result<Vec<u8>, XlsxError> {
    let mut xlsx = Xlsx::new();
    xlsx.set_properties(
        &DocProperties::new()
            .set_creation_datetime(&excel_time(now)?)
            .set_title("政务公开重点工作任务台账"),
    );
    let formats = Formats::new();
    for sheet in &workbook.sheets {
        write_sheet(xlsx.add_worksheet(), sheet, &formats)?;
    }
    xlsx.save_to_buffer()
}

fn write_sheet(ws: &mut Worksheet, sheet: &Sheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(sheet.name)?;
    let last_col = sheet.columns.len().saturating_sub(1) as u16;

    ws.merge_range(0, 0, 0, last_col, &sheet.title, &f.title)?;
    ws.set_row_height(0, 30)?;
    ws.merge_range(1, 0, 1, last_col, &sheet.subtitle, &f.subtitle)?;
    let mut lines = 1;
    for (c, column) in sheet.columns.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, column.width)?;
        ws.write_string_with_format(HEADER_ROW, c, &column.heading, &f.header)?;
        lines = lines.max(line_count(&column.heading, column.width));
    }
    ws.set_row_height(HEADER_ROW, LINE_HEIGHT * lines as f64)?;

    let first = HEADER_ROW + 1;
    for (r, row) in sheet.rows.iter().enumerate() {
        let r = first + r as u32;
        let mut lines = 1;
        for (c, cell) in row.iter().enumerate() {
            let column = sheet.columns.get(c);
            let wrap = column.is_some_and(|col| col.wrap);
            write_cell(ws, r, c as u16, cell, wrap, f)?;
            if let (Some(column), Cell::Text(s), true) = (column, cell, wrap) {
                lines = lines.max(line_count(s, column.width));
            }
        }
        ws.set_row_height(r, LINE_HEIGHT * lines as f64)?;
    }

    // The sign-off, one blank row under the table.
    let below = first + sheet.rows.len() as u32 + 1;
    for (i, line) in sheet.footer.iter().enumerate() {
        ws.write_string_with_format(below + i as u32, 0, line, &f.footer)?;
    }

    ws.set_freeze_panes(HEADER_ROW + 1, 0)?;
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    ws.set_paper_size(A4);
    if sheet.columns.len() > 6 {
        ws.set_landscape();
    }
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer("&C第 &P 页 / 共 &N 页");
    Ok(())
}

/// The height of a line of wrapped text at the default 11-point font, in points (Chinese fonts
/// need more than the 15 of a Latin line).
const LINE_HEIGHT: f64 = 17.0;

/// How many lines `text` takes wrapped in a column `width` characters wide. Neither Excel nor
/// LibreOffice sizes rows to wrapped text when they open a file, so the writer does. A Chinese
/// character is about 1.65 characters wide in LibreOffice's fallback font; 1.8 leaves room for
/// wider fonts (Excel's 等线, WPS's 宋体), as a row a little too tall loses nothing.
fn line_count(text: &str, width: f64) -> usize {
    let per_line = width.max(1.0);
    text.split('\n')
        .map(|line| {
            let w: f64 = line
                .chars()
                .map(|c| if c.is_ascii() { 1.0 } else { 1.8 })
                .sum();
            ((w / per_line).ceil() as usize).max(1)
        })
        .sum()
}

fn write_cell(
    ws: &mut Worksheet,
    r: u32,
    c: u16,
    cell: &Cell,
    wrap: bool,
    f: &Formats,
) -> Result<(), XlsxError> {
    let text = if wrap { &f.wrapped } else { &f.text };
    match cell {
        Cell::Text(s) => ws.write_string_with_format(r, c, fit(s).as_ref(), text)?,
        Cell::Number(n) => ws.write_number_with_format(r, c, *n, &f.number)?,
        Cell::Ratio(x) => ws.write_number_with_format(r, c, *x, &f.ratio)?,
        Cell::Date(d) => ws.write_datetime_with_format(r, c, excel_date(*d)?, &f.date)?,
        Cell::Time(t) => ws.write_datetime_with_format(r, c, excel_time(*t)?, &f.time)?,
        Cell::Empty => ws.write_blank(r, c, text)?,
    };
    Ok(())
}

/// Excel's limit for the text of a cell, in UTF-16 units.
pub const CELL_LIMIT: usize = 32_767;
/// Ends a text cut to fit [`CELL_LIMIT`].
pub const CUT: &str = "〔超长，已截断〕";

/// `s` as a cell can hold it: whole when it fits, else as much as fits (whole characters) and
/// [`CUT`]. A note pasted from elsewhere may exceed Excel's limit; the export must not fail
/// for it (rust_xlsxwriter refuses such a string).
pub fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    if s.encode_utf16().count() <= CELL_LIMIT {
        return s.into();
    }
    let room = CELL_LIMIT - CUT.encode_utf16().count();
    let mut used = 0;
    let end = s
        .char_indices()
        .find(|(_, ch)| {
            used += ch.len_utf16();
            used > room
        })
        .map_or(s.len(), |(i, _)| i);
    format!("{}{CUT}", &s[..end]).into()
}

fn excel_date(d: Date) -> Result<ExcelDateTime, XlsxError> {
    ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day())
}

/// An instant as Excel keeps times: the wall-clock time in China, to the second.
fn excel_time(t: Timestamp) -> Result<ExcelDateTime, XlsxError> {
    let (day, (h, m, s)) = t.civil_in(CHINA_OFFSET_MINUTES);
    excel_date(day)?.and_hms(h, m, s)
}
