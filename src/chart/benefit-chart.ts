import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { monthLabel, type Summary } from '../engine/index.ts';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-fonts.ts';
import { formatMoneyCompact } from '../format/format-money.ts';
import { fitText, textWidth } from './text-width.ts';

/** Size of the chart image in pixels (16:9, sharp in Slack's preview and full view). */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 675;

/** What to draw besides the summary. */
export interface ChartOptions {
  /** The business case's name, shown as the title. */
  title: string;
  /** Name of the scenario the estimate comes from, for the legend ("Rollout Plan"). */
  estimateName?: string;
  /**
   * Draw the estimate (the plan) it is compared with; default true. False leaves the line, its
   * legend entry and its values out of the picture and out of the y-axis scale (seed 000: the
   * estimated curve can be hidden, e.g. for a simpler view in front of the customer).
   */
  showEstimate?: boolean;
}

/** A rendered chart. */
export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

/** The series a chart can draw, as named in its SVG's `data-series` attributes. */
export type ChartSeries = 'realized' | 'projection' | 'estimate' | 'benefit';

const COLORS = { realized: '#1a7f37', projected: '#8c959f', estimated: '#0969da', grid: '#d0d7de', text: '#24292f', muted: '#57606a' };
const LEGEND_FONT = 17;
const AXIS_FONT = 16;
const AS_OF_FONT = 15;

const escapeXml = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');

function niceStep(range: number, target = 5): number {
  if (!(range > 0)) return 1;
  const raw = range / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const f = raw / power;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * power;
}

/** Running totals of a monthly series for plotting; null months (not yet realized) end the line. */
function runningTotals(values: ReadonlyArray<number | null>): Array<number | null> {
  let sum = 0;
  let ended = false;
  return values.map((v) => {
    if (v === null || ended) {
      ended = true;
      return null;
    }
    sum += v;
    return sum;
  });
}

/**
 * The lines, as running totals per month of the window (null where a line has no point):
 * - realized: the realized figures up to the as-of month;
 * - projection: from the as-of month's realized total on, adding the scenario's benefit of
 *   each later month, so it ends at the engine's `projectedTotal` (months up to the as-of
 *   month that claimed nothing stay unclaimed). Before the window starts it is the whole
 *   window's benefit; after the window ends there is none;
 * - estimate: the compared future scenario's benefit over the window (the plan);
 * - benefit: a future scenario's own benefit (it has no realized or projected line).
 */
function seriesOf(summary: Summary, showEstimate: boolean): Partial<Record<ChartSeries, Array<number | null>>> {
  const months = summary.monthly;
  const out: Partial<Record<ChartSeries, Array<number | null>>> = {};
  if (summary.kind === 'realization') {
    const realized = runningTotals(months.map((m) => m.realized));
    if (realized.some((v) => v !== null)) out.realized = realized;
    const last = realized.reduce<number>((k, v, i) => (v === null ? k : i), -1);
    if (last < months.length - 1) {
      let sum = last >= 0 ? realized[last]! : 0;
      out.projection = months.map((m, i) => {
        if (i < last) return null;
        if (i > last) sum += m.benefit;
        return sum;
      });
    }
  } else {
    out.benefit = runningTotals(months.map((m) => m.benefit));
  }
  if (showEstimate && months.length > 0 && months.every((m) => m.estimated !== null)) out.estimate = runningTotals(months.map((m) => m.estimated));
  return out;
}

/**
 * The chart of cumulative benefit as SVG: realized to date (solid green), the projection after
 * the as-of month (grey), and the estimate it is compared with, drawn as the plan over the
 * whole window (dashed blue; `showEstimate: false` hides it), with the as-of month marked. The
 * y-axis spans what is drawn (a hidden estimate does not stretch it). The lines are running
 * totals of the engine's monthly figures (drawing only); the headline numbers go in the text
 * beside the chart, straight from `summarize`.
 *
 * For pages that restyle or toggle parts client-side, the SVG marks them with stable
 * attributes: each line is a `<g data-series="realized|projection|estimate|benefit">`, each
 * legend entry a `<g data-legend="...">` with the same name, the as-of line
 * `<g data-marker="as-of">`, the y-axis `<g data-axis="y" data-min data-max data-step>`;
 * legend entries and the as-of label carry `data-bbox="x y width height"` (the space their
 * text takes, estimated from the font's advance widths), which is how the tests check that
 * nothing collides.
 */
export function benefitChartSvg(summary: Summary, options: ChartOptions): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const right = 40;
  const bottom = 80;
  const months = summary.monthly;
  const n = months.length;
  const series = seriesOf(summary, options.showEstimate !== false);

  // The y-axis: from 0 (or below, for negative totals) to the first step above what is drawn.
  const shown = Object.values(series).flatMap((s) => s.filter((v): v is number => v !== null));
  const maxV = Math.max(0, ...shown);
  const minV = Math.min(0, ...shown);
  const step = niceStep(maxV - minV);
  const yMax = Math.ceil(maxV / step) * step || step;
  const yMin = Math.floor(minV / step) * step;
  const ticks: number[] = [];
  for (let k = 0; yMin + k * step <= yMax + step / 2; k++) ticks.push(yMin + k * step);
  const tickLabels = ticks.map((v) => formatMoneyCompact(v, summary.currency));
  const left = Math.max(72, Math.ceil(Math.max(...tickLabels.map((t) => textWidth(t, AXIS_FONT)))) + 28);
  const plotW = W - left - right;

  // The legend: one row, wrapped when it does not fit; each label shortened to the plot's width.
  const legendItems: Array<{ key: ChartSeries; label: string; color: string; dash: string; width: number }> = [];
  const item = (key: ChartSeries, label: string, color: string, width: number, dash = ''): void => {
    legendItems.push({ key, label: fitText(label, LEGEND_FONT, plotW - 52), color, dash, width });
  };
  if (series.realized) item('realized', 'Realized', COLORS.realized, 5);
  if (series.projection) item('projection', 'Projected (not yet realized)', COLORS.projected, 3);
  if (series.benefit) item('benefit', 'Benefit', COLORS.projected, 3);
  if (series.estimate) item('estimate', options.estimateName ? `Plan: ${options.estimateName} (estimated)` : 'Plan (estimated)', COLORS.estimated, 3, '10 6');
  const legendParts: string[] = [];
  let lx = left;
  let row = 0;
  for (const it of legendItems) {
    const w = 44 + textWidth(it.label, LEGEND_FONT);
    if (lx > left && lx + w > left + plotW) {
      row++;
      lx = left;
    }
    const baseline = 114 + row * 28;
    const box = [lx, baseline - LEGEND_FONT, w, LEGEND_FONT + 5].map((v) => v.toFixed(1)).join(' ');
    legendParts.push(
      `<g data-legend="${it.key}" data-bbox="${box}">` +
        `<line x1="${lx}" y1="${baseline - 6}" x2="${lx + 36}" y2="${baseline - 6}" stroke="${it.color}" stroke-width="${Math.min(it.width, 4)}"${it.dash ? ` stroke-dasharray="${it.dash}"` : ''}/>` +
        `<text x="${lx + 44}" y="${baseline}" font-size="${LEGEND_FONT}" fill="${COLORS.text}">${escapeXml(it.label)}</text></g>`,
    );
    lx += w + 32;
  }
  const top = 150 + row * 28;
  const plotH = H - top - bottom;
  const x = (i: number): number => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number): number => top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const f = (v: number): string => v.toFixed(1);

  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(
    `<text x="${left}" y="48" font-size="28" font-weight="bold" fill="${COLORS.text}">${escapeXml(fitText(options.title, 28, W - left - right, true))}</text>`,
  );
  const subtitle = `Cumulative benefit, ${summary.currency} · as of ${monthLabel(summary.asOf)}`;
  parts.push(`<text x="${left}" y="82" font-size="18" fill="${COLORS.muted}">${escapeXml(subtitle)}</text>`);
  parts.push(...legendParts);

  const grid = ticks.map(
    (v, k) =>
      `<line x1="${left}" y1="${f(y(v))}" x2="${left + plotW}" y2="${f(y(v))}" stroke="${COLORS.grid}" stroke-width="1"/>` +
      `<text x="${left - 12}" y="${f(y(v) + 6)}" font-size="${AXIS_FONT}" text-anchor="end" fill="${COLORS.muted}">${escapeXml(tickLabels[k]!)}</text>`,
  );
  parts.push(`<g data-axis="y" data-min="${yMin}" data-max="${yMax}" data-step="${step}">${grid.join('')}</g>`);
  const every = n <= 12 ? 1 : n <= 24 ? 3 : n <= 48 ? 6 : 12;
  const xTicks: string[] = [];
  for (let i = 0; i < n; i += every) {
    xTicks.push(`<line x1="${f(x(i))}" y1="${top + plotH}" x2="${f(x(i))}" y2="${top + plotH + 6}" stroke="${COLORS.muted}"/>`);
    xTicks.push(
      `<text x="${f(x(i))}" y="${top + plotH + 28}" font-size="${AXIS_FONT}" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(monthLabel(months[i]!.month))}</text>`,
    );
  }
  xTicks.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="${COLORS.muted}" stroke-width="1.5"/>`);
  parts.push(`<g data-axis="x">${xTicks.join('')}</g>`);

  // The as-of month: a dashed line, labelled inside the plot's top edge on whichever side has room.
  const asOfIndex = months.findIndex((m) => m.month === summary.asOf);
  if (summary.kind === 'realization' && asOfIndex >= 0) {
    const xx = x(asOfIndex);
    const label = `as of ${monthLabel(summary.asOf)}`;
    const w = textWidth(label, AS_OF_FONT);
    const onRight = xx + 8 + w <= left + plotW;
    const lx0 = onRight ? xx + 8 : xx - 8 - w;
    const box = [lx0, top + 4, w, AS_OF_FONT + 5].map((v) => v.toFixed(1)).join(' ');
    parts.push(
      `<g data-marker="as-of" data-month="${summary.asOf}" data-x="${f(xx)}" data-bbox="${box}">` +
        `<line x1="${f(xx)}" y1="${top}" x2="${f(xx)}" y2="${top + plotH}" stroke="${COLORS.muted}" stroke-width="1.5" stroke-dasharray="4 4"/>` +
        `<rect x="${f(lx0 - 3)}" y="${top + 3}" width="${f(w + 6)}" height="${AS_OF_FONT + 7}" fill="#ffffff" fill-opacity="0.85"/>` +
        `<text x="${f(lx0)}" y="${top + 4 + AS_OF_FONT}" font-size="${AS_OF_FONT}" fill="${COLORS.muted}">${escapeXml(label)}</text></g>`,
    );
  }

  const line = (key: ChartSeries, color: string, width: number, dash = ''): void => {
    const values = series[key];
    if (!values) return;
    const pts = values.flatMap((v, i) => (v === null ? [] : [`${f(x(i))},${f(y(v))}`]));
    if (pts.length === 0) return;
    let shape: string;
    if (pts.length === 1) {
      const [px, py] = pts[0]!.split(',');
      shape = `<circle cx="${px}" cy="${py}" r="${width + 1}" fill="${color}"/>`;
    } else {
      shape = `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
    }
    parts.push(`<g data-series="${key}">${shape}</g>`);
  };
  line('estimate', COLORS.estimated, 3, '10 6');
  line('benefit', COLORS.projected, 3);
  line('projection', COLORS.projected, 3);
  line('realized', COLORS.realized, 5);

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${CHART_FONT_FAMILY}">${parts.join('')}</svg>`;
}

let Resvg: typeof ResvgClass | undefined;

/** Renders the chart to PNG in-process (resvg, no browser, no network, no system fonts). */
export function renderBenefitChart(summary: Summary, options: ChartOptions, fontFiles: readonly string[] = chartFontFiles()): RenderedChart {
  const svg = benefitChartSvg(summary, options);
  // Loaded with the first chart (a native module, CommonJS, so it can be required on demand).
  Resvg ??= (createRequire(import.meta.url)('@resvg/resvg-js') as typeof import('@resvg/resvg-js')).Resvg;
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: false, fontFiles: [...fontFiles], defaultFontFamily: CHART_FONT_FAMILY },
  });
  const image = resvg.render();
  return { png: image.asPng(), width: image.width, height: image.height };
}
