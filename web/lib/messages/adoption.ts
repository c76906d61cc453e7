// UI texts of the Adoption page's breakdowns (heat table, cohorts, funnel, Lorenz curve).
// Definitions of the figures come from GET /api/definitions, not from here.
import { useI18n } from '../i18n';

const de = {
  periodNote: (from: string, to: string) => `Zeitraum ${from} – ${to}`,
  csvTitle: 'Diese Tabelle als CSV-Datei herunterladen (mit denselben Filtern)',
  heat: {
    title: 'Nutzungsquote nach Abteilung und Monat',
    intro:
      'Aktive Nutzende geteilt durch Beschäftigte je Abteilung und Monat, in Prozent; je dunkler, desto höher. Zeilen nach der Quote über den ganzen Zeitraum geordnet. Abteilungen unter der Mindestgröße sind in „(other)“ zusammengefasst – in jedem Monat für sich.',
    group: 'Abteilung',
    rank: 'Rang',
    whole: 'Zeitraum',
    folded: 'in (other)',
    foldedTitle: (n: string) => `In diesem Monat weniger als ${n} Personen: in „(other)“ gezählt, ohne eigene Zahlen.`,
    suppressed: 'zu klein',
    suppressedTitle: (n: string) => `Auch zusammengefasst weniger als ${n} Personen: keine Zahlen.`,
    none: 'niemand',
    noneTitle: 'In diesem Monat niemand beschäftigt oder aktiv.',
    otherGroups: (n: string) => `${n} kleine Abteilungen`,
    cell: (group: string, month: string, rate: string, active: string, headcount: string) => `${group}, ${month}: ${rate} (${active} von ${headcount})`,
    empty: 'Im gewählten Zeitraum gibt es keine Beschäftigten und keine Aktivität. Wählen Sie einen anderen Zeitraum.',
    allSmall: 'Alle Abteilungen sind kleiner als die Mindestgruppengröße; sie erscheinen nur zusammen als „(other)“.',
  },
  cohorts: {
    title: 'Bindung nach Einstiegsmonat (Kohorten)',
    intro: 'Zeilen: Personen nach dem Monat ihrer ersten Aktivität. Spalten: Monate danach (0 = Einstiegsmonat). Zelle: Anteil der noch Beschäftigten, die in dem Monat aktiv waren.',
    cohort: 'Kohorte',
    people: 'Personen',
    offset: (n: string) => `+${n}`,
    offsetTitle: (n: string) => `${n} Monate nach dem Einstieg`,
    suppressed: (n: string) => `weniger als ${n}`,
    cell: (cohort: string, month: string, share: string, active: string, employed: string) => `Kohorte ${cohort}, ${month}: ${share} (${active} von ${employed})`,
    empty: 'Im gewählten Zeitraum war niemand zum ersten Mal aktiv, also gibt es keine Kohorten. Wählen Sie einen Zeitraum, der früher beginnt.',
  },
  funnel: {
    title: 'Beteiligungstrichter',
    intro: 'Wie viele Beschäftigte mindestens diese Stufe erreicht haben: lesen, reagieren, kommentieren, selbst schreiben.',
    steps: { headcount: 'Beschäftigte', visitors: 'Besuchende', reactors: 'Reagierende', commenters: 'Kommentierende', creators: 'Verfassende' },
    ofHeadcount: 'der Beschäftigten',
    ofPrevious: (share: string) => `${share} der vorigen Stufe`,
    only: (n: string) => `davon ${n} nur bis hier`,
    axis: 'Personen',
    empty: 'Im gewählten Zeitraum war niemand beschäftigt. Wählen Sie einen anderen Zeitraum.',
  },
  lorenz: {
    title: 'Verteilung der Beiträge (Lorenzkurve)',
    intro: 'Wie gleich die Inhalte (Beiträge und Kommentare) unter den Aktiven verteilt sind. Die Diagonale hieße: alle schreiben gleich viel; je weiter die Kurve darunter liegt, desto mehr schreiben wenige.',
    axisPeople: 'Anteil der Aktiven (aufsteigend nach Inhalten)',
    axisContent: 'Anteil der Inhalte',
    curve: 'Lorenzkurve',
    equality: 'Gleichverteilung',
    gini: 'Gini-Koeffizient',
    top1: 'Oberstes 1 %',
    top10: 'Oberste 10 %',
    topPeople: (count: number, n: string) => (count === 1 ? `${n} Person` : `${n} Personen`),
    point: (people: string, content: string) => `Die unteren ${people} der Aktiven schrieben ${content} der Inhalte`,
    empty: 'Im gewählten Zeitraum hat niemand etwas geschrieben, also gibt es keine Verteilung. Wählen Sie einen längeren Zeitraum.',
  },
};

const en: typeof de = {
  periodNote: (from, to) => `Period ${from} – ${to}`,
  csvTitle: 'Download this table as a CSV file (same filters)',
  heat: {
    title: 'Adoption rate by department and month',
    intro:
      'Active users divided by headcount per department and month, in per cent; the darker, the higher. Rows ordered by the rate over the whole period. Departments below the minimum group size are folded into “(other)” – in each month on its own.',
    group: 'Department',
    rank: 'Rank',
    whole: 'Period',
    folded: 'in (other)',
    foldedTitle: (n) => `Fewer than ${n} people this month: counted in “(other)”, without figures of its own.`,
    suppressed: 'too small',
    suppressedTitle: (n) => `Fewer than ${n} people even together: no figures.`,
    none: 'nobody',
    noneTitle: 'Nobody employed or active this month.',
    otherGroups: (n) => `${n} small departments`,
    cell: (group, month, rate, active, headcount) => `${group}, ${month}: ${rate} (${active} of ${headcount})`,
    empty: 'There are no employees and no activity in the selected period. Choose another period.',
    allSmall: 'Every department is smaller than the minimum group size; they appear only together as “(other)”.',
  },
  cohorts: {
    title: 'Retention by starting month (cohorts)',
    intro: 'Rows: people by the month of their first activity. Columns: months after that (0 = starting month). Cell: share of those still employed who were active in that month.',
    cohort: 'Cohort',
    people: 'People',
    offset: (n) => `+${n}`,
    offsetTitle: (n) => `${n} months after the start`,
    suppressed: (n) => `fewer than ${n}`,
    cell: (cohort, month, share, active, employed) => `Cohort ${cohort}, ${month}: ${share} (${active} of ${employed})`,
    empty: 'Nobody was active for the first time in the selected period, so there are no cohorts. Choose a period that starts earlier.',
  },
  funnel: {
    title: 'Participation funnel',
    intro: 'How many employees reached at least this step: reading, reacting, commenting, writing themselves.',
    steps: { headcount: 'Headcount', visitors: 'Visitors', reactors: 'Reactors', commenters: 'Commenters', creators: 'Creators' },
    ofHeadcount: 'of headcount',
    ofPrevious: (share) => `${share} of the step before`,
    only: (n) => `${n} of them stopped here`,
    axis: 'People',
    empty: 'Nobody was employed in the selected period. Choose another period.',
  },
  lorenz: {
    title: 'Distribution of content (Lorenz curve)',
    intro: 'How evenly content (posts and comments) is spread among active people. The diagonal would mean everyone writes the same; the further the curve lies below it, the more a few write.',
    axisPeople: 'Share of active people (ascending by content)',
    axisContent: 'Share of content',
    curve: 'Lorenz curve',
    equality: 'Equal distribution',
    gini: 'Gini coefficient',
    top1: 'Top 1 %',
    top10: 'Top 10 %',
    topPeople: (count, n) => (count === 1 ? `${n} person` : `${n} people`),
    point: (people, content) => `The lowest ${people} of active people wrote ${content} of the content`,
    empty: 'Nobody wrote anything in the selected period, so there is no distribution. Choose a longer period.',
  },
};

/** The Adoption page's texts in the current language. */
export function useAdoptionMessages(): typeof de {
  return useI18n().lang === 'en' ? en : de;
}

export const adoptionMessages = { de, en };
