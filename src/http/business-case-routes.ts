import type { Hono } from 'hono';
import { z } from 'zod';
import { summarize } from '../engine/index.ts';
import type { AppContext } from '../app/app-context.ts';
import { findCase } from '../app/find-case.ts';
import { importCase } from '../proposals/import-case.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';
import { registerMeasurementRoutes } from './measurement-routes.ts';
import { readJsonBody, readQuery } from './read-request.ts';
import { summaryQuerySchema } from './request-schemas.ts';
import { listCases } from '../app/list-cases.ts';

/**
 * The business-case routes, all within the caller's workspace (another workspace's case is
 * 404, as if it did not exist):
 * - `GET /api/business-cases`: the listing (no documents);
 * - `POST /api/business-cases`: the body is a business-case document; stored at version 1
 *   (201). Invalid: 422 with the JSON path; id taken: 409. Never overwrites: later changes
 *   go through proposals;
 * - `GET /api/business-cases/:id`: the case with its document;
 * - `GET /api/business-cases/:id/summary?asOf=&scenario=&compare=`: the engine's summary
 *   (`asOf` default: this month; `compare=none` for no comparison).
 */
export function registerBusinessCaseRoutes(app: Hono<AppEnv>, ctx: AppContext): void {
  app.get('/api/business-cases', (c) => c.json({ businessCases: listCases(ctx, c.get('caller').workspaceId).map(withoutKey) }));

  app.post('/api/business-cases', async (c) => {
    const caller = c.get('caller');
    const document = await readJsonBody(c, z.record(z.string(), z.unknown()).describe('a business-case document'));
    const result = importCase(ctx, { document, workspaceId: caller.workspaceId, importedBy: caller.name });
    if (!result.ok) {
      if (result.error.code === 'conflict') {
        // Ids are unique per workspace: only the caller's own workspace can hold it already.
        throw new HttpError(
          'conflict',
          `a business case with id '${String(document.id)}' already exists in this workspace; import it under another id, or change the existing one through proposals`,
          {
            field: 'id',
          },
        );
      }
      throw HttpError.from(result.error);
    }
    return c.json(withoutKey(result.value), 201, { Location: `/api/business-cases/${encodeURIComponent(result.value.id)}` });
  });

  app.get('/api/business-cases/:id', (c) => {
    const found = findCase(ctx.store, c.req.param('id'), c.get('caller').workspaceId);
    if (!found.ok) throw HttpError.from(found.error);
    return c.json(withoutKey(found.value));
  });

  app.get('/api/business-cases/:id/summary', (c) => {
    const query = readQuery(c, summaryQuerySchema);
    const found = findCase(ctx.store, c.req.param('id'), c.get('caller').workspaceId);
    if (!found.ok) throw HttpError.from(found.error);
    const doc = found.value.document;
    const compare = query.compare === undefined ? undefined : query.compare === 'none' ? null : query.compare;
    const result = summarize(doc, {
      asOf: query.asOf ?? monthOf(ctx.now()),
      ...(query.scenario !== undefined ? { scenario: query.scenario } : {}),
      ...(compare !== undefined ? { compare } : {}),
    });
    if (!result.ok) {
      const { code, message } = result.error;
      if (code === 'not_found' || code === 'invalid_argument') {
        const unknownScenario = query.scenario !== undefined && !doc.scenarios.some((s) => s.id === query.scenario);
        throw new HttpError('invalid_request', message, { field: unknownScenario || query.compare === undefined ? 'scenario' : 'compare' });
      }
      throw new HttpError(code, message);
    }
    return c.json(result.value);
  });

  // POST /api/business-cases/:id/measurements (text/csv): a CSV file of measurements as one proposal.
  registerMeasurementRoutes(app, ctx);
}

/**
 * A case as the door shows it: without its storage key, which differs from the id only when
 * another workspace used the id first, so showing it would tell that another workspace has it.
 */
function withoutKey<T extends { key: string }>({ key: _key, ...rest }: T): Omit<T, 'key'> {
  return rest;
}
