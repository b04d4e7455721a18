// The supervision (督办) rules of issue 13, written again in JavaScript from the issue and
// data/tables/taian-2017.json, independently of the app: the specs of both pages compute their
// expected lights here. Days are 'YYYY-MM-DD' strings (they sort as days).

const DEADLINE = { 'by-2017-05': '2017-05-31', 'by-june': '2017-06-30', 'by-2017-end': '2017-12-31', 'in-2018': '2018-12-31' };
// Shortest first: a task with several cadences needs evidence as often as the shortest asks.
const PERIODS = ['week', 'month', 'quarter', 'year'];
const PERIOD = { weekly: 'week', 'five-days': 'week', monthly: 'month', quarterly: 'quarter', yearly: 'year' };
/** A period's name. */
export const PERIOD_WORD = { week: '每周', month: '每月', quarter: '每季度', year: '每年' };

/** The word beside a row's mark: the light's, but 不适用 for a task closed as 不适用. */
export const WORDS = { overdue: '逾期', stale: '待更新', soon: '临期', done: '已完成', none: '' };
export const wordOf = (light, status) => (light === 'done' && status === 'na' ? '不适用' : WORDS[light]);

const tags = (task) => (task.time ?? []).map((r) => r.tag);
/** The earliest deadline of the task's time tags; the end of 2017 when it has none. */
export const dueOf = (task) => tags(task).map((t) => DEADLINE[t]).filter(Boolean).sort()[0] ?? '2017-12-31';
/** The shortest period the task asks evidence for ('week' … 'year'), or undefined. */
export const periodOf = (task) =>
  tags(task)
    .map((t) => PERIOD[t])
    .filter(Boolean)
    .sort((a, b) => PERIODS.indexOf(a) - PERIODS.indexOf(b))[0];

/** How a stale task's period reads in a 时限 cell: the task's own words for it (2.3.1 每五日),
 * the phrase of its first time requirement of that period. */
export const periodWordsOf = (task) => {
  const period = periodOf(task);
  return (task.time ?? []).find((r) => PERIOD[r.tag] === period)?.phrase ?? PERIOD_WORD[period];
};

const utc = (day) => new Date(`${day}T00:00:00Z`);
const iso = (date) => date.toISOString().slice(0, 10);
export const plusDays = (day, n) => iso(new Date(utc(day).getTime() + n * 86_400_000));

/** The first day of the period (week from Monday, month, quarter, year) containing `day`. */
export function periodStart(period, day) {
  const [y, m] = day.split('-').map(Number);
  const pad = (n) => String(n).padStart(2, '0');
  switch (period) {
    case 'week':
      return plusDays(day, -((utc(day).getUTCDay() + 6) % 7)); // back to Monday
    case 'month':
      return `${y}-${pad(m)}-01`;
    case 'quarter':
      return `${y}-${pad(Math.floor((m - 1) / 3) * 3 + 1)}-01`;
    default:
      return `${y}-01-01`;
  }
}

/** The civil day of an instant in China time (UTC+8, no summer time). */
export const chinaDay = (instant) => iso(new Date(Date.parse(instant) + 8 * 3_600_000));

/** The light of a task for a unit whose record is `entry` (or none) on the as-of day `day`:
 * the first rule that holds wins. */
export function lightOf(task, entry, day) {
  const status = entry?.status ?? 'todo';
  const closed = status === 'done' || status === 'na';
  const due = dueOf(task);
  if (!closed && due < day) return 'overdue';
  const period = periodOf(task);
  if (period && status !== 'na' && !(entry && chinaDay(entry.updated_at) >= periodStart(period, day))) return 'stale';
  if (!closed && due <= plusDays(day, 14)) return 'soon';
  return closed ? 'done' : 'none';
}

/** A day as the pages write it: 2017年7月1日. */
export const chineseDate = (day) => {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
};
