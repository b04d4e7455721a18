// 使用说明 (src/guide.rs): a modal dialog on each page that opens by itself on the first visit,
// not on the next ones, and from the masthead at any time; where the records live; the
// masthead's exports for the unit's own keeping. These tests start as a first visit does:
// without the seen flags that playwright.config.mjs gives every other spec.
// Screenshots and a print PDF are left in tests/e2e/test-results/ (guide-*.png, guide-*.pdf).
import { test, expect } from '@playwright/test';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { watch, openApp, openOffice, hashOf } from './helpers.mjs';

test.use({ storageState: { cookies: [], origins: [] } });

const results = new URL('../test-results/', import.meta.url).pathname;
const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Waits two frames: the guide opens in the frame after the page is mounted. */
const frames = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

const pages = [
  {
    name: 'task table',
    key: 'gk:taian-2017:guide:table',
    open: (page) => openApp(page),
    steps: ['选单位', '填状态和备注', '导出报送文件', '交市政府办公室'],
    warning: '记录只保存在这台电脑的这个浏览器中',
  },
  {
    name: 'office page',
    key: 'gk:taian-2017:guide:office',
    open: (page) => openOffice(page),
    steps: ['导入各单位报送文件', '核对预览', '应用导入（可撤销）', '查看汇总/督办', '导出汇总 Excel', '导出全部单位（备份）'],
    warning: '导入的记录只保存在这台电脑的这个浏览器中',
  },
];

for (const p of pages) {
  test(`the ${p.name}: 使用说明 on the first visit, not on the next, and from the masthead`, async ({ page }) => {
    const w = watch(page);
    await p.open(page);
    const guide = page.getByRole('dialog', { name: '使用说明' });
    await expect(guide).toBeVisible();
    expect(await guide.locator('li strong').allTextContents()).toEqual(p.steps);
    await expect(guide.locator('.guide-warning')).toContainText(p.warning);
    // Modal: the page behind it is inert.
    expect(await guide.evaluate((d) => d.matches(':modal'))).toBe(true);
    const ok = guide.getByRole('button', { name: '知道了' });
    await expect(ok).toBeFocused();
    // Esc closes it, and it is remembered.
    await page.keyboard.press('Escape');
    await expect(guide).toBeHidden();
    // (Written on the dialog's close event, which the browser fires a moment after hiding it.)
    await expect.poll(() => page.evaluate((k) => localStorage.getItem(k), p.key)).toBe('1');

    // The second visit: no guide.
    await page.reload();
    await p.open(page);
    await frames(page);
    await expect(guide).toBeHidden();

    // The masthead's 使用说明 opens it; 知道了 closes it and the focus goes back.
    const opener = page.getByRole('navigation', { name: '功能' }).getByRole('button', { name: '使用说明' });
    await opener.click();
    await expect(guide).toBeVisible();
    await ok.click();
    await expect(guide).toBeHidden();
    await expect(opener).toBeFocused();
    w.expectClean();
  });

  test(`the ${p.name}: axe-core finds no serious or critical violation with 使用说明 open`, async ({ page }) => {
    await p.open(page);
    await expect(page.getByRole('dialog', { name: '使用说明' })).toBeVisible();
    // Put in through the DevTools protocol: the page's CSP refuses an injected inline script.
    await page.evaluate(`${axeSource};undefined`);
    const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations
      .filter((v) => ['serious', 'critical'].includes(v.impact))
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 2).map((n) => n.target).join(' ')}`);
    expect(bad).toEqual([]);
  });
}

test('with storage blocked the guide opens on every visit, without an error of its own', async ({ browser }) => {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  const guide = page.getByRole('dialog', { name: '使用说明' });
  for (let visit = 0; visit < 2; visit++) {
    await openApp(page);
    await expect(guide).toBeVisible();
    await guide.getByRole('button', { name: '知道了' }).click();
    await expect(guide).toBeHidden();
  }
  // The storage banner says what storage does; the guide adds no notice.
  await expect(page.locator('.notices')).toBeHidden();
  expect(errors).toEqual([]);
  await context.close();
});

test('the masthead\'s table exports are for the unit\'s own keeping', async ({ page }) => {
  await openApp(page, hashOf({ unit: '市财政局' }));
  await page.getByRole('button', { name: '知道了' }).click();
  const keep = page.getByRole('group', { name: '本单位留存' });
  await expect(keep).toContainText('本单位留存：');
  await expect(keep.getByRole('button')).toHaveText(['导出 Excel', '导出 CSV']);
  // The file to send is the progress panel's.
  await expect(page.locator('.export-box').getByRole('button')).toHaveText('导出报送文件');
});

// For people to look at: both pages at 1366×768 and 390×844, the guide open and closed; the
// task table printed with the guide open (it must not print).
for (const [w, h] of [[1366, 768], [390, 844]]) {
  test(`screenshots at ${w}×${h}, the guide open and closed`, async ({ page }) => {
    mkdirSync(results, { recursive: true });
    await page.setViewportSize({ width: w, height: h });
    for (const p of pages) {
      await p.open(page);
      const guide = page.getByRole('dialog', { name: '使用说明' });
      await expect(guide).toBeVisible();
      // The whole guide fits the screen: 知道了 in view without scrolling.
      await expect(guide.getByRole('button', { name: '知道了' })).toBeInViewport();
      const tag = p.name.replace(' ', '-');
      await page.screenshot({ path: `${results}guide-${tag}-${w}-open.png` });
      await page.keyboard.press('Escape');
      await expect(guide).toBeHidden();
      if (p.name === 'task table') {
        // On a phone the filters are folded into one bar: unfold them first.
        const unfold = page.getByRole('button', { name: '筛选', exact: true });
        if (await unfold.isVisible()) await unfold.click();
        await page.locator('#unit').selectOption('市财政局');
        await expect(page.locator('.export-box')).toBeVisible();
      }
      await page.screenshot({ path: `${results}guide-${tag}-${w}-closed.png` });
    }
  });
}

test('the task table prints without the guide, even while it is open', async ({ page }) => {
  mkdirSync(results, { recursive: true });
  await openApp(page, hashOf({ unit: '市财政局', pillar: 1 }));
  await expect(page.getByRole('dialog', { name: '使用说明' })).toBeVisible();
  const path = `${results}guide-print.pdf`;
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true });
  const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
  expect(text).toContain('2017年泰安市政务公开重点工作任务分解表');
  expect(text).toContain('市财政局');
  for (const word of ['使用说明', '知道了', '交市政府办公室', '已自动保存在本浏览器', '导出报送文件', '本单位留存']) {
    expect(text).not.toContain(word);
  }
  execFileSync('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', path, `${results}guide-print`]);
});
