//! What the tests share: LibreOffice converting HTML the tests wrote into the Word documents
//! and Excel workbooks an office would have.

// Each test crate includes this module and uses only part of it.
#![allow(dead_code)]

use std::path::Path;

/// Word: an HTML `rowspan` becomes `w:vMerge`, a `colspan` `w:gridSpan`.
pub const WORD: (&str, &str) = ("HTML (StarWriter)", "docx:MS Word 2007 XML");
/// Excel: spans become merged ranges.
pub const EXCEL: (&str, &str) = ("HTML (StarCalc)", "xlsx");

/// Converts `files` into `dir` (with a LibreOffice profile of its own there), as `(filter,
/// format)`, [`WORD`] or [`EXCEL`].
pub fn libreoffice(dir: &Path, (filter, format): (&str, &str), files: &[String]) {
    let out = std::process::Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}/profile",
            dir.display()
        ))
        .args([
            "--headless",
            &format!("--infilter={filter}"),
            "--convert-to",
            format,
            "--outdir",
        ])
        .arg(dir)
        .args(files)
        .output()
        .expect("LibreOffice (soffice) runs: scripts/tools.sh installs it");
    assert!(out.status.success(), "{out:?}");
}
