// The benchmark of `make bench` (driven by scripts/bench.sh): load weight, time to table,
// filter and search latency at 139 and 10,000 tasks, and import/merge speed, against release
// builds served on 127.0.0.1 by serve.mjs (gzip, as a production server would). Playwright
// drives Debian's Chromium; it never downloads a browser. Prints a table, writes a JSON
// report, and exits non-zero when a budget is missed.
//
//   node bench.mjs --dist <dir> --dist-10k <dir> --ref <dir> --ref-10k <dir>
//                  [--expected <json>] [--native <merge json>] [--out <report.json>]
//                  [--port 8291] [--loads 15] [--changes 60]
//
// Time budgets are ratios to the plain-JavaScript reference page (bench/reference/, built by
// scripts/bench.sh, never shipped), measured in the same run by the same method: the loads
// alternate between the app and the reference, and the interactions run in rounds, the app's
// and the reference's in turn, so that both share the machine's noise. Before timing, the
// bench checks that both pages show the same tasks and roles for every unit and pillar (and
// at 139 tasks, the tasks gk-core decides: --expected, from `cargo run --example
// bench_reference -- expected`).
//
// Timing is done inside the page with performance.now(): a change is dispatched on the real
// control at the start of a frame (in a requestAnimationFrame callback) and the figure runs
// to the end of that frame's rendering (a message posted from the callback is handled once
// style, layout and paint are done). It includes the app's work and the browser's rendering,
// not the wait for the display's next frame (up to 16.7 ms at 60 Hz) nor Playwright's round
// trips.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { cpus, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { convert, WORD } from './libreoffice.mjs';

const here = dirname(new URL(import.meta.url).pathname);
const root = resolve(here, '../..');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith('--')) throw new Error(`unexpected argument ${argv[i]}`);
    out[argv[i].slice(2)] = argv[i + 1];
  }
  return out;
}
const args = parseArgs(process.argv.slice(2));
const dist = resolve(args.dist ?? `${root}/target/bench/dist`);
const dist10k = resolve(args['dist-10k'] ?? `${root}/target/bench/dist-10k`);
const ref = resolve(args.ref ?? `${root}/target/bench/ref`);
const ref10k = resolve(args['ref-10k'] ?? `${root}/target/bench/ref-10k`);
const expected = args.expected ? JSON.parse(readFileSync(args.expected, 'utf8')) : null;
const outFile = resolve(args.out ?? `${root}/bench/out/report.json`);
const port = Number(args.port ?? 8291);
const LOADS = Number(args.loads ?? 15);
const CHANGES = Number(args.changes ?? 60);
const native = args.native ? JSON.parse(readFileSync(args.native, 'utf8')) : null;
// For development: `--only 139` or `--only 10k` runs one variant (budgets are then not checked).
const only = args.only ?? null;

const KB = 1000; // kB: 1,000 bytes
// Issues 12 and 21: bytes and the import are absolute; every other time is a ratio of medians,
// app / reference, measured in the same run (the reference reading the same table file as the
// app: issue 21).
const BUDGETS = {
  transferKB: 230, // first load of the task table, the default table included, compressed (kB)
  tableRatio: 1.5, // navigation to the table painted, 139 tasks (issue 21; 2.5 in issue 12)
  filterRatio: 1.25, // pillar, unit and clear-all change to paint, 139 tasks (issue 21; 1.5 in issue 12)
  ratio10k: 1, // narrowing and clear-all at 10,000 tasks (the reference renders every row)
  mergeMs: 100, // importing 50 files of 139 entries, in the browser (ms)
  // Issue 14: click on an Excel button → download, absolute (ms). The first click of a visit
  // includes fetching and starting the worker (a fresh browser context: nothing cached).
  excelFirstMs: 1500,
  excelMs: 300,
  // Issue 23: choosing a file → its import preview on screen, absolute (ms), for the largest
  // file of invalid entries within the table's size limit.
  previewMs: 1000,
  // Issue 22: choosing a Word document of 150 tasks on 导入任务表 → every task on screen,
  // absolute (ms): the page never freezes for more than a second.
  readerMs: 1000,
};

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (xs) => quantile(xs, 0.5);
function quantile(xs, q) {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  // Nearest rank.
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1));
  return s[i];
}
const summary = (xs) => ({ n: xs.length, median: median(xs), p95: quantile(xs, 0.95), min: Math.min(...xs), max: Math.max(...xs) });

// ---------------------------------------------------------------------------------------------
// Servers and browser

function serve(dir, p) {
  const child = spawn(process.execPath, [resolve(here, 'serve.mjs'), dir, String(p), '/gk/'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((ok, fail) => {
    child.once('error', fail);
    child.stdout.once('data', () => ok(child));
    child.once('exit', (code) => fail(new Error(`serve.mjs exited with ${code}`)));
  });
}

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
  ],
});

// Runs in every page before its scripts: notes when `expected` task rows are in the document
// (a MutationObserver, independent of the app's own mark) and when that was painted. The
// 10,000-task build renders a long view a block at a time: there it waits for the first block.
function pageProbe(expected) {
  window.__probe = { rowsAt: null, paintedAt: null };
  const afterPaint = (cb) =>
    requestAnimationFrame(() => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => cb(performance.now());
      ch.port2.postMessage(null);
    });
  const check = () => {
    if (window.__probe.rowsAt !== null) return;
    const tbody = document.querySelector('table.tasks tbody');
    const n = tbody ? tbody.querySelectorAll('tr[data-task-id]:not([hidden])').length : 0;
    if (n >= expected) {
      window.__probe.rowsAt = performance.now();
      window.__probe.rows = n;
      observer.disconnect();
      afterPaint((t) => (window.__probe.paintedAt = t));
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

async function newPage(expected) {
  const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.addInitScript(pageProbe, expected);
  // A returning user's browser: the 使用说明 (src/guide.rs) was seen, so its first-visit dialog
  // does not cover the controls the bench clicks.
  await page.addInitScript(() => {
    try {
      for (const p of ['table', 'office']) localStorage.setItem(`gk:taian-2017:guide:${p}`, '1');
    } catch {
      // A document without storage (about:blank): nothing to show there.
    }
  });
  return { context, page, errors };
}

async function waitForTable(page) {
  await page.waitForFunction(() => window.__probe?.paintedAt != null, null, { timeout: 120_000 });
}

// ---------------------------------------------------------------------------------------------
// Weight

function kind(url, resourceType) {
  const path = new URL(url).pathname;
  if (resourceType === 'document' || path.endsWith('.html') || path.endsWith('/')) return 'html';
  if (path.endsWith('.wasm')) return 'wasm';
  if (path.endsWith('.js')) return 'js';
  if (path.endsWith('.css')) return 'css';
  return 'other';
}

// `ready`: a selector to wait for instead of the task table (the office page).
async function weight(base, expected, ready = null) {
  const { context, page } = await newPage(expected);
  const seen = [];
  page.on('requestfinished', (req) => seen.push(req));
  await page.goto(base);
  if (ready) await page.waitForSelector(ready);
  else await waitForTable(page);
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const req of seen) {
    const res = await req.response();
    if (!res) continue;
    const sizes = await req.sizes();
    const body = await res.body();
    files.push({
      url: new URL(req.url()).pathname,
      kind: kind(req.url(), req.resourceType()),
      encoding: res.headers()['content-encoding'] ?? 'identity',
      raw: body.length,
      transferred: sizes.responseBodySize,
      headers: sizes.responseHeadersSize,
    });
  }
  await context.close();
  const byKind = {};
  for (const k of ['wasm', 'js', 'html', 'css', 'other']) {
    const fs = files.filter((f) => f.kind === k);
    byKind[k] = { raw: fs.reduce((s, f) => s + f.raw, 0), compressed: fs.reduce((s, f) => s + f.transferred, 0) };
  }
  const json = readFileSync(`${root}/data/tables/taian-2017.json`);
  return {
    files,
    byKind,
    total: {
      raw: files.reduce((s, f) => s + f.raw, 0),
      compressed: files.reduce((s, f) => s + f.transferred, 0),
      headers: files.reduce((s, f) => s + f.headers, 0),
    },
    // The table ships inside the wasm; this is the JSON it is embedded from.
    data: { raw: json.length, gzip: gzipSync(json, { level: 9 }).length },
  };
}

// ---------------------------------------------------------------------------------------------
// Load times

const LOAD_KEYS = ['fcp', 'rows', 'painted', 'mark', 'rows_rendered'];

async function oneLoad(base, expected) {
  const { context, page, errors } = await newPage(expected);
  await page.goto(base);
  await waitForTable(page);
  const t = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    mark: performance.getEntriesByName('table-rendered')[0]?.startTime ?? null,
    rows: window.__probe.rowsAt,
    painted: window.__probe.paintedAt,
    rows_rendered: window.__probe.rows,
  }));
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  await context.close();
  return t;
}

// `runs` loads of each base, alternating (the first one first in even runs, last in odd ones).
async function loadTimes(bases, expected, runs) {
  const out = bases.map(() => Object.fromEntries(LOAD_KEYS.map((k) => [k, []])));
  for (let i = 0; i < runs; i++) {
    const order = i % 2 ? [...bases.keys()].reverse() : [...bases.keys()];
    for (const k of order) {
      const t = await oneLoad(bases[k], expected);
      for (const key of LOAD_KEYS) if (t[key] != null) out[k][key].push(t[key]);
    }
  }
  return out.map((o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, summary(v)])));
}

// ---------------------------------------------------------------------------------------------
// Interaction latency (in the page)

// Installed in the page: `__bench.run(steps)` where each step is [action, arg, measured].
function installHarness() {
  const frame = () => new Promise((r) => requestAnimationFrame(r));
  const settle = async () => {
    // Let whatever the change scheduled (effects, storage writes) finish.
    await frame();
    await frame();
    await new Promise((r) => setTimeout(r, 20));
  };
  const rows = () => document.querySelectorAll('table.tasks tbody tr[data-task-id]:not([hidden])').length;
  const actions = {
    pillar(p) {
      document.querySelector(`button.chip[data-pillar="${p}"]`).click();
    },
    unit(name) {
      const s = document.querySelector('#unit');
      s.value = name;
      s.dispatchEvent(new Event('change', { bubbles: true }));
    },
    clear() {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent.trim() === '清除全部筛选');
      b.click();
    },
    // The browser's own cost of the clear: hide most rows, then show every row again,
    // directly on the DOM with no app code involved.
    floorHide(k) {
      document.querySelectorAll('table.tasks tbody tr').forEach((r, j) => {
        if (j % 7 !== k % 7) r.style.display = 'none';
      });
    },
    floorShow() {
      document.querySelectorAll('table.tasks tbody tr').forEach((r) => (r.style.display = ''));
    },
    search(text) {
      const q = document.querySelector('#q');
      q.value = text;
      q.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText' }));
    },
  };
  // Dispatches at the start of a frame; resolves after that frame's rendering.
  const timed = (act) =>
    new Promise((resolve) =>
      requestAnimationFrame(() => {
        const start = performance.now();
        performance.mark('bench-change');
        act();
        const ch = new MessageChannel();
        ch.port1.onmessage = () => {
          const end = performance.now();
          performance.measure('bench-change-to-paint', 'bench-change');
          resolve(end - start);
        };
        ch.port2.postMessage(null);
      }),
    );
  window.__bench = {
    async run(steps) {
      const out = [];
      for (const [action, arg, label] of steps) {
        const act = () => actions[action](arg);
        if (label) {
          const before = rows();
          const ms = await timed(act);
          out.push({ label, ms, before, after: rows() });
        } else {
          act();
        }
        await settle();
      }
      return out;
    },
    units: () => [...document.querySelectorAll('#unit option')].map((o) => o.value).filter(Boolean),
    rows,
    // The shown task rows: [id, the unit's role badge, whether the badge has a title], the
    // shown headings, the search marks and the count text.
    snapshot: () => ({
      rows: [...document.querySelectorAll('table.tasks tbody tr[data-task-id]:not([hidden])')].map((r) => {
        const role = r.querySelector('.col-mine .role:not([hidden])');
        return [r.dataset.taskId, role ? role.textContent : '', role ? role.hasAttribute('title') : false];
      }),
      // The shown heading rows (pillar, section, item), as class and text.
      headings: [...document.querySelectorAll('table.tasks tbody tr:not([data-task-id]):not([hidden])')].map((r) => `${r.className}: ${r.textContent}`),
      // The search marks in the shown rows.
      marks: [...document.querySelectorAll('table.tasks tbody tr:not([hidden]) mark')].map((m) => m.textContent),
      // The names marked as the chosen unit (or one of its groups) in the shown rows' 牵头单位
      // and 责任单位 lists, as the reader sees them (underlined by the page's style; the app
      // rewrites one CSS rule, src/table/highlight.rs): [id, names marked].
      chosen: [...document.querySelectorAll('table.tasks tbody tr[data-task-id]:not([hidden])')]
        .map((r) => [r.dataset.taskId, [...r.querySelectorAll('.unit-list li')].filter((li) => getComputedStyle(li).textDecorationLine.includes('underline')).map((li) => li.textContent)])
        .filter(([, names]) => names.length),
      // The supervision light of every shown task row (督办): [id, data-light, the word beside
      // the role].
      lights: [...document.querySelectorAll('table.tasks tbody tr[data-task-id]:not([hidden])')].map((r) => [
        r.dataset.taskId,
        r.dataset.light ?? '',
        r.querySelector('.col-mine .light')?.textContent ?? '',
      ]),
      // The progress panel's 督办 counts while it is shown.
      supervision: document.querySelector('section.progress:not([hidden]) .light-counts')?.textContent ?? '',
      count: document.querySelector('.filters .count')?.textContent ?? '',
    }),
  };
}

function searchSteps(n) {
  // Typing and then deleting words, one keystroke at a time.
  const words = ['政务公开', '信息', '市财政局', '解读', '网站', '各县', '公开'];
  const steps = [];
  for (let w = 0; steps.length < n; w++) {
    const word = words[w % words.length];
    for (let i = 1; i <= word.length; i++) steps.push(['search', word.slice(0, i), 'search']);
    for (let i = word.length - 1; i >= 0; i--) steps.push(['search', word.slice(0, i), 'search']);
  }
  return steps;
}

async function openForInteractions(base, expected) {
  const p = await newPage(expected);
  await p.page.goto(base);
  await waitForTable(p.page);
  await p.page.evaluate(installHarness);
  return p;
}

function interactionSteps(units, changes, expected) {
  const pick = units.filter((_, i) => i % 3 === 0); // a spread of units
  const steps = [];
  // Pillar chip: switching from one pillar to another.
  steps.push(['pillar', 1, null]);
  for (let i = 0; i < changes; i++) steps.push(['pillar', ((i + 1) % 6) + 1, 'pillar']);
  steps.push(['clear', null, null]);
  // Unit: switching from one unit to another (the table shows that unit's column).
  for (let i = 0; i < changes; i++) steps.push(['unit', pick[i % pick.length], 'unit']);
  steps.push(['clear', null, null]);
  // Narrowing from the full table to one pillar, then clearing all filters back to it.
  for (let i = 0; i < changes; i++) {
    steps.push(['pillar', (i % 6) + 1, 'narrow']);
    steps.push(['clear', null, 'clear']);
  }
  // Search keystrokes.
  steps.push(...searchSteps(changes));
  steps.push(['search', '', null]);
  // For reference: the browser alone showing the full table again (no app code).
  if (expected > 1) {
    for (let i = 0; i < changes; i++) {
      steps.push(['floorHide', i, null]);
      steps.push(['floorShow', null, 'floor']);
    }
  }
  return steps;
}

function interactionStats(results) {
  const by = {};
  for (const r of results) (by[r.label] ??= []).push(r);
  const stats = {};
  for (const [label, rs] of Object.entries(by)) {
    stats[label] = {
      ...summary(rs.map((r) => r.ms)),
      rows_before: summary(rs.map((r) => r.before)).median,
      rows_after: summary(rs.map((r) => r.after)).median,
      changed: rs.filter((r) => r.before !== r.after || ['unit', 'search', 'floor'].includes(r.label)).length,
    };
  }
  return stats;
}

// The same steps in every page, in rounds: a slice of the steps in one page, then the same
// slice in the next, the order turning each round, so that the pages share the machine's noise.
// Each page keeps its own state from one slice to the next.
async function interleaved(pages, steps, rounds) {
  const out = pages.map(() => []);
  const size = Math.max(1, Math.ceil(steps.length / rounds));
  for (let r = 0; r * size < steps.length; r++) {
    const slice = steps.slice(r * size, (r + 1) * size);
    const order = r % 2 ? [...pages.keys()].reverse() : [...pages.keys()];
    for (const k of order) out[k].push(...(await pages[k].page.evaluate((st) => window.__bench.run(st), slice)));
  }
  for (const p of pages) if (p.errors.length) throw new Error(`errors in the page: ${p.errors.join('; ')}`);
  return out;
}

// Every unit and every pillar as each page shows it: the shown task rows (with rows) and the
// count text.
async function shownFor(page, withRows) {
  return page.evaluate(async (withRows) => {
    const b = window.__bench;
    // At 10k only the count (a snapshot reads every shown row).
    const take = () => (withRows ? b.snapshot() : { count: document.querySelector('.filters .count')?.textContent ?? '' });
    const out = { units: {}, pillars: {} };
    // The app's unit code (src/table/unit_part.rs) comes once a unit is first chosen: wait for
    // it (its progress panel) before the snapshots, as a clerk sees it a moment later.
    await b.run([['unit', b.units()[0], null]]);
    for (let i = 0; i < 200 && !document.querySelector('section.progress'); i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    for (const u of b.units()) {
      await b.run([['unit', u, null]]);
      out.units[u] = take();
    }
    await b.run([['clear', null, null]]);
    const pillars = [...document.querySelectorAll('button.chip[data-pillar]')].map((c) => c.dataset.pillar).filter(Boolean);
    for (const p of pillars) {
      await b.run([['pillar', p, null]]);
      out.pillars[p] = take();
    }
    await b.run([['clear', null, null]]);
    return out;
  }, withRows);
}

// Checks that the app and the reference show the same tasks (at 139, the same rows and roles,
// and those gk-core decides, and for every unit the same names marked as the unit's in the unit
// lists, the same lights on the rows and the same 督办 counts; at 10k, where the app renders a
// block at a time, the same counts).
// Returns a list of differences (empty: the same).
async function checkSame(app, reference, size) {
  const withRows = size === '139';
  const [a, r] = [await shownFor(app.page, withRows), await shownFor(reference.page, withRows)];
  const problems = [];
  const differ = (what, x, y) => {
    if (JSON.stringify(x) === JSON.stringify(y)) return;
    // Which part differs (rows, headings, count), when both are snapshots.
    const part = x && y && !Array.isArray(x) ? Object.keys(x).find((k) => JSON.stringify(x[k]) !== JSON.stringify(y[k])) : null;
    const [a, b] = part ? [x[part], y[part]] : [x, y];
    problems.push(`${size} ${what}${part ? ` (${part})` : ''}: app ${JSON.stringify(a).slice(0, 300)} ≠ reference ${JSON.stringify(b).slice(0, 300)}`);
  };
  differ('units', Object.keys(a.units), Object.keys(r.units));
  differ('pillars', Object.keys(a.pillars), Object.keys(r.pillars));
  for (const kind of ['units', 'pillars']) for (const k of Object.keys(a[kind])) differ(`${kind} ${k}`, a[kind][k], r[kind][k]);
  if (withRows && expected) {
    for (const [u, tasks] of Object.entries(expected.units)) {
      const core = tasks.map(([id, label, optional]) => [id, label, optional]);
      if (JSON.stringify(core) !== JSON.stringify(r.units[u]?.rows)) problems.push(`reference, unit ${u}: rows ≠ gk-core's`);
      if (JSON.stringify(core) !== JSON.stringify(a.units[u]?.rows)) problems.push(`app, unit ${u}: rows ≠ gk-core's`);
    }
    for (const [p, ids] of Object.entries(expected.pillars)) {
      const got = (x) => JSON.stringify(x.pillars[p]?.rows.map(([id]) => id));
      if (JSON.stringify(ids) !== got(r)) problems.push(`reference, pillar ${p}: rows ≠ gk-core's`);
      if (JSON.stringify(ids) !== got(a)) problems.push(`app, pillar ${p}: rows ≠ gk-core's`);
    }
  }
  // The marks and lights must be there, not merely equal: a unit's own name marked in its rows,
  // and a light on every row of a unit's tasks.
  if (withRows) {
    for (const [who, x] of [['app', a], ['reference', r]]) {
      const units = Object.entries(x.units);
      if (!units.some(([, s]) => s.chosen.length)) problems.push(`${size} ${who}: no unit marked in any row's unit lists`);
      const unlit = units.filter(([, s]) => s.rows.length && s.lights.some(([, l]) => !l)).map(([u]) => u);
      if (unlit.length) problems.push(`${size} ${who}: rows without a light for ${unlit.slice(0, 3).join(', ')}`);
      if (units.some(([, s]) => !s.supervision)) problems.push(`${size} ${who}: no 督办 counts in the progress panel`);
    }
  }
  const checked = { units: Object.keys(a.units).length, pillars: Object.keys(a.pillars).length, rows: withRows, against_core: Boolean(withRows && expected) };
  return { checked, problems };
}

// Links: each page opened with the same hash shows the same tasks and writes the same address,
// before and after a pillar chip is clicked (the hash keys of gk_core::hash).
const LINKS = [
  'unit=%E5%B8%82%E8%B4%A2%E6%94%BF%E5%B1%80&pillar=2',
  'unit=泰山区&role=lead',
  'pillar=4&section=4.2&q=%E5%85%AC%E5%BC%80',
  'time=monthly&q=+信息',
  'unit=%E5%B8%82%E6%95%99%E8%82%B2%E5%B1%80&status=todo&role=responsible',
  'pillar=9&unit=nobody&q=%E6%94%BF%E5%8A%A1',
];
async function checkLinks(appBase, refBase) {
  const problems = [];
  const view = async (base, hash) => {
    const p = await newPage(1);
    await p.page.goto(`${base}#${hash}`);
    await waitForTable(p.page);
    await p.page.evaluate(installHarness);
    const settle = () => p.page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
    await settle();
    const before = await p.page.evaluate(() => ({ ...window.__bench.snapshot(), hash: location.hash }));
    await p.page.evaluate(() => window.__bench.run([['pillar', 3, null]]));
    await settle();
    const after = await p.page.evaluate(() => ({ ...window.__bench.snapshot(), hash: location.hash }));
    await p.context.close();
    return { before, after };
  };
  for (const hash of LINKS) {
    const [a, r] = [await view(appBase, hash), await view(refBase, hash)];
    for (const k of ['before', 'after']) {
      const part = Object.keys(a[k]).find((p) => JSON.stringify(a[k][p]) !== JSON.stringify(r[k][p]));
      if (part) problems.push(`link #${hash}, ${k} a click (${part}): app ${JSON.stringify(a[k][part]).slice(0, 200)} ≠ reference ${JSON.stringify(r[k][part]).slice(0, 200)}`);
    }
  }
  return problems;
}

// The domain's rule for the groups (/work/shared/domain.md): the table's members are the ones
// it names. 各县（市、区）: the six counties; 市政府各部门（单位）, 市政府有关部门（单位）: every
// municipal unit (its name begins with 市) but the central-government branches and colleges.
function checkGroups() {
  const t = JSON.parse(readFileSync(`${root}/data/tables/taian-2017.json`, 'utf8'));
  const notGovernment = ['人行泰安市中心支行', '泰安银监分局', '山东服装职业学院', '泰山护理职业学院', '泰山职业技术学院'];
  const counties = ['泰山区', '岱岳区', '新泰市', '肥城市', '宁阳县', '东平县'];
  const units = t.units.filter((u) => u.kind !== 'group').map((u) => u.name);
  const municipal = units.filter((u) => u.startsWith('市') && !notGovernment.includes(u));
  const want = { '各县（市、区）': counties, '市政府各部门（单位）': municipal, '市政府有关部门（单位）': municipal };
  const problems = [];
  for (const g of t.units.filter((u) => u.kind === 'group')) {
    if (JSON.stringify([...g.members].sort()) !== JSON.stringify([...(want[g.name] ?? [])].sort())) problems.push(`group ${g.name}: members differ from the domain's rule`);
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Where the time of a change goes (diagnostic, no budget): a second pass of the 139-task pillar,
// unit and clear-all changes under Chromium's tracing (separate from the timed run: tracing adds
// its own cost), each change's window (the harness's measure, change → end of that frame's
// rendering) split into the renderer main thread's script (event handlers, rAF callbacks,
// microtasks: JavaScript and wasm), style (UpdateLayoutTree), layout, paint (pre-paint, paint,
// layerize, commit) and the rest (rendering work of no such event, e.g. the layout tree's
// rebuild, and idle time). Style and layout forced from inside
// script count as style and layout, not script. Medians per change, ms (as the timed figures;
// medians of the parts do not add up to the median of the whole).

const PHASE_NAMES = {
  script: ['FunctionCall', 'EvaluateScript', 'EventDispatch', 'FireAnimationFrame', 'TimerFire', 'RunMicrotasks', 'V8.Execute', 'v8.callFunction'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  paint: ['PrePaint', 'Paint', 'Layerize', 'UpdateLayer', 'UpdateLayerTree', 'CompositeLayers', 'Commit', 'PaintImage', 'RasterTask'],
};
const PHASE_OF = new Map(Object.entries(PHASE_NAMES).flatMap(([k, ns]) => ns.map((n) => [n, k])));

// Length of the union of [start, end) intervals, each clipped to [lo, hi).
function unionLength(intervals, lo, hi) {
  const xs = intervals.map(([a, b]) => [Math.max(a, lo), Math.min(b, hi)]).filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of xs) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

function phasesOf(trace, results) {
  const events = JSON.parse(trace.toString('utf8')).traceEvents ?? [];
  const begins = events.filter((e) => e.name === 'bench-change-to-paint' && (e.ph === 'b' || e.ph === 'B')).sort((a, b) => a.ts - b.ts);
  const ends = events.filter((e) => e.name === 'bench-change-to-paint' && (e.ph === 'e' || e.ph === 'E')).sort((a, b) => a.ts - b.ts);
  if (!begins.length || begins.length !== ends.length || begins.length !== results.length) return null;
  const pid = begins[0].pid;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.pid === pid && e.args?.name === 'CrRendererMain')?.tid ?? begins[0].tid;
  const byPhase = { script: [], style: [], layout: [], paint: [] };
  for (const e of events) {
    if (e.pid !== pid || e.tid !== main || e.ph !== 'X' || !e.dur) continue;
    const k = PHASE_OF.get(e.name);
    if (k) byPhase[k].push([e.ts, e.ts + e.dur]);
  }
  const PARTS = ['window', 'script', 'style', 'layout', 'paint', 'other'];
  const sums = {};
  begins.forEach((b, i) => {
    const [lo, hi] = [b.ts, ends[i].ts];
    const label = results[i].label;
    const s = (sums[label] ??= { n: 0, ...Object.fromEntries(PARTS.map((k) => [k, []])) });
    const style = unionLength(byPhase.style, lo, hi);
    const layout = unionLength(byPhase.layout, lo, hi);
    const paint = unionLength(byPhase.paint, lo, hi);
    const all = unionLength([...byPhase.script, ...byPhase.style, ...byPhase.layout, ...byPhase.paint], lo, hi);
    const rendering = unionLength([...byPhase.style, ...byPhase.layout, ...byPhase.paint], lo, hi);
    s.n++;
    s.window.push((hi - lo) / 1000);
    s.script.push((all - rendering) / 1000);
    s.style.push(style / 1000);
    s.layout.push(layout / 1000);
    s.paint.push(paint / 1000);
    s.other.push((hi - lo - all) / 1000);
  });
  for (const s of Object.values(sums)) for (const k of PARTS) s[k] = Number(median(s[k]).toFixed(2));
  return sums;
}

function phaseSteps(units, changes) {
  const pick = units.filter((_, i) => i % 3 === 0);
  const steps = [['pillar', 1, null]];
  for (let i = 0; i < changes; i++) steps.push(['pillar', ((i + 1) % 6) + 1, 'pillar']);
  steps.push(['clear', null, null]);
  for (let i = 0; i < changes; i++) steps.push(['unit', pick[i % pick.length], 'unit']);
  steps.push(['clear', null, null]);
  for (let i = 0; i < changes; i++) {
    steps.push(['pillar', (i % 6) + 1, null]);
    steps.push(['clear', null, 'clear']);
  }
  return steps;
}

async function changePhases(base, expected, changes) {
  const p = await openForInteractions(base, expected);
  const units = await p.page.evaluate(() => window.__bench.units());
  const steps = phaseSteps(units, changes);
  // The same steps once untraced, so that the traced pass sees warm code and units whose
  // controls were made before, as most changes of the timed run do.
  await p.page.evaluate((st) => window.__bench.run(st), steps);
  await browser.startTracing(p.page, { categories: ['devtools.timeline', 'blink.user_timing', 'v8.execute'] });
  const results = await p.page.evaluate((st) => window.__bench.run(st), steps);
  const trace = await browser.stopTracing();
  await p.context.close();
  return phasesOf(trace, results);
}

// ---------------------------------------------------------------------------------------------
// Merge in the browser (the bench hook of the synthetic-10k build)

async function browserMerge(base, expected, runs) {
  const { context, page, errors } = await newPage(expected);
  await page.goto(base);
  await waitForTable(page);
  const results = await page.evaluate((n) => {
    const out = [];
    for (let i = 0; i < n + 1; i++) out.push(JSON.parse(window.wasmBindings.bench_merge(50, 139)));
    return out;
  }, runs);
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  await context.close();
  const [first, ...rest] = results;
  const pick = (k) => summary(rest.map((r) => r[k]));
  return {
    first_run_ms: first.import_ms,
    import_ms: pick('import_ms'),
    parse_ms: pick('parse_ms'),
    preview_ms: pick('preview_ms'),
    apply_ms: pick('apply_ms'),
    merge_into_ms: pick('merge_into_ms'),
    parse_and_merge_ms: pick('parse_and_merge_ms'),
    entries: first.entries,
    result_entries: first.result_entries,
  };
}

// ---------------------------------------------------------------------------------------------
// Import preview of a file of invalid entries (issue 23: 200,000 of them froze the page 18 s)

/** Choosing a file of `n` entries, each naming a task the table does not have, on the office
 * page → the preview painted, in a fresh page each time; with the import's marks (read,
 * parsed, previewed) and the longest task. The file is built in the page. */
async function invalidPreview(url, n, runs) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const { context, page, errors } = await newPage(139);
    await page.goto(url);
    await page.waitForSelector('table.matrix');
    const m = await page.evaluate(async (n) => {
      const head = '{"format":"gk-checklist","version":1,"dataset":"taian-2017","exported_at":"2017-06-30T08:00:00Z","entries":[';
      const parts = [head];
      for (let i = 0; i < n; i++) parts.push(`${i ? ',' : ''}{"unit":"市财政局","task":"9.9.${i}","status":"done","note":"","updated_at":"2017-06-29T10:00:00Z"}`);
      parts.push(']}');
      const file = new File(parts, 'invalid.json', { type: 'application/json' });
      const dt = new DataTransfer();
      dt.items.add(file);
      let longest = 0;
      const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
      po.observe({ type: 'longtask' });
      const input = document.querySelector('#import-files');
      performance.clearMarks();
      const t0 = performance.now();
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((ok) => {
        const check = () => (document.querySelector('.file-preview .invalid') ? ok() : requestAnimationFrame(check));
        check();
      });
      const painted = await new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0), 0)));
      await new Promise((ok) => setTimeout(ok, 50));
      po.disconnect();
      const at = (name) => {
        const e = performance.getEntriesByName(name, 'mark')[0];
        return e ? e.startTime - t0 : NaN;
      };
      return { bytes: file.size, painted, read: at('import-read'), parsed: at('import-parsed'), previewed: at('import-previewed'), longest };
    }, n);
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    await context.close();
    out.push(m);
  }
  const pick = (k) => summary(out.map((m) => m[k]));
  return { entries: n, bytes: out[0].bytes, painted_ms: pick('painted'), read_ms: pick('read'), parsed_ms: pick('parsed'), previewed_ms: pick('previewed'), longest_task_ms: pick('longest') };
}

// ---------------------------------------------------------------------------------------------
// The table reader (导入任务表): a Word document of 150 tasks, choose → every task on screen

/** A 分解表 of `n` tasks in five pillars (family A: 牵头单位 and 责任单位 columns, each pillar's
 *  cell merged over its rows, a time column), as Word writes it: LibreOffice converts the HTML. */
function readerDocx(n) {
  const dir = resolve(root, 'target/bench/reader');
  mkdirSync(dir, { recursive: true });
  const per = Math.ceil(n / 5);
  const rows = [];
  for (let i = 0; i < n; i++) {
    const pillar = Math.floor(i / per);
    const first = i % per === 0 ? `<td rowspan="${Math.min(per, n - pillar * per)}">${'一二三四五'[pillar]}、第${pillar + 1}项重点工作</td>` : '';
    rows.push(
      `<tr><td>${i + 1}</td>${first}<td>按要求公开第${i + 1}项政务信息，做好政策解读和回应关切，及时更新网站栏目。</td>` +
        `<td>区单位${(i % 20) + 1}局</td><td>各镇（街道）、区直有关部门、区单位${((i + 7) % 20) + 1}局</td><td>${(i % 12) + 1}月底前</td></tr>`,
    );
  }
  const html =
    '<html><head><meta charset="utf-8"></head><body><p>2026年示范区政务公开重点工作任务分解表</p><table>' +
    '<tr><th>序号</th><th colspan="2">工作任务</th><th>牵头单位</th><th>责任单位</th><th>完成时限</th></tr>' +
    rows.join('') +
    '</table></body></html>';
  writeFileSync(`${dir}/tasks-${n}.html`, html);
  return readFileSync(convert(`${dir}/tasks-${n}.html`, dir, WORD));
}

/** Choosing the document on the 导入任务表 page → all its tasks painted, and the longest task. */
async function readerTimes(url, docx, n, runs) {
  const out = [];
  for (let r = 0; r < runs; r++) {
    const { context, page, errors } = await newPage(139);
    await page.goto(url);
    await page.waitForSelector('#reader-file');
    const m = await page.evaluate(
      async ({ b64, n }) => {
        const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        const dt = new DataTransfer();
        dt.items.add(new File([bytes], 'tasks.docx'));
        let longest = 0;
        const po = new PerformanceObserver((l) => l.getEntries().forEach((e) => (longest = Math.max(longest, e.duration))));
        po.observe({ type: 'longtask' });
        const input = document.querySelector('#reader-file');
        const t0 = performance.now();
        input.files = dt.files;
        input.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((ok) => {
          const check = () => (document.querySelectorAll('li.reader-task').length === n ? ok() : requestAnimationFrame(check));
          check();
        });
        const painted = await new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(performance.now() - t0), 0)));
        await new Promise((ok) => setTimeout(ok, 50));
        po.disconnect();
        return { painted, longest, counts: document.querySelector('#reader-counts').textContent };
      },
      { b64: docx.toString('base64'), n },
    );
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
    if (!m.counts.includes(`${n} 项任务`)) throw new Error(`the reader read ${m.counts}, not ${n} tasks`);
    await context.close();
    out.push(m);
  }
  return { tasks: n, bytes: docx.length, painted_ms: summary(out.map((m) => m.painted)), longest_task_ms: summary(out.map((m) => m.longest)) };
}

// ---------------------------------------------------------------------------------------------
// Excel (the worker, loaded on the first click)

/** Click → download of an Excel button, the first click of a fresh visit and `runs` more. */
async function excelTimes(url, ready, button, runs) {
  const { context, page, errors } = await newPage(139);
  await page.goto(url);
  await page.waitForSelector(ready);
  await page.waitForLoadState('networkidle');
  const click = async () => {
    const download = page.waitForEvent('download', { timeout: 15000 });
    const t0 = performance.now();
    await page.getByRole('button', { name: button, exact: true }).click();
    try {
      await download;
    } catch (e) {
      // What the page says (a notice, the button's state), for the report.
      const notices = await page.locator('.notices').innerText();
      throw new Error(`${button}: no download (${notices} | ${await page.locator('button.excel').innerText()})`, { cause: e });
    }
    return performance.now() - t0;
  };
  const first = await click();
  const rest = [];
  for (let i = 0; i < runs; i++) rest.push(await click());
  if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);
  await context.close();
  return { first_ms: first, next_ms: summary(rest) };
}

/** The worker's files as served (the loader, the JavaScript glue, the wasm), raw and gzip. */
function workerWeight(dir) {
  const out = { raw: 0, compressed: 0 };
  for (const f of ['gk-xlsx-worker_loader.js', 'gk-xlsx-worker.js', 'gk-xlsx-worker_bg.wasm']) {
    const body = readFileSync(`${dir}/${f}`);
    out.raw += body.length;
    out.compressed += gzipSync(body, { level: 9 }).length;
  }
  return out;
}

/** The 导入任务表 page's files (dist/reader/: html, js, wasm, css), raw and gzip -9. */
function readerWeight(dir) {
  const out = { raw: 0, compressed: 0, wasm: 0 };
  for (const f of readdirSync(`${dir}/reader`).filter((f) => /\.(html|js|wasm|css)$/.test(f))) {
    const body = readFileSync(`${dir}/reader/${f}`);
    const gz = gzipSync(body, { level: 9 }).length;
    out.raw += body.length;
    out.compressed += gz;
    if (f.endsWith('.wasm')) out.wasm += gz;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Run

const machine = {
  nproc: Number(execFileSync('nproc').toString().trim()),
  loadavg_at_start: loadavg().map((x) => Number(x.toFixed(2))),
  cpu: (readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m) ?? [])[1] ?? cpus()[0]?.model,
  chromium: `Chromium ${browser.version()}`,
  node: process.version,
  date: new Date().toISOString(),
};

const servers = [await serve(dist, port), await serve(dist10k, port + 1), await serve(ref, port + 2), await serve(ref10k, port + 3)];
const report = { machine, budgets: BUDGETS, variants: {}, reference: {}, checks_same: {}, native_merge: native };
const problems = checkGroups();
try {
  for (const [name, appBase, refBase, expected] of [
    ['139', `http://127.0.0.1:${port}/gk/`, `http://127.0.0.1:${port + 2}/gk/`, 139],
    ['10k', `http://127.0.0.1:${port + 1}/gk/`, `http://127.0.0.1:${port + 3}/gk/`, 1],
  ]) {
    if (only && only !== name) continue;
    const v = {};
    const r = {};
    process.stderr.write(`[bench] ${name} tasks: weight\n`);
    v.weight = await weight(appBase, expected);
    r.weight = await weight(refBase, expected);
    if (name === '139') {
      // For reference (no budget): the office page (汇总与导入), which units do not load.
      v.office_weight = await weight(`${appBase}office/`, expected, 'table.matrix');
    }
    process.stderr.write(`[bench] ${name} tasks: the app and the reference show the same tasks\n`);
    {
      const app = await openForInteractions(appBase, expected);
      const reference = await openForInteractions(refBase, expected);
      const same = await checkSame(app, reference, name);
      report.checks_same[name] = same.checked;
      problems.push(...same.problems);
      if (name === '139') {
        problems.push(...(await checkLinks(appBase, refBase)));
        report.checks_same[name].links = LINKS.length;
      }
      await app.context.close();
      await reference.context.close();
    }
    process.stderr.write(`[bench] ${name} tasks: loads (app and reference in turn)\n`);
    [v.load, r.load] = await loadTimes([appBase, refBase], expected, name === '139' ? LOADS : Math.max(5, Math.round(LOADS / 3)));
    process.stderr.write(`[bench] ${name} tasks: interactions (app and reference in rounds)\n`);
    {
      const app = await openForInteractions(appBase, expected);
      const reference = await openForInteractions(refBase, expected);
      const units = await app.page.evaluate(() => window.__bench.units());
      const steps = interactionSteps(units, CHANGES, expected);
      const [a, b] = await interleaved([app, reference], steps, Math.max(4, Math.round(steps.length / 10)));
      v.interactions = interactionStats(a);
      r.interactions = interactionStats(b);
      await app.context.close();
      await reference.context.close();
    }
    if (name === '139') {
      process.stderr.write(`[bench] ${name} tasks: where a change's time goes (traced, app then reference)\n`);
      v.phases = await changePhases(appBase, expected, 20);
      r.phases = await changePhases(refBase, expected, 20);
    }
    report.variants[name] = v;
    report.reference[name] = r;
  }
  if (!only || only === '139') {
    process.stderr.write('[bench] Excel: click → download\n');
    const base = `http://127.0.0.1:${port}/gk/`;
    report.excel = {
      worker: workerWeight(dist),
      // Eight more clicks: Chromium refuses a page's downloads after ten in a row.
      unit: await excelTimes(`${base}#unit=${encodeURIComponent('市财政局')}`, 'table.tasks', '导出 Excel', 8),
      office: await excelTimes(`${base}office/`, 'table.matrix', '导出汇总 Excel', 8),
    };
  }
  if (!only || only === 'preview') {
    process.stderr.write('[bench] import preview of invalid entries\n');
    const office = `http://127.0.0.1:${port}/gk/office/`;
    // 200,000 as in issue 23, and as many as the size limit of the table allows
    // (47 units × 139 tasks × 6,512 bytes = 42,542,896 bytes; each entry here is ~105 bytes).
    report.invalid_preview = { issue: await invalidPreview(office, 200000, 3), limit: await invalidPreview(office, 400000, 3) };
  }
  if (!only || only === 'reader') {
    process.stderr.write('[bench] 导入任务表: a Word document of 150 tasks\n');
    report.reader = await readerTimes(`http://127.0.0.1:${port}/gk/reader/`, readerDocx(150), 150, 5);
    report.reader.weight = readerWeight(dist);
  }
  if (!only) {
    process.stderr.write('[bench] merge in the browser\n');
    report.browser_merge = await browserMerge(`http://127.0.0.1:${port + 1}/gk/`, 1, 11);
  }
} finally {
  machine.loadavg_at_end = loadavg().map((x) => Number(x.toFixed(2)));
  await browser.close();
  for (const s of servers) s.kill();
}
report.same_problems = problems;

// ---------------------------------------------------------------------------------------------
// Budgets and output

if (only) {
  console.log(JSON.stringify(report, null, 2));
  process.exit(problems.length ? 1 : 0);
}

const v139 = report.variants['139'];
const v10k = report.variants['10k'];
const r139 = report.reference['139'];
const r10k = report.reference['10k'];
// [what, measured, reference (null: an absolute budget), budget, unit of the budget]
const checks = [
  ['first load of the task table, gzip (kB)', v139.weight.total.compressed / KB, null, BUDGETS.transferKB, 'kB'],
  ['navigation → table painted, 139 (ms)', v139.load.painted.median, r139.load.painted.median, BUDGETS.tableRatio, '×'],
  ['pillar chip → paint, 139 (ms)', v139.interactions.pillar.median, r139.interactions.pillar.median, BUDGETS.filterRatio, '×'],
  ['unit → paint, 139 (ms)', v139.interactions.unit.median, r139.interactions.unit.median, BUDGETS.filterRatio, '×'],
  ['clear all → paint, 139 (ms)', v139.interactions.clear.median, r139.interactions.clear.median, BUDGETS.filterRatio, '×'],
  ['narrowing change → paint, 10k (ms)', v10k.interactions.narrow.median, r10k.interactions.narrow.median, BUDGETS.ratio10k, '×'],
  ['clear all → paint, 10k (ms)', v10k.interactions.clear.median, r10k.interactions.clear.median, BUDGETS.ratio10k, '×'],
  ['import 50 files, browser (ms)', report.browser_merge.import_ms.median, null, BUDGETS.mergeMs, 'ms'],
  ['导出 Excel, first click → download (ms)', report.excel.unit.first_ms, null, BUDGETS.excelFirstMs, 'ms'],
  ['导出 Excel, next clicks → download (ms)', report.excel.unit.next_ms.median, null, BUDGETS.excelMs, 'ms'],
  ['导出汇总 Excel, first click → download (ms)', report.excel.office.first_ms, null, BUDGETS.excelFirstMs, 'ms'],
  ['导出汇总 Excel, next clicks → download (ms)', report.excel.office.next_ms.median, null, BUDGETS.excelMs, 'ms'],
  ['import preview, file of invalid entries at the size limit (ms)', report.invalid_preview.limit.painted_ms.median, null, BUDGETS.previewMs, 'ms'],
  ['导入任务表: Word document of 150 tasks → all on screen (ms)', report.reader.painted_ms.median, null, BUDGETS.readerMs, 'ms'],
];
report.checks = checks.map(([what, value, reference, budget, unit]) => {
  const ratio = reference == null ? null : value / reference;
  return { what, value, reference, ratio, budget, budget_unit: unit, pass: (ratio ?? value) <= budget };
});

const f = (x, d = 1) => (x == null || Number.isNaN(x) ? '—' : x.toFixed(d));
const kb = (b) => f(b / KB, 1);
const ratio = (a, b) => (a == null || b == null || !b ? '—' : `${f(a / b, 2)}×`);
const lines = [];
const row = (...cells) => lines.push(`| ${cells.join(' | ')} |`);
lines.push(
  `Machine: ${machine.nproc} × ${machine.cpu}, ${machine.chromium}, ${machine.date.slice(0, 10)}; ` +
    `load average ${machine.loadavg_at_start[0]} at start, ${machine.loadavg_at_end[0]} at end. ` +
    `Medians of ${LOADS} loads (139) / ${Math.max(5, Math.round(LOADS / 3))} (10k) and ${CHANGES} changes of each kind; ` +
    'the app and the reference page alternate in the same run.',
);
lines.push('');
row('Weight (first load)', 'raw kB', 'gzip kB');
row('---', '---:', '---:');
for (const k of ['wasm', 'js', 'html', 'css', 'other']) row(k, kb(v139.weight.byKind[k].raw), kb(v139.weight.byKind[k].compressed));
row('**total**', `**${kb(v139.weight.total.raw)}**`, `**${kb(v139.weight.total.compressed)}**`);
row('data (JSON, inside the wasm)', kb(v139.weight.data.raw), kb(v139.weight.data.gzip));
row('reference page (no budget)', kb(r139.weight.total.raw), kb(r139.weight.total.compressed));
lines.push('');
lines.push(
  `For reference, the office page (汇总与导入, office/: import, the central view, export of all ` +
    `units), which units never load: ${kb(v139.office_weight.total.raw)} kB raw, ` +
    `${kb(v139.office_weight.total.compressed)} kB gzip (wasm ${kb(v139.office_weight.byKind.wasm.compressed)} kB).`,
);
lines.push('');
lines.push(
  `Rows rendered at first: the app ${v139.load.rows_rendered.median} of 139 tasks and ` +
    `${v10k.load.rows_rendered.median} of 10,000 (a long view renders a block of rows at a time, the next as the reader scrolls); ` +
    `the reference ${r139.load.rows_rendered.median} and ${r10k.load.rows_rendered.median} (every row). ` +
    `Same tasks checked before timing: ${Object.entries(report.checks_same).map(([k, c]) => `${k}: ${c.units} units and ${c.pillars} pillars${c.rows ? ', rows, roles, unit marks, lights and 督办 counts' : ', counts'}${c.against_core ? ', also against gk-core' : ''}${c.links ? `, ${c.links} links (hash)` : ''}`).join('; ')}` +
    (problems.length ? ` — **${problems.length} difference(s)**.` : ', no difference.'),
);
lines.push('');
row('Timing, median ms (p95)', '139 app', '139 reference', '139 ratio', '10k app', '10k reference', '10k ratio');
row('---', '---:', '---:', '---:', '---:', '---:', '---:');
const cell = (s) => (s ? `${f(s.median)} (${f(s.p95)})` : '—');
const both = (label, get) =>
  row(label, cell(get(v139)), cell(get(r139)), ratio(get(v139)?.median, get(r139)?.median), cell(get(v10k)), cell(get(r10k)), ratio(get(v10k)?.median, get(r10k)?.median));
both('navigation → first contentful paint', (v) => v.load.fcp);
both('navigation → table rows in the page', (v) => v.load.rows);
both('navigation → table painted', (v) => v.load.painted);
both('pillar chip → paint (pillar to pillar)', (v) => v.interactions.pillar);
both('unit → paint (unit to unit)', (v) => v.interactions.unit);
both('narrowing: all → one pillar → paint', (v) => v.interactions.narrow);
both('clear all filters → paint', (v) => v.interactions.clear);
both('search keystroke → paint', (v) => v.interactions.search);
both('browser alone shows all rows again (no page code)', (v) => v.interactions.floor);
lines.push('');
if (v139.phases && r139.phases) {
  lines.push(
    "Where a change's time goes, 139 tasks (a second pass under Chromium's tracing, 20 changes of each kind, " +
      'after an untraced warm-up pass, not the timed run; medians in ms per change on the renderer main thread, which do not add up to the median of the whole; style and layout forced from script count as style and layout):',
  );
  lines.push('');
  row('Phase, median ms', ...['pillar', 'unit', 'clear'].flatMap((k) => [`${k} app`, `${k} reference`]));
  row('---', ...Array(6).fill('---:'));
  for (const ph of ['window', 'script', 'style', 'layout', 'paint', 'other']) {
    const name = { window: 'change → end of rendering (traced)', script: 'script (JavaScript, wasm)', style: 'style (UpdateLayoutTree)', layout: 'layout', paint: 'pre-paint, paint, layerize, commit', other: 'the rest (other rendering, idle)' }[ph];
    row(name, ...['pillar', 'unit', 'clear'].flatMap((k) => [f(v139.phases[k]?.[ph], 2), f(r139.phases[k]?.[ph], 2)]));
  }
  lines.push('');
} else if (v139.phases === null || r139.phases === null) {
  lines.push("Where a change's time goes: the trace had no windows to match (no figures).");
  lines.push('');
}
const bm = report.browser_merge;
row('Import of 50 files × 139 entries (ms)', 'browser (wasm) median', 'native median');
row('---', '---:', '---:');
row('parse (statefile::parse)', f(bm.parse_ms.median), f(native?.parse_ms));
row('preview (statefile::preview)', f(bm.preview_ms.median), f(native?.preview_ms));
row('apply (statefile::apply)', f(bm.apply_ms.median), f(native?.apply_ms));
row('**import: parse + preview + apply**', `**${f(bm.import_ms.median)}**`, `**${f(native?.import_ms)}**`);
row('parse + merge::merge_into', f(bm.parse_and_merge_ms.median), f(native?.parse_and_merge_ms));
lines.push('');
const ex = report.excel;
lines.push(
  `Excel worker (gk-xlsx-worker: loader, glue, wasm; fetched on the first click of an Excel ` +
    `button, never by a first load): ${kb(ex.worker.raw)} kB raw, ${kb(ex.worker.compressed)} kB gzip.`,
);
lines.push('');
row('Excel, click → download (ms)', 'first click (worker fetched)', 'next clicks, median (p95)');
row('---', '---:', '---:');
row('导出 Excel (市财政局 台账)', f(ex.unit.first_ms), cell(ex.unit.next_ms));
row('导出汇总 Excel (汇总, 未报送, 明细, 督办)', f(ex.office.first_ms), cell(ex.office.next_ms));
lines.push('');
row('Import preview of invalid entries, choose → painted (ms, median of 3)', 'entries', 'MB', 'read', 'parsed', 'previewed', 'painted', 'longest task');
row('---', '---:', '---:', '---:', '---:', '---:', '---:', '---:');
for (const [what, p] of [['as in issue 23', report.invalid_preview.issue], ['at the size limit', report.invalid_preview.limit]]) {
  row(what, p.entries, f(p.bytes / 1e6, 1), f(p.read_ms.median), f(p.parsed_ms.median), f(p.previewed_ms.median), `**${f(p.painted_ms.median)}**`, f(p.longest_task_ms.median));
}
lines.push('');
lines.push(
  `导入任务表 (reader/): a Word document of ${report.reader.tasks} tasks (${kb(report.reader.bytes)} kB, made by LibreOffice), ` +
    `choose → every task on screen ${f(report.reader.painted_ms.median)} ms (p95 ${f(report.reader.painted_ms.p95)}), ` +
    `longest task ${f(report.reader.longest_task_ms.median)} ms; median of 5. Its page, which neither the units nor the office page load: ` +
    `${kb(report.reader.weight.raw)} kB raw, ${kb(report.reader.weight.compressed)} kB gzip (wasm ${kb(report.reader.weight.wasm)} kB).`,
);
lines.push('');
row('Budget', 'app', 'reference', 'ratio', 'budget', '');
row('---', '---:', '---:', '---:', '---:', '---');
for (const c of report.checks) {
  const budget = c.budget_unit === '×' ? `≤ ${c.budget}×` : `≤ ${c.budget} ${c.budget_unit}`;
  row(c.what, f(c.value), f(c.reference), c.ratio == null ? '—' : `${f(c.ratio, 2)}×`, budget, c.pass ? 'pass' : '**FAIL**');
}
if (problems.length) {
  lines.push('');
  lines.push('The app and the reference differ (the ratios above compare different work):');
  for (const p of problems.slice(0, 20)) lines.push(`- ${p}`);
}

const table = lines.join('\n');
report.table_markdown = table;
mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(report, null, 2) + '\n');
writeFileSync(outFile.replace(/\.json$/, '.md'), table + '\n');
console.log(table);
console.log(`\nreport: ${outFile}`);
const failed = report.checks.filter((c) => !c.pass);
if (failed.length) console.error(`\n${failed.length} budget(s) missed: ${failed.map((c) => c.what).join('; ')}`);
if (problems.length) console.error(`\nthe app and the reference page differ: ${problems.length} difference(s), see the report`);
if (failed.length || problems.length) process.exit(1);
