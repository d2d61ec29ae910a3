/**
 * Run by `test/engine/formula-cache.test.ts` in its own `node --expose-gc` process, so the
 * heap it measures is this pattern's alone: the 100 requests each carrying a
 * distinct 391 KB formula (refused), then two rounds of many distinct valid formulas of
 * 2,000 characters (loaded and summarised). Prints one JSON line: heap used after a full
 * collection at each step, and the most source the formula cache held at any point.
 */
import { parseDocument, summarize } from '../../src/engine/index.ts';
import { formulaCacheUsage } from '../../src/engine/formula/formula-cache.ts';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

const heap = (): number => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

const documentWith = (formula: string): unknown => ({
  version: 1,
  id: 'acme',
  name: 'Acme',
  customer: 'Acme Inc.',
  currency: 'USD',
  scenarios: [
    {
      id: 'plan',
      name: 'Plan',
      kind: 'future',
      start: '2025-01',
      months: 12,
      useCases: [
        {
          id: 'support',
          name: 'Support',
          inputs: [
            { key: 'a', label: 'A', unit: '', value: 1 },
            { key: 'b', label: 'B', unit: '', value: 2 },
          ],
          calculations: [{ id: 'saving', name: 'Saving', formula, period: 'monthly' }],
        },
      ],
    },
  ],
});

/** A distinct valid formula of exactly 2,000 characters: 1,000 references, a or b by the bits of n. */
const validFormula = (n: number): string => {
  const terms: string[] = [];
  for (let i = 0; i < 1000; i++) terms.push((n >> (i % 20)) & 1 ? 'a' : 'b');
  return terms.join('+') + ' ';
};

let maxHeld = 0;
const track = (): void => {
  maxHeld = Math.max(maxHeld, formulaCacheUsage().bytes);
};

const refusedBytes = 391 * 1024;
const refusedFormula = (n: number): string => `${'a+'.repeat(refusedBytes / 2 - 8)}${String(n).padStart(16, '0')}`;
const validRound = (from: number, count: number): void => {
  for (let n = from; n < from + count; n++) {
    const doc = parseDocument(documentWith(validFormula(n)));
    if (!doc.ok) throw new Error(doc.error.message);
    const s = summarize(doc.value, { asOf: '2025-06' });
    if (!s.ok) throw new Error(s.error.message);
    track();
  }
};

// Warm up (code paths compiled, the cache has something in it) before the first measure.
validRound(1_000_000, 20);
const start = heap();
const heldBefore = formulaCacheUsage().bytes;
for (let i = 0; i < 100; i++) {
  const formula = refusedFormula(i);
  if (formula.length !== refusedBytes) throw new Error(`formula of ${formula.length} characters`);
  const r = parseDocument(documentWith(formula));
  if (r.ok) throw new Error('a 391 KB formula was accepted');
  track();
}
const afterRefused = heap();
const heldAfterRefused = formulaCacheUsage().bytes;
validRound(0, 200);
const afterValid1 = heap();
validRound(200, 200);
const afterValid2 = heap();
const usage = formulaCacheUsage();
process.stdout.write(`${JSON.stringify({ start, afterRefused, afterValid1, afterValid2, heldBefore, heldAfterRefused, maxHeld, usage })}\n`);
