import type { BusinessCase, Input } from './document-schema.ts';
import { fail, ok, type Result } from './engine-error.ts';
import { parseCached } from './formula/formula-cache.ts';
import type { ConvertCalculation } from './operations/operation-schema.ts';
import { findScenario } from './operations/locate.ts';

/** An input as a suggestion shows it. */
export interface SuggestedInput {
  key: string;
  label: string;
  unit: string;
  value: number;
}

/**
 * How one calculation could be converted to monthly tracking (the guided "baseline x %
 * improvement" flow): `ready` means a complete `convertCalculation` operation is suggested;
 * `needs-input` means a person must pick or give what is missing (`missing` says what);
 * `tracked` means it is already tracked; `not-applicable` means it has no percentage input.
 */
export interface ConversionSuggestion {
  scenario: string;
  useCase: string;
  calculation: string;
  name: string;
  formula: string;
  status: 'ready' | 'needs-input' | 'tracked' | 'not-applicable';
  reason: string;
  percentInput: SuggestedInput | null;
  baselineInput: SuggestedInput | null;
  metric: { key: string; label: string; unit: string } | null;
  direction: 'increase' | 'decrease';
  /** What is missing for `needs-input`: e.g. ['baseline'] or ['percentInput']. */
  missing: string[];
  /** Candidates a person can choose from when something is missing or ambiguous. */
  candidates: { percentInput: SuggestedInput[]; baselineInput: SuggestedInput[] };
  /** The operation to propose when `ready`. */
  operation: ConvertCalculation | null;
}

const CURRENCY = /^[A-Z]{3}$/;
const BASELINE = /baseline|\bcurrent\b|\bbefore\b/i;
/** Inputs operations generate (kept targets, frozen split values, split weights): never baselines. */
const GENERATED = /_(target|frozen|weight)(_\d+)?$/;
const DECREASE = /reduc|decreas|lower|fewer|less|shorter|faster|saving|churn|error|defect|time|cost/i;

const show = (i: Input): SuggestedInput => ({ key: i.key, label: i.label, unit: i.unit, value: i.value });

function metricFor(baseline: Input, taken: Set<string>): { key: string; label: string; unit: string } {
  const stripped = baseline.key.replace(/_?baseline_?/g, '_').replace(/^_+|_+$/g, '') || 'metric';
  const base = /^[a-z]/.test(stripped) ? stripped : `m_${stripped}`;
  // "avg_tickets_per_day" holds the baseline, so the measured metric becomes "tickets_per_day".
  const shorter = base.replace(/^(avg|average|mean|current|baseline)_/, '');
  const options = [base, shorter, `${shorter}_actual`];
  let key = options.find((k) => /^[a-z]/.test(k) && !taken.has(k));
  for (let n = 2; key === undefined; n++) if (!taken.has(`${shorter}_actual_${n}`)) key = `${shorter}_actual_${n}`;
  const label =
    baseline.label
      .replace(/\s*\((baseline|current|before)\)\s*/i, ' ')
      .replace(/^(baseline|current)\s*:?\s*/i, '')
      .trim() || baseline.label;
  return { key, label, unit: baseline.unit };
}

/**
 * Suggests, for every calculation of a scenario (or one use case of it), how to convert it:
 * which input looks like the percentage (a constant `percent` input the formula uses), which
 * like the baseline of the metric to measure (a constant, non-percent, non-currency input
 * whose key or label says baseline), and whether the conversion is ready or needs input.
 */
export function suggestConversions(doc: BusinessCase, scenarioId: string, useCaseId?: string): Result<ConversionSuggestion[]> {
  const s = findScenario(doc, scenarioId);
  if (!s.ok) return s;
  const useCases = useCaseId === undefined ? s.value.useCases : s.value.useCases.filter((u) => u.id === useCaseId);
  if (useCaseId !== undefined && useCases.length === 0) return fail('not_found', `no use case '${useCaseId}' in scenario '${scenarioId}'`, '$.useCase');
  const out: ConversionSuggestion[] = [];
  for (const u of useCases) {
    const byKey = new Map(u.inputs.map((i) => [i.key, i]));
    const taken = new Set(byKey.keys());
    for (const c of u.calculations) {
      const parsed = parseCached(c.formula);
      const refs = parsed.ok ? parsed.refs : [];
      const used = refs.map((k) => byKey.get(k)).filter((i): i is Input => i !== undefined);
      const base = { scenario: s.value.id, useCase: u.id, calculation: c.id, name: c.name, formula: c.formula };
      const percents = used.filter((i) => !i.series && i.unit === 'percent' && !taken.has(`${i.key}_target`));
      const baselines = u.inputs.filter(
        (i) => !i.series && !GENERATED.test(i.key) && i.unit !== 'percent' && !CURRENCY.test(i.unit) && BASELINE.test(`${i.key} ${i.label}`) && i.value !== 0,
      );
      const candidates = { percentInput: percents.map(show), baselineInput: baselines.map(show) };
      // A calculation that will not be converted: only its status and why.
      const noConversion = (status: 'tracked' | 'not-applicable', reason: string) => ({
        ...base,
        status,
        reason,
        percentInput: null,
        baselineInput: null,
        metric: null,
        direction: 'increase' as const,
        missing: [],
        candidates,
        operation: null,
      });
      // (2) Tracked means measured through its metric; a changing assumption (e.g. a headcount
      // that changes by month) does not stop a conversion.
      if (c.metric !== undefined && byKey.get(c.metric)?.series) {
        out.push(noConversion('tracked', `already tracked: it measures ${c.metric}`));
        continue;
      }
      if (percents.length === 0) {
        out.push(noConversion('not-applicable', 'no percentage input in its formula; track one of its inputs directly instead (trackMetric)'));
        continue;
      }
      const percent = percents.length === 1 ? percents[0]! : null;
      const baseline = baselines.length === 1 ? baselines[0]! : null;
      const direction = percent && DECREASE.test(percent.label) ? 'decrease' : 'increase';
      const metric = baseline ? metricFor(baseline, taken) : null;
      const missing = [...(percent ? [] : ['percentInput']), ...(baseline ? [] : ['baseline'])];
      const ready = percent !== null && baseline !== null && metric !== null;
      out.push({
        ...base,
        status: ready ? 'ready' : 'needs-input',
        reason: ready
          ? `track ${metric.label} monthly against a baseline of ${baseline.value}; ${percent.label} (${percent.value * 100}%) becomes the target`
          : [
              percent ? null : `several percentage inputs (${percents.map((p) => p.key).join(', ')}): choose one`,
              baseline
                ? null
                : baselines.length > 1
                  ? `several baseline candidates (${baselines.map((b) => b.key).join(', ')}): choose one`
                  : 'no baseline input: give the metric to measure and its baseline value',
            ]
              .filter(Boolean)
              .join('; '),
        percentInput: percent ? show(percent) : null,
        baselineInput: baseline ? show(baseline) : null,
        metric,
        direction,
        missing,
        candidates,
        operation: ready
          ? {
              op: 'convertCalculation',
              scenario: s.value.id,
              useCase: u.id,
              calculation: c.id,
              percentInput: percent.key,
              metric,
              baselineInput: baseline.key,
              direction,
            }
          : null,
      });
    }
  }
  return ok(out);
}
