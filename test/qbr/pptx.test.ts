/**
 * The QBR deck (`renderQbrPptx`, `renderQbrDeck`): the .pptx opened as a zip and its slides'
 * texts read back. Expected figures are worked out by hand from examples/delta-corp.json
 * (Q1 2026, as of March 2026):
 *
 * Realized, July 2025 to March 2026 (9 months):
 * - Rep Efficiency Gain (tracked by tickets per day, baseline 100): 10 reps x $20,000 x
 *   max(0, (t - 100) / 100) / 12: July no measurement (no claim); August and September 88
 *   (0); October to February 115 (2,500 a month, 5 months = 12,500); March 158 (9,666.67).
 *   22,166.67 measured.
 * - Faster Ticket Handling (untracked): 10 x 100 x 0.5 / 60 x 220 x 12 / 12 = 1,833.33 a
 *   month, 9 months = 16,500 assumed.
 * - Deflection (tracked by the rate): 3,000 x r x 12: September to December 12% (4,320 x 4 =
 *   17,280), January to March 18% (6,480 x 3 = 19,440). 36,720 measured.
 * - Licences (untracked): 18,000 / 12 = 1,500 x 9 = 13,500 assumed.
 * Realized 88,886.67 ($88,887); measured 58,886.67; assumed 30,000. Carried forward (months
 * without their own entry): efficiency November to February 4 x 2,500 = 10,000 (September's
 * carried 88 is worth 0); deflection October to December 3 x 4,320 and February, March
 * 2 x 6,480 = 25,920; together 35,920; measured in its own month 58,886.67 - 35,920 = 22,966.67.
 * Investment to date: 15,000 once + 48,000 a year (month 1) = 63,000; over the 24 months
 * 15,000 + 2 x 48,000 = 111,000. Net 25,886.67; ROI 25,886.67 / 63,000 = 41%.
 * Payback: running realized 3,333.33 (Jul), 6,666.67, 14,320, 24,473.33, 34,626.67, 44,780,
 * 57,093.33 (Jan), 69,406.67 (Feb) >= 63,000: February 2026, month 8.
 * Plan (Rollout Plan) to date: 18,866.67 a month at full rate, x 0.25 July to September
 * (14,150), x 0.6 October to December (33,960), full January to March (56,600): 104,710;
 * realized vs plan 88,886.67 / 104,710 - 1 = -15%.
 * Projection after March: April, May 19,480 each; June (15 reps) 14,500 + 2,750 + 6,480 +
 * 1,500 = 25,230; July 2026 to June 2027 (22% deflection) 26,670 x 12 = 320,040; together
 * 384,230. Projected 473,116.67 ($473,117), net 362,116.67, ROI 362,116.67 / 111,000 = 326%.
 * Metrics: tickets per day 100 (baseline) -> 115 at the quarter's start -> 158 in March,
 * target 100 x (1 + 50%) = 150, 158 / 150 - 1 = +5.3% (ahead: above +5%); deflection first
 * measured 12% in September 2025, 12% at the start, 18% in January, target 20%, -2 points
 * (-10% of the target: at risk, between -5% and -15%).
 */
import { describe, expect, it } from 'vitest';
import { qbrDraft } from '../../src/app/qbr-draft.ts';
import { deckStaleness, renderQbrDeck } from '../../src/app/render-qbr-deck.ts';
import { applyOperation, qbrFacts, type QbrFacts } from '../../src/engine/index.ts';
import { importCase } from '../../src/proposals/index.ts';
import { renderQbrChart } from '../../src/qbr/qbr-chart.ts';
import { withStory } from '../../src/qbr/qbr-story.ts';
import { renderQbrPptx, type QbrDeckInput } from '../../src/qbr/render-qbr-pptx.ts';
import { markdownSections, slideParagraphs } from '../../src/qbr/slide-text.ts';
import { memoryStore } from '../support/test-store.ts';
import { demoJson } from '../tools/tool-harness.ts';
import { demoDoc } from './qbr-fixtures.ts';
import { readZip, slideTexts } from './read-zip.ts';

/** The engine's facts for Q1 2026 alone (a draft saved before stories has only these). */
function engineFacts(): QbrFacts {
  const r = qbrFacts(demoDoc(), { quarter: '2026-Q1' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}
/** The facts with the story beside them, as a draft is saved now. */
const demoFacts = () => withStory(demoDoc(), engineFacts());

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const DRAFT = [
  '# Quarterly Business Review',
  '',
  'Header line that is not a section.',
  '',
  '## Executive summary',
  '',
  'Realized value to date is **$88,887**.',
  '',
  '## Milestones',
  '',
  '- Automation Macros Live: achieved March 2026.',
  '',
  '| a | b |',
  '|---|---|',
  '| table rows are left to the deck | x |',
  '',
  '## Appendix: assumptions and data sources',
  '',
  'The sources, in words.',
  '',
  '## Sign-off',
  '',
  'Prepared by Dana Reyes.',
].join('\n');

type Deck = { files: Map<string, Buffer>; slides: string[][]; xml: string[] };

async function deck(input: Partial<QbrDeckInput> = {}): Promise<Deck> {
  const facts = input.facts ?? demoFacts();
  const buf = await renderQbrPptx({
    facts,
    markdown: DRAFT,
    audience: 'finance',
    version: 3,
    caseVersion: 7,
    preparedBy: 'Dana Reyes',
    createdAt: '2026-04-07T09:00:00.000Z',
    grounded: true,
    chart: renderQbrChart(demoDoc(), facts),
    ...input,
  });
  return read(buf);
}

function read(buf: Buffer): Deck {
  expect(buf.subarray(0, 2).toString('latin1')).toBe('PK');
  const files = readZip(buf);
  const names = [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  const xml = names.map((n) => files.get(n)!.toString('utf8'));
  return { files, xml, slides: xml.map(slideTexts) };
}

const FOOTER = 'Delta Corp – Support Automation · QBR Q1 2026 · Finance · draft v3 · figures as of March 2026';
const titled = (d: Deck, title: string): string[] => {
  const s = d.slides.find((t) => t[0] === title);
  if (!s) throw new Error(`no slide '${title}' in ${d.slides.map((t) => t[0]).join(' | ')}`);
  return s;
};
/** The cells of a slide's table, row by row (each `<a:tr>`'s cells' text). */
const tableRows = (xml: string): string[][] =>
  [...xml.matchAll(/<a:tr [^>]*>(.*?)<\/a:tr>/gs)].map((tr) => [...tr[1]!.matchAll(/<a:tc>(.*?)<\/a:tc>/gs)].map((tc) => slideTexts(tc[1]!).join('')));
const xmlOf = (d: Deck, title: string): string => d.xml[d.slides.findIndex((t) => t[0] === title)]!;

describe('the QBR deck', () => {
  it("opens with a title slide naming the draft's version, case version, as-of month, author and report date", async () => {
    const d = await deck();
    expect(d.files.get('[Content_Types].xml')!.toString()).toContain('presentationml');
    expect(d.slides[0]).toEqual([
      'Quarterly Business Review, Q1 2026',
      'Delta Corp – Support Automation',
      'Delta Corp · for: Finance · prepared by Dana Reyes, report date 2026-04-07',
      'Figures as of March 2026, in USD · draft v3 (case version 7)',
      FOOTER,
    ]);
    // Every slide carries the footer; none is marked stale.
    for (const s of d.slides) expect(s).toContain(FOOTER);
    expect(d.slides.flat().some((t) => t.includes('STALE'))).toBe(false);
  });

  it("follows the draft's sections, with the chart and the tables after the summary and the appendix tables after the draft's appendix", async () => {
    const d = await deck();
    expect(d.slides.map((s) => s[0])).toEqual([
      'Quarterly Business Review, Q1 2026',
      'Executive summary',
      'Cumulative benefit: realized against the plan',
      // Finance reads the money first.
      'Financial summary: investment, return and payback',
      'Outcomes per use case',
      'Metrics: before, after and target',
      'Milestones',
      'Appendix: assumptions and data sources',
      'Appendix: measurements, sources and evidence',
      'Appendix: assumptions (business-case inputs, not measured)',
      'Sign-off',
    ]);
    expect(titled(d, 'Executive summary')).toContain('Realized value to date is $88,887.');
    // The sponsor reads outcomes first, the champion the metrics.
    const tables = async (audience: QbrDeckInput['audience']) => (await deck({ audience })).slides.slice(3, 6).map((t) => t[0]);
    expect(await tables('executive-sponsor')).toEqual([
      'Outcomes per use case',
      'Metrics: before, after and target',
      'Financial summary: investment, return and payback',
    ]);
    expect(await tables('champion')).toEqual([
      'Metrics: before, after and target',
      'Outcomes per use case',
      'Financial summary: investment, return and payback',
    ]);
    // Markdown tables are left to the deck's own tables.
    expect(titled(d, 'Milestones').join(' ')).not.toContain('table rows');
  });

  it('puts the chart (a 1200 x 675 PNG) beside the headline figures', async () => {
    const d = await deck();
    const i = d.slides.findIndex((t) => t[0] === 'Cumulative benefit: realized against the plan');
    expect(d.xml[i]).toContain('<p:pic>');
    const rels = d.files.get(`ppt/slides/_rels/slide${i + 1}.xml.rels`)!.toString();
    const png = d.files.get(`ppt/media/${/Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)![1]}`)!;
    expect(png.subarray(0, 8)).toEqual(PNG);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 675]);
    const panel = d.slides[i]!;
    for (const t of [
      'Realized to date',
      '$88,887',
      'measured $58,887, of it $35,920 carried forward; assumed $30,000',
      'Plan to date: $104,710',
      'Realized vs plan: -15%',
      'Investment to date: $63,000',
      'ROI to date: 41%',
      'Payback: February 2026',
      'Projected by June 2027: $473,117',
    ])
      expect(panel).toContain(t);
  });

  it('shows outcomes per use case with statuses by the rule: assumed value is "not measured", never ahead', async () => {
    const d = await deck();
    expect(tableRows(xmlOf(d, 'Outcomes per use case'))).toEqual([
      ['Use case', 'Realized in Q1 2026', 'Realized to date', 'of it assumed', 'Estimated to date', 'Variance', 'Status'],
      // 20,166.67 in Q1: efficiency 2,500 + 2,500 + 9,666.67, handling 3 x 1,833.33; to date 22,166.67 + 16,500.
      ['Increase Support Team Efficiency', '$20,167', '$38,667', '$16,500', '$56,425', '-31%', 'Behind'],
      ['Deflect Tickets with Self-Service', '$19,440', '$36,720', '$0', '$39,960', '-8.1%', 'At risk'],
      // +62% against the plan, but nothing of it is measured.
      ['Retire the Legacy Help Desk', '$4,500', '$13,500', '$13,500', '$8,325', '+62%', 'Not measured'],
      ['Total', '$44,107', '$88,887', '$30,000', '$104,710', '-15%', ''],
    ]);
  });

  it('shows each metric before, after and against its target', async () => {
    const d = await deck();
    expect(tableRows(xmlOf(d, 'Metrics: before, after and target'))).toEqual([
      ['Metric', 'Before', 'Start of Q1 2026', 'After (end of Q1 2026)', 'Target', 'After vs target', 'Status'],
      ['Avg. Tickets per Day (tickets/day)', '100 (baseline)', '115', '158 (March 2026)', '150', '+5.3%', 'Ahead'],
      ['Ticket Deflection Rate', '12% (first measured, September 2025)', '12%', '18% (January 2026)', '20%', '-2 pts', 'At risk'],
    ]);
    const slide = titled(d, 'Metrics: before, after and target');
    expect(slide).toContain('Avg. Tickets per Day: measured in March 2026; carried forward in January and February 2026.');
    expect(slide).toContain('Ticket Deflection Rate: measured in January 2026; carried forward in February and March 2026.');
  });

  it('has the financial table: investment, realized (measured, carried forward, assumed), net, ROI, payback, projected; and the investment schedule', async () => {
    const d = await deck();
    const xml = xmlOf(d, 'Financial summary: investment, return and payback');
    const [summary, schedule] = [...xml.matchAll(/<a:tbl>.*?<\/a:tbl>/gs)].map((t) => tableRows(t[0]));
    const nb = '\u00a0\u00a0\u00a0\u00a0';
    expect(summary).toEqual([
      ['', 'To date (March 2026)', 'Contract (July 2025 – June 2027)'],
      ['Investment', '$63,000', '$111,000'],
      ['Benefit', '$88,887 realized', '$473,117 projected'],
      [`${nb}measured in its own month`, '$22,967', ''],
      [`${nb}carried forward (last measurement still in force)`, '$35,920', ''],
      [`${nb}assumed (business-case inputs, not measured)`, '$30,000', ''],
      ['Net benefit (benefit − investment)', '$25,887', '$362,117 projected'],
      ['Return on investment', '41%', '326% projected'],
      ['Payback', 'February 2026', ''],
      ['Estimated (Rollout Plan)', '$104,710 (realized -15%)', ''],
    ]);
    expect(schedule).toEqual([
      ['Investment item', 'Charged', 'To date', 'Contract'],
      ['Platform subscription', '$48,000 a year', '$48,000', '$96,000'],
      ['Implementation services', '$15,000 once', '$15,000', '$15,000'],
    ]);
    const slide = titled(d, 'Financial summary: investment, return and payback');
    expect(slide).toContain('Payback: by February 2026 (month 8 of the contract), $69,407 realized against $63,000 invested.');
    expect(slide).toContain('Projected: $88,887 realized to March 2026 plus $384,230 expected from April 2026 to June 2027; not yet realized.');
  });

  it('ends with the evidence appendix: every measurement to date with its source, evidence and note, and the assumptions', async () => {
    const d = await deck();
    expect(tableRows(xmlOf(d, 'Appendix: measurements, sources and evidence'))).toEqual([
      ['Month', 'Metric', 'Value', 'Source', 'Evidence', 'Note'],
      [
        'August 2025',
        'Avg. Tickets per Day',
        '88 tickets/day',
        'Zendesk export',
        'zendesk-tickets-2025-08.csv',
        'Ramp-up: reps still learning the new workflows',
      ],
      ['September 2025', 'Ticket Deflection Rate', '12%', 'Help center analytics', '—', ''],
      ['October 2025', 'Avg. Tickets per Day', '115 tickets/day', 'Zendesk export', 'zendesk-tickets-2025-10.csv', 'All teams onboarded'],
      ['January 2026', 'Ticket Deflection Rate', '18%', 'Help center analytics', '—', 'New self-service articles for billing questions'],
      ['March 2026', 'Avg. Tickets per Day', '158 tickets/day', 'Zendesk export', 'zendesk-tickets-2026-03.csv', 'Automation macros live for all queues'],
    ]);
    const assumptions = tableRows(xmlOf(d, 'Appendix: assumptions (business-case inputs, not measured)'));
    expect(assumptions[0]).toEqual(['Use case', 'Input', 'Value']);
    expect(assumptions).toContainEqual(['Increase Support Team Efficiency', '# of Reps', '10 reps; 15 reps from June 2026']);
    expect(assumptions).toContainEqual(['Retire the Legacy Help Desk', 'Legacy Help Desk Licences', '$18,000']);
    // Metrics and targets are not assumptions.
    expect(assumptions.some((r) => /Target:|^Avg\. Tickets per Day$|^Ticket Deflection Rate$/.test(r[1]!))).toBe(false);
  });

  it('hides the estimate on request: no plan columns, no plan in the panel or the financial table', async () => {
    const facts = demoFacts();
    const d = await deck({ chart: renderQbrChart(demoDoc(), facts, { showEstimate: false }), estimateHidden: true });
    expect(d.slides[2]![0]).toBe('Cumulative benefit: realized and projected');
    expect(d.slides[2]!.join(' ')).not.toMatch(/Plan|plan to date|Estimated/);
    expect(tableRows(xmlOf(d, 'Outcomes per use case'))[0]).toEqual(['Use case', 'Realized in Q1 2026', 'Realized to date', 'of it assumed', 'Status']);
    expect(tableRows(xmlOf(d, 'Financial summary: investment, return and payback')).some((r) => r[0]!.startsWith('Estimated'))).toBe(false);
  });

  it('labels the chart on the slide when no font was available to draw text into it', async () => {
    const facts = demoFacts();
    const d = await deck({ chart: renderQbrChart(demoDoc(), facts, { fontFiles: [] }) });
    expect(d.slides[2]).toEqual(expect.arrayContaining(['━ Realized', '━ Projected (not yet realized)', '┅ Plan: Rollout Plan (estimated)']));
    expect((await deck()).slides[2]).not.toContain('━ Realized');
  });

  it('renders a draft saved before stories (facts alone): targets and before unknown, the quarter’s measurements', async () => {
    const d = await deck({ facts: engineFacts() });
    expect(tableRows(xmlOf(d, 'Metrics: before, after and target'))[1]).toEqual(['Avg. Tickets per Day (tickets/day)', '—', '115', '158', '—', '—', '—']);
    expect(tableRows(xmlOf(d, 'Outcomes per use case'))[3]!.at(-1)).toBe('Not measured');
    expect(tableRows(xmlOf(d, 'Appendix: measurements in Q1 2026, sources and evidence')).map((r) => r[0])).toEqual(['Month', 'January 2026', 'March 2026']);
  });

  it('splits a long section over slides and a long table over slides with its header repeated', async () => {
    const long = `## Executive summary\n\nShort.\n\n## Next steps\n\n${Array.from({ length: 40 }, (_, i) => `- Step ${i + 1}: ${'a careful sentence about what comes next, '.repeat(2)}owner [name].`).join('\n')}\n`;
    const facts = demoFacts() as QbrFacts & { story: { metrics: Array<{ history: unknown[] }> } };
    // 60 measurements of tickets per day: the evidence table needs more than one slide.
    const history = Array.from({ length: 60 }, (_, i) => ({
      month: `20${20 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      value: 100 + i,
      note: 'n',
      source: 's',
      evidence: null,
    }));
    const many = { ...facts, story: { ...facts.story, metrics: facts.story.metrics.map((m, i) => (i === 0 ? { ...m, history } : { ...m, history: [] })) } };
    const d = await deck({ markdown: long, facts: many });
    const titles = d.slides.map((s) => s[0]);
    const steps = titles.filter((t) => t?.startsWith('Next steps'));
    expect(steps.length).toBeGreaterThan(1);
    expect(steps.slice(1).every((t) => t === 'Next steps (continued)')).toBe(true);
    // Every step is on some slide, once.
    const text = d.slides.filter((s) => s[0]?.startsWith('Next steps')).flat();
    for (let i = 1; i <= 40; i++) expect(text.filter((t) => t.startsWith(`Step ${i}:`))).toHaveLength(1);
    const evidence = d.slides.map((s, i) => [s[0], i] as const).filter(([t]) => t?.startsWith('Appendix: measurements'));
    expect(evidence.length).toBeGreaterThan(1);
    const rows = evidence.flatMap(([, i]) => tableRows(d.xml[i]!));
    expect(rows.filter((r) => r[0] === 'Month')).toHaveLength(evidence.length);
    expect(rows.filter((r) => r[0] !== 'Month')).toHaveLength(60);
  });

  it('carries the unverified marks and warns on the title slide when the draft is not grounded', async () => {
    const d = await deck({ markdown: '## Executive summary\n\nWe saved ⚠ 12,345 (unverified) hours.\n', grounded: false });
    expect(d.slides[0]!.join(' ')).toContain('Some numbers in this draft match no engine figure');
    expect(d.slides[1]).toContain('We saved ⚠ 12,345 (unverified) hours.');
  });
});

describe('a deck of a saved draft after the case changed', () => {
  async function saved() {
    const t = memoryStore();
    t.clock.set('2026-04-07T09:00:00.000Z');
    const imported = importCase(t.ctx, { document: demoJson(), importedBy: 'admin' });
    if (!imported.ok) throw new Error(imported.error.message);
    const r = await qbrDraft(t.ctx, {
      caseId: 'delta-corp-support-automation',
      quarter: '2026-Q1',
      audience: 'finance',
      model: null,
      requestedBy: 'Dana Reyes',
    });
    if (!r.ok) throw new Error(r.error.message);
    return r.value;
  }

  it('is not stale while the figures are the draft’s (same version, or a new version with the same figures)', async () => {
    const { record, outcome } = await saved();
    expect(deckStaleness(record, outcome.draft)).toBeNull();
    expect(deckStaleness({ ...record, version: record.version + 1 }, outcome.draft)).toBeNull();
    const d = read(await renderQbrDeck(record, outcome.draft));
    expect(d.slides.flat().some((t) => t.includes('STALE') || t.includes('Stale'))).toBe(false);
    // A draft saved before stories (the engine's facts alone) is compared on those.
    const { story: _story, ...bare } = outcome.draft.facts as QbrFacts & { story?: unknown };
    const old = { ...outcome.draft, facts: bare as typeof outcome.draft.facts };
    expect(deckStaleness({ ...record, version: record.version + 1 }, old)).toBeNull();
    const op = {
      op: 'annotateMeasurement',
      scenario: 'realization',
      useCase: 'self-service',
      input: 'deflection_rate',
      month: '2026-01',
      note: 'Billing articles',
    };
    const annotated = applyOperation(record.document, op, { asOf: '2026-04' });
    if (!annotated.ok) throw new Error(annotated.error.message);
    // A note of the quarter's measurement is in the facts' evidence: the figures shown changed.
    expect(deckStaleness({ ...record, version: record.version + 1, document: annotated.value.document }, old)).toEqual({
      draftCaseVersion: 1,
      currentCaseVersion: 2,
    });
  });

  it('is marked stale on every slide once a measurement changed the figures, and says the chart is from today', async () => {
    const { record, outcome } = await saved();
    const op = { op: 'recordMeasurement', scenario: 'realization', useCase: 'support-efficiency', input: 'tickets_per_day', month: '2026-02', value: 150 };
    const changed = applyOperation(record.document, op, { asOf: '2026-04' });
    if (!changed.ok) throw new Error(changed.error.message);
    const later = { ...record, version: record.version + 1, document: changed.value.document };
    expect(deckStaleness(later, outcome.draft)).toEqual({ draftCaseVersion: 1, currentCaseVersion: 2 });
    const d = read(await renderQbrDeck(later, outcome.draft));
    for (const s of d.slides) expect(s).toContain('⚠ STALE: figures changed since this draft (case v1 → v2)');
    expect(d.slides[0]!.join(' ')).toContain(
      "⚠ Stale: the case's figures changed after this draft was written (it was drawn from case version 1; the case is now at version 2).",
    );
    expect(d.slides[2]).toContain("⚠ The chart is drawn from today's figures, which changed after this draft; the figures beside it are the draft's.");
    // The tables keep the draft's figures: realized to date is still $88,887 (February's 150
    // would add 10 x 20,000 x 0.5 / 12 - 2,500 = 5,833.33 to February).
    expect(d.slides[2]).toContain('$88,887');
  });
});

describe('slide text', () => {
  it("reads a draft's ## sections in order, leaving out the text before the first", () => {
    expect(markdownSections('# T\nintro\n## One\n\na\n### Sub\nb\n## Two ##\nc\n```\n## not a heading\n```\n')).toEqual([
      { title: 'One', body: 'a\n### Sub\nb' },
      { title: 'Two', body: 'c\n```\n## not a heading\n```' },
    ]);
  });

  it('turns Markdown into paragraphs: lists keep their kind, subheadings and bold lines are strong, tables and rules are left out', () => {
    expect(slideParagraphs('### Sub\n**Bold line**\nplain _it_ and **b** `c`\nmore\n\n- item [link](http://x)\n1. first\n| a | b |\n---\n')).toEqual([
      { text: 'Sub', list: null, strong: true },
      { text: 'Bold line', list: null, strong: true },
      { text: 'plain it and b c more', list: null },
      { text: 'item link', list: 'bullet' },
      { text: 'first', list: 'number' },
    ]);
    // Picture emoji are dropped (slide fonts lack them); the ⚠ of an unverified mark stays.
    expect(slideParagraphs('### Achieved this quarter ✅\n- Portal 🔄 due\n- at risk ⚠️ and ⚠ 12,345 (unverified)')).toEqual([
      { text: 'Achieved this quarter', list: null, strong: true },
      { text: 'Portal due', list: 'bullet' },
      { text: 'at risk ⚠ and ⚠ 12,345 (unverified)', list: 'bullet' },
    ]);
  });
});
