// Reading a downloaded workbook back as a user's spreadsheet program would: LibreOffice
// (headless, Debian's libreoffice-calc-nogui) converts every sheet to CSV. Shared by the specs
// that check Excel files.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Every sheet of an .xlsx as rows of cells, read by LibreOffice: { sheetName: [[cell]] }. */
export function sheets(xlsxPath) {
  const dir = mkdtempSync(join(tmpdir(), 'gk-xlsx-'));
  execFileSync('soffice', [
    `-env:UserInstallation=file://${dir}/profile`,
    '--headless',
    '--convert-to',
    // CSV, comma, double quotes, UTF-8 (76), from line 1, cells as shown (dates in their Chinese
    // format); -1: every sheet to its own file.
    'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1',
    '--outdir',
    dir,
    xlsxPath,
  ], { stdio: 'pipe', timeout: 60_000 });
  const out = {};
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.csv'))) {
    const sheet = f.replace(/^.*-([^-]+)\.csv$/, '$1');
    out[sheet] = parseCsv(readFileSync(join(dir, f), 'utf8'));
  }
  return out;
}

/** A small CSV reader: quoted cells may hold commas, quotes and line breaks. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') { row.push(cell); cell = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(cell); rows.push(row); row = []; cell = '';
    } else cell += ch;
  }
  if (cell || row.length) { row.push(cell); rows.push(row); }
  return rows;
}
