// The second table of the deployment (issue 21): the hand-written sample daiyue-2026 (a
// district's 2026 table, data/tables/daiyue-2026.json), opened from the same dist/ by
// `table=daiyue-2026` in the link, through the core flows: the table's own headings, time labels
// and title; a unit's tasks and roles; records kept per table; the 督办 lights; the state file,
// the office's import, matrix and 催办通知单; Excel; print. The expected tasks and lights are
// pinned from the hand-worked data/daiyue-2026.expect.md (not computed by a copy of the rules);
// helpers.mjs's `table` is Tai'an's, so this spec reads the 2026 JSON itself.
// Screenshots for review: tests/e2e/test-results/second-table-*.png.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { table as taian, watch, taskRows, shownIds, hashOf, unitControls } from './helpers.mjs';
import { sheets } from './workbook.mjs';
// (lights.mjs's lightOf reads Tai'an's deadlines; its words and day helpers fit any table.)
import { WORDS as WORD, PERIOD_WORD, chineseDate, plusDays } from './lights.mjs';

const daiyue = JSON.parse(readFileSync(new URL('../../../data/tables/daiyue-2026.json', import.meta.url), 'utf8'));
const ID = 'daiyue-2026';
const TITLE = '2026年岱岳区政务公开重点工作任务分解表（示例）';
const TAIAN_TITLE = '2017年泰安市政务公开重点工作任务分解表';
const UNIT = '区财政局';
const ASOF = '2026-06-20';
const results = new URL('../test-results/', import.meta.url).pathname;

// ---- data/daiyue-2026.expect.md (a), pinned: 区财政局's 31 tasks, role, way, 不适用 ----
// [id, role, group it gets the task through (null: its own name), may be marked 不适用]
const CZ = [
  ['1.1.1', '责任', '区直各部门', false],
  ['1.1.2', '责任', null, false],
  ['1.1.3', '牵头', null, false],
  ['1.1.4', '责任', '区直有关部门', true],
  ['1.2.1', '责任', '区直有关部门', true],
  ['1.3.1', '责任', '区直各部门', false],
  ['1.3.2', '责任', '区直有关部门', true],
  ['1.3.3', '责任', '区直有关部门', true],
  ['2.1.1', '牵头', null, false],
  ['2.1.2', '牵头', null, false],
  ['2.1.3', '牵头', null, false],
  ['2.2.4', '责任', null, false],
  ['2.3.1', '牵头', null, false],
  ['2.4.1', '责任', '区直有关部门', true],
  ['3.1.1', '责任', '区直有关部门', true],
  ['3.1.2', '责任', '区直有关部门', true],
  ['3.1.3', '责任', null, false],
  ['3.2.1', '责任', '区直各部门', false],
  ['3.2.2', '牵头', '区直有关部门', true],
  ['3.3.1', '责任', '区直各部门', false],
  ['3.3.2', '责任', '区直各部门', false],
  ['4.1.1', '责任', '区直各部门', false],
  ['4.1.2', '牵头', '区直各部门', false],
  ['4.2.1', '责任', '区直各部门', false],
  ['4.2.2', '责任', '区直各部门', false],
  ['4.2.3', '牵头', '区直有关部门', true],
  ['4.2.4', '责任', '区直有关部门', true],
  ['5.1.1', '牵头', '区直各部门', false],
  ['5.1.2', '责任', '区直各部门', false],
  ['5.2.1', '责任', '区直各部门', false],
  ['5.2.2', '责任', '区直各部门', false],
];
const CZ_IDS = CZ.map(([id]) => id);
// 满庄镇: 5 led tasks (2.3.3 by its own name, the others through 各镇（街道）), 21 responsible.
const MZ_LEAD = [
  ['1.2.2', '牵头 · 各镇（街道）'],
  ['2.3.2', '牵头 · 各镇（街道）'],
  ['2.3.3', '牵头'],
  ['4.1.2', '牵头 · 各镇（街道）'],
  ['5.1.1', '牵头 · 各镇（街道）'],
];
const MZ_TOTAL = 26;
// (c): the lights of 区财政局 without records on 2026-06-20.
const LIGHTS = [
  ['5.1.1', 'overdue', '逾期'],
  ['2.1.3', 'stale', '待更新'],
  ['4.1.2', 'soon', '临期'],
  ['2.1.2', 'stale', '待更新'],
  ['1.1.1', 'none', ''],
];
// (b): every task's due date and period (— : none), as worked by hand.
const DUE_PERIOD = Object.fromEntries(
  `
  1.1.1 2026-12-31 —
  1.1.2 2026-12-31 quarter
  1.1.3 2026-09-30 month
  1.1.4 2026-03-31 —
  1.2.1 2026-12-31 —
  1.2.2 2026-12-31 —
  1.3.1 2026-12-31 —
  1.3.2 2026-12-31 week
  1.3.3 2026-12-31 —
  2.1.1 2026-12-31 —
  2.1.2 2026-12-31 month
  2.1.3 2026-06-30 quarter
  2.1.4 2026-12-31 —
  2.2.1 2026-06-30 —
  2.2.2 2026-12-31 quarter
  2.2.3 2026-09-30 month
  2.2.4 2026-12-31 —
  2.3.1 2026-12-31 year
  2.3.2 2026-12-31 quarter
  2.3.3 2026-12-31 —
  2.3.4 2026-12-31 —
  2.4.1 2026-12-31 month
  2.4.2 2026-12-31 —
  3.1.1 2026-03-31 —
  3.1.2 2026-09-30 —
  3.1.3 2026-12-31 quarter
  3.2.1 2026-12-31 —
  3.2.2 2026-12-31 quarter
  3.3.1 2026-12-31 —
  3.3.2 2026-09-30 —
  4.1.1 2026-12-31 week
  4.1.2 2026-06-30 —
  4.2.1 2026-03-31 —
  4.2.2 2027-03-31 —
  4.2.3 2026-12-31 month
  4.2.4 2026-06-30 —
  5.1.1 2026-03-31 —
  5.1.2 2026-12-31 month
  5.2.1 2026-12-31 year
  5.2.2 2026-09-30 —
`
    .trim()
    .split('\n')
    .map((l) => l.trim().split(' '))
    .map(([id, due, period]) => [id, { due, period: period === '—' ? null : period }]),
);
const NA_HINT = '有关部门的任务：与本单位无关时可标记为“不适用”';

// ---- A second, independent reading of the JSON: breadth only (the pins above decide) ----
const groups = new Map(daiyue.units.filter((u) => u.kind === 'group').map((u) => [u.name, u.members]));
const reaches = (name, unit) => name === unit || (groups.get(name) ?? []).includes(unit);
const involved = (unit) =>
  daiyue.tasks.filter((t) => [...t.lead, ...t.responsible].some((n) => reaches(n, unit))).map((t) => t.id);
const PICKABLE = daiyue.units.filter((u) => u.kind !== 'group').map((u) => u.name);

/** The 督办 light of a task without a record (issue 13's rules, again; breadth only): 逾期 past
 *  its due date, 待更新 when it recurs (no record in the current period), 临期 due within 14 days. */
const lightWithoutRecord = (id, day) => {
  const { due, period } = DUE_PERIOD[id];
  if (due < day) return 'overdue';
  if (period) return 'stale';
  return due <= plusDays(day, 14) ? 'soon' : 'none';
};

// ---- Helpers ----
const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);
const statusOf = (page, id) => row(page, id).getByLabel('状态');
const noteOf = (page, id) => row(page, id).getByLabel('备注');
const squash = (s) => s.replace(/\s+/g, '');
const stored = (page, prefix) =>
  page.evaluate(
    (prefix) =>
      Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith(prefix)).map((k) => [k, localStorage.getItem(k)])),
    prefix,
  );
/** Today in China as the file names write it (20260620), before and after an action. */
const stamp = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()).replaceAll('-', '');

/** Opens the 2026 task table with the view `params` and waits for its rows. */
async function open2026(page, params = {}) {
  await page.goto(`./#${hashOf({ table: ID, ...params })}`);
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(page.locator('table.tasks')).toBeVisible();
  await expect(taskRows(page).first()).toBeVisible();
  if (params.unit) await unitControls(page);
}

async function openOffice2026(page, params = {}) {
  await page.goto(`./office/#${hashOf({ table: ID, ...params })}`);
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(page.locator('table.matrix')).toBeVisible();
}

/** Prints the page to test-results/<name>.pdf and reads it back with pdftotext (poppler). */
async function printPdf(page, name) {
  mkdirSync(results, { recursive: true });
  const path = `${results}${name}.pdf`;
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
}

/** Exports 区财政局's state file from the 2026 task table (after one edit), returns its text. */
async function exportStateFile(page) {
  await open2026(page, { unit: UNIT });
  await statusOf(page, '1.1.1').selectOption('doing');
  await noteOf(page, '1.1.1').fill('已在区政府门户网站发布');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出报送文件' }).click();
  const f = await download;
  return { name: f.suggestedFilename(), text: readFileSync(await f.path(), 'utf8') };
}

// ---- Tests ----

test('the data pins agree with the JSON (a second reading, for breadth)', () => {
  expect(daiyue.dataset.id).toBe(ID);
  expect(daiyue.dataset.title).toBe(TITLE);
  expect(daiyue.tasks).toHaveLength(40);
  expect(PICKABLE).toHaveLength(25);
  expect(involved(UNIT)).toEqual(CZ_IDS);
  expect(involved('满庄镇')).toHaveLength(MZ_TOTAL);
});

test('#table=daiyue-2026 opens the 2026 table: its title, unit headings, time labels and window title', async ({ page }) => {
  const w = watch(page);
  await open2026(page);
  await expect(page).toHaveTitle('2026年岱岳区政务公开重点工作任务台账（示例）');
  await expect(taskRows(page)).toHaveCount(daiyue.tasks.length);
  expect(await shownIds(page)).toEqual(daiyue.tasks.map((t) => t.id));
  // The unit picker: the table's kinds as headings, its units under them.
  const headings = await page.locator('#unit optgroup').evaluateAll((gs) => gs.map((g) => g.label));
  expect(headings).toEqual(['区直部门', '镇（街道）', '其他单位']);
  for (const [heading, kind] of [['区直部门', 'department'], ['镇（街道）', 'town'], ['其他单位', 'other']]) {
    const names = await page
      .locator(`#unit optgroup[label="${heading}"] option`)
      .evaluateAll((os) => os.map((o) => o.value));
    expect(names, heading).toEqual(daiyue.units.filter((u) => u.kind === kind).map((u) => u.name));
  }
  // None of Tai'an's units.
  await expect(page.locator('#unit option[value="市财政局"]')).toHaveCount(0);
  // The time select: the table's own labels.
  const times = await page.locator('#time option').allTextContents();
  for (const label of ['2026年3月底前', '2026年6月底前', '2026年9月底前', '2026年底前', '2027年3月底前', '每周', '每月', '每季度', '定期']) {
    expect(times.some((t) => t.startsWith(label)), `${label} in ${times.join(' | ')}`).toBe(true);
  }
  // Tai'an's deadlines are not offered.
  expect(times.join('|')).not.toMatch(/2017|2018/);
  // No trace of Tai'an's table or office on the page.
  const text = await page.locator('body').innerText();
  expect(text).not.toContain('市政府办公室');
  // Tai'an's title only as the other choice of the masthead's table switch.
  const where = await page.evaluate((title) => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    while (walker.nextNode()) {
      const n = walker.currentNode;
      if (n.textContent.includes(title)) found.push(`${n.parentElement.closest('details')?.className ?? ''}>${n.parentElement.tagName}`);
    }
    return found;
  }, TAIAN_TITLE);
  expect(where).toEqual(['table-switch>A']);
  await expect(page.locator('.table-switch a[aria-current]')).toHaveText(TITLE);
  await expect(page.locator('a', { hasText: '汇总与导入' })).toHaveAttribute('href', `office/#table=${ID}`);
  w.expectClean();
});

test('区财政局 gets exactly its 31 tasks with their roles; 不适用 only through 区直有关部门; 满庄镇 leads 5', async ({ page }) => {
  const w = watch(page);
  await open2026(page, { unit: UNIT });
  await expect(page.locator('.count')).toHaveText(`显示 31 / 本单位 31 项`);
  expect(await shownIds(page)).toEqual(CZ_IDS);
  const badges = await taskRows(page).evaluateAll((rows) =>
    rows.map((r) => {
      const b = r.querySelector('.role');
      return [r.dataset.taskId, b.textContent, b.getAttribute('title')];
    }),
  );
  expect(badges).toEqual(
    CZ.map(([id, role, via, na]) => [id, via ? `${role} · ${via}` : role, na ? NA_HINT : null]),
  );
  // 1.1.4, through 区直有关部门: its label and the 不适用 hint, and 不适用 can be chosen.
  await expect(row(page, '1.1.4').locator('.role')).toHaveText('责任 · 区直有关部门');
  await expect(row(page, '1.1.4').locator('.role')).toHaveAttribute('title', NA_HINT);
  await expect(statusOf(page, '1.1.4').locator('option[value="na"]')).toHaveText('不适用');
  await statusOf(page, '1.1.4').selectOption('na');
  await expect(statusOf(page, '1.1.4')).toHaveValue('na');
  // 1.1.1, through 区直各部门 (all of them): no hint.
  await expect(row(page, '1.1.1').locator('.role')).toHaveText('责任 · 区直各部门');
  await expect(row(page, '1.1.1').locator('.role')).not.toHaveAttribute('title', /./);

  // 满庄镇: 26 tasks, 5 of them led, none 不适用.
  await page.locator('#unit').selectOption('满庄镇');
  await expect(page.locator('.count')).toHaveText(`显示 ${MZ_TOTAL} / 本单位 ${MZ_TOTAL} 项`);
  await unitControls(page);
  const mz = await taskRows(page).evaluateAll((rows) =>
    rows.map((r) => [r.dataset.taskId, r.querySelector('.role').textContent, r.querySelector('.role').getAttribute('title')]),
  );
  expect(mz.filter(([, l]) => l.startsWith('牵头')).map(([id, l]) => [id, l])).toEqual(MZ_LEAD);
  expect(mz.filter(([, , t]) => t !== null)).toEqual([]);
  // Its 21 responsible tasks (26 less the 5 led): `every` holds for none at all too.
  expect(mz.filter(([, l]) => l.startsWith('责任'))).toHaveLength(21);
  expect(mz.filter(([, l]) => l.startsWith('责任')).every(([, l]) => l === '责任 · 各镇（街道）')).toBe(true);
  // And by the role filter, the link names it.
  await page.goto('about:blank');
  await open2026(page, { unit: '满庄镇', role: 'lead' });
  expect(await shownIds(page)).toEqual(MZ_LEAD.map(([id]) => id));
  w.expectClean();
});

test('a status and a note survive a reload, stored under gk:daiyue-2026: only; the Tai’an table is untouched', async ({ page }) => {
  const w = watch(page);
  // Tai'an's keys before (a first visit: only its 使用说明 flags).
  await page.goto('./');
  await expect(page.locator('table.tasks')).toBeVisible();
  const taianBefore = await stored(page, 'gk:taian-2017:');
  const allBefore = await page.evaluate(() => Object.keys(localStorage).sort());

  // The unit chosen in the picker (so that this browser remembers it, gk:my-unit).
  await open2026(page);
  await page.locator('#unit').selectOption(UNIT);
  await expect(page.locator('.count')).toHaveText('显示 31 / 本单位 31 项');
  await statusOf(page, '2.1.2').selectOption('done');
  await noteOf(page, '2.1.2').fill('6月收支情况已公开');
  await page.reload();
  await expect(page.locator('h1')).toHaveText(TITLE);
  await expect(statusOf(page, '2.1.2')).toHaveValue('done');
  await expect(noteOf(page, '2.1.2')).toHaveValue('6月收支情况已公开');

  const added = (await page.evaluate(() => Object.keys(localStorage).sort())).filter((k) => !allBefore.includes(k));
  // The one key outside the table: the unit last chosen (gk:my-unit, shared by the tables).
  expect(added).toEqual([`gk:${ID}:unit:${UNIT}`, 'gk:my-unit'].sort());
  const doc = JSON.parse((await stored(page, `gk:${ID}:unit:`))[`gk:${ID}:unit:${UNIT}`]);
  expect(doc.dataset).toBe(ID);
  expect(doc.entries['2.1.2']).toMatchObject({ status: 'done', note: '6月收支情况已公开' });
  expect(await stored(page, 'gk:taian-2017:')).toEqual(taianBefore);

  // The Tai'an table knows no 区财政局: a link to it says so, and opens no record of it.
  await page.goto('about:blank');
  await page.goto(`./#${hashOf({ unit: UNIT })}`);
  await expect(page.locator('h1')).toHaveText(TAIAN_TITLE);
  await expect(page.locator('table.tasks')).toBeVisible();
  await expect(page.locator('#unit option[value="区财政局"]')).toHaveCount(0);
  await expect(page.locator('#unit')).not.toHaveValue(UNIT);
  await expect(page.locator('.notices')).toContainText(UNIT);
  await expect(taskRows(page)).toHaveCount(taian.tasks.length);
  // (The unit last chosen is the 2026 table's: the Tai'an table does not start on it.)
  await page.goto('about:blank');
  await page.goto('./');
  await expect(page.locator('table.tasks')).toBeVisible();
  await expect(page.locator('#unit')).toHaveValue('');
  expect(await stored(page, 'gk:taian-2017:')).toEqual(taianBefore);
  // Back in the 2026 table, it is there still (and the picker starts on it).
  await page.goto('about:blank');
  await open2026(page);
  await expect(page.locator('#unit')).toHaveValue(UNIT);
  await expect(statusOf(page, '2.1.2')).toHaveValue('done');
  w.expectClean();
});

test('督办 on 2026-06-20 for 区财政局: each row’s light and word, the counts and the print heading', async ({ page }) => {
  const w = watch(page);
  await open2026(page, { unit: UNIT, asof: ASOF });
  await expect(page.locator('#asof')).toHaveValue(ASOF);
  for (const [id, light, word] of LIGHTS) {
    await expect(row(page, id), id).toHaveAttribute('data-light', light);
    await expect(row(page, id).locator('.light'), id).toHaveText(word);
  }
  await expect(row(page, '1.1.1').locator('.light')).toBeHidden();
  await expect(page.locator('.print-view')).toContainText(`单位：${UNIT} 截至 2026年6月20日 共 31 项`);
  // Every row carries some light (none of them 已完成 without records).
  const lights = await taskRows(page).evaluateAll((rs) => rs.map((r) => r.dataset.light));
  expect(lights).toHaveLength(31);
  expect(lights.every((l) => ['overdue', 'stale', 'soon', 'none'].includes(l))).toBe(true);
  // The 逾期 filter keeps 5.1.1 and the other overdue tasks (due 2026-03-31, no period).
  await page.goto('about:blank');
  await open2026(page, { unit: UNIT, asof: ASOF, light: 'overdue' });
  // Due 2026-03-31 in (b): 1.1.4, 3.1.1, 4.2.1, 5.1.1; of 区财政局's, without a period.
  expect(await shownIds(page)).toEqual(['1.1.4', '3.1.1', '4.2.1', '5.1.1']);
  w.expectClean();
});

test('督办, breadth: every one of 区财政局’s rows on several days, from the hand-worked due dates and periods', async ({ page }) => {
  const w = watch(page);
  // 2026-04-01: 4.2.2's 2027年3月底前 must not be read as 2026-03-31 (not overdue). 2027-03-20:
  // 4.2.2 is 临期, everything else past.
  for (const day of ['2026-03-20', ASOF, '2026-04-01', '2026-09-20', '2027-03-20']) {
    await page.goto('about:blank');
    await open2026(page, { unit: UNIT, asof: day });
    await expect(page.locator('.count')).toHaveText('显示 31 / 本单位 31 项');
    const shown = await taskRows(page).evaluateAll((rs) =>
      rs.map((r) => [r.dataset.taskId, r.dataset.light, r.querySelector('.light').textContent]),
    );
    expect(shown, day).toEqual(CZ_IDS.map((id) => [id, lightWithoutRecord(id, day), WORD[lightWithoutRecord(id, day)]]));
  }
  expect(lightWithoutRecord('4.2.2', '2026-04-01')).toBe('none');
  expect(lightWithoutRecord('4.2.2', '2027-03-20')).toBe('soon');
  w.expectClean();
});

test('the time filter: the table’s own deadlines pick its tasks (2027年3月底前 only 4.2.2)', async ({ page }) => {
  await open2026(page);
  await page.locator('#time').selectOption('by-2027-03');
  await expect.poll(() => shownIds(page)).toEqual(['4.2.2']);
  await page.locator('#time').selectOption('by-2026-03');
  await expect.poll(() => shownIds(page)).toEqual(Object.keys(DUE_PERIOD).filter((id) => DUE_PERIOD[id].due === '2026-03-31'));
  await expect.poll(() => new URL(page.url()).hash).toBe('#table=daiyue-2026&time=by-2026-03');
});

test('导出报送文件: named for the table, its dataset, and the hint names 区政府办公室', async ({ page }) => {
  const w = watch(page);
  await open2026(page, { unit: UNIT });
  const button = page.getByRole('button', { name: '导出报送文件' });
  await expect(button).toHaveAccessibleDescription('报送文件（.json）：交区政府办公室');
  const day = stamp();
  const { name, text } = await exportStateFile(page);
  expect(name).toMatch(new RegExp(`^${ID}-${UNIT}-\\d{8}\\.json$`));
  expect([day, stamp()]).toContain(name.slice(-13, -5));
  const data = JSON.parse(text);
  expect(data).toMatchObject({ format: 'gk-checklist', version: 1, dataset: ID });
  expect(data.entries).toEqual([
    expect.objectContaining({ unit: UNIT, task: '1.1.1', status: 'doing', note: '已在区政府门户网站发布' }),
  ]);
  const done = page.getByRole('status').filter({ hasText: '报送文件' });
  await expect(done).toContainText(`已生成报送文件“${name}”`);
  await expect(done).toContainText('请把它发给区政府办公室。');
  // Nowhere on the page the city's office (nor in the button's description).
  expect(await page.locator('body').innerText()).not.toContain('市政府办公室');
  expect(await page.content()).not.toContain('市政府办公室');
  w.expectClean();
});

test('the office page of the 2026 table: import, matrix, 督办 list, 催办通知单; a Tai’an file is refused', async ({ page, browser }) => {
  const w = watch(page);
  const file = await exportStateFile(page);
  // The office, in a browser of its own (the unit's records are not there).
  const context = await browser.newContext();
  const office = await context.newPage();
  const wo = watch(office);
  await openOffice2026(office, { asof: ASOF });
  await expect(office).toHaveTitle('汇总与导入 — 2026年岱岳区政务公开重点工作任务台账（示例）');
  // The matrix: every unit that can be picked (25: 28 less the 3 groups), in the table's order.
  const units = () => office.locator('table.matrix tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.unit));
  expect(await units()).toEqual(PICKABLE);

  await office.locator('#import-files').setInputFiles([{ name: file.name, mimeType: 'application/json', buffer: Buffer.from(file.text) }]);
  const preview = office.getByRole('region', { name: '导入预览' });
  await expect(preview.locator(`.file-preview[data-file="${file.name}"] li[data-kind="new"]`)).toHaveText('新增：1');
  const counts = await preview.locator(`.file-preview[data-file="${file.name}"] .file-counts li`).evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.dataset.kind, Number(li.dataset.count)])),
  );
  expect(counts).toEqual({ new: 1, newer: 0, older: 0, identical: 0, invalid: 0, conflicts: 0 });
  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(office.locator('.import-result')).toContainText('新增 1 条');
  expect(await units()).toEqual(PICKABLE);
  const cz = office.locator(`table.matrix tr[data-unit="${UNIT}"]`);
  await expect(cz.locator('td.reported')).toContainText('已报送');
  await expect(cz.locator('td.total')).toContainText('/31');
  await expect(office.locator('.not-reported')).not.toContainText(UNIT);
  await expect(office.locator('.not-reported')).toContainText('满庄镇');
  await expect(office.locator('table.matrix caption')).toContainText('截至 2026年6月20日');

  // The 督办 list: 区财政局's 5.1.1 overdue since 2026年3月31日.
  const notice = office.locator(`.dunning-notices article.notice[data-unit="${UNIT}"]`);
  await expect(notice).toBeVisible();
  if ((await notice.locator('.notice-unit').getAttribute('aria-expanded')) !== 'true') await notice.locator('.notice-unit').click();
  const r511 = notice.locator('tbody tr[data-task-id="5.1.1"]');
  await expect(r511).toHaveAttribute('data-light', 'overdue');
  await expect(r511.locator('.n-light')).toHaveText('逾期');
  await expect(r511.locator('.n-term')).toHaveText('2026年3月31日');
  // 2.1.2 (monthly) is chased as 待更新 每月; 4.1.2 (临期) and 1.1.1 (noted, due later) are not.
  await expect(notice.locator('tbody tr[data-task-id="2.1.2"] .n-term')).toHaveText('每月');
  await expect(notice.locator('tbody tr[data-task-id="2.1.2"] .n-light')).toHaveText('待更新');
  await expect(notice.locator('tbody tr[data-task-id="4.1.2"]')).toHaveCount(0);
  await expect(notice.locator('tbody tr[data-task-id="1.1.1"]')).toHaveCount(0);
  // Breadth: every row of its notice, from the hand-worked due dates and periods (1.1.1 has a
  // record now; it is due 2026-12-31 and does not recur, so it is not chased anyway).
  const chased = CZ_IDS.map((id) => [id, lightWithoutRecord(id, ASOF)]).filter(([, l]) => l === 'overdue' || l === 'stale');
  const lines = await notice.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [tr.dataset.taskId, tr.querySelector('.n-term').textContent, tr.querySelector('.n-light').textContent]),
  );
  expect(lines).toEqual(
    chased.map(([id, l]) => [id, l === 'stale' ? PERIOD_WORD[DUE_PERIOD[id].period] : chineseDate(DUE_PERIOD[id].due), WORD[l]]),
  );
  // The 催办通知单's closing line: the district's office.
  await expect(notice.locator('.notice-close')).toContainText('区政府办公室');
  await office.getByLabel('催办通知单').selectOption(UNIT);
  await office.evaluate(() => {
    window.print = () => {};
  });
  await office.getByRole('button', { name: '打印催办通知单' }).click();
  const pdf = squash(await printPdf(office, 'second-table-dunning'));
  expect(pdf).toContain('催办通知单');
  expect(pdf).toContain(`${UNIT}：截至2026年6月20日`);
  expect(pdf).toContain('2026年3月31日');
  expect(pdf).toContain('区政府办公室');
  expect(pdf).not.toContain('市政府办公室');
  await office.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  expect(await office.locator('body').innerText()).not.toContain('市政府办公室');

  // A Tai'an state file is refused, naming both tables.
  const before = await stored(office, 'gk:');
  const taianFile = JSON.stringify({ format: 'gk-checklist', version: 1, dataset: 'taian-2017', exported_at: '2017-06-30T08:00:00Z', entries: [] });
  await office.locator('#import-files').setInputFiles([{ name: 'taian.json', mimeType: 'application/json', buffer: Buffer.from(taianFile) }]);
  const errors = office.getByRole('region', { name: '导入预览' }).locator('.file-errors');
  await expect(errors).toContainText(
    `文件“taian.json”是任务表“${TAIAN_TITLE}”的报送文件，不能导入本表“${TITLE}”。`,
  );
  await expect(office.getByRole('button', { name: '应用导入' })).toBeDisabled();
  expect(await stored(office, 'gk:')).toEqual(before);
  wo.expectClean();
  await context.close();
  w.expectClean();
});

test('导出 Excel for 区财政局: the 2026 file name, title and the pinned tasks, read by LibreOffice', async ({ page }) => {
  const w = watch(page);
  await open2026(page, { unit: UNIT });
  const day = stamp();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(new RegExp(`^${ID}-${UNIT}-\\d{8}\\.xlsx$`));
  expect([day, stamp()]).toContain(f.suggestedFilename().slice(-13, -5));
  const book = sheets(await f.path());
  expect(Object.keys(book)).toEqual(['台账']);
  const rows = book['台账'];
  expect(rows[0][0]).toBe(TITLE);
  expect(rows[1][0]).toMatch(new RegExp(`^单位：${UNIT} 截至 \\d{4}年\\d{1,2}月\\d{1,2}日 共 31 项$`));
  expect(rows[2][0]).toBe('编号');
  const body = rows.slice(3, 3 + CZ.length);
  expect(body.map((r) => r[0])).toEqual(CZ_IDS);
  expect(body.map((r) => r[6])).toEqual(CZ.map(([, role, via]) => (via ? `${role} · ${via}` : role)));
  const task = daiyue.tasks.find((t) => t.id === '1.1.4');
  expect(body[3][4]).toBe(task.lead.join('、'));
  expect(body[3][5]).toBe(task.responsible.join('、'));
  expect(rows.slice(3 + CZ.length).map((r) => r[0]).filter(Boolean)).toEqual([`填报单位：${UNIT}`, '填报人：', '审核人：', '日期：']);
  expect(rows.flat().join('\n')).not.toContain('市政府办公室');
  w.expectClean();
});

test('print of 区财政局’s view: the 2026 title and the 截至 heading in the PDF', async ({ page }) => {
  const w = watch(page);
  await open2026(page, { unit: UNIT, asof: ASOF });
  const text = await printPdf(page, 'second-table-print');
  expect(text).toContain(TITLE);
  expect(squash(text)).toContain(squash(`单位：${UNIT} 截至 2026年6月20日 共 31 项`));
  for (const id of CZ_IDS) expect(text).toMatch(new RegExp(`(^|\\s)${id.replaceAll('.', '\\.')}\\s`));
  expect(text).not.toContain(TAIAN_TITLE);
  expect(text).not.toContain('市政府办公室');
  w.expectClean();
});

test('screenshots of the 2026 task table at 1366×768 and 390×844 (for review)', async ({ page }) => {
  mkdirSync(results, { recursive: true });
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    await page.setViewportSize({ width, height });
    await page.goto('about:blank');
    await open2026(page, { unit: UNIT, asof: ASOF });
    await page.screenshot({ path: `${results}second-table-${width}.png` });
    await page.screenshot({ path: `/tmp/second-table-${width}.png` });
    await row(page, '2.1.3').scrollIntoViewIfNeeded();
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `/tmp/second-table-${width}-rows.png` });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
  }
});
