// Uploading an export (POST /api/imports) with XMLHttpRequest, which reports upload progress.
// The state lives outside React, so leaving the data page neither cancels the import nor loses
// its summary: coming back shows where it stands.
import { useSyncExternalStore } from 'react';
import { client } from './api';
import type { ImportResult } from './queries';
import { requireSignIn } from './session';

export interface UploadFailure {
  /** HTTP status; 0 when the server was not reached or the connection broke. */
  status: number;
  code: string;
  message: string;
  /** For `unusable_input`: the file (and column) the problem is in. */
  file?: string | null;
  column?: string | null;
}

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fileName: string; sent: number; total: number }
  | { phase: 'importing'; fileName: string; total: number; since: number }
  | { phase: 'done'; fileName: string; result: ImportResult }
  | { phase: 'failed'; fileName: string; failure: UploadFailure };

let state: UploadState = { phase: 'idle' };
let current: XMLHttpRequest | null = null;
const listeners = new Set<() => void>();

function set(next: UploadState): void {
  state = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current upload, re-rendering on every change (progress included). */
export function useUpload(): UploadState {
  return useSyncExternalStore(subscribe, () => state, () => state);
}

/** True while a file is being sent or imported. */
export const isBusy = (s: UploadState): boolean => s.phase === 'uploading' || s.phase === 'importing';

/** Header values must be plain ASCII; the server keeps only letters, digits, '.', '_' and '-' anyway. */
export function headerFileName(name: string): string {
  const ascii = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  return ascii.replace(/[^\w.-]/g, '_').slice(0, 100) || 'upload.zip';
}

function parseFailure(xhr: XMLHttpRequest): UploadFailure {
  let code = 'http_error';
  let message = `${xhr.status} ${xhr.statusText}`.trim();
  let file: string | null = null;
  let column: string | null = null;
  try {
    const body = JSON.parse(xhr.responseText) as { error?: { code?: unknown; message?: unknown; details?: { file?: unknown; column?: unknown } } };
    if (typeof body.error?.code === 'string') code = body.error.code;
    if (typeof body.error?.message === 'string') message = body.error.message;
    if (typeof body.error?.details?.file === 'string') file = body.error.details.file;
    if (typeof body.error?.details?.column === 'string') column = body.error.details.column;
  } catch {
    // not JSON: keep the status line
  }
  return { status: xhr.status, code, message, file, column };
}

/**
 * Sends a .zip export to POST /api/imports and follows it through upload and import.
 * `onFinished` runs once the server has answered (successfully or not), to refresh the data.
 */
export function startUpload(file: File, onFinished: (ok: boolean) => void): void {
  if (isBusy(state)) return;
  const fileName = file.name;
  if (!/\.zip$/i.test(fileName)) {
    set({ phase: 'failed', fileName, failure: { status: 415, code: 'not_zip', message: fileName } });
    return;
  }
  const xhr = new XMLHttpRequest();
  current = xhr;
  set({ phase: 'uploading', fileName, sent: 0, total: file.size });
  xhr.open('POST', client.api.imports.$path());
  xhr.setRequestHeader('Content-Type', 'application/zip');
  xhr.setRequestHeader('x-file-name', headerFileName(fileName));
  xhr.upload.onprogress = (event) => {
    if (state.phase === 'uploading') set({ phase: 'uploading', fileName, sent: event.loaded, total: event.lengthComputable ? event.total : file.size });
  };
  xhr.upload.onload = () => {
    if (state.phase === 'uploading') set({ phase: 'importing', fileName, total: file.size, since: Date.now() });
  };
  xhr.onload = () => {
    current = null;
    if (xhr.status === 201) {
      try {
        set({ phase: 'done', fileName, result: JSON.parse(xhr.responseText) as ImportResult });
        onFinished(true);
        return;
      } catch {
        set({ phase: 'failed', fileName, failure: { status: xhr.status, code: 'bad_answer', message: xhr.responseText.slice(0, 300) } });
        onFinished(false);
        return;
      }
    }
    const failure = parseFailure(xhr);
    if (failure.status === 401) requireSignIn();
    set({ phase: 'failed', fileName, failure });
    onFinished(false);
  };
  xhr.onerror = () => {
    current = null;
    set({ phase: 'failed', fileName, failure: { status: 0, code: 'network', message: '' } });
    onFinished(false);
  };
  xhr.onabort = () => {
    current = null;
    set({ phase: 'idle' });
  };
  xhr.send(file);
}

/** Stops an upload that is still sending (an import the server has started runs to its end). */
export function cancelUpload(): void {
  if (state.phase === 'uploading') current?.abort();
}
