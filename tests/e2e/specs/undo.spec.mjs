// Undoing the office's last import (issue 24, item 7; issue 23, item 3): it stays offered until
// the next import is applied, across 关闭, a cancelled preview and a reload; and it puts back
// only what the import changed and nobody has changed since.
import { test, expect } from '@playwright/test';
import { watch, openApp, openOffice, hashOf } from './helpers.mjs';

const KEY = 'gk:taian-2017:unit:市财政局';
const LAST = 'gk:taian-2017:last-import';
const CZ = hashOf({ unit: '市财政局' });
const entry = (unit, task, status, note, updated_at) => ({ unit, task, status, note, updated_at });
const file = (name, entries) => ({
  name,
  mimeType: 'application/json',
  buffer: Buffer.from(
    JSON.stringify({ format: 'gk-checklist', version: 1, dataset: 'taian-2017', exported_at: '2017-06-30T08:00:00Z', entries }),
  ),
});
// 市财政局's three records, all new to this browser.
const cz = file('cz.json', [
  entry('市财政局', '1.1.1', 'done', '已在网站公开', '2017-06-29T10:00:00Z'),
  entry('市财政局', '1.1.2', 'doing', '', '2017-06-29T11:00:00Z'),
  entry('市财政局', '1.1.5', 'done', '每月在市财政局网站公开', '2017-06-29T12:00:00Z'),
]);
const xt = file('xt.json', [entry('新泰市', '1.1.1', 'done', '', '2017-06-28T10:00:00Z')]);

const entriesOf = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k) ?? '{"entries":{}}').entries, KEY);
const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);

async function importCz(office) {
  await office.locator('#import-files').setInputFiles([cz]);
  await office.getByRole('region', { name: '导入预览' }).getByRole('button', { name: '应用导入' }).click();
  await expect(office.locator('.import-result')).toContainText('已导入 1 个文件：新增 3 条');
}

test('the last import can still be undone after 关闭, a cancelled preview and a reload', async ({ page }) => {
  const w = watch(page);
  await openOffice(page);
  await importCz(page);
  const line = page.locator('.last-import');
  await expect(line).toContainText(/^上次导入（\d{4}-\d\d-\d\d \d\d:\d\d）：1 个文件：新增 3 条，更新 0 条，涉及 1 个单位。/);
  // 关闭 closes the result, not the undo.
  await page.locator('.import-result').getByRole('button', { name: '关闭' }).click();
  await expect(page.locator('.import-result')).toHaveCount(0);
  await expect(line.getByRole('button', { name: '撤销上次导入' })).toBeVisible();
  // Another file previewed, then cancelled: the last import is still the one applied.
  await page.locator('#import-files').setInputFiles([xt]);
  await page.getByRole('region', { name: '导入预览' }).getByRole('button', { name: '取消' }).click();
  await expect(line).toContainText('新增 3 条');
  // A reload: still offered.
  await page.reload();
  await expect(page.locator('table.matrix')).toBeVisible();
  await expect(line).toContainText('1 个文件：新增 3 条');
  await line.getByRole('button', { name: '撤销上次导入' }).click();
  await expect(page.locator('.import-result')).toHaveText(/^已撤销上次导入：3 条记录已恢复为导入前的样子。/);
  await expect(page.locator('.import-result')).not.toContainText('未撤销');
  expect(await entriesOf(page)).toEqual({});
  expect(await page.evaluate((k) => localStorage.getItem(k), LAST)).toBeNull();
  await expect(line).toHaveCount(0);
  await page.reload();
  await expect(page.locator('table.matrix')).toBeVisible();
  await expect(line).toHaveCount(0);
  w.expectClean();
});

test('the next import applied replaces the undo: undo then takes back only that one', async ({ page }) => {
  await openOffice(page);
  await importCz(page);
  await page.locator('#import-files').setInputFiles([xt]);
  await page.getByRole('region', { name: '导入预览' }).getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.last-import')).toContainText('1 个文件：新增 1 条');
  await page.reload();
  await page.locator('.last-import').getByRole('button', { name: '撤销上次导入' }).click();
  await expect(page.locator('.import-result')).toContainText('1 条记录已恢复');
  // 市财政局's three, from the first import, stay.
  expect(Object.keys(await entriesOf(page)).sort()).toEqual(['1.1.1', '1.1.2', '1.1.5']);
});

test('undo keeps what the unit typed after the import, and names it', async ({ context }) => {
  const office = await context.newPage();
  await openOffice(office);
  await importCz(office);
  // The unit, in a tab of its own, writes a note on 1.1.5 after the import, then closes it.
  const unit = await context.newPage();
  await openApp(unit, CZ);
  await row(unit, '1.1.5').getByLabel('备注').fill('链接已更新');
  await expect.poll(async () => (await entriesOf(office))['1.1.5']?.note).toBe('链接已更新');
  await unit.close();
  await office.locator('.last-import').getByRole('button', { name: '撤销上次导入' }).click();
  await expect(office.locator('.import-result')).toContainText(
    '已撤销上次导入：2 条记录已恢复为导入前的样子。另有 1 条未撤销：市财政局 1.1.5（导入后又有修改，保留现在的记录）。',
  );
  const left = await entriesOf(office);
  expect(Object.keys(left)).toEqual(['1.1.5']);
  expect(left['1.1.5']).toMatchObject({ status: 'done', note: '链接已更新' });
});

test('a unit tab open during the undo takes it in and never brings the undone records back', async ({ context }) => {
  const unit = await context.newPage();
  await openApp(unit, CZ);
  const office = await context.newPage();
  await openOffice(office);
  await importCz(office);
  await expect(row(unit, '1.1.1').getByLabel('状态')).toHaveValue('done');
  await office.locator('.last-import').getByRole('button', { name: '撤销上次导入' }).click();
  await expect(office.locator('.import-result')).toContainText('3 条记录已恢复');
  // The unit's tab shows the records as they were before the import…
  await expect(row(unit, '1.1.1').getByLabel('状态')).toHaveValue('todo');
  await expect(row(unit, '1.1.5').getByLabel('备注')).toHaveValue('');
  // …and its next edit saves only that edit, not the imported records again.
  await row(unit, '1.2.1').getByLabel('状态').selectOption('doing');
  await expect.poll(async () => Object.keys(await entriesOf(office))).toEqual(['1.2.1']);
  await unit.reload();
  await expect(row(unit, '1.2.1').getByLabel('状态')).toHaveValue('doing');
  await expect(row(unit, '1.1.1').getByLabel('状态')).toHaveValue('todo');
});
