import { describe, expect, it } from 'vitest';
import { QBR_EXCERPT_LENGTH, qbrExcerpt } from '../../tools/qbr-excerpt.ts';

describe('qbrExcerpt', () => {
  it('is the first paragraph of prose: headings, tables and lists skipped, whitespace collapsed', () => {
    const md = '# QBR Q1 2026\n\n## Summary\n\n| a | b |\n| - | - |\n\n- a bullet\n\nDelta realized\n  USD 88,886.67 in Q1.\n\nSecond paragraph.';
    expect(qbrExcerpt(md)).toBe('Delta realized USD 88,886.67 in Q1.');
  });

  it('is cut at a word before the limit, with an ellipsis', () => {
    const word = 'value ';
    const md = word.repeat(60).trim(); // 359 characters
    const out = qbrExcerpt(md);
    expect(out.endsWith('value…')).toBe(true);
    // 40 whole words are 239 characters with their spaces: the last space before 240 is after word 40.
    expect(out).toBe(`${'value '.repeat(39)}value…`);
    expect(out.length).toBeLessThanOrEqual(QBR_EXCERPT_LENGTH + 1);
  });

  it('is empty for a draft with no prose', () => {
    expect(qbrExcerpt('# Title\n\n| a |\n| - |')).toBe('');
  });
});
