/**
 * The benefit chart (`src/chart/`): cumulative realized, projected and estimated benefit as
 * SVG, rendered to PNG in-process with the DejaVu fonts; drawn for Slack threads and QBR decks.
 */
import { describe, expect, it } from 'vitest';
import { benefitChartSvg, CHART_HEIGHT, CHART_WIDTH, renderBenefitChart } from '../../src/chart/benefit-chart.ts';
import { chartFontFiles } from '../../src/chart/chart-fonts.ts';
import { parseDocument, summarize, type Summary } from '../../src/engine/index.ts';
import { pngSize } from '../support/png-size.ts';
import { demoJson } from '../tools/tool-harness.ts';

function demoSummary(options: { asOf: string; scenario?: string } = { asOf: '2026-11' }): Summary {
  const doc = parseDocument(demoJson());
  if (!doc.ok) throw new Error(doc.error.message);
  const s = summarize(doc.value, options);
  if (!s.ok) throw new Error(s.error.message);
  return s.value;
}

describe('the benefit chart', () => {
  it('renders a PNG of the declared size in-process', () => {
    const chart = renderBenefitChart(demoSummary(), { title: 'Delta Corp', estimateName: 'Rollout Plan' });
    expect(pngSize(chart.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(chart).toMatchObject({ width: 1200, height: 675 });
  });

  it('is drawn with the DejaVu fonts shipped in an npm package (no system fonts)', () => {
    const fonts = chartFontFiles();
    expect(fonts.map((f) => f.split(/[\\/]/).pop())).toEqual(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']);
    // With the font, labels add ink: the PNG differs from one rendered without any font.
    const s = demoSummary();
    const withText = renderBenefitChart(s, { title: 'Delta Corp' });
    const without = renderBenefitChart(s, { title: 'Delta Corp' }, []);
    expect(pngSize(without.png)).toEqual({ width: CHART_WIDTH, height: CHART_HEIGHT });
    expect(withText.png.equals(without.png)).toBe(false);
  });

  it('draws realized, projected and estimated lines, marks the as-of month, and escapes names', () => {
    const svg = benefitChartSvg(demoSummary(), { title: 'Delta & <Co>', estimateName: 'Rollout Plan' });
    expect(svg).toContain('Delta &amp; &lt;Co&gt;');
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('as of Nov 2026');
    expect(svg).toContain('Estimated (Rollout Plan)');
    // A future scenario has no realized line and no estimate.
    const plan = benefitChartSvg(demoSummary({ asOf: '2026-11', scenario: 'rollout-plan' }), { title: 'Plan' });
    expect(plan.match(/<polyline /g)).toHaveLength(1);
    expect(plan).not.toContain('Realized');
  });
});
