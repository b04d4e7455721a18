// LibreOffice converting HTML that a test or the benchmark wrote into the Word document or
// Excel workbook an office would have (an HTML rowspan becomes Word's w:vMerge, and Calc's
// merged ranges). Used by specs/reader.spec.mjs and bench.mjs.
import { execFileSync } from 'node:child_process';
import { basename, join } from 'node:path';

export const WORD = { filter: 'HTML (StarWriter)', format: 'docx:MS Word 2007 XML', ext: 'docx' };
export const EXCEL = { filter: 'HTML (StarCalc)', format: 'xlsx', ext: 'xlsx' };

/** Converts `html` into `dir` (with a LibreOffice profile of its own there); the new file's path. */
export function convert(html, dir, { filter, format, ext }) {
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${dir}/profile`, '--headless', `--infilter=${filter}`, '--convert-to', format, '--outdir', dir, html],
    { stdio: 'pipe', timeout: 180_000 },
  );
  return join(dir, `${basename(html).replace(/\.html?$/, '')}.${ext}`);
}
