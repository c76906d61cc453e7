// Explanations of influence ranks in words, German and English, shared by API, CSV and report.
import type { ExplanationItem, InfluenceComponent, Role } from './graph/influence';

export type Language = 'de' | 'en';

const top = (percentile: number, lang: Language) => {
  const share = Math.max(1, Math.round((1 - percentile) * 100));
  return lang === 'de' ? `Top ${share} %` : `top ${share}%`;
};

const number = (value: number, lang: Language, digits = 0) =>
  new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB', { maximumFractionDigits: digits }).format(value);

const phrases: Record<InfluenceComponent, Record<Language, (v: string) => string>> = {
  responders: { de: (v) => `${v} verschiedene Personen antworteten, reagierten oder teilten`, en: (v) => `${v} different people replied, reacted or shared` },
  crossDepartmentReach: { de: (v) => `erreicht ${v} andere Abteilungen`, en: (v) => `reaches ${v} other departments` },
  reach: { de: (v) => `erreicht ${v} Kolleginnen und Kollegen`, en: (v) => `reaches ${v} colleagues` },
  pagerank: { de: () => `wird von selbst einflussreichen Personen beachtet (PageRank)`, en: () => `is heeded by people who are influential themselves (PageRank)` },
  betweenness: { de: () => `verbindet Gruppen, die sonst kaum miteinander sprechen`, en: () => `connects groups that otherwise rarely talk to each other` },
  authority: { de: () => `wird von aktiven Vernetzern gezielt angesprochen`, en: () => `is sought out by active connectors` },
  inStrength: { de: (v) => `erhält viel Resonanz (Gewicht ${v})`, en: (v) => `draws a lot of response (weight ${v})` },
};

/** One sentence per explanation item, e.g. "reaches 7 other departments (top 2%)". */
export function explainInfluence(items: readonly ExplanationItem[], lang: Language): string[] {
  return items.map((item) => {
    const value = number(item.value, lang);
    return `${phrases[item.component][lang](value)} (${top(item.percentile, lang)})`;
  });
}

export const roleLabels: Record<Role, Record<Language, string>> = {
  amplifier: { de: 'Verstärker', en: 'Amplifier' },
  broker: { de: 'Brückenbauer', en: 'Broker' },
  expert: { de: 'Expertin/Experte', en: 'Expert' },
  communityBuilder: { de: 'Community-Builder', en: 'Community builder' },
  risingVoice: { de: 'Aufsteigende Stimme', en: 'Rising voice' },
};
