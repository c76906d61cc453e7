// Shared request schemas: every query parameter is parsed with zod before a handler runs.
import { validator } from 'hono/validator';
import { z } from 'zod';
import { badRequest } from './errors';

export const isoDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date as YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, 'not a calendar date');

export const groupName = z.string().trim().min(1, 'must not be empty').max(200, 'at most 200 characters');

export const formatParam = z.enum(['json', 'csv']).default('json');

/** Validates the query string with `schema`; a failure is a 400 naming the parameter. */
export function queryOf<S extends z.ZodType>(schema: S) {
  return validator('query', (value) => {
    const result = schema.safeParse(value);
    if (!result.success) throw badRequest(result.error, 'query');
    return result.data as z.infer<S>;
  });
}
