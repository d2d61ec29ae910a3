import { tool, zodSchema } from 'ai';
import { z } from 'zod';
import { summarize } from '../src/engine/index.ts';
import type { ToolContext } from './tool-context.ts';
import { businessCaseField, currentMonth, resolveCase, resolveMonthIn, toolError, toolErrorSchema } from './tool-support.ts';
import { resolveScenario } from '../src/resolve/resolve-in-document.ts';

const money = z.number().nullable();

const inputSchema = zodSchema(
  z.object({
    businessCase: businessCaseField,
    scenario: z.string().optional(),
    compare: z.string().optional().describe('Future scenario to compare with; null: the one it copies'),
    asOf: z.string().optional().describe('As-of month, e.g. "end of Q1"; null: this month'),
    includeMonths: z.boolean().optional().describe('Add month-by-month figures'),
  }),
);

const summaryOutput = z.object({
  businessCase: z.string().describe('Business case name'),
  currency: z.string().describe('Currency of all money figures'),
  scenario: z.string().describe('Scenario id'),
  kind: z.string().describe('future or realization'),
  asOf: z.string().describe('To-date figures are as of this month'),
  window: z.string().describe('First and last month of the scenario'),
  total: z.number().describe('Total benefit over the window'),
  realizedToDate: money.describe('Realized benefit to date'),
  measuredToDate: money.describe('Realized benefit backed by measurements'),
  carriedForwardToDate: money.describe('The part of measured carried forward from an earlier measurement (no new one that month)'),
  assumedToDate: money.describe('Realized benefit resting on assumptions'),
  estimatedToDate: money.describe('Estimated benefit to date (comparison scenario)'),
  varianceToDate: z.number().nullable().describe('realized / estimated - 1, as a fraction'),
  investmentTotal: z.number().describe('Investment over the window'),
  investmentToDate: money.describe('Investment to date'),
  roi: z.number().nullable().describe('ROI over the window, as a fraction'),
  roiToDate: z.number().nullable().describe('ROI to date, as a fraction'),
  paybackMonth: z.string().nullable().describe('First month cumulative benefit covers cumulative investment'),
  projectedTotal: money.describe('Realized to date plus the benefit of the months after asOf (months that claimed nothing stay unclaimed)'),
  projectedRoi: z.number().nullable().describe('(projected total - investment) / investment, as a fraction'),
  useCases: z
    .array(
      z.object({
        name: z.string(),
        total: z.number(),
        realizedToDate: money,
        measuredToDate: money,
        assumedToDate: money,
        estimatedToDate: money,
        varianceToDate: z.number().nullable(),
        calculations: z.array(
          z.object({
            name: z.string(),
            total: z.number(),
            realizedToDate: money,
            tracked: z.boolean(),
            metric: z.string().nullable(),
            lastMeasured: z.string().nullable(),
          }),
        ),
      }),
    )
    .describe('Per use case and calculation'),
  months: z
    .array(z.object({ month: z.string(), benefit: z.number(), realized: money, measured: money, carriedForward: money, assumed: money, estimated: money }))
    .optional()
    .describe('Month by month, when asked'),
});

/** What `valueSummary` answers when it finds the figures (the offline model writes its answer from it). */
export type ValueSummaryOutput = z.infer<typeof summaryOutput>;

const outputSchema = zodSchema(z.union([summaryOutput, toolErrorSchema]));

/**
 * Read tool: the engine's value summary (realized, measured vs assumed, the part of measured
 * carried forward, estimate, projection, ROI), per use case too.
 */
export const valueSummary = (ctx: ToolContext) =>
  tool({
    description:
      "A business case's figures from the engine: total, realized to date (measured vs assumed), estimate, ROI, payback, per use case and calculation.",
    inputSchema,
    outputSchema,
    execute: async ({ businessCase, scenario, compare, asOf, includeMonths }) => {
      const c = resolveCase(ctx, businessCase);
      if (!c.ok) return toolError(c);
      const doc = c.value.document;
      let scenarioId: string | undefined;
      if (scenario) {
        const s = resolveScenario(doc, scenario);
        if (!s.ok) return toolError(s);
        scenarioId = s.value.id;
      }
      let compareId: string | undefined;
      if (compare) {
        const s = resolveScenario(doc, compare, 'future');
        if (!s.ok) return toolError(s);
        compareId = s.value.id;
      }
      let month = currentMonth(ctx);
      if (asOf) {
        const m = resolveMonthIn(ctx, asOf);
        if (!m.ok) return toolError(m);
        month = m.value;
      }
      const r = summarize(doc, { asOf: month, ...(scenarioId ? { scenario: scenarioId } : {}), ...(compareId ? { compare: compareId } : {}) });
      if (!r.ok) return { error: r.error.message };
      const s = r.value;
      const last = s.monthly[s.monthly.length - 1]?.month ?? s.start;
      return {
        businessCase: c.value.name,
        currency: s.currency,
        scenario: s.scenario,
        kind: s.kind,
        asOf: s.asOf,
        window: `${s.start} to ${last}`,
        total: s.total,
        realizedToDate: s.realizedToDate,
        measuredToDate: s.measuredToDate,
        carriedForwardToDate: s.carriedForwardToDate,
        assumedToDate: s.assumedToDate,
        estimatedToDate: s.estimatedToDate,
        varianceToDate: s.varianceToDate,
        investmentTotal: s.investmentTotal,
        investmentToDate: s.investmentToDate,
        roi: s.roi,
        roiToDate: s.roiToDate,
        paybackMonth: s.paybackMonth,
        projectedTotal: s.projectedTotal,
        projectedRoi: s.projectedRoi,
        useCases: s.useCases.map((u) => ({
          name: u.name,
          total: u.total,
          realizedToDate: u.realizedToDate,
          measuredToDate: u.measuredToDate,
          assumedToDate: u.assumedToDate,
          estimatedToDate: u.estimatedToDate,
          varianceToDate: u.varianceToDate,
          calculations: u.calculations.map((k) => ({
            name: k.name,
            total: k.total,
            realizedToDate: k.realizedToDate,
            tracked: k.tracked,
            metric: k.metric,
            lastMeasured: k.lastMeasured,
          })),
        })),
        ...(includeMonths
          ? {
              months: s.monthly.map((m) => ({
                month: m.month,
                benefit: m.benefit,
                realized: m.realized,
                measured: m.measured,
                carriedForward: m.carriedForward,
                assumed: m.assumed,
                estimated: m.estimated,
              })),
            }
          : {}),
      };
    },
  });
