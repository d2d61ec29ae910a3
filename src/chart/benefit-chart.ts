import { createRequire } from 'node:module';
import type { Resvg as ResvgClass } from '@resvg/resvg-js';
import { monthLabel, type Summary } from '../engine/index.ts';
import { CHART_FONT_FAMILY, chartFontFiles } from './chart-fonts.ts';
import { formatMoneyCompact } from '../format/format-money.ts';

/** Size of the chart image in pixels (16:9, sharp in Slack's preview and full view). */
export const CHART_WIDTH = 1200;
export const CHART_HEIGHT = 675;

/** What to draw besides the summary. */
export interface ChartOptions {
  /** The business case's name, shown as the title. */
  title: string;
  /** Name of the scenario the estimate comes from, for the legend ("Rollout Plan"). */
  estimateName?: string;
}

/** A rendered chart. */
export interface RenderedChart {
  png: Buffer;
  width: number;
  height: number;
}

const COLORS = { realized: '#1a7f37', projected: '#8c959f', estimated: '#0969da', grid: '#d0d7de', text: '#24292f', muted: '#57606a' };

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
 * The chart of cumulative benefit as SVG: realized to date (solid), the scenario's projection
 * over its window (grey), and the estimate it is compared with (dashed blue), with the as-of
 * month marked. The lines are running totals of the engine's monthly figures (drawing only);
 * the headline numbers go in the message text, straight from `summarize`.
 */
export function benefitChartSvg(summary: Summary, options: ChartOptions): string {
  const W = CHART_WIDTH;
  const H = CHART_HEIGHT;
  const left = 120;
  const right = 40;
  const top = 130;
  const bottom = 80;
  const plotW = W - left - right;
  const plotH = H - top - bottom;
  const months = summary.monthly;
  const n = months.length;

  const realized = summary.kind === 'realization' ? runningTotals(months.map((m) => m.realized)) : [];
  const projected = runningTotals(months.map((m) => m.benefit));
  const hasEstimate = months.length > 0 && months.every((m) => m.estimated !== null);
  const estimated = hasEstimate ? runningTotals(months.map((m) => m.estimated)) : [];
  const all = [...realized, ...projected, ...estimated].filter((v): v is number => v !== null);
  const maxV = Math.max(0, ...all);
  const minV = Math.min(0, ...all);
  const step = niceStep(maxV - minV);
  const yMax = Math.ceil(maxV / step) * step || step;
  const yMin = Math.floor(minV / step) * step;
  const x = (i: number): number => left + (n <= 1 ? plotW / 2 : (i / (n - 1)) * plotW);
  const y = (v: number): number => top + plotH - ((v - yMin) / (yMax - yMin)) * plotH;
  const f = (v: number): string => v.toFixed(1);

  const parts: string[] = [];
  parts.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  parts.push(`<text x="${left}" y="48" font-size="28" font-weight="bold" fill="${COLORS.text}">${escapeXml(options.title)}</text>`);
  const subtitle = `Cumulative benefit, ${summary.currency} · as of ${monthLabel(summary.asOf)}`;
  parts.push(`<text x="${left}" y="82" font-size="18" fill="${COLORS.muted}">${escapeXml(subtitle)}</text>`);

  for (let v = yMin; v <= yMax + step / 2; v += step) {
    const yy = f(y(v));
    parts.push(`<line x1="${left}" y1="${yy}" x2="${left + plotW}" y2="${yy}" stroke="${COLORS.grid}" stroke-width="1"/>`);
    parts.push(
      `<text x="${left - 12}" y="${f(y(v) + 6)}" font-size="16" text-anchor="end" fill="${COLORS.muted}">${escapeXml(formatMoneyCompact(v, summary.currency))}</text>`,
    );
  }
  const every = n <= 12 ? 1 : n <= 24 ? 3 : n <= 48 ? 6 : 12;
  for (let i = 0; i < n; i += every) {
    parts.push(`<line x1="${f(x(i))}" y1="${top + plotH}" x2="${f(x(i))}" y2="${top + plotH + 6}" stroke="${COLORS.muted}"/>`);
    parts.push(
      `<text x="${f(x(i))}" y="${top + plotH + 28}" font-size="16" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(monthLabel(months[i]!.month))}</text>`,
    );
  }
  parts.push(`<line x1="${left}" y1="${top + plotH}" x2="${left + plotW}" y2="${top + plotH}" stroke="${COLORS.muted}" stroke-width="1.5"/>`);

  const asOfIndex = months.findIndex((m) => m.month === summary.asOf);
  if (summary.kind === 'realization' && asOfIndex >= 0) {
    const xx = f(x(asOfIndex));
    parts.push(`<line x1="${xx}" y1="${top}" x2="${xx}" y2="${top + plotH}" stroke="${COLORS.muted}" stroke-width="1.5" stroke-dasharray="4 4"/>`);
    parts.push(
      `<text x="${xx}" y="${top - 8}" font-size="15" text-anchor="middle" fill="${COLORS.muted}">${escapeXml(`as of ${monthLabel(summary.asOf)}`)}</text>`,
    );
  }

  const line = (values: ReadonlyArray<number | null>, color: string, width: number, dash = ''): void => {
    const pts = values.flatMap((v, i) => (v === null ? [] : [`${f(x(i))},${f(y(v))}`]));
    if (pts.length === 0) return;
    if (pts.length === 1) {
      const [px, py] = pts[0]!.split(',');
      parts.push(`<circle cx="${px}" cy="${py}" r="${width + 1}" fill="${color}"/>`);
      return;
    }
    parts.push(
      `<polyline points="${pts.join(' ')}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
  };
  line(projected, COLORS.projected, 2.5);
  if (hasEstimate) line(estimated, COLORS.estimated, 3, '10 6');
  if (realized.length > 0) line(realized, COLORS.realized, 5);

  const legend: Array<[string, string, string]> = [];
  if (realized.length > 0) legend.push(['Realized', COLORS.realized, '']);
  legend.push([summary.kind === 'realization' ? 'Projected' : 'Benefit', COLORS.projected, '']);
  if (hasEstimate) legend.push([`Estimated${options.estimateName ? ` (${options.estimateName})` : ''}`, COLORS.estimated, '10 6']);
  let lx = left;
  for (const [label, color, dash] of legend) {
    parts.push(`<line x1="${lx}" y1="108" x2="${lx + 36}" y2="108" stroke="${color}" stroke-width="4"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    parts.push(`<text x="${lx + 44}" y="114" font-size="17" fill="${COLORS.text}">${escapeXml(label)}</text>`);
    lx += 44 + label.length * 10 + 36;
  }

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
