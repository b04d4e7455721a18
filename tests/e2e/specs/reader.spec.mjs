// The 导入任务表 page (issue 22, dist/reader/): the office gives its own 分解表 (a Word document
// LibreOffice makes from reader/tests/fixtures/family-a.html, a paste of family-b.html, a wrong
// file), checks and corrects the reading, and downloads the table file; the task table then opens
// that file as a table of the deployment. Every expectation is worked out by hand from the
// fixtures' words (see reader/tests/families.rs for the same fixtures read natively).
// Screenshots for review: tests/e2e/test-results/reader-*.png.
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch, hashOf, taskRows } from './helpers.mjs';
import { convert, WORD, EXCEL } from '../libreoffice.mjs';

const fixtures = new URL('../../../reader/tests/fixtures/', import.meta.url).pathname;
const results = new URL('../test-results/', import.meta.url).pathname;

/** family-a.html as Word writes it: LibreOffice turns its rowspan into w:vMerge, colspan into w:gridSpan. */
function wordDocument() {
  const dir = mkdtempSync(join(tmpdir(), 'gk-reader-e2e-'));
  const path = convert(`${fixtures}family-a.html`, dir, WORD);
  expect(readFileSync(path).subarray(0, 2).toString()).toBe('PK');
  return path;
}

async function openReader(page) {
  await page.goto('./reader/');
  await expect(page.locator('#reader-file')).toBeAttached();
}

// family-c.html's 负责科室 cells, by hand.
const FAMILY_C = ['办公室', '财务科、办公室', '法规科'];
const task = (page, i) => page.locator(`li.reader-task[data-task="${i}"]`);
const unitRow = (page, name) => page.locator(`.reader-units tr[data-unit="${name}"]`);
/** The values of a list of inputs, in order. */
const values = (locator) => locator.evaluateAll((els) => els.map((e) => e.value));
const group = (page, name) => page.locator(`.reader-group[data-group="${name}"] textarea`);

test('a Word document is read, corrected in place, and becomes a table the task table opens', async ({ page }) => {
  test.setTimeout(120_000);
  const w = watch(page);
  const docx = wordDocument();
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReader(page);
  await page.setInputFiles('#reader-file', docx);

  // The counts, by hand: 一、二、三 are the pillars (no sections), five numbered rows, seven
  // named units (区发展改革局, 区政府办公室, 区财政局, 区审计局, 区教育局, 区卫生健康局,
  // 区民政局) and three groups (各镇（街道）, 区直各部门, 区直有关部门).
  await expect(page.locator('#reader-counts')).toContainText(
    '“family-a.docx”：3 个一级标题，0 个二级标题，5 项任务，7 个单位，3 个单位组。',
  );
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  // Row 4's lead cell names 区财政局、区审计局 (按职责分工分别牵头落实: the words go).
  await expect(task(page, 2).locator('.task-lead')).toHaveValue('区财政局、区审计局');
  await expect(task(page, 2).locator('.task-resp')).toHaveValue('各镇（街道）');
  // The responsible cell of rows 5–6 is merged: it belongs to both; on row 6 区民政局 leads.
  await expect(task(page, 4).locator('.task-lead')).toHaveValue('区民政局');
  await expect(task(page, 4).locator('.task-resp')).toHaveValue('区卫生健康局');
  await expect(task(page, 3).locator('.task-time')).toHaveText('时限：5月底前启动，10月底前完成');
  // The alias in brackets is shown beside its unit.
  await expect(unitRow(page, '区卫生健康局').locator('.hint')).toContainText('简称“区卫健局”');
  // The three groups' members are still missing: publishing is not possible yet.
  await expect(page.locator('#reader-problems li')).toHaveCount(3);
  await expect(page.locator('#reader-generate')).toBeDisabled();

  // The office's corrections.
  await page.locator('#ds-id').fill('shifanqu-2026');
  await page.locator('#ds-id').dispatchEvent('change');
  await page.locator('#ds-office').fill('示范区人民政府办公室');
  await page.locator('#ds-office').dispatchEvent('change');
  await page.locator('#ds-short').fill('区政府办');
  await page.locator('#ds-short').dispatchEvent('change');
  // A rename: the task's lead follows.
  const rename = unitRow(page, '区发展改革局').locator('.unit-rename');
  await rename.fill('区发展和改革局');
  await rename.dispatchEvent('change');
  await expect(task(page, 0).locator('.task-lead')).toHaveValue('区发展和改革局');
  // Members: pasted as a list, in either separator.
  await group(page, '各镇（街道）').fill('甲镇、乙街道');
  await group(page, '各镇（街道）').dispatchEvent('change');
  await group(page, '区直各部门').fill('区发展和改革局\n区政府办公室\n区财政局\n区审计局\n区教育局\n区卫生健康局\n区民政局');
  await group(page, '区直各部门').dispatchEvent('change');
  await group(page, '区直有关部门').fill('区财政局，区民政局');
  await group(page, '区直有关部门').dispatchEvent('change');
  // A task's units, corrected: 区医保局 is added to task 5's responsible units.
  await task(page, 4).locator('.task-resp').fill('区卫生健康局、区医保局');
  await task(page, 4).locator('.task-resp').dispatchEvent('change');

  // The names the office brought in are listed (the tasks' first, then the groups' members) with
  // their kinds, proposed from their endings;
  // 乙街道 is changed to 其他单位 by hand.
  const added = page.locator('.reader-added li');
  await expect(added).toHaveText(['区医保局', '甲镇', '乙街道'].map((n) => new RegExp(`^${n}`)));
  await expect(page.locator('.reader-added li[data-unit="甲镇"] select')).toHaveValue('town');
  await expect(page.locator('.reader-added li[data-unit="区医保局"] select')).toHaveValue('department');
  await page.locator('.reader-added li[data-unit="乙街道"] select').selectOption('other');
  await expect(page.locator('#reader-ready')).toBeVisible();
  mkdirSync(results, { recursive: true });
  await page.screenshot({ path: `${results}reader-laptop.png`, fullPage: true });

  // A reload loses nothing: the draft is kept in the browser.
  await page.reload();
  await expect(task(page, 4).locator('.task-resp')).toHaveValue('区卫生健康局、区医保局');
  await expect(page.locator('#ds-id')).toHaveValue('shifanqu-2026');

  const download = page.waitForEvent('download');
  await page.locator('#reader-generate').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('shifanqu-2026.json');
  const text = readFileSync(await file.path(), 'utf8');
  const json = JSON.parse(text);
  expect(json.dataset.id).toBe('shifanqu-2026');
  expect(json.dataset.title).toBe('2026年示范区政务公开重点工作任务分解表');
  expect(json.dataset.year).toBe(2026);
  expect(json.tasks).toHaveLength(5);
  expect(json.tasks.map((t) => t.lead)).toEqual([
    ['区发展和改革局'],
    ['区政府办公室'],
    ['区财政局', '区审计局'],
    ['区教育局'],
    ['区民政局'],
  ]);
  expect(json.tasks[4].responsible).toEqual(['区卫生健康局', '区医保局']);
  const units = Object.fromEntries(json.units.map((u) => [u.name, u]));
  expect(units['各镇（街道）'].members).toEqual(['甲镇', '乙街道']);
  expect(units['区直有关部门'].members).toEqual(['区财政局', '区民政局']);
  expect(units['区医保局'].kind).toBe('department');
  expect(units['甲镇'].kind).toBe('town');
  expect(units['乙街道'].kind).toBe('other');
  expect(units['区发展改革局']).toBeUndefined();
  const line = await page.locator('#reader-list-line').textContent();
  expect(JSON.parse(line)).toEqual({ id: 'shifanqu-2026', file: 'shifanqu-2026.json', title: json.dataset.title });

  // The administrator's two steps, done by routing: the file in tables/, its line in the list.
  await page.route('**/tables/tables.json', async (route) => {
    const list = JSON.parse((await (await route.fetch()).text()));
    list.tables.push(JSON.parse(line));
    await route.fulfill({ contentType: 'application/json', body: JSON.stringify(list) });
  });
  await page.route('**/tables/shifanqu-2026.json', (route) =>
    route.fulfill({ contentType: 'application/json', body: text }),
  );
  // A returning user: the 使用说明 of the new table seen.
  await page.evaluate(() => localStorage.setItem('gk:shifanqu-2026:guide:table', '1'));
  // 甲镇 gets the tasks of 各镇（街道）: tasks 1 and 3, as responsible.
  await page.goto(`./#${hashOf({ table: 'shifanqu-2026', unit: '甲镇' })}`);
  await expect(page.locator('h1')).toHaveText('2026年示范区政务公开重点工作任务分解表');
  await expect(taskRows(page)).toHaveCount(2);
  // 区医保局, added by the office, has task 5.
  await page.goto(`./#${hashOf({ table: 'shifanqu-2026', unit: '区医保局' })}`);
  await expect(taskRows(page)).toHaveCount(1);
  await expect(taskRows(page).first()).toContainText('公开救助政策。');
  w.expectClean();
});

test('an Excel workbook is read with its merged ranges (LibreOffice Calc makes it from family-c.html)', async ({ page }) => {
  const w = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'gk-reader-xlsx-'));
  const workbook = convert(`${fixtures}family-c.html`, dir, EXCEL);
  await openReader(page);
  await page.setInputFiles('#reader-file', workbook);
  // By hand from family-c.html: one 负责科室 column and no lead marker, so the units listed
  // lead; where there are two, the task says that it guessed, and 按规定时限 has no date.
  await expect(page.locator('#reader-counts')).toContainText('“family-c.xlsx”：');
  await expect(page.locator('li.reader-task')).toHaveCount(FAMILY_C.length);
  for (const [i, lead] of FAMILY_C.entries()) {
    await expect(task(page, i).locator('.task-lead')).toHaveValue(lead);
  }
  await expect(task(page, 1).locator('.task-marks li')).toHaveText([
    '未写明牵头单位：已把所列单位都作为牵头单位，请核对',
    '时限“按规定时限”没有可识别的日期或周期：按年底前督办',
  ]);
  w.expectClean();
});

test('the 2017 table in its text form (data/taian-2017.txt) is read into its 139 tasks', async ({ page }) => {
  const w = watch(page);
  await openReader(page);
  await page.setInputFiles('#reader-file', new URL('../../../data/taian-2017.txt', import.meta.url).pathname);
  // The importer's reading (data/tables/taian-2017.json): 6 pillars, 24 sections, 139 tasks.
  await expect(page.locator('#reader-counts')).toContainText('“taian-2017.txt”：6 个一级标题，24 个二级标题，139 项任务');
  await expect(task(page, 0).locator('.task-lead')).toHaveValue('市发展改革委、市经济和信息化委、市财政局、市金融办、人行泰安市中心支行');
  // The source's typo is left to the office, beside the likely name.
  await expect(page.locator('.reader-units tr[data-unit="市水利渔业局局"] .hint')).toContainText('可能与“市水利渔业局”是同一单位');
  w.expectClean();
});

test('the 2017 text, with what the office types on the page, downloads the committed table byte for byte', async ({ page }) => {
  test.setTimeout(180_000);
  const w = watch(page);
  const committed = readFileSync(new URL('../../../data/tables/taian-2017.json', import.meta.url), 'utf8');
  const golden = JSON.parse(committed);
  await page.setViewportSize({ width: 1366, height: 768 });
  await openReader(page);
  await page.setInputFiles('#reader-file', new URL('../../../data/taian-2017.txt', import.meta.url).pathname);
  await expect(page.locator('li.reader-task')).toHaveCount(139);
  const change = async (locator, value) => {
    await locator.fill(value);
    await locator.dispatchEvent('change');
  };
  await change(page.locator('#ds-id'), 'taian-2017');
  await change(page.locator('#ds-office'), '泰安市人民政府办公室');
  await change(page.locator('#ds-short'), '市政府办公室');
  await change(unitRow(page, '市水利渔业局局').locator('.unit-rename'), '市水利渔业局');
  // The groups' members, pasted as lists (the committed file's).
  for (const u of golden.units.filter((u) => u.members)) {
    await change(group(page, u.name), u.members.join('、'));
  }
  // The 2017 table lists the bank branches and the colleges apart, both under 其他单位: two
  // kinds of the office's own.
  const kinds = page.locator('.reader-kinds tbody tr');
  await expect.poll(() => values(kinds.locator('.kind-heading'))).toEqual(['市直部门', '县（市、区）', '镇（街道）', '科室', '其他单位']);
  for (const [key, heading] of [['agency', '其他单位'], ['college', '其他单位']]) {
    await page.locator('#kind-add').click();
    await change(kinds.last().locator('.kind-heading'), heading);
    await change(kinds.last().locator('.kind-key'), key);
  }
  await expect.poll(() => values(kinds.locator('.kind-key'))).toEqual(['department', 'county', 'town', 'office', 'other', 'agency', 'college']);
  for (const name of ['人行泰安市中心支行', '泰安银监分局']) {
    await unitRow(page, name).locator('.unit-kind').selectOption('agency');
  }
  for (const name of ['山东服装职业学院', '泰山护理职业学院', '泰山职业技术学院']) {
    await unitRow(page, name).locator('.unit-kind').selectOption('college');
  }
  // Every unit now has a kind of the list: 其他单位 (other) has none left and cannot stay in use.
  await expect(page.locator('.reader-kinds tr[data-kind="other"] .kind-remove')).toBeEnabled();
  await expect(page.locator('.reader-kinds tr[data-kind="agency"] td.num')).toHaveText('2');
  // The pillars' short names, as the 2017 chips read.
  for (const [name, short] of [
    ['以政务公开助力稳增长', '稳增长'], ['以政务公开助力促改革', '促改革'], ['以政务公开助力调结构', '调结构'],
    ['以政务公开助力惠民生', '惠民生'], ['以政务公开助力防风险', '防风险'], ['增强政务公开实效', '增强实效'],
  ]) {
    await change(page.locator(`.reader-pillars tr[data-pillar="${name}"] .pillar-short`), short);
  }
  // The time requirements as read from the tasks' words, and the 2017 table's names for them.
  const time = (key) => page.locator(`.reader-times tr[data-time="${key}"]`);
  await expect(time('every-5-days').locator('th')).toContainText('“每五日”');
  await expect(time('every-5-days').locator('th')).toContainText('周期性工作，每周更新，1 项任务');
  await expect(time('by-2017-06').locator('th')).toContainText('截止日期 2017年6月30日');
  await expect(time('ongoing').locator('th')).toContainText('2 项任务');
  await change(time('monthly').locator('.time-label'), '按月');
  await change(time('quarterly').locator('.time-label'), '按季度');
  await change(time('every-5-days').locator('.time-key'), 'five-days');
  await change(time('every-5-days').locator('.time-label'), '每五日');
  await change(time('by-2017-06').locator('.time-key'), 'by-june');
  await change(time('by-2017-06').locator('.time-label'), '每年6月底前');
  await change(time('by-2018-end').locator('.time-key'), 'in-2018');
  await change(time('by-2018-end').locator('.time-label'), '2018年内');
  await time('ongoing').locator('input[type=checkbox]').check();
  await expect(page.locator('#reader-ready')).toBeVisible();
  mkdirSync(results, { recursive: true });
  await page.locator('#kinds-h').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}reader-vocabulary.png` });
  await page.locator('#times-h').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${results}reader-times.png` });
  // Two kinds under one heading are told apart in a unit's choice.
  await expect(unitRow(page, '泰安银监分局').locator('.unit-kind option:checked')).toHaveText('其他单位（agency）');

  // A reload keeps all of it.
  await page.reload();
  await expect.poll(() => values(kinds.locator('.kind-key'))).toEqual(['department', 'county', 'town', 'office', 'other', 'agency', 'college']);
  await expect(time('by-2017-06').locator('.time-key')).toHaveValue('by-june');
  await expect(time('ongoing').locator('input[type=checkbox]')).toBeChecked();
  await expect(unitRow(page, '泰安银监分局').locator('.unit-kind')).toHaveValue('agency');

  const download = page.waitForEvent('download');
  await page.locator('#reader-generate').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('taian-2017.json');
  expect(readFileSync(await file.path(), 'utf8')).toBe(committed);
  w.expectClean();
});

test('a paste from Word or a web page keeps its merged cells (text/html of the clipboard)', async ({ page }) => {
  const w = watch(page);
  await page.setViewportSize({ width: 390, height: 844 });
  await openReader(page);
  const html = readFileSync(`${fixtures}family-b.html`, 'utf8');
  await page.locator('#reader-paste').evaluate((el, html) => {
    const data = new DataTransfer();
    data.setData('text/html', html);
    data.setData('text/plain', 'plain text only');
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, html);
  // By hand from family-b.html: 一、 and 二、 with three （一）/（二） sections, five tasks, six
  // units, two groups; a lead written inline ("县司法局牵头，各乡镇、县直各部门配合").
  await expect(page.locator('#reader-counts')).toContainText(
    '“粘贴的表格”：2 个一级标题，3 个二级标题，5 项任务，6 个单位，2 个单位组。',
  );
  await expect(task(page, 0).locator('.task-lead')).toHaveValue('县司法局');
  await expect(task(page, 0).locator('.task-resp')).toHaveValue('各乡镇、县直各部门');
  await expect(task(page, 2).locator('.task-lead')).toHaveValue('县政府办、县财政局');
  await page.screenshot({ path: `${results}reader-phone.png`, fullPage: true });
  // Nothing on the phone is wider than the screen.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  w.expectClean();
});

test('a file the reader cannot take gets plain words, and the reading on screen stays', async ({ page }) => {
  const w = watch(page);
  const dir = mkdtempSync(join(tmpdir(), 'gk-reader-bad-'));
  await openReader(page);
  await page.setInputFiles('#reader-file', `${fixtures}family-b.html`);
  await expect(page.locator('li.reader-task')).toHaveCount(5);

  writeFileSync(join(dir, '通知.doc'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
  await page.setInputFiles('#reader-file', join(dir, '通知.doc'));
  await expect(page.locator('#reader-error')).toContainText('“通知.doc”');
  await expect(page.locator('#reader-error')).toContainText('另存为 .docx');
  await expect(page.locator('li.reader-task')).toHaveCount(5);

  writeFileSync(join(dir, '附件.docx'), 'not a zip at all');
  await page.setInputFiles('#reader-file', join(dir, '附件.docx'));
  await expect(page.locator('#reader-error')).toContainText('“附件.docx”');
  await expect(page.locator('li.reader-task')).toHaveCount(5);

  writeFileSync(join(dir, '说明.html'), '<p>本页没有表格。</p>');
  await page.setInputFiles('#reader-file', join(dir, '说明.html'));
  await expect(page.locator('#reader-error')).toContainText('“说明.html”');
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  w.expectClean();
});

test('storage that is full or refuses: the reading stays on the page, and the page says so', async ({ page }) => {
  const w = watch(page);
  // Full: every write fails as a full localStorage does.
  await page.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await openReader(page);
  await page.setInputFiles('#reader-file', `${fixtures}family-b.html`);
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  await expect(page.getByRole('alert')).toContainText('浏览器存储空间已满：核对与修改只保存在本页面中，关闭前请先生成任务表文件。');
  w.expectClean();
});

test('storage that cannot be read: the page still reads a file, never overwrites what is stored, and says so', async ({ page }) => {
  const w = watch(page);
  await page.addInitScript(() => {
    Storage.prototype.getItem = function () {
      throw new DOMException('denied', 'SecurityError');
    };
    const set = Storage.prototype.setItem;
    window.draftWrites = 0;
    Storage.prototype.setItem = function (key, value) {
      if (key.startsWith('gk:table-draft')) window.draftWrites += 1;
      return set.call(this, key, value);
    };
  });
  await openReader(page);
  await expect(page.getByRole('alert')).toContainText('浏览器禁止本页面读取本地存储');
  await page.setInputFiles('#reader-file', `${fixtures}family-b.html`);
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  // What is stored could not be read, so it is never overwritten; the words stay.
  await expect(page.getByRole('alert')).toContainText('核对与修改只保存在本页面中');
  expect(await page.evaluate(() => window.draftWrites)).toBe(0);
  w.expectClean();
});

test('a stored draft this version cannot read is set aside before a new reading replaces it', async ({ page }) => {
  const w = watch(page);
  await openReader(page);
  await page.evaluate(() => localStorage.setItem('gk:table-draft', '{"from":"a later version"}'));
  await page.reload();
  await expect(page.locator('#reader-file')).toBeAttached();
  await page.setInputFiles('#reader-file', `${fixtures}family-b.html`);
  await expect(page.locator('li.reader-task')).toHaveCount(5);
  const kept = await page.evaluate(() => [localStorage.getItem('gk:table-draft:unreadable'), JSON.parse(localStorage.getItem('gk:table-draft')).source]);
  expect(kept).toEqual(['{"from":"a later version"}', 'family-b.html']);
  w.expectClean();
});
