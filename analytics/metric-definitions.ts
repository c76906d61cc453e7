// Short definitions of every adoption, participation, engagement and content KPI, in German and
// English, for tooltips and the printed report. Data only (no imports, no code), so the web app
// can import it without pulling in anything of analytics/. The full definitions and the choices
// behind them: docs/metrics.md. Keys are the field names of the API answers where one exists.

export interface MetricDefinition {
  key: string;
  de: string;
  en: string;
}

export const metricDefinitions = [
  // Adoption
  {
    key: 'headcount',
    de: 'Beschäftigte (Personenkonten), die an mindestens einem Tag des Zeitraums angestellt waren; ohne Beschäftigungsdaten zählt jede Person. Offizielle Konten und Bots zählen nie.',
    en: 'People (person accounts) employed on at least one day of the period; people without employment dates always count. Official and bot accounts never count.',
  },
  {
    key: 'activeUsers',
    de: 'Personen mit mindestens einer Aktivität im Zeitraum: Beitrag, Kommentar, Ansicht, Reaktion, Teilen, Erwähnung, Lob oder Anmeldung. Beitritte zählen nicht, offizielle Konten und Bots nie.',
    en: 'People with at least one activity in the period: post, comment, view, reaction, share, mention, praise or login. Joins do not count; official and bot accounts never do.',
  },
  { key: 'adoptionRate', de: 'Aktive Nutzende geteilt durch Beschäftigte im selben Zeitraum.', en: 'Active users divided by headcount in the same period.' },
  {
    key: 'activation',
    de: 'Anteil der Beschäftigten des Zeitraums, die bis zu seinem Ende jemals aktiv waren (auch vor dem Zeitraum).',
    en: 'Share of the period’s headcount who were ever active up to its end (also before the period).',
  },
  { key: 'dau', de: 'Mittlere Zahl täglich aktiver Personen über die Tage des Zeitraums.', en: 'Mean number of people active per day over the days of the period.' },
  {
    key: 'wau',
    de: 'Mittlere Zahl wöchentlich aktiver Personen (ISO-Wochen ab Montag), über die Tage des Zeitraums gemittelt; Wochen am Rand zählen nur mit ihren Tagen im Zeitraum.',
    en: 'Mean number of people active per ISO week (from Monday), averaged over the days of the period; weeks at the edges count only their days inside it.',
  },
  {
    key: 'mau',
    de: 'Mittlere Zahl monatlich aktiver Personen (Kalendermonate), über die Tage des Zeitraums gemittelt; für einen ganzen Monat gleich den aktiven Nutzenden.',
    en: 'Mean number of people active per calendar month, averaged over the days of the period; for a whole month equal to active users.',
  },
  {
    key: 'stickiness',
    de: 'Mittlere täglich Aktive über die Tage des Zeitraums geteilt durch die Aktiven des Zeitraums (eines Monats: MAU): wie oft Aktive wiederkommen. 100 % hieße: alle Aktiven jeden Tag aktiv.',
    en: 'Mean daily active people over the days of the period divided by the period’s active people (of a month: MAU): how often active people return. 100 % would mean every active person every day.',
  },
  { key: 'contributors', de: 'Personen, die im Zeitraum einen Beitrag oder Kommentar verfasst haben.', en: 'People who wrote a post or comment in the period.' },
  { key: 'creators', de: 'Personen, die im Zeitraum einen Beitrag (keinen Kommentar) verfasst haben.', en: 'People who wrote a post (not a comment) in the period.' },
  {
    key: 'spaceHeadcount',
    de: 'Bekanntes Publikum eines Bereichs: Beschäftigte, die dort bis zum Ende des Zeitraums irgendetwas getan haben (auch nur beigetreten oder gelesen).',
    en: 'Known audience of a space: employed people who did anything in it up to the end of the period (joining or reading included).',
  },
  {
    key: 'suppressed',
    de: 'Gruppen mit weniger Personen als die Mindestgruppengröße (Standard 5) werden nie mit Zahlen gezeigt, sondern unter „(andere)“ zusammengefasst; ist auch diese Gruppe zu klein, bleibt sie leer.',
    en: 'Groups with fewer people than the minimum group size (default 5) are never shown with figures but folded into “(other)”; when that is too small as well, it stays empty.',
  },
  {
    key: 'cohortRetention',
    de: 'Personen nach dem Monat ihrer ersten Aktivität; je späterem Monat der Anteil der noch Beschäftigten, die aktiv waren.',
    en: 'People by the month of their first activity; for each later month the share of those still employed who were active.',
  },
  // Participation
  { key: 'visitors', de: 'Personen mit irgendeiner Aktivität (eine Ansicht oder Anmeldung genügt).', en: 'People with any activity (a view or login is enough).' },
  { key: 'reactors', de: 'Personen, die reagiert, geteilt, kommentiert oder gepostet haben (mindestens diese Stufe).', en: 'People who reacted, shared, commented or posted (at least this level).' },
  { key: 'commenters', de: 'Personen, die kommentiert oder gepostet haben (mindestens diese Stufe).', en: 'People who commented or posted (at least this level).' },
  { key: 'funnelCreators', de: 'Personen, die einen Beitrag verfasst haben.', en: 'People who wrote a post.' },
  {
    key: 'gini',
    de: 'Gini-Koeffizient der verfassten Inhalte (Beiträge und Kommentare) je aktiver Person: 0 = alle gleich viel, nahe 1 = wenige schreiben fast alles.',
    en: 'Gini coefficient of content written (posts and comments) per active person: 0 = everyone the same, near 1 = a few write almost everything.',
  },
  { key: 'top1PercentShare', de: 'Anteil aller Inhalte, den das oberste 1 % der Schreibenden verfasst hat (mindestens eine Person).', en: 'Share of all content written by the top 1 % of contributors (at least one person).' },
  { key: 'top10PercentShare', de: 'Anteil aller Inhalte, den die obersten 10 % der Schreibenden verfasst haben (mindestens eine Person).', en: 'Share of all content written by the top 10 % of contributors (at least one person).' },
  { key: 'lorenz', de: 'Lorenzkurve: Anteil der Inhalte, den die schreibschwächsten x % der Aktiven verfasst haben.', en: 'Lorenz curve: share of content written by the x % least active writers among active people.' },
  // Engagement and content
  { key: 'posts', de: 'Beiträge (ohne Kommentare), die im Zeitraum erstellt wurden, mit allem, was sie je erhalten haben; Beiträge von Bots zählen nicht.', en: 'Posts (not comments) created in the period, with everything they ever received; bots’ posts do not count.' },
  { key: 'views', de: 'Ansichten eines Inhalts durch andere Konten als den Autor (Bots ausgenommen).', en: 'Views of an item by accounts other than its author (bots excluded).' },
  { key: 'viewers', de: 'Verschiedene Personen, die einen Inhalt angesehen haben (ohne Autor und Bots); über mehrere Beiträge summiert.', en: 'Distinct people who viewed an item (author and bots excluded); summed over several posts.' },
  { key: 'reactions', de: 'Reaktionen auf einen Inhalt durch andere Konten als den Autor.', en: 'Reactions to an item by accounts other than its author.' },
  { key: 'comments', de: 'Kommentare unter einem Inhalt, direkt und verschachtelt, von anderen Konten als dem Autor (Bots ausgenommen).', en: 'Comments below an item, direct and nested, by accounts other than its author (bots excluded).' },
  { key: 'shares', de: 'Weitergaben eines Inhalts durch andere Konten als den Autor.', en: 'Shares of an item by accounts other than its author.' },
  { key: 'engagement', de: 'Reaktionen + Kommentare (direkt und verschachtelt) + Weitergaben, über die gesamte Lebensdauer des Beitrags.', en: 'Reactions + comments (direct and nested) + shares, over the item’s whole lifetime.' },
  {
    key: 'engagementRate',
    de: 'Engagement geteilt durch verschiedene Betrachtende, nur über Beiträge mit Ansichten; ohne Ansichten leer.',
    en: 'Engagement divided by distinct viewers, over posts with views only; empty without views.',
  },
  { key: 'engagementPerPost', de: 'Engagement geteilt durch die Zahl der Beiträge.', en: 'Engagement divided by the number of posts.' },
  { key: 'formatShare', de: 'Anteil der Beiträge eines Formats an allen Beiträgen des Zeitraums.', en: 'Share of a format’s posts in all posts of the period.' },
  {
    key: 'questionEffect',
    de: 'Kommentare je Beitrag bei Fragen geteilt durch Kommentare je Beitrag bei anderen Beiträgen; über 1 heißt: Fragen lösen mehr Dialog aus.',
    en: 'Comments per post of questions divided by comments per post of other posts; above 1 means questions draw more dialogue.',
  },
  { key: 'answerRate', de: 'Anteil der Beiträge mit mindestens einem Kommentar einer anderen Person.', en: 'Share of posts with at least one comment by someone else.' },
  {
    key: 'medianHoursToFirstResponse',
    de: 'Median der Stunden bis zum ersten Kommentar einer anderen Person; Antworten mit Zeitstempel vor dem Beitrag (fehlerhafte Daten) zählen hier nicht.',
    en: 'Median hours until the first comment by someone else; replies dated before the post (bad data) do not count here.',
  },
  { key: 'misdatedReplies', de: 'Antworten mit einem Zeitstempel vor ihrem Beitrag: fehlerhafte Daten, gezählt, aber nicht für die Antwortzeit.', en: 'Replies dated before their post: bad data, counted, but not for the response time.' },
  { key: 'unansweredQuestions', de: 'Fragen ohne Kommentar einer anderen Person (Bot-Antworten zählen nicht), älteste zuerst.', en: 'Questions without a comment by someone else (bot replies do not count), oldest first.' },
  {
    key: 'employeeShare',
    de: 'Anteil des Engagements auf Beiträgen von Beschäftigten am Engagement auf Beiträgen von Beschäftigten und offiziellen Konten.',
    en: 'Share of engagement on employees’ posts in the engagement on employees’ and official accounts’ posts.',
  },
  { key: 'syndicated', de: 'Beiträge mit externer Adresse (z. B. ein LinkedIn-Beitrag) und ihr internes Engagement.', en: 'Posts with an external address (e.g. a LinkedIn post) and their internal engagement.' },
  {
    key: 'spaceActiveUsers',
    de: 'Reichweite eines Bereichs: Personen, die dort in den (ganzen) Monaten des Zeitraums etwas gelesen, reagiert, geteilt, kommentiert oder gepostet haben.',
    en: 'Reach of a space: people who read, reacted, shared, commented or posted in it in the (whole) months of the period.',
  },
  {
    key: 'change',
    de: 'Veränderung zum vorigen gleich langen Zeitraum (ganze Monate: die Monate davor); bei Quoten in Prozentpunkten.',
    en: 'Change against the previous period of equal length (whole months: the months before); for rates in percentage points.',
  },
] as const satisfies readonly MetricDefinition[];

export type MetricKey = (typeof metricDefinitions)[number]['key'];
