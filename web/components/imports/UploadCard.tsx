// Uploading an export on the data page (admins): a drop zone with a file picker, the upload's
// progress, "importing" while the server works, and then the import summary or what went wrong.
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { formatBytes, formatPercent } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { cancelUpload, isBusy, startUpload, useUpload, type UploadFailure } from '../../lib/upload';
import { ImportSummary } from './ImportSummary';

export function UploadCard() {
  const { t } = useI18n();
  const u = t.pages.data.upload;
  const upload = useUpload();
  const queryClient = useQueryClient();
  const inputId = useId();
  const zone = useRef<HTMLDivElement>(null);
  const [dragging, setDragging] = useState(false);
  const busy = isBusy(upload);

  const begin = (file: File | undefined) => {
    if (!file || busy) return;
    // Every page shows what the import changed: drop every cached answer (a failed run is in the history too).
    startUpload(file, () => void queryClient.invalidateQueries());
  };

  // A file dropped next to the zone would make the browser open or download it; ignore such drops.
  useEffect(() => {
    const outside = (event: globalThis.DragEvent) => {
      if (!zone.current?.contains(event.target as Node)) event.preventDefault();
    };
    window.addEventListener('dragover', outside);
    window.addEventListener('drop', outside);
    return () => {
      window.removeEventListener('dragover', outside);
      window.removeEventListener('drop', outside);
    };
  }, []);

  const onDragOver = (event: DragEvent) => {
    event.preventDefault();
    event.dataTransfer.dropEffect = busy ? 'none' : 'copy';
    if (!busy) setDragging(true);
  };
  const onDragLeave = (event: DragEvent) => {
    if (!zone.current?.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    begin(event.dataTransfer.files[0]);
  };

  return (
    <section className="card upload-card" aria-labelledby={`${inputId}-title`} data-testid="upload">
      <h2 id={`${inputId}-title`}>{u.title}</h2>
      <p className="muted small upload-format">{u.format}</p>
      <div
        ref={zone}
        className={`drop-zone${dragging ? ' is-dragging' : ''}${busy ? ' is-busy' : ''}`}
        onDragOver={onDragOver}
        onDragEnter={onDragOver}
        onDragLeave={onDragLeave}
        onDrop={onDrop}
        data-testid="drop-zone"
      >
        <svg className="drop-icon" viewBox="0 0 24 24" width="28" height="28" aria-hidden="true">
          <path d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3.5A1.5 1.5 0 0 0 5.5 20h13a1.5 1.5 0 0 0 1.5-1.5V15" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        </svg>
        <span className="drop-text">{u.drop}</span>
        <span className="muted small">{u.or}</span>
        <input
          id={inputId}
          className="sr-only file-input"
          type="file"
          accept=".zip,application/zip,application/x-zip-compressed"
          disabled={busy}
          data-testid="upload-input"
          onChange={(event) => {
            begin(event.currentTarget.files?.[0]);
            event.currentTarget.value = ''; // the same file can be chosen again
          }}
        />
        <label htmlFor={inputId} className={`button primary${busy ? ' is-disabled' : ''}`} aria-disabled={busy || undefined}>
          {u.choose}
        </label>
        <span className="muted small drop-hint">{u.hint}</span>
      </div>
      <UploadProgress />
    </section>
  );
}

/** Progress of the upload, the import's wait, and the outcome. */
function UploadProgress() {
  const { t, locale } = useI18n();
  const u = t.pages.data.upload;
  const upload = useUpload();
  const queryClient = useQueryClient();
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (upload.phase !== 'importing') return;
    // The history then shows the running import (and polls until it ends).
    void queryClient.invalidateQueries({ queryKey: ['imports'] });
    setNow(Date.now());
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, [upload.phase, queryClient]);

  if (upload.phase === 'uploading') {
    const ratio = upload.total > 0 ? Math.min(1, upload.sent / upload.total) : 0;
    return (
      <div className="upload-status" role="status" aria-live="polite" data-testid="upload-progress">
        <p>
          <strong>{u.uploading(upload.fileName)}</strong>
        </p>
        <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(ratio * 100)} aria-label={u.uploading(upload.fileName)}>
          <span style={{ width: `${ratio * 100}%` }} />
        </div>
        <p className="upload-figures">
          <span>{u.sent(formatBytes(upload.sent, locale), formatBytes(upload.total, locale))}</span>
          <strong>{formatPercent(ratio, locale, 0)}</strong>
          <span className="spacer" />
          <button type="button" className="button" onClick={() => cancelUpload()}>
            {u.cancel}
          </button>
        </p>
      </div>
    );
  }
  if (upload.phase === 'importing') {
    const seconds = Math.max(0, Math.round((now - upload.since) / 1000));
    return (
      <div className="upload-status" role="status" aria-live="polite" data-testid="upload-importing">
        <p>
          <strong>{u.importing}</strong> <span className="muted">{upload.fileName}</span>
        </p>
        <div className="progress indeterminate" aria-hidden="true">
          <span />
        </div>
        <p className="muted small">{u.importingHint(String(seconds))}</p>
      </div>
    );
  }
  if (upload.phase === 'failed') return <UploadError fileName={upload.fileName} failure={upload.failure} />;
  if (upload.phase === 'done') return <ImportSummary fileName={upload.fileName} result={upload.result} />;
  return null;
}

function UploadError({ fileName, failure }: { fileName: string; failure: UploadFailure }) {
  const { t } = useI18n();
  const u = t.pages.data.upload;
  const e = u.error;
  const explanation =
    failure.code === 'unusable_input'
      ? e.unusable
      : failure.status === 409
        ? e.running
        : failure.status === 413
          ? e.tooLarge
          : failure.status === 415
            ? e.notZip
            : failure.status === 401
              ? e.signIn
              : failure.status === 403
                ? e.notAllowed
                : failure.status === 0
                  ? e.network
                  : e.other;
  // The server names the uploaded file from its temporary folder ("/upload.zip: …"); drop the slash.
  const message = failure.code === 'not_zip' ? null : failure.message.replace(/^\/(?=[^/\s]+:)/, '');
  return (
    <div className="state state-error upload-error" role="alert" data-testid="upload-error" data-status={failure.status} data-code={failure.code}>
      <h3>
        {u.errorTitle}: <span className="muted">{fileName}</span>
      </h3>
      <p className="state-message">{explanation}</p>
      {message ? (
        <p>
          <span className="muted">{u.serverSays}: </span>
          <span data-testid="upload-error-message">{message}</span>
        </p>
      ) : null}
      {failure.file || failure.column ? (
        <dl className="facts">
          {failure.file ? (
            <>
              <dt>{u.errorFile}</dt>
              <dd>
                <code>{failure.file.replace(/^\//, '')}</code>
              </dd>
            </>
          ) : null}
          {failure.column ? (
            <>
              <dt>{u.errorColumn}</dt>
              <dd>
                <code>{failure.column}</code>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {failure.status > 0 && failure.code !== 'not_zip' ? <p className="state-detail">{`${failure.status} ${failure.code}`}</p> : null}
    </div>
  );
}
