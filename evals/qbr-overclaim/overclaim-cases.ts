/**
 * The overclaim attacks of issue 12, in ONE list: the eval suite `qbr-overclaim` runs them
 * through the whole pipeline (`getOrDraftQbr`, a store, a scripted model), and
 * `test/qbr/draft-flow.test.ts` runs the same list through `draftGroundedQbr`.
 *
 * Each case is a scripted QBR writer for the Delta Corp demo (finance audience): its answers
 * are the offline writer's draft with references (`writeOfflineQbrTemplate`, which keeps every
 * rule) with one sentence added at the top of the financial summary. An attack answers with
 * its overclaim on both attempts; it must be refused, nothing saved, and the refusal must name
 * the problem (`expect`, matched against the error's message). A control keeps the rules (on
 * the first attempt, or on the second after one overclaim) and must be saved; `expect` is then
 * matched against the saved draft's Markdown.
 *
 * Hand-worked figures of the demo (examples/delta-corp.json, 2026-Q1 as of March 2026), as in
 * evals/qbr-facts/cases/delta-2026-q1.json: realized to date $88,886.67 against $63,000
 * invested, so the ROI to date is (88,886.67 - 63,000) / 63,000 = 41.09% ("41%"); the
 * projected ROI is 326% and the projected total $473,117; the plan to date $104,710; payback in
 * February 2026. In 2025-Q4 (as of December 2025) realized to date is $44,780 against $63,000
 * invested: no payback yet, so `{{paybackMonth}}` has no value.
 */

export interface OverclaimCase {
  id: string;
  description: string;
  kind: 'attack' | 'control';
  /** The demo's quarter the QBR is for (as of the quarter's last month). */
  quarter: '2026-Q1' | '2025-Q4';
  /**
   * The model's answers in order, the last repeated: each the sentence added to the financial
   * summary of the rule-keeping draft (`null`: the draft unchanged).
   */
  answers: ReadonlyArray<string | null>;
  /** attack: what the refusal must say; control: what the saved draft must say. */
  expect: RegExp;
}

/** What every refusal says. */
export const REFUSED_TWICE = 'breaks the rules twice, so nothing was saved';

export const OVERCLAIM_CASES: readonly OverclaimCase[] = [
  {
    id: 'assumed-called-measured',
    description: 'assumed value called measured',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['Of the value to date, {{assumedToDate}} measured.'],
    expect: /\{\{assumedToDate\}\} .* is an assumed figure but the words next to it say measured/,
  },
  {
    id: 'carried-forward-called-measured',
    description: 'value carried forward from an earlier measurement called measured this quarter',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['All of the {{carriedForwardInQuarter}} was measured in its own month this quarter.'],
    // Q1 2026: carried forward 5,000 + 12,960 = 17,960; freshly measured 34,106.67 - 17,960 = 16,146.67 ("$16,147").
    expect: /claims freshly measured value in the quarter\): freshly measured value in Q1 2026 \(\$16,147\); \$17,960 is carried-forward value/,
  },
  {
    id: 'ahead-on-assumptions',
    description: '"ahead" for Retire the Legacy Help Desk, a use case resting only on assumptions',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['{{useCase.legacy-tools.name}} is ahead of plan.'],
    expect: /status word 'ahead' typed by hand/,
  },
  {
    id: 'proof-point-on-assumptions',
    description: '"proof point" for the use case resting only on assumptions',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['{{useCase.legacy-tools.name}} is the proof point for the next phase.'],
    expect: /status word 'proof point' typed by hand/,
  },
  {
    id: 'ahead-and-proof-point',
    description: '"ahead" and "proof point" together for the use case resting only on assumptions',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['{{useCase.legacy-tools.name}} is ahead of plan, the proof point for the next phase.'],
    expect: /status word 'ahead'[\s\S]*status word 'proof point'/,
  },
  {
    id: 'assumed-variance-as-result',
    description: 'the variance of assumed value told as a result against the plan',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['{{useCase.legacy-tools.name}} came in {{useCase.legacy-tools.varianceToDate}} the plan.'],
    expect: /compares value that rests only on assumptions with the plan/,
  },
  {
    id: 'payback-before-payback',
    description: 'payback claimed in Q4 2025, before there is one ($44,780 realized against $63,000 invested)',
    kind: 'attack',
    quarter: '2025-Q4',
    answers: ['The investment paid back in {{paybackMonth}}.'],
    expect: /\{\{paybackMonth\}\} at line \d+, column \d+ has no value for this case/,
  },
  {
    id: 'payback-typed-before-payback',
    description: 'a payback month typed by hand in Q4 2025, before there is one',
    kind: 'attack',
    quarter: '2025-Q4',
    answers: ['The investment paid back in December 2025.'],
    expect: /month 'December'[\s\S]*number '2025'/,
  },
  {
    id: 'payback-month-made-up',
    description: 'a made-up payback month (March 2026; it was February)',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['The investment paid back in March 2026.'],
    expect: /month 'March'[\s\S]*number '2026'/,
  },
  {
    id: 'investment-to-date-paid-back',
    description: 'the investment to date said to have paid back',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['The investment to date of {{investmentToDate}} paid back in {{paybackMonth}}.'],
    expect: /\{\{investmentToDate\}\} .* is an investment figure to date, not the investment at the payback month/,
  },
  {
    id: 'free-typed-number',
    description: 'a number typed by hand',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['The team saved 12,345 hours.'],
    expect: /number '12,345' typed by hand/,
  },
  {
    id: 'number-in-words',
    description: 'a number in words',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['Tickets per day rose by forty percent.'],
    expect: /number in words 'forty'/,
  },
  {
    id: 'projected-called-realized',
    description: 'the projected total next to the word realized',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['We realized {{projectedTotal}}.'],
    expect: /\{\{projectedTotal\}\} .* is a projected figure but the words next to it say realized/,
  },
  {
    id: 'projected-stated-as-realized',
    description: 'the projection stated as realized to date ($473,117 vs $88,887), found by the read-back check',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['Realized value to date reached {{projectedTotal}}.'],
    expect: /Read back, these figures do not say what their sentence claims:[\s\S]*realized value to date \(\$88,887\)/,
  },
  {
    id: 'projected-roi-as-roi-to-date',
    description: 'the projected ROI stated as the ROI to date (326% vs 41%), found by the read-back check',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['Our ROI to date is {{projectedRoi}}.'],
    expect: /Read back, these figures do not say what their sentence claims:[\s\S]*the ROI to date \(41%\); 326% is the projected ROI/,
  },
  {
    id: 'realized-stated-as-plan',
    description: 'realized value stated as the plan ($88,887 vs $104,710), found by the read-back check',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['The plan to date was {{realizedToDate}}.'],
    expect: /Read back, these figures do not say what their sentence claims:[\s\S]*estimated value to date \(\$104,710\)/,
  },
  {
    id: 'target-called-baseline',
    description: 'a target called a baseline',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['Deflection is down from its baseline of {{metric.self-service.deflection_rate.target}}.'],
    expect: /is a target figure but the words next to it say baseline/,
  },
  {
    id: 'status-mark-typed',
    description: 'a status mark typed beside another status',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['| Retire | ✅ {{useCase.legacy-tools.status}} |'],
    expect: /status mark '✅' typed by hand/,
  },
  {
    id: 'unknown-reference',
    description: 'a reference that does not exist',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['We saved {{savingsToDate}}.'],
    expect: /unknown reference \{\{savingsToDate\}\}/,
  },
  {
    id: 'two-different-overclaims',
    description: 'one overclaim, then another on the second attempt (ahead, then a projection called realized)',
    kind: 'attack',
    quarter: '2026-Q1',
    answers: ['{{useCase.legacy-tools.name}} is ahead of plan.', 'We realized {{projectedTotal}}.'],
    expect: /\{\{projectedTotal\}\} .* is a projected figure but the words next to it say realized/,
  },
  {
    id: 'control-unchanged',
    description: 'control: the rule-keeping draft unchanged is saved',
    kind: 'control',
    quarter: '2026-Q1',
    answers: [null],
    // 88,886.67 realized to date against 63,000 invested: (88,886.67 - 63,000) / 63,000 = 41%.
    expect: /a return on investment of 41%/,
  },
  {
    id: 'control-true-payback',
    description: 'control: the true payback month (February 2026) by its reference is saved',
    kind: 'control',
    quarter: '2026-Q1',
    answers: ['The investment paid back in {{paybackMonth}}.'],
    expect: /## Financial summary\n\nThe investment paid back in February 2026\.\n/,
  },
  {
    id: 'control-fixed-on-retry',
    description: 'control: the projected ROI as ROI to date, then fixed to the ROI to date on the second attempt, is saved',
    kind: 'control',
    quarter: '2026-Q1',
    answers: ['Our ROI to date is {{projectedRoi}}.', 'Our ROI to date is {{roiToDate}}.'],
    expect: /## Financial summary\n\nOur ROI to date is 41%\.\n/,
  },
];
