import type { ProposalOutput } from '../../../tools/tool-support.ts';
import { count, measured, money, percent, plain, table } from './format.ts';
import type { ToolResultView } from './read-prompt.ts';
import type { ValueSummaryOutput } from '../../../tools/value-summary.ts';

/*
 * The offline model's answers, written from tool results only: every figure in the text is
 * a number a tool returned (formatted, never computed), so the model cannot invent one.
 */

type Json = Record<string, unknown>;

const ACTIONS: Record<string, string> = {
  findBusinessCases: 'find business cases',
  showBusinessCase: 'show the business case',
  valueSummary: 'get the value summary',
  measurementHistory: 'get the measurement history',
  suggestConversions: 'suggest conversions',
  listPendingProposals: 'list the pending proposals',
  proposeRealizationScenario: 'propose the realization scenario',
  proposeConversions: 'propose the conversion',
  proposeSplit: 'propose the split',
  proposeMeasurements: 'propose the measurement change',
  proposeMonthlyValues: 'propose monthly values',
  proposeTrackMetric: 'propose measuring it',
  proposeInputValue: 'propose the new value',
  proposeMilestone: 'propose the milestone',
  proposeLockMonths: 'propose the lock',
  draftQbr: 'draft the QBR',
};

function approveHow(id: string): string {
  return `Proposal \`${id}\` is waiting for a person's approval; nothing changes until then. Approve it with its Approve button (in Slack or the web workspace), \`approve ${id}\` in \`ve chat\`, or \`POST /api/proposals/${id}/approve\` (or reject it the same ways).`;
}

function errorText(toolName: string, output: { error: string; candidates?: string[] }): string {
  const action = ACTIONS[toolName] ?? toolName;
  const error = output.error.trim();
  const lines = [`I couldn't ${action}: ${/[.?!]$/.test(error) ? error : `${error}.`}`];
  if (output.candidates && output.candidates.length > 0) {
    lines.push(`Which of these do you mean?\n${output.candidates.map((c) => `- ${c}`).join('\n')}`);
  }
  return lines.join('\n\n');
}

function proposalText(p: ProposalOutput): string {
  const c = p.currency;
  const rows: string[][] = [];
  const row = (label: string, before: number | null | undefined, after: number | null | undefined) => {
    if ((before === null || before === undefined) && (after === null || after === undefined)) return;
    rows.push([label, p.before ? money(before, c) : '—', money(after, c)]);
  };
  row('Total benefit', p.before?.total, p.after.total);
  row('Realized to date', p.before?.realizedToDate, p.after.realizedToDate);
  row('Measured to date', p.before?.measuredToDate, p.after.measuredToDate);
  row('Assumed to date', p.before?.assumedToDate, p.after.assumedToDate);
  const useCaseRows: string[][] = [];
  for (const u of p.after.useCases) {
    const b = p.before?.useCases.find((x) => x.id === u.id);
    if (b && b.total === u.total && b.realizedToDate === u.realizedToDate) continue;
    useCaseRows.push([`${u.name}: total`, b ? money(b.total, c) : '—', money(u.total, c)]);
    if (u.realizedToDate !== null) useCaseRows.push([`${u.name}: realized to date`, b ? money(b.realizedToDate, c) : '—', money(u.realizedToDate, c)]);
  }
  return [
    `I've prepared a proposal for **${p.businessCase}** (scenario ${p.scenario}). Nothing has changed yet.`,
    `What will change:\n${p.changes.map((l) => `- ${l}`).join('\n')}`,
    ...(p.warnings && p.warnings.length > 0 ? [`⚠ Check before approving:\n${p.warnings.map((w) => `- ${w}`).join('\n')}`] : []),
    `Figures from the benefit engine, as of ${p.asOf}:\n\n${table(['', 'Before', 'After'], [...rows, ...useCaseRows])}`,
    approveHow(p.proposalId),
  ].join('\n\n');
}

function summaryText(s: ValueSummaryOutput): string {
  const c = s.currency;
  const rows: string[][] = [];
  const add = (label: string, value: string, when: unknown) => {
    if (when !== null && when !== undefined) rows.push([label, value]);
  };
  add('Realized to date', money(s.realizedToDate, c), s.realizedToDate);
  add('Measured (backed by measurements)', money(s.measuredToDate, c), s.measuredToDate);
  add('of which carried forward (no new measurement that month)', money(s.carriedForwardToDate, c), s.carriedForwardToDate);
  add('Assumed (resting on assumptions)', money(s.assumedToDate, c), s.assumedToDate);
  add('Estimated to date', money(s.estimatedToDate, c), s.estimatedToDate);
  add('Variance to the estimate', percent(s.varianceToDate, true), s.varianceToDate);
  add('Investment to date', money(s.investmentToDate, c), s.investmentToDate);
  add('ROI to date', percent(s.roiToDate), s.roiToDate);
  add('Total benefit over the window', money(s.total, c), s.total);
  add('Investment over the window', money(s.investmentTotal, c), s.investmentTotal || null);
  add('ROI over the window', percent(s.roi), s.roi);
  add('Projected total (realized + the months ahead)', money(s.projectedTotal, c), s.projectedTotal);
  add('Projected ROI', percent(s.projectedRoi), s.projectedRoi);
  rows.push(['Payback month', s.paybackMonth ?? (s.investmentTotal ? 'not reached' : 'no investment recorded')]);

  const headline =
    s.realizedToDate !== null
      ? `**${s.businessCase}** has realized ${money(s.realizedToDate, c)} as of ${s.asOf}: ${money(s.measuredToDate, c)} measured${s.carriedForwardToDate ? ` (${money(s.carriedForwardToDate, c)} of it carried forward from earlier measurements)` : ''} and ${money(s.assumedToDate, c)} assumed.`
      : `**${s.businessCase}**, ${s.kind} scenario ${s.scenario}: ${money(s.total, c)} total benefit over ${s.window}.`;
  const realization = s.realizedToDate !== null;
  const perUseCase = realization
    ? table(
        ['Use case', 'Realized to date', 'Measured', 'Assumed', 'Estimated to date', 'Variance', 'Total'],
        s.useCases.map((u) => [
          u.name,
          money(u.realizedToDate, c),
          money(u.measuredToDate, c),
          money(u.assumedToDate, c),
          money(u.estimatedToDate, c),
          percent(u.varianceToDate, true),
          money(u.total, c),
        ]),
      )
    : table(
        ['Use case', 'Total'],
        s.useCases.map((u) => [u.name, money(u.total, c)]),
      );
  const calcs = s.useCases
    .flatMap((u) =>
      u.calculations.map((k) => {
        const how = k.tracked ? `measured${k.metric ? ` (${k.metric})` : ''}, last measurement ${k.lastMeasured ?? 'none yet'}` : 'assumed (not measured)';
        return `- ${k.name}: ${how}; realized ${money(k.realizedToDate, c)} of ${money(k.total, c)}`;
      }),
    )
    .join('\n');
  const parts = [
    headline,
    `Scenario ${s.scenario} (${s.kind}), ${s.window}, as of ${s.asOf}, in ${c}, from the benefit engine:\n\n${table(['Figure', 'Value'], rows)}`,
    `Per use case:\n\n${perUseCase}\n\nPer calculation:\n${calcs}`,
  ];
  if (s.months) {
    parts.push(
      `Month by month:\n\n${table(
        ['Month', 'Benefit', 'Realized', 'Measured', 'Carried forward', 'Assumed', 'Estimated'],
        s.months.map((m) => [
          m.month,
          money(m.benefit, c),
          money(m.realized, c),
          money(m.measured, c),
          money(m.carriedForward, c),
          money(m.assumed, c),
          money(m.estimated, c),
        ]),
      )}`,
    );
  }
  return parts.join('\n\n');
}

function historyText(h: { input: string; unit: string; entries: Array<Json> }): string {
  if (h.entries.length === 0) return `Nothing has been recorded for **${h.input}** yet.`;
  const rows = h.entries.map((e) => [
    String(e.month),
    measured(e.value as number, h.unit),
    e.current ? 'current' : 'replaced',
    (e.source as string | null) ?? '',
    (e.evidence as string | null) ?? '',
    (e.note as string | null) ?? '',
    `${e.recordedBy as string}${e.approvedBy ? `, approved by ${e.approvedBy as string}` : ''}`,
  ]);
  return `**${h.input}** (${h.unit}): ${count(h.entries.length, 'value')} recorded, oldest first.\n\n${table(['Month', 'Value', 'Status', 'Source', 'Evidence', 'Note', 'Recorded by'], rows)}`;
}

/** A phrase as a sentence: capital first letter, full stop at the end. */
function sentence(text: string): string {
  const t = text.trim();
  if (!t) return t;
  return `${t[0]!.toUpperCase()}${t.slice(1)}${/[.!?]$/.test(t) ? '' : '.'}`;
}

function suggestionsText(s: { scenario: string; suggestions: Array<Json> }): string {
  const lines = s.suggestions.map((x) => {
    const name = String(x.calculation);
    switch (x.status) {
      case 'ready':
        return `- **${name}**: ready. Track ${String(x.metric)} monthly (${x.direction === 'decrease' ? 'lower is better' : 'higher is better'}); ${String(x.percentInput)} becomes the target; the baseline is ${String(x.baselineInput)}. Say: "Convert the ${name} calculation to track ${String(x.metric)}".`;
      case 'needs-input':
        return `- **${name}**: needs input. ${sentence(String(x.reason))}${(x.missing as string[]).length ? ` Missing: ${(x.missing as string[]).join(', ')}.` : ''}`;
      case 'tracked':
        return `- **${name}**: already tracked monthly.`;
      default:
        return `- **${name}**: not convertible. ${sentence(String(x.reason))}`;
    }
  });
  return `Conversion suggestions for scenario ${s.scenario}:\n${lines.join('\n')}\n\nA conversion is a proposal: a person approves it before anything changes.`;
}

function pendingText(p: { proposals: Array<Json> }): string {
  if (p.proposals.length === 0) return 'No proposals are waiting for approval.';
  const lines = p.proposals.map(
    (x) =>
      `- \`${String(x.proposalId)}\` on ${String(x.businessCase)}, proposed by ${String(x.proposedBy)} at ${String(x.createdAt)}: ${(x.changes as string[]).join('; ')}`,
  );
  return `${count(p.proposals.length, 'proposal')} waiting for a person's approval:\n${lines.join('\n')}\n\nApprove one with its Approve button (in Slack or the web workspace), \`approve <id>\` in \`ve chat\`, or \`POST /api/proposals/<id>/approve\`.`;
}

function casesText(f: { businessCases: Array<Json> }, input: Json | undefined): string {
  const query = typeof input?.query === 'string' ? input.query : undefined;
  if (f.businessCases.length === 0) return query ? `No business case matches "${query}".` : 'There are no business cases in this workspace yet.';
  const rows = f.businessCases.map((c) => [String(c.name), String(c.customer), String(c.id), String(c.version)]);
  return `${f.businessCases.length === 1 ? 'I found 1 business case' : `I found ${f.businessCases.length} business cases`}:\n\n${table(['Name', 'Customer', 'Id', 'Version'], rows)}`;
}

function caseText(c: Json): string {
  const scenarios = (c.scenarios as Array<Json>).map((s) => {
    const head = `**${String(s.name)}** (${String(s.id)}): ${String(s.kind)} scenario from ${String(s.start)}, ${count(s.months as number, 'month')}${s.basedOn ? `, based on ${String(s.basedOn)}` : ''}${s.lockedThrough ? `, locked through ${String(s.lockedThrough)}` : ''}`;
    const useCases = (s.useCases as Array<Json>).map((u) => {
      const calcs = (u.calculations as Array<Json>).map(
        (k) => `  - ${String(k.name)} (${String(k.id)}, ${String(k.period)}): \`${String(k.formula)}\`${k.metric ? `, tracks ${String(k.metric)}` : ''}`,
      );
      const inputs = (u.inputs as Array<Json>).map((i) => {
        const latest = i.latest as { month: string; value: number } | null;
        const monthly = i.timeSeries
          ? `, monthly${latest ? ` (latest ${measured(latest.value, String(i.unit))} in ${latest.month})` : ' (nothing measured yet)'}`
          : '';
        return `  - ${String(i.label)} (${String(i.key)}): ${measured(i.value as number, String(i.unit))}${monthly}`;
      });
      return `- Use case **${String(u.name)}** (${String(u.id)})\n  Calculations:\n${calcs.map((l) => `  ${l}`).join('\n')}\n  Inputs:\n${inputs.map((l) => `  ${l}`).join('\n')}`;
    });
    const milestones = (s.milestones as Array<Json>).map(
      (m) =>
        `${String(m.name)}${m.targetMonth ? ` (target ${String(m.targetMonth)}` : ' ('}${m.achievedMonth ? `${m.targetMonth ? ', ' : ''}achieved ${String(m.achievedMonth)})` : m.targetMonth ? ')' : 'no month)'}`,
    );
    return [head, ...useCases, ...(milestones.length ? [`- Milestones: ${milestones.join('; ')}`] : [])].join('\n');
  });
  return [`**${String(c.name)}** for ${String(c.customer)} (${String(c.id)}, ${String(c.currency)}, version ${plain(c.version as number)})`, ...scenarios].join(
    '\n\n',
  );
}

function qbrText(d: Json): string {
  const unverified = Array.isArray(d.unverified) ? (d.unverified as string[]) : [];
  const head = `QBR draft for **${String(d.businessCase)}**, ${String(d.quarter)}, audience ${String(d.audience).replace(/-/g, ' ')} (version ${String(d.version)}, ${d.created ? 'written now' : 'the saved draft'}; figures as of ${String(d.asOf)}).`;
  const notes = [
    d.stale ? 'The figures have changed since this draft was written: say "redraft the QBR" for a fresh version.' : '',
    d.grounded === false && unverified.length > 0 ? `Numbers not found in the engine's figures are marked ⚠ (unverified): ${unverified.join(', ')}.` : '',
  ].filter((l) => l);
  // The tool returns the draft by reference: the door shows the saved draft itself.
  return [head, ...notes, ...(typeof d.excerpt === 'string' && d.excerpt ? [`> ${d.excerpt}`] : [])].join('\n\n');
}

function isError(output: unknown): output is { error: string; candidates?: string[] } {
  return typeof output === 'object' && output !== null && typeof (output as Json).error === 'string';
}

/** One tool result as text. */
export function answerFor(result: ToolResultView): string {
  const { toolName, output } = result;
  if (result.failed) {
    const message = typeof output === 'string' ? output : JSON.stringify(output);
    return `I couldn't ${ACTIONS[toolName] ?? toolName}: ${message.replace(/[.\s]+$/, '')}.`;
  }
  if (isError(output)) return errorText(toolName, output);
  if (typeof output !== 'object' || output === null) return `${toolName} returned: ${String(output)}`;
  const o = output as Json;
  if (typeof o.proposalId === 'string' && o.status === 'pending') return proposalText(output as ProposalOutput);
  switch (toolName) {
    case 'valueSummary':
      return summaryText(output as ValueSummaryOutput);
    case 'measurementHistory':
      return historyText(output as { input: string; unit: string; entries: Json[] });
    case 'suggestConversions':
      return suggestionsText(output as { scenario: string; suggestions: Json[] });
    case 'listPendingProposals':
      return pendingText(output as { proposals: Json[] });
    case 'findBusinessCases':
      return casesText(output as { businessCases: Json[] }, result.input as Json | undefined);
    case 'showBusinessCase':
      return caseText(o);
    case 'draftQbr':
      return qbrText(o);
    default:
      return `${toolName} returned:\n\n\`\`\`json\n${JSON.stringify(output, null, 2)}\n\`\`\``;
  }
}

/** The answer to a turn's tool results: one section per result, in call order. */
export function writeAnswer(results: readonly ToolResultView[]): string {
  if (results.length === 0) return 'I have nothing to report.';
  return results.map(answerFor).join('\n\n');
}
