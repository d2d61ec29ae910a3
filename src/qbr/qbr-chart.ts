import { summarize, type BusinessCase, type QbrFacts } from '../engine/index.ts';
import { renderBenefitChart, type RenderedChart } from '../chart/benefit-chart.ts';
import { chartFontFiles } from '../chart/chart-fonts.ts';

/** The QBR chart and whether its PNG carries its own text (it does only when a font was found). */
export interface QbrChart extends RenderedChart {
  /** False when no font file was available: the picture has lines only, so the slide labels it. */
  labelled: boolean;
}

/** How to draw the QBR chart. */
export interface QbrChartOptions {
  /** Draw the estimate (the plan) the facts compare with; default true (seed 000: it can be hidden). */
  showEstimate?: boolean;
  /** The font files (default: DejaVu Sans from `dejavu-fonts-ttf`); empty draws no text. */
  fontFiles?: readonly string[];
}

/**
 * The chart of cumulative realized vs estimated benefit for a QBR, rendered in-process to PNG
 * (resvg) with the Slack door's chart renderer, so both doors draw the same picture: the
 * realization scenario's running totals over its window as of the facts' month, the projection
 * after it, against the estimate the facts compare with (drawn as the plan, unless hidden).
 * Null when the engine cannot summarize the case (the document changed shape since the facts).
 */
export function renderQbrChart(doc: BusinessCase, facts: QbrFacts, options: QbrChartOptions | readonly string[] = {}): QbrChart | null {
  const o: QbrChartOptions = Array.isArray(options) ? { fontFiles: options } : (options as QbrChartOptions);
  const fontFiles = o.fontFiles ?? chartFontFiles();
  const s = summarize(doc, { asOf: facts.asOf, scenario: facts.scenario.id, compare: facts.compareWith?.id ?? null });
  if (!s.ok) return null;
  const chart = renderBenefitChart(
    s.value,
    { title: facts.businessCase.name, ...(facts.compareWith ? { estimateName: facts.compareWith.name } : {}), showEstimate: o.showEstimate !== false },
    fontFiles,
  );
  return { ...chart, labelled: fontFiles.length > 0 };
}
