/**
 * What the phrasings suite concludes over a run, as lines for the report and problems that
 * fail it: the score (pass rate, then safe, wrong and miss counts, overall and per intent),
 * every wrong proposal, and the **ratchet**: the case ids that made a wrong proposal when the
 * baseline was recorded (`evals/phrasings/baseline.json`). The run fails when a case outside
 * the baseline makes a wrong proposal, and when a baseline case no longer does (so the
 * baseline is shrunk by hand and can only shrink). Pure.
 */
import type { SuiteConclusion } from '../suite.ts';
import { OUTCOMES, type PhrasingOutcome } from './classify-phrasing.ts';
import { INTENTS, type Intent } from './phrasing-case.ts';

/** One case's score, as the conclusion needs it. */
export interface ScoredPhrasing {
  id: string;
  intent: Intent;
  outcome: PhrasingOutcome;
  /** The wrong operations it proposed (empty unless `wrong`). */
  wrong: unknown[];
}

/** How to conclude. */
export interface ConcludeOptions {
  /** The baseline's case ids; null: no ratchet (e.g. a live model the baseline was not recorded with). */
  baseline: readonly string[] | null;
  /** How to name the baseline in messages, e.g. `evals/phrasings/baseline.json`. */
  baselineFile: string;
  /** Which model answered, for the headline. */
  model: string;
}

/** The goal of issue 11 for this suite. */
export const GOAL = { passRate: 0.9, wrong: 0 } as const;

const pct = (n: number, of: number): string => (of === 0 ? '—' : `${((n / of) * 100).toFixed(1)}%`);

function describeOperation(op: unknown): string {
  if (op === null || typeof op !== 'object') return JSON.stringify(op);
  const { op: name, ...rest } = op as Record<string, unknown>;
  const text = `${String(name)} ${JSON.stringify(rest)}`;
  return text.length > 240 ? `${text.slice(0, 240)}…` : text;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The score table and the ratchet (see the module comment). */
export function concludePhrasings(scored: readonly ScoredPhrasing[], options: ConcludeOptions): SuiteConclusion {
  const count = (list: readonly ScoredPhrasing[], o: PhrasingOutcome): number => list.filter((s) => s.outcome === o).length;
  const total = scored.length;
  const pass = count(scored, 'pass');
  const wrong = scored.filter((s) => s.outcome === 'wrong');
  const lines: string[] = [
    `Phrasings (${options.model}): ${pass}/${total} pass (${pct(pass, total)}) · ${count(scored, 'safe')} safe · ${wrong.length} wrong · ${count(scored, 'miss')} miss` +
      ` — goal: ${GOAL.wrong} wrong, at least ${GOAL.passRate * 100}% pass`,
  ];
  const rows = [['Intent', 'Cases', 'Pass', 'Pass %', ...OUTCOMES.filter((o) => o !== 'pass').map((o) => o[0]!.toUpperCase() + o.slice(1))]];
  for (const intent of INTENTS) {
    const of = scored.filter((s) => s.intent === intent);
    if (of.length === 0) continue;
    rows.push([
      intent,
      String(of.length),
      String(count(of, 'pass')),
      pct(count(of, 'pass'), of.length),
      ...OUTCOMES.filter((o) => o !== 'pass').map((o) => String(count(of, o))),
    ]);
  }
  rows.push(['total', String(total), String(pass), pct(pass, total), ...OUTCOMES.filter((o) => o !== 'pass').map((o) => String(count(scored, o)))]);
  lines.push(...table(rows));
  if (wrong.length > 0) {
    lines.push(`Wrong proposals (${wrong.length}):`);
    for (const s of wrong) for (const op of s.wrong) lines.push(`  ${s.id}: ${describeOperation(op)}`);
  }

  const problems: string[] = [];
  if (options.baseline === null) {
    lines.push(`Ratchet: not applied (${options.baselineFile} was recorded with the offline model)`);
    return { lines, problems };
  }
  const baseline = new Set(options.baseline);
  for (const s of wrong) {
    if (!baseline.has(s.id))
      problems.push(`${s.id} made a wrong proposal and is not in ${options.baselineFile}: a new wrong proposal (fix it; the baseline only shrinks)`);
  }
  for (const s of scored) {
    if (baseline.has(s.id) && s.outcome !== 'wrong')
      problems.push(`${s.id} no longer makes a wrong proposal (${s.outcome}): remove it from ${options.baselineFile} (the baseline only shrinks)`);
  }
  const ran = scored.filter((s) => baseline.has(s.id)).length;
  lines.push(
    problems.length === 0
      ? `Ratchet: holds (${ran} of the ${baseline.size} baseline case(s) ran, each still wrong; no new wrong proposal)`
      : `Ratchet: broken (${problems.length} problem(s); see below)`,
  );
  return { lines, problems };
}
