// 督办 on the office page (issue 13): the 汇总 matrix's 逾期/待更新 counts and their sort, the
// 督办 list, the as-of day (link and date control), the printable 催办通知单 (read back from the
// PDF, page by page) and the 催办 CSV. Every expectation is computed here, from
// data/tables/taian-2017.json and the rules written again in JavaScript, not by the app.
// PDFs and PNGs of their pages are left in tests/e2e/test-results/ (dunning-*.pdf, dunning-*.png).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { table, watch, roleOf } from './helpers.mjs';
import { lightOf, dueOf, chineseDate, periodWordsOf } from './lights.mjs';

// ---- The rules (lights.mjs), independently of the app ----

const WORD = { overdue: '逾期', stale: '待更新' };
const termOf = (task, light) => (light === 'stale' ? periodWordsOf(task) : chineseDate(dueOf(task)));

// ---- The records the office imports ----

const entry = (unit, task, status, note, updated_at) => ({ unit, task, status, note, updated_at });
const ENTRIES = [
  // A county: 2.1.7 done (no longer overdue); 1.1.5 noted at 00:30 on 1 July China time (fresh
  // in July), 2.3.2 at 23:59 on 30 June (the week before: still stale); 4.3.4 in progress.
  entry('泰山区', '2.1.7', 'done', '已完成', '2017-06-20T02:00:00Z'),
  entry('泰山区', '1.1.5', 'doing', '7月已公开', '2017-06-30T16:30:00Z'),
  entry('泰山区', '2.3.2', 'doing', '上周已报', '2017-06-30T15:59:00Z'),
  entry('泰山区', '4.3.4', 'doing', '正在整理，"7月中旬"完成', '2017-06-29T01:00:00Z'),
  // 不适用 closes a recurring task.
  entry('泰山区', '4.1.7', 'na', '不涉及', '2017-03-01T01:00:00Z'),
  entry('新泰市', '4.3.4', 'doing', '=已上报', '2017-06-10T01:00:00Z'),
  entry('市财政局', '1.1.5', 'done', '每月在网站公开', '2017-06-30T17:00:00Z'),
  entry('市财政局', '1.1.1', 'done', '', '2017-06-29T10:00:00Z'),
  entry('市教育局', '4.3.4', 'done', '', '2017-06-28T10:00:00Z'),
];
const stateFile = (entries) =>
  Buffer.from(JSON.stringify({ format: 'gk-checklist', version: 1, dataset: 'taian-2017', exported_at: '2017-07-01T08:00:00Z', entries }));
const files = () => [
  { name: 'counties.json', mimeType: 'application/json', buffer: stateFile(ENTRIES.filter((e) => !e.unit.startsWith('市'))) },
  { name: 'city.json', mimeType: 'application/json', buffer: stateFile(ENTRIES.filter((e) => e.unit.startsWith('市'))) },
];
const record = (unit, id) => ENTRIES.find((e) => e.unit === unit && e.task === id);
const NO_RECORDS = () => undefined;

const UNITS = table.units.filter((u) => u.kind !== 'group').map((u) => u.name);
/** A unit's 催办 list on `day`: its overdue and stale tasks in source order (by default with
 *  the imported records; `NO_RECORDS` for a browser that has none). */
const chased = (unit, day, records = record) =>
  table.tasks
    .filter((t) => roleOf(t, unit) !== null)
    .map((t) => ({ task: t, light: lightOf(t, records(unit, t.id), day) }))
    .filter((r) => r.light === 'overdue' || r.light === 'stale');
const countOf = (unit, day, light, records = record) =>
  table.tasks.filter((t) => roleOf(t, unit) !== null && lightOf(t, records(unit, t.id), day) === light).length;

// ---- Helpers ----

const AS_OF = '2017-07-01';
const results = new URL('../test-results/', import.meta.url).pathname;
const squash = (s) => s.replace(/\s+/g, '');
const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
/** The task ids printed in a PDF's pages, as whole words (so 2.1.1 never passes on 2.1.10's):
 *  read from the text before it is squashed, where an id stands apart from its neighbours. */
const printedIds = (pages) => new Set(pages.join('\n').match(/(?<![\d.])\d+\.\d+\.\d+(?![\d.])/g));

async function openWithRecords(page, hash = `asof=${AS_OF}`) {
  await page.goto(`./office/#${hash}`);
  await expect(page.locator('table.matrix')).toBeVisible();
  await page.locator('#import-files').setInputFiles(files());
  await page.getByRole('region', { name: '导入预览' }).getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText(`新增 ${ENTRIES.length} 条`);
}

const matrixUnits = (page) => page.locator('table.matrix tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.unit));
const matrixCounts = (page) =>
  page.locator('table.matrix tbody tr').evaluateAll((trs) =>
    Object.fromEntries(
      trs.map((tr) => [
        tr.dataset.unit,
        ['overdue', 'stale'].map((l) => {
          const td = tr.querySelector(`td[data-light="${l}"]`);
          return [Number(td.textContent), td.classList.contains('alert')];
        }),
      ]),
    ),
  );
const expectedCounts = (day) =>
  Object.fromEntries(UNITS.map((u) => [u, ['overdue', 'stale'].map((l) => [countOf(u, day, l), countOf(u, day, l) > 0])]));

/** Prints the page to test-results/<name>.pdf; returns its path and each page's text. */
async function printPdf(page, name) {
  mkdirSync(results, { recursive: true });
  const path = `${results}${name}.pdf`;
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  const n = Number(run('pdfinfo', [path]).match(/^Pages:\s+(\d+)/m)[1]);
  const pages = [];
  for (let p = 1; p <= n; p++) pages.push(run('pdftotext', ['-layout', '-f', `${p}`, '-l', `${p}`, path, '-']));
  run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', `${Math.min(n, 3)}`, path, `${results}${name}`]);
  return { path, pages };
}

/** Clicks 打印催办通知单 with the browser's print dialog stubbed (headless has none). */
async function clickPrint(page) {
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => {
      window.printed += 1;
    };
  });
  await page.getByRole('button', { name: '打印催办通知单' }).click();
  await expect.poll(() => page.evaluate(() => window.printed)).toBe(1);
}

/** A minimal RFC 4180 reader. */
function readCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\r' && text[i + 1] === '\n') row.push(field), rows.push(row), (row = []), (field = ''), i++;
    else field += c;
  }
  return rows;
}

// ---- Tests ----

test('the matrix counts 逾期 and 待更新 per unit on the link’s day, red and bold when not zero, and sorts by them', async ({ page }) => {
  const w = watch(page);
  await openWithRecords(page);
  await expect(page.locator('#asof')).toHaveValue(AS_OF);
  await expect(page.locator('table.matrix caption')).toContainText('截至 2017年7月1日');
  const initial = await matrixUnits(page);
  expect([...initial].sort()).toEqual([...UNITS].sort());
  expect(await matrixCounts(page)).toEqual(expectedCounts(AS_OF));
  // Some of each, so that the checks above compare something.
  expect(countOf('泰山区', AS_OF, 'overdue')).toBe(1);
  expect(countOf('东平县', AS_OF, 'overdue')).toBe(2);
  expect(UNITS.filter((u) => countOf(u, AS_OF, 'stale') === 0).length).toBeGreaterThan(0);
  const alert = page.locator('table.matrix tr[data-unit="东平县"] td[data-light="overdue"]');
  await expect(alert).toHaveCSS('font-weight', '700');
  await expect(alert).toHaveCSS('color', 'rgb(176, 32, 30)');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('.central-tools').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}dunning-matrix-1366.png` });

  // Sorted by 逾期 (ties by 待更新, then the table's order), then by 待更新.
  const sortBy = (first, second) =>
    [...initial].sort(
      (a, b) =>
        countOf(b, AS_OF, first) - countOf(a, AS_OF, first) ||
        countOf(b, AS_OF, second) - countOf(a, AS_OF, second) ||
        initial.indexOf(a) - initial.indexOf(b),
    );
  const overdueHead = page.locator('table.matrix thead th', { hasText: /^逾期$/ });
  const staleHead = page.locator('table.matrix thead th', { hasText: /^待更新$/ });
  await page.getByLabel('排序').selectOption('overdue');
  await expect.poll(() => matrixUnits(page)).toEqual(sortBy('overdue', 'stale'));
  await expect(overdueHead).toHaveAttribute('aria-sort', 'descending');
  await expect(staleHead).not.toHaveAttribute('aria-sort', /./);
  await page.getByLabel('排序').selectOption('stale');
  await expect.poll(() => matrixUnits(page)).toEqual(sortBy('stale', 'overdue'));
  await expect(staleHead).toHaveAttribute('aria-sort', 'descending');
  await page.getByLabel('排序').selectOption('table');
  await expect.poll(() => matrixUnits(page)).toEqual(initial);

  // The 截至日期 control changes the day, the link and the counts.
  await page.locator('#asof').fill('2017-06-01');
  await expect(page).toHaveURL(/#asof=2017-06-01$/);
  await expect.poll(() => matrixCounts(page)).toEqual(expectedCounts('2017-06-01'));
  await expect(page.locator('table.matrix caption')).toContainText('截至 2017年6月1日');
  // Back goes to the link's day again.
  await page.goBack();
  await expect(page.locator('#asof')).toHaveValue(AS_OF);
  await expect.poll(() => matrixCounts(page)).toEqual(expectedCounts(AS_OF));
  // A unit opens its read-only view (issue 15: no longer its task table), its lights on the
  // same day.
  await page.locator('table.matrix tr[data-unit="泰山区"] th button').click();
  const view = page.locator('section.unit-view');
  await expect(view.locator('.uv-figures')).toContainText('截至 2017年7月1日');
  const lights = await view.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.dataset.taskId, tr.dataset.light]));
  expect(lights).toEqual(
    table.tasks.filter((t) => roleOf(t, '泰山区') !== null).map((t) => [t.id, lightOf(t, record('泰山区', t.id), AS_OF)]),
  );
  // On the office page still, its link naming the unit.
  await expect(page).toHaveURL(/\/gk\/office\/#unit=[^&]+&asof=2017-07-01$/);
  w.expectClean();
});

test('the 督办 list shows every unit’s overdue and stale tasks, with term, light and note', async ({ page }) => {
  const w = watch(page);
  await openWithRecords(page);
  const list = page.locator('.dunning-notices');
  const shown = await list.locator('article.notice').evaluateAll((notices) =>
    notices.map((n) => [n.dataset.unit, [...n.querySelectorAll('tbody tr')].map((tr) => [tr.dataset.taskId, tr.dataset.light])]),
  );
  // Every unit with something to chase, and (issue 24) every unit that has not reported.
  const reported = (u) => ENTRIES.some((e) => e.unit === u);
  const expected = UNITS.map((u) => [u, chased(u, AS_OF).map((r) => [r.task.id, r.light])]).filter(
    ([u, rows]) => rows.length || !reported(u),
  );
  // In the matrix's (the table's) order of units.
  const order = await matrixUnits(page);
  expected.sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]));
  expect(shown).toEqual(expected);
  // A unit without a record is told it has not reported; one that has, is not.
  const silent = UNITS.find((u) => !reported(u));
  await expect(list.locator(`article.notice[data-unit="${silent}"] .notice-unreported`)).toBeVisible();
  await expect(list.locator('article.notice[data-unit="泰山区"] .notice-unreported')).toBeHidden();
  // The cells of one unit's rows.
  const notice = list.locator('article.notice[data-unit="泰山区"]');
  const cells = await notice.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ['.n-id', '.n-text', '.n-term', '.n-light', '.n-note'].map((c) => tr.querySelector(c).textContent)),
  );
  expect(cells).toEqual(
    chased('泰山区', AS_OF).map(({ task, light }) => [task.id, task.text, termOf(task, light), WORD[light], record('泰山区', task.id)?.note ?? '']),
  );
  // By hand (issue 24): 2.3.1 says 每五日 and is chased in those words, not as 每周.
  const t231 = notice.locator('tbody tr[data-task-id="2.3.1"]');
  await expect(t231).toHaveAttribute('data-light', 'stale');
  await expect(t231.locator('.n-term')).toHaveText('每五日');
  await expect(notice.locator('button.notice-unit')).toHaveText('泰山区');
  await expect(notice.locator('.notice-count')).toHaveText(`逾期 ${countOf('泰山区', AS_OF, 'overdue')} 项 · 待更新 ${countOf('泰山区', AS_OF, 'stale')} 项 · 临期 ${countOf('泰山区', AS_OF, 'soon')} 项`);
  // A short list starts open; a unit's name closes and opens its rows.
  await expect(notice.locator('.notice-unit')).toHaveAttribute('aria-expanded', 'true');
  await notice.locator('.notice-unit').click();
  await expect(notice.locator('tbody tr')).toHaveCount(0);
  await expect(notice.locator('.notice-unit')).toHaveAttribute('aria-expanded', 'false');
  await notice.locator('.notice-unit').click();
  await expect(notice.locator('tbody tr')).toHaveCount(chased('泰山区', AS_OF).length);
  // The notices' own words are for paper only.
  await expect(notice.locator('.notice-title')).toBeHidden();
  await expect(notice.locator('.notice-close')).toBeHidden();
  // Units with no task to chase: named below when they have reported; a notice saying they
  // have not, without rows, when they have not (issue 24).
  const clear = UNITS.filter((u) => chased(u, AS_OF).length === 0);
  expect(clear.length).toBeGreaterThan(0);
  for (const u of clear) {
    if (reported(u)) {
      await expect(page.locator('.dunning-clear')).toContainText(u);
    } else {
      const n = list.locator(`article.notice[data-unit="${u}"]`);
      await expect(n.locator('.notice-unreported')).toBeVisible();
      await expect(n.locator('tbody tr')).toHaveCount(0);
      await expect(page.locator('.dunning-clear')).not.toContainText(u);
    }
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator('.dunning-notices').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}dunning-list-1366.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.locator('.central-tools').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}dunning-tools-390.png` });
  await page.locator('.dunning-notices').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}dunning-list-390.png` });
  w.expectClean();
});

test('today (China time) is the default day; a bad asof gets a notice and is ignored; a long list starts closed', async ({ page }) => {
  const w = watch(page);
  const chinaToday = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const before = chinaToday();
  await page.goto('./office/#asof=2017-02-30');
  await expect(page.locator('table.matrix')).toBeVisible();
  await expect(page.locator('.notices')).toContainText('截至日期“2017-02-30”无效');
  // Midnight-safe: the page's today is the day before or after it was opened.
  const today = await page.locator('#asof').inputValue();
  expect([before, chinaToday()]).toContain(today);
  await expect(page.locator('table.matrix caption')).toContainText(`截至 ${chineseDate(today)}`);
  // Long after 2017 everything is overdue: every unit's rows, too many to draw at once. Each
  // unit starts closed with its counts; printing its notice draws its rows.
  const rows = UNITS.reduce((n, u) => n + chased(u, today, NO_RECORDS).length, 0);
  test.skip(rows <= 300, 'the list of today is short');
  await expect(page.locator('.notice-unit[aria-expanded="true"]')).toHaveCount(0);
  await expect(page.locator('.dunning-notices tbody tr')).toHaveCount(0);
  const notice = page.locator('article.notice[data-unit="泰山区"]');
  const count = (l) => countOf('泰山区', today, l, NO_RECORDS);
  await expect(notice.locator('.notice-count')).toHaveText(`逾期 ${count('overdue')} 项 · 待更新 ${count('stale')} 项 · 临期 ${count('soon')} 项`);
  await page.getByLabel('催办通知单').selectOption('泰山区');
  await clickPrint(page);
  const pdf = await printPdf(page, 'dunning-closed');
  const text = squash(pdf.pages.join(''));
  expect(text).toContain(`泰山区：截至${chineseDate(today)}`);
  // Every task names 各县（市、区）: all 139 of 泰山区's are overdue long after 2018.
  expect(chased('泰山区', today, NO_RECORDS)).toHaveLength(139);
  const ids = printedIds(pdf.pages);
  for (const { task } of chased('泰山区', today, NO_RECORDS)) expect(ids.has(task.id), task.id).toBe(true);
  for (const { task } of chased('泰山区', today, NO_RECORDS).slice(0, 20)) expect(text).toContain(squash(task.text).slice(0, 12));
  // Every page of the long notice carries its heading and closing line.
  expect(pdf.pages.length).toBeGreaterThan(1);
  for (const p of pdf.pages) {
    expect(squash(p)).toContain(`催办通知单泰山区：截至${chineseDate(today)}`);
    expect(squash(p)).toContain('市政府办公室');
  }
  w.expectClean();
});

test('a 催办通知单 for one unit prints alone on A4: heading, unit, as-of day, its tasks, the closing line', async ({ page }) => {
  const w = watch(page);
  await openWithRecords(page);
  await page.getByLabel('催办通知单').selectOption('新泰市');
  await clickPrint(page);
  const pdf = await printPdf(page, 'dunning-one');
  const text = squash(pdf.pages.join(''));
  expect(text).toContain('催办通知单');
  expect(text).toContain('新泰市：');
  expect(text).toContain('截至2017年7月1日');
  // 新泰市 on 2017-07-01: 2.1.7 and 4.3.4 overdue; 1.1.5, 2.3.1, 2.3.2, 4.1.7, 4.2.3, 4.2.6 and
  // 5.2.10 stale.
  expect(chased('新泰市', AS_OF)).toHaveLength(9);
  const ids = printedIds(pdf.pages);
  for (const { task, light } of chased('新泰市', AS_OF)) {
    expect(text).toContain(squash(task.text).slice(0, 20));
    expect(ids.has(task.id), task.id).toBe(true);
    expect(text).toContain(squash(termOf(task, light)));
  }
  expect(text).toContain(`${WORD.overdue}`);
  expect(text).toContain('=已上报');
  expect(text).toContain('市政府办公室');
  expect(text).toContain('日期：');
  // Only the notice: not the central view, not another unit, none of the screen's controls.
  expect(text).not.toContain('汇总：各单位完成情况');
  expect(text).not.toContain('泰山区');
  expect(text).not.toContain('打印催办通知单');
  // After printing, the page prints its central view again.
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  const after = await printPdf(page, 'dunning-after');
  expect(squash(after.pages.join(''))).toContain('汇总：各单位完成情况');
  expect(squash(after.pages.join(''))).not.toContain('催办通知单');
  w.expectClean();
});

test('催办通知单 for all units: each unit’s notice starts a new page and every page names one unit', async ({ page }) => {
  await openWithRecords(page);
  await expect(page.getByLabel('催办通知单')).toHaveValue('');
  await clickPrint(page);
  const pdf = await printPdf(page, 'dunning-all');
  const units = UNITS.filter((u) => chased(u, AS_OF).length || !ENTRIES.some((e) => e.unit === u));
  const order = await matrixUnits(page);
  units.sort((a, b) => order.indexOf(a) - order.indexOf(b));
  expect(pdf.pages.length).toBeGreaterThanOrEqual(units.length);
  // The unit each page is addressed to (the line with the as-of day): exactly one per page.
  const named = pdf.pages.map((p, i) => {
    const t = squash(p);
    expect(t, `page ${i + 1}`).toContain('催办通知单');
    expect(t, `page ${i + 1}`).toContain('市政府办公室');
    const heads = [...t.matchAll(/([^\s：]+)：截至2017年7月1日/g)].map((m) => m[1]);
    expect(heads, `page ${i + 1}`).toHaveLength(1);
    return heads[0].replace(/.*催办通知单/, '');
  });
  // Pages in the units' order, each unit from a page of its own, none left out.
  expect([...new Set(named)]).toEqual(units);
  // Every one of the 47 units: 43 have sent nothing, the 4 that have each have tasks to chase.
  expect(units).toHaveLength(47);
  expect(units.reduce((n, u) => n + chased(u, AS_OF).length, 0)).toBeGreaterThan(0);
  for (const u of units) {
    const pages = named.flatMap((n, i) => (n === u ? [i] : []));
    const ids = squash(pdf.pages.slice(pages[0], pages.at(-1) + 1).join(''));
    for (const { task } of chased(u, AS_OF)) expect(ids).toContain(squash(task.text).slice(0, 20));
  }
});

test('the 催办 list exports as CSV: UTF-8 with BOM, one line per unit and task, and one for a unit that has sent nothing', async ({ page }) => {
  await openWithRecords(page);
  let download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出催办 CSV' }).click();
  let f = await download;
  expect(f.suggestedFilename()).toBe('taian-2017-催办-20170701.csv');
  const bytes = readFileSync(await f.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = readCsv(bytes.toString('utf8').slice(1));
  expect(rows[0]).toEqual(['单位', '编号', '工作任务及要求', '时限', '督办', '备注', '截至日期']);
  const order = await matrixUnits(page);
  const expected = [...UNITS]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .flatMap((u) => [
      // A unit that has sent nothing: a line that says so, before its tasks.
      ...(ENTRIES.some((e) => e.unit === u) ? [] : [[u, '', '尚未报送本单位的报送文件（没有该单位的任何记录）', '', '未报送', '', AS_OF]]),
      ...chased(u, AS_OF).map(({ task, light }) => {
        const note = record(u, task.id)?.note ?? '';
        return [u, task.id, task.text, termOf(task, light), WORD[light], /^[=+\-@]/.test(note) ? `'${note}` : note, AS_OF];
      }),
    ]);
  // By hand: ENTRIES has no record of 岱岳区, and one of 市财政局.
  expect(rows).toContainEqual(['岱岳区', '', '尚未报送本单位的报送文件（没有该单位的任何记录）', '', '未报送', '', AS_OF]);
  expect(rows.filter((r) => r[0] === '市财政局' && r[4] === '未报送')).toEqual([]);
  expect(rows.slice(1)).toEqual(expected);
  // One unit's list.
  await page.getByLabel('催办通知单').selectOption('泰山区');
  download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出催办 CSV' }).click();
  f = await download;
  expect(f.suggestedFilename()).toBe('taian-2017-催办-泰山区-20170701.csv');
  const one = readCsv(readFileSync(await f.path(), 'utf8').slice(1));
  expect(one.slice(1)).toEqual(expected.filter((r) => r[0] === '泰山区'));
});
