// 导出 Excel (the unit's 台账) and 导出汇总 Excel (the office's workbook): the workbook comes
// from the Excel worker, loaded on the first click only; each download is opened in LibreOffice
// (headless, Debian's libreoffice-calc-nogui) and every sheet read back as CSV.
import { test, expect } from '@playwright/test';
import { expectedIds, hashOf, openApp, openOffice, table, watch } from './helpers.mjs';
import { sheets } from './workbook.mjs';

const statusOf = (page, id) => page.locator(`tr[data-task-id="${id}"]`).getByLabel('状态');
const isWorker = (url) => /gk-xlsx-worker/.test(url);

test('导出 Excel: the unit\'s ledger of its view, opened in LibreOffice', async ({ page }) => {
  const w = watch(page);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  // The worker starts without wasm-bindgen's warning about its loader (scripts/finish-page.mjs).
  const deprecated = [];
  page.on('console', (m) => m.text().includes('deprecated') && deprecated.push(m.text()));
  await openApp(page, hashOf({ unit: '市财政局' }));
  await statusOf(page, '1.1.1').selectOption('done');
  await page.locator('tr[data-task-id="1.1.1"]').getByLabel('备注').fill('已发布解读3篇');
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isWorker), 'the first load does not fetch the worker').toEqual([]);

  const button = page.getByRole('button', { name: '导出 Excel' });
  const download = page.waitForEvent('download');
  await button.click();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(/^taian-2017-市财政局-\d{8}\.xlsx$/);
  await expect(button).toBeEnabled();
  await expect(button).toHaveText('导出 Excel');
  expect(requests.filter(isWorker).length).toBeGreaterThan(0);

  const book = sheets(await f.path());
  expect(Object.keys(book)).toEqual(['台账']);
  const rows = book['台账'];
  expect(rows[0][0]).toBe(table.dataset.title);
  expect(rows[1][0]).toMatch(/^单位：市财政局 截至 \d{4}年\d{1,2}月\d{1,2}日 共 \d+ 项$/);
  expect(rows[2]).toEqual(['编号', '支柱', '分项', '工作任务及要求', '牵头单位', '责任单位', '本单位角色', '状态', '备注', '更新时间']);
  const ids = expectedIds({ unit: '市财政局' });
  const body = rows.slice(3, 3 + ids.length);
  expect(body.map((r) => r[0])).toEqual(ids);
  const task = table.tasks.find((t) => t.id === '1.1.1');
  const first = body[0];
  expect(first[3]).toBe(`${task.item}\n${task.text}`);
  expect(first[4]).toBe(task.lead.join('、'));
  expect(first.slice(6, 9)).toEqual(['牵头', '已完成', '已发布解读3篇']);
  expect(first[9]).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}$/);
  // Then the sign-off.
  const after = rows.slice(3 + ids.length).map((r) => r[0]).filter(Boolean);
  expect(after).toEqual(['填报单位：市财政局', '填报人：', '审核人：', '日期：']);

  // A second export uses the worker already loaded.
  const fetched = requests.filter(isWorker).length;
  const again = page.waitForEvent('download');
  await button.click();
  await again;
  expect(requests.filter(isWorker).length).toBe(fetched);
  expect(deprecated).toEqual([]);
  w.expectClean();
});

test('导出汇总 Excel: 汇总, 未报送, 明细 and 督办, opened in LibreOffice', async ({ page }) => {
  const w = watch(page);
  await openApp(page, hashOf({ unit: '市财政局' }));
  await statusOf(page, '1.1.1').selectOption('done');
  await statusOf(page, '1.1.2').selectOption('doing');
  await page.locator('#unit').selectOption('新泰市');
  await statusOf(page, '1.1.1').selectOption('na');
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await openOffice(page);
  await page.waitForLoadState('networkidle');
  expect(requests.filter(isWorker), 'the first load does not fetch the worker').toEqual([]);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出汇总 Excel' }).click();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(/^taian-2017-汇总-\d{8}\.xlsx$/);
  const book = sheets(await f.path());
  expect(Object.keys(book).sort()).toEqual(['督办', '明细', '未报送', '汇总'].sort());

  const units = table.units.filter((u) => u.kind !== 'group').map((u) => u.name);
  const summary = book['汇总'].slice(3).filter((r) => r[0]);
  expect(summary.map((r) => r[0])).toEqual(units);
  const fin = summary.find((r) => r[0] === '市财政局');
  const n = 1 + 2 * table.pillars.length;
  expect(fin.slice(n, n + 2)).toEqual(['1', String(expectedIds({ unit: '市财政局' }).length)]);
  // 合计·进行中 (issue 15), then 完成率 and 报送情况.
  expect(book['汇总'][2][n + 2]).toBe('合计·进行中');
  expect(fin[n + 2]).toBe('1');
  expect(fin[n + 4]).toBe('已报送');
  // The 督办 counts after 最近更新 (issue 24, item 9). By hand: 泰安银监分局's six tasks have no
  // deadline of their own (5.2.1 is 定期), so all were due on 2017-12-31, long past today.
  expect(book['汇总'][2].slice(n + 6, n + 9)).toEqual(['逾期', '待更新', '临期']);
  expect(summary.find((r) => r[0] === '泰安银监分局').slice(n + 6, n + 9)).toEqual(['6', '0', '0']);
  const xintai = summary.find((r) => r[0] === '新泰市');
  expect(xintai[n + 1]).toBe(String(expectedIds({ unit: '新泰市' }).length - 1));

  const missing = book['未报送'].slice(3).filter((r) => r[1]);
  expect(missing.map((r) => r[1])).toEqual(units.filter((u) => u !== '市财政局' && u !== '新泰市'));

  const details = book['明细'].slice(3).filter((r) => r[0]);
  const all = units.reduce((sum, u) => sum + expectedIds({ unit: u }).length, 0);
  expect(details.length).toBe(all);
  const finRows = details.filter((r) => r[0] === '市财政局');
  expect(finRows.map((r) => r[1])).toEqual(expectedIds({ unit: '市财政局' }));
  const task = table.tasks.find((t) => t.id === '1.1.1');
  expect(finRows[0][3]).toBe(`${task.item}\n${task.text}`);
  expect(finRows[0][5]).toBe('已完成');

  expect(book['督办'][1][0]).toMatch(/^逾期、待更新和临期（14 天内到期）的任务 截至 \d{4}年\d{1,2}月\d{1,2}日 共 \d+ 项$/);
  w.expectClean();
});

test('a worker that cannot load gets a Chinese message; the page keeps working and retries', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  await page.context().route(/gk-xlsx-worker/, (route) => route.abort());
  const button = page.getByRole('button', { name: '导出 Excel' });
  await button.click();
  await expect(page.locator('.notices')).toContainText('无法加载 Excel 生成程序');
  await expect(button).toBeEnabled();
  await statusOf(page, '1.1.1').selectOption('doing');
  await expect(statusOf(page, '1.1.1')).toHaveValue('doing');
  // Once the network is back, the next click works.
  await page.context().unroute(/gk-xlsx-worker/);
  const download = page.waitForEvent('download');
  await button.click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});
