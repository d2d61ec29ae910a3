import { type Input, parseFormula, references, type UseCase } from '../engine/index.ts';

/** The words of a label, lower case ("Avg. Tickets per Day (baseline)" -> avg, tickets, per, day, baseline). */
function labelWords(label: string): Set<string> {
  return new Set(
    label
      .toLowerCase()
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 2 && w !== 'per' && w !== 'baseline'),
  );
}

/**
 * The metric a constant input is the baseline of: the time-series metric of the one
 * calculation of its use case whose formula uses the input, when the metric measures the same
 * thing (same unit, a word of the label in common: "Minutes per Invoice (baseline)" and "Avg.
 * Minutes per Invoice"). Undefined otherwise: "Tickets per Month" is a factor of the
 * deflection calculation, not the baseline of its deflection rate.
 */
export function measuredThrough(useCase: UseCase, baseline: Input): Input | undefined {
  const metrics = useCase.calculations.flatMap((c) => {
    if (c.metric === undefined || c.metric === baseline.key) return [];
    const parsed = parseFormula(c.formula);
    if (!parsed.ok || !references(parsed.ast).includes(baseline.key)) return [];
    const metric = useCase.inputs.find((i) => i.key === c.metric && i.series !== undefined);
    const words = labelWords(baseline.label);
    const alike = metric && metric.unit === baseline.unit && [...labelWords(metric.label)].some((w) => words.has(w));
    return alike ? [metric] : [];
  });
  return metrics.length === 1 ? metrics[0] : undefined;
}
