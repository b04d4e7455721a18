import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { table, watch, openApp, openOffice, taskRows, expectedIds, shownIds, hashOf, roleOf } from './helpers.mjs';

const views = [
  { unit: '市财政局' },
  { unit: '市财政局', role: 'lead' },
  { unit: '市财政局', role: 'responsible' },
  { unit: '新泰市' },
  { unit: '新泰市', role: 'lead', pillar: 4 },
  { unit: '人行泰安市中心支行' },
  { unit: '泰山职业技术学院' },
  { unit: '市政府办公室', pillar: 6 },
  { pillar: 3 },
  { section: '4.2', pillar: 4 },
  { time: 'monthly' },
  { time: 'monthly', unit: '市财政局' },
  { time: 'regular', unit: '新泰市' },
];

for (const v of views) {
  test(`a link opens exactly the view ${JSON.stringify(v)}`, async ({ page }) => {
    const w = watch(page);
    const expected = expectedIds(v);
    expect(expected.length).toBeGreaterThan(0);
    await openApp(page, hashOf(v));
    // Out of the unit's tasks when a unit is chosen, of the table's otherwise.
    const of = v.unit ? `本单位 ${expectedIds({ unit: v.unit }).length}` : '139';
    await expect(page.locator('.count')).toHaveText(`显示 ${expected.length} / ${of} 项`);
    expect(await shownIds(page)).toEqual(expected);
    w.expectClean();
  });
}

test('each row states the unit’s role and whether it comes through a group', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  // 1.1.1: 市财政局 leads by its own name.
  await expect(page.locator('tr[data-task-id="1.1.1"] .role')).toHaveText('牵头');
  // A task where 市财政局 is responsible only through 市政府有关部门（单位）.
  const viaGroup = table.tasks.find(
    (t) => roleOf(t, '市财政局') === 'responsible' && !t.responsible.includes('市财政局') && t.responsible.includes('市政府有关部门（单位）'),
  );
  await expect(page.locator(`tr[data-task-id="${viaGroup.id}"] .role`)).toHaveText('责任 · 市政府有关部门');
  // A county sees the tasks of 各县（市、区）.
  await page.goto(`./#${hashOf({ unit: '新泰市', pillar: 1 })}`);
  await expect(page.locator('tr[data-task-id="1.1.1"] .role')).toHaveText('责任 · 各县（市、区）');
});

test('typing in the search box narrows the rows and highlights the matches', async ({ page }) => {
  const w = watch(page);
  await openApp(page);
  await page.getByLabel('搜索').fill('预算');
  const expected = expectedIds({ q: '预算' });
  await expect(taskRows(page)).toHaveCount(expected.length);
  expect(await shownIds(page)).toEqual(expected);
  await expect(page.locator('tr[data-task-id] mark').first()).toHaveText('预算');
  await expect.poll(() => decodeURIComponent(new URL(page.url()).hash)).toBe('#q=预算');
  // Full-width digits and spaces are ignored the same way: "２０１７年 底前" finds 2017年底前.
  await page.getByLabel('搜索').fill('２０１７年 底前');
  await expect(taskRows(page)).toHaveCount(expectedIds({ q: '2017年底前' }).length);
  w.expectClean();
});

test('pillar chips filter, show counts and toggle', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  const chip = page.getByRole('button', { name: /^惠民生/ });
  const expected = expectedIds({ unit: '市财政局', pillar: 4 });
  await expect(chip.locator('.n')).toHaveText(String(expected.length));
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  await expect(taskRows(page)).toHaveCount(expected.length);
  expect(await shownIds(page)).toEqual(expected);
  await expect.poll(() => new URL(page.url()).hash).toContain('pillar=4');
  // The section select now offers only the sections of 惠民生.
  const sections = await page.locator('#section option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  expect(sections).toEqual(table.sections.filter((s) => s.pillar === 4).map((s) => s.id));
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await expect(taskRows(page)).toHaveCount(expectedIds({ unit: '市财政局' }).length);
});

test('back and forward move between views', async ({ page }) => {
  await openApp(page);
  // The address follows the view just after it is painted: wait for it before going back.
  const hash = () => new URL(page.url()).hash;
  await page.getByRole('button', { name: /^促改革/ }).click();
  await expect(taskRows(page)).toHaveCount(expectedIds({ pillar: 2 }).length);
  await expect.poll(hash).toBe('#pillar=2');
  await page.getByRole('button', { name: /^调结构/ }).click();
  await expect(taskRows(page)).toHaveCount(expectedIds({ pillar: 3 }).length);
  await expect.poll(hash).toBe('#pillar=3');
  await page.goBack();
  await expect(taskRows(page)).toHaveCount(expectedIds({ pillar: 2 }).length);
  await expect(page.getByRole('button', { name: /^促改革/ })).toHaveAttribute('aria-pressed', 'true');
  await page.goBack();
  await expect(taskRows(page)).toHaveCount(139);
  await page.goForward();
  await expect(taskRows(page)).toHaveCount(expectedIds({ pillar: 2 }).length);
});

test('choosing a unit by typing part of its name', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('查找单位').fill('财政');
  await page.getByLabel('查找单位').press('Enter');
  await expect(page.locator('#unit')).toHaveValue('市财政局');
  await expect(taskRows(page)).toHaveCount(expectedIds({ unit: '市财政局' }).length);
  // The select offers only the matching units now (and stays usable from the keyboard).
  const offered = await page.locator('#unit option').evaluateAll((os) => os.map((o) => o.value).filter(Boolean));
  expect(offered).toEqual(['市财政局']);
  await page.getByLabel('查找单位').fill('');
  await page.locator('#unit').selectOption('东平县');
  await expect(taskRows(page)).toHaveCount(expectedIds({ unit: '东平县' }).length);
});

test('an unknown unit or a bad value in the link shows a notice and is ignored', async ({ page }) => {
  const w = watch(page);
  await openApp(page, 'unit=%E4%B8%8D%E5%AD%98%E5%9C%A8%E5%B1%80&pillar=9&foo=bar');
  const notice = page.getByRole('alert');
  await expect(notice).toContainText('链接中的单位“不存在局”不存在，已忽略。');
  await expect(notice).toContainText('链接中的支柱“9”不存在，已忽略。');
  await expect(taskRows(page)).toHaveCount(139);
  await page.getByRole('button', { name: '知道了' }).click();
  await expect(notice).toHaveCount(0);
  // Broken percent-encoding never blanks the page.
  await page.goto('./#unit=%E5%B8&q=%ZZ');
  await expect(page.getByRole('alert')).toContainText('编码有误');
  await expect(taskRows(page)).toHaveCount(139);
  w.expectClean();
});

test('clearing all filters shows every task and empties the link', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局', pillar: 1, q: '公开' }));
  await page.locator('#time').selectOption('regular');
  await page.getByRole('button', { name: '清除全部筛选' }).click();
  await expect(taskRows(page)).toHaveCount(139);
  // Every control shows the cleared value, including those the user had changed.
  await expect(page.locator('#unit')).toHaveValue('');
  await expect(page.locator('#time')).toHaveValue('');
  await expect(page.getByLabel('搜索')).toHaveValue('');
  await expect.poll(() => new URL(page.url()).hash).toBe('');
  await expect(page.getByRole('button', { name: '清除全部筛选' })).toBeDisabled();
});

test('on a 390-pixel phone the rows become cards', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  await openApp(page, hashOf({ unit: '市财政局' }));
  const row = page.locator('tr[data-task-id="1.1.1"]');
  // A card: a block, or (issue 15, 480 px and less) a flex box that puts the status first.
  expect(['block', 'flex']).toContain(await row.evaluate((r) => getComputedStyle(r).display));
  const box = await row.boundingBox();
  expect(box.width).toBeLessThanOrEqual(390);
  // Nothing scrolls sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.close();
});

test('every control works from the keyboard with a visible focus', async ({ page }) => {
  await openApp(page);
  await page.getByLabel('搜索').focus();
  await page.keyboard.type('就业');
  await expect(taskRows(page)).toHaveCount(expectedIds({ q: '就业' }).length);
  const chip = page.getByRole('button', { name: /^稳增长/ });
  await chip.focus();
  await page.keyboard.press('Enter');
  await expect(chip).toHaveAttribute('aria-pressed', 'true');
  const outline = await chip.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe('none');
});

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const screens = [
  ['all tasks', async () => {}],
  ['a unit with a search', async (page) => page.goto(`./#${hashOf({ unit: '市财政局', q: '公开' })}`)],
  ['the office page', async (page) => openOffice(page)],
  ['an import preview', async (page) => {
    await openOffice(page);
    await page.locator('#import-files').setInputFiles([{ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('{') }]);
    await expect(page.getByRole('region', { name: '导入预览' })).toBeVisible();
  }],
];
for (const [name, open] of screens) {
  test(`axe-core finds no serious or critical violation (${name})`, async ({ page }) => {
    await openApp(page);
    await open(page);
    await expect(page.locator('h1')).toBeVisible();
    // The test's own tool, put in through the DevTools protocol: the page's CSP refuses an
    // injected inline script (csp.spec.mjs), as it should.
    await page.evaluate(`${axeSource};undefined`);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations
      .filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target).join(' ')}`);
    expect(bad).toEqual([]);
  });
}

test('the role and status selects apply once a unit is chosen, with counts', async ({ page }) => {
  await openApp(page);
  await expect(page.getByLabel('角色')).toBeDisabled();
  await expect(page.getByLabel('完成状态')).toBeDisabled();
  await page.locator('#unit').selectOption('市财政局');
  const lead = expectedIds({ unit: '市财政局', role: 'lead' });
  await expect(page.locator('#role option[value="lead"]')).toHaveText(`牵头（${lead.length}）`);
  await page.getByLabel('角色').selectOption('lead');
  expect(await shownIds(page)).toEqual(lead);
  await expect.poll(() => new URL(page.url()).hash).toContain('role=lead');
  await expect(page.locator('#status-filter option[value="todo"]')).toHaveText(`未开始（${lead.length}）`);
  await page.getByLabel('完成状态').selectOption('done');
  await expect(taskRows(page)).toHaveCount(0);
  await expect(page.getByText('没有符合条件的任务')).toBeVisible();
});
