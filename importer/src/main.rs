//! gk-import <source.txt> [--dataset taian-2017] [-o out.json | --check out.json]

use std::process::ExitCode;

use gk_import::{first_difference, import, to_json, Summary, DEFAULT_DATASET};

const USAGE: &str = "usage: gk-import <source.txt> [--dataset ID] [-o OUT.json | --check OUT.json]
  Reads the plain-text task table and writes the task-table JSON (stdout without -o).
  --dataset ID     dataset id written into the file (default taian-2017)
  -o OUT.json      write the JSON to OUT.json
  --check OUT.json exit non-zero if OUT.json differs from what the source produces";

struct Args {
    source: String,
    dataset: String,
    output: Option<String>,
    check: Option<String>,
}

/// The arguments, or `None` for --help.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Option<Args>, String> {
    let mut source = None;
    let mut dataset = DEFAULT_DATASET.to_string();
    let mut output = None;
    let mut check = None;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--dataset" => dataset = value("--dataset")?,
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
        output,
        check,
    }))
}

fn run(args: Args) -> Result<(), String> {
    let source = std::fs::read_to_string(&args.source)
        .map_err(|e| format!("cannot read {}: {e}", args.source))?;
    let table = import(&source, &args.dataset)
        .map_err(|e| format!("{}:{}: {}", args.source, e.line, e.kind))?;
    let json = to_json(&table);
    eprintln!("{}: {}", args.source, Summary::of(&table));

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
                 cargo run -p gk-import -- {} --dataset {} -o {path}",
                args.source, args.source, args.dataset
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
