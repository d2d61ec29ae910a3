// Renders the Delta Corp example's QBR decks to PDF and PNG pages with LibreOffice, to look at
// them (docs/qbr.md, "The deck"). Not part of `npm test`: it needs LibreOffice and poppler
// (Debian: apt-get install libreoffice-impress poppler-utils).
//
//   node --import tsx scripts/render-qbr-deck.ts [--out DIR] [--quarter 2026-Q1] [--audience finance,...] [--hide-estimate] [--no-stale]
//
// Drafts go through the app layer as at every door (`qbrDraft`, offline writer, an in-memory
// database), then `renderQbrDeck`. Besides one deck per audience it writes a stale one: the
// finance draft rendered after a measurement (tickets per day, February 2026: 150) changed the
// case. Each deck becomes DIR/<name>.pptx, DIR/<name>.pdf and DIR/<name>-<page>.png.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openDatabase } from '../db/client.ts';
import { createSqliteStore } from '../db/sqlite-store.ts';
import { qbrDraft } from '../src/app/qbr-draft.ts';
import { renderQbrDeck } from '../src/app/render-qbr-deck.ts';
import { applyOperation, type BusinessCase } from '../src/engine/index.ts';
import { importCase } from '../src/proposals/index.ts';
import { isQbrAudience, QBR_AUDIENCES, type QbrAudience } from '../src/qbr/qbr-audience.ts';

const args = process.argv.slice(2);
const option = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const out = resolve(option('--out') ?? 'tmp/qbr-deck');
const quarter = option('--quarter') ?? '2026-Q1';
const showEstimate = !args.includes('--hide-estimate');
const audiences = option('--audience')?.split(',') ?? [...QBR_AUDIENCES];
const unknown = audiences.filter((a) => !isQbrAudience(a));
if (unknown.length) throw new Error(`--audience: ${unknown.join(', ')} is not one of ${QBR_AUDIENCES.join(', ')}`);
mkdirSync(out, { recursive: true });

const store = createSqliteStore(openDatabase({ path: ':memory:' }));
const ctx = { store, now: () => new Date('2026-04-07T09:00:00.000Z') };
const document = JSON.parse(readFileSync(new URL('../examples/delta-corp.json', import.meta.url), 'utf8')) as BusinessCase;
const imported = importCase(ctx, { document, importedBy: 'Dana Reyes' });
if (!imported.ok) throw new Error(imported.error.message);

/** The deck as PPTX, then PDF (LibreOffice), then one PNG per page (pdftoppm, 110 dpi). */
function pages(name: string, deck: Buffer): string[] {
  const pptx = join(out, `${name}.pptx`);
  writeFileSync(pptx, deck);
  execFileSync('libreoffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, pptx], { stdio: 'ignore' });
  execFileSync('pdftoppm', ['-png', '-r', '110', join(out, `${name}.pdf`), join(out, name)]);
  return readdirSync(out)
    .filter((f) => f.startsWith(`${name}-`) && /^-\d+\.png$/.test(f.slice(name.length)))
    .sort()
    .map((f) => join(out, f));
}

for (const audience of audiences as QbrAudience[]) {
  const r = await qbrDraft(ctx, { caseId: document.id, quarter, audience, model: null, requestedBy: 'Dana Reyes' });
  if (!r.ok) throw new Error(r.error.message);
  const deck = await renderQbrDeck(r.value.record, r.value.outcome.draft, { showEstimate });
  const name = `delta-${quarter}-${audience}${showEstimate ? '' : '-no-estimate'}`;
  console.log(`${name}: ${pages(name, deck).join(' ')}`);
}

// Stale: the finance draft's case gets a new measurement after the draft was saved.
if (args.includes('--no-stale')) process.exit(0);
const saved = await qbrDraft(ctx, { caseId: document.id, quarter, audience: 'finance', model: null, requestedBy: 'Dana Reyes' });
if (!saved.ok) throw new Error(saved.error.message);
const { record, outcome } = saved.value;
const op = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-02', value: 150 };
const changed = applyOperation(record.document, op, { asOf: '2026-04' });
if (!changed.ok) throw new Error(changed.error.message);
const later = { ...record, version: record.version + 1, document: changed.value.document };
const name = `delta-${quarter}-finance-stale`;
console.log(`${name}: ${pages(name, await renderQbrDeck(later, outcome.draft, { showEstimate })).join(' ')}`);
