import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { table, watch, openApp, openOffice, expectedIds, hashOf, fillStorage } from './helpers.mjs';

const stateFile = (entries, extra = {}) =>
  Buffer.from(
    JSON.stringify({ format: 'gk-checklist', version: 1, dataset: 'taian-2017', exported_at: '2017-06-30T08:00:00Z', entries, ...extra }, null, 2),
  );
const entry = (unit, task, status, note, updated_at) => ({ unit, task, status, note, updated_at });
const file = (name, buffer) => ({ name, mimeType: 'application/json', buffer });
const stored = (page) =>
  page.evaluate(() =>
    Object.fromEntries(Object.keys(localStorage).filter((k) => k.startsWith('gk:taian-2017:unit:')).map((k) => [k, localStorage.getItem(k)])),
  );
const counts = (page, name) =>
  page.locator(`.file-preview[data-file="${name}"] .file-counts li`).evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.dataset.kind, Number(li.dataset.count)])),
  );
const statusOf = (page, id) => page.locator(`tr[data-task-id="${id}"]`).getByLabel('状态');

const czFile = stateFile([
  entry('市财政局', '1.1.1', 'done', '已在网站公开', '2017-06-29T10:00:00Z'),
  entry('市财政局', '1.1.2', 'doing', '', '2017-06-29T11:00:00Z'),
  entry('市财政局', '1.1.5', 'done', '每月在市财政局网站公开', '2017-06-29T12:00:00Z'),
]);
const xtFile = stateFile([
  entry('新泰市', '1.1.1', 'done', '', '2017-06-28T10:00:00Z'),
  entry('新泰市', '2.1.1', 'na', '不涉及', '2017-06-28T10:00:00Z'),
]);

const entriesOf = (stored, unit) => JSON.parse(stored[`gk:taian-2017:unit:${unit}`]).entries;

test('import two units’ files on the office page: preview, apply, the central view, and undo', async ({ page }) => {
  const w = watch(page);
  await openApp(page, hashOf({ unit: '市财政局' }));
  // An edit of our own, newer than the file's entry: the file's is older (ignored), not a conflict.
  await statusOf(page, '1.1.2').selectOption('na');
  const before = await stored(page);

  await page.getByRole('link', { name: '汇总与导入' }).click();
  await expect(page.locator('table.matrix')).toBeVisible();
  await page.locator('#import-files').setInputFiles([file('cz.json', czFile), file('xt.json', xtFile)]);
  const preview = page.getByRole('region', { name: '导入预览' });
  await expect(preview).toBeVisible();
  expect(await counts(page, 'cz.json')).toEqual({ new: 2, newer: 0, older: 1, identical: 0, invalid: 0, conflicts: 0 });
  expect(await counts(page, 'xt.json')).toEqual({ new: 2, newer: 0, older: 0, identical: 0, invalid: 0, conflicts: 0 });
  await expect(preview.locator('table.conflicts')).toHaveCount(0);
  // Nothing has changed yet.
  expect(await stored(page)).toEqual(before);

  await preview.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 4 条');
  const after = await stored(page);
  expect(entriesOf(after, '市财政局')['1.1.1'].status).toBe('done');
  expect(entriesOf(after, '市财政局')['1.1.2'].status).toBe('na');
  expect(entriesOf(after, '市财政局')['1.1.5'].status).toBe('done');
  expect(entriesOf(after, '新泰市')['2.1.1'].status).toBe('na');

  // The central view, on the same page.
  const cz = page.locator('table.matrix tr[data-unit="市财政局"]');
  const czTotal = expectedIds({ unit: '市财政局' }).length;
  await expect(cz.locator('td.total')).toHaveText(`2/${czTotal - 1}（${Math.floor((200) / (czTotal - 1))}%）`);
  await expect(cz.locator('td.reported')).toContainText('已报送');
  await expect(page.locator('.not-reported')).not.toContainText('市财政局');
  await expect(page.locator('.not-reported')).toContainText('东平县');
  // Each task lists every unit involved, leads first.
  const t111 = page.locator('.task-statuses li[data-task-id="1.1.1"]');
  await t111.locator('summary').click();
  await expect(t111.locator('.unit-statuses li').first()).toBeVisible();
  const units = await t111.locator('.unit-statuses li .u').allTextContents();
  expect(units.slice(0, 5)).toEqual(table.tasks[0].lead);
  await expect(t111.locator('.unit-statuses li', { hasText: '新泰市' })).toHaveAttribute('data-status', 'done');

  // Undo puts back exactly what was stored before.
  await page.getByRole('button', { name: '撤销上次导入' }).click();
  await expect(page.locator('.import-result')).toContainText('已撤销');
  const undone = await stored(page);
  expect(Object.keys(undone).sort()).toEqual(Object.keys(before).concat(['gk:taian-2017:unit:新泰市']).sort());
  expect(undone['gk:taian-2017:unit:市财政局']).toEqual(before['gk:taian-2017:unit:市财政局']);
  expect(entriesOf(undone, '新泰市')).toEqual({});
  await expect(cz.locator('td.reported')).toContainText('已报送'); // (our own edit of 1.1.2)

  // Clicking a cell opens the unit's read-only view of that pillar on this page (issue 15: no
  // longer the unit's editable task table).
  const url = page.url();
  await page.locator('table.matrix tr[data-unit="新泰市"] button.cell').first().click();
  const view = page.locator('section.unit-view');
  await expect(view.locator('.readonly-mark')).toHaveText('只读（汇总查看）');
  const ids = await view.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.taskId));
  expect(ids).toEqual(expectedIds({ unit: '新泰市', pillar: 1 }));
  // The same page, its link naming the unit and pillar (back returns to the 汇总).
  expect(page.url()).toBe(`${url}#unit=${encodeURIComponent('新泰市')}&pillar=1`);
  await view.getByRole('button', { name: '返回汇总' }).click();
  await expect(page.locator('table.matrix')).toBeVisible();
  expect(page.url()).toBe(url);
  w.expectClean();
});

const bad = [
  ['not-json.json', Buffer.from('这不是 JSON {'), '不是有效的 JSON 文件'],
  ['other.json', Buffer.from(JSON.stringify({ hello: 'world' })), '不是本系统导出的报送文件'],
  ['dataset.json', stateFile([], { dataset: 'jinan-2017' }), '任务表标识是“jinan-2017”'],
  ['newer.json', stateFile([], { version: 2 }), '第 2 版格式'],
  // The limit follows the table (47 units × 139 tasks × 6,512 bytes = 42,542,896 bytes).
  ['big.json', Buffer.alloc(43 * 1000 * 1000, 32), '太大'],
];

for (const [name, buffer, message] of bad) {
  test(`a bad file (${name}) gets a message naming it and changes nothing`, async ({ page }) => {
    await openApp(page, hashOf({ unit: '市财政局' }));
    await statusOf(page, '1.1.1').selectOption('done');
    const before = await stored(page);
    await openOffice(page);
    await page.locator('#import-files').setInputFiles([file(name, buffer)]);
    const errors = page.getByRole('region', { name: '导入预览' }).locator('.file-errors');
    await expect(errors).toContainText(`文件“${name}”`);
    await expect(errors).toContainText(message);
    await expect(page.getByRole('button', { name: '应用导入' })).toBeDisabled();
    expect(await stored(page)).toEqual(before);
  });
}

test('a partly bad file: the preview lists what is skipped and the rest can be applied', async ({ page }) => {
  await openOffice(page);
  const mixed = stateFile([
    entry('市财政局', '1.1.1', 'done', '', '2017-06-29T10:00:00Z'),
    entry('市财政局', '9.9.9', 'done', '', '2017-06-29T10:00:00Z'),
    entry('不存在局', '1.1.1', 'done', '', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.2', 'finished', '', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.3', 'done', '', '昨天'),
  ]);
  const before = await stored(page);
  await page.locator('#import-files').setInputFiles([file('mixed.json', mixed)]);
  expect(await counts(page, 'mixed.json')).toMatchObject({ new: 1, invalid: 4 });
  const invalid = page.locator('.file-preview[data-file="mixed.json"] .invalid-list li');
  await expect(invalid).toHaveCount(4);
  await expect(invalid.nth(0)).toContainText('9.9.9');
  await expect(invalid.nth(1)).toContainText('不存在局');
  await expect(invalid.nth(2)).toContainText('finished');
  await expect(invalid.nth(3)).toContainText('昨天');
  expect(await stored(page)).toEqual(before);
  await page.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 1 条');
  await openApp(page, hashOf({ unit: '市财政局' }));
  await expect(statusOf(page, '1.1.1')).toHaveValue('done');
  await expect(statusOf(page, '1.1.2')).toHaveValue('todo');
});

test('a file of 200,000 invalid entries: the count, the first 20 reasons, and every one as a download', async ({ page }) => {
  await openOffice(page);
  // Even entries name a task the table does not have, odd ones a unit it does not have.
  const entries = [];
  for (let i = 0; i < 200000; i++) {
    entries.push(i % 2 === 0 ? entry('市财政局', `9.9.${i}`, 'done', '', '2017-06-29T10:00:00Z') : entry(`无此局${i}`, '1.1.1', 'done', '', '2017-06-29T10:00:00Z'));
  }
  const before = await stored(page);
  await page.locator('#import-files').setInputFiles([file('huge.json', stateFile(entries))]);
  const preview = page.locator('.file-preview[data-file="huge.json"]');
  await expect(preview).toBeVisible({ timeout: 20000 });
  expect(await counts(page, 'huge.json')).toMatchObject({ new: 0, invalid: 200000 });
  const invalid = preview.locator('.invalid-list li');
  await expect(invalid).toHaveCount(20);
  await expect(invalid.nth(0)).toHaveText('第 1 条：任务编号“9.9.0”不在任务表中');
  await expect(invalid.nth(1)).toHaveText('第 2 条：单位“无此局1”不在任务表中');
  await expect(invalid.nth(19)).toHaveText('第 20 条：单位“无此局19”不在任务表中');
  await expect(preview.locator('.invalid summary')).toHaveText('无效记录 200000 条（将被跳过）');
  await expect(preview.locator('.invalid-more')).toContainText('以上是前 20 条，另有 199980 条未列出。');
  // The old preview made a list item per entry (203,398 elements); this one stays small.
  expect(await preview.evaluate((el) => el.querySelectorAll('*').length)).toBeLessThan(200);

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '下载全部 200000 条无效记录（CSV）' }).click();
  const f = await download;
  expect(f.suggestedFilename()).toBe('huge-无效记录.csv');
  const lines = readFileSync(await f.path(), 'utf8').split('\r\n');
  expect(lines.length).toBe(200002); // the header, 200,000 entries, and the empty text after the last CRLF
  expect(lines[0]).toBe('\ufeff文件,位置,单位,任务,原因');
  expect(lines[1]).toBe('huge.json,第 1 条,市财政局,9.9.0,任务编号“9.9.0”不在任务表中');
  expect(lines[200000]).toBe('huge.json,第 200000 条,无此局199999,1.1.1,单位“无此局199999”不在任务表中');
  expect(lines[200001]).toBe('');
  expect(await stored(page)).toEqual(before);
});

test('an import into full storage says the records are only in the page, and 导出全部单位 still has them (issue 23)', async ({ page }) => {
  await openOffice(page);
  await fillStorage(page);
  await page.locator('#import-files').setInputFiles([file('cz.json', czFile)]);
  await page.getByRole('button', { name: '应用导入' }).click();
  const result = page.locator('.import-result');
  await expect(result).toContainText('已读入 1 个文件：新增 3 条');
  await expect(result).toContainText('未能保存到浏览器中');
  await expect(result).not.toContainText('已导入');
  await expect(page.locator('.storage-banner')).toContainText('存储空间已满');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部单位' }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  const ours = exported.entries.filter((e) => e.unit === '市财政局').map((e) => [e.task, e.status, e.note]);
  expect(ours).toEqual([
    ['1.1.1', 'done', '已在网站公开'],
    ['1.1.2', 'doing', ''],
    ['1.1.5', 'done', '每月在市财政局网站公开'],
  ]);
});

test('a note with half a character (a lone surrogate) imports as �, the rest of the file with it (issue 23)', async ({ page }) => {
  await openOffice(page);
  // JSON.stringify writes the lone half of 😀 as the escape \ud83d, as a tool that cut a note may.
  const cut = stateFile([
    entry('市财政局', '1.1.5', 'done', '已公开\ud83d', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.3', 'doing', '😀', '2017-06-29T10:00:00Z'),
  ]);
  expect(cut.toString()).toContain('已公开\\ud83d');
  await page.locator('#import-files').setInputFiles([file('cut.json', cut)]);
  expect(await counts(page, 'cut.json')).toMatchObject({ new: 2, invalid: 0 });
  await expect(page.locator('.file-preview[data-file="cut.json"] .file-repaired')).toHaveText(
    '文件中有 1 处残缺的字符（如被截断的表情符号），已替换为“\ufffd”，其余内容照常导入。',
  );
  await page.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('已导入 1 个文件：新增 2 条');
  await openApp(page, hashOf({ unit: '市财政局' }));
  await expect(page.locator('tr[data-task-id="1.1.5"]').getByLabel('备注')).toHaveValue('已公开\ufffd');
  await expect(page.locator('tr[data-task-id="1.1.3"]').getByLabel('备注')).toHaveValue('😀');
});

const dropFile = async (page, name, text) => {
  const dt = await page.evaluateHandle(
    ([name, text]) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'application/json' }));
      return dt;
    },
    [name, text],
  );
  await page.dispatchEvent('body', 'drop', { dataTransfer: dt });
};

test('files dropped on the office page are previewed too', async ({ page }) => {
  await openOffice(page);
  await dropFile(page, 'dropped.json', xtFile.toString());
  await expect(page.locator('.file-preview[data-file="dropped.json"]')).toBeVisible();
  expect(await counts(page, 'dropped.json')).toMatchObject({ new: 2 });
});

test('a file dropped on the task table is refused with a pointer to the office page, and the page stays', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  const before = await stored(page);
  await dropFile(page, 'dropped.json', xtFile.toString());
  await expect(page.locator('.notices')).toContainText('请打开“汇总与导入”页面');
  await expect(page.locator('table.tasks')).toBeVisible();
  await expect(page.locator('#import-files')).toHaveCount(0);
  expect(await stored(page)).toEqual(before);
});

test('export of all units in this browser, re-imported elsewhere, gives the same records', async ({ page, browser }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  await statusOf(page, '1.1.1').selectOption('done');
  await page.locator('#unit').selectOption('泰山区');
  await statusOf(page, '1.1.1').selectOption('doing');
  await openOffice(page);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出全部单位' }).click();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(/^taian-2017-全部单位-\d{8}\.json$/);
  const text = readFileSync(await f.path(), 'utf8');
  const data = JSON.parse(text);
  expect(data.entries.map((e) => [e.unit, e.task, e.status])).toEqual([
    ['市财政局', '1.1.1', 'done'],
    ['泰山区', '1.1.1', 'doing'],
  ].sort((a, b) => (a[0] < b[0] ? -1 : 1)));
  // The office imports it in its own browser.
  const office = await browser.newPage();
  await openOffice(office);
  await office.locator('#import-files').setInputFiles([file('all.json', Buffer.from(text))]);
  await office.getByRole('button', { name: '应用导入' }).click();
  await expect(office.locator('table.matrix tr[data-unit="泰山区"] td.reported')).toBeVisible();
  await expect(office.locator('table.matrix tr[data-unit="市财政局"] td.total')).toContainText('1/');
  // And in its task table.
  await openApp(office, hashOf({ unit: '泰山区' }));
  await expect(statusOf(office, '1.1.1')).toHaveValue('doing');
  await office.close();
});

test('CSV of the filtered view: UTF-8 with BOM, one row per task and unit shown', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局', pillar: 1 }));
  await statusOf(page, '1.1.5').selectOption('done');
  await page.locator('tr[data-task-id="1.1.5"]').getByLabel('备注').fill('每月公开, 含"预算"');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 CSV' }).click();
  const f = await download;
  expect(f.suggestedFilename()).toMatch(/^taian-2017-市财政局-\d{8}\.csv$/);
  const bytes = readFileSync(await f.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  const lines = text.split('\r\n').filter(Boolean);
  expect(lines[0]).toBe('编号,支柱,分项,工作任务及要求,牵头单位,责任单位,单位,状态,备注,更新时间');
  const ids = expectedIds({ unit: '市财政局', pillar: 1 });
  const dataLines = lines.slice(1);
  expect(dataLines.length).toBe(ids.length);
  expect(dataLines.map((l) => l.split(',')[0])).toEqual(ids);
  const row = dataLines.find((l) => l.startsWith('1.1.5,'));
  expect(row).toContain(',市财政局,已完成,"每月公开, 含""预算""",');
});

test('preview labels, one file at a time: 更新, 较旧（忽略）, 相同, and 冲突 only for two edits made at the same time', async ({ page }) => {
  const w = watch(page);
  await openOffice(page);
  const base = stateFile([
    entry('市财政局', '1.1.1', 'doing', '起草中', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.2', 'doing', '起草中', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.3', 'doing', '起草中', '2017-06-29T10:00:00Z'),
    entry('市财政局', '1.1.5', 'doing', '起草中', '2017-06-29T10:00:00Z'),
  ]);
  await page.locator('#import-files').setInputFiles([file('base.json', base)]);
  await page.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 4 条');

  const cases = [
    // [file, its one entry, counts, the kind counted once and its label]
    ['newer.json', entry('市财政局', '1.1.1', 'done', '已公开', '2017-06-30T10:00:00Z'), { newer: 1, older: 0, identical: 0, conflicts: 0 }, ['newer', '更新']],
    ['older.json', entry('市财政局', '1.1.2', 'todo', '', '2017-06-28T10:00:00Z'), { newer: 0, older: 1, identical: 0, conflicts: 0 }, ['older', '较旧（忽略）']],
    ['same.json', entry('市财政局', '1.1.3', 'doing', '起草中', '2017-06-29T10:00:00Z'), { newer: 0, older: 0, identical: 1, conflicts: 0 }, ['identical', '相同（忽略）']],
    ['tie.json', entry('市财政局', '1.1.5', 'done', '另一份', '2017-06-29T10:00:00Z'), { newer: 1, older: 0, identical: 0, conflicts: 1 }, ['conflicts', '冲突（已计入更新或较旧）']],
  ];
  for (const [name, e, want, [kind, label]] of cases) {
    await page.locator('#import-files').setInputFiles([file(name, stateFile([e]))]);
    const preview = page.getByRole('region', { name: '导入预览' });
    await expect(preview.locator(`.file-preview[data-file="${name}"]`)).toBeVisible();
    const got = await counts(page, name);
    expect({ newer: got.newer, older: got.older, identical: got.identical, conflicts: got.conflicts }, name).toEqual(want);
    await expect(preview.locator(`.file-preview[data-file="${name}"] li[data-kind="${kind}"]`)).toHaveText(`${label}：1`);
    const apply = preview.getByRole('button', { name: '应用导入' });
    if (name === 'same.json' || name === 'older.json') {
      // Nothing to apply: the button is disabled and looks it (not the red of a main button).
      await expect(apply).toBeDisabled();
      const look = await apply.evaluate((b) => [getComputedStyle(b).backgroundColor, getComputedStyle(b).cursor]);
      const enabled = await page.evaluate(() => {
        const b = document.createElement('button');
        b.className = 'primary';
        document.body.append(b);
        const bg = getComputedStyle(b).backgroundColor;
        b.remove();
        return bg;
      });
      expect(look[0]).not.toBe(enabled);
      expect(look[1]).toBe('not-allowed');
    } else {
      await expect(apply).toBeEnabled();
    }
    if (name === 'tie.json') {
      // Both edits shown; the higher status (已完成) wins the tie.
      await expect(preview.locator('table.conflicts')).toContainText('进行中');
      await expect(preview.locator('table.conflicts td.wins')).toContainText('已完成');
      // In plain words (issue 24: 状态靠后者优先 was jargon).
      await expect(preview.locator('details:has(table.conflicts) summary')).toContainText('保留加粗的一条');
      await expect(preview.locator('details:has(table.conflicts) summary')).not.toContainText('靠后者');
    } else {
      await expect(preview.locator('table.conflicts')).toHaveCount(0);
    }
    await preview.getByRole('button', { name: /取消/ }).click();
  }
  w.expectClean();
});

test('a task’s detail on the office page: the full task text, and each unit’s status, 备注 and time', async ({ page }) => {
  const w = watch(page);
  await openOffice(page);
  await page.locator('#import-files').setInputFiles([file('cz.json', czFile)]);
  await page.getByRole('button', { name: '应用导入' }).click();
  await expect(page.locator('.import-result')).toContainText('新增 3 条');
  const task = table.tasks.find((t) => t.id === '1.1.1');
  const item = page.locator('.task-statuses > li[data-task-id="1.1.1"]');
  await item.locator('summary').click();
  await expect(item.locator('.tfull')).toHaveText(task.text);
  const fin = item.locator('.unit-statuses li[data-unit="市财政局"]');
  await expect(fin.locator('.s')).toHaveText('已完成');
  await expect(fin.locator('.n')).toHaveText('已在网站公开');
  // 2017-06-29T10:00:00Z is 18:00 in China.
  await expect(fin.locator('.t')).toHaveText('2017-06-29 18:00');
  // A unit without a record: 未开始, no note, no time.
  const other = item.locator('.unit-statuses li[data-unit="市金融办"]');
  await expect(other.locator('.s')).toHaveText('未开始');
  await expect(other.locator('.n, .t')).toHaveCount(0);
  w.expectClean();
});

test('13 files on the office’s desktop: 应用导入 is at the top and stays in view, and the result names the refused file (issue 24)', async ({ page }) => {
  const w = watch(page);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await openOffice(page);
  const units = table.units.filter((u) => u.kind !== 'group').slice(0, 12).map((u) => u.name);
  const files = units.map((u, i) => {
    const id = expectedIds({ unit: u })[0];
    return file(`f${i}.json`, stateFile([entry(u, id, 'done', '', '2017-06-29T10:00:00Z')]));
  });
  files.push(file('bad.json', Buffer.from('这不是 JSON {')));
  await page.locator('#import-files').setInputFiles(files);
  const preview = page.getByRole('region', { name: '导入预览' });
  const apply = preview.getByRole('button', { name: '应用导入' });
  await expect(apply).toBeInViewport();
  // Read down to the last file's block: the button is still in view.
  await preview.locator('.file-preview[data-file="f11.json"]').scrollIntoViewIfNeeded();
  await expect(preview.locator('.file-preview[data-file="f0.json"]')).not.toBeInViewport();
  await expect(apply).toBeInViewport();
  await apply.click();
  await expect(page.locator('.import-result')).toHaveText(
    /^已导入 12 个文件：新增 12 条，更新 0 条，涉及 12 个单位；另有 1 个文件无法导入，未计入。/,
  );
  w.expectClean();
});
