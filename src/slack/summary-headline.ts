import { monthLabel, type BusinessCase, type Summary } from '../engine/index.ts';
import { formatMoney, formatPercent } from '../format/format-money.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

/** The name of the scenario a summary compares with (the realization's `basedOn`), if any. */
export function estimateName(doc: BusinessCase, summary: Summary): string | undefined {
  const scenario = doc.scenarios.find((s) => s.id === summary.scenario);
  const basedOn = scenario?.kind === 'realization' ? scenario.basedOn : undefined;
  return basedOn ? (doc.scenarios.find((s) => s.id === basedOn)?.name ?? basedOn) : undefined;
}

/**
 * The headline numbers posted beside the chart, in Slack mrkdwn: every figure is a field of
 * the engine's summary, formatted, never computed here.
 */
export function summaryHeadline(doc: BusinessCase, summary: Summary): string {
  const money = (v: number | null) => formatMoney(v, summary.currency);
  const scenarioName = doc.scenarios.find((s) => s.id === summary.scenario)?.name ?? summary.scenario;
  const last = summary.monthly[summary.monthly.length - 1]?.month ?? summary.start;
  const lines = [`*${escapeMrkdwn(doc.name)}* · ${escapeMrkdwn(scenarioName)} · as of ${monthLabel(summary.asOf)}`];
  if (summary.realizedToDate !== null) {
    lines.push(`• Realized to date: *${money(summary.realizedToDate)}* (measured ${money(summary.measuredToDate)}, assumed ${money(summary.assumedToDate)})`);
  }
  if (summary.estimatedToDate !== null) {
    const name = estimateName(doc, summary);
    lines.push(
      `• Estimated to date${name ? ` (${escapeMrkdwn(name)})` : ''}: ${money(summary.estimatedToDate)} · variance ${formatPercent(summary.varianceToDate)}`,
    );
  }
  lines.push(`• Total benefit ${monthLabel(summary.start)} to ${monthLabel(last)}: ${money(summary.total)}`);
  if (summary.investmentToDate !== null && summary.roiToDate !== null) {
    lines.push(
      `• Investment to date: ${money(summary.investmentToDate)} · ROI to date ${formatPercent(summary.roiToDate)}${summary.paybackMonth ? ` · payback ${monthLabel(summary.paybackMonth)}` : ''}`,
    );
  } else if (summary.roi !== null) {
    lines.push(
      `• Investment: ${money(summary.investmentTotal)} · ROI ${formatPercent(summary.roi)}${summary.paybackMonth ? ` · payback ${monthLabel(summary.paybackMonth)}` : ''}`,
    );
  }
  return lines.join('\n');
}
