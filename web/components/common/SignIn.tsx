// The sign-in page of tokens mode: one token field. The server keeps the token in an HttpOnly
// cookie; afterwards every cached answer is dropped so the pages load again as the new user.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ApiRequestError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { signedIn, signIn } from '../../lib/session';
import { PageHeader } from './PageHeader';

export function SignInPage() {
  const { t } = useI18n();
  const s = t.session;
  const queryClient = useQueryClient();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    input.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = token.trim();
    if (!value) {
      setError(s.emptyToken);
      return;
    }
    setBusy(true);
    setError(null);
    await queryClient.cancelQueries();
    try {
      await signIn(value);
      queryClient.clear();
      signedIn();
    } catch (failure) {
      setBusy(false);
      if (failure instanceof ApiRequestError && failure.status === 401) setError(s.invalid);
      else if (failure instanceof ApiRequestError && failure.code === 'network') setError(t.state.networkError);
      else setError(failure instanceof Error ? failure.message : String(failure));
      input.current?.select();
    }
  };

  return (
    <div className="sign-in" data-testid="sign-in">
      <PageHeader title={s.signInTitle} />
      <form className="card sign-in-card" onSubmit={submit} noValidate>
        <p>{s.signInIntro}</p>
        <label htmlFor={id} className="field-label">
          {s.token}
        </label>
        <div className="sign-in-row">
          <input
            ref={input}
            id={id}
            type="password"
            autoComplete="current-password"
            spellCheck={false}
            value={token}
            onChange={(e) => setToken(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? `${id}-error` : `${id}-hint`}
            className="text-input"
            data-testid="sign-in-token"
          />
          <button type="submit" className="button primary" disabled={busy} data-testid="sign-in-submit">
            {busy ? s.submitting : s.submit}
          </button>
        </div>
        {error ? (
          <p id={`${id}-error`} className="field-error" role="alert" data-testid="sign-in-error">
            {error}
          </p>
        ) : null}
        <p id={`${id}-hint`} className="muted small">
          {s.cookie}
        </p>
        <p className="muted small">{t.access.audited}</p>
      </form>
    </div>
  );
}
