/**
 * The example messages of docs/offline-model.md ("## Phrasings"), read by one rule so that the
 * `phrasings-doc` suite (evals/phrasings/doc-2026-12) and the doc stay in step
 * (test/evals/phrasings-doc-coverage.test.ts). See docs/evals.md ("The doc's own examples").
 *
 * The rule: every backticked span in a `### ` subsection of `## Phrasings` (whitespace, line
 * breaks included, collapsed to one space) is a whole example message unless it is
 * - a template or part of one: it holds `…` or `...`, one of `[ ] < > | { }`, or a placeholder
 *   word `X`, `M`, `N` or `Y`;
 * - what a tool is sent or answers: `field: value` (`value: 0.22`), a quoted string, a file name;
 * - shorter than three words and not one of `SHORT_MESSAGES` (keywords, months, units: `12 mo`, `with`, `+`);
 * - one of `NOT_MESSAGES`: longer fragments (`for a year`, `lower is better`) and the agent's own replies.
 */

/** Whole messages of fewer than three words. */
export const SHORT_MESSAGES: ReadonlySet<string> = new Set([
  'find Delta',
  'find all',
  'show Delta',
  'ROI',
  'suggest conversions',
  'conversion suggestions',
  'pending proposals',
  "what's pending?",
  'convert everything',
  'lock December',
  'approve 3',
  'approve it',
  'reject 5',
  'yes',
  'go ahead',
  'help',
  'examples',
  'hi',
  'define payback',
]);

/** Spans of three words or more that are no message of their own: parts of one, or the agent's replies. */
export const NOT_MESSAGES: ReadonlySet<string> = new Set([
  // Value summary: how an `asOf`, a month-by-month or a comparison is said inside a message.
  'by end of 2025',
  'as of Q1 2026',
  'month by month',
  'compared with the Pilot Plan',
  'vs the Pilot scenario',
  'between March and June',
  'over 12 months',
  // Realization scenario: a length or a name inside a message.
  'for a year',
  'a two-year deal',
  "spin up 'Year 1 Actuals'",
  'named "Actuals from Sept"',
  // Convert: a baseline or a direction inside a message.
  'with baseline 100',
  'baseline of 100',
  'lower is better',
  'higher is better',
  '(baseline is the 100/day we had)',
  'baseline = the 100/day from the business case',
  '(baseline is the 40/month in the deal)',
  // Record: parts of a dictation, and what the model sends the tool.
  'all of them',
  '6.8 minutes (may)',
  '150, up from 140 in april',
  'both from the Zendesk export',
  'Oct: 115, Nov: 121',
  'Avg Tickets per Day (baseline)',
  // Replies of the agent, quoted in the doc.
  "the 2026-03 value of 'Avg. Tickets per Day' is 158, not 150: nothing removed. Remove the 158?",
  'Do you mean reps = -3 from nov 2026, or 3 fewer than before?',
  // Milestones: a name inside a message.
  'billing articles launch',
  'Billing and Payments Live target mar 2027',
]);

const TEMPLATE = /…|\.\.\.|[[\]<>|{}]/;
const PLACEHOLDER = /(^|\s)[XMNY](\s|$|[,.:])/;
const FIELD = /^[a-z][A-Za-z]*: ("|true\b|false\b|-?[\d.]+(,|$))/;

/** Why a span is not a whole message, or null when it is one. */
export function notAMessage(span: string): string | null {
  if (TEMPLATE.test(span)) return 'a template';
  if (PLACEHOLDER.test(span)) return 'a placeholder';
  if (FIELD.test(span) || span.startsWith('"') || /\.ts$/.test(span)) return 'what a tool is sent';
  if (NOT_MESSAGES.has(span)) return 'listed as a fragment or a reply';
  if (span.split(' ').length < 3 && !SHORT_MESSAGES.has(span)) return 'a short fragment';
  return null;
}

/** The "## Phrasings" section of the doc, from its heading to the next `## `. */
function phrasingsSection(markdown: string): string {
  const start = markdown.indexOf('\n## Phrasings\n');
  if (start < 0) throw new Error('docs/offline-model.md has no "## Phrasings" section');
  const end = markdown.indexOf('\n## ', start + 1);
  return markdown.slice(start, end < 0 ? undefined : end);
}

/** One example message and the `### ` subsection it is in. */
export interface DocExample {
  message: string;
  section: string;
}

/** Every whole example message of the section, once each, in the doc's order. */
export function docExampleMessages(markdown: string): DocExample[] {
  const out: DocExample[] = [];
  const seen = new Set<string>();
  for (const part of phrasingsSection(markdown)
    .split(/\n(?=### )/)
    .slice(1)) {
    const section = part.slice(4, part.indexOf('\n')).trim();
    for (const m of part.matchAll(/`([^`]+)`/g)) {
      const span = m[1]!.replace(/\s*\n\s*/g, ' ').trim();
      if (seen.has(span) || notAMessage(span) !== null) continue;
      seen.add(span);
      out.push({ message: span, section });
    }
  }
  return out;
}
