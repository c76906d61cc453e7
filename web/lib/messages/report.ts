// UI strings of the Report page (the report's own text comes from the server's renderer).
const de = {
  title: 'Monatsbericht',
  intro: 'Der Bericht für die Geschäftsleitung: Nutzung, Aktivität, Abteilungen und was sich geändert hat. Derselbe Bericht wie die HTML-Datei und das PDF von „chorus report“.',
  month: 'Monat',
  language: 'Sprache des Berichts',
  print: 'Drucken',
  download: 'HTML herunterladen',
  downloadHint: 'Eine Datei mit allen Zahlen und Grafiken, die ohne Netzwerk geöffnet werden kann.',
  departmentsCsv: 'Abteilungen als CSV',
  loading: 'Der Bericht wird erstellt …',
  notFoundTitle: 'Für diesen Monat gibt es keine Daten',
  notFoundText: (first: string, last: string) => `Die Daten reichen von ${first} bis ${last}. Wählen Sie einen Monat in diesem Zeitraum.`,
  latest: 'Zum letzten vollständigen Monat',
  langNames: { de: 'Deutsch', en: 'Englisch' },
  incomplete: 'unvollständig',
};

export const reportMessages: { de: typeof de; en: typeof de } = {
  de,
  en: {
    title: 'Monthly report',
    intro: 'The report for executives: adoption, activity, departments and what changed. The same report as the HTML file and the PDF of “chorus report”.',
    month: 'Month',
    language: 'Report language',
    print: 'Print',
    download: 'Download HTML',
    downloadHint: 'One file with every figure and chart that opens without network.',
    departmentsCsv: 'Departments as CSV',
    loading: 'Preparing the report …',
    notFoundTitle: 'No data for this month',
    notFoundText: (first: string, last: string) => `The data covers ${first} to ${last}. Choose a month in that period.`,
    latest: 'Go to the latest complete month',
    langNames: { de: 'German', en: 'English' },
    incomplete: 'incomplete',
  },
};
