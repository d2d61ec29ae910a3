/**
 * The grounding-attack suite (issue 12): QBR drafts with planted errors, and correct drafts
 * with legitimate roundings, read by the independent claim check (`checkClaims`,
 * src/qbr/grounding) against the facts of their case and quarter as `ve qbr check` reads them
 * (`factsForQuarter`: the engine's `qbrFacts` with the story beside them: targets, statuses,
 * every milestone, the investment schedule).
 *
 * Drafts live in `evals/qbr-grounding/drafts/*.json`, one file per case and quarter; each
 * planted error is marked `[[like this]]` in the text (the marks are removed before the
 * check). A planted error is caught when a problem the check reports overlaps it; any problem
 * that overlaps no planted error is a false alarm. Besides the hand-written drafts, the offline
 * writer's drafts (`OFFLINE_WRITER_DRAFTS`, every audience) must come out clean.
 *
 * The gate (`conclude`): at least 95% of planted errors caught, no false alarm, at least 60
 * drafts with planted errors and 20 correct ones; below that `npm run evals` fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, type QbrFacts } from '../../src/engine/index.ts';
import { factsForQuarter } from '../../src/qbr/get-or-draft-qbr.ts';
import { checkClaims, type ClaimProblem } from '../../src/qbr/grounding/check-claims.ts';
import { QBR_AUDIENCES, writeOfflineQbr } from '../../src/qbr/index.ts';
import type { CaseResult, Suite, SuiteConclusion } from '../suite.ts';

export const KINDS = ['wrong-number', 'misattribution', 'words', 'rounding', 'date', 'points', 'status', 'direction', 'clean'] as const;

const setSchema = z.strictObject({
  id: z.string(),
  description: z.string(),
  document: z.string(),
  quarter: z.string(),
  asOf: z.string(),
  drafts: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), kind: z.enum(KINDS), text: z.string().min(1) })).min(1),
});

/** The offline writer's drafts that must come out clean: name, document, quarter, as-of month (every audience). */
const OFFLINE_WRITER_DRAFTS: ReadonlyArray<[string, string, string, string]> = [
  ['delta-2026-q1', 'examples/delta-corp.json', '2026-Q1', '2026-03'],
  ['delta-2025-q4', 'examples/delta-corp.json', '2025-Q4', '2025-12'],
  ['delta-2026-q2', 'examples/delta-corp.json', '2026-Q2', '2026-06'],
  ['mini-2026-q2', 'evals/qbr-facts/documents/mini-calls.json', '2026-Q2', '2026-06'],
  ['mini-2026-q1', 'evals/qbr-facts/documents/mini-calls.json', '2026-Q1', '2026-02'],
];

/** One draft to check. */
export interface GroundingCase {
  id: string;
  description: string;
  kind: (typeof KINDS)[number] | 'offline-writer';
  /** The text as checked (marks removed). */
  text: string;
  /** The planted errors: offsets in `text`. */
  planted: Array<{ start: number; end: number; text: string }>;
  facts: () => QbrFacts;
}

/** Removes the `[[...]]` marks, returning the text and where each marked span lies in it. */
export function unmark(marked: string): { text: string; planted: GroundingCase['planted'] } {
  const planted: GroundingCase['planted'] = [];
  let text = '';
  let rest = marked;
  for (;;) {
    const open = rest.indexOf('[[');
    if (open < 0) break;
    const close = rest.indexOf(']]', open);
    if (close < 0) throw new Error(`an unclosed [[ in "${marked}"`);
    text += rest.slice(0, open);
    const inner = rest.slice(open + 2, close);
    planted.push({ start: text.length, end: text.length + inner.length, text: inner });
    text += inner;
    rest = rest.slice(close + 2);
  }
  return { text: text + rest, planted };
}

function documentAt(path: string) {
  const doc = parseDocument(JSON.parse(readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')));
  if (!doc.ok) throw new Error(`${path}: ${doc.error.message}`);
  return doc.value;
}

/** Loads every drafts file of a directory, and the offline writer's drafts. */
export function loadGroundingCases(dir: URL = new URL('./drafts/', import.meta.url)): GroundingCase[] {
  const out: GroundingCase[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const parsed = setSchema.safeParse(JSON.parse(readFileSync(new URL(file, dir), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`qbr-grounding/${file}: ${issue.path.join('.')}: ${issue.message}`);
    }
    const set = parsed.data;
    if (`${set.id}.json` !== file) throw new Error(`qbr-grounding/${file}: id '${set.id}' does not match the file name`);
    let facts: QbrFacts | undefined;
    const get = (): QbrFacts => {
      if (!facts) {
        const r = factsForQuarter(documentAt(set.document), set.quarter, set.asOf);
        if (!r.ok) throw new Error(`qbr-grounding/${file}: ${r.error.message}`);
        facts = r.value;
      }
      return facts;
    };
    for (const d of set.drafts) {
      const { text, planted } = unmark(d.text);
      if ((d.kind === 'clean') !== (planted.length === 0))
        throw new Error(`qbr-grounding/${file}: ${d.id}: a clean draft has no [[marks]], every other has one`);
      out.push({ id: `${set.id}/${d.id}`, description: d.kind, kind: d.kind, text, planted, facts: get });
    }
  }
  for (const [name, path, quarter, asOf] of OFFLINE_WRITER_DRAFTS) {
    const r = factsForQuarter(documentAt(path), quarter, asOf);
    if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
    const facts = r.value;
    for (const audience of QBR_AUDIENCES)
      out.push({
        id: `offline-writer/${name}-${audience}`,
        description: 'the offline writer',
        kind: 'offline-writer',
        text: writeOfflineQbr(facts, audience),
        planted: [],
        facts: () => facts,
      });
  }
  return out;
}

/** Scores one draft: every planted error caught, no problem elsewhere. */
export function scoreGrounding(c: GroundingCase, problems: readonly ClaimProblem[]): CaseResult & { caught: number; falseAlarms: number } {
  const overlaps = (p: ClaimProblem, s: { start: number; end: number }) => p.start < s.end && p.end > s.start;
  const missed = c.planted.filter((s) => !problems.some((p) => overlaps(p, s)));
  const stray = problems.filter((p) => !c.planted.some((s) => overlaps(p, s)));
  const failures = [
    ...missed.map((s) => ({ field: `planted "${s.text}"`, expected: 'a problem', actual: 'none' })),
    ...stray.map((p) => ({ field: `${p.line}:${p.column} "${p.text}"`, expected: 'no problem', actual: `${p.claims}: ${p.problem}` })),
  ];
  const outcome = stray.length > 0 ? 'false-alarm' : missed.length > 0 ? 'missed' : c.planted.length > 0 ? 'caught' : 'clean';
  return {
    pass: failures.length === 0,
    failures,
    outcome,
    caught: c.planted.length - missed.length,
    falseAlarms: stray.length,
    notes: problems.map((p) => `${p.line}:${p.column} ${p.text}: ${p.claims}: ${p.problem}`),
  };
}

/** The suite's gate and score lines over every draft that ran. */
export function concludeGrounding(results: ReadonlyArray<{ evalCase: GroundingCase; result: CaseResult }>): SuiteConclusion {
  let planted = 0;
  let caught = 0;
  let falseAlarms = 0;
  const byKind = new Map<string, { planted: number; caught: number; drafts: number; alarms: number }>();
  for (const { evalCase: c, result } of results) {
    const r = result as CaseResult & { caught?: number; falseAlarms?: number };
    const k = byKind.get(c.kind) ?? { planted: 0, caught: 0, drafts: 0, alarms: 0 };
    // A draft that threw counts as nothing caught.
    const got = r.caught ?? 0;
    const alarms = r.falseAlarms ?? (c.planted.length === 0 && !r.pass ? 1 : 0);
    k.planted += c.planted.length;
    k.caught += got;
    k.drafts += 1;
    k.alarms += alarms;
    byKind.set(c.kind, k);
    planted += c.planted.length;
    caught += got;
    falseAlarms += alarms;
  }
  const withErrors = results.filter((x) => x.evalCase.planted.length > 0).length;
  const correct = results.length - withErrors;
  const rate = planted === 0 ? 1 : caught / planted;
  const lines = [
    `planted errors caught: ${caught}/${planted} (${(rate * 100).toFixed(1)}%) in ${withErrors} drafts; false alarms: ${falseAlarms} in ${correct} correct drafts and around the planted errors`,
    ...[...byKind].map(([kind, k]) => `  ${kind}: ${k.drafts} drafts${k.planted > 0 ? `, caught ${k.caught}/${k.planted}` : ''}, false alarms ${k.alarms}`),
  ];
  const problems: string[] = [];
  if (rate < 0.95) problems.push(`qbr-grounding: ${(rate * 100).toFixed(1)}% of planted errors caught, below 95%`);
  if (falseAlarms > 0) problems.push(`qbr-grounding: ${falseAlarms} false alarm${falseAlarms === 1 ? '' : 's'} (the goal is none)`);
  const full = results.length >= 80;
  if (full && withErrors < 60) problems.push(`qbr-grounding: only ${withErrors} drafts with planted errors (at least 60)`);
  if (full && correct < 20) problems.push(`qbr-grounding: only ${correct} correct drafts (at least 20)`);
  return { lines, problems };
}

export const qbrGroundingSuite: Suite<GroundingCase> = {
  name: 'qbr-grounding',
  requireAllPass: false,
  cases: () => loadGroundingCases(),
  run: async (c) => scoreGrounding(c, checkClaims(c.text, c.facts())),
  conclude: (results) => concludeGrounding(results),
};
