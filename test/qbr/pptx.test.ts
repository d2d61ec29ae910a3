import { describe, expect, it } from 'vitest';
import { renderQbrChart, renderQbrPptx, writeOfflineQbr } from '../../src/qbr/index.ts';
import { chartFontFiles } from '../../src/chart/chart-fonts.ts';
import { demoDoc, demoFacts } from './qbr-fixtures.ts';
import { readZip, slideTexts } from './read-zip.ts';

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

async function deck(options: { fontFiles?: string[]; markdown?: string; grounded?: boolean } = {}) {
  const facts = demoFacts();
  const chart = renderQbrChart(demoDoc(), facts, options.fontFiles);
  const buf = await renderQbrPptx({
    facts,
    markdown: options.markdown ?? writeOfflineQbr(facts, 'finance'),
    audience: 'finance',
    version: 3,
    grounded: options.grounded ?? true,
    chart,
  });
  const files = readZip(buf);
  const slides = [...files.keys()].filter((k) => /^ppt\/slides\/slide\d+\.xml$/.test(k)).sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
  return { buf, files, slides: slides.map((name) => ({ name, xml: files.get(name)!.toString('utf8') })) };
}

describe('renderQbrPptx', () => {
  it('is a PPTX with the title slide, the executive summary, the chart image and the outcomes table', async () => {
    const { buf, files, slides } = await deck();
    expect(buf.subarray(0, 2).toString()).toBe('PK');
    expect(files.has('[Content_Types].xml')).toBe(true);
    expect(files.get('[Content_Types].xml')!.toString()).toContain('presentationml');
    const texts = slides.map((s) => slideTexts(s.xml));

    // Title slide.
    expect(texts[0]).toEqual([
      'Quarterly Business Review, Q1 2026',
      'Delta Corp – Support Automation',
      'Delta Corp · prepared for: Finance',
      'Figures as of March 2026, in USD · draft v3',
    ]);
    // Executive summary, from the draft's text.
    expect(texts[1]![0]).toBe('Executive summary');
    expect(texts[1]).toContain('The investment to date of $63,000 paid back in February 2026, and the return on investment to date is 41%.');

    // The chart: a PNG in the package, placed on the third slide.
    expect(texts[2]![0]).toBe('Cumulative benefit: realized vs estimated');
    expect(slides[2]!.xml).toContain('<p:pic>');
    const rels = files.get('ppt/slides/_rels/slide3.xml.rels')!.toString();
    const target = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1];
    expect(target).toBeDefined();
    const png = files.get(`ppt/media/${target}`)!;
    expect(png.subarray(0, 8)).toEqual(PNG);
    // 1200 x 675 pixels (IHDR width and height).
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 675]);
    expect(texts[2]).toContain('Realized to date: $88,887');
    expect(texts[2]).toContain('Estimated to date: $104,710');

    // The outcomes table: per use case, realized in the quarter, to date, the estimate, the status.
    expect(texts[3]![0]).toBe('Promised outcomes vs actual results');
    expect(slides[3]!.xml).toContain('<a:tbl>');
    expect(texts[3]!.slice(1, 32)).toEqual(
      [
        'Use case',
        'Realized in Q1 2026',
        'Realized to date',
        'Estimated to date',
        'Variance',
        'Status',
        'Increase Support Team Efficiency',
        '$20,167',
        '$38,667',
        '$56,425',
        '-31%',
        'Behind',
        'Deflect Tickets with Self-Service',
        '$19,440',
        '$36,720',
        '$39,960',
        '-8.1%',
        'Behind',
        'Retire the Legacy Help Desk',
        '$4,500',
        '$13,500',
        '$8,325',
        '+62%',
        'Ahead',
        'Total',
        '$44,107',
        '$88,887',
        '$104,710',
        '-15%',
        '',
        'Realized in Q1 2026: $44,107 (measured $34,107, assumed $10,000) against $56,600 estimated.',
      ].filter((t) => t !== ''),
    );

    // Then the rest of the narrative, one slide per section.
    expect(texts.slice(4).map((t) => t[0])).toEqual(['Financial summary', 'Milestones', 'Risks and what we do about them', "Next quarter's priorities"]);
    expect(texts[7]).toContain('Review the realized figures and the ROI method with finance, so the numbers in this review are customer-validated.');
  });

  it('labels the chart on the slide when no font was available to draw text into it', async () => {
    const { slides } = await deck({ fontFiles: [] });
    const texts = slideTexts(slides[2]!.xml);
    expect(slides[2]!.xml).toContain('<p:pic>');
    expect(texts).toContain('━ Realized');
    expect(texts).toContain('┅ Estimated (Rollout Plan)');
    // With the fonts the Slack chart uses (dejavu-fonts-ttf), the picture has its own legend.
    const withFonts = await deck();
    expect(slideTexts(withFonts.slides[2]!.xml).includes('━ Realized')).toBe(chartFontFiles().length === 0);
  });

  it('carries the unverified marks and warns on the title slide when the draft is not grounded', async () => {
    const facts = demoFacts();
    const md = writeOfflineQbr(facts, 'finance').replace('## Executive summary\n\n', '## Executive summary\n\nWe saved ⚠ 12,345 (unverified) hours.\n\n');
    const { slides } = await deck({ markdown: md, grounded: false });
    expect(slideTexts(slides[0]!.xml).join(' ')).toContain('Some numbers in this draft match no engine figure');
    expect(slideTexts(slides[1]!.xml)).toContain('We saved ⚠ 12,345 (unverified) hours.');
  });
});
