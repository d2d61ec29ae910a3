/** The QBR-facts eval suite: the committed hand-computed cases pass, and a wrong fact fails its case by name. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createQbrFactsSuite, qbrFactsSuite } from '../../evals/qbr-facts/qbr-facts-suite.ts';
import { tempDir } from '../support/test-store.ts';

const tmp = tempDir('ve-qbr-facts-');
afterAll(tmp.cleanup);
const options = { flags: {} };

describe('qbr-facts suite', () => {
  it('passes every committed case, with at least Delta and two other shapes', async () => {
    const cases = await qbrFactsSuite.cases(options);
    expect(cases.length).toBeGreaterThanOrEqual(4);
    expect(qbrFactsSuite.requireAllPass).toBe(true);
    for (const c of cases) expect({ id: c.id, result: await qbrFactsSuite.run(c, options) }).toEqual({ id: c.id, result: { pass: true, failures: [] } });
  });

  it('fails a case whose expected fact is wrong, naming the field', async () => {
    const dir = join(tmp.dir, 'cases');
    mkdirSync(dir);
    const c = JSON.parse(readFileSync(new URL('../../evals/qbr-facts/cases/delta-2026-q1.json', import.meta.url), 'utf8'));
    // The true measured value in the quarter is 34,106.67; claim the carried-forward 17,960 instead.
    c.expected.inQuarter.measured = 17960;
    writeFileSync(join(dir, 'delta-2026-q1.json'), JSON.stringify(c));
    const suite = createQbrFactsSuite(pathToFileURL(`${dir}/`));
    const [only] = await suite.cases(options);
    const r = await suite.run(only!, options);
    expect(r).toEqual({ pass: false, failures: [{ field: 'inQuarter.measured', expected: 17960, actual: 34106.67 }] });
  });
});
