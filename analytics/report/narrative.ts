// The report's narrative: full sentences in German or English written from the figures by fixed
// rules (no language model), and the "largest movements". A movement is only ever stated when the
// figures show it above a documented threshold (docs/report.md); below it the text says the
// figure held, or says nothing. Rates move in percentage points, counts in percent.
import type { MonthlyReport, ReportLang } from './monthly-report';

/**
 * Below these thresholds a change is not called a movement: rates (adoption, stickiness, voice
 * share) 1 percentage point, a department's adoption rate 2 points, counts (active users, posts,
 * comments, reactions) 5 %. A department is called leading or lagging when its rate is at least
 * 5 points from the overall rate.
 */
export const narrativeThresholds = {
  ratePoints: 0.01,
  departmentPoints: 0.02,
  countRelative: 0.05,
  departmentGap: 0.05,
} as const;

/** One change large enough to report. */
export interface Movement {
  /** 'figure': a figure of the whole selection; 'department': a department's adoption rate. */
  kind: 'figure' | 'department';
  /** adoptionRate, stickiness, activeUsers, posts, comments, reactions, employeeShare, or the department. */
  key: string;
  /** 'points': change of a rate (0.042 = 4.2 percentage points); 'percent': relative change of a count (0.12 = +12 %). */
  unit: 'points' | 'percent';
  change: number;
  current: number;
  previous: number;
  /** |change| / the threshold of its kind (≥ 1): what "largest" compares across units. */
  weight: number;
  /** The movement in words, in the report's language. */
  text: string;
}

/** The figures the narrative and the movements are written from (the report without them). */
export type NarrativeFigures = Omit<MonthlyReport, 'narrative' | 'footnote' | 'movements'>;

const otherGroup = '(other)';

interface Words {
  locale: string;
  percentSign: string;
  points: (n: string) => string;
  figure: Record<string, string>;
  departmentFigure: (group: string) => string;
}

const words: Record<ReportLang, Words> = {
  de: {
    locale: 'de-DE',
    percentSign: '\u00a0%',
    points: (n) => `${n} ${n === '1' || n === '1,0' ? 'Prozentpunkt' : 'Prozentpunkte'}`,
    figure: {
      adoptionRate: 'Nutzungsquote',
      stickiness: 'Stickiness (täglich/monatlich aktiv)',
      activeUsers: 'Aktive Personen',
      posts: 'Beiträge',
      comments: 'Kommentare',
      reactions: 'Reaktionen',
      employeeShare: 'Anteil der Beschäftigten an der Resonanz',
    },
    departmentFigure: (g) => `Nutzung in ${g}`,
  },
  en: {
    locale: 'en-GB',
    percentSign: '%',
    points: (n) => `${n} ${n === '1' || n === '1.0' ? 'percentage point' : 'percentage points'}`,
    figure: {
      adoptionRate: 'Adoption rate',
      stickiness: 'Stickiness (daily/monthly active)',
      activeUsers: 'Active people',
      posts: 'Posts',
      comments: 'Comments',
      reactions: 'Reactions',
      employeeShare: "Employees' share of engagement",
    },
    departmentFigure: (g) => `Adoption in ${g}`,
  },
};

/** Number formatting of the report's language (shared with the HTML renderer). */
export function reportFormat(lang: ReportLang) {
  const w = words[lang];
  const int = new Intl.NumberFormat(w.locale, { maximumFractionDigits: 0 });
  const one = new Intl.NumberFormat(w.locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const count = (n: number) => int.format(n);
  /** A rate 0..1 as a whole percentage: "61 %" / "61%". */
  const percent = (rate: number) => `${int.format(Math.round(rate * 100))}${w.percentSign}`;
  /** A rate change in points, unsigned: "4,2 Prozentpunkte". */
  const points = (change: number) => w.points(one.format(Math.abs(change) * 100));
  const sign = (n: number) => (n > 0 ? '+' : n < 0 ? '\u2212' : '±');
  /** A signed rate change in points: "+4,2 Prozentpunkte", "−1,3 percentage points". */
  // The sign of what is shown: a change that rounds to zero is "±0", never "−0".
  const signedPoints = (change: number) => `${sign(Math.round(change * 1000))}${points(change)}`;
  /** A signed rate change in short points: "+4,2 Pp.", "−1.3 pp". */
  const signedPointsShort = (change: number) => `${sign(Math.round(change * 1000))}${one.format(Math.abs(change) * 100)}${lang === 'de' ? '\u00a0Pp.' : '\u00a0pp'}`;
  /** A signed relative change: "+12 %", "−8%". */
  const signedPercent = (relative: number) => `${sign(Math.round(relative * 100))}${int.format(Math.abs(Math.round(relative * 100)))}${w.percentSign}`;
  const monthName = (month: string, withYear = false) => {
    const [y, m] = month.split('-').map(Number);
    return new Intl.DateTimeFormat(w.locale, { month: 'long', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)));
  };
  const day = (d: string) => new Intl.DateTimeFormat(w.locale, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${d}T00:00:00Z`));
  return { count, percent, points, signedPoints, signedPointsShort, signedPercent, monthName, day, locale: w.locale };
}

/** The movement in words: "Beiträge: +12 % (1.100 → 1.234)", "Adoption in IT: +5.3 percentage points (58% → 64%)". */
export function describeMovement(m: Omit<Movement, 'text'>, lang: ReportLang): string {
  const f = reportFormat(lang);
  const w = words[lang];
  const label = m.kind === 'department' ? w.departmentFigure(m.key) : (w.figure[m.key] ?? m.key);
  if (m.unit === 'points') return `${label}: ${f.signedPoints(m.change)} (${f.percent(m.previous)} → ${f.percent(m.current)})`;
  return `${label}: ${f.signedPercent(m.change)} (${f.count(m.previous)} → ${f.count(m.current)})`;
}

/**
 * The three largest movements against the previous month, largest first: changes at or above
 * their threshold, compared by |change| / threshold (a 6-point rise of adoption outweighs a
 * 10 % rise of posts: 6 against 2). Ties: by key. Empty without a previous month.
 */
export function computeMovements(report: NarrativeFigures): Movement[] {
  const t = narrativeThresholds;
  const out: Omit<Movement, 'text'>[] = [];
  const add = (kind: Movement['kind'], key: string, unit: Movement['unit'], current: number | null | undefined, previous: number | null | undefined, threshold: number) => {
    if (current === null || current === undefined || previous === null || previous === undefined) return;
    let change: number;
    if (unit === 'points') change = current - previous;
    else {
      if (previous === 0) return;
      change = (current - previous) / Math.abs(previous);
    }
    const weight = Math.abs(change) / threshold;
    // A tiny epsilon: 0.61 − 0.60 is 0.00999… in floating point, and it is a full point.
    if (weight >= 1 - 1e-9) out.push({ kind, key, unit, change, current, previous, weight });
  };
  const a = report.adoption;
  if (a?.previous) {
    add('figure', 'adoptionRate', 'points', a.current.adoptionRate, a.previous.adoptionRate, t.ratePoints);
    add('figure', 'stickiness', 'points', a.current.stickiness, a.previous.stickiness, t.ratePoints);
    add('figure', 'activeUsers', 'percent', a.current.activeUsers, a.previous.activeUsers, t.countRelative);
  }
  const c = report.content;
  if (c?.previous) {
    for (const key of ['posts', 'comments', 'reactions'] as const) add('figure', key, 'percent', c.current[key], c.previous[key], t.countRelative);
  }
  const v = report.voice;
  if (v?.previous) add('figure', 'employeeShare', 'points', v.current.employeeShare, v.previous.employeeShare, t.ratePoints);
  for (const d of report.departments) {
    if (d.group === otherGroup || d.suppressed || !d.previous) continue;
    add('department', d.group, 'points', d.adoptionRate, d.previous.adoptionRate, t.departmentPoints);
  }
  return out
    .sort((x, y) => y.weight - x.weight || x.key.localeCompare(y.key))
    .slice(0, 3)
    .map((m) => ({ ...m, text: describeMovement(m, report.lang) }));
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const reaches = (change: number, threshold: number) => Math.abs(change) >= threshold - 1e-9;

/**
 * The narrative of a report, one sentence per entry, in the report's language. States a change
 * only at or above narrativeThresholds, and the year-ago comparison only when the report has it.
 */
export function writeNarrative(report: NarrativeFigures): string[] {
  const de = report.lang === 'de';
  const f = reportFormat(report.lang);
  const t = narrativeThresholds;
  const month = f.monthName(report.month);
  if (report.suppressed) {
    return [
      de
        ? 'Für diese Auswahl werden keine Zahlen gezeigt, weil sie weniger Personen umfasst als die Mindestgruppengröße.'
        : 'No figures are shown for this selection: it has fewer people than the minimum group size.',
    ];
  }
  const out: string[] = [];
  const a = report.adoption;
  const rate = a?.current.adoptionRate ?? null;

  if (a && rate !== null) {
    const d = a.previous && a.previous.adoptionRate !== null ? rate - a.previous.adoptionRate : null;
    if (d !== null && reaches(d, t.ratePoints)) {
      out.push(de ? `Die Nutzung ${d > 0 ? 'stieg' : 'sank'} im ${month} um ${f.points(d)} auf ${f.percent(rate)}.` : `Adoption ${d > 0 ? 'rose' : 'fell'} by ${f.points(d)} to ${f.percent(rate)} in ${month}.`);
    } else if (d !== null) {
      out.push(de ? `Die Nutzung lag im ${month} mit ${f.percent(rate)} auf dem Niveau des Vormonats.` : `Adoption held at ${f.percent(rate)} in ${month}, level with the previous month.`);
    } else {
      out.push(de ? `Die Nutzung lag im ${month} bei ${f.percent(rate)}.` : `Adoption was ${f.percent(rate)} in ${month}.`);
    }
    out.push(
      de
        ? `${f.count(a.current.activeUsers)} von ${f.count(a.current.headcount)} Beschäftigten waren mindestens einmal aktiv.`
        : `${f.count(a.current.activeUsers)} of ${f.count(a.current.headcount)} employees were active at least once.`,
    );
    const ya = a.yearAgo?.adoptionRate ?? null;
    if (report.yearAgoPeriod && ya !== null) {
      const yearAgo = f.monthName(report.yearAgoPeriod.from.slice(0, 7), true);
      const dy = rate - ya;
      if (reaches(dy, t.ratePoints)) {
        out.push(
          de
            ? `Ein Jahr zuvor, im ${yearAgo}, lag sie bei ${f.percent(ya)} und damit ${f.points(dy)} ${dy > 0 ? 'niedriger' : 'höher'}.`
            : `A year earlier, in ${yearAgo}, it was ${f.percent(ya)}, ${f.points(dy)} ${dy > 0 ? 'lower' : 'higher'}.`,
        );
      } else {
        out.push(de ? `Ein Jahr zuvor, im ${yearAgo}, lag sie auf ähnlichem Niveau.` : `A year earlier, in ${yearAgo}, it was at a similar level.`);
      }
    }
  } else if (a) {
    out.push(de ? `Im ${month} waren ${f.count(a.current.activeUsers)} Personen aktiv.` : `${f.count(a.current.activeUsers)} people were active in ${month}.`);
  }

  const shown = report.departments.filter((d) => d.group !== otherGroup && !d.suppressed && d.adoptionRate !== null);
  if (rate !== null && shown.length >= 2) {
    const top = shown[0];
    const bottom = shown[shown.length - 1];
    const parts: string[] = [];
    if (top.adoptionRate! - rate >= t.departmentGap - 1e-9) parts.push(de ? `die Abteilung ${top.group} führt mit ${f.percent(top.adoptionRate!)}` : `${top.group} leads with ${f.percent(top.adoptionRate!)}`);
    if (rate - bottom.adoptionRate! >= t.departmentGap - 1e-9) parts.push(de ? `die Abteilung ${bottom.group} liegt mit ${f.percent(bottom.adoptionRate!)} zurück` : `${bottom.group} lags behind at ${f.percent(bottom.adoptionRate!)}`);
    if (parts.length > 0) out.push(`${capitalise(parts.join('; '))}.`);
    else {
      out.push(
        de
          ? `Die Abteilungen liegen nah beieinander, zwischen ${f.percent(bottom.adoptionRate!)} und ${f.percent(top.adoptionRate!)}.`
          : `The departments are close together, between ${f.percent(bottom.adoptionRate!)} and ${f.percent(top.adoptionRate!)}.`,
      );
    }
  }

  const changed = shown.filter((d) => d.change !== null);
  if (changed.length > 0) {
    const largest = [...changed].sort((x, y) => Math.abs(y.change!) - Math.abs(x.change!) || x.group.localeCompare(y.group))[0];
    const c = largest.change!;
    if (reaches(c, t.departmentPoints)) {
      out.push(
        de
          ? `Am stärksten verändert hat sich die Abteilung ${largest.group}: Ihre Nutzung ${c > 0 ? 'stieg' : 'sank'} um ${f.points(c)} auf ${f.percent(largest.adoptionRate!)} (${f.count(largest.activeUsers!)} von ${f.count(largest.headcount!)} Beschäftigten aktiv).`
          : `The largest change was in ${largest.group}: adoption ${c > 0 ? 'rose' : 'fell'} by ${f.points(c)} to ${f.percent(largest.adoptionRate!)} (${f.count(largest.activeUsers!)} of ${f.count(largest.headcount!)} employees active).`,
      );
    } else {
      out.push(
        de
          ? `Keine Abteilung hat sich gegenüber dem Vormonat um ${f.points(t.departmentPoints)} oder mehr verändert.`
          : `No department moved by ${f.points(t.departmentPoints)} or more against the previous month.`,
      );
    }
  }

  const content = report.content;
  if (content) {
    const chg = (key: 'posts' | 'comments' | 'reactions') => {
      const rel = content.change?.[key]?.relative ?? null;
      if (rel === null || !reaches(rel, t.countRelative)) return '';
      return de ? ` (${f.signedPercent(rel)} zum Vormonat)` : ` (${f.signedPercent(rel)} on the previous month)`;
    };
    const cur = content.current;
    out.push(
      de
        ? `Im ${month} entstanden ${f.count(cur.posts)} Beiträge${chg('posts')}; sie erhielten ${f.count(cur.comments)} Kommentare${chg('comments')} und ${f.count(cur.reactions)} Reaktionen${chg('reactions')}.`
        : `${f.count(cur.posts)} posts were written in ${month}${chg('posts')}; they drew ${f.count(cur.comments)} comments${chg('comments')} and ${f.count(cur.reactions)} reactions${chg('reactions')}.`,
    );
  }

  const voice = report.voice;
  const share = voice?.current.employeeShare ?? null;
  if (voice && share !== null) {
    const employees = Math.round(share * 100);
    const d = voice.change?.employeeShare?.absolute ?? null;
    const chg = d !== null && reaches(d, t.ratePoints) ? (de ? ` (${f.signedPoints(d)} zum Vormonat)` : ` (${f.signedPoints(d)} on the previous month)`) : '';
    out.push(
      de
        ? `Im ganzen Unternehmen erhielten Beiträge von Beschäftigten ${f.percent(employees / 100)} der Resonanz${chg}, offizielle Kanäle ${f.percent((100 - employees) / 100)}.`
        : `Across the organisation, posts by employees drew ${f.percent(employees / 100)} of all engagement${chg}, official channels ${f.percent((100 - employees) / 100)}.`,
    );
  }

  for (const p of report.programmes.filter((x) => !x.suppressed).slice(0, 2)) {
    const moves: string[] = [];
    if (p.joined) moves.push(de ? `${f.count(p.joined)} kamen im ${month} hinzu` : `${f.count(p.joined)} joined in ${month}`);
    if (p.left) moves.push(de ? `${f.count(p.left)} schieden aus` : `${f.count(p.left)} left`);
    const tail = moves.length > 0 ? ` (${moves.join(', ')})` : '';
    // Programmes are about the whole organisation; say so when the report is filtered.
    const whole = report.filters.department || report.filters.location ? (de ? ' (ganze Organisation)' : ' (whole organisation)') : '';
    out.push(de ? `Das Programm „${p.programme}“${whole} hat ${f.count(p.members!)} Mitglieder${tail}.` : `The programme “${p.programme}”${whole} has ${f.count(p.members!)} members${tail}.`);
    if (p.memberFollowers !== null && p.corporateFollowers !== null && p.week) {
      out.push(
        de
          ? `In der Woche ab dem ${f.day(p.week)} hatten die Mitglieder zusammen ${f.count(p.memberFollowers)} Follower, die Unternehmenskonten ${f.count(p.corporateFollowers)}.`
          : `In the week from ${f.day(p.week)}, the members together had ${f.count(p.memberFollowers)} followers, the corporate accounts ${f.count(p.corporateFollowers)}.`,
      );
    }
  }

  if (report.risingVoices !== null && report.risingVoices > 0) {
    const n = report.risingVoices;
    out.push(
      de
        ? n === 1
          ? 'Eine Person wurde in diesem Monat als aufsteigende Stimme erkannt.'
          : `${f.count(n)} Personen wurden in diesem Monat als aufsteigende Stimmen erkannt.`
        : n === 1
          ? 'One person was identified as a rising voice this month.'
          : `${f.count(n)} people were identified as rising voices this month.`,
    );
  }
  return out;
}
