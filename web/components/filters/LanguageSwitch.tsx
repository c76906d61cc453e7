import { langs, messages, useI18n } from '../../lib/i18n';

/** DE/EN toggle; the choice is kept in the URL and in localStorage. */
export function LanguageSwitch() {
  const { lang, t, setLang } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t.lang.label}>
      {langs.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          aria-pressed={lang === l}
          title={messages[l].lang[l]}
          data-testid={`lang-${l}`}
          onClick={() => setLang(l)}
        >
          {l.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
