// The office imports the CSV a unit exports from the task table (导出 CSV), through the same
// preview, merge and undo as a state file; a file that is neither gets plain words, with the
// technical detail in a closed 详情 (issue 15).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { table, watch, openApp, openOffice, hashOf } from './helpers.mjs';

const UNIT = '市财政局';
const statusOf = (page, id) => page.locator(`tr[data-task-id="${id}"]`).getByLabel('状态');
const noteOf = (page, id) => page.locator(`tr[data-task-id="${id}"]`).getByLabel('备注');
const counts = (page, name) =>
  page.locator(`.file-preview[data-file="${name}"] .file-counts li`).evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.dataset.kind, Number(li.dataset.count)])),
  );
const stored = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('gk:taian-2017:unit:')).map((k) => [k, localStorage.getItem(k)])),
  );

const MULTI = '第一段：网站已公开\n第二段：见政府信息公开专栏';
const FORMULA = '=已在报纸刊登';

/** A unit's page in its own browser: sets statuses and notes, exports the CSV; returns the file. */
const unitCsv = async (browser, unit) => (await unitExports(browser, unit, [['导出 CSV', 'text/csv']]))[0];

/** As `unitCsv`, with each export button of `buttons` ([name, MIME type]) clicked in turn. */
async function unitExports(browser, unit, buttons) {
  const page = await browser.newPage();
  await openApp(page, unit ? hashOf({ unit }) : '');
  if (unit) {
    await statusOf(page, '1.1.1').selectOption('done');
    await noteOf(page, '1.1.1').fill(MULTI);
    await statusOf(page, '1.1.2').selectOption('doing');
    await noteOf(page, '1.1.2').fill(FORMULA);
    await statusOf(page, '1.1.5').selectOption('na');
    // Leave the last note's field, so that it is saved before the export.
    await noteOf(page, '1.1.2').blur();
  }
  const files = [];
  for (const [name, mimeType] of buttons) {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name }).click();
    const f = await download;
    files.push({ name: f.suggestedFilename(), mimeType, buffer: readFileSync(await f.path()) });
  }
  await page.close();
  return files;
}

/** The unit's line in a task's detail on the office page. */
async function detailOf(page, task, unit) {
  const li = page.locator(`.task-statuses li[data-task-id="${task}"]`);
  if (!(await li.locator('details').evaluate((d) => d.open))) await li.locator('summary').click();
  return li.locator(`.unit-statuses li[data-unit="${unit}"]`);
}

test('a unit’s 导出 CSV is imported on the office page: preview with its source, apply, undo, and 相同 again', async ({ browser }) => {
  const csv = await unitCsv(browser, UNIT);
  expect(csv.name).toMatch(/^taian-2017-市财政局-\d{8}\.csv$/);

  const page = await browser.newPage();
  const w = watch(page);
  await openOffice(page);
  const before = await stored(page);
  await page.locator('#import-files').setInputFiles([csv]);
  const preview = page.getByRole('region', { name: '导入预览' });
  const fp = preview.locator(`.file-preview[data-file="${csv.name}"]`);
  await expect(fp.locator('h3')).toHaveText(`${csv.name}（任务表导出的 CSV，3 条记录）`);
  await expect(fp.locator('.file-meta')).toContainText(`单位：${UNIT}`);
  expect(await counts(page, csv.name)).toEqual({ new: 3, newer: 0, older: 0, identical: 0, invalid: 0, conflicts: 0 });
  expect(await stored(page)).toEqual(before);

  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 3 条');
  await expect(page.locator(`table.matrix tr[data-unit="${UNIT}"] td.reported`)).toContainText('已报送');
  // The statuses and notes, in the task's detail: the note's line break kept, the formula
  // guard (') taken off.
  const d111 = await detailOf(page, '1.1.1', UNIT);
  await expect(d111).toHaveAttribute('data-status', 'done');
  expect(await d111.locator('.n').evaluate((n) => n.textContent)).toBe(MULTI);
  await expect(d111.locator('.t')).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d$/);
  const d112 = await detailOf(page, '1.1.2', UNIT);
  await expect(d112).toHaveAttribute('data-status', 'doing');
  await expect(d112.locator('.n')).toHaveText(FORMULA);
  await expect(await detailOf(page, '1.1.5', UNIT)).toHaveAttribute('data-status', 'na');

  // Undo puts back what was stored before.
  await page.getByRole('button', { name: '撤销上次导入' }).click();
  await expect(page.locator('.import-result')).toContainText('已撤销');
  await expect(await detailOf(page, '1.1.1', UNIT)).toHaveAttribute('data-status', 'todo');
  const undone = await stored(page);
  // The unit's key stays, emptied (else the loop below would check nothing).
  expect(Object.keys(undone)).toEqual([`gk:taian-2017:unit:${UNIT}`]);
  for (const key of Object.keys(undone)) expect(JSON.parse(undone[key]).entries).toEqual({});

  // Imported again, then the same file once more: 相同, nothing to apply.
  await page.locator('#import-files').setInputFiles([csv]);
  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 3 条');
  await page.locator('#import-files').setInputFiles([csv]);
  await expect(fp.locator('li[data-kind="identical"]')).toHaveText('相同（忽略）：3');
  expect(await counts(page, csv.name)).toMatchObject({ new: 0, newer: 0, older: 0, identical: 3, conflicts: 0 });
  await expect(preview.getByRole('button', { name: '应用导入' })).toBeDisabled();
  w.expectClean();
  await page.close();
});

test('files that are neither get plain words, the detail in a closed 详情; a CSV beside them is still previewed', async ({ browser }) => {
  const csv = await unitCsv(browser, UNIT);
  const noUnit = await unitCsv(browser, null);
  const png = Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
    'base64',
  );
  const gbk = Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xd6, 0xa7, 0xd6, 0xf9, 0x0d, 0x0a]);
  const page = await browser.newPage();
  await page.setViewportSize({ width: 1366, height: 768 });
  const w = watch(page);
  await openOffice(page);
  await page.locator('#import-files').setInputFiles([
    csv,
    { name: '截图.png', mimeType: 'image/png', buffer: png },
    { name: '说明.txt', mimeType: 'text/plain', buffer: Buffer.from('请查收本单位的进度。\n') },
    { name: '另存.csv', mimeType: 'text/csv', buffer: gbk },
    { ...noUnit, name: '全部单位.csv' },
  ]);
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview.locator(`.file-preview[data-file="${csv.name}"] h3`)).toContainText('任务表导出的 CSV，3 条记录');
  const errors = preview.locator('.file-errors > li');
  await expect(errors).toHaveCount(4);
  const send = '请让报送单位在任务表中选择本单位，点“导出报送文件”，把得到的 .json 文件发来。';
  await expect(errors.nth(0).locator('.file-error')).toHaveText(`文件“截图.png”不是本系统导出的报送文件。${send}`);
  await expect(errors.nth(1).locator('.file-error')).toHaveText(`文件“说明.txt”不是本系统导出的报送文件。${send}`);
  await expect(errors.nth(2).locator('.file-error')).toContainText('文件“另存.csv”的文字编码不对（可能被 Excel 另存过）');
  await expect(errors.nth(3).locator('.file-error')).toContainText('文件“全部单位.csv”是没有选择单位时导出的任务表');
  await expect(errors.nth(3).locator('.file-error')).toContainText(send);
  // No technical words in the headlines; they sit in a closed 详情.
  for (const i of [0, 1, 2]) {
    await expect(errors.nth(i).locator('.file-error')).not.toContainText(/UTF-8|JSON 文件|行第|format/);
    const details = errors.nth(i).locator('details.file-error-detail');
    await expect(details.locator('summary')).toHaveText('详情');
    expect(await details.evaluate((d) => d.open)).toBe(false);
    await expect(details.locator('span')).toBeHidden();
  }
  await preview.screenshot({ path: 'test-results/csv-import-preview.png' });
  const pngDetail = errors.nth(0).locator('details.file-error-detail');
  await pngDetail.locator('summary').click();
  await expect(pngDetail.locator('span')).toBeVisible();
  await expect(pngDetail.locator('span')).toContainText('UTF-8');
  await errors.nth(1).locator('summary').click();
  await expect(errors.nth(1).locator('details span')).toContainText('第 1 行第 1 列');
  await errors.nth(2).locator('summary').click();
  await expect(errors.nth(2).locator('details span')).toContainText('GBK');
  await preview.screenshot({ path: 'test-results/csv-import-preview-details.png' });
  // The CSV can still be applied.
  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 3 条');
  w.expectClean();
  await page.close();
});

test('the picker takes .json and .csv, and a CSV dropped on the page (LF, no BOM, as Excel may save it) is previewed', async ({ page }) => {
  await openOffice(page);
  await expect(page.locator('#import-files')).toHaveAttribute('accept', /\.json/);
  await expect(page.locator('#import-files')).toHaveAttribute('accept', /\.csv/);
  const quote = (s) => (/[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const t = table.tasks[0];
  const text = [
    '编号,支柱,分项,工作任务及要求,牵头单位,责任单位,单位,状态,备注,更新时间',
    [t.id, '', '', t.text, '', '', '新泰市', '已完成', '已公开', '2017/6/29 18:05'].map(quote).join(','),
    '',
  ].join('\n');
  const dt = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], '新泰市.csv', { type: 'text/csv' }));
    return dt;
  }, text);
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
  const fp = page.locator('.file-preview[data-file="新泰市.csv"]');
  await expect(fp.locator('h3')).toHaveText('新泰市.csv（任务表导出的 CSV，1 条记录）');
  expect(await counts(page, '新泰市.csv')).toMatchObject({ new: 1, invalid: 0 });
  await expect(fp.locator('.change-list li')).toHaveText(`新泰市 · ${t.id}：已完成，已公开（2017-06-29 18:05）`);
});

test('a unit sends its 报送文件, CSV and Excel together: the CSV is the same records, the Excel is named for what it is', async ({ browser }) => {
  // The unit's three exports, from the real buttons.
  const [json, csv, xlsx] = await unitExports(browser, UNIT, [
    ['导出报送文件', 'application/json'],
    ['导出 CSV', 'text/csv'],
    ['导出 Excel', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ]);
  expect(xlsx.name).toMatch(/\.xlsx$/);

  const page = await browser.newPage();
  const w = watch(page);
  await openOffice(page);
  await page.locator('#import-files').setInputFiles([csv, json, xlsx]);
  const preview = page.getByRole('region', { name: '导入预览' });
  // The state file brings the records; its CSV, to the minute, holds the same ones.
  await expect(preview.locator(`.file-preview[data-file="${json.name}"] li[data-kind="new"]`)).toHaveText('新增：3');
  expect(await counts(page, csv.name)).toEqual({ new: 0, newer: 0, older: 0, identical: 3, invalid: 0, conflicts: 0 });
  await expect(preview.locator(`.file-preview[data-file="${csv.name}"] li[data-kind="identical"]`)).toHaveText('相同（忽略）：3');
  const error = preview.locator('.file-errors > li .file-error');
  await expect(error).toHaveText(
    `文件“${xlsx.name}”是 Excel 表格，不能导入。请让报送单位在任务表中选择本单位，点“导出报送文件”，把得到的 .json 文件发来。`,
  );
  await preview.screenshot({ path: 'test-results/csv-import-three-files.png' });
  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 3 条');
  w.expectClean();
  await page.close();
});
