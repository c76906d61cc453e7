// German and English message catalogues. German is the default; the choice lives in the URL
// (lang=) so a shared link opens in the sender's language, and in localStorage so it sticks.
import { useCallback } from 'react';
import { useSearchParams } from './url-state';

export type Lang = 'de' | 'en';
export const langs: readonly Lang[] = ['de', 'en'];
const storageKey = 'chorus.lang';

const de = {
  app: {
    name: 'Chorus',
    tagline: 'Stimmen im Unternehmen finden',
    skipToContent: 'Zum Inhalt springen',
  },
  nav: {
    label: 'Hauptnavigation',
    overview: 'Überblick',
    adoption: 'Nutzung',
    content: 'Inhalte',
    influencers: 'Einflussreiche Stimmen',
    pilot: 'Pilotgruppe',
    report: 'Bericht',
    data: 'Daten',
    soon: 'bald',
  },
  lang: { label: 'Sprache', de: 'Deutsch', en: 'Englisch' },
  filters: {
    label: 'Filter',
    period: 'Zeitraum',
    from: 'Von',
    to: 'Bis',
    last3: 'Letzte 3 Monate',
    last12: 'Letzte 12 Monate',
    whole: 'Gesamter Zeitraum',
    department: 'Abteilung',
    location: 'Standort',
    allDepartments: 'Alle Abteilungen',
    allLocations: 'Alle Standorte',
    people: (n: string) => `${n} Personen`,
    tooSmall: (n: string) => `weniger als ${n} Personen`,
    someHidden: (n: string) => `Ausgegraute Gruppen haben weniger als ${n} Personen und werden zum Schutz der Privatsphäre nicht einzeln ausgewertet.`,
    invalidRange: 'Das Startdatum liegt nach dem Enddatum.',
    dataPeriod: (from: string, to: string) => `Daten vom ${from} bis ${to}`,
    noDataPeriod: 'Noch keine Daten',
    summary: (period: string, groups: string) => `Zeitraum: ${period} · ${groups}`,
  },
  state: {
    loading: 'Lade …',
    retry: 'Erneut versuchen',
    errorTitle: 'Die Daten konnten nicht geladen werden',
    errorHint: 'Prüfen Sie die Filter oder versuchen Sie es erneut.',
    networkError: 'Der Chorus-Server ist nicht erreichbar. Läuft „chorus serve“ noch?',
    emptyTitle: 'Noch keine Daten',
    emptyText: 'Importieren Sie einen Export mit',
    emptyCommand: 'chorus import <ordner>',
    emptyAfter: 'und laden Sie die Seite neu. Welche Formate gelesen werden, zeigt „chorus help“.',
    noRows: 'Im gewählten Zeitraum gibt es keine Daten. Wählen Sie einen anderen Zeitraum.',
    suppressedTitle: 'Auswahl zu klein für eine Auswertung',
    suppressedText: (n: string) =>
      `Diese Auswahl umfasst weniger als ${n} Personen. Zum Schutz der Privatsphäre zeigt Chorus dafür keine Zahlen. Wählen Sie eine größere Abteilung, einen anderen Standort oder „Alle“.`,
  },
  metrics: {
    activeUsers: 'Aktive Nutzende',
    activeUsersShort: 'Aktive Nutzende (MAU)',
    adoptionRate: 'Nutzungsquote',
    stickiness: 'Bindung (Stickiness)',
    contributors: 'Beitragende',
    creators: 'Verfassende',
    headcount: 'Beschäftigte',
    period: 'Zeitraum',
    info: 'Definition',
    def: {
      activeUsers:
        'Personen, die im Zeitraum aktiv waren: Inhalte erstellt oder ein Ereignis ausgelöst haben (Aufrufe und Anmeldungen zählen, Beitritte nicht). Offizielle und Bot-Konten zählen nie als Nutzende.',
      adoptionRate: 'Aktive Nutzende geteilt durch Beschäftigte im selben Zeitraum.',
      stickiness:
        'Durchschnittlich täglich aktive Nutzende über die Tage des Zeitraums geteilt durch die aktiven Nutzenden des Zeitraums. 100 % hieße: alle Aktiven sind jeden Tag aktiv. Bei sehr kurzen (Teil-)Zeiträumen wenig aussagekräftig.',
      contributors: 'Personen, die im Zeitraum einen Beitrag oder Kommentar verfasst haben.',
      creators: 'Personen, die im Zeitraum einen Beitrag verfasst haben (Kommentare zählen hier nicht).',
      headcount: 'Personenkonten, die an mindestens einem Tag des Zeitraums beschäftigt waren. Offizielle und Bot-Konten zählen nicht.',
    },
  },
  kpi: {
    heading: 'Kennzahlen',
    latestMonth: (month: string) => `Letzter Monat im gewählten Zeitraum: ${month}`,
    partial: (from: string, to: string) => `Teilmonat – Daten vom ${from} bis ${to}`,
    vsPrevious: (month: string) => `ggü. ${month}`,
    noPrevious: 'kein Vorzeitraum',
    unchanged: 'unverändert',
    up: 'gestiegen',
    down: 'gesunken',
    pp: 'Pp.',
    ppLong: 'Prozentpunkte',
  },
  chart: {
    trendTitle: 'Nutzung pro Monat',
    titleByGrain: { day: 'Nutzung pro Tag', week: 'Nutzung pro Woche', month: 'Nutzung pro Monat' },
    axisActive: 'Aktive Nutzende (Personen)',
    axisRate: 'Nutzungsquote (%)',
    description: 'Balken: aktive Nutzende; Linie: Nutzungsquote in Prozent der Beschäftigten.',
  },
  table: {
    monthly: 'Monatswerte',
    csv: 'CSV',
    csvTitle: 'Diese Zahlen als CSV-Datei herunterladen (mit denselben Filtern)',
    filter: 'Zeiträume filtern …',
    filterLabel: 'Zeiträume filtern',
    sortAsc: 'aufsteigend sortiert',
    sortDesc: 'absteigend sortiert',
    sortHint: 'Zum Sortieren auf eine Spaltenüberschrift klicken.',
    pageOf: (page: string, pages: string) => `Seite ${page} von ${pages}`,
    prev: 'Zurück',
    next: 'Weiter',
    rows: (n: string) => `${n} Zeilen`,
    partialMark: 'Teil',
    partialTitle: 'Nur teilweise abgedeckt: Der gewählte Zeitraum oder die vorhandenen Daten umfassen nur einen Teil dieses Zeitraums.',
    noMatch: 'Kein Zeitraum passt zum Filter.',
  },
  grain: { label: 'Auflösung', day: 'Tag', week: 'Woche', month: 'Monat' },
  pages: {
    overview: {
      title: 'Überblick',
      intro: 'Wie viele Beschäftigte die Plattform nutzen, im letzten Monat des gewählten Zeitraums und im Verlauf.',
    },
    adoption: {
      title: 'Nutzung',
      intro: 'Nutzungszahlen pro Tag, Woche oder Monat für den gewählten Zeitraum und die gewählte Gruppe.',
    },
    content: {
      title: 'Inhalte',
      what: 'Welche Beiträge Dialog auslösen: Reichweite, Reaktionen und Kommentare je Beitrag und Bereich, Beiträge mit Fragen und Handlungsaufforderungen im Vergleich, und wie weit Beiträge von Beschäftigten im Vergleich zum offiziellen Unternehmenskonto reichen.',
    },
    influencers: {
      title: 'Einflussreiche Stimmen',
      what: 'Eine erklärte Rangliste natürlicher Stimmen: wer mit eigenen Beiträgen viele Kolleginnen und Kollegen über Abteilungen und Standorte hinweg erreicht – und warum. Einfluss lässt sich nicht ernennen, nur finden und unterstützen.',
    },
    pilot: {
      title: 'Pilotgruppe',
      what: 'Ein Baukasten für die Pilotgruppe eines Botschafterprogramms: N Personen, die zusammen möglichst viele Kolleginnen und Kollegen über Abteilungen und Standorte hinweg erreichen, Tandem-Vorschläge (aktive Stimme und zurückhaltende Kollegin oder Kollege) und der Fortschritt eines laufenden Programms Woche für Woche.',
    },
    report: {
      title: 'Bericht',
      what: 'Der druckbare Monatsbericht für die Geschäftsleitung auf einer Seite: Nutzung, Aktivität, Trends, führende und nachziehende Abteilungen und was sich geändert hat – auf Deutsch oder Englisch.',
    },
    data: {
      title: 'Daten',
      intro: 'Was in der Datenbank liegt und woher es kommt.',
      lastImport: 'Letzter Import',
      noImport: 'Es wurde noch nichts importiert.',
      tables: 'Tabellen',
      table: 'Tabelle',
      rows: 'Zeilen',
      settings: 'Datenbestand',
      schemaVersion: 'Schema-Version',
      dataPeriod: 'Datenzeitraum',
      timeZone: 'Zeitzone',
      minGroupSize: 'Mindestgruppengröße',
      minGroupSizeHint: 'Gruppen mit weniger Personen werden nicht einzeln ausgewertet.',
      field: {
        runId: 'Lauf',
        source: 'Quelle',
        path: 'Pfad',
        status: 'Status',
        startedAt: 'Begonnen',
        finishedAt: 'Beendet',
        filesRead: 'Dateien gelesen',
        rowsRead: 'Zeilen gelesen',
        loaded: 'Geladen',
        duplicates: 'Duplikate (übersprungen)',
        rejected: 'Abgewiesen',
        placeholders: 'Platzhalter-Konten',
        message: 'Meldung',
      },
      tableNames: {
        people: 'Personen',
        spaces: 'Bereiche',
        content: 'Inhalte',
        events: 'Ereignisse',
        interactions: 'Interaktionen',
        social: 'Soziale Netzwerke',
        programmes: 'Programme',
        importRuns: 'Import-Läufe',
        importRejects: 'Abgewiesene Zeilen',
      },
    },
    notYet: 'In dieser Version noch nicht verfügbar',
    notYetText: 'Diese Seite wird in einer späteren Version gebaut. Bis dahin zeigen „Überblick“ und „Nutzung“ die vorhandenen Zahlen.',
    willShow: 'Was diese Seite zeigen wird',
    notFound: 'Diese Seite gibt es nicht.',
    chunkError: 'Dieser Teil des Dashboards konnte nicht geladen werden – vielleicht wurde Chorus gerade aktualisiert.',
    reload: 'Seite neu laden',
    backHome: 'Zum Überblick',
  },
};

/** The shape every catalogue must have: the German one is the reference. */
export type Messages = typeof de;

const en: Messages = {
  app: {
    name: 'Chorus',
    tagline: 'Find the voices in your organisation',
    skipToContent: 'Skip to content',
  },
  nav: {
    label: 'Main navigation',
    overview: 'Overview',
    adoption: 'Adoption',
    content: 'Content',
    influencers: 'Influencers',
    pilot: 'Pilot group',
    report: 'Report',
    data: 'Data',
    soon: 'soon',
  },
  lang: { label: 'Language', de: 'German', en: 'English' },
  filters: {
    label: 'Filters',
    period: 'Period',
    from: 'From',
    to: 'To',
    last3: 'Last 3 months',
    last12: 'Last 12 months',
    whole: 'Whole period',
    department: 'Department',
    location: 'Location',
    allDepartments: 'All departments',
    allLocations: 'All locations',
    people: (n) => `${n} people`,
    tooSmall: (n) => `fewer than ${n} people`,
    someHidden: (n) => `Greyed-out groups have fewer than ${n} people and are not analysed on their own, to protect privacy.`,
    invalidRange: 'The start date is after the end date.',
    dataPeriod: (from, to) => `Data from ${from} to ${to}`,
    noDataPeriod: 'No data yet',
    summary: (period, groups) => `Period: ${period} · ${groups}`,
  },
  state: {
    loading: 'Loading …',
    retry: 'Try again',
    errorTitle: 'The data could not be loaded',
    errorHint: 'Check the filters or try again.',
    networkError: 'The Chorus server cannot be reached. Is “chorus serve” still running?',
    emptyTitle: 'No data yet',
    emptyText: 'Import an export with',
    emptyCommand: 'chorus import <folder>',
    emptyAfter: 'and reload this page. “chorus help” lists the formats it reads.',
    noRows: 'There is no data in the selected period. Choose another period.',
    suppressedTitle: 'Selection too small to analyse',
    suppressedText: (n) =>
      `This selection has fewer than ${n} people. To protect their privacy Chorus shows no figures for it. Choose a larger department, another location, or “All”.`,
  },
  metrics: {
    activeUsers: 'Active users',
    activeUsersShort: 'Active users (MAU)',
    adoptionRate: 'Adoption rate',
    stickiness: 'Stickiness',
    contributors: 'Contributors',
    creators: 'Creators',
    headcount: 'Headcount',
    period: 'Period',
    info: 'Definition',
    def: {
      activeUsers:
        'People who were active in the period: created content or had any event (views and logins count, joins do not). Official and bot accounts are never counted as users.',
      adoptionRate: 'Active users divided by headcount in the same period.',
      stickiness:
        'Mean daily active users over the days of the period divided by the active users of the period. 100 % would mean every active person was active every day. Of little meaning for very short (partial) periods.',
      contributors: 'People who created a post or a comment in the period.',
      creators: 'People who created a post in the period (comments do not count here).',
      headcount: 'Person accounts employed on at least one day of the period. Official and bot accounts are not counted.',
    },
  },
  kpi: {
    heading: 'Key figures',
    latestMonth: (month) => `Latest month in the selected period: ${month}`,
    partial: (from, to) => `Partial month – data from ${from} to ${to}`,
    vsPrevious: (month) => `vs. ${month}`,
    noPrevious: 'no previous period',
    unchanged: 'unchanged',
    up: 'up',
    down: 'down',
    pp: 'pp',
    ppLong: 'percentage points',
  },
  chart: {
    trendTitle: 'Adoption per month',
    titleByGrain: { day: 'Adoption per day', week: 'Adoption per week', month: 'Adoption per month' },
    axisActive: 'Active users (people)',
    axisRate: 'Adoption rate (%)',
    description: 'Bars: active users; line: adoption rate as a percentage of headcount.',
  },
  table: {
    monthly: 'Monthly figures',
    csv: 'CSV',
    csvTitle: 'Download these figures as a CSV file (same filters)',
    filter: 'Filter periods …',
    filterLabel: 'Filter periods',
    sortAsc: 'sorted ascending',
    sortDesc: 'sorted descending',
    sortHint: 'Click a column heading to sort.',
    pageOf: (page, pages) => `Page ${page} of ${pages}`,
    prev: 'Previous',
    next: 'Next',
    rows: (n) => `${n} rows`,
    partialMark: 'partial',
    partialTitle: 'Only partly covered: the selected range or the available data spans only part of this period.',
    noMatch: 'No period matches the filter.',
  },
  grain: { label: 'Grain', day: 'Day', week: 'Week', month: 'Month' },
  pages: {
    overview: {
      title: 'Overview',
      intro: 'How many employees use the platform, in the latest month of the selected period and over time.',
    },
    adoption: {
      title: 'Adoption',
      intro: 'Adoption figures per day, week or month for the selected period and group.',
    },
    content: {
      title: 'Content',
      what: 'Which posts start a dialogue: reach, reactions and comments per post and space, posts with questions and calls to action compared, and how far employees’ own posts reach compared with the official corporate account.',
    },
    influencers: {
      title: 'Influencers',
      what: 'A ranked, explained list of natural voices: who reaches many colleagues across departments and locations with their own posts – and why. Influence cannot be appointed, only found and supported.',
    },
    pilot: {
      title: 'Pilot group',
      what: 'A builder for the pilot group of an ambassador programme: N people who together reach most colleagues across departments and locations, tandem suggestions (an active voice with a hesitant colleague), and the progress of a running programme week by week.',
    },
    report: {
      title: 'Report',
      what: 'The printable one-page monthly report for executives: adoption, activity, trends, leading and lagging departments and what changed – in German or English.',
    },
    data: {
      title: 'Data',
      intro: 'What the database holds and where it came from.',
      lastImport: 'Last import',
      noImport: 'Nothing has been imported yet.',
      tables: 'Tables',
      table: 'Table',
      rows: 'Rows',
      settings: 'Data set',
      schemaVersion: 'Schema version',
      dataPeriod: 'Data period',
      timeZone: 'Time zone',
      minGroupSize: 'Minimum group size',
      minGroupSizeHint: 'Groups with fewer people are not analysed on their own.',
      field: {
        runId: 'Run',
        source: 'Source',
        path: 'Path',
        status: 'Status',
        startedAt: 'Started',
        finishedAt: 'Finished',
        filesRead: 'Files read',
        rowsRead: 'Rows read',
        loaded: 'Loaded',
        duplicates: 'Duplicates (skipped)',
        rejected: 'Rejected',
        placeholders: 'Placeholder accounts',
        message: 'Message',
      },
      tableNames: {
        people: 'People',
        spaces: 'Spaces',
        content: 'Content',
        events: 'Events',
        interactions: 'Interactions',
        social: 'Social networks',
        programmes: 'Programmes',
        importRuns: 'Import runs',
        importRejects: 'Rejected rows',
      },
    },
    notYet: 'Not available in this version yet',
    notYetText: 'This page will be built in a later version. Until then, “Overview” and “Adoption” show the figures that exist.',
    willShow: 'What this page will show',
    notFound: 'There is no such page.',
    chunkError: 'This part of the dashboard could not be loaded – Chorus may just have been updated.',
    reload: 'Reload the page',
    backHome: 'Go to the overview',
  },
};

/** Message catalogues by language. */
export const messages: Record<Lang, Messages> = { de, en };

/** BCP 47 locale used for number and date formatting. English uses en-GB (day-month order, 24 h). */
export const localeOf = (lang: Lang): string => (lang === 'de' ? 'de-DE' : 'en-GB');

const isLang = (value: unknown): value is Lang => value === 'de' || value === 'en';

function storedLang(): Lang | null {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isLang(value) ? value : null;
  } catch {
    return null; // storage can be disabled by policy
  }
}

/** Language from `lang=` in the URL, else the stored choice, else German. */
export function resolveLang(urlValue: string | null, stored: string | null): Lang {
  if (isLang(urlValue)) return urlValue;
  if (isLang(stored)) return stored;
  return 'de';
}

/** The current language, its messages and locale, and a setter that updates URL and storage. */
export function useI18n(): { lang: Lang; t: Messages; locale: string; setLang: (lang: Lang) => void } {
  const [params, update] = useSearchParams();
  const lang = resolveLang(params.get('lang'), storedLang());
  const setLang = useCallback(
    (next: Lang) => {
      try {
        window.localStorage.setItem(storageKey, next);
      } catch {
        // ignore: the URL still carries the choice
      }
      update({ lang: next });
    },
    [update],
  );
  return { lang, t: messages[lang], locale: localeOf(lang), setLang };
}
