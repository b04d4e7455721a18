//! gk-import <source> [--dataset ID] [--corrections C.json] [--reading] [-o out.json | --check out.json]
//!
//! A `.txt` in the text layout of the 2017 table (one cell per line after a tab, a blank line
//! between rows) is read by this crate's own rules, as it always was, byte for byte. Every
//! other file (Word .docx, a saved page .html, Excel .xlsx, tab-separated text) is read by
//! `gk-reader`, the rules of the 导入任务表 page, with the page's messages and corrections.

use std::process::ExitCode;

use gk_import::{first_difference, import, to_json, Summary, DEFAULT_DATASET};
use gk_reader::publish::{publish, Corrections};

const USAGE: &str = "usage: gk-import <source> [--dataset ID] [--corrections C.json] [--reading] [-o OUT.json | --check OUT.json]
  Reads a task table (政务公开重点工作任务分解表) and writes the task-table JSON (stdout without -o).
  <source>           a Word .docx, a web page .html, an Excel .xlsx, or text: the text layout
                     of data/taian-2017.txt is read by its own rules, anything else by the
                     rules of the 导入任务表 page (docs/reader.md)
  --dataset ID       dataset id written into the file (default taian-2017 for the text layout;
                     for other files it overrides the corrections' id)
  --corrections C.json  the office's corrections of the reading: title, year, id, office,
                     renames, units' kinds, the kinds themselves, the groups' members, the
                     pillars' short names, the time requirements, a task's units (docs/reader.md)
  --reading          print the reading (what was read, with its marks) as JSON and stop
  -o OUT.json        write the JSON to OUT.json; the line for tables/tables.json goes to stderr
  --check OUT.json   exit non-zero if OUT.json differs from what the source produces";

struct Args {
    source: String,
    dataset: String,
    /// Whether --dataset was given.
    dataset_given: bool,
    corrections: Option<String>,
    reading: bool,
    output: Option<String>,
    check: Option<String>,
}

/// The arguments, or `None` for --help.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut source = None;
    let mut dataset = DEFAULT_DATASET.to_string();
    let mut dataset_given = false;
    let mut corrections = None;
    let mut reading = false;
    let mut output = None;
    let mut check = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--dataset" => {
                dataset = value("--dataset")?;
                dataset_given = true;
            }
            "--corrections" => corrections = Some(value("--corrections")?),
            "--reading" => reading = true,
            "-o" | "--output" => output = Some(value("-o")?),
            "--check" => check = Some(value("--check")?),
            "-h" | "--help" => return Ok(None),
            a if a.starts_with('-') && a != "-" => return Err(format!("unknown option {a}")),
            _ if source.is_some() => return Err(format!("unexpected argument {arg}")),
            _ => source = Some(arg),
        }
    }
    if output.is_some() && check.is_some() {
        return Err("-o and --check exclude each other".into());
    }
    let valid_id = !dataset.is_empty()
        && dataset
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_id {
        return Err(format!(
            "dataset id {dataset:?}: use lowercase letters, digits and -"
        ));
    }
    Ok(Some(Args {
        source: source.ok_or("no source file")?,
        dataset,
        dataset_given,
        corrections,
        reading,
        output,
        check,
    }))
}

/// The text layout of data/taian-2017.txt (one cell per line after a tab, as the reader
/// recognises it) in a .txt or a file without an extension.
fn text_layout(name: &str, bytes: &[u8]) -> Option<String> {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
    if !matches!(ext.as_deref(), Some("txt") | None) {
        return None;
    }
    let text = String::from_utf8(bytes.to_vec()).ok()?;
    gk_reader::is_cell_per_line(&text).then_some(text)
}

fn run(args: Args) -> Result<(), String> {
    let bytes =
        std::fs::read(&args.source).map_err(|e| format!("cannot read {}: {e}", args.source))?;
    let name = args.source.rsplit('/').next().unwrap_or(&args.source);
    let (json, options) = match text_layout(name, &bytes) {
        Some(source) if args.corrections.is_none() && !args.reading => {
            let table = import(&source, &args.dataset)
                .map_err(|e| format!("{}:{}: {}", args.source, e.line, e.kind))?;
            eprintln!("{}: {}", args.source, Summary::of(&table));
            (to_json(&table), format!("--dataset {} ", args.dataset))
        }
        _ => match read(&args, name, &bytes)? {
            Some(json) => (json, reader_options(&args)),
            None => return Ok(()),
        },
    };

    if let Some(path) = &args.check {
        let current =
            std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
        return match first_difference(&current, &json) {
            None => {
                eprintln!("{path} is up to date");
                Ok(())
            }
            Some(line) => Err(format!(
                "{path} differs from what {} produces (first at line {line}); regenerate with:\n  \
                 cargo run -p gk-import -- {} {options}-o {path}",
                args.source, args.source
            )),
        };
    }
    match &args.output {
        Some(path) => std::fs::write(path, json).map_err(|e| format!("cannot write {path}: {e}")),
        None => {
            print!("{json}");
            Ok(())
        }
    }
}

/// The options that make a gk-reader file's table again (for --check's hint): the id only when
/// --dataset gave it (else the corrections' id), and the corrections.
fn reader_options(args: &Args) -> String {
    let mut options = String::new();
    if args.dataset_given {
        options.push_str(&format!("--dataset {} ", args.dataset));
    }
    if let Some(path) = &args.corrections {
        options.push_str(&format!("--corrections {path} "));
    }
    options
}

/// A file through gk-reader: the table file's JSON, or `None` when only the reading was asked.
fn read(args: &Args, name: &str, bytes: &[u8]) -> Result<Option<String>, String> {
    let reading = gk_reader::read_file(name, bytes).map_err(|e| format!("{}: {e}", args.source))?;
    if args.reading {
        let json = serde_json::to_string_pretty(&reading).expect("a reading serializes");
        println!("{json}");
        return Ok(None);
    }
    let mut corrections = match &args.corrections {
        Some(path) => {
            let text =
                std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            serde_json::from_str::<Corrections>(&text).map_err(|e| {
                format!("{path}: 修改文件不是有效的 JSON（{e}），格式见 docs/reader.md")
            })?
        }
        None => Corrections::default(),
    };
    if args.dataset_given {
        corrections.id = args.dataset.clone();
    }
    match publish(&reading, &corrections) {
        Ok(published) => {
            eprintln!("{}: {}", args.source, Summary::of(&published.table));
            eprintln!("tables/tables.json: {}", published.list_line);
            Ok(Some(published.json))
        }
        Err(problems) => {
            let mut msg = format!("{}: 还有 {} 个问题需要处理：", args.source, problems.len());
            for p in &problems {
                msg.push_str("\n  ");
                msg.push_str(p);
            }
            msg.push_str("\n请用 --corrections 指定单位组成员等修改（格式见 docs/reader.md）；--reading 显示读取结果。");
            Err(msg)
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("gk-import: {msg}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    match run(args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("gk-import: {msg}");
            ExitCode::FAILURE
        }
    }
}
