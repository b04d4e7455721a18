//! What can be wrong with a source text. Every error names a line (1-based).

use std::fmt;

/// A source text the importer refuses, with the line where the problem is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the source text: the line of the offending cell, or of the first cell of
    /// the offending row.
    pub line: usize,
    pub kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ErrorKind {
    /// No title line (the line after `附件`) before the header row.
    MissingTitle,
    /// No header row (three cells: 工作任务及要求 | 牵头单位 | 责任单位).
    MissingHeader,
    /// The first row is not the expected header.
    BadHeader { found: Vec<String> },
    /// A line without a leading tab before any cell: nothing to continue.
    TextOutsideCell,
    /// A row whose cells do not add up to six (the last row may have four or five).
    WrongCellCount { found: usize },
    /// The header row is not followed by any table row.
    NoRows,
    /// More pillars than fit the model's pillar number.
    TooManyPillars,
    /// The first row, or a row after a new pillar, has a blank pillar cell.
    MissingPillar,
    /// A row has a blank section cell and there is no section above it in its pillar.
    MissingSection,
    /// A row that starts a table, a section or an item has a blank lead cell.
    MissingLead,
    /// A row has a blank task cell (工作任务及要求).
    MissingText,
    /// A pillar name that appeared before, after another pillar in between.
    PillarAgain { name: String },
    /// A section name that appeared before in the same pillar, after another section.
    SectionAgain { name: String },
    /// The title does not begin with the year and name the place (`2017年泰安市政务公开…`),
    /// which give the table's year and the receiving office.
    TitleWithoutYear { title: String },
    /// No short name can be derived for the pillar.
    NoShortName { pillar: String },
    /// A unit cell with an empty name (e.g. `市财政局、、市统计局` or a trailing `、`).
    EmptyUnitName { cell: String },
    /// A unit cell whose parentheses do not match.
    UnbalancedParentheses { cell: String },
    /// A unit name that still carries a 牵头… phrase after the cell suffixes were removed.
    LeftoverSuffix { name: String },
    /// A unit name that is none of the known kinds (department 市…, county, agency, college,
    /// group).
    UnknownUnit { name: String },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.kind)
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::MissingTitle => write!(f, "no title line before the header row"),
            ErrorKind::MissingHeader => write!(
                f,
                "no header row (three tab lines: 工作任务及要求, 牵头单位, 责任单位)"
            ),
            ErrorKind::BadHeader { found } => write!(
                f,
                "the header row is [{}], expected [工作任务及要求, 牵头单位, 责任单位]",
                found.join(", ")
            ),
            ErrorKind::TextOutsideCell => {
                write!(
                    f,
                    "a line without a leading tab, but no cell above it to continue"
                )
            }
            ErrorKind::WrongCellCount { found } => write!(
                f,
                "the row starting here has {found} cells, expected 6 \
                 (pillar, section, item, task, lead, responsible)"
            ),
            ErrorKind::NoRows => write!(f, "no table rows after the header row"),
            ErrorKind::TooManyPillars => write!(f, "more than 255 pillars"),
            ErrorKind::MissingPillar => {
                write!(f, "blank pillar cell, but no pillar above it")
            }
            ErrorKind::MissingSection => {
                write!(
                    f,
                    "blank section cell, but no section above it in this pillar"
                )
            }
            ErrorKind::MissingLead => write!(
                f,
                "blank lead cell (牵头单位) in a row that starts the table, a section or an item"
            ),
            ErrorKind::MissingText => write!(f, "blank task cell (工作任务及要求)"),
            ErrorKind::PillarAgain { name } => write!(
                f,
                "pillar {name:?} appears again after another pillar (a page-break repeat must \
                 follow its own pillar)"
            ),
            ErrorKind::SectionAgain { name } => write!(
                f,
                "section {name:?} appears again after another section of the same pillar"
            ),
            ErrorKind::TitleWithoutYear { title } => write!(
                f,
                "the title {title:?} does not begin with the year and the place (2017年泰安市政务公开…)"
            ),
            ErrorKind::NoShortName { pillar } => {
                write!(f, "no short name can be derived for pillar {pillar:?}")
            }
            ErrorKind::EmptyUnitName { cell } => {
                write!(f, "empty unit name in unit cell {cell:?}")
            }
            ErrorKind::UnbalancedParentheses { cell } => {
                write!(f, "unbalanced parentheses in unit cell {cell:?}")
            }
            ErrorKind::LeftoverSuffix { name } => write!(
                f,
                "unit name {name:?} still contains 牵头 after removing the cell suffix \
                 (按职责分工分别牵头落实 / 牵头落实 is only removed at the end of a cell)"
            ),
            ErrorKind::UnknownUnit { name } => write!(
                f,
                "unknown unit {name:?}: not a municipal department (市…), county, agency, \
                 college or group; add it to the importer's unit kinds (importer/src/cells.rs)"
            ),
        }
    }
}

impl std::error::Error for ImportError {}
