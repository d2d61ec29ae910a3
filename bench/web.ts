/**
 * The web workspace benchmark (`npm run bench` runs it after the start-up benchmark;
 * `--no-web` skips it), in process over `app.request`, signed in like a browser:
 *
 * - the first render of a case's measurement table and Value Summary for a case of 36 months
 *   x 20 measured inputs (every month measured, a note on every third entry): goal under
 *   100 ms on the server. "First" is the first request for that case in this process, after
 *   one render of the small demo case, so the web door's modules are loaded but nothing of
 *   the big case is cached; then the median of further renders;
 * - the same against a baseline measured in the same run: `GET /api/business-cases/:id/summary`
 *   of the same case (the engine's summary as JSON, what any page of it needs at least), as
 *   a ratio, so a slower machine moves both;
 * - the JavaScript the pages ship (the one script, `/web/app.js`) and the style sheet, raw and
 *   gzipped: goal JS under 150 KB gzipped; and the table page's own HTML, gzipped.
 */
import { gzipSync } from 'node:zlib';
import { MockLanguageModelV3 } from 'ai/test';
import { openStore } from '../db/open-store.ts';
import type { BusinessCase } from '../src/engine/index.ts';
import { createApp } from '../src/http/index.ts';
import { importCase, seedDemoIfEmpty } from '../src/proposals/index.ts';
import { mountWeb } from '../src/web/index.ts';
import { median } from './measure.ts';

const MONTHS = 36;
const INPUTS = 20;

/** A case with one use case of `INPUTS` measured inputs, each the metric of its own calculation, measured in every month of a `MONTHS`-month realization. */
export function bigCase(id = 'bench-web-big'): BusinessCase {
  const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
  const inputs = Array.from({ length: INPUTS }, (_, k) => ({
    key: `metric_${k}`,
    label: `Metric number ${k}`,
    unit: 'units',
    value: 100,
    series: Object.fromEntries(
      Array.from({ length: MONTHS }, (_, i) => [month(i), i % 3 === 0 ? { value: 100 + i + k, note: `export ${i}`, source: 'bench' } : 100 + i + k]),
    ),
  }));
  const calculations = inputs.map((i, k) => ({
    id: `calc-${k}`,
    name: `Calculation ${k}`,
    formula: `max(0, ${i.key} - 100) * 10`,
    period: 'monthly' as const,
    metric: i.key,
  }));
  const useCase = { id: 'everything', name: 'Everything', inputs, calculations };
  return {
    version: 1,
    id,
    name: 'Benchmark case',
    customer: 'Bench Corp',
    currency: 'USD',
    scenarios: [
      {
        id: 'plan',
        name: 'Plan',
        kind: 'future',
        start: '2024-01',
        months: MONTHS,
        useCases: [{ ...useCase, inputs: inputs.map(({ series: _s, ...rest }) => rest) }],
      },
      {
        id: 'actual',
        name: 'Actual',
        kind: 'realization',
        start: '2024-01',
        months: MONTHS,
        basedOn: 'plan',
        investment: [{ label: 'Licence', amount: 10000, recurrence: 'annual' }],
        useCases: [useCase],
      },
    ],
  } as BusinessCase;
}

async function timed(fn: () => Response | Promise<Response>): Promise<{ ms: number; bytes: number; status: number; body: string }> {
  const t0 = performance.now();
  const res = await fn();
  const body = await res.text();
  return { ms: performance.now() - t0, bytes: Buffer.byteLength(body), status: res.status, body };
}

export async function runWebBench(options: { rounds?: number } = {}): Promise<string> {
  const rounds = options.rounds ?? 15;
  const store = openStore({ path: ':memory:' });
  const now = () => new Date('2026-11-20T10:00:00.000Z');
  const ctx = { store, now };
  seedDemoIfEmpty(ctx);
  const imported = importCase(ctx, { document: bigCase(), importedBy: 'bench' });
  if (!imported.ok) throw new Error(`cannot import the benchmark case: ${imported.error.message}`);
  const big = imported.value.id;
  const token = store.createApiToken({ workspaceId: imported.value.workspaceId, name: 'bench', now: now().toISOString() }).token;
  const app = createApp({ store, now, model: new MockLanguageModelV3({}), log: () => {} });
  mountWeb(app, { ctx, qbrModel: null, maxBodyBytes: 1024 * 1024 });

  // Sign in as a browser would: the form's CSRF token, then the session cookie.
  let cookie = '';
  const get = (path: string) => Promise.resolve(app.request(path, { headers: { cookie } }));
  const form = await get('/sign-in');
  cookie = form.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await form.text())![1]!;
  const signIn = await app.request('/sign-in', {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrf, token }).toString(),
  });
  cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const demo = store.listCases(imported.value.workspaceId).find((c) => c.id !== big)!.id;
  // Load the door's modules with the small demo case first.
  await get(`/cases/${demo}/table`);
  await get(`/cases/${demo}`);

  const tablePath = `/cases/${big}/table?useCase=everything`;
  const firstTable = await timed(() => get(tablePath));
  const firstSummary = await timed(() => get(`/cases/${big}`));
  if (firstTable.status !== 200 || firstSummary.status !== 200) throw new Error(`the case pages answered ${firstTable.status} and ${firstSummary.status}`);
  const cells = (firstTable.body.match(/<button type="button" class="cell /g) ?? []).length;
  const table: number[] = [];
  const summary: number[] = [];
  const baseline: number[] = [];
  for (let i = 0; i < rounds; i++) {
    baseline.push((await timed(() => app.request(`/api/business-cases/${big}/summary`, { headers: { authorization: `Bearer ${token}` } }))).ms);
    table.push((await timed(() => get(tablePath))).ms);
    summary.push((await timed(() => get(`/cases/${big}`))).ms);
  }
  const js = await (await get('/web/app.js')).text();
  const css = await (await get('/web/app.css')).text();
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
  const gz = (s: string) => gzipSync(Buffer.from(s)).length;
  const base = median(baseline);
  store.close();
  const goal = (ok: boolean) => (ok ? 'met' : 'NOT met');
  return [
    `web workspace: a case of ${MONTHS} months x ${INPUTS} measured inputs (${cells} table cells), in process, ${rounds} rounds`,
    `  first render, measurement table: ${firstTable.ms.toFixed(1)} ms (goal < 100 ms: ${goal(firstTable.ms < 100)}); Value Summary: ${firstSummary.ms.toFixed(1)} ms (goal ${goal(firstSummary.ms < 100)})`,
    `  median render, table: ${median(table).toFixed(1)} ms (${(median(table) / base).toFixed(1)}x the baseline); summary page: ${median(summary).toFixed(1)} ms (${(median(summary) / base).toFixed(1)}x)`,
    `  baseline, GET /api/business-cases/:id/summary of the same case: ${base.toFixed(1)} ms median`,
    `  table page HTML: ${kb(firstTable.bytes)} (${kb(gz(firstTable.body))} gzipped); summary page: ${kb(firstSummary.bytes)} (${kb(gz(firstSummary.body))} gzipped)`,
    `  JavaScript shipped: ${kb(Buffer.byteLength(js))} (${kb(gz(js))} gzipped; goal < 150 KB gzipped: ${goal(gz(js) < 150 * 1024)}); style sheet ${kb(Buffer.byteLength(css))} (${kb(gz(css))} gzipped)`,
  ].join('\n');
}
