import type { QbrFacts } from '../engine/index.ts';
import type { QbrAudience } from './qbr-audience.ts';
import { factNumbers, type FactNumber } from './fact-numbers.ts';

/** A fact number as the model should read it: money to the cent, ratios also as a percentage. */
function describe(n: FactNumber): string {
  const round = (v: number, d: number): string => String(Number(v.toFixed(d)));
  switch (n.kind) {
    case 'money':
      return round(n.value, 2);
    case 'ratio':
      return `${round(n.value, 4)} (= ${round(n.value * 100, 1)}%)`;
    default:
      return round(n.value, 4);
  }
}

/**
 * The user message of a QBR drafting request: the audience, the engine's facts as JSON, the
 * figures the draft may quote (the facts and the derived numbers of `fact-numbers.ts`, so
 * the model copies instead of computing), and, on a retry, the problem with the previous
 * draft. Only data and headings here: the instructions are in `prompts/qbr.md`.
 */
export function qbrRequest(input: { facts: QbrFacts; audience: QbrAudience; previousProblem?: string | undefined }): string {
  const figures = factNumbers(input.facts)
    .filter((n) => !n.label.includes('"'))
    .map((n) => `- ${n.label}: ${describe(n)}`);
  const parts = [
    `# Audience\n${input.audience}`,
    `# Quarter\n${input.facts.quarter.id} (figures as of ${input.facts.asOf}, currency ${input.facts.businessCase.currency})`,
    `# Facts (JSON)\n\`\`\`json\n${JSON.stringify(input.facts, null, 2)}\n\`\`\``,
    `# Figures you may quote\n${figures.join('\n')}`,
  ];
  if (input.previousProblem) parts.push(`# Problem with the previous draft\n${input.previousProblem}`);
  return parts.join('\n\n');
}
