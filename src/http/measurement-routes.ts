import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppContext } from '../app/app-context.ts';
import { proposeMeasurementsFromCsv } from '../app/import-measurements.ts';
import { proposalViewSchema } from '../app/proposal-view.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';
import { readQuery } from './read-request.ts';

/** The query of `POST /api/business-cases/:id/measurements`. */
export const measurementImportQuerySchema = z.strictObject({
  source: z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe('Where the file came from (its name): recorded as the source of every measurement whose row names none'),
});

/** What `POST /api/business-cases/:id/measurements` answers: the proposal view, and how the file was read. */
export const measurementImportReplySchema = proposalViewSchema.extend({
  existing: z.boolean().describe('True when the same file was already pending on this case (200): that proposal is returned, no twin is stored'),
  measurements: z.number().int().describe('How many measurements the file holds (one recordMeasurement operation each)'),
  layout: z.enum(['long', 'wide']).describe('long: one measurement a row (month, input, value); wide: a month a row and a metric a column'),
});

/** One bad row of a refused file, as the 422 lists it (`error.rows`). */
export const badRowSchema = z.object({
  line: z.number().int().describe('The line of the file (1 is the first); 0 for the file as a whole'),
  column: z.string().optional().describe('The heading of the column at fault, when one cell is'),
  reason: z.string().describe('Why the row cannot be read'),
  candidates: z.array(z.string()).optional().describe('What an ambiguous or unknown name could mean'),
});

/**
 * `POST /api/business-cases/:id/measurements` with a `text/csv` body (issue 13): the file's
 * measurements proposed as ONE pending proposal (201; the same file already pending: 200 with
 * `existing: true`). Nothing changes until it is approved. A file
 * with any bad row proposes nothing: 422 `invalid_document` whose `error.rows` lists every bad
 * row (line, column, reason, candidates). Another content type is a 400 naming the body.
 */
export function registerMeasurementRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  app.post('/api/business-cases/:id/measurements', async (c) => {
    const query = readQuery(c, measurementImportQuerySchema);
    const type = (c.req.header('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
    if (type !== 'text/csv') {
      throw new HttpError('invalid_request', `body: send the CSV file itself with Content-Type: text/csv (got ${type || 'no content type'})`, {
        field: 'body',
      });
    }
    const csv = new Uint8Array(await c.req.arrayBuffer());
    const caller = c.get('caller');
    const result = proposeMeasurementsFromCsv(ctx, {
      workspaceId: caller.workspaceId,
      caseId: c.req.param('id'),
      csv,
      actor: caller.name,
      channel: 'http',
      ...(query.source !== undefined ? { source: query.source } : {}),
    });
    if (!result.ok) {
      if ('rows' in result.error) return c.json({ error: { code: result.error.code, message: result.error.message, rows: result.error.rows } }, 422);
      throw HttpError.from(result.error);
    }
    return c.json(result.value, result.value.existing ? 200 : 201);
  });
}
