/**
 * A rendered QBR cut into the units a claim is read in: sentences of paragraphs and list
 * items, table cells (read with their column header and their row's label), headings. Each
 * unit keeps its offset in the text, the heading it sits under, and the group it belongs to
 * (a list item or a table row: a subject named earlier in the group carries to later units).
 */

/** One unit of text a claim is read in. */
export interface TextUnit {
  /** Offset of `text` in the whole document. */
  start: number;
  text: string;
  /** For a table cell: the column header and the row's first cell. */
  header?: string;
  rowLabel?: string;
  /** The nearest heading (or a line that is all bold) above. */
  section: string;
  /** Units of the same list item or table row share a group. */
  group: number;
  /** True when subjects named earlier in the group carry to this unit (list items, table rows). */
  carries: boolean;
}

const ABBREVIATIONS = /(?:^|[\s(])(?:Avg|avg|e\.g|i\.e|vs|No|no|Inc|Corp|Ltd|approx|etc|Mr|Ms|Dr|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|[A-Z])$/;

/** Sentences of one line (offsets relative to the line). */
export function sentences(line: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let from = 0;
  const re = /[.!?](?=\s+[\p{Lu}*_$€£"“(\d])/gu;
  for (const m of line.matchAll(re)) {
    const before = line.slice(from, m.index);
    if (ABBREVIATIONS.test(before)) continue;
    out.push({ start: from, text: line.slice(from, m.index + 1) });
    from = m.index + 1;
    while (from < line.length && /\s/.test(line[from]!)) from++;
  }
  if (from < line.length) out.push({ start: from, text: line.slice(from) });
  return out;
}

/** The cells of a table row with their offsets in the line (the outer pipes dropped). */
function cells(line: string): Array<{ start: number; text: string }> {
  const out: Array<{ start: number; text: string }> = [];
  let from = line.indexOf('|') + 1;
  for (let i = from; i <= line.length; i++) {
    if (i === line.length || (line[i] === '|' && line[i - 1] !== '\\')) {
      if (i === line.length && line.slice(from).trim() === '') break;
      out.push({ start: from, text: line.slice(from, i) });
      from = i + 1;
    }
  }
  return out;
}

const isTableRow = (line: string): boolean => /^\s*\|/.test(line);
const isSeparator = (line: string): boolean => /^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$/.test(line);
const plainCell = (text: string): string => text.replace(/[*_`]/g, '').trim();

/** Cuts a Markdown text into units. */
export function textUnits(markdown: string): TextUnit[] {
  const lines = markdown.split('\n');
  const out: TextUnit[] = [];
  let offset = 0;
  let section = '';
  let group = 0;
  let header: string[] | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const at = offset;
    offset += line.length + 1;
    if (line.trim() === '') {
      header = null;
      continue;
    }
    if (isTableRow(line)) {
      if (isSeparator(line)) continue;
      const row = cells(line);
      group++;
      if (header === null && i + 1 < lines.length && isSeparator(lines[i + 1]!)) {
        header = row.map((c) => plainCell(c.text));
        // "Measured" beside "Carried forward" is the part measured in its own month.
        if (header.some((h) => /^carried[- ]forward$/i.test(h))) header = header.map((h) => (/^measured$/i.test(h) ? 'Measured in its own month' : h));
        for (const c of row) out.push({ start: at + c.start, text: c.text, section, group, carries: false });
        continue;
      }
      const rowLabel = plainCell(row[0]?.text ?? '');
      row.forEach((c, k) => {
        out.push({ start: at + c.start, text: c.text, header: header?.[k] ?? '', rowLabel, section, group, carries: true });
      });
      continue;
    }
    header = null;
    const heading = /^\s*#{1,6}\s+(.*)$/.exec(line);
    const bold = /^\s*(?:\*\*|__)([^*_]+)(?:\*\*|__)\s*:?\s*$/.exec(line);
    if (heading || bold) {
      section = (heading?.[1] ?? bold?.[1] ?? '').trim();
      group++;
      out.push({ start: at, text: line, section, group, carries: false });
      continue;
    }
    const item = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(line);
    group++;
    for (const s of sentences(line)) out.push({ start: at + s.start, text: s.text, section, group, carries: item !== null });
  }
  return out;
}
