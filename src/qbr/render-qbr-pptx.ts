import type * as pptxgen from 'pptxgenjs';
import type { QbrFacts } from '../engine/index.ts';
import { AUDIENCE_LABELS, type QbrAudience } from './qbr-audience.ts';
import type { QbrChart } from './qbr-chart.ts';
import {
  assumptionRows,
  evidenceRows,
  financialNotes,
  financialRows,
  investmentRows,
  metricMonthNotes,
  metricRows,
  statusLabel,
  storyOf,
  useCaseStatus,
} from './deck/deck-content.ts';
import { formatMoney, formatPercent, formatSignedPercent, monthName, quarterName } from './format-qbr-figures.ts';
import { markdownSections, slideParagraphs, type SlideParagraph } from './slide-text.ts';

/** Why a deck's figures may not be today's: the draft was written before the case changed. */
export interface DeckStaleness {
  /** The case version the draft's facts were computed from. */
  draftCaseVersion: number;
  /** The case's version now. */
  currentCaseVersion: number;
  /** The chart is drawn from today's document (true), or left out (false). */
  chartFromToday: boolean;
}

/** What goes into the deck: the draft (its Markdown and the facts it was written from) and the chart. */
export interface QbrDeckInput {
  /** The draft's stored facts (with the story beside them when it was saved with one). */
  facts: QbrFacts;
  markdown: string;
  audience: QbrAudience;
  /** The draft's version, shown on the title slide and in every footer. */
  version?: number;
  /** The case version the facts were computed from. */
  caseVersion?: number;
  /** Who asked for the draft and when it was saved (ISO time): the report date. */
  preparedBy?: string;
  createdAt?: string;
  /** False adds a warning that some numbers are unverified (they are marked in the text). */
  grounded?: boolean;
  /** The cumulative benefit chart; null leaves a note on its slide instead. */
  chart: QbrChart | null;
  /** The chart was drawn without the estimate (`showEstimate: false`): its panel leaves it out too. */
  estimateHidden?: boolean;
  /** Set when the case's figures changed after the draft was written: every slide says so. */
  stale?: DeckStaleness | null;
}

// pptxgenjs ships one CommonJS-style declaration for both builds: under NodeNext its class is
// typed at `default.default`, while the ES build that Node loads exports it at `default`.
type PptxConstructor = typeof pptxgen.default.default;
type Pptx = InstanceType<PptxConstructor>;
type TableCell = pptxgen.default.TableCell;
type TableCellProps = pptxgen.default.TableCellProps;
type TableRow = pptxgen.default.TableRow;
type TextProps = pptxgen.default.TextProps;
let pptxGenJS: Promise<PptxConstructor> | undefined;

/** pptxgenjs, imported with the first deck: a server that renders none never loads it. */
function loadPptxGenJS(): Promise<PptxConstructor> {
  pptxGenJS ??= import('pptxgenjs').then((m) => {
    const loaded = m as unknown as { default: PptxConstructor | { default: PptxConstructor } };
    return typeof loaded.default === 'function' ? loaded.default : loaded.default.default;
  });
  return pptxGenJS;
}

const COLOR = {
  ink: '24292F',
  muted: '57606A',
  accent: '0969DA',
  header: 'E7EEF8',
  line: 'D0D7DE',
  warn: '9A6700',
  warnFill: 'FFF8C5',
  stale: 'CF222E',
  realized: '1A7F37',
  estimated: '0969DA',
  projected: '8C959F',
};
const FONT = 'Arial';
/** The slide (LAYOUT_WIDE, inches): content between the title rule and the footer. */
const PAGE = { x: 0.5, w: 12.3, top: 1.2, bottom: 6.85 };

type Slide = ReturnType<Pptx['addSlide']>;

/** What every slide carries: the footer, and the stale mark when the figures moved on. */
interface DeckFrame {
  footer: string;
  stale: DeckStaleness | null;
  /** The slides so far: the footers are added last, so each slide's own text reads first. */
  slides: Slide[];
}

function newSlide(pptx: Pptx, frame: DeckFrame, heading?: string): Slide {
  const slide = pptx.addSlide();
  frame.slides.push(slide);
  if (heading !== undefined) {
    slide.addText(heading, { x: PAGE.x, y: 0.3, w: PAGE.w, h: 0.7, fontFace: FONT, fontSize: 26, bold: true, color: COLOR.ink, fit: 'shrink' });
    slide.addShape('line', { x: PAGE.x, y: 1.0, w: PAGE.w, h: 0, line: { color: COLOR.accent, width: 1.5 } });
  }
  return slide;
}

/** The footer of every slide: the draft, its version and as-of month; STALE when the figures moved on. */
function addFooters(frame: DeckFrame): void {
  for (const slide of frame.slides) {
    slide.addText(frame.footer, { x: PAGE.x, y: 7.0, w: 8.3, h: 0.3, fontFace: FONT, fontSize: 9, color: COLOR.muted, fit: 'shrink' });
    if (frame.stale) {
      slide.addText(`⚠ STALE: figures changed since this draft (case v${frame.stale.draftCaseVersion} → v${frame.stale.currentCaseVersion})`, {
        x: 8.9,
        y: 7.0,
        w: 3.9,
        h: 0.3,
        fontFace: FONT,
        fontSize: 9,
        bold: true,
        color: COLOR.stale,
        align: 'right',
      });
    }
  }
}

/**
 * Lines a paragraph takes in a box `width` inches wide at `fontSize` points: Arial averages
 * about half an em per character; a little generous so text is split before it overflows.
 */
function linesOf(text: string, fontSize: number, width: number): number {
  const perLine = Math.max(8, Math.floor((width * 72) / (fontSize * 0.53)));
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
}

/** Height in inches of paragraphs set at `fontSize` with 6 pt between them. */
function heightOf(paragraphs: readonly SlideParagraph[], fontSize: number, width: number): number {
  return paragraphs.reduce((h, p) => h + (linesOf(p.text, fontSize, p.list ? width - 0.4 : width) * fontSize * 1.2 + 6) / 72, 0);
}

/** Text slides for a section: one at 20 or 16 pt when it fits, else at 14 pt split between paragraphs over several. */
function textSlides(pptx: Pptx, frame: DeckFrame, heading: string, paragraphs: readonly SlideParagraph[]): void {
  if (paragraphs.length === 0) return;
  const boxH = PAGE.bottom - PAGE.top;
  const fontSize = [20, 16].find((size) => heightOf(paragraphs, size, PAGE.w) <= boxH) ?? 14;
  const pages: SlideParagraph[][] = [[]];
  for (const p of paragraphs) {
    const page = pages[pages.length - 1]!;
    if (page.length > 0 && heightOf([...page, p], fontSize, PAGE.w) > boxH) pages.push([p]);
    else page.push(p);
  }
  pages.forEach((page, i) => {
    const slide = newSlide(pptx, frame, i === 0 ? heading : `${heading} (continued)`);
    slide.addText(
      page.map((p) => ({
        text: p.text,
        options: {
          breakLine: true,
          paraSpaceAfter: 6,
          ...(p.list === 'bullet' ? { bullet: true } : p.list === 'number' ? { bullet: { type: 'number' as const } } : {}),
          ...(p.strong ? { bold: true } : {}),
        },
      })),
      { x: PAGE.x, y: PAGE.top, w: PAGE.w, h: boxH, fontFace: FONT, fontSize, color: COLOR.ink, valign: 'top', fit: 'shrink' },
    );
  });
}

/** A table cell; its options are copied, since pptxgenjs writes the table's defaults into them. */
function cell(text: string, options: TableCellProps = {}): TableCell {
  return { text, options: { ...options } };
}
const head = (t: string, align: 'left' | 'center' | 'right' = 'center'): TableCell =>
  cell(t, { bold: true, fill: { color: COLOR.header }, align, valign: 'middle' });

/** Estimated height in inches of a table row at `fontSize`, its cells wrapping in their columns. */
function rowHeight(row: readonly TableCell[], colW: readonly number[], fontSize: number): number {
  const lines = Math.max(...row.map((c, i) => linesOf(String(c.text ?? ''), fontSize, Math.max(0.3, (colW[i] ?? 1) - 0.2))));
  return (lines * fontSize * 1.2) / 72 + 0.16;
}

/**
 * A table over as many slides as it needs (the header row repeated, "(continued)" in the
 * title), split where the estimated height of the rows would pass `bottom`.
 */
function pagedTable(
  pptx: Pptx,
  frame: DeckFrame,
  heading: string,
  header: TableRow,
  rows: readonly TableRow[],
  options: { colW: number[]; fontSize: number; y?: number; bottom?: number; after?: (slide: Slide, y: number) => void },
): void {
  const top = options.y ?? PAGE.top + 0.1;
  const bottom = options.bottom ?? PAGE.bottom;
  const pages: TableRow[][] = [[]];
  let h = rowHeight(header, options.colW, options.fontSize);
  const headH = h;
  for (const row of rows) {
    const rh = rowHeight(row, options.colW, options.fontSize);
    if (pages[pages.length - 1]!.length > 0 && top + h + rh > bottom) {
      pages.push([]);
      h = headH;
    }
    pages[pages.length - 1]!.push(row);
    h += rh;
  }
  pages.forEach((page, i) => {
    const slide = newSlide(pptx, frame, i === 0 ? heading : `${heading} (continued)`);
    slide.addTable([header, ...page], {
      x: PAGE.x,
      y: top,
      w: options.colW.reduce((a, b) => a + b, 0),
      colW: options.colW,
      fontFace: FONT,
      fontSize: options.fontSize,
      color: COLOR.ink,
      valign: 'middle',
      border: { type: 'solid', color: COLOR.line, pt: 0.75 },
    });
    if (i === pages.length - 1 && options.after) {
      const used = [header, ...page].reduce((s, r) => s + rowHeight(r, options.colW, options.fontSize), 0);
      options.after(slide, top + used + 0.2);
    }
  });
}

/** Small print under a table or chart, one paragraph per line. */
function notes(slide: Slide, lines: readonly string[], y: number, fontSize = 12): void {
  if (lines.length === 0) return;
  const h = Math.max(
    0.3,
    Math.min(
      PAGE.bottom - y,
      heightOf(
        lines.map((text) => ({ text, list: null })),
        fontSize,
        PAGE.w,
      ) + 0.1,
    ),
  );
  slide.addText(
    lines.map((text) => ({ text, options: { breakLine: true, paraSpaceAfter: 4 } })),
    { x: PAGE.x, y, w: PAGE.w, h, fontFace: FONT, fontSize, color: COLOR.muted, valign: 'top', fit: 'shrink' },
  );
}

const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z]+/g, ' ')
    .trim();

/**
 * The QBR as a slide deck (PPTX, built in-process with pptxgenjs):
 * 1. title: case, customer, audience, report date and who prepared it, the figures' as-of
 *    month, the draft's version and the case version; a warning when numbers are unverified,
 *    and a stale warning when the case's figures changed after the draft was written;
 * 2. the executive summary (the draft's text);
 * 3. the chart of cumulative realized benefit against the plan, with the projection after the
 *    as-of month, and the headline figures beside it;
 * 4. outcomes per use case (realized in the quarter, to date, estimated, variance, status);
 * 5. the metrics: before, start of the quarter, after, target, after vs target, status, and
 *    which months were measured and which carried forward;
 * 6. the financial table (investment, realized, net benefit, ROI, payback, projected) and the
 *    investment schedule;
 * 7. the draft's other sections, one or more slides each (edits and marks included);
 * 8. the appendix: every measurement with its source, evidence and note; the assumptions.
 * Tables take the facts (and the story) the draft was written from, never today's figures;
 * every slide's footer names the draft, its version and as-of month, and says STALE when
 * `stale` is set.
 */
export async function renderQbrPptx(input: QbrDeckInput): Promise<Buffer> {
  const { facts: f, markdown } = input;
  const story = storyOf(f);
  const c = f.businessCase.currency;
  const money = (v: number | null): string => (v === null ? '—' : formatMoney(v, c));
  const q = quarterName(f.quarter.id);
  const showEstimate = input.estimateHidden !== true;
  const stale = input.stale ?? null;
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = input.preparedBy ?? 'value-engineer';
  pptx.title = `Quarterly Business Review: ${f.businessCase.name}, ${q}`;
  pptx.subject = `QBR ${q} for ${AUDIENCE_LABELS[input.audience]}`;
  const draftName = input.version ? `draft v${input.version}` : 'draft';
  const frame: DeckFrame = {
    footer: `${f.businessCase.name} · QBR ${q} · ${AUDIENCE_LABELS[input.audience]} · ${draftName} · figures as of ${monthName(f.asOf)}`,
    stale,
    slides: [],
  };

  // 1. Title.
  const cover = newSlide(pptx, frame);
  cover.addText(`Quarterly Business Review, ${q}`, {
    x: 0.8,
    y: 1.6,
    w: 11.7,
    h: 1.0,
    fontFace: FONT,
    fontSize: 36,
    bold: true,
    color: COLOR.ink,
    fit: 'shrink',
  });
  cover.addText(f.businessCase.name, { x: 0.8, y: 2.6, w: 11.7, h: 0.7, fontFace: FONT, fontSize: 24, color: COLOR.accent, fit: 'shrink' });
  const reportDate = input.createdAt && /^\d{4}-\d{2}-\d{2}/.test(input.createdAt) ? input.createdAt.slice(0, 10) : null;
  const prepared = [input.preparedBy ? `prepared by ${input.preparedBy}` : '', reportDate ? `report date ${reportDate}` : ''].filter(Boolean).join(', ');
  cover.addText(
    [
      { text: `${f.businessCase.customer} · for: ${AUDIENCE_LABELS[input.audience]}${prepared ? ` · ${prepared}` : ''}`, options: { breakLine: true } },
      {
        text: `Figures as of ${monthName(f.asOf)}, in ${c} · ${draftName}${input.caseVersion ? ` (case version ${input.caseVersion})` : ''}`,
        options: { breakLine: true },
      },
    ],
    { x: 0.8, y: 3.5, w: 11.7, h: 0.9, fontFace: FONT, fontSize: 16, color: COLOR.muted, fit: 'shrink' },
  );
  let warnY = 4.7;
  if (stale) {
    cover.addText(
      [
        {
          text: `⚠ Stale: the case's figures changed after this draft was written (it was drawn from case version ${stale.draftCaseVersion}; the case is now at version ${stale.currentCaseVersion}).`,
          options: { bold: true, breakLine: true },
        },
        {
          text: stale.chartFromToday
            ? "The text and tables show the draft's figures; the chart is drawn from today's, so the two can disagree. Write a new draft before sending."
            : "The text and tables show the draft's figures; no chart is drawn. Write a new draft before sending.",
          options: { breakLine: true },
        },
      ],
      { x: 0.8, y: warnY, w: 11.7, h: 1.0, fontFace: FONT, fontSize: 14, color: COLOR.stale, fill: { color: COLOR.warnFill }, valign: 'middle', fit: 'shrink' },
    );
    warnY += 1.15;
  }
  if (input.grounded === false) {
    cover.addText('⚠ Some numbers in this draft match no engine figure; they are marked "unverified". Check them before sending.', {
      x: 0.8,
      y: warnY,
      w: 11.7,
      h: 0.6,
      fontFace: FONT,
      fontSize: 14,
      color: COLOR.warn,
    });
  }

  // The draft's sections, in its own order; the executive summary first.
  const sections = markdownSections(markdown);
  const isSummary = (t: string): boolean => normalize(t) === 'executive summary';
  const summary = sections.find((s) => isSummary(s.title));
  if (summary) textSlides(pptx, frame, summary.title, slideParagraphs(summary.body));

  // 3. The chart.
  const chartSlide = newSlide(
    pptx,
    frame,
    showEstimate && f.compareWith ? 'Cumulative benefit: realized against the plan' : 'Cumulative benefit: realized and projected',
  );
  const chartW = 9.0;
  const chartH = input.chart ? (chartW * input.chart.height) / input.chart.width : 5.3;
  if (input.chart) {
    chartSlide.addImage({
      data: `image/png;base64,${input.chart.png.toString('base64')}`,
      x: PAGE.x,
      y: PAGE.top,
      w: chartW,
      h: chartH,
      altText: `Cumulative realized benefit${showEstimate ? ' against the estimate' : ''} for ${f.businessCase.name}, as of ${monthName(f.asOf)}`,
    });
  } else {
    chartSlide.addText(stale ? 'The chart is left out: the case has changed since this draft.' : 'The chart could not be drawn for this case.', {
      x: PAGE.x,
      y: 3,
      w: chartW,
      h: 0.6,
      fontFace: FONT,
      fontSize: 16,
      color: COLOR.muted,
    });
  }
  // A chart drawn without a font has no legend of its own: the slide gives it.
  const key: TextProps[] =
    input.chart && !input.chart.labelled
      ? [
          { text: '━ Realized', options: { color: COLOR.realized, bold: true, breakLine: true } },
          { text: '━ Projected (not yet realized)', options: { color: COLOR.projected, bold: true, breakLine: true } },
          ...(showEstimate && f.compareWith
            ? [{ text: `┅ Plan: ${f.compareWith.name} (estimated)`, options: { color: COLOR.estimated, bold: true, breakLine: true } }]
            : []),
          { text: ' ', options: { breakLine: true } },
        ]
      : [];
  const panel: TextProps[] = [
    ...key,
    { text: 'Realized to date', options: { breakLine: true, color: COLOR.muted, fontSize: 11 } },
    { text: money(f.toDate.realized), options: { breakLine: true, bold: true, fontSize: 20, color: COLOR.realized } },
    {
      text: `measured ${money(f.toDate.measured)}, of it ${money(f.toDate.carriedForward)} carried forward; assumed ${money(f.toDate.assumed)}`,
      options: { breakLine: true, fontSize: 11, color: COLOR.muted },
    },
    { text: ' ', options: { breakLine: true, fontSize: 6 } },
    ...(showEstimate && f.toDate.estimated !== null
      ? [
          { text: `Plan to date: ${money(f.toDate.estimated)}`, options: { breakLine: true } },
          ...(f.toDate.variance !== null ? [{ text: `Realized vs plan: ${formatSignedPercent(f.toDate.variance)}`, options: { breakLine: true } }] : []),
        ]
      : []),
    { text: `Investment to date: ${money(f.toDate.investment)}`, options: { breakLine: true } },
    ...(f.toDate.roi !== null
      ? [{ text: `ROI to date: ${formatPercent(f.toDate.roi)}${f.toDate.roi < 0 ? ' (negative)' : ''}`, options: { breakLine: true } }]
      : []),
    { text: `Payback: ${f.toDate.paybackMonth ? monthName(f.toDate.paybackMonth) : 'not yet'}`, options: { breakLine: true } },
    { text: `Projected by ${monthName(f.scenario.end)}: ${money(f.contract.projectedTotal)}`, options: { breakLine: true } },
  ];
  chartSlide.addText(panel, { x: 10.1, y: PAGE.top, w: 2.9, h: chartH, fontFace: FONT, fontSize: 13, color: COLOR.ink, valign: 'top', fit: 'shrink' });
  notes(
    chartSlide,
    [
      `Running totals per month, ${c}, ${monthName(f.scenario.start)} to ${monthName(f.scenario.end)}: realized up to ${monthName(f.asOf)}, projected after it.`,
    ],
    PAGE.top + chartH + 0.05,
    11,
  );
  if (stale?.chartFromToday) {
    chartSlide.addText("⚠ The chart is drawn from today's figures, which changed after this draft; the figures beside it are the draft's.", {
      x: PAGE.x,
      y: PAGE.top + chartH + 0.35,
      w: PAGE.w,
      h: 0.3,
      fontFace: FONT,
      fontSize: 11,
      bold: true,
      color: COLOR.stale,
    });
  }

  // 4.-6. The tables, in the order the audience reads them first.
  const right = { align: 'right' as const };
  const outcomesSlide = (): void => {
    // 4. Outcomes per use case.
    const outcomeHeader: TableRow = [
      head('Use case', 'left'),
      head(`Realized in ${q}`),
      head('Realized to date'),
      head('of it assumed'),
      ...(showEstimate ? [head('Estimated to date'), head('Variance')] : []),
      head('Status'),
    ];
    const outcomeRows: TableRow[] = [
      ...f.useCases.map((u) => {
        const status = useCaseStatus(f, story, u.id);
        const weak = status === 'behind' || status === 'at risk';
        return [
          cell(u.name),
          cell(money(u.quarter.realized), right),
          cell(money(u.toDate.realized), right),
          cell(money(u.toDate.assumed), right),
          ...(showEstimate
            ? [cell(money(u.toDate.estimated), right), cell(u.toDate.variance === null ? '—' : formatSignedPercent(u.toDate.variance), right)]
            : []),
          cell(statusLabel(status), { bold: weak, color: weak ? COLOR.warn : COLOR.ink }),
        ];
      }),
      [
        cell('Total', { bold: true }),
        cell(money(f.inQuarter.realized), { ...right, bold: true }),
        cell(money(f.toDate.realized), { ...right, bold: true }),
        cell(money(f.toDate.assumed), { ...right, bold: true }),
        ...(showEstimate
          ? [
              cell(money(f.toDate.estimated), { ...right, bold: true }),
              cell(f.toDate.variance === null ? '—' : formatSignedPercent(f.toDate.variance), { ...right, bold: true }),
            ]
          : []),
        cell(''),
      ],
    ];
    pagedTable(pptx, frame, 'Outcomes per use case', outcomeHeader, outcomeRows, {
      colW: showEstimate ? [3.9, 1.55, 1.55, 1.4, 1.55, 1.05, 1.3] : [5.0, 1.9, 1.9, 1.9, 1.6],
      fontSize: 13,
      after: (slide, y) =>
        notes(
          slide,
          [
            `Realized in ${q}: ${money(f.inQuarter.realized)} (measured ${money(f.inQuarter.measured)}, of it ${money(f.inQuarter.carriedForward)} carried forward; assumed ${money(f.inQuarter.assumed)})${showEstimate && f.inQuarter.estimated !== null ? ` against ${money(f.inQuarter.estimated)} estimated` : ''}.`,
            'Status: a use case with nothing measured rests on assumptions only and is "not measured", never ahead or behind.',
          ],
          y,
        ),
    });
  };
  const metricsSlide = (): void => {
    // 5. Metrics: before, after, target.
    const mRows = metricRows(f, story);
    if (mRows.length > 0) {
      pagedTable(
        pptx,
        frame,
        'Metrics: before, after and target',
        [head('Metric', 'left'), head('Before'), head(`Start of ${q}`), head(`After (end of ${q})`), head('Target'), head('After vs target'), head('Status')],
        mRows.map((r) => [
          cell(r.metric),
          cell(r.before),
          cell(r.atQuarterStart, { align: 'center' }),
          cell(r.after, { align: 'center' }),
          cell(r.target, { align: 'center' }),
          cell(r.vsTarget, { align: 'center' }),
          cell(r.status, {
            bold: r.status === 'Behind' || r.status === 'At risk',
            color: r.status === 'Behind' || r.status === 'At risk' ? COLOR.warn : COLOR.ink,
          }),
        ]),
        {
          colW: [2.7, 2.6, 1.3, 1.9, 1.3, 1.3, 1.2],
          fontSize: 13,
          after: (slide, y) =>
            notes(
              slide,
              [
                ...metricMonthNotes(f),
                'Before: the business case’s baseline, or the first measurement when the metric was tracked without one. After vs target: points for a rate, else relative; positive is better.',
              ],
              y,
            ),
        },
      );
    }
  };
  const financialSlide = (): void => {
    // 6. Financial table and investment schedule.
    const fin = financialRows(f, story, { showEstimate });
    const schedule = investmentRows(f, story);
    const finSlideNotes = financialNotes(f, story);
    pagedTable(
      pptx,
      frame,
      'Financial summary: investment, return and payback',
      [head('', 'left'), head(`To date (${monthName(f.asOf)})`), head(`Contract (${monthName(f.scenario.start)} – ${monthName(f.scenario.end)})`)],
      fin.map(([label, toDate, contract], i) => {
        const sub = label.startsWith('   ');
        return [
          cell(sub ? `\u00a0\u00a0\u00a0\u00a0${label.trim()}` : label, { bold: !sub, color: sub ? COLOR.muted : COLOR.ink }),
          cell(toDate, { ...right, bold: i === 1 }),
          cell(contract, right),
        ];
      }),
      {
        colW: [5.3, 3.5, 3.5],
        fontSize: 12,
        after: (slide, y) => {
          let yy = y;
          if (schedule.length > 0) {
            const rows: TableRow[] = [
              [head('Investment item', 'left'), head('Charged'), head('To date'), head('Contract')],
              ...schedule.map((r) => [cell(r[0]), cell(r[1]), cell(r[2], right), cell(r[3], right)]),
            ];
            const colW = [5.3, 2.5, 2.25, 2.25];
            slide.addTable(rows, {
              x: PAGE.x,
              y: yy,
              w: 12.3,
              colW,
              fontFace: FONT,
              fontSize: 11,
              color: COLOR.ink,
              valign: 'middle',
              border: { type: 'solid', color: COLOR.line, pt: 0.75 },
            });
            yy += rows.reduce((s, r) => s + rowHeight(r, colW, 11), 0) + 0.15;
          }
          notes(slide, finSlideNotes, yy, 11);
        },
      },
    );
  };
  const order: Record<QbrAudience, Array<() => void>> = {
    'executive-sponsor': [outcomesSlide, metricsSlide, financialSlide],
    finance: [financialSlide, outcomesSlide, metricsSlide],
    champion: [metricsSlide, outcomesSlide, financialSlide],
  };
  for (const slide of order[input.audience]) slide();

  // 7. The rest of the narrative, in the draft's order; 8. the appendix tables after the
  // draft's own appendix (or before its sign-off, or at the end).
  const appendix = (): void => {
    const evidence = evidenceRows(f, story);
    if (evidence.length > 0) {
      pagedTable(
        pptx,
        frame,
        story ? 'Appendix: measurements, sources and evidence' : `Appendix: measurements in ${q}, sources and evidence`,
        [head('Month', 'left'), head('Metric', 'left'), head('Value'), head('Source', 'left'), head('Evidence', 'left'), head('Note', 'left')],
        evidence.map((r) => [cell(r[0]), cell(r[1]), cell(r[2], { align: 'center' }), cell(r[3]), cell(r[4]), cell(r[5])]),
        { colW: [1.45, 2.2, 1.3, 2.0, 2.55, 2.8], fontSize: 11 },
      );
    }
    const assumptions = assumptionRows(f, story);
    if (assumptions.length > 0) {
      pagedTable(
        pptx,
        frame,
        'Appendix: assumptions (business-case inputs, not measured)',
        [head('Use case', 'left'), head('Input', 'left'), head('Value')],
        assumptions.map((r) => [cell(r[0]), cell(r[1]), cell(r[2], { align: 'center' })]),
        { colW: [4.3, 4.5, 3.5], fontSize: 11 },
      );
    }
  };
  const rest = sections.filter((s) => s !== summary);
  const draftAppendix = rest.findIndex((s) => normalize(s.title).startsWith('appendix'));
  const signOff = rest.findIndex((s) => /^sign ?off\b/.test(normalize(s.title)));
  const appendixAfter = draftAppendix >= 0 ? draftAppendix : signOff >= 0 ? signOff - 1 : rest.length - 1;
  if (appendixAfter < 0) appendix();
  rest.forEach((s, i) => {
    textSlides(pptx, frame, s.title, slideParagraphs(s.body));
    if (i === appendixAfter) appendix();
  });

  addFooters(frame);
  const out = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as Uint8Array);
}
