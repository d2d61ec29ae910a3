/**
 * Examples of what the offline model understands, one per task: shown when it does not
 * understand a message and when someone asks for help. `docs/offline-model.md` lists every
 * phrasing; keep the two in step.
 */
export const EXAMPLES: ReadonlyArray<{ task: string; say: string }> = [
  { task: 'Find business cases', say: 'find Delta · list business cases' },
  { task: 'Show a business case', say: 'show Delta' },
  { task: 'Value summary', say: 'how much value has Delta realized? · summary for Delta as of March · ROI' },
  { task: 'Measurement history', say: 'history of tickets per day' },
  { task: 'Conversion suggestions', say: 'what can I convert?' },
  { task: 'Pending proposals', say: 'pending proposals' },
  { task: 'Realization scenario', say: 'Create a realization scenario for Delta Corp from the Rollout Plan, starting August, for 24 months' },
  { task: 'Convert a calculation', say: 'Convert the efficiency calculation to track Avg. Tickets per Day, baseline 100' },
  { task: 'Split a calculation', say: 'Split the handle time calculation into one for handle time and one for tickets per day' },
  {
    task: 'Record measurements',
    say: 'Delta: tickets per day Oct 115, Nov 121 (Zendesk export) · record deflection rate 22% for September, note: new articles',
  },
  { task: 'Correct a measurement', say: 'delete the wrong March value · add a note to the March measurement: macros live' },
  { task: 'Measure an input directly', say: 'track the deflection rate directly' },
  { task: 'Track an input monthly', say: 'track deflection rate monthly' },
  { task: 'Change an assumption', say: 'set # of reps to 15 · 15 reps from June 2026' },
  { task: 'Milestones', say: 'add milestone All Teams Onboarded achieved October · we reached All Teams Onboarded in May 2026' },
  { task: 'Lock months', say: 'lock months through December' },
  { task: 'QBR draft', say: 'draft the QBR for Q3 2026 for finance' },
];

/** The examples as a Markdown list. */
export function examplesText(): string {
  return EXAMPLES.map((e) => `- ${e.task}: "${e.say.split(' · ').join('", "')}"`).join('\n');
}

/** The reply to a message the offline model does not understand. */
export function notUnderstood(): string {
  return [
    "I'm the built-in offline model (no language model is configured), and I didn't understand that.",
    'I understand phrasings like these:',
    examplesText(),
    'Approving or rejecting a proposal is done by a person: the Approve button (in Slack or the web workspace), `approve <id>` in `ve chat`, or the API.',
  ].join('\n\n');
}

/** The reply to "help". */
export function helpText(): string {
  return [
    "I'm the built-in offline model: I understand a fixed set of phrasings, read figures only from the benefit engine, and propose changes for a person to approve.",
    'Try:',
    examplesText(),
  ].join('\n\n');
}
