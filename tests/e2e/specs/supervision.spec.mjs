// Supervision (督办) on the task table, issue 13: each of a unit's rows shows its light on the
// as-of day (截至日期), a 督办 filter, the counts in the progress panel, the day in the print
// heading. The expected lights are computed here from data/tables/taian-2017.json and the rules of the
// issue, written again in JavaScript (not the app's code).
import { test, expect } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { table, watch, openApp, taskRows, shownIds, hashOf, roleOf, expectedIds, unitControls } from './helpers.mjs';
import { lightOf, chinaDay, chineseDate, wordOf } from './lights.mjs';


const WORD = { overdue: '逾期', stale: '待更新', soon: '临期', done: '已完成', none: '' };
const LIGHTS = Object.keys(WORD);

/** Every task of `unit` with its expected light, in table order. */
const expectedLights = (unit, entries, day) =>
  table.tasks.filter((t) => roleOf(t, unit) !== null).map((t) => ({ id: t.id, light: lightOf(t, entries[t.id], day) }));

const todayInChina = () => chinaDay(new Date().toISOString());

// ---- The page.

const row = (page, id) => page.locator(`tr[data-task-id="${id}"]`);
const shownLights = (page) =>
  taskRows(page).evaluateAll((rows) =>
    rows.map((r) => ({ id: r.dataset.taskId, light: r.dataset.light, word: r.querySelector('.light')?.textContent ?? null })),
  );

/** Puts `entries` (task id → { status, note, updated_at }) in `unit`'s stored checklist. */
async function seed(page, unit, entries) {
  await openApp(page);
  await page.evaluate(
    ([unit, entries]) =>
      localStorage.setItem(
        `gk:taian-2017:unit:${unit}`,
        JSON.stringify({ schema: 1, dataset: 'taian-2017', unit, exported_at: null, entries }),
      ),
    [unit, entries],
  );
}

/** Opens a link and waits for the view it names (the count of the tasks it shows). */
async function open(page, params, count) {
  // A fresh load, never a hash change: the page would rewrite the address without the values
  // it ignored before a reload could read them.
  await page.goto('about:blank');
  await page.goto(`./#${hashOf(params)}`);
  await expect(page.locator('table.tasks')).toBeVisible();
  // Every link here names a unit: the count is out of the unit's tasks.
  await expect(page.locator('.count')).toHaveText(`显示 ${count} / 本单位 ${expectedIds({ unit: params.unit }).length} 项`);
  if (count > 0) await unitControls(page);
}

// 泰山区, a county, has every recurring task and every deadline of the table. Its records cover
// each rule: records made at 23:59 and at 00:00 China time on the last and first day of a period,
// a done task after its due date, 不适用 on recurring tasks, no record at all.
const UNIT = '泰山区';
const RECORDS = {
  '1.1.1': { status: 'na', note: '', updated_at: '2017-03-01T02:00:00Z' },
  '1.1.5': { status: 'done', note: '每月公开', updated_at: '2017-06-30T15:59:00Z' }, // monthly; 30 June 23:59
  '2.1.5': { status: 'doing', note: '', updated_at: '2017-06-01T02:00:00Z' }, // due 2017-12-31
  '2.1.7': { status: 'done', note: '', updated_at: '2017-06-10T02:00:00Z' }, // due 2017-05-31, done late
  '2.3.2': { status: 'todo', note: '本周已发布', updated_at: '2017-06-25T16:00:00Z' }, // weekly; Mon 26 June 00:00
  '4.1.7': { status: 'doing', note: '', updated_at: '2017-06-30T16:00:00Z' }, // quarterly; 1 July 00:00
  '4.2.3': { status: 'na', note: '不涉及', updated_at: '2017-01-05T02:00:00Z' }, // monthly, 不适用
  '5.2.10': { status: 'done', note: '', updated_at: '2017-03-31T15:59:59Z' }, // quarterly; 31 March 23:59:59
};
const DAYS = ['2017-05-31', '2017-06-20', '2017-06-30', '2017-07-01', '2017-12-20', '2018-01-01'];

test('a unit and an as-of day: every row shows exactly its light, the counts and the day', async ({ page }) => {
  const w = watch(page);
  await seed(page, UNIT, RECORDS);
  const seen = new Set();
  for (const day of DAYS) {
    const expected = expectedLights(UNIT, RECORDS, day);
    expected.forEach((e) => seen.add(e.light));
    await open(page, { unit: UNIT, asof: day }, expected.length);
    expect(await shownLights(page), day).toEqual(expected.map((e) => ({ ...e, word: wordOf(e.light, RECORDS[e.id]?.status) })));
    await expect(page.locator('#asof')).toHaveValue(day);
    const n = (l) => expected.filter((e) => e.light === l).length;
    await expect(page.locator('.light-counts')).toHaveText(
      `督办：逾期 ${n('overdue')} 项 · 待更新 ${n('stale')} 项 · 临期 ${n('soon')} 项`,
    );
    for (const l of LIGHTS) {
      await expect(page.locator(`#light-filter option[value="${l}"]`)).toContainText(`（${n(l)}）`);
    }
    await expect(page.locator('.print-view')).toContainText(`单位：${UNIT} 截至 ${chineseDate(day)} 共 ${expected.length} 项`);
  }
  // The days above reach every light.
  expect([...seen].sort()).toEqual([...LIGHTS].sort());
  w.expectClean();
});

test('links with unit, asof and light show exactly the tasks of that light', async ({ page }) => {
  const w = watch(page);
  await seed(page, UNIT, RECORDS);
  const checked = new Set();
  for (const day of ['2017-06-20', '2017-07-01', '2017-12-20']) {
    const expected = expectedLights(UNIT, RECORDS, day);
    for (const light of LIGHTS) {
      const ids = expected.filter((e) => e.light === light).map((e) => e.id);
      if (ids.length === 0) continue;
      checked.add(light);
      await open(page, { unit: UNIT, asof: day, light }, ids.length);
      expect(await shownIds(page), `${day} ${light}`).toEqual(ids);
      await expect(page.locator('#light-filter')).toHaveValue(light);
      await expect(page.locator('.print-view')).toContainText(`督办：${WORD[light] || '正常推进'}`);
    }
  }
  // The loop ran, for every light (the three days reach them all).
  expect([...checked].sort()).toEqual([...LIGHTS].sort());
  // With another filter too: pillar 4 (惠民生), overdue on 1 July.
  const ids = expectedLights(UNIT, RECORDS, '2017-07-01')
    .filter((e) => e.light === 'overdue' && e.id.startsWith('4.'))
    .map((e) => e.id);
  expect(ids.length).toBeGreaterThan(0);
  await open(page, { unit: UNIT, pillar: 4, light: 'overdue', asof: '2017-07-01' }, ids.length);
  expect(await shownIds(page)).toEqual(ids);
  w.expectClean();
});

test('choosing a day in 截至日期 moves the lights and the link; emptied, it is today again', async ({ page }) => {
  const w = watch(page);
  await seed(page, UNIT, RECORDS);
  // Midnight-safe: the page's today is the day before or after it was opened.
  const before = todayInChina();
  await open(page, { unit: UNIT }, expectedIds({ unit: UNIT }).length);
  const today = await page.locator('#asof').inputValue();
  expect([before, todayInChina()]).toContain(today);
  const now = expectedLights(UNIT, RECORDS, today);
  expect((await shownLights(page)).map((r) => r.light)).toEqual(now.map((e) => e.light));
  expect(new URL(page.url()).hash).not.toContain('asof');
  await page.locator('#asof').fill('2017-06-30');
  const then = expectedLights(UNIT, RECORDS, '2017-06-30');
  await expect.poll(async () => (await shownLights(page)).map((r) => r.light)).toEqual(then.map((e) => e.light));
  await expect.poll(() => new URL(page.url()).hash).toContain('asof=2017-06-30');
  await expect(page.locator('.print-view')).toContainText('截至 2017年6月30日');
  await page.locator('#asof').fill('');
  await expect(page.locator('#asof')).toHaveValue(today);
  await expect.poll(() => new URL(page.url()).hash).not.toContain('asof');
  w.expectClean();
});

test('setting a status turns its light done; editing a recurring task’s note clears 待更新', async ({ page }) => {
  const w = watch(page);
  const unit = '市财政局';
  const day = '2017-07-10';
  const expected = expectedLights(unit, {}, day);
  await openApp(page, hashOf({ unit, asof: day }));
  // 1.1.1 (no deadline tag: due 2017-12-31) is on track; 1.1.5 (monthly) has no record: stale.
  const onTrack = expected.find((e) => e.light === 'none');
  const stale = expected.find((e) => e.light === 'stale' && table.tasks.find((t) => t.id === e.id).time.some((r) => r.tag === 'monthly'));
  expect(onTrack && stale).toBeTruthy();
  await expect(row(page, onTrack.id)).toHaveAttribute('data-light', 'none');
  // On track: no mark at all (no empty box, no dot).
  await expect(row(page, onTrack.id).locator('.light')).toHaveText('');
  await expect(row(page, onTrack.id).locator('.light')).toBeHidden();
  await row(page, onTrack.id).getByLabel('状态').selectOption('done');
  await expect(row(page, onTrack.id)).toHaveAttribute('data-light', 'done');
  await expect(row(page, onTrack.id).locator('.light')).toHaveText('已完成');
  await expect(row(page, onTrack.id).locator('.light')).toBeVisible();
  await expect(page.locator('#light-filter option[value="done"]')).toHaveText('已完成（1）');
  // Back to 进行中: on track again.
  await row(page, onTrack.id).getByLabel('状态').selectOption('doing');
  await expect(row(page, onTrack.id)).toHaveAttribute('data-light', 'none');

  await expect(row(page, stale.id)).toHaveAttribute('data-light', 'stale');
  await expect(row(page, stale.id).locator('.light')).toHaveText('待更新');
  const staleBefore = expected.filter((e) => e.light === 'stale').length;
  await expect(page.locator('.light-counts')).toContainText(`待更新 ${staleBefore} 项`);
  // A note written now is evidence of the current period (now is after 10 July 2017).
  await row(page, stale.id).getByLabel('备注').fill('7月已在网站公开');
  await expect(row(page, stale.id)).toHaveAttribute('data-light', 'none');
  await expect(page.locator('.light-counts')).toContainText(`待更新 ${staleBefore - 1} 项`);
  w.expectClean();
});

test('a bad asof or light in a link gets a Chinese notice and is ignored', async ({ page }) => {
  const w = watch(page);
  await seed(page, UNIT, RECORDS);
  // The unit's tasks, whatever the day (each bad link opens today's view of all of them).
  const expected = expectedIds({ unit: UNIT });
  for (const [asof, reason] of [
    ['2017-13-01', '日期不存在'],
    ['2017-7-1', '格式应如 2017-07-01'],
  ]) {
    await open(page, { unit: UNIT, asof, light: 'red' }, expected.length);
    const notice = page.getByRole('alert').filter({ hasText: '链接中' });
    await expect(notice).toContainText(`链接中的截至日期“${asof}”无效（${reason}），已忽略。`);
    await expect(notice).toContainText('链接中的督办状态“red”无效');
    // Judged on today (midnight-safe: the page's today, the day before or after the check),
    // every task of the unit shown.
    const today = await page.locator('#asof').inputValue();
    expect([todayInChina(), chinaDay(new Date(Date.now() - 60_000).toISOString())]).toContain(today);
    await expect(page.locator('#light-filter')).toHaveValue('');
    const lights = expectedLights(UNIT, RECORDS, today);
    expect(lights.map((e) => e.id)).toEqual(expected);
    expect(await shownLights(page)).toEqual(lights.map((e) => ({ ...e, word: wordOf(e.light, RECORDS[e.id]?.status) })));
  }
  w.expectClean();
});

test('without a unit no row carries a light and the 督办 filter is off', async ({ page }) => {
  await openApp(page, hashOf({ light: 'overdue', asof: '2017-07-01' }));
  await expect(taskRows(page)).toHaveCount(table.tasks.length);
  expect(await page.locator('tr[data-light]').count()).toBe(0);
  await expect(page.locator('#light-filter')).toBeDisabled();
});

test('screenshots and a print of a unit’s lights (for review)', async ({ page }) => {
  const dir = new URL('../test-results/', import.meta.url).pathname;
  mkdirSync(dir, { recursive: true });
  await seed(page, UNIT, RECORDS);
  const count = expectedLights(UNIT, RECORDS, '2017-07-01').length;
  for (const [w, h] of [
    [1366, 768],
    [390, 844],
  ]) {
    await page.setViewportSize({ width: w, height: h });
    await open(page, { unit: UNIT, asof: '2017-07-01' }, count);
    await page.screenshot({ path: `${dir}supervision-${w}.png` });
    await row(page, '4.3.4').scrollIntoViewIfNeeded();
    // Two frames, so that the screenshot shows the rows after the scroll has settled.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await page.screenshot({ path: `${dir}supervision-${w}-rows.png` });
  }
  await page.setViewportSize({ width: 1366, height: 768 });
  await open(page, { unit: UNIT, asof: '2017-07-01', pillar: 4 }, expectedLights(UNIT, RECORDS, '2017-07-01').filter((e) => e.id.startsWith('4.')).length);
  await page.pdf({ path: `${dir}supervision-print.pdf`, format: 'A4', preferCSSPageSize: true });
});

test('the counts are buttons that show exactly those tasks, and the lights are explained beside them (issue 24)', async ({ page }) => {
  const w = watch(page);
  await seed(page, UNIT, RECORDS);
  const all = expectedIds({ unit: UNIT }).length;
  await open(page, { unit: UNIT, asof: '2017-12-20' }, all);
  const soon = page.locator('.light-counts button[data-light="soon"]');
  const n = Number((await soon.textContent()).match(/^临期 (\d+) 项$/)[1]);
  expect(n).toBeGreaterThan(0);
  await soon.click();
  await expect(soon).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('#light-filter')).toHaveValue('soon');
  await expect(taskRows(page)).toHaveCount(n);
  expect(new Set(await taskRows(page).evaluateAll((rs) => rs.map((r) => r.dataset.light)))).toEqual(new Set(['soon']));
  // By hand: 2.1.5 is 进行中 and due 2017-12-31, 11 days after the 20th; 2.1.7 is done.
  expect(await shownIds(page)).toContain('2.1.5');
  expect(await shownIds(page)).not.toContain('2.1.7');
  await expect.poll(() => new URL(page.url()).hash).toContain('light=soon');
  // Pressed again: every task again.
  await soon.click();
  await expect(soon).toHaveAttribute('aria-pressed', 'false');
  await expect(taskRows(page)).toHaveCount(all);
  // Why nearly everything is 临期 in late December: the table's year end, said beside the counts.
  const help = page.locator('.light-help');
  await help.locator('summary').click();
  await expect(help).toContainText('临期：14 天内到截止日期，尚未完成。');
  await expect(help).toContainText('未写明截止日期的任务，按2017年12月31日计');
  w.expectClean();
});

test('a past as-of day says plainly what it judges on that day: the lights, not the records (issue 24)', async ({ page }) => {
  await seed(page, UNIT, RECORDS);
  const all = expectedIds({ unit: UNIT }).length;
  await open(page, { unit: UNIT }, all);
  await expect(page.locator('.progress .asof-caveat')).toBeHidden();
  await open(page, { unit: UNIT, asof: '2017-07-01' }, all);
  await expect(page.locator('.progress .asof-caveat')).toHaveText(
    '说明：逾期、待更新、临期按2017年7月1日判断，但完成情况是各单位目前的最新记录，不是2017年7月1日当天的记录（在这一天之后才完成的任务也算已完成）。',
  );
  // The office's matrix says the same in its caption, which prints.
  await page.goto('./office/#asof=2017-07-01');
  await expect(page.locator('table.matrix caption .asof-caveat')).toContainText('按2017年7月1日判断，但完成情况是各单位目前的最新记录');
});
