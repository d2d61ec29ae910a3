import { summarize, type BusinessCase, type QbrFacts } from '../engine/index.ts';
import { renderBenefitChart, type RenderedChart } from '../chart/benefit-chart.ts';
import { chartFontFiles } from '../chart/chart-fonts.ts';

/** The QBR chart and whether its PNG carries its own text (it does only when a font was found). */
export interface QbrChart extends RenderedChart {
  /** False when no font file was available: the picture has lines only, so the slide labels it. */
  labelled: boolean;
}

/**
 * The chart of cumulative realized vs estimated benefit for a QBR, rendered in-process to PNG
 * (resvg) with the Slack door's chart renderer, so both doors draw the same picture: the
 * realization scenario's running totals over its window as of the facts' month, against the
 * estimate the facts compare with. Null when the engine cannot summarize the case (it just
 * computed the facts from the same document, so this means the document changed shape).
 */
export function renderQbrChart(doc: BusinessCase, facts: QbrFacts, fontFiles: readonly string[] = chartFontFiles()): QbrChart | null {
  const s = summarize(doc, { asOf: facts.asOf, scenario: facts.scenario.id, compare: facts.compareWith?.id ?? null });
  if (!s.ok) return null;
  const chart = renderBenefitChart(
    s.value,
    { title: facts.businessCase.name, ...(facts.compareWith ? { estimateName: facts.compareWith.name } : {}) },
    fontFiles,
  );
  return { ...chart, labelled: fontFiles.length > 0 };
}
