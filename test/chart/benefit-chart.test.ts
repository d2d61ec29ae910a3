/**
 * The benefit chart (`src/chart/`): cumulative realized, projected and estimated benefit as
 * SVG, rendered to PNG in-process with the DejaVu fonts; drawn for Slack threads and QBR decks.
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { benefitChartSvg, CHART_HEIGHT, CHART_WIDTH, renderBenefitChart } from '../../src/chart/benefit-chart.ts';
import { CHART_FONT_FAMILY, chartFontFiles } from '../../src/chart/chart-fonts.ts';
import { textWidth } from '../../src/chart/text-width.ts';
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

/**
 * A realization summary with literal figures: six months from January 2026, as of March.
 * Realized 5, 10, 10 (running 5, 15, 25); benefit 10, 10, 10, 20, 20, 20, so the projection
 * after March is 25 + 20 + 20 + 20 = 85; the estimate is `estimate` every month.
 */
function handSummary(estimate: number, asOf = '2026-03'): Summary {
  const months = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];
  const benefit = [10, 10, 10, 20, 20, 20];
  const realized = [5, 10, 10];
  const asOfIndex = months.indexOf(asOf);
  return {
    scenario: 'realization',
    kind: 'realization',
    currency: 'USD',
    asOf,
    start: '2026-01',
    months: 6,
    total: 90,
    realizedToDate: 25,
    measuredToDate: 25,
    carriedForwardToDate: 0,
    assumedToDate: 0,
    estimatedToDate: estimate * 3,
    varianceToDate: null,
    projectedTotal: 85,
    projectedRoi: null,
    investmentTotal: 0,
    investmentToDate: 0,
    roi: null,
    roiToDate: null,
    benefitMultiple: null,
    paybackMonth: null,
    monthly: months.map((month, i) => ({
      month,
      benefit: benefit[i]!,
      cumulative: 0,
      realized: i <= asOfIndex ? (realized[i] ?? benefit[i]!) : null,
      measured: null,
      carriedForward: null,
      assumed: null,
      estimated: estimate,
    })),
    useCases: [],
  };
}

type Box = { x: number; y: number; w: number; h: number };
const boxes = (svg: string, attr: string): Map<string, Box> =>
  new Map(
    [...svg.matchAll(new RegExp(`<g ${attr}="([^"]+)"[^>]*? data-bbox="([^"]+)"`, 'g'))].map((m) => {
      const [x, y, w, h] = m[2]!.split(' ').map(Number) as [number, number, number, number];
      return [m[1]!, { x, y, w, h }];
    }),
  );
const overlap = (a: Box, b: Box): boolean => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const seriesPoints = (svg: string, key: string): Array<[number, number]> | null => {
  const g = new RegExp(`<g data-series="${key}"><polyline points="([^"]+)"`).exec(svg);
  return g ? g[1]!.split(' ').map((p) => p.split(',').map(Number) as [number, number]) : null;
};
const yAxis = (svg: string) => {
  const m = /<g data-axis="y" data-min="([^"]+)" data-max="([^"]+)" data-step="([^"]+)">(.*?)<\/g>/.exec(svg)!;
  const lines = [...m[4]!.matchAll(/<line [^>]*y1="([\d.]+)"/g)].map((l) => Number(l[1]));
  return { min: Number(m[1]), max: Number(m[2]), step: Number(m[3]), bottomPx: lines[0]!, topPx: lines[lines.length - 1]! };
};

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

  it('marks each line with a stable data-series attribute, the estimate drawn as the plan, and escapes names', () => {
    const svg = benefitChartSvg(demoSummary(), { title: 'Delta & <Co>', estimateName: 'Rollout Plan' });
    expect(svg).toContain('Delta &amp; &lt;Co&gt;');
    expect([...svg.matchAll(/<g data-series="([a-z]+)">/g)].map((m) => m[1]).sort()).toEqual(['estimate', 'projection', 'realized']);
    expect(svg.match(/<polyline /g)).toHaveLength(3);
    expect(svg).toContain('as of Nov 2026');
    expect(svg).toContain('Plan: Rollout Plan (estimated)');
    expect([...boxes(svg, 'data-legend').keys()]).toEqual(['realized', 'projection', 'estimate']);
    // A future scenario has its own benefit line only: nothing realized, projected or estimated.
    const plan = benefitChartSvg(demoSummary({ asOf: '2026-11', scenario: 'rollout-plan' }), { title: 'Plan' });
    expect([...plan.matchAll(/<g data-series="([a-z]+)">/g)].map((m) => m[1])).toEqual(['benefit']);
    expect(plan).not.toContain('Realized');
  });

  it('hides the estimate on request (showEstimate: false), from the lines, the legend and the y-axis scale', () => {
    // Estimate 30 a month: its running total reaches 6 x 30 = 180, above the projection's 85.
    const shown = benefitChartSvg(handSummary(30), { title: 'Hand', estimateName: 'Plan A' });
    const hidden = benefitChartSvg(handSummary(30), { title: 'Hand', estimateName: 'Plan A', showEstimate: false });
    expect(shown).toContain('data-series="estimate"');
    expect(shown).toContain('data-legend="estimate"');
    expect(hidden).not.toContain('data-series="estimate"');
    expect(hidden).not.toContain('data-legend="estimate"');
    expect(hidden).not.toContain('Plan A');
    expect(hidden).toContain('data-series="realized"');
    expect(hidden).toContain('data-series="projection"');
    // 180 drawn: step 50 (180 / 5 = 36, rounded up to a nice 50), top 200. Without it, 85 is the
    // largest: step 20 (17 rounded up to 20), top 100.
    expect(yAxis(shown)).toMatchObject({ min: 0, max: 200, step: 50 });
    expect(yAxis(hidden)).toMatchObject({ min: 0, max: 100, step: 20 });
    // Default: shown.
    expect(benefitChartSvg(handSummary(30), { title: 'Hand' })).toContain('data-series="estimate"');
  });

  it('scales the y-axis to what is drawn: its top is the first step above the largest value', () => {
    for (const s of [handSummary(10), handSummary(30), demoSummary({ asOf: '2026-03' }), demoSummary({ asOf: '2027-06' })]) {
      const svg = benefitChartSvg(s, { title: 'T' });
      const a = yAxis(svg);
      const drawn = ['realized', 'projection', 'estimate'].flatMap((k) => seriesPoints(svg, k) ?? []).map(([, py]) => py);
      const highestPx = Math.min(...drawn);
      // The highest point is below the top gridline, and less than one step below it.
      const pxPerUnit = (a.bottomPx - a.topPx) / (a.max - a.min);
      expect(highestPx).toBeGreaterThanOrEqual(a.topPx - 0.1);
      expect(highestPx).toBeLessThan(a.topPx + a.step * pxPerUnit);
    }
    // Delta as of March 2026: the projection ends at the engine's projectedTotal 473,116.67, the
    // largest line; 473,116.67 / 5 = 94,623 rounds up to a step of 100,000, top 500,000.
    expect(yAxis(benefitChartSvg(demoSummary({ asOf: '2026-03' }), { title: 'T' }))).toMatchObject({ min: 0, max: 500_000, step: 100_000 });
  });

  it('draws the projection only from the as-of month on, continuing the realized line to the projected total', () => {
    const svg = benefitChartSvg(handSummary(10), { title: 'Hand' });
    const asOfX = Number(/<g data-marker="as-of" data-month="2026-03" data-x="([\d.]+)"/.exec(svg)![1]);
    const realized = seriesPoints(svg, 'realized')!;
    const projection = seriesPoints(svg, 'projection')!;
    // Realized: January to March (3 points), the last on the as-of line.
    expect(realized).toHaveLength(3);
    expect(realized[2]![0]).toBeCloseTo(asOfX, 1);
    // Projection: March (where realized ends, 25) then April to June: 4 points, none before March.
    expect(projection).toHaveLength(4);
    expect(projection[0]).toEqual(realized[2]);
    expect(projection.slice(1).every(([px]) => px > asOfX)).toBe(true);
    // Its values: 25, 45, 65, 85 on an axis of 0..100 (pixel heights are proportional).
    const a = yAxis(svg);
    const value = (py: number): number => ((a.bottomPx - py) / (a.bottomPx - a.topPx)) * a.max;
    expect(projection.map(([, py]) => Math.round(value(py)))).toEqual([25, 45, 65, 85]);
    // The Delta demo as of March 2026: the projection starts at realized to date, 88,886.67.
    const delta = benefitChartSvg(demoSummary({ asOf: '2026-03' }), { title: 'Delta' });
    const d = yAxis(delta);
    const first = seriesPoints(delta, 'projection')![0]!;
    expect(((d.bottomPx - first[1]) / (d.bottomPx - d.topPx)) * d.max).toBeCloseTo(88_886.67, -2);
    const last = seriesPoints(delta, 'projection')!.at(-1)!;
    expect(((d.bottomPx - last[1]) / (d.bottomPx - d.topPx)) * d.max).toBeCloseTo(473_116.67, -2);
    // As of the window's last month nothing is projected.
    expect(benefitChartSvg(handSummary(10, '2026-06'), { title: 'Hand' })).not.toContain('data-series="projection"');
  });

  it('lays out the legend and the as-of label without collisions, wrapping and shortening long names', () => {
    const cases: Array<[Summary, string]> = [
      [demoSummary({ asOf: '2026-03' }), 'Rollout Plan'],
      [demoSummary({ asOf: '2027-06' }), 'Rollout Plan'],
      [demoSummary({ asOf: '2025-07' }), 'A much longer name for the estimate the realization is compared with'],
      [handSummary(10, '2026-01'), 'x'.repeat(300)],
      [handSummary(10, '2026-05'), 'Plan'],
    ];
    for (const [s, name] of cases) {
      const svg = benefitChartSvg(s, { title: 'Delta', estimateName: name });
      const legend = [...boxes(svg, 'data-legend').values()];
      const asOf = boxes(svg, 'data-marker').get('as-of')!;
      expect(legend.length).toBeGreaterThanOrEqual(2);
      for (const [i, a] of legend.entries()) {
        expect(a.x + a.w).toBeLessThanOrEqual(CHART_WIDTH);
        expect(overlap(a, asOf)).toBe(false);
        for (const b of legend.slice(i + 1)) expect(overlap(a, b)).toBe(false);
      }
      expect(asOf.x).toBeGreaterThanOrEqual(0);
      expect(asOf.x + asOf.w).toBeLessThanOrEqual(CHART_WIDTH);
    }
  });

  it("estimates text widths no shorter than the font draws them (what the layout's boxes rest on)", () => {
    const Resvg = (createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
    for (const [text, bold] of [
      ['Plan: Rollout Plan (estimated)', false],
      ['Projected (not yet realized)', false],
      ['WWW MMM @@@ %%% 0123456789', false],
      ['Delta Corp – Support Automation', true],
    ] as const) {
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="60" font-family="${CHART_FONT_FAMILY}"><text x="0" y="40" font-size="17"${bold ? ' font-weight="bold"' : ''}>${text}</text></svg>`;
      const r = new Resvg(svg, { font: { loadSystemFonts: false, fontFiles: chartFontFiles(), defaultFontFamily: CHART_FONT_FAMILY } });
      const bbox = r.getBBox()!;
      expect(bbox.width).toBeGreaterThan(0);
      expect(textWidth(text, 17, bold)).toBeGreaterThanOrEqual(bbox.x + bbox.width - 0.5);
    }
  });
});
