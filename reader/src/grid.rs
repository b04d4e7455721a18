//! One shape for every source: a document is paragraphs and tables, a table is rows of cells
//! with spans (as HTML writes them), and a [`Grid`] is a table laid out slot by slot, where a
//! merged cell fills every slot it covers and each slot knows whether it is the cell's first.

/// A cell as the source writes it: its text (paragraphs joined by `\n`) and how many rows and
/// columns it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub rows: usize,
    pub cols: usize,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Cell {
        Cell {
            text: text.into(),
            rows: 1,
            cols: 1,
        }
    }

    pub fn span(text: impl Into<String>, rows: usize, cols: usize) -> Cell {
        Cell {
            text: text.into(),
            rows: rows.max(1),
            cols: cols.max(1),
        }
    }
}

/// A part of a document, in reading order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Paragraph(String),
    /// Rows of the cells that begin in each row.
    Table(Vec<Vec<Cell>>),
}

/// One slot of a [`Grid`]: which cell fills it, and whether the slot is that cell's top row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub cell: usize,
    /// The cell begins in this row (it is not the continuation of a cell merged from above).
    pub top: bool,
    /// The cell begins in this column.
    pub left: bool,
}

/// A table laid out slot by slot. Rows may be of different lengths (a ragged source).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Grid {
    pub texts: Vec<String>,
    pub rows: Vec<Vec<Slot>>,
}

/// The largest span honoured: a source asking for more is broken or hostile.
const MAX_SPAN: usize = 1000;

impl Grid {
    /// Lays out rows of spanned cells: a cell covering several rows takes its columns in the
    /// rows below, and those rows' own cells move right past it.
    pub fn of(rows: &[Vec<Cell>]) -> Grid {
        let mut grid = Grid::default();
        let mut taken: Vec<Vec<Option<Slot>>> = Vec::new();
        for (r, row) in rows.iter().enumerate() {
            if taken.len() <= r {
                taken.resize(r + 1, Vec::new());
            }
            let mut col = 0;
            for cell in row {
                while taken[r].get(col).is_some_and(Option::is_some) {
                    col += 1;
                }
                let id = grid.texts.len();
                grid.texts.push(cell.text.clone());
                let height = cell.rows.clamp(1, MAX_SPAN).min(rows.len() - r);
                let width = cell.cols.clamp(1, MAX_SPAN);
                for dr in 0..height {
                    let line = r + dr;
                    if taken.len() <= line {
                        taken.resize(line + 1, Vec::new());
                    }
                    let slots = &mut taken[line];
                    if slots.len() < col + width {
                        slots.resize(col + width, None);
                    }
                    for dc in 0..width {
                        slots[col + dc] = Some(Slot {
                            cell: id,
                            top: dr == 0,
                            left: dc == 0,
                        });
                    }
                }
                col += width;
            }
        }
        grid.rows = taken
            .into_iter()
            .map(|row| {
                row.into_iter()
                    .map(|slot| {
                        slot.unwrap_or_else(|| {
                            // A hole (a row shorter than the cells above it): an empty cell.
                            let id = grid.texts.len();
                            grid.texts.push(String::new());
                            Slot {
                                cell: id,
                                top: true,
                                left: true,
                            }
                        })
                    })
                    .collect()
            })
            .collect();
        grid
    }

    pub fn text(&self, slot: Slot) -> &str {
        &self.texts[slot.cell]
    }

    /// The widest row's length.
    pub fn width(&self) -> usize {
        self.rows.iter().map(Vec::len).max().unwrap_or(0)
    }
}

/// A cell's text from its paragraphs: each trimmed, blank ones dropped, joined with `\n`.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    lines
        .into_iter()
        .flat_map(str::lines)
        .map(|l| l.trim_matches(|c: char| c.is_whitespace()))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<(String, bool)>> {
        grid.rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|&s| (grid.text(s).to_string(), s.top))
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_cell_merged_down_fills_the_rows_below_and_pushes_their_cells_right() {
        let rows = vec![
            vec![Cell::span("一", 2, 1), Cell::new("a"), Cell::new("b")],
            vec![Cell::new("c"), Cell::new("d")],
        ];
        let grid = Grid::of(&rows);
        assert_eq!(
            texts(&grid),
            [
                [("一".into(), true), ("a".into(), true), ("b".into(), true)],
                [("一".into(), false), ("c".into(), true), ("d".into(), true)],
            ]
        );
    }

    #[test]
    fn a_cell_spanning_columns_fills_each() {
        let grid = Grid::of(&[vec![Cell::span("任务", 1, 3), Cell::new("牵头")]]);
        let row = &grid.rows[0];
        assert_eq!(row.len(), 4);
        assert!(row[..3].iter().all(|s| s.cell == row[0].cell));
        assert_eq!([row[0].left, row[1].left, row[3].left], [true, false, true]);
    }

    #[test]
    fn a_rowspan_past_the_end_is_cut_and_holes_are_empty_cells() {
        let rows = vec![
            vec![Cell::new("a"), Cell::span("b", 99, 1)],
            vec![],
            vec![Cell::new("c"), Cell::new("d"), Cell::new("e")],
        ];
        let grid = Grid::of(&rows);
        assert_eq!(grid.rows.len(), 3);
        assert_eq!(grid.text(grid.rows[1][0]), "");
        assert_eq!(grid.text(grid.rows[1][1]), "b");
        // Row 3: b covers column 1, so c, d, e take columns 0, 2, 3.
        let third: Vec<&str> = grid.rows[2].iter().map(|&s| grid.text(s)).collect();
        assert_eq!(third, ["c", "b", "d", "e"]);
    }

    #[test]
    fn paragraphs_are_trimmed_and_blank_ones_dropped() {
        assert_eq!(paragraphs([" a ", "", "\u{3000}b\n\nc"]), "a\nb\nc");
    }
}
