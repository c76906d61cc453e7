// Importer of an HR people file (CSV, also as German Excel writes it: ";", Windows-1252,
// dd.mm.yyyy dates) with department, location, job title, manager and employment dates,
// merged onto the accounts the platforms already loaded.
//
// Matching, per roster row:
// 1. by e-mail, through the identities table (case-insensitive). One e-mail may match one
//    account per platform (viva:…, m365:…): each of them gets the HR attributes.
// 2. else by id: the roster id as a person_id (with `idPrefix` when given, e.g. "viva:"), or a
//    roster person added earlier ("hr:<id>"). With pseudonymisation the e-mail may be absent
//    (identities not stored): the id is pseudonymised with the same secret and matched.
// 3. no match: the person has never been seen on a platform and is added as "hr:<id>" (or
//    "hr:<e-mail>"); they count in headcount.
// Matched accounts keep their platform ids: the people merge updates them in place (a
// placeholder becomes a real account). The roster's own columns win, also when a cell is
// empty (an empty "Austritt" means still employed); columns the roster lacks keep what is
// stored. Manager cells (an e-mail or id of another roster row or account) become the
// manager's person id. Rows that name neither e-mail nor id, conflict (e-mail and id point at
// different accounts) or claim an account another row already matched are rejected with the
// reason; managers that cannot be resolved are left empty and listed in a warning.
import { basename } from 'node:path';
import type { Database } from '../db';
import { queryRows } from '../db';
import { ImportInputError } from './archive';
import type { ImportOptions } from './canonical';
import {
  cell,
  describeLines,
  fillStoredAttributes,
  findColumns,
  idTable,
  keptColumns,
  rejectRow,
  runImport,
  usableRecord,
  type ImportContext,
  type StagedRow,
} from './import-kit';
import type { ImportSummary } from './load';
import { normaliseName, openCsv, parseDateTime, type CsvRecord } from './tabular';

export type HrField = 'id' | 'email' | 'name' | 'firstName' | 'lastName' | 'department' | 'location' | 'jobTitle' | 'manager' | 'employedFrom' | 'employedTo';

export interface HrRosterOptions extends ImportOptions {
  /** Header names by field, where the roster's names are not among the ones recognised. */
  columns?: Partial<Record<HrField, string>>;
  /** Prefix that turns a roster id into a platform person id (e.g. "viva:"). */
  idPrefix?: string;
  /** Date pattern of the employment dates (e.g. "dd.mm.yyyy"); ISO and German are read without. */
  dateFormat?: string;
  encoding?: string;
  delimiter?: string;
}

export interface HrRosterSummary extends ImportSummary {
  roster: { matchedByEmail: number; matchedById: number; added: number; accountsUpdated: number };
}

const aliases: Record<HrField, string[]> = {
  id: ['id', 'person_id', 'employee_id', 'employee_number', 'personnel_number', 'personalnummer', 'pers_nr', 'personal_nr', 'mitarbeiter_id', 'mitarbeiternummer', 'user_id', 'account_id', 'platform_id'],
  email: ['email', 'e-mail', 'mail', 'e-mail-adresse', 'email_address', 'emailadresse', 'upn', 'user principal name', 'dienstliche e-mail'],
  name: ['name', 'display_name', 'full_name', 'anzeigename', 'vollständiger name', 'mitarbeitername'],
  firstName: ['first_name', 'firstname', 'given_name', 'vorname'],
  lastName: ['last_name', 'lastname', 'surname', 'family_name', 'nachname', 'familienname'],
  department: ['department', 'abteilung', 'bereich', 'org_unit', 'organisationseinheit', 'team'],
  location: ['location', 'standort', 'arbeitsort', 'ort', 'office', 'niederlassung', 'site'],
  jobTitle: ['job_title', 'title', 'position', 'jobtitel', 'stelle', 'stellenbezeichnung', 'funktion', 'berufsbezeichnung'],
  manager: ['manager', 'manager_id', 'manager_email', 'line_manager', 'supervisor', 'vorgesetzter', 'vorgesetzte', 'vorgesetzte(r)', 'führungskraft', 'vorgesetzter_email'],
  employedFrom: ['employed_from', 'start_date', 'hire_date', 'entry_date', 'eintritt', 'eintrittsdatum', 'startdatum', 'beginn'],
  employedTo: ['employed_to', 'end_date', 'leaving_date', 'exit_date', 'termination_date', 'austritt', 'austrittsdatum', 'enddatum', 'ende'],
};

const canonicalOf: Partial<Record<HrField, string>> = {
  department: 'department',
  location: 'location',
  jobTitle: 'job_title',
  manager: 'manager_id',
  employedFrom: 'employed_from',
  employedTo: 'employed_to',
};

interface RosterRow {
  record: CsvRecord;
  id: string | null;
  email: string | null; // lower-cased
  name: string | null;
  values: Record<string, string | null>; // canonical attribute columns the roster has
  managerRef: string | null;
  accounts: string[];
  matched: 'email' | 'id' | null;
}

/**
 * Imports an HR roster (a CSV file, or a folder or .zip with one) and merges it onto stored
 * accounts in one transaction. Returns the summary plus how rows were matched. Throws
 * ImportInputError (failed run recorded, nothing else written) for a missing or empty file,
 * no e-mail and no id column, or a column named in `columns` that the header lacks.
 */
export async function loadHrRoster(db: Database, path: string, options: HrRosterOptions = {}): Promise<HrRosterSummary> {
  const roster = { matchedByEmail: 0, matchedById: 0, added: 0, accountsUpdated: 0 };
  const summary = await runImport(db, 'hr-roster', path, options, async (context) => {
    const csvFiles = context.files.filter((f) => /\.(csv|txt|tsv)$/i.test(f));
    if (csvFiles.length === 0) throw new ImportInputError(`${path}: no CSV file found (expected the HR roster)`, path);
    if (csvFiles.length > 1) throw new ImportInputError(`${path}: several CSV files (${csvFiles.map(context.label).join(', ')}); import one roster at a time`, context.label(csvFiles[1]));
    await importRoster(context, csvFiles[0], options, roster);
  });
  roster.accountsUpdated = summary.loaded.people - roster.added;
  return { ...summary, roster };
}

/**
 * True when a CSV looks like an HR roster: an e-mail or id column plus a manager or
 * employment-date column (or department, in a file named like a roster), and not a
 * canonical people.csv next to activity files.
 */
export function looksLikeHrRoster(files: string[]): boolean {
  const names = files.map((f) => basename(f).toLowerCase());
  const canonical = names.some((n) => /^(content|events|interactions)\.(csv|jsonl)$/.test(n));
  return files.some((f) => {
    const name = basename(f).toLowerCase();
    if (!/\.(csv|txt)$/.test(name) || (canonical && name.startsWith('people.'))) return false;
    try {
      const found = findColumns(openCsv(f, basename(f)).header, aliases);
      if (found.email === undefined && found.id === undefined) return false;
      if (found.manager !== undefined || found.employedFrom !== undefined || found.employedTo !== undefined) return true;
      return found.department !== undefined && /(hr|roster|personal|mitarbeiter|employee|belegschaft|stammdaten|staff)/.test(name);
    } catch {
      return false;
    }
  });
}

async function importRoster(context: ImportContext, path: string, options: HrRosterOptions, counts: HrRosterSummary['roster']): Promise<void> {
  const { session, personId } = context;
  const file = context.label(path);
  const csv = openCsv(path, file, { encoding: options.encoding, delimiter: options.delimiter });
  const col = resolveColumns(csv.header, options.columns, file);
  if (col.email === undefined && col.id === undefined) {
    throw new ImportInputError(`${file}: required column "email" (or an id column) is missing (found: ${csv.header.join(', ')})`, file, 'email');
  }
  const present = (Object.keys(canonicalOf) as HrField[]).filter((f) => col[f] !== undefined).map((f) => canonicalOf[f]!);

  // 1. Read and check the rows.
  const rows: RosterRow[] = [];
  const byEmail = new Map<string, RosterRow>();
  const byId = new Map<string, RosterRow>();
  for (const record of csv.records) {
    if (!usableRecord(session, record, csv.header.length, file)) continue;
    const id = cell(record, col.id);
    const email = cell(record, col.email)?.toLowerCase() ?? null;
    const reject = (field: HrField | null, reason: string) => rejectRow(session, record, file, field ? csv.header[col[field]!] : null, field ? cell(record, col[field]) : null, reason);
    if (!id && !email) {
      reject(col.email !== undefined ? 'email' : 'id', 'the row names neither an e-mail nor an id, so it cannot be matched');
      continue;
    }
    if (email && !/^[^@\s]+@[^@\s]+$/.test(email)) {
      reject('email', 'not an e-mail address');
      continue;
    }
    if (email && byEmail.has(email)) {
      reject('email', `ambiguous: line ${byEmail.get(email)!.record.line} has the same e-mail`);
      continue;
    }
    if (id && byId.has(id)) {
      reject('id', `ambiguous: line ${byId.get(id)!.record.line} has the same id`);
      continue;
    }
    const values: Record<string, string | null> = {};
    let bad = false;
    for (const field of ['employedFrom', 'employedTo'] as const) {
      if (col[field] === undefined) continue;
      const raw = cell(record, col[field]);
      const date = raw ? dateOf(raw, options.dateFormat) : null;
      if (raw && !date) {
        reject(field, `unparsable date (expected ${options.dateFormat ?? 'DD.MM.YYYY or YYYY-MM-DD'})`);
        bad = true;
        break;
      }
      values[canonicalOf[field]!] = date;
    }
    if (bad) continue;
    if (values.employed_from && values.employed_to && values.employed_to < values.employed_from) {
      reject('employedTo', 'the leaving date is before the entry date');
      continue;
    }
    for (const field of ['department', 'location', 'jobTitle'] as const) if (col[field] !== undefined) values[canonicalOf[field]!] = cell(record, col[field]);
    const first = cell(record, col.firstName);
    const last = cell(record, col.lastName);
    const name = cell(record, col.name) ?? ([first, last].filter(Boolean).join(' ') || null);
    const row: RosterRow = { record, id, email, name, values, managerRef: cell(record, col.manager), accounts: [], matched: null };
    rows.push(row);
    if (email) byEmail.set(email, row);
    if (id) byId.set(id, row);
  }

  // 2. Match against stored accounts (identities by e-mail, people by id).
  const emailAccounts = await accountsByEmail(context, rows.map((r) => r.email).filter((e): e is string => !!e));
  const candidates = (id: string) => [...new Set([options.idPrefix ? personId(options.idPrefix + id) : personId(id), personId(id), personId(`hr:${id}`)])];
  const existing = await existingPeople(context, rows.flatMap((r) => (r.id ? candidates(r.id) : [])));
  const claimed = new Map<string, RosterRow>();
  const multi: number[] = [];
  const good: RosterRow[] = [];
  for (const row of rows) {
    const byMail = row.email ? (emailAccounts.get(row.email) ?? []) : [];
    const byIdMatch = row.id ? (candidates(row.id).find((c) => existing.has(c)) ?? null) : null;
    const reject = (field: HrField, reason: string) => rejectRow(session, row.record, file, csv.header[col[field]!], cell(row.record, col[field]), reason);
    if (byMail.length > 0 && byIdMatch && !byMail.includes(byIdMatch)) {
      reject('id', `conflict: the e-mail matches account ${byMail.join(', ')} but the id matches account ${byIdMatch}`);
      continue;
    }
    if (byMail.length > 0) {
      row.accounts = byMail;
      row.matched = 'email';
    } else if (byIdMatch) {
      row.accounts = [byIdMatch];
      row.matched = 'id';
    } else row.accounts = [personId(`hr:${row.id ?? row.email}`)];
    const taken = row.accounts.find((a) => claimed.has(a));
    if (taken) {
      reject(row.matched === 'id' ? 'id' : 'email', `ambiguous: account ${taken} is already matched by line ${claimed.get(taken)!.record.line}`);
      continue;
    }
    for (const a of row.accounts) claimed.set(a, row);
    if (row.accounts.length > 1) multi.push(row.record.line);
    if (row.matched === 'email') counts.matchedByEmail++;
    else if (row.matched === 'id') counts.matchedById++;
    else counts.added++;
    good.push(row);
  }

  // 3. Managers: another roster row (by e-mail or id), else a stored account.
  const managerEmails = good.map((r) => r.managerRef).filter((m): m is string => !!m && m.includes('@') && !byEmail.has(m.toLowerCase()));
  const storedManagers = await accountsByEmail(context, managerEmails.map((m) => m.toLowerCase()));
  const managerIds = await existingPeople(context, good.flatMap((r) => (r.managerRef && !r.managerRef.includes('@') ? candidates(r.managerRef) : [])));
  const unresolved: number[] = [];
  const resolveManager = (row: RosterRow): string[] | null => {
    const ref = row.managerRef;
    if (!ref) return null;
    const viaRoster = ref.includes('@') ? byEmail.get(ref.toLowerCase()) : byId.get(ref);
    const accounts = viaRoster && good.includes(viaRoster) ? viaRoster.accounts : ref.includes('@') ? (storedManagers.get(ref.toLowerCase()) ?? []) : candidates(ref).filter((c) => managerIds.has(c)).slice(0, 1);
    if (accounts.length === 0) {
      unresolved.push(row.record.line);
      return null;
    }
    return accounts;
  };

  const people: StagedRow[] = [];
  for (const row of good) {
    const managerAccounts = resolveManager(row);
    for (const account of row.accounts) {
      const values: Record<string, string | null> = { person_id: account, display_name: row.name, email: row.email, ...row.values };
      if (col.manager !== undefined) values.manager_id = managerAccounts ? pickSameSource(account, managerAccounts) : null;
      people.push({ file, line: row.record.line, values });
    }
  }
  await fillStoredAttributes(context.connection, people, keptColumns.filter((c) => !present.includes(c)));
  for (const p of people) if (p.values.person_id === p.values.manager_id) p.values.manager_id = null;

  const total = counts.matchedByEmail + counts.matchedById;
  session.warnings.push(
    `${total} roster row${total === 1 ? '' : 's'} matched platform accounts (${counts.matchedByEmail} by e-mail, ${counts.matchedById} by id); ${counts.added} added as people not seen on any platform`,
  );
  if (multi.length > 0) session.warnings.push(`${describeLines(multi)}: the e-mail belongs to accounts on several platforms; each got the HR attributes`);
  if (unresolved.length > 0) session.warnings.push(`${describeLines(unresolved)}: the manager is neither in the roster nor a known account; manager left empty`);
  if (col.email === undefined) session.warnings.push('The roster has no e-mail column: rows were matched by id only');
  await session.stageRows('people', people);
}

function resolveColumns(header: string[], given: Partial<Record<HrField, string>> | undefined, file: string): Partial<Record<HrField, number>> {
  const found = findColumns(header, aliases);
  if (!given) return found;
  const normalised = header.map(normaliseName);
  for (const [field, name] of Object.entries(given) as [HrField, string][]) {
    const index = normalised.indexOf(normaliseName(name));
    if (index < 0) throw new ImportInputError(`${file}: column "${name}" named for ${field} is not in the header (found: ${header.join(', ')})`, file, name);
    found[field] = index;
  }
  return found;
}

/** Stored accounts by lower-cased e-mail (identities table). */
async function accountsByEmail(context: ImportContext, emails: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (emails.length === 0) return out;
  const table = await idTable(context.connection, new Set(emails));
  const rows = await queryRows<{ id: string; email: string }>(
    context.connection,
    `SELECT i.person_id AS id, lower(trim(i.email)) AS email FROM identities i JOIN ${table} t ON t.id = lower(trim(i.email))
     JOIN people p ON p.person_id = i.person_id ORDER BY i.person_id`,
  );
  for (const r of rows) out.set(r.email, [...(out.get(r.email) ?? []), r.id]);
  return out;
}

async function existingPeople(context: ImportContext, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const table = await idTable(context.connection, new Set(ids));
  const rows = await queryRows<{ id: string }>(context.connection, `SELECT p.person_id AS id FROM people p JOIN ${table} t ON t.id = p.person_id`);
  return new Set(rows.map((r) => r.id));
}

/** Of a manager's accounts, the one on the same platform as the employee's account. */
function pickSameSource(account: string, managers: string[]): string {
  const source = account.includes(':') ? account.slice(0, account.indexOf(':')) : null;
  return managers.find((m) => source && m.startsWith(`${source}:`)) ?? managers[0];
}

/** A date as YYYY-MM-DD from ISO, German, `format`, or an Excel serial number (days since 1899-12-30). */
function dateOf(text: string, format?: string): string | null {
  if (/^\d{5}$/.test(text)) {
    const serial = Number(text);
    if (serial > 20000 && serial < 80000) return new Date(Date.UTC(1899, 11, 30) + serial * 86400000).toISOString().slice(0, 10);
  }
  const parsed = parseDateTime(text, format);
  return parsed ? parsed.value.slice(0, 10) : null;
}
