import type { ToolContext } from './tool-context.ts';
import { findBusinessCases } from './find-business-cases.ts';
import { showBusinessCase } from './show-business-case.ts';
import { valueSummary } from './value-summary.ts';
import { measurementHistory } from './measurement-history.ts';
import { suggestConversions } from './suggest-conversions.ts';
import { listPendingProposals } from './list-pending-proposals.ts';
import { proposeRealizationScenario } from './propose-realization-scenario.ts';
import { proposeConversions } from './propose-conversions.ts';
import { proposeSplit } from './propose-split.ts';
import { proposeMeasurements } from './propose-measurements.ts';
import { proposeMonthlyValues } from './propose-monthly-values.ts';
import { proposeTrackMetric } from './propose-track-metric.ts';
import { proposeInputValue } from './propose-input-value.ts';
import { proposeMilestone } from './propose-milestone.ts';
import { proposeLockMonths } from './propose-lock-months.ts';
import { draftQbr } from './draft-qbr.ts';
import { strictTools } from './strict-tools.ts';

/**
 * Every agent tool, built for one turn's context: the one record every door uses. Read
 * tools look; propose tools only create proposals. No tool changes business data: that
 * takes a person's approval through `src/proposals`. The input schemas the model receives
 * are strict-mode ready (`strictTools`); each tool still gets its own typed input.
 */
export function createTools(ctx: ToolContext) {
  return strictTools({
    findBusinessCases: findBusinessCases(ctx),
    showBusinessCase: showBusinessCase(ctx),
    valueSummary: valueSummary(ctx),
    measurementHistory: measurementHistory(ctx),
    suggestConversions: suggestConversions(ctx),
    listPendingProposals: listPendingProposals(ctx),
    proposeRealizationScenario: proposeRealizationScenario(ctx),
    proposeConversions: proposeConversions(ctx),
    proposeSplit: proposeSplit(ctx),
    proposeMeasurements: proposeMeasurements(ctx),
    proposeMonthlyValues: proposeMonthlyValues(ctx),
    proposeTrackMetric: proposeTrackMetric(ctx),
    proposeInputValue: proposeInputValue(ctx),
    proposeMilestone: proposeMilestone(ctx),
    proposeLockMonths: proposeLockMonths(ctx),
    draftQbr: draftQbr(ctx),
  });
}

/** The tool record's type, for doors and the offline model. */
export type Tools = ReturnType<typeof createTools>;
/** A tool's name. */
export type ToolName = keyof Tools;
