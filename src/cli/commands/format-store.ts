import type { AuditRecord, MeasurementRecord, ProposalRecord } from '../../app/store.ts';
import type { Figures, OperationPreview } from '../../engine/index.ts';

const money = (n: number): string => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const signed = (n: number): string => (n < 0 ? `-${money(-n)}` : `+${money(n)}`);

function figureLine(label: string, before: number | null | undefined, after: number | null): string | null {
  if (after === null) return null;
  if (before === undefined || before === null) return `${label}: ${money(after)}`;
  return `${label}: ${money(before)} -> ${money(after)} (${signed(after - before)})`;
}

/** The headline figures before and after an operation, one line each (unchanged ones left out unless all are). */
export function formatFigures(before: Figures | null, after: Figures, indent: string): string[] {
  const rows: Array<[string, number | null | undefined, number | null]> = [
    ['total', before?.total, after.total],
    ['realized to date', before?.realizedToDate, after.realizedToDate],
    ['measured to date', before?.measuredToDate, after.measuredToDate],
    ['assumed to date', before?.assumedToDate, after.assumedToDate],
  ];
  const changed = rows.filter(([, b, a]) => b === undefined || b !== a);
  return (changed.length ? changed : rows.slice(0, 1))
    .map(([l, b, a]) => figureLine(l, b, a))
    .filter((x): x is string => x !== null)
    .map((l) => `${indent}${l}`);
}

/** One operation's preview: what changes, and the figures before and after. */
export function formatPreview(preview: OperationPreview, index: number): string[] {
  return [
    `  ${index + 1}. ${preview.op} on scenario '${preview.scenario}'`,
    ...preview.changes.map((c) => `     ${c}`),
    ...formatFigures(preview.before, preview.after, '     '),
  ];
}

/** A proposal with its preview, for `ve propose` and `ve proposals`. */
export function formatProposal(p: Omit<ProposalRecord, 'slackChannel' | 'slackTs'>, withPreview = true): string {
  const head = `proposal ${p.id} [${p.status}] on ${p.caseId} (version ${p.baseVersion}, figures as of ${p.asOf}), proposed by ${p.proposedBy} at ${p.createdAt}`;
  const decided = p.decidedAt ? [`  ${p.status}${p.decidedBy ? ` by ${p.decidedBy}` : ''} at ${p.decidedAt}${p.reason ? `: ${p.reason}` : ''}`] : [];
  const body = withPreview ? p.preview.flatMap(formatPreview) : p.preview.map((x, i) => `  ${i + 1}. ${x.op}: ${x.changes.join('; ')}`);
  return [head, ...decided, ...body].join('\n');
}

/** One audit entry: version, operation, who proposed and approved, what changed. */
export function formatAuditEntry(a: AuditRecord): string {
  return [
    `version ${a.versionAfter}  ${a.at}  ${a.op} on '${a.scenario}'  proposed by ${a.proposedBy}, approved by ${a.approvedBy}  (proposal ${a.proposalId})`,
    ...a.changes.map((c) => `  ${c}`),
    ...formatFigures(a.before, a.after, '  '),
  ].join('\n');
}

const SUPERSEDED_AS = { recorded: 'replaced', set: 'replaced', annotated: 'details changed', removed: 'removed' } as const;
const ACTION_WORDS = { recorded: 'recorded', set: 'set from this month on', annotated: 'details changed', removed: 'removed' } as const;

/**
 * One measurement-history row: month, value, what it records and whether it is still the
 * month's entry, who and where from. `rows` (the listing it belongs to) lets a row say whether
 * it was replaced, re-annotated or removed by the row that superseded it.
 */
export function formatMeasurement(m: MeasurementRecord, rows: readonly MeasurementRecord[] = []): string {
  const by = m.supersededBy === null ? undefined : rows.find((r) => r.id === m.supersededBy);
  // A removal row is an event, not an entry: it has no state of its own.
  const state = m.action === 'removed' ? '' : m.supersededBy === null ? '  current' : `  ${by ? SUPERSEDED_AS[by.action] : 'replaced'} (by #${m.supersededBy})`;
  const was = m.replacedValue !== null && (m.action === 'recorded' || m.action === 'set') ? ` (replaced ${m.replacedValue})` : '';
  const who = `${ACTION_WORDS[m.action]} by ${m.recordedBy}${m.approvedBy ? `, approved by ${m.approvedBy}` : ''} at ${m.recordedAt}, version ${m.version}`;
  const extra = [m.note && `note: ${m.note}`, m.source && `source: ${m.source}`, m.evidence && `evidence: ${m.evidence}`].filter(Boolean).join('; ');
  return `#${m.id}  ${m.month}  ${m.value}${was}${state}  ${who}${extra ? `  ${extra}` : ''}`;
}
