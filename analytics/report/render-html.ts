// The one HTML renderer of the monthly report: a pure function from the report model to HTML,
// used for the CLI's standalone file, GET /api/reports/monthly/:month?format=html and the
// dashboard's Report page, so the three never differ. Every text is escaped; the CSS is inlined
// and scoped to .chorus-report; the charts are inline SVG drawn here; no external URL at all, so
// the file opens without network. Print CSS gives A4 pages with a page break between sections.
import type { Change } from '../types';
import type { MonthlyReport, ReportLang } from './monthly-report';
import { narrativeThresholds, reportFormat } from './narrative';

const otherGroup = '(other)';

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
const esc = escapeHtml;

const labels = {
  de: {
    title: 'Monatsbericht Nutzung',
    organisation: 'Gesamte Organisation',
    department: 'Abteilung',
    location: 'Standort',
    summary: 'Zusammenfassung',
    keyFigures: 'Kennzahlen',
    vsPrevious: 'zum Vormonat',
    vsYearAgo: 'zum Vorjahresmonat',
    noComparison: 'kein Vergleich',
    headcount: 'Beschäftigte',
    activeUsers: 'Aktive Personen',
    adoptionRate: 'Nutzungsquote',
    stickiness: 'Stickiness',
    stickinessHint: 'täglich aktiv / monatlich aktiv',
    posts: 'Beiträge',
    comments: 'Kommentare',
    reactions: 'Reaktionen',
    movements: 'Die drei größten Veränderungen',
    noMovements: (t: string) => `Keine Veränderung erreicht die Schwellen (${t}).`,
    trend: 'Nutzungsquote der letzten Monate',
    departments: 'Abteilungen',
    departmentsChart: 'Nutzungsquote je Abteilung',
    overall: 'gesamt',
    rank: 'Rang',
    change: 'Veränderung',
    leading: 'Vorn bei der Nutzung',
    lagging: 'Hinten bei der Nutzung',
    rising: 'Stärkster Anstieg',
    falling: 'Stärkster Rückgang',
    none: 'keine',
    other: (n: number) => `Weitere (${n} ${n === 1 ? 'kleine Abteilung' : 'kleine Abteilungen'})`,
    suppressedValue: 'unterdrückt',
    contentAndProgrammes: 'Inhalte, Stimmen und Programme',
    topContent: 'Beiträge mit der meisten Resonanz',
    noPosts: 'Keine Beiträge in diesem Monat.',
    postTitle: 'Beitrag',
    space: 'Bereich',
    engagement: 'Resonanz',
    untitled: '(ohne Titel)',
    voice: 'Stimmenanteil (ganze Organisation)',
    employees: 'Beschäftigte',
    official: 'Offizielle Kanäle',
    noVoice: 'Keine Resonanz auf Beiträge in diesem Monat.',
    programmes: 'Programme (ganze Organisation)',
    noProgrammes: 'Keine Programme in diesem Monat.',
    members: 'Mitglieder',
    joined: 'neu',
    left: 'ausgetreten',
    followers: 'Follower der Mitglieder',
    corporateFollowers: 'Follower der Unternehmenskonten',
    risingVoices: 'Aufsteigende Stimmen',
    risingNotComputed: 'nicht berechnet',
    suppressedProgramme: (min: number) => `weniger als ${min} Mitglieder: ohne Zahlen`,
    footnote: 'Datengrundlage',
    dataPeriod: (from: string, to: string) => `Daten von ${from} bis ${to}`,
    month: (from: string, to: string) => `Berichtsmonat ${from} bis ${to}`,
    timeZone: (tz: string) => `Tage in der Zeitzone ${tz}`,
    sources: (s: string) => `Quellen: ${s}`,
    noSources: 'Quellen: keine erfolgreiche Importe',
    lastImport: (at: string, source: string) => `Letzter Import: ${at} (${source})`,
    minGroup: (min: number) => `Gruppen mit weniger als ${min} Personen werden nicht mit Zahlen gezeigt.`,
    suppressedDepartments: (list: string) => `Unterdrückt in diesem Monat: ${list}.`,
    noSuppressed: 'In diesem Monat wurde keine Abteilung unterdrückt.',
    suppressedProgrammes: (list: string) => `Programme ohne Zahlen: ${list}.`,
    definitions:
      'Nutzungsquote = Personen mit mindestens einer Aktivität im Monat / Beschäftigte im Monat. Beiträge: im Monat erstellt; Kommentare und Reaktionen: auf diese Beiträge bis zum Ende der Daten (jüngere Beiträge hatten weniger Zeit). Veränderungen unter den Schwellen werden im Text nicht genannt:',
    yearAgoMissing: 'Vorjahresvergleich: Die Daten reichen nicht bis zum selben Monat des Vorjahres zurück.',
    generated: (at: string) => `Erstellt am ${at}`,
    suppressedReport: (min: number) => `Die gewählte Abteilung oder der Standort umfasst weniger als ${min} Personen; zum Schutz der Privatsphäre werden keine Zahlen gezeigt.`,
    pageOf: 'Seite',
  },
  en: {
    title: 'Monthly adoption report',
    organisation: 'Whole organisation',
    department: 'Department',
    location: 'Location',
    summary: 'Summary',
    keyFigures: 'Key figures',
    vsPrevious: 'on previous month',
    vsYearAgo: 'on same month last year',
    noComparison: 'no comparison',
    headcount: 'Headcount',
    activeUsers: 'Active people',
    adoptionRate: 'Adoption rate',
    stickiness: 'Stickiness',
    stickinessHint: 'daily active / monthly active',
    posts: 'Posts',
    comments: 'Comments',
    reactions: 'Reactions',
    movements: 'The three largest movements',
    noMovements: (t: string) => `No change reaches the thresholds (${t}).`,
    trend: 'Adoption rate over recent months',
    departments: 'Departments',
    departmentsChart: 'Adoption rate by department',
    overall: 'overall',
    rank: 'Rank',
    change: 'Change',
    leading: 'Leading in adoption',
    lagging: 'Lagging in adoption',
    rising: 'Largest rise',
    falling: 'Largest fall',
    none: 'none',
    other: (n: number) => `Other (${n} small ${n === 1 ? 'department' : 'departments'})`,
    suppressedValue: 'suppressed',
    contentAndProgrammes: 'Content, voices and programmes',
    topContent: 'Posts with the most engagement',
    noPosts: 'No posts this month.',
    postTitle: 'Post',
    space: 'Space',
    engagement: 'Engagement',
    untitled: '(untitled)',
    voice: 'Voice share (whole organisation)',
    employees: 'Employees',
    official: 'Official channels',
    noVoice: 'No engagement on posts this month.',
    programmes: 'Programmes (whole organisation)',
    noProgrammes: 'No programmes this month.',
    members: 'Members',
    joined: 'joined',
    left: 'left',
    followers: "Members' followers",
    corporateFollowers: 'Corporate accounts’ followers',
    risingVoices: 'Rising voices',
    risingNotComputed: 'not computed',
    suppressedProgramme: (min: number) => `fewer than ${min} members: no figures`,
    footnote: 'About the data',
    dataPeriod: (from: string, to: string) => `Data from ${from} to ${to}`,
    month: (from: string, to: string) => `report month ${from} to ${to}`,
    timeZone: (tz: string) => `days in the time zone ${tz}`,
    sources: (s: string) => `Sources: ${s}`,
    noSources: 'Sources: no successful import',
    lastImport: (at: string, source: string) => `Last import: ${at} (${source})`,
    minGroup: (min: number) => `Groups with fewer than ${min} people are never shown with figures.`,
    suppressedDepartments: (list: string) => `Suppressed this month: ${list}.`,
    noSuppressed: 'No department was suppressed this month.',
    suppressedProgrammes: (list: string) => `Programmes without figures: ${list}.`,
    definitions:
      'Adoption rate = people with at least one activity in the month / headcount of the month. Posts: created in the month; comments and reactions: on those posts up to the end of the data (newer posts had less time). Changes below the thresholds are not mentioned in the text:',
    yearAgoMissing: 'Year-on-year comparison: the data does not reach back to the same month last year.',
    generated: (at: string) => `Generated on ${at}`,
    suppressedReport: (min: number) => `The chosen department or location has fewer than ${min} people; to protect privacy no figures are shown.`,
    pageOf: 'Page',
  },
} as const;

type Labels = (typeof labels)[ReportLang];

const css = `
.chorus-report{--ink:#1c2430;--muted:#5b6675;--line:#d9dee5;--accent:#2f6fdf;--up:#1f7a3f;--down:#b3261e;--soft:#eef3fb;
  color:var(--ink);font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;font-size:10.5pt;line-height:1.45}
.chorus-report *{box-sizing:border-box}
.chorus-report .report-page{background:#fff;max-width:210mm;margin:0 auto 16px;padding:14mm 14mm 12mm;border:1px solid var(--line);box-shadow:0 1px 4px rgba(0,0,0,.06)}
.chorus-report h1{font-size:18pt;margin:0 0 2px;line-height:1.2}
.chorus-report h2{font-size:13pt;margin:0 0 8px;padding-bottom:4px;border-bottom:2px solid var(--accent)}
.chorus-report h3{font-size:10.5pt;margin:12px 0 6px;color:var(--muted);text-transform:uppercase;letter-spacing:.04em}
.chorus-report .report-head{display:flex;justify-content:space-between;align-items:flex-end;gap:12px;margin-bottom:10px}
.chorus-report .report-sub{color:var(--muted);font-size:9.5pt}
.chorus-report .report-month{font-size:13pt;color:var(--accent);font-weight:600}
.chorus-report .narrative{margin:0 0 10px;padding:8px 12px;background:var(--soft);border-radius:4px}
.chorus-report .narrative p{margin:0 0 4px}
.chorus-report .narrative p:last-child{margin-bottom:0}
.chorus-report .kpis{display:grid;grid-template-columns:repeat(4,1fr);gap:6px;margin:0 0 6px}
.chorus-report .kpi{border:1px solid var(--line);border-radius:4px;padding:6px 8px;break-inside:avoid}
.chorus-report .kpi-label{font-size:8.5pt;color:var(--muted)}
.chorus-report .kpi-figure{font-size:15pt;font-weight:650;line-height:1.25}
.chorus-report .kpi-delta{font-size:8.5pt;color:var(--muted);white-space:nowrap}
.chorus-report .up{color:var(--up)}
.chorus-report .down{color:var(--down)}
.chorus-report ol.movements{margin:0;padding-left:18px}
.chorus-report ol.movements li{margin:0 0 2px}
.chorus-report .report-chart{display:block;width:100%;height:auto;margin:2px 0 4px}
.chorus-report .report-chart text{font-family:inherit}
.chorus-report table{width:100%;border-collapse:collapse;font-size:9.5pt;margin:0 0 6px}
.chorus-report th,.chorus-report td{text-align:left;padding:3px 6px;border-bottom:1px solid var(--line);vertical-align:top}
.chorus-report th{font-weight:600;color:var(--muted);font-size:8.5pt}
.chorus-report td.num,.chorus-report th.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.chorus-report tr.other td{color:var(--muted);font-style:italic}
.chorus-report .cols{display:grid;grid-template-columns:1fr 1fr;gap:12px}
.chorus-report .lists ul{margin:0;padding-left:16px}
.chorus-report .footnote{margin-top:12px;padding-top:6px;border-top:1px solid var(--line);font-size:8.5pt;color:var(--muted)}
.chorus-report .footnote p{margin:0 0 3px}
.chorus-report .r-muted{color:var(--muted)}
@page{size:A4;margin:12mm}
@media print{
  .chorus-report{font-size:10pt}
  .chorus-report .report-page{max-width:none;margin:0;padding:0;border:0;box-shadow:none}
  .chorus-report .report-page+.report-page{break-before:page;page-break-before:always}
  .chorus-report .kpi,.chorus-report table,.chorus-report .report-chart,.chorus-report .cols>div{break-inside:avoid}
  .chorus-report{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;

interface Ctx {
  r: MonthlyReport;
  l: Labels;
  f: ReturnType<typeof reportFormat>;
}

function changeSpan(ctx: Ctx, change: Change | undefined, unit: 'points' | 'percent', label: string): string {
  if (!change || change.absolute === null) return `<div class="kpi-delta">${esc(ctx.l.noComparison)} ${esc(label)}</div>`;
  const value = unit === 'points' ? change.absolute : change.relative;
  if (value === null) return `<div class="kpi-delta">${esc(ctx.l.noComparison)} ${esc(label)}</div>`;
  const threshold = unit === 'points' ? narrativeThresholds.ratePoints : narrativeThresholds.countRelative;
  const cls = Math.abs(value) >= threshold - 1e-9 ? (value > 0 ? 'up' : 'down') : '';
  const text = unit === 'points' ? ctx.f.signedPointsShort(value) : ctx.f.signedPercent(value);
  return `<div class="kpi-delta"><span class="${cls}">${esc(text)}</span> ${esc(label)}</div>`;
}

function kpiTile(ctx: Ctx, label: string, value: string, key: string, unit: 'points' | 'percent', source: 'adoption' | 'content', title?: string): string {
  const block = ctx.r[source];
  const change = block?.change?.[key];
  const yearAgo = ctx.r.yearAgoPeriod ? changeSpan(ctx, block?.yearAgoChange?.[key], unit, ctx.l.vsYearAgo) : '';
  return `<div class="kpi"${title ? ` title="${esc(title)}"` : ''}><div class="kpi-label">${esc(label)}</div><div class="kpi-figure">${esc(value)}</div>${changeSpan(ctx, change, unit, ctx.l.vsPrevious)}${yearAgo}</div>`;
}

const rateText = (ctx: Ctx, rate: number | null) => (rate === null ? '–' : ctx.f.percent(rate));

/** Inline SVG line chart of the monthly adoption rate (0..100 %). */
function trendChart(ctx: Ctx): string {
  const points = ctx.r.trend.filter((t) => t.adoptionRate !== null);
  if (points.length === 0) return '';
  const w = 680;
  const h = 170;
  const left = 40;
  const right = 16;
  const top = 14;
  const bottom = 28;
  const n = ctx.r.trend.length;
  const x = (i: number) => left + (n === 1 ? (w - left - right) / 2 : (i * (w - left - right)) / (n - 1));
  const y = (rate: number) => top + (1 - rate) * (h - top - bottom);
  const grid = [0, 0.25, 0.5, 0.75, 1]
    .map((g) => `<line x1="${left}" x2="${w - right}" y1="${y(g).toFixed(1)}" y2="${y(g).toFixed(1)}" stroke="#e3e7ed" stroke-width="1"/><text x="${left - 6}" y="${(y(g) + 3.5).toFixed(1)}" font-size="10" text-anchor="end" fill="#5b6675">${esc(ctx.f.percent(g))}</text>`)
    .join('');
  const coords = ctx.r.trend.map((t, i) => (t.adoptionRate === null ? null : { x: x(i), y: y(t.adoptionRate), t }));
  const path = coords
    .filter((c): c is NonNullable<typeof c> => c !== null)
    .map((c, i) => `${i === 0 ? 'M' : 'L'}${c.x.toFixed(1)},${c.y.toFixed(1)}`)
    .join(' ');
  const dots = coords
    .map((c, i) => {
      if (!c) return '';
      const lastOne = i === n - 1;
      const label = lastOne ? `<text x="${c.x.toFixed(1)}" y="${(c.y - 8).toFixed(1)}" font-size="11" font-weight="600" text-anchor="end" fill="#1c2430">${esc(ctx.f.percent(c.t.adoptionRate!))}</text>` : '';
      return `<circle cx="${c.x.toFixed(1)}" cy="${c.y.toFixed(1)}" r="${lastOne ? 4 : 2.5}" fill="#2f6fdf"/>${label}`;
    })
    .join('');
  const months = ctx.r.trend
    .map((t, i) => {
      const [yy, mm] = t.period.split('-').map(Number);
      const name = new Intl.DateTimeFormat(ctx.f.locale, { month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(yy, mm - 1, 1)));
      const text = mm === 1 || i === 0 ? `${name} ${String(yy).slice(2)}` : name;
      return `<text x="${x(i).toFixed(1)}" y="${h - 10}" font-size="10" text-anchor="middle" fill="#5b6675">${esc(text)}</text>`;
    })
    .join('');
  return `<svg class="report-chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(ctx.l.trend)}">${grid}<path d="${path}" fill="none" stroke="#2f6fdf" stroke-width="2.2"/>${dots}${months}</svg>`;
}

/** Inline SVG horizontal bars: adoption rate per department, the overall rate as a dashed line. */
function departmentChart(ctx: Ctx): string {
  const rows = ctx.r.departments.filter((d) => d.adoptionRate !== null);
  if (rows.length === 0) return '';
  const w = 680;
  const labelWidth = 200;
  const valueWidth = 48;
  const barHeight = 16;
  const gap = 6;
  const top = 6;
  const h = top + rows.length * (barHeight + gap) + 18;
  const scale = (rate: number) => rate * (w - labelWidth - valueWidth - 10);
  const bars = rows
    .map((d, i) => {
      const yy = top + i * (barHeight + gap);
      const name = d.group === otherGroup ? ctx.l.other(d.groups) : d.group;
      const fill = d.group === otherGroup ? '#9aa5b4' : '#2f6fdf';
      return (
        `<text x="${labelWidth - 8}" y="${yy + barHeight - 4}" font-size="10.5" text-anchor="end" fill="#1c2430">${esc(name)}</text>` +
        `<rect x="${labelWidth}" y="${yy}" width="${scale(d.adoptionRate!).toFixed(1)}" height="${barHeight}" rx="2" fill="${fill}"/>` +
        `<text x="${(labelWidth + scale(d.adoptionRate!) + 5).toFixed(1)}" y="${yy + barHeight - 4}" font-size="10.5" fill="#1c2430">${esc(ctx.f.percent(d.adoptionRate!))}</text>`
      );
    })
    .join('');
  const overall = ctx.r.adoption?.current.adoptionRate ?? null;
  const line =
    overall === null
      ? ''
      : `<line x1="${(labelWidth + scale(overall)).toFixed(1)}" x2="${(labelWidth + scale(overall)).toFixed(1)}" y1="${top - 4}" y2="${h - 16}" stroke="#b3261e" stroke-width="1.2" stroke-dasharray="4 3"/>` +
        `<text x="${(labelWidth + scale(overall)).toFixed(1)}" y="${h - 4}" font-size="10" text-anchor="middle" fill="#b3261e">${esc(`${ctx.l.overall} ${ctx.f.percent(overall)}`)}</text>`;
  return `<svg class="report-chart" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" role="img" aria-label="${esc(ctx.l.departmentsChart)}">${bars}${line}</svg>`;
}

/** Inline SVG: one stacked bar, employees' against official channels' share of engagement. */
function voiceChart(ctx: Ctx): string {
  const share = ctx.r.voice?.current.employeeShare ?? null;
  if (share === null) return `<p class="r-muted">${esc(ctx.l.noVoice)}</p>`;
  const employees = Math.round(share * 100);
  const w = 330;
  const width = (employees / 100) * w;
  return (
    `<svg class="report-chart" viewBox="0 0 ${w} 46" width="${w}" height="46" role="img" aria-label="${esc(ctx.l.voice)}">` +
    `<rect x="0" y="0" width="${width.toFixed(1)}" height="20" fill="#2f6fdf"/><rect x="${width.toFixed(1)}" y="0" width="${(w - width).toFixed(1)}" height="20" fill="#f0a43a"/>` +
    `<text x="0" y="36" font-size="10.5" fill="#1c2430">${esc(`${ctx.l.employees} ${ctx.f.percent(employees / 100)}`)}</text>` +
    `<text x="${w}" y="36" font-size="10.5" text-anchor="end" fill="#1c2430">${esc(`${ctx.l.official} ${ctx.f.percent((100 - employees) / 100)}`)}</text></svg>`
  );
}

function header(ctx: Ctx): string {
  const { r, l, f } = ctx;
  const scope = [r.filters.department ? `${l.department}: ${r.filters.department}` : null, r.filters.location ? `${l.location}: ${r.filters.location}` : null].filter(Boolean).join(' · ') || l.organisation;
  const generated = new Intl.DateTimeFormat(f.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: r.footnote.timeZone }).format(new Date(r.generatedAt));
  return (
    `<header class="report-head"><div><h1>${esc(l.title)}</h1><div class="report-month">${esc(f.monthName(r.month, true))}</div></div>` +
    `<div class="report-sub" style="text-align:right">${esc(scope)}<br>${esc(l.generated(generated))}</div></header>`
  );
}

function summaryPage(ctx: Ctx): string {
  const { r, l, f } = ctx;
  const narrative = `<div class="narrative" data-section="narrative">${r.narrative.map((s) => `<p>${esc(s)}</p>`).join('')}</div>`;
  if (r.suppressed || !r.adoption || !r.content) {
    return `<section class="report-page" data-page="summary">${header(ctx)}${narrative}${footnote(ctx)}</section>`;
  }
  const a = r.adoption.current;
  const c = r.content.current;
  const tiles = [
    kpiTile(ctx, l.headcount, f.count(a.headcount), 'headcount', 'percent', 'adoption'),
    kpiTile(ctx, l.activeUsers, f.count(a.activeUsers), 'activeUsers', 'percent', 'adoption'),
    kpiTile(ctx, l.adoptionRate, rateText(ctx, a.adoptionRate), 'adoptionRate', 'points', 'adoption'),
    kpiTile(ctx, l.stickiness, rateText(ctx, a.stickiness), 'stickiness', 'points', 'adoption', l.stickinessHint),
    kpiTile(ctx, l.posts, f.count(c.posts), 'posts', 'percent', 'content'),
    kpiTile(ctx, l.comments, f.count(c.comments), 'comments', 'percent', 'content'),
    kpiTile(ctx, l.reactions, f.count(c.reactions), 'reactions', 'percent', 'content'),
    `<div class="kpi"><div class="kpi-label">${esc(l.risingVoices)}</div><div class="kpi-figure">${esc(r.risingVoices === null ? '–' : f.count(r.risingVoices))}</div><div class="kpi-delta">${esc(r.risingVoices === null ? l.risingNotComputed : '')}</div></div>`,
  ].join('');
  const t = narrativeThresholds;
  const thresholds = `${f.points(t.ratePoints)}, ${f.signedPercent(t.countRelative).replace('+', '')}`;
  const movements =
    r.movements.length > 0
      ? `<ol class="movements" data-section="movements">${r.movements.map((m) => `<li class="${m.change > 0 ? 'up' : 'down'}"><span style="color:var(--ink)">${esc(m.text)}</span></li>`).join('')}</ol>`
      : `<p class="r-muted" data-section="movements">${esc(l.noMovements(thresholds))}</p>`;
  return (
    `<section class="report-page" data-page="summary">${header(ctx)}` +
    `<h2>${esc(l.summary)}</h2>${narrative}` +
    `<h3>${esc(l.keyFigures)}</h3><div class="kpis" data-section="kpis">${tiles}</div>` +
    `<h3>${esc(l.movements)}</h3>${movements}` +
    `<h3>${esc(l.trend)}</h3>${trendChart(ctx)}` +
    `</section>`
  );
}

function departmentsPage(ctx: Ctx): string {
  const { r, l, f } = ctx;
  const shown = r.departments.filter((d) => d.group !== otherGroup && d.adoptionRate !== null);
  const leading = shown.slice(0, 3);
  const lagging = shown.length > 3 ? shown.slice(-3).reverse() : [];
  const changed = shown.filter((d) => d.change !== null && Math.abs(d.change) >= narrativeThresholds.departmentPoints - 1e-9);
  const rising = changed.filter((d) => d.change! > 0).sort((a, b) => b.change! - a.change!).slice(0, 3);
  const falling = changed.filter((d) => d.change! < 0).sort((a, b) => a.change! - b.change!).slice(0, 3);
  const list = (items: typeof shown, text: (d: (typeof shown)[number]) => string) =>
    items.length === 0 ? `<p class="r-muted">${esc(l.none)}</p>` : `<ul>${items.map((d) => `<li>${esc(text(d))}</li>`).join('')}</ul>`;
  const rows = r.departments
    .map((d) => {
      const other = d.group === otherGroup;
      const name = other ? l.other(d.groups) : d.group;
      const value = (n: number | null) => (n === null ? esc(l.suppressedValue) : esc(f.count(n)));
      const change = d.change === null ? '–' : f.signedPointsShort(d.change);
      return `<tr${other ? ' class="other"' : ''}><td class="num">${d.rank ?? ''}</td><td>${esc(name)}</td><td class="num">${value(d.headcount)}</td><td class="num">${value(d.activeUsers)}</td><td class="num">${d.adoptionRate === null ? esc(l.suppressedValue) : esc(f.percent(d.adoptionRate))}</td><td class="num">${esc(change)}</td></tr>`;
    })
    .join('');
  const table = `<table data-section="departments"><thead><tr><th class="num">${esc(l.rank)}</th><th>${esc(l.department)}</th><th class="num">${esc(l.headcount)}</th><th class="num">${esc(l.activeUsers)}</th><th class="num">${esc(l.adoptionRate)}</th><th class="num">${esc(l.change)} ${esc(l.vsPrevious)}</th></tr></thead><tbody>${rows}</tbody></table>`;
  const pts = (d: (typeof shown)[number]) => `${d.group}: ${f.signedPointsShort(d.change!)}`;
  return (
    `<section class="report-page" data-page="departments"><h2>${esc(l.departments)}</h2>` +
    `<h3>${esc(l.departmentsChart)}</h3>${departmentChart(ctx)}` +
    `<div class="cols lists"><div><h3>${esc(l.leading)}</h3>${list(leading, (d) => `${d.group}: ${f.percent(d.adoptionRate!)}`)}<h3>${esc(l.lagging)}</h3>${list(lagging, (d) => `${d.group}: ${f.percent(d.adoptionRate!)}`)}</div>` +
    `<div><h3>${esc(l.rising)}</h3>${list(rising, pts)}<h3>${esc(l.falling)}</h3>${list(falling, pts)}</div></div>` +
    `<h3>${esc(l.departments)}</h3>${table}</section>`
  );
}

function contentPage(ctx: Ctx): string {
  const { r, l, f } = ctx;
  const posts =
    r.topPosts.length === 0
      ? `<p class="r-muted">${esc(l.noPosts)}</p>`
      : `<table data-section="top-posts"><thead><tr><th class="num">#</th><th>${esc(l.postTitle)}</th><th>${esc(l.space)}</th><th class="num">${esc(l.reactions)}</th><th class="num">${esc(l.comments)}</th><th class="num">${esc(l.engagement)}</th></tr></thead><tbody>${r.topPosts
          .map(
            (p) =>
              `<tr><td class="num">${p.rank}</td><td>${esc(p.title ?? l.untitled)}<div class="r-muted" style="font-size:8.5pt">${esc(f.day(p.day))}${p.department ? ` · ${esc(p.department)}` : ''}</div></td><td>${esc(p.space ?? '–')}</td><td class="num">${esc(f.count(p.reactions))}</td><td class="num">${esc(f.count(p.comments))}</td><td class="num">${esc(f.count(p.engagement))}</td></tr>`,
          )
          .join('')}</tbody></table>`;
  const programmes =
    r.programmes.length === 0
      ? `<p class="r-muted">${esc(l.noProgrammes)}</p>`
      : `<table data-section="programmes"><thead><tr><th>${esc(l.programmes)}</th><th class="num">${esc(l.members)}</th><th class="num">${esc(l.joined)}</th><th class="num">${esc(l.left)}</th><th class="num">${esc(l.followers)}</th><th class="num">${esc(l.corporateFollowers)}</th></tr></thead><tbody>${r.programmes
          .map((p) => {
            const n = (v: number | null) => (v === null ? '–' : esc(f.count(v)));
            if (p.suppressed) return `<tr class="other"><td>${esc(p.programme)}</td><td colspan="5">${esc(l.suppressedProgramme(r.footnote.minGroupSize))}</td></tr>`;
            return `<tr><td>${esc(p.programme)}</td><td class="num">${n(p.members)}</td><td class="num">${n(p.joined)}</td><td class="num">${n(p.left)}</td><td class="num">${n(p.memberFollowers)}</td><td class="num">${n(p.corporateFollowers)}</td></tr>`;
          })
          .join('')}</tbody></table>`;
  const voiceChange = r.voice?.change?.employeeShare?.absolute ?? null;
  const voiceNote = voiceChange === null ? '' : `<p class="r-muted" style="margin:0">${esc(f.signedPoints(voiceChange))} ${esc(l.vsPrevious)}</p>`;
  return (
    `<section class="report-page" data-page="content"><h2>${esc(l.contentAndProgrammes)}</h2>` +
    `<h3>${esc(l.topContent)}</h3>${posts}` +
    `<div class="cols"><div data-section="voice"><h3>${esc(l.voice)}</h3>${voiceChart(ctx)}${voiceNote}</div>` +
    `<div data-section="rising"><h3>${esc(l.risingVoices)}</h3><p style="font-size:15pt;font-weight:650;margin:0">${esc(r.risingVoices === null ? l.risingNotComputed : f.count(r.risingVoices))}</p></div></div>` +
    `<h3>${esc(l.programmes)}</h3>${programmes}${footnote(ctx)}</section>`
  );
}

function footnote(ctx: Ctx): string {
  const { r, l, f } = ctx;
  const n = r.footnote;
  const t = narrativeThresholds;
  const lines: string[] = [];
  const period = n.dataPeriod.from && n.dataPeriod.to ? l.dataPeriod(f.day(n.dataPeriod.from), f.day(n.dataPeriod.to)) : '';
  lines.push(`${period}; ${l.month(f.day(r.period.from), f.day(r.period.to))}; ${l.timeZone(n.timeZone)}.`);
  lines.push(n.sources.length > 0 ? `${l.sources(n.sources.join(', '))}.` : `${l.noSources}.`);
  if (n.lastImport) {
    const at = n.lastImport.finishedAt ? new Intl.DateTimeFormat(f.locale, { dateStyle: 'long', timeStyle: 'short', timeZone: n.timeZone }).format(new Date(n.lastImport.finishedAt)) : '–';
    lines.push(`${l.lastImport(at, n.lastImport.source)}.`);
  }
  if (r.suppressed) lines.push(l.suppressedReport(n.minGroupSize));
  else lines.push(`${l.minGroup(n.minGroupSize)} ${n.suppressedDepartments.length > 0 ? l.suppressedDepartments(n.suppressedDepartments.join(', ')) : l.noSuppressed}`);
  if (n.suppressedProgrammes.length > 0) lines.push(l.suppressedProgrammes(n.suppressedProgrammes.join(', ')));
  lines.push(`${l.definitions} ${f.points(t.ratePoints)} (${l.adoptionRate}, ${l.stickiness}), ${f.points(t.departmentPoints)} (${l.department}), ${f.signedPercent(t.countRelative).replace('+', '')} (${l.activeUsers}, ${l.posts}, ${l.comments}, ${l.reactions}).`);
  if (!r.yearAgoPeriod) lines.push(l.yearAgoMissing);
  return `<footer class="footnote" data-section="footnote"><strong>${esc(l.footnote)}</strong>${lines.map((x) => `<p>${esc(x)}</p>`).join('')}</footer>`;
}

/** The number of A4 pages the report prints on: one per section (one when suppressed). */
export function countReportPages(report: MonthlyReport): number {
  return report.suppressed || !report.adoption ? 1 : 3;
}

/**
 * The report as an HTML fragment: a scoped <style> and an <article class="chorus-report"> with
 * one <section class="report-page"> per printed page. For the dashboard, which inserts it as is.
 */
export function renderReportFragment(report: MonthlyReport): string {
  const ctx: Ctx = { r: report, l: labels[report.lang], f: reportFormat(report.lang) };
  const pages = report.suppressed || !report.adoption ? [summaryPage(ctx)] : [summaryPage(ctx), departmentsPage(ctx), contentPage(ctx)];
  return `<style>${css}</style><article class="chorus-report" lang="${report.lang}" data-month="${esc(report.month)}" data-pages="${pages.length}">${pages.join('')}</article>`;
}

/** The report as one self-contained HTML document (styles and charts inlined, no external URL). */
export function renderReportHtml(report: MonthlyReport): string {
  const l = labels[report.lang];
  const title = `${l.title} ${reportFormat(report.lang).monthName(report.month, true)}`;
  return `<!doctype html>\n<html lang="${report.lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(title)}</title><style>html{background:#f4f6f9}body{margin:0;padding:16px 0}@media print{html,body{background:#fff;padding:0}}</style></head><body>${renderReportFragment(report)}</body></html>\n`;
}
