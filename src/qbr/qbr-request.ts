import type { QbrAudience } from './qbr-audience.ts';
import { formatReference, qbrReferences, type QbrMeta } from './qbr-references.ts';
import type { QbrDraftFacts } from './qbr-story.ts';

/**
 * The user message of a QBR drafting request: the audience, the quarter, the reference list
 * (each name with its claim type, what it is and the value it renders to, so the model knows
 * the story without being able to type a figure), and, on a retry, the problem with the
 * previous draft. Only data and headings here: the instructions are in `prompts/qbr.md`.
 */
export function qbrRequest(input: { facts: QbrDraftFacts; audience: QbrAudience; meta?: QbrMeta; previousProblem?: string | undefined }): string {
  const table = qbrReferences(input.facts, input.meta);
  const currency = input.facts.businessCase.currency;
  const refs = [...table.values()]
    .filter((r) => r.value !== null)
    .map((r) => `- {{${r.name}}} [${r.claim}] ${r.about} = ${JSON.stringify(formatReference(r, currency))}`);
  const parts = [
    `# Audience\n${input.audience}`,
    `# Quarter\n${input.facts.quarter.id} (figures as of ${input.facts.asOf}, currency ${currency})`,
    `# References you may use (name [claim] what it is = how it renders)\n${refs.join('\n')}`,
  ];
  if (input.previousProblem) parts.push(`# Problem with the previous draft\n${input.previousProblem}`);
  return parts.join('\n\n');
}
