import type * as pptxgen from 'pptxgenjs';
import type { QbrFacts } from '../engine/index.ts';
import { AUDIENCE_LABELS, type QbrAudience } from './qbr-audience.ts';
import type { QbrChart } from './qbr-chart.ts';
import { QBR_SECTIONS, sectionBody } from './qbr-sections.ts';
import { formatMoney, formatPercent, formatSignedPercent, monthName, quarterName } from './format-qbr-figures.ts';
import { slideParagraphs } from './slide-text.ts';

/** What goes into the deck: the draft (its Markdown and the facts it was written from) and the chart. */
export interface QbrDeckInput {
  facts: QbrFacts;
  markdown: string;
  audience: QbrAudience;
  /** The draft's version, shown on the title slide. */
  version?: number;
  /** False adds a warning that some numbers are unverified (they are marked in the text). */
  grounded?: boolean;
  /** The cumulative benefit chart; null leaves a note on its slide instead. */
  chart: QbrChart | null;
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
  realized: '1A7F37',
  estimated: '0969DA',
  projected: '8C959F',
};
const FONT = 'Arial';
const STATUS: Record<string, string> = { ahead: 'Ahead', 'on-track': 'On track', behind: 'Behind', 'no-estimate': 'No estimate' };

type Slide = ReturnType<Pptx['addSlide']>;

function title(slide: Slide, text: string): void {
  slide.addText(text, { x: 0.5, y: 0.3, w: 12.3, h: 0.7, fontFace: FONT, fontSize: 26, bold: true, color: COLOR.ink });
  slide.addShape('line', { x: 0.5, y: 1.0, w: 12.3, h: 0, line: { color: COLOR.accent, width: 1.5 } });
}

function textSlide(pptx: Pptx, heading: string, markdown: string): void {
  const paragraphs = slideParagraphs(markdown);
  if (paragraphs.length === 0) return;
  const slide = pptx.addSlide();
  title(slide, heading);
  const chars = paragraphs.reduce((n, p) => n + p.text.length, 0);
  const fontSize = chars > 1400 ? 11 : chars > 1000 ? 12 : chars > 700 ? 14 : 16;
  slide.addText(
    paragraphs.map((p) => ({
      text: p.text,
      options: {
        breakLine: true,
        paraSpaceAfter: 6,
        ...(p.list === 'bullet' ? { bullet: true } : p.list === 'number' ? { bullet: { type: 'number' as const } } : {}),
      },
    })),
    { x: 0.5, y: 1.2, w: 12.3, h: 5.9, fontFace: FONT, fontSize, color: COLOR.ink, valign: 'top', fit: 'shrink' },
  );
}

function cell(text: string, options: TableCellProps = {}): TableCell {
  return { text, options };
}

/**
 * The QBR as a slide deck (PPTX, built in-process with pptxgenjs): a title slide, the
 * executive summary, the chart of cumulative realized vs estimated benefit, the outcomes
 * table (per use case: realized in the quarter, to date, the estimate, status), the
 * financial figures, then milestones, risks and next quarter's priorities from the draft.
 * Narrative slides take the draft's text (edits and unverified marks included); tables
 * take the facts the draft was written from.
 */
export async function renderQbrPptx(input: QbrDeckInput): Promise<Buffer> {
  const { facts: f, markdown } = input;
  const money = (v: number | null): string => (v === null ? '—' : formatMoney(v, f.businessCase.currency));
  const q = quarterName(f.quarter.id);
  const PptxGenJS = await loadPptxGenJS();
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.author = 'value-engineer';
  pptx.title = `Quarterly Business Review: ${f.businessCase.name}, ${q}`;
  pptx.subject = `QBR ${q} for ${AUDIENCE_LABELS[input.audience]}`;

  // 1. Title.
  const cover = pptx.addSlide();
  cover.addText(`Quarterly Business Review, ${q}`, { x: 0.8, y: 2.0, w: 11.7, h: 1.0, fontFace: FONT, fontSize: 36, bold: true, color: COLOR.ink });
  cover.addText(f.businessCase.name, { x: 0.8, y: 3.0, w: 11.7, h: 0.7, fontFace: FONT, fontSize: 24, color: COLOR.accent });
  cover.addText(
    [
      { text: `${f.businessCase.customer} · prepared for: ${AUDIENCE_LABELS[input.audience]}`, options: { breakLine: true } },
      {
        text: `Figures as of ${monthName(f.asOf)}, in ${f.businessCase.currency}${input.version ? ` · draft v${input.version}` : ''}`,
        options: { breakLine: true },
      },
    ],
    { x: 0.8, y: 3.9, w: 11.7, h: 0.9, fontFace: FONT, fontSize: 16, color: COLOR.muted },
  );
  if (input.grounded === false) {
    cover.addText('⚠ Some numbers in this draft match no engine figure; they are marked "unverified". Check them before sending.', {
      x: 0.8,
      y: 5.2,
      w: 11.7,
      h: 0.6,
      fontFace: FONT,
      fontSize: 14,
      color: COLOR.warn,
    });
  }

  // 2. Executive summary.
  const summary = sectionBody(markdown, QBR_SECTIONS[0]);
  if (summary) textSlide(pptx, QBR_SECTIONS[0], summary);

  // 3. The chart.
  const chartSlide = pptx.addSlide();
  title(chartSlide, 'Cumulative benefit: realized vs estimated');
  if (input.chart) {
    const w = 9.4;
    const h = (w * input.chart.height) / input.chart.width;
    chartSlide.addImage({
      data: `image/png;base64,${input.chart.png.toString('base64')}`,
      x: 0.5,
      y: 1.2,
      w,
      h,
      altText: `Cumulative realized benefit against the estimate for ${f.businessCase.name}, as of ${monthName(f.asOf)}`,
    });
  } else {
    chartSlide.addText('The chart could not be drawn for this case.', { x: 0.5, y: 3, w: 9.4, h: 0.6, fontFace: FONT, fontSize: 16, color: COLOR.muted });
  }
  // A chart drawn without a font has no legend of its own: the slide gives it.
  const key: TextProps[] = input.chart?.labelled
    ? []
    : [
        { text: '━ Realized', options: { color: COLOR.realized, bold: true, breakLine: true } },
        ...(f.compareWith ? [{ text: `┅ Estimated (${f.compareWith.name})`, options: { color: COLOR.estimated, bold: true, breakLine: true } }] : []),
        { text: '━ Projected (not yet realized)', options: { color: COLOR.projected, bold: true, breakLine: true } },
        { text: ' ', options: { breakLine: true } },
      ];
  const legend: TextProps[] = [
    ...key,
    { text: `Realized to date: ${money(f.toDate.realized)}`, options: { breakLine: true } },
    { text: `  measured ${money(f.toDate.measured)}, assumed ${money(f.toDate.assumed)}`, options: { breakLine: true, color: COLOR.muted } },
    ...(f.toDate.estimated !== null ? [{ text: `Estimated to date: ${money(f.toDate.estimated)}`, options: { breakLine: true } }] : []),
    ...(f.toDate.variance !== null ? [{ text: `Variance: ${formatSignedPercent(f.toDate.variance)}`, options: { breakLine: true } }] : []),
    { text: `Investment to date: ${money(f.toDate.investment)}`, options: { breakLine: true } },
    ...(f.toDate.roi !== null
      ? [{ text: `ROI to date: ${formatPercent(f.toDate.roi)}${f.toDate.roi < 0 ? ' negative' : ''}`, options: { breakLine: true } }]
      : []),
    { text: `Payback: ${f.toDate.paybackMonth ? monthName(f.toDate.paybackMonth) : 'not yet'}`, options: { breakLine: true } },
  ];
  chartSlide.addText(legend, { x: 10.1, y: 1.3, w: 3.0, h: 5.0, fontFace: FONT, fontSize: 13, color: COLOR.ink, valign: 'top' });
  chartSlide.addText(
    `Running totals per month, ${f.businessCase.currency}, ${monthName(f.scenario.start)} to ${monthName(f.scenario.end)}; realized up to ${monthName(f.asOf)}.`,
    {
      x: 0.5,
      y: 6.7,
      w: 12.3,
      h: 0.4,
      fontFace: FONT,
      fontSize: 11,
      color: COLOR.muted,
    },
  );

  // 4. Outcomes table.
  const outcomes = pptx.addSlide();
  title(outcomes, 'Promised outcomes vs actual results');
  const head = (t: string): TableCell => cell(t, { bold: true, fill: { color: COLOR.header }, align: 'center' });
  const right = { align: 'right' as const };
  const rows: TableRow[] = [
    [head('Use case'), head(`Realized in ${q}`), head('Realized to date'), head('Estimated to date'), head('Variance'), head('Status')],
    ...f.useCases.map((u) => [
      cell(u.name),
      cell(money(u.quarter.realized), right),
      cell(money(u.toDate.realized), right),
      cell(money(u.toDate.estimated), right),
      cell(u.toDate.variance === null ? '—' : formatSignedPercent(u.toDate.variance), right),
      cell(STATUS[u.status] ?? u.status, { bold: u.status === 'behind', color: u.status === 'behind' ? COLOR.warn : COLOR.ink }),
    ]),
    [
      cell('Total', { bold: true }),
      cell(money(f.inQuarter.realized), { ...right, bold: true }),
      cell(money(f.toDate.realized), { ...right, bold: true }),
      cell(money(f.toDate.estimated), { ...right, bold: true }),
      cell(f.toDate.variance === null ? '—' : formatSignedPercent(f.toDate.variance), { ...right, bold: true }),
      cell(''),
    ],
  ];
  outcomes.addTable(rows, {
    x: 0.5,
    y: 1.3,
    w: 12.3,
    colW: [4.3, 1.7, 1.7, 1.7, 1.3, 1.6],
    fontFace: FONT,
    fontSize: 13,
    color: COLOR.ink,
    border: { type: 'solid', color: COLOR.line, pt: 0.75 },
  });
  outcomes.addText(
    `Realized in ${q}: ${money(f.inQuarter.realized)} (measured ${money(f.inQuarter.measured)}, assumed ${money(f.inQuarter.assumed)})${f.inQuarter.estimated !== null ? ` against ${money(f.inQuarter.estimated)} estimated` : ''}.`,
    { x: 0.5, y: 6.5, w: 12.3, h: 0.5, fontFace: FONT, fontSize: 12, color: COLOR.muted },
  );

  // 5.-8. The rest of the narrative.
  for (const section of QBR_SECTIONS.slice(2)) {
    const body = sectionBody(markdown, section);
    if (body) textSlide(pptx, section, body);
  }

  const out = await pptx.write({ outputType: 'nodebuffer' });
  return Buffer.isBuffer(out) ? out : Buffer.from(out as Uint8Array);
}
