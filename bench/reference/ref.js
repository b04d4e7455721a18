// The benchmark's reference page (`make bench`; never shipped): the task table in plain
// JavaScript, no framework, as fast as an honest page can be. It shows the same table as the
// app: the deployment's table file (format 2, docs/data-format.md), read at run time from
// `tables/` as the app reads a table of its list (scripts/bench.sh copies data/tables/ beside
// the page); or, for the 10,000-task table, GK_TABLE from table.js, written by scripts/bench.sh.
// The same rules (units, groups and roles as gk_core::filter::Index, groups' precedence from
// their scope as gk_core::units::rank, labels as Assignment::label; the unit picker's headings
// from the table's kinds as gk_core::units::unit_options; the time select from the table's
// times as gk_core::options; headings as gk_core::layout; search folding as gk_core::search),
// the same DOM and CSS, the same controls and the same hash keys, and does
// the same work for a change: rows shown and hidden, headings, the unit's role badges and
// status and note controls, the chosen unit marked in the rows' unit lists (one CSS rule
// rewritten, as src/table/highlight.rs), each row's supervision light (督办, gk_core::supervision:
// `data-light` and the light's word), the facet counts of the chips and selects (the 督办 select
// included), the count text, the unit's progress and its 督办 counts, and the address written
// after the paint.
//
// Every row is built once, from one string; a change toggles `hidden` on the rows that change
// and touches only the controls and counts that change.
'use strict';
// The table file the page reads when table.js gave it none (index.html preloads it, as the app's
// index.html preloads its list).
const TABLE_FILE = 'tables/taian-2017.json';
(async () => {
  const T = window.GK_TABLE ?? (await fetch(TABLE_FILE).then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${TABLE_FILE}: HTTP ${r.status}`)))));
  if (T.format !== 2) throw new Error(`table format ${T.format}: the reference page reads format 2`);
  const tasks = T.tasks;
  const N = tasks.length;

  // ---------------------------------------------------------------------------------------
  // Rules: units, groups, roles (gk_core::units, gk_core::filter::Index)

  const LEAD = 0;
  const RESPONSIBLE = 1;
  const ROLE_KEYS = ['lead', 'responsible'];
  const ROLE_LABELS = ['牵头', '责任'];
  const STATUS_KEYS = ['todo', 'doing', 'done', 'na'];
  const STATUS_LABELS = ['未开始', '进行中', '已完成', '不适用'];
  // Supervision lights (gk_core::supervision::Light), red to green: key, word beside the role
  // (Light::label) and the option of the 督办 select (src/table/filters.rs).
  const OVERDUE = 0, STALE = 1, SOON = 2, DONE = 3, ON_TRACK = 4;
  const LIGHT_KEYS = ['overdue', 'stale', 'soon', 'done', 'none'];
  const LIGHT_WORDS = ['逾期', '待更新', '临期', '已完成', ''];
  const LIGHT_OPTIONS = ['逾期', '待更新', '临期', '已完成', '正常推进'];
  // The table's time requirements, in its order: [key, label, group] (group: the index in
  // TIME_GROUPS, gk_core::options::TIME_GROUPS: cadence, deadline, response limit).
  const TIME_GROUPS = ['频次', '期限', '事后时限'];
  const TIME_TAGS = T.times.map((d) => [d.key, d.label, 'every' in d ? 0 : 'due' in d ? 1 : 2]);
  // One bit per time requirement (a 32-bit mask: the tables benchmarked have 12).
  if (TIME_TAGS.length > 32) throw new Error(`${TIME_TAGS.length} time requirements: the reference page handles 32`);

  const units = T.units.filter((u) => u.kind !== 'group').map((u) => u.name);
  const unitPos = new Map(units.map((u, i) => [u, i]));
  // Every group, in table order: its scope (absent: all, as gk_core::units::Via::of) and the
  // name labels give it (`short`, else the name). No rule reads a group's name.
  const groups = T.units.filter((u) => u.kind === 'group').map((g) => ({ ...g, concerned: g.scope === 'concerned', label: g.short ?? g.name }));
  // What a name in a unit cell stands for: [unit, via] (via 0: the unit's own name, g + 1: group g).
  const expand = new Map();
  units.forEach((u, i) => expand.set(u, [[i, 0]]));
  groups.forEach((g, gi) => {
    const list = expand.get(g.name) ?? [];
    for (const m of g.members) if (unitPos.has(m)) list.push([unitPos.get(m), gi + 1]);
    expand.set(g.name, list);
  });
  // Lower wins (gk_core::units::rank): lead before responsible; within a role the unit's own
  // name, then a group of scope all, then one of scope concerned; ties: first in source order.
  const rank = (role, via) => role * 3 + (via === 0 ? 0 : groups[via - 1].concerned ? 2 : 1);
  // slots[u][t]: -1, or role * 256 + via.
  const slots = units.map(() => new Int16Array(N).fill(-1));
  for (let t = 0; t < N; t++) {
    const task = tasks[t];
    for (const [role, names] of [[LEAD, task.lead], [RESPONSIBLE, task.responsible]]) {
      for (const name of names) {
        for (const [u, via] of expand.get(name) ?? []) {
          const old = slots[u][t];
          if (old < 0 || rank(role, via) < rank(old >> 8, old & 255)) slots[u][t] = role * 256 + via;
        }
      }
    }
  }
  const roleLabel = (slot) => {
    const via = slot & 255;
    const role = ROLE_LABELS[slot >> 8];
    return via === 0 ? role : `${role} · ${groups[via - 1].label}`;
  };
  // Assignment::optional: only through a group of scope concerned (may be marked 不适用).
  const slotOptional = (slot) => (slot & 255) > 0 && groups[(slot & 255) - 1].concerned;

  // ---------------------------------------------------------------------------------------
  // Search (gk_core::search): whitespace ignored, full-width = half-width, ASCII case-free.

  const FOLD = { '。': '.', '｡': '.', '“': '"', '”': '"', '‘': "'", '’': "'", '【': '[', '〔': '[', '〖': '[', '】': ']', '〕': ']', '〗': ']' };
  const WS = /[\s\u0085\u200B\uFEFF]/u;
  function fold(c) {
    if (WS.test(c)) return '';
    const code = c.codePointAt(0);
    if (code >= 0xff01 && code <= 0xff5e) c = String.fromCodePoint(code - 0xfee0);
    else if (FOLD[c]) c = FOLD[c];
    return c.length === 1 && c >= 'A' && c <= 'Z' ? c.toLowerCase() : c;
  }
  // The same as folding each character, in a few passes over the string (what startup and
  // every keystroke cost).
  const normalize = (s) =>
    s
      .replace(/[\s\u0085\u200B\uFEFF]/g, '')
      .replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
      .replace(/[。｡“”‘’【〔〖】〕〗]/g, (c) => FOLD[c])
      .replace(/[A-Z]+/g, (c) => c.toLowerCase());
  // [start, end) ranges (UTF-16 offsets) of every match of `needle` (normalized) in `text`.
  function find(text, needle) {
    if (!needle) return [];
    let folded = '';
    const starts = [];
    const origin = [];
    let i = 0;
    for (const c of text) {
      const f = fold(c);
      if (f) {
        starts.push(folded.length);
        origin.push([i, i + c.length]);
        folded += f;
      }
      i += c.length;
    }
    const out = [];
    for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
      const first = bsearch(starts, at);
      const end = at + needle.length;
      let last = bsearch(starts, end);
      last = (last >= 0 ? last : -last - 1) - 1;
      if (first >= 0 && last >= 0) out.push([origin[first][0], origin[last][1]]);
    }
    return out;
  }
  function bsearch(xs, x) {
    let lo = 0;
    let hi = xs.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (xs[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return xs[lo] === x ? lo : -lo - 1;
  }

  const sectionPos = new Map(T.sections.map((s, i) => [s.id, i]));
  const pillarPos = new Map(T.pillars.map((p, i) => [p.id, i]));
  const timePos = new Map(TIME_TAGS.map(([k], i) => [k, i]));
  const timeBit = new Map(TIME_TAGS.map(([k], i) => [k, 1 << i]));
  let presentTimes = 0;
  const entries = tasks.map((task) => {
    const parts = [task.text, task.item];
    const s = sectionPos.get(task.section);
    if (s !== undefined) parts.push(T.sections[s].name);
    parts.push(...task.lead, ...task.responsible);
    const times = (task.time ?? []).reduce((m, r) => m | (timeBit.get(r.tag) ?? 0), 0);
    presentTimes |= times;
    return { pillar: task.pillar, pp: pillarPos.get(task.pillar), sp: s, times, text: parts.map(normalize).join('\u0001') };
  });

  // ---------------------------------------------------------------------------------------
  // Supervision (gk_core::supervision): days as day numbers (days since 1970-01-01), civil days
  // in China time (UTC+8).

  const DAY_MS = 86400000;
  const CHINA_MS = 8 * 3600000;
  const dayOf = (iso) => Math.floor(Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS);
  const chinaDay = (ms) => Math.floor((ms + CHINA_MS) / DAY_MS);
  // The as-of day: today in China time (the app's default; the bench's links name no asof).
  const today = chinaDay(Date.now());
  const formatDay = (d) => new Date(d * DAY_MS).toISOString().slice(0, 10);
  const PERIODS = ['week', 'month', 'quarter', 'year'];
  // The first day of the period (0 week, 1 month, 2 quarter, 3 year) that holds day `d`.
  function periodStart(p, d) {
    if (p === 0) return d - ((new Date(d * DAY_MS).getUTCDay() + 6) % 7);
    const x = new Date(d * DAY_MS);
    const y = x.getUTCFullYear();
    const m = x.getUTCMonth();
    return Math.floor(Date.UTC(y, p === 1 ? m : p === 2 ? m - (m % 3) : 0, 1) / DAY_MS);
  }
  // Each time requirement's deadline (a day) or cadence (a period, -1 for 定期); the due date
  // and period of every task (Schedule::of): the earliest deadline, else 31 December of the
  // table's year; the shortest cadence.
  const timeDue = new Map(T.times.filter((d) => 'due' in d).map((d) => [d.key, dayOf(d.due)]));
  const timeEvery = new Map(T.times.filter((d) => 'every' in d).map((d) => [d.key, PERIODS.indexOf(d.every)]));
  const yearEnd = Math.floor(Date.UTC(T.dataset.year, 11, 31) / DAY_MS);
  const dues = new Int32Array(N);
  const periods = new Int8Array(N);
  for (let t = 0; t < N; t++) {
    let due = Infinity;
    let period = 99;
    for (const r of tasks[t].time ?? []) {
      if (timeDue.has(r.tag)) due = Math.min(due, timeDue.get(r.tag));
      const p = timeEvery.get(r.tag) ?? -1;
      if (p >= 0) period = Math.min(period, p);
    }
    dues[t] = due === Infinity ? yearEnd : due;
    periods[t] = period === 99 ? -1 : period;
  }
  // Schedule::light: the light of task t for a unit whose record is `entry` (none: 未开始) on day `day`.
  function lightOf(t, entry, day) {
    const st = entry ? Math.max(0, STATUS_KEYS.indexOf(entry.status)) : 0;
    const closed = st === 2 || st === 3;
    if (!closed && dues[t] < day) return OVERDUE;
    if (periods[t] >= 0) {
      const fresh = entry && entry.updated_at && chinaDay(Date.parse(entry.updated_at)) >= periodStart(periods[t], day);
      if (st !== 3 && !fresh) return STALE;
    }
    if (!closed && dues[t] <= day + 14) return SOON;
    return closed ? DONE : ON_TRACK;
  }

  // ---------------------------------------------------------------------------------------
  // Storage (read as src/storage.rs keeps it: gk:<dataset>:unit:<unit>, gk:my-unit)

  const unitKey = (u) => `gk:${T.dataset.id}:unit:${u}`;
  const docs = new Map();
  function doc(u) {
    if (!docs.has(u)) {
      let d = null;
      try {
        d = JSON.parse(localStorage.getItem(unitKey(u)) ?? 'null');
      } catch (_) {
        d = null;
      }
      docs.set(u, d && d.entries ? d : { schema: 1, dataset: T.dataset.id, unit: u, exported_at: null, entries: {} });
    }
    return docs.get(u);
  }
  const statusOf = (u, id) => Math.max(0, STATUS_KEYS.indexOf(doc(u).entries[id]?.status ?? 'todo'));
  const noteOf = (u, id) => doc(u).entries[id]?.note ?? '';
  const entryOf = (u, id) => doc(u).entries[id];
  function edit(u, id, change) {
    const d = doc(u);
    const e = d.entries[id] ?? { status: 'todo', note: '', updated_at: '' };
    Object.assign(e, change, { updated_at: new Date().toISOString().replace(/\.\d+Z$/, 'Z') });
    d.entries[id] = e;
    try {
      localStorage.setItem(unitKey(u), JSON.stringify(d));
    } catch (_) {}
  }
  let myUnit = null;
  try {
    myUnit = JSON.parse(localStorage.getItem('gk:my-unit') ?? 'null');
  } catch (_) {}

  // ---------------------------------------------------------------------------------------
  // The hash (gk_core::hash): unit, role, pillar, section, time, status, q

  const KEYS = ['unit', 'role', 'pillar', 'section', 'time', 'status', 'light', 'q'];
  const emptyFilter = () => ({ unit: null, role: null, pillar: null, section: null, time: null, status: null, light: null, q: '' });
  function decode(s) {
    try {
      return decodeURIComponent(s.replace(/\+/g, ' '));
    } catch (_) {
      return null;
    }
  }
  const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  function parseHash(hash) {
    const raw = {};
    for (const part of hash.replace(/^#/, '').split('&')) {
      const eq = part.indexOf('=');
      const key = decode(eq < 0 ? part : part.slice(0, eq));
      if (KEYS.includes(key)) raw[key] = eq < 0 ? '' : part.slice(eq + 1);
    }
    const v = {};
    for (const k of KEYS) if (raw[k]) v[k] = decode(raw[k]) || null;
    const f = emptyFilter();
    if (v.unit && unitPos.has(v.unit)) f.unit = v.unit;
    if (v.role && ROLE_KEYS.includes(v.role)) f.role = ROLE_KEYS.indexOf(v.role);
    if (v.pillar && /^\d+$/.test(v.pillar) && pillarPos.has(Number(v.pillar))) f.pillar = Number(v.pillar);
    if (v.section && sectionPos.has(v.section)) {
      const s = T.sections[sectionPos.get(v.section)];
      if (f.pillar === null || f.pillar === s.pillar) f.section = v.section;
    }
    if (v.time && timeBit.has(v.time)) f.time = v.time;
    if (v.status && STATUS_KEYS.includes(v.status)) f.status = STATUS_KEYS.indexOf(v.status);
    if (v.light && LIGHT_KEYS.includes(v.light)) f.light = LIGHT_KEYS.indexOf(v.light);
    if (v.q) f.q = v.q;
    return f;
  }
  function formatHash(f) {
    const pairs = [
      ['unit', f.unit], ['role', f.role === null ? null : ROLE_KEYS[f.role]],
      ['pillar', f.pillar === null ? null : String(f.pillar)], ['section', f.section], ['time', f.time],
      ['status', f.status === null ? null : STATUS_KEYS[f.status]], ['light', f.light === null ? null : LIGHT_KEYS[f.light]], ['q', f.q || null],
    ];
    return pairs.filter(([, v]) => v !== null).map(([k, v]) => `${k}=${encode(v)}`).join('&');
  }
  const sameFilter = (a, b) => KEYS.every((k) => a[k] === b[k]);
  const isEmpty = (f) => sameFilter(f, emptyFilter());

  // ---------------------------------------------------------------------------------------
  // Filtering and facets (gk_core::filter)

  const F_UNIT = 1, F_ROLE = 2, F_PILLAR = 4, F_SECTION = 8, F_TIME = 16, F_STATUS = 32, F_QUERY = 64, F_LIGHT = 128;
  function compute(f) {
    const u = f.unit === null ? -1 : unitPos.get(f.unit);
    const row = u >= 0 ? slots[u] : null;
    const needle = normalize(f.q);
    const sp = f.section === null ? -1 : sectionPos.get(f.section);
    const tbit = f.time === null ? 0 : timeBit.get(f.time);
    const shown = new Uint8Array(N);
    const pillars = new Array(T.pillars.length).fill(0);
    const sections = new Array(T.sections.length).fill(0);
    const times = new Array(TIME_TAGS.length).fill(0);
    const roles = [0, 0];
    const statuses = [0, 0, 0, 0];
    // The 督办 select's counts, and the unit's lights: of every task (-1: not the unit's) and
    // their counts over all its tasks (the progress panel's), as Index::facets and light_counts.
    const lights = [0, 0, 0, 0, 0];
    const lightOfTask = row ? new Int8Array(N).fill(-1) : null;
    const lightTotals = [0, 0, 0, 0, 0];
    const base = [];
    let total = 0;
    for (let t = 0; t < N; t++) {
      const e = entries[t];
      let fails = 0;
      let slot = -1;
      let st = -1;
      if (row) {
        slot = row[t];
        if (slot < 0) fails |= F_UNIT | F_ROLE | F_STATUS | F_LIGHT;
        else {
          if (f.role !== null && f.role !== slot >> 8) fails |= F_ROLE;
          const entry = entryOf(f.unit, tasks[t].id);
          st = entry ? Math.max(0, STATUS_KEYS.indexOf(entry.status)) : 0;
          if (f.status !== null && f.status !== st) fails |= F_STATUS;
          const l = lightOf(t, entry, today);
          lightOfTask[t] = l;
          lightTotals[l]++;
          if (f.light !== null && f.light !== l) fails |= F_LIGHT;
        }
      }
      if (f.pillar !== null && f.pillar !== e.pillar) fails |= F_PILLAR;
      if (sp >= 0 && sp !== e.sp) fails |= F_SECTION;
      if (tbit && !(e.times & tbit)) fails |= F_TIME;
      if (needle && !e.text.includes(needle)) fails |= F_QUERY;
      if (fails === 0) {
        shown[t] = 1;
        total++;
      }
      if ((fails & (F_PILLAR | F_SECTION | F_TIME | F_QUERY)) === 0) base.push(t);
      if ((fails & ~F_PILLAR) === 0 && e.pp !== undefined) pillars[e.pp]++;
      if ((fails & ~F_SECTION) === 0 && e.sp !== undefined) sections[e.sp]++;
      if ((fails & ~F_TIME) === 0 && e.times) for (let i = 0; i < times.length; i++) if (e.times & (1 << i)) times[i]++;
      if (slot >= 0) {
        if ((fails & ~F_ROLE) === 0) roles[slot >> 8]++;
        if ((fails & ~F_STATUS) === 0) statuses[st]++;
        if ((fails & ~F_LIGHT) === 0) lights[lightOfTask[t]]++;
      }
    }
    const unitCounts = slots.map((r) => {
      let n = 0;
      for (const t of base) if (r[t] >= 0 && (f.role === null || f.role === r[t] >> 8)) n++;
      return n;
    });
    return { shown, total, pillars, sections, times, roles, statuses, lights, lightOfTask, lightTotals, units: unitCounts };
  }

  // ---------------------------------------------------------------------------------------
  // Rows (gk_core::layout, gk_core::rows_html)

  const esc = (s) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  function highlighted(text, needle) {
    let out = '';
    let pos = 0;
    for (const [a, b] of find(text, needle)) {
      out += esc(text.slice(pos, a)) + '<mark>' + esc(text.slice(a, b)) + '</mark>';
      pos = b;
    }
    return out + esc(text.slice(pos));
  }
  const NUMERALS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  // Every row: [kind, index] (kind 0 pillar, 1 section, 2 item, 3 task); `at[t]`: the row of
  // task t and of the last pillar, section and item heading above it.
  const rows = [];
  const at = new Array(N);
  {
    let pillar = null;
    let section = null;
    let item = null;
    const last = [0, 0, 0];
    for (let t = 0; t < N; t++) {
      const task = tasks[t];
      if (pillar !== task.pillar) {
        pillar = task.pillar;
        section = null;
        if (pillarPos.has(pillar)) rows.push([0, pillarPos.get(pillar)]);
      }
      if (section !== task.section) {
        section = task.section;
        item = null;
        if (sectionPos.has(section)) rows.push([1, sectionPos.get(section)]);
      }
      if (task.item && item !== task.item) rows.push([2, t]);
      item = task.item;
      rows.push([3, t]);
    }
    rows.forEach(([kind, i], k) => {
      if (kind < 3) last[kind] = k;
      else at[i] = [k, last[0], last[1], last[2]];
    });
  }
  const units_ = (names, needle) =>
    names.length === 0 ? '<span class="none">—</span>' : '<ul class="unit-list">' + names.map((n) => `<li data-unit="${esc(n)}">${highlighted(n, needle)}</li>`).join('') + '</ul>';
  const heading = (cls, tag, inner) =>
    `<tr class="${cls}"><th colspan="4" scope="colgroup"><${tag}>${inner}</${tag}></th><td class="print-only fill"></td></tr>`;
  const textHtml = (task, needle) => task.text.split('\n').map((p) => `<p>${highlighted(p, needle)}</p>`).join('');
  function rowHtml([kind, i]) {
    if (kind === 0) {
      const p = T.pillars[i];
      return heading('pillar-row', 'h2', NUMERALS[p.id] + '、' + esc(p.name));
    }
    if (kind === 1) return heading('section-row', 'h3', esc(T.sections[i].name));
    if (kind === 2) return heading('item-row', 'h4', esc(tasks[i].item));
    const task = tasks[i];
    const id = esc(task.id);
    return (
      `<tr class="task-row" data-task-id="${id}"><td class="col-id" data-label="编号">${id}</td>` +
      `<td class="col-text" data-label="工作任务及要求">${textHtml(task, '')}</td>` +
      `<td class="col-units" data-label="牵头单位">${units_(task.lead, '')}</td>` +
      `<td class="col-units" data-label="责任单位">${units_(task.responsible, '')}</td>` +
      '<td class="col-mine" data-label="本单位"></td><td class="print-only col-note"></td></tr>'
    );
  }
  const controlsHtml =
    '<span class="role" hidden></span><span class="light"></span><div class="checklist" data-status="todo"><label class="mini"><span>状态</span><select class="status">' +
    STATUS_KEYS.map((k, i) => `<option value="${k}">${STATUS_LABELS[i]}</option>`).join('') +
    '</select></label><label class="mini"><span>备注</span><textarea class="note" rows="2" placeholder="如：公开位置、时间或链接"></textarea></label></div>';

  // ---------------------------------------------------------------------------------------
  // The page

  const opt = (value, label, selected) => `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`;
  const chips =
    '<span id="pillar-label" class="label">支柱</span><button type="button" class="chip" data-pillar="" aria-pressed="false">全部</button>' +
    T.pillars.map((p) => `<button type="button" class="chip" title="${esc(p.name)}" data-pillar="${p.id}" aria-pressed="false">${esc(p.short)}<span class="n"></span></button>`).join('');
  // The unit picker (gk_core::units::unit_options): the headings of the table's kinds in kinds
  // order, kinds sharing a heading under it together, units in table order; empty headings left out.
  const unitGroups = [];
  const groupOfKind = new Map();
  for (const k of T.kinds) {
    let g = unitGroups.find((x) => x.heading === k.heading);
    if (!g) unitGroups.push((g = { heading: k.heading, units: [] }));
    groupOfKind.set(k.key, g);
  }
  for (const u of T.units) if (u.kind !== 'group') groupOfKind.get(u.kind)?.units.push(u.name);
  const unitOptions =
    opt('', '全部单位', true) +
    unitGroups.filter((g) => g.units.length).map((g) => `<optgroup label="${esc(g.heading)}">` + g.units.map((u) => opt(u, u, false)).join('') + '</optgroup>').join('');
  const page =
    `<header class="masthead"><h1>${esc(T.dataset.title)}</h1><nav class="toolbar no-print" aria-label="功能"><div class="view-switch" role="group" aria-label="页面"><a href="./" aria-current="page">任务表</a><a href="office/">汇总与导入</a></div><button type="button" id="export-csv">导出 CSV</button></nav></header>` +
    '<section class="filters no-print" aria-label="筛选"><div class="filter-row"><div class="field field-unit"><label for="unit">单位</label>' +
    '<div class="unit-pick"><input type="search" id="unit-find" class="unit-find" placeholder="输入名称查找，回车选中" aria-label="查找单位" aria-controls="unit" autocomplete="off">' +
    `<select id="unit">${unitOptions}</select></div></div>` +
    `<div class="field"><label for="role">角色</label><select id="role">${opt('', '牵头和责任', true)}${ROLE_KEYS.map((k, i) => opt(k, ROLE_LABELS[i], false)).join('')}</select></div>` +
    `<div class="field"><label for="status-filter">完成状态</label><select id="status-filter">${opt('', '全部状态', true)}${STATUS_KEYS.map((k, i) => opt(k, STATUS_LABELS[i], false)).join('')}</select></div>` +
    `<div class="field"><label for="light-filter">督办</label><select id="light-filter">${opt('', '全部', true)}${LIGHT_KEYS.map((k, i) => opt(k, LIGHT_OPTIONS[i], false)).join('')}</select></div></div>` +
    `<div class="field chips" role="group" aria-labelledby="pillar-label" id="chips">${chips}</div><div class="filter-row">` +
    '<div class="field"><label for="section">分项</label><select id="section"></select></div>' +
    `<div class="field"><label for="time">时限要求</label><select id="time">${opt('', '全部', true)}` +
    // Every group of gk_core::options::TIME_GROUPS; under each, the table's time requirements
    // of that kind which the tasks use, in the table's order (gk_core::options::times_of).
    TIME_GROUPS.map((g, gi) => `<optgroup label="${g}">` + TIME_TAGS.filter(([k, , kind]) => kind === gi && presentTimes & timeBit.get(k)).map(([k, l]) => opt(k, l, false)).join('') + '</optgroup>').join('') +
    '</select></div><div class="field field-search"><label for="q">搜索</label><input type="search" id="q" placeholder="任务内容、分项或单位名称" autocomplete="off"></div></div>' +
    '<div class="filter-summary"><p class="count" id="shown-count" role="status" aria-live="polite"></p><button type="button" class="clear" id="clear-filters">清除全部筛选</button>' +
    '<span class="print-tools"><button type="button" id="print">打印</button><label title="较宽的内容可横向打印"><input type="checkbox" id="orient">横向</label></span></div></section>' +
    '<main id="main"><section class="progress" id="progress" aria-label="本单位进度" hidden><div class="progress-main"><h2 id="progress-unit"></h2><div class="progress-figures" id="progress-figures"></div>' +
    `<div class="supervision"><p class="light-counts" id="light-counts"></p><label class="asof no-print"><span>截至日期</span><input type="date" id="asof" value="${formatDay(today)}"></label></div></div>` +
    '<div class="export-box no-print"><p class="export-state" id="export-state"><span id="export-note"></span><br><span class="last-export" id="last-export"></span></p><button type="button" class="primary" id="export-unit">导出报送文件</button></div></section>' +
    '<table class="tasks"><thead><tr><th scope="col" class="col-id">编号</th><th scope="col" class="col-text">工作任务及要求</th><th scope="col" class="col-units">牵头单位</th><th scope="col" class="col-units">责任单位</th>' +
    '<th scope="col" class="col-mine"><span class="no-print">本单位</span><span class="print-only">状态</span></th><th scope="col" class="col-note print-only">备注</th></tr></thead>' +
    `<tbody>${rows.map(rowHtml).join('')}</tbody></table>` +
    '<p class="empty" id="no-tasks" hidden>没有符合条件的任务。可以放宽筛选条件，或点击“清除全部筛选”。</p></main>';

  document.getElementById('boot')?.remove();
  // The window's title as the app names it (src/lib.rs): the table's, as a ledger.
  document.title = T.dataset.title.replace('分解表', '台账');
  document.body.insertAdjacentHTML('beforeend', page);
  performance.mark('table-rendered');

  const $ = (id) => document.getElementById(id);
  const table = document.querySelector('table.tasks');
  const tbody = table.tBodies[0];
  const rowEls = Array.from(tbody.rows);
  const rowShown = new Uint8Array(rows.length).fill(1);
  const headingCells = rows.map(([kind], k) => (kind < 3 ? rowEls[k].cells[0] : null)).filter(Boolean);
  const chipEls = Array.from($('chips').querySelectorAll('button[data-pillar]'));
  const chipCounts = chipEls.map((c) => c.querySelector('.n'));
  const unitSelect = $('unit');
  const unitOptionEls = new Map(Array.from(unitSelect.options).filter((o) => o.value).map((o) => [o.value, o]));
  const roleSelect = $('role');
  const statusSelect = $('status-filter');
  const lightSelect = $('light-filter');
  const sectionSelect = $('section');
  const timeSelect = $('time');
  const query = $('q');

  // What the page shows now, to change only what differs.
  let filter = emptyFilter();
  let shownUnit = null;
  // How many rows have search marks.
  let markedRows = 0;
  let shownSectionsOf;
  const texts = new WeakMap();
  const setText = (el, s) => {
    if (texts.get(el) !== s) {
      el.textContent = s;
      texts.set(el, s);
    }
  };

  function setLabelCount(o, label, n) {
    setText(o, n === null ? label : `${label}（${n}）`);
  }

  // The number of tasks of a unit, counted once per unit chosen (the app keeps it in a memo).
  let totalOf = { unit: null, n: 0 };
  function unitTotal(u) {
    if (totalOf.unit !== u) {
      let n = 0;
      for (const s of slots[unitPos.get(u)]) if (s >= 0) n++;
      totalOf = { unit: u, n };
    }
    return totalOf.n;
  }

  function render(f) {
    const x = compute(f);
    // Rows and headings (gk_core::layout::visible).
    const want = new Uint8Array(rows.length);
    let pillar = null;
    let section = null;
    let item = null;
    let pendingP = false;
    let pendingS = false;
    for (let t = 0; t < N; t++) {
      if (!x.shown[t]) continue;
      const task = tasks[t];
      if (pillar !== task.pillar) {
        pillar = task.pillar;
        section = null;
        pendingP = pillarPos.has(pillar);
      }
      if (section !== task.section) {
        section = task.section;
        item = null;
        pendingS = sectionPos.has(section);
      }
      const [own, p, s, it] = at[t];
      if (task.item && item !== task.item) want[it] = 1;
      item = task.item;
      want[own] = 1;
      if (pendingP) want[p] = 1;
      if (pendingS) want[s] = 1;
      pendingP = pendingS = false;
    }
    // The unit's column: role badges, status and note controls, heading width, the marks of
    // the unit in the unit lists; then every row's light (only those that change).
    if (f.unit !== shownUnit) fillUnit(f.unit);
    setLights(x.lightOfTask, f.unit);
    if (f.q || markedRows) mark(want, f.q);
    for (let k = 0; k < rows.length; k++) {
      if (want[k] !== rowShown[k]) {
        rowEls[k].hidden = !want[k];
        rowShown[k] = want[k];
      }
    }
    $('no-tasks').hidden = x.total !== 0;
    // Counts and controls.
    // With a unit, out of the unit's tasks (as src/table/filters.rs): 显示 1 / 本单位 78 项.
    setText($('shown-count'), f.unit === null ? `显示 ${x.total} / ${N} 项` : `显示 ${x.total} / 本单位 ${unitTotal(f.unit)} 项`);
    $('clear-filters').disabled = isEmpty(f);
    chipEls.forEach((c, i) => {
      const id = c.dataset.pillar === '' ? null : Number(c.dataset.pillar);
      const pressed = f.pillar === id ? 'true' : 'false';
      if (c.getAttribute('aria-pressed') !== pressed) c.setAttribute('aria-pressed', pressed);
      if (id !== null) setText(chipCounts[i], String(x.pillars[pillarPos.get(id)]));
    });
    units.forEach((u, i) => setLabelCount(unitOptionEls.get(u), u, x.units[i]));
    unitSelect.value = f.unit ?? '';
    const noUnit = f.unit === null;
    for (const [sel, counts, labels, value] of [
      [roleSelect, x.roles, ROLE_LABELS, f.role],
      [statusSelect, x.statuses, STATUS_LABELS, f.status],
      [lightSelect, x.lights, LIGHT_OPTIONS, f.light],
    ]) {
      sel.disabled = noUnit;
      if (noUnit) sel.title = '先选择单位';
      else sel.removeAttribute('title');
      for (let i = 0; i < labels.length; i++) setLabelCount(sel.options[i + 1], labels[i], noUnit ? 0 : counts[i]);
      sel.value = value === null ? '' : sel.options[value + 1].value;
    }
    if (shownSectionsOf !== f.pillar) {
      const of = (p) => T.sections.filter((s) => s.pillar === p).map((s) => opt(s.id, s.name, false)).join('');
      sectionSelect.innerHTML =
        opt('', '全部分项', true) + (f.pillar !== null ? of(f.pillar) : T.pillars.map((p) => `<optgroup label="${esc(p.short)}">${of(p.id)}</optgroup>`).join(''));
      shownSectionsOf = f.pillar;
    }
    for (const o of sectionSelect.options) if (o.value) setLabelCount(o, T.sections[sectionPos.get(o.value)].name, x.sections[sectionPos.get(o.value)]);
    sectionSelect.value = f.section ?? '';
    for (const o of timeSelect.options) {
      if (!o.value) continue;
      const i = timePos.get(o.value);
      setLabelCount(o, TIME_TAGS[i][1], x.times[i]);
    }
    timeSelect.value = f.time ?? '';
    if (query.value !== f.q) query.value = f.q;
    progress(f.unit, x.lightTotals);
  }

  // The unit's controls of each task row, once made: [role badge, .checklist, select, textarea, note cell].
  const controls = new Array(N);
  function fillUnit(u) {
    table.classList.toggle('with-unit', u !== null);
    const span = u === null ? '4' : '5';
    for (const th of headingCells) th.setAttribute('colspan', span);
    if (u !== null) {
      const row = slots[unitPos.get(u)];
      for (let t = 0; t < N; t++) {
        const slot = row[t];
        if (slot < 0) continue;
        let c = controls[t];
        if (!c) {
          const el = rowEls[at[t][0]];
          const mine = el.cells[4];
          mine.innerHTML = controlsHtml;
          const box = mine.lastChild;
          c = controls[t] = [mine.firstChild, box, box.querySelector('select'), box.querySelector('textarea'), el.cells[5], -1, mine.firstChild.nextSibling];
        }
        const [role, box, select, area, noteCell, had] = c;
        if (had !== slot) {
          role.className = slot >> 8 === LEAD ? 'role role-lead' : 'role role-responsible';
          role.hidden = false;
          role.textContent = roleLabel(slot);
          if (slotOptional(slot)) role.title = '有关部门的任务：与本单位无关时可标记为“不适用”';
          else role.removeAttribute('title');
          c[5] = slot;
        }
        const id = tasks[t].id;
        const status = STATUS_KEYS[statusOf(u, id)];
        if (box.dataset.status !== status) box.dataset.status = status;
        if (select.value !== status) select.value = status;
        const note = noteOf(u, id);
        if (area.value !== note) area.value = note;
        if (noteCell.textContent !== note) noteCell.textContent = note;
      }
    }
    markUnit(u);
    shownUnit = u;
  }

  // The chosen unit marked in every row's unit lists (gk_core::highlight): each name is an
  // `<li data-unit>`; one rule of style.css, found by its first selector, gets the unit's own
  // name and its groups' (in table order) as its selector.
  const MARKER = '.unit-list li[data-chosen]';
  let markRule = null;
  function findMarkRule() {
    for (const sheet of document.styleSheets) {
      let rules;
      try {
        rules = sheet.cssRules;
      } catch (_) {
        continue;
      }
      for (let i = rules.length - 1; i >= 0; i--) if (rules[i].selectorText?.startsWith(MARKER)) return rules[i];
    }
    return null;
  }
  const cssString = (s) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '').replace(/["\\]/g, '\\$&');
  function markUnit(u) {
    markRule ??= findMarkRule();
    if (!markRule) return;
    let sel = MARKER;
    if (u !== null) {
      for (const name of [u, ...groups.filter((g) => g.members.includes(u)).map((g) => g.name)]) sel += `, .unit-list li[data-unit="${cssString(name)}"]`;
    }
    markRule.selectorText = sel;
  }

  // Every row's light for the chosen unit (`data-light` on the row, the word beside the role):
  // rowLight[t], what row t shows (-1: none), changed only where it differs.
  // rowWord[t], the word row t's controls show.
  const rowLight = new Int8Array(N).fill(-1);
  const rowWord = new Array(N).fill('');
  function setLights(lightOfTask, u) {
    for (let t = 0; t < N; t++) {
      const l = lightOfTask ? lightOfTask[t] : -1;
      const c = controls[t];
      if (c) {
        // The word: 不适用 for a task closed as 不适用 (Light::word).
        const word = l < 0 ? '' : l === DONE && statusOf(u, tasks[t].id) === 3 ? STATUS_LABELS[3] : LIGHT_WORDS[l];
        if (rowWord[t] !== word) {
          c[6].textContent = word;
          rowWord[t] = word;
        }
      }
      if (rowLight[t] === l) continue;
      const el = rowEls[at[t][0]];
      if (l < 0) el.removeAttribute('data-light');
      else el.dataset.light = LIGHT_KEYS[l];
      rowLight[t] = l;
    }
  }

  // Search marks, put only into the rows shown (a row keeps its marks while hidden, and gets the
  // current ones when shown again): `marked[k]`, the folded term row k's markup has marks of
  // ('' for none); `plain[k]`, the folded text a row's marks can come from.
  const marked = new Array(rows.length).fill('');
  let plain = null;
  function mark(want, q) {
    plain ??= rows.map(([kind, i]) => {
      if (kind === 3) {
        const t = tasks[i];
        return [t.text, ...t.lead, ...t.responsible].map(normalize).join('\u0001');
      }
      return kind === 1 ? normalize(T.sections[i].name) : kind === 2 ? normalize(tasks[i].item) : '';
    });
    const needle = normalize(q);
    for (let k = 0; k < rows.length; k++) {
      if (!want[k]) continue;
      const target = needle && plain[k].includes(needle) ? needle : '';
      if (marked[k] === target) continue;
      const [kind, i] = rows[k];
      if (kind === 3) {
        const cells = rowEls[k].cells;
        const task = tasks[i];
        cells[1].innerHTML = textHtml(task, target);
        cells[2].innerHTML = units_(task.lead, target);
        cells[3].innerHTML = units_(task.responsible, target);
      } else if (kind !== 0) {
        rowEls[k].cells[0].firstChild.innerHTML = highlighted(kind === 1 ? T.sections[i].name : tasks[i].item, target);
      }
      markedRows += (target ? 1 : 0) - (marked[k] ? 1 : 0);
      marked[k] = target;
    }
  }

  const bar = (done, of, label) =>
    `<span class="bar" role="progressbar" aria-label="${esc(label)}完成进度" aria-valuemin="0" aria-valuemax="${of}" aria-valuenow="${done}" aria-valuetext="已完成 ${done} / ${of} 项"><span class="bar-fill" style="width: ${of ? Math.floor((done * 100) / of) : 0}%"></span></span>`;
  function progress(u, lightTotals) {
    $('progress').hidden = u === null;
    if (u === null) return;
    const row = slots[unitPos.get(u)];
    const per = T.pillars.map((p) => ({ p, seen: false, applicable: 0, done: 0 }));
    const all = { applicable: 0, done: 0, doing: 0, na: 0 };
    for (let t = 0; t < N; t++) {
      if (row[t] < 0) continue;
      const st = statusOf(u, tasks[t].id);
      const pp = per[pillarPos.get(tasks[t].pillar)];
      pp.seen = true;
      if (st === 3) all.na++;
      else {
        all.applicable++;
        pp.applicable++;
        if (st === 2) {
          all.done++;
          pp.done++;
        } else if (st === 1) all.doing++;
      }
    }
    const pct = all.applicable ? `（${Math.floor((all.done * 100) / all.applicable)}%）` : '';
    const html =
      `<p class="progress-total">已完成 <strong>${all.done}</strong> / ${all.applicable} 项${pct}<span class="progress-detail">进行中 ${all.doing} 项 · 不适用 ${all.na} 项</span></p>` +
      bar(all.done, all.applicable, '全部') +
      '<ul class="progress-pillars">' +
      per.filter((x) => x.seen).map((x) => `<li><span class="pp-name">${esc(x.p.short)}</span>${bar(x.done, x.applicable, x.p.short)}<span class="pp-n">${x.done}/${x.applicable}</span></li>`).join('') +
      '</ul>';
    setText($('progress-unit'), `${u} 的进度`);
    // 督办：逾期 3 项 · 待更新 1 项 · 临期 0 项 (src/table/progress.rs), over all the unit's tasks.
    setText($('light-counts'), `督办：逾期 ${lightTotals[OVERDUE]} 项 · 待更新 ${lightTotals[STALE]} 项 · 临期 ${lightTotals[SOON]} 项`);
    const figures = $('progress-figures');
    if (texts.get(figures) !== html) {
      figures.innerHTML = html;
      texts.set(figures, html);
    }
    const d = doc(u);
    setText($('export-note'), d.exported_at ? '所有修改均已导出报送文件' : '有修改尚未导出报送文件');
    setText($('last-export'), d.exported_at ? `上次导出：${d.exported_at}` : '上次导出：从未导出');
  }

  // The address: written after the paint, as the app does; a new search term replaces the entry.
  let writes = 0;
  function writeHash(f, push) {
    const h = formatHash(f);
    const n = ++writes;
    requestAnimationFrame(() =>
      setTimeout(() => {
        if (n !== writes || location.hash.replace(/^#/, '') === h) return;
        const url = location.pathname + location.search + (h ? '#' + h : '');
        if (push) history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      }, 0),
    );
  }

  function set(change) {
    const next = { ...filter, ...change };
    if (sameFilter(next, filter)) return;
    const push = next.q === filter.q;
    filter = next;
    render(filter);
    writeHash(filter, push);
  }

  $('chips').addEventListener('click', (ev) => {
    const b = ev.target.closest('button[data-pillar]');
    if (!b) return;
    const p = b.dataset.pillar === '' ? null : Number(b.dataset.pillar);
    const pillar = filter.pillar === p ? null : p;
    const s = filter.section && T.sections[sectionPos.get(filter.section)];
    set({ pillar, section: s && pillar !== null && s.pillar !== pillar ? null : filter.section });
  });
  unitSelect.addEventListener('change', () => {
    const u = unitSelect.value || null;
    if (u) {
      try {
        localStorage.setItem('gk:my-unit', JSON.stringify(u));
      } catch (_) {}
    }
    set({ unit: u });
  });
  roleSelect.addEventListener('change', () => set({ role: roleSelect.value ? ROLE_KEYS.indexOf(roleSelect.value) : null }));
  statusSelect.addEventListener('change', () => set({ status: statusSelect.value ? STATUS_KEYS.indexOf(statusSelect.value) : null }));
  lightSelect.addEventListener('change', () => set({ light: lightSelect.value ? LIGHT_KEYS.indexOf(lightSelect.value) : null }));
  sectionSelect.addEventListener('change', () => {
    const v = sectionSelect.value || null;
    set(v ? { section: v, pillar: T.sections[sectionPos.get(v)].pillar } : { section: null });
  });
  timeSelect.addEventListener('change', () => set({ time: timeSelect.value || null }));
  query.addEventListener('input', () => set({ q: query.value }));
  $('unit-find').addEventListener('input', (ev) => {
    const q = normalize(ev.target.value);
    for (const [u, o] of unitOptionEls) o.hidden = u !== filter.unit && !normalize(u).includes(q);
  });
  $('clear-filters').addEventListener('click', () => set(emptyFilter()));
  tbody.addEventListener('change', (ev) => {
    const sel = ev.target.closest('select.status');
    const row = ev.target.closest('tr[data-task-id]');
    if (!sel || !row || !filter.unit) return;
    sel.closest('.checklist').dataset.status = sel.value;
    edit(filter.unit, row.dataset.taskId, { status: sel.value });
    // The row's light, the counts and the 督办 counts follow the record.
    render(filter);
  });
  tbody.addEventListener('input', (ev) => {
    const area = ev.target.closest('textarea.note');
    const row = ev.target.closest('tr[data-task-id]');
    if (!area || !row || !filter.unit) return;
    row.cells[5].textContent = area.value;
    edit(filter.unit, row.dataset.taskId, { note: area.value });
  });
  const fromHash = () => {
    const f = parseHash(location.hash);
    if (!sameFilter(f, filter)) {
      filter = f;
      render(filter);
    }
  };
  addEventListener('hashchange', fromHash);
  addEventListener('popstate', fromHash);

  // The first view: the link's, else the remembered unit.
  const first = parseHash(location.hash);
  if (first.unit === null && myUnit && unitPos.has(myUnit)) first.unit = myUnit;
  filter = first;
  render(filter);
  writeHash(filter, false);
})();
