import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import { QBR_SECTIONS } from '../../src/qbr/index.ts';
import { runVe } from '../support/run-ve.ts';
import { tempDir } from '../support/test-store.ts';
import { readZip, slideTexts } from './read-zip.ts';

const CASE = 'delta-corp-support-automation';
// No language model configured: drafts come from the offline writer, whatever the machine has set.
const OFFLINE = { VE_PROVIDER: 'offline' };
// The figures as of April 2026, whatever the machine's clock says (2026-Q1 is then reported to March).
const ASOF = ['--as-of', '2026-04'];

const cleanups: Array<() => void> = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()!();
});
function dir(): string {
  const t = tempDir('ve-qbr-');
  cleanups.push(t.cleanup);
  return t.dir;
}

describe('ve qbr', () => {
  it('prints the draft for a quarter and audience, saving version 1; prints the saved one next time; --new adds a version', async () => {
    const d = dir();
    const db = join(d, 've.db');
    const first = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'finance', '--by', 'dana', ...ASOF], OFFLINE);
    expect(first.code).toBe(0);
    expect(first.err).toBe(`ve: QBR draft v1 for ${CASE}, 2026-Q1, finance (new, written by template); every number matches the engine's facts\n`);
    expect(first.out).toMatch(/^# Quarterly Business Review: Delta Corp – Support Automation, Q1 2026\n/);
    for (const s of QBR_SECTIONS) expect(first.out).toContain(`\n## ${s}\n`);
    // Rendered from references, with its author: 25,886.67 / 63,000 = 41% ROI to date.
    expect(first.out).toContain('**Prepared by:** dana');
    expect(first.out).toContain('a return on investment of 41%');
    expect(first.out).not.toContain('{{');

    const again = await runVe(db, ['qbr', CASE, '--quarter', 'Q1 2026', '--audience', 'CFO', ...ASOF], OFFLINE);
    expect(again.code).toBe(0);
    expect(again.out).toBe(first.out);
    expect(again.err).toMatch(/^ve: QBR draft v1 for .*, 2026-Q1, finance \(saved .* by dana\); every number matches the engine's facts\n$/);

    const fresh = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'finance', '--new', ...ASOF], OFFLINE);
    expect(fresh.err).toMatch(/^ve: QBR draft v2 .*\(new, written by template\)/);
    const v1 = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'finance', '--draft', '1'], OFFLINE);
    expect(v1.err).toMatch(/^ve: QBR draft v1 /);

    const store = openStore({ path: db });
    try {
      expect(store.listQbrDrafts({ caseId: CASE }).map((x) => [x.quarter, x.audience, x.version, x.createdBy])).toEqual([
        ['2026-Q1', 'finance', 1, 'dana'],
        ['2026-Q1', 'finance', 2, expect.any(String)],
      ]);
      // Drafting changed no business data.
      expect(store.getCase(CASE)!.version).toBe(1);
      expect(store.listProposals()).toEqual([]);
    } finally {
      store.close();
    }
  });

  it('writes Markdown or a slide deck to --out', async () => {
    const d = dir();
    const db = join(d, 've.db');
    const md = join(d, 'qbr.md');
    const r = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'champion', '--out', md, ...ASOF], OFFLINE);
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(readFileSync(md, 'utf8')).toContain('**Every recording to date**');

    const pptx = join(d, 'qbr.pptx');
    const deck = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'champion', '--out', pptx, ...ASOF], OFFLINE);
    expect(deck.code).toBe(0);
    expect(deck.out).toBe(`wrote ${pptx}\n`);
    const files = readZip(readFileSync(pptx));
    const slide = (n: number) => slideTexts(files.get(`ppt/slides/slide${n}.xml`)!.toString('utf8'));
    expect(slide(1)).toContain('Quarterly Business Review, Q1 2026');
    expect(slide(1).some((t) => t.startsWith('Delta Corp · for: Champion · prepared by '))).toBe(true);
    // The champion reads the metrics first, then the outcomes per use case.
    expect(slide(4)[0]).toBe('Metrics: before, after and target');
    expect(slide(5)).toEqual(expect.arrayContaining(['Increase Support Team Efficiency', '$20,167', '$38,667', '$56,425', 'Behind']));
    expect([...files.keys()].some((k) => /^ppt\/media\/.+\.png$/.test(k))).toBe(true);
    expect(files.get('ppt/slides/slide3.xml')!.toString()).toContain('<p:pic>');
    expect(slide(3).join(' ')).toContain('Plan to date');

    // --hide-estimate: the same draft's deck without the estimate (seed 000).
    const hidden = join(d, 'hidden.pptx');
    const without = await runVe(db, ['qbr', CASE, '--quarter', '2026-Q1', '--audience', 'champion', '--out', hidden, '--hide-estimate', ...ASOF], OFFLINE);
    expect(without.code).toBe(0);
    const chart = slideTexts(readZip(readFileSync(hidden)).get('ppt/slides/slide3.xml')!.toString('utf8')).join(' ');
    expect(chart).toContain('Realized to date');
    expect(chart).not.toMatch(/Plan|Estimated/);
  });

  it('names the deck after the draft when --format pptx has no --out', async () => {
    const d = dir();
    const cwd = process.cwd();
    process.chdir(d);
    try {
      const r = await runVe(join(d, 've.db'), ['qbr', CASE, '--quarter', '2026-Q1', '--format', 'pptx', ...ASOF], OFFLINE);
      expect(r.code).toBe(0);
      expect(r.out).toBe(`wrote ${CASE}-2026-Q1-executive-sponsor-v1.pptx\n`);
      expect(existsSync(join(d, `${CASE}-2026-Q1-executive-sponsor-v1.pptx`))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports usage errors with exit code 2', async () => {
    const db = join(dir(), 've.db');
    const run = (...args: string[]) => runVe(db, ['qbr', ...args], OFFLINE);
    expect(await run(CASE, '--quarter', '2026-Q1', '--audience', 'board')).toEqual({
      code: 2,
      out: '',
      err: "ve: --audience 'board' is not one of executive-sponsor, finance, champion\n",
    });
    expect(await run(CASE, '--quarter', 'soon')).toMatchObject({ code: 2, err: expect.stringContaining("'soon' is not a quarter") });
    expect(await run(CASE, '--quarter', '2026-Q1', '--format', 'pdf')).toMatchObject({ code: 2, err: "ve: --format 'pdf' is not md or pptx\n" });
    expect(await run(CASE, '--quarter', '2026-Q1', '--hide-estimate')).toMatchObject({
      code: 2,
      err: 've: --hide-estimate is about the deck: use it with --format pptx\n',
    });
    expect(await run('acme', '--quarter', '2026-Q1')).toMatchObject({ code: 2, err: expect.stringContaining("no business case 'acme'") });
    expect(await run(CASE, '--quarter', '2027-Q2', '--as-of', '2026-04')).toMatchObject({
      code: 2,
      err: expect.stringContaining('no month of Q2 2027 is realized'),
    });
    expect(await run(CASE, '--quarter', '2026-Q1', '--draft', '7')).toMatchObject({
      code: 2,
      err: `ve: no QBR draft v7 for '${CASE}', 2026-Q1, executive-sponsor\n`,
    });
  });
});
