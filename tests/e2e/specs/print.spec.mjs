// Printing: the view on screen prints as an A4 ledger (台账). Chromium prints the page to PDF
// (as the browser's own print does, CSS page size and margin boxes included), and poppler-utils
// (pdfinfo, pdftotext, pdftoppm; installed by scripts/tools.sh) read it back.
// For review, the PDFs, PNGs of some of their pages and a screenshot under print media are left
// in tests/e2e/test-results/ (print-*.pdf, print-*.png, print-preview.png).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { table, watch, openApp, openOffice, expectedIds, hashOf } from './helpers.mjs';

const results = new URL('../test-results/', import.meta.url).pathname;
const out = (name) => results + name;

function poppler(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    if (e.code === 'ENOENT') throw new Error(`${cmd} is missing: install poppler-utils (scripts/tools.sh test does)`);
    throw e;
  }
}

/** Prints the page to `print-<name>.pdf` and reads it back: page count, page size, each page's text. */
async function print(page, name) {
  mkdirSync(results, { recursive: true });
  const path = out(`print-${name}.pdf`);
  const dates = [today()];
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  dates.push(today());
  const info = poppler('pdfinfo', [path]);
  const [width, height] = info.match(/^Page size:\s+([\d.]+) x ([\d.]+)/m).slice(1).map(Number);
  const pages = poppler('pdftotext', ['-layout', path, '-']).split('\f').slice(0, -1);
  expect(pages.length).toBe(Number(info.match(/^Pages:\s+(\d+)/m)[1]));
  return { path, width, height, pages, text: pages.join('\n'), dates };
}

/** PNGs of pages `first`–`last` of a printed PDF, for people to look at. */
function pngs(pdf, name, first, last) {
  poppler('pdftoppm', ['-r', '60', '-png', '-f', `${first}`, '-l', `${last}`, pdf.path, out(`print-${name}`)]);
}

const A4 = { short: 595, long: 842 }; // points, ± 1
const near = (a, b) => Math.abs(a - b) < 2;

/** Today in the tests' time zone (Asia/Shanghai), as the ledger writes it. */
const today = () => {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric' })
      .formatToParts(new Date())
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}年${p.month}月${p.day}日`;
};

const ID = /^\s{0,3}(\d+\.\d+\.\d+)\s/;
const squash = (s) => s.replace(/\s+/g, '');

/** The lines of a page's table, from below its header row to the footer or the sign-off. */
function tableLines(pageText) {
  const lines = pageText.split('\n');
  const head = lines.findIndex((l) => /编号\s+工作任务及要求\s+牵头单位\s+责任单位/.test(l));
  if (head < 0) return null;
  const end = lines.findIndex((l, i) => i > head && (/第 \d+ 页/.test(l) || /^\s*填报单位：/.test(l)));
  return lines.slice(head + 1, end < 0 ? undefined : end).filter((l) => l.trim() !== '');
}

/** Checks what every printed ledger has: the header row and footer on every page, no heading
 *  left alone at the bottom of a page, the title, the date, and none of the screen's controls. */
function expectLedger(pdf, { unit, orientation = 'portrait' } = {}) {
  const n = pdf.pages.length;
  const [w, h] = orientation === 'portrait' ? [A4.short, A4.long] : [A4.long, A4.short];
  expect(near(pdf.width, w) && near(pdf.height, h), `${pdf.width} x ${pdf.height}`).toBe(true);
  expect(pdf.pages[0]).toContain(table.dataset.title);
  expect(pdf.dates.some((d) => pdf.pages[0].includes(`打印日期：${d}`)), pdf.pages[0]).toBe(true);
  pdf.pages.forEach((p, i) => {
    expect(squash(p), `page ${i + 1}: footer`).toContain(`第${i + 1}页/共${n}页`);
    const rows = tableLines(p);
    expect(rows, `page ${i + 1}: the table's header row repeats`).not.toBeNull();
    if (unit) expect(p).toMatch(/编号\s+工作任务及要求\s+牵头单位\s+责任单位\s+状态\s+备注/);
    // A line that starts at the left edge starts a row: a task (its id) or a heading.
    // The last one of a page must be a task, or a heading was left alone at the bottom.
    const starts = rows.filter((l) => /^\s{0,3}\S/.test(l));
    if (starts.length) expect(starts.at(-1), `page ${i + 1} ends with a heading`).toMatch(ID);
  });
  // The sign-off, at the end.
  const last = pdf.pages.at(-1);
  for (const label of ['填报单位：', '填报人：', '审核人：', '日期：']) expect(last).toContain(label);
  if (unit) expect(last).toMatch(new RegExp(`填报单位：\\s*${unit}`));
  // None of the screen's controls, navigation, messages or counts (none of these words is in
  // the table itself).
  const text = pdf.text;
  for (const s of [
    '清除全部筛选', '筛选', '导出', '导入', '全部单位', '查找单位', '输入名称查找', '牵头和责任',
    '全部状态', '全部分项', '显示', '任务表', '汇总', '知道了', '纵向', '横向',
  ]) {
    expect(text, s).not.toContain(s);
  }
  expect(text).not.toMatch(/打印(?!日期)/); // the 打印 button
  expect(text).not.toMatch(/[（(]\d+[）)]/); // a facet count of a chip or an option
  expect(text.split('全部').length).toBe(text.split('全部任务').length); // the chip 全部
}

/** The ids of the task rows, in print order, and each one's first line of text against the table. */
function printedTasks(pdf) {
  const ids = [];
  for (const p of pdf.pages) {
    for (const line of tableLines(p)) {
      const m = line.match(ID);
      if (!m) continue;
      ids.push(m[1]);
      const task = table.tasks.find((t) => t.id === m[1]);
      // The text's first line: up to the next column (pdftotext's gaps vary: compare 8 characters).
      const first = squash(line.replace(ID, '').trim().split(/\s{2,}/)[0]).slice(0, 8);
      expect(first.length, line).toBeGreaterThanOrEqual(4);
      expect(squash(task.text).startsWith(first), `${m[1]}: ${line}`).toBe(true);
    }
  }
  return ids;
}

const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);

test('a unit’s view prints as its ledger: statuses and notes as text, ☐ for the unticked, sign-off with the unit', async ({ page }) => {
  const w = watch(page);
  const unit = '市财政局';
  const ids = expectedIds({ unit });
  await openApp(page, hashOf({ unit }));
  await row(page, '1.1.1').getByLabel('状态').selectOption('done');
  await row(page, '1.1.2').getByLabel('状态').selectOption('doing');
  await row(page, '1.1.3').getByLabel('状态').selectOption('na');
  await row(page, '1.1.1').getByLabel('备注').fill('网站已公开');
  await row(page, '1.1.2').getByLabel('备注').fill('6月底前公开');

  const pdf = await print(page, 'unit');
  pngs(pdf, 'unit', 1, 1);
  pngs(pdf, 'unit', pdf.pages.length, pdf.pages.length);
  expectLedger(pdf, { unit });
  // With a unit, the view names the as-of day of its lights (issue 13): today by default.
  expect(pdf.dates.some((d) => pdf.pages[0].includes(`单位：${unit} 截至 ${d} 共 ${ids.length} 项`)), pdf.pages[0]).toBe(true);
  expect(printedTasks(pdf)).toEqual(ids);
  // The 督办 counts, buttons on screen, print as text (issue 24).
  expect(pdf.pages[0].replace(/\s+/g, '')).toMatch(/督办：逾期\d+项·待更新\d+项·临期\d+项/);
  // Status and note, on the task's own lines (the row's first lines: status column, note column).
  const lines = pdf.pages[0].split('\n');
  const rowOf = (id) => lines.slice(lines.findIndex((l) => l.match(ID)?.[1] === id)).slice(0, 3).join('\n');
  expect(rowOf('1.1.1')).toMatch(/☑\s*已完成/);
  expect(rowOf('1.1.1')).toContain('网站已公开');
  expect(rowOf('1.1.2')).toMatch(/☐\s*进行中/);
  expect(rowOf('1.1.2')).toContain('6月底前公开');
  expect(rowOf('1.1.3')).toMatch(/☒\s*不适用/);
  expect(rowOf('1.1.5')).toMatch(/☐\s*未开始/);
  expect(pdf.text.match(/☐\s*未开始/g)).toHaveLength(ids.length - 3);
  expect(rowOf('1.1.1')).toContain('牵头');
  // Plausible length: 78 tasks, most of a page's height holds several of them.
  expect(pdf.pages.length).toBeGreaterThanOrEqual(Math.ceil(ids.length / 12));
  expect(pdf.pages.length).toBeLessThan(ids.length);

  // The same page under print media, for review; the controls are gone, the print parts shown.
  await page.setViewportSize({ width: 794, height: 1123 });
  await page.emulateMedia({ media: 'print' });
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(page.locator('.filters')).toBeHidden();
  await expect(page.locator('.print-head')).toBeVisible();
  await expect(page.locator('.sign-off')).toBeVisible();
  await expect(row(page, '1.1.1').locator('select, textarea')).toHaveCount(2);
  await expect(row(page, '1.1.1').locator('select')).toBeHidden();
  await page.screenshot({ path: out('print-preview.png'), fullPage: false });
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.print-head')).toBeHidden();
  await expect(page.locator('.sign-off')).toBeHidden();
  await expect(row(page, '1.1.1').locator('.col-note')).toBeHidden();
  w.expectClean();
});

test('the whole table prints every task in order, grouped under its headings, on plausible pages', async ({ page }) => {
  const w = watch(page);
  await openApp(page);
  const pdf = await print(page, 'all');
  pngs(pdf, 'all', 1, 2);
  expectLedger(pdf);
  expect(pdf.pages[0]).toContain(`全部任务 共 ${table.tasks.length} 项`);
  expect(printedTasks(pdf)).toEqual(table.tasks.map((t) => t.id));
  // The headings, as on screen: every pillar and section.
  const flat = squash(pdf.text);
  for (const s of table.sections) expect(flat).toContain(squash(s.name));
  expect(flat).toContain('一、以政务公开助力稳增长');
  expect(flat).toContain('六、增强政务公开实效');
  // No status columns without a unit; the sign-off's unit is left blank.
  expect(pdf.text).not.toMatch(/状态\s+备注/);
  expect(pdf.text).not.toContain('☐');
  expect(pdf.pages.at(-1)).toMatch(/填报单位：\s+填报人：/);
  expect(pdf.pages.length).toBeGreaterThanOrEqual(10);
  expect(pdf.pages.length).toBeLessThan(80);
  // A unit's view is shorter than the whole table.
  await page.goto(`./#${hashOf({ unit: '市财政局' })}`);
  const fin = expectedIds({ unit: '市财政局' }).length;
  await expect(page.locator('.count')).toHaveText(`显示 ${fin} / 本单位 ${fin} 项`);
  const unit = await print(page, 'unit-check');
  expect(unit.pages.length).toBeLessThan(pdf.pages.length);
  w.expectClean();
});

test('a filtered view prints its filters in words', async ({ page }) => {
  const v = { unit: '新泰市', role: 'lead', pillar: 4 };
  const ids = expectedIds(v);
  await openApp(page, hashOf({ ...v, q: '公开', asof: '2017-07-01' }));
  const n = expectedIds({ ...v, q: '公开' }).length;
  expect(n).toBeGreaterThan(0);
  expect(n).toBeLessThanOrEqual(ids.length);
  const pdf = await print(page, 'filtered');
  expect(pdf.pages[0]).toContain(`单位：新泰市（牵头） 支柱：惠民生 搜索：“公开” 截至 2017年7月1日 共 ${n} 项`);
  expect(printedTasks(pdf)).toEqual(expectedIds({ ...v, q: '公开' }));
});

test('the 打印 button prints; 横向 prints on landscape A4 for the rest of the visit', async ({ page }) => {
  const w = watch(page);
  await openApp(page, hashOf({ unit: '市财政局', pillar: 1 }));
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => window.printed++;
  });
  await page.getByRole('button', { name: '打印', exact: true }).click();
  expect(await page.evaluate(() => window.printed)).toBe(1);

  const portrait = await print(page, 'portrait');
  await page.getByLabel('横向').check();
  const landscape = await print(page, 'landscape');
  pngs(landscape, 'landscape', 1, 1);
  expect(landscape.pages.length).toBeLessThanOrEqual(portrait.pages.length);
  expectLedger(landscape, { unit: '市财政局', orientation: 'landscape' });
  // Kept while the page is open: after another filter, the same orientation.
  await page.locator('#unit').selectOption('泰山区');
  await expect(page.getByLabel('横向')).toBeChecked();
  const again = await print(page, 'landscape-again');
  expect(again.width).toBeGreaterThan(again.height);
  w.expectClean();
});

test('the print date is the day of printing, even when the page was opened the day before', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2017-06-29T23:50:00+08:00'));
  await openApp(page, hashOf({ unit: '市财政局', pillar: 6 }));
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.print-date')).toHaveText('打印日期：2017年6月29日');
  await page.emulateMedia({ media: null }); // (screen would print with the screen's styles)
  await page.clock.setFixedTime(new Date('2017-06-30T00:10:00+08:00'));
  const path = out('print-date.pdf');
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  expect(poppler('pdftotext', ['-layout', path, '-'])).toContain('打印日期：2017年6月30日');
});

test('the central view (汇总) prints with the ledger heading and without screen controls', async ({ page }) => {
  await openOffice(page);
  const pdf = await print(page, 'central');
  pngs(pdf, 'central', 1, 1);
  expect(pdf.pages[0]).toContain('2017年泰安市政务公开重点工作任务分解表');
  expect(pdf.pages[0]).toContain('汇总：各单位完成情况');
  expect(pdf.text).toContain('市财政局');
  expect(pdf.text).toContain('未报送');
  for (const control of ['导入报送文件', '导出全部单位', '导出 CSV', '清除全部筛选']) expect(pdf.text).not.toContain(control);
});
