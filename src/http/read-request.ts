import type { Context } from 'hono';
import type { z } from 'zod';
import { HttpError } from './http-error.ts';

/** `messages[0].parts` from a zod issue path. */
function fieldOf(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/**
 * The first problem zod found, as a 400 naming the field: `message: is required`,
 * `threadId: must be 1 to 128 letters...`, `unknownField: is not a known field`.
 */
export function invalidRequest(error: z.ZodError, where: 'body' | 'query'): HttpError {
  const issue = error.issues[0]!;
  let field = fieldOf(issue.path);
  let message = issue.message;
  if (issue.code === 'unrecognized_keys') {
    field = fieldOf([...issue.path, issue.keys[0]!]);
    message = 'is not a known field';
  } else if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
    message = 'is required';
  }
  const name = field || where;
  return new HttpError('invalid_request', `${name}: ${message}`, { field: name });
}

/**
 * Reads the request body as JSON and validates it. An empty body counts as `emptyAs` when
 * given (bodies that are optional, e.g. approve), else it is a 400; so is text that is not
 * JSON, and JSON the schema refuses (naming the field). The size limit is enforced before
 * this runs (`requestBodyLimit`, 413).
 */
export async function readJsonBody<S extends z.ZodType>(c: Context, schema: S, options: { emptyAs?: unknown } = {}): Promise<z.output<S>> {
  const text = await c.req.text();
  let value: unknown;
  if (text.trim() === '') {
    if (!('emptyAs' in options)) throw new HttpError('invalid_request', 'body: a JSON object is required', { field: 'body' });
    value = options.emptyAs;
  } else {
    try {
      value = JSON.parse(text);
    } catch {
      throw new HttpError('invalid_json', 'body: is not valid JSON', { field: 'body' });
    }
  }
  return parseWith(schema, value, 'body');
}

/** Validates the query string (single values) against a schema; unknown parameters are a 400. */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parseWith(schema, c.req.query(), 'query');
}

/** Validates a value, throwing the 400 that names the field. */
export function parseWith<S extends z.ZodType>(schema: S, value: unknown, where: 'body' | 'query'): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidRequest(parsed.error, where);
  return parsed.data;
}
