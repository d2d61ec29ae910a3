import type { Hono } from 'hono';
import type { AppContext } from '../app/app-context.ts';
import { checkQbrDraft } from '../app/check-qbr-draft.ts';
import { monthOf } from '../proposals/proposal-context.ts';
import { resolveQuarter } from '../qbr/resolve-quarter.ts';
import type { AppEnv } from './app-env.ts';
import { HttpError } from './http-error.ts';
import { readJsonBody } from './read-request.ts';
import { qbrCheckRequestSchema } from './request-schemas.ts';

/**
 * `POST /api/business-cases/:id/qbr/check` `{ markdown, quarter?, asOf? }`: the independent
 * claim check of `ve qbr check` over HTTP (`checkQbrDraft`). 200 with `{ clean, problems }`
 * whether or not there are problems (the check ran); 400 for a bad body or a quarter with
 * nothing to report, 404 for a case outside the caller's workspace. Reads only: nothing saved.
 */
export function registerQbrCheckRoute(app: Hono<AppEnv>, ctx: AppContext): void {
  app.post('/api/business-cases/:id/qbr/check', async (c) => {
    const body = await readJsonBody(c, qbrCheckRequestSchema);
    const quarter = resolveQuarter(body.quarter, monthOf(ctx.now()));
    if (!quarter.ok) throw new HttpError('invalid_request', `quarter: ${quarter.error.message}`, { field: 'quarter' });
    const r = checkQbrDraft(ctx, {
      caseId: c.req.param('id'),
      workspaceId: c.get('caller').workspaceId,
      quarter: quarter.value,
      markdown: body.markdown,
      ...(body.asOf ? { asOf: body.asOf } : {}),
    });
    if (!r.ok) throw HttpError.from(r.error);
    const { caseId, asOf, problems } = r.value;
    return c.json({
      caseId,
      quarter: r.value.quarter,
      asOf,
      clean: problems.length === 0,
      problems: problems.map(({ line, column, text, claims, problem }) => ({ line, column, text, claims, problem })),
    });
  });
}
