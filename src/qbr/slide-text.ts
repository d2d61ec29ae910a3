/** One paragraph of slide text. */
export interface SlideParagraph {
  text: string;
  /** `bullet` for `- item`, `number` for `1. item`, else a plain paragraph. */
  list: 'bullet' | 'number' | null;
}

/**
 * Markdown section text as slide paragraphs: headings and tables are left out (the deck
 * draws its own tables), emphasis marks and escapes are removed, list items keep their kind.
 */
export function slideParagraphs(markdown: string): SlideParagraph[] {
  const out: SlideParagraph[] = [];
  let para: string[] = [];
  const flush = (): void => {
    if (para.length) out.push({ text: clean(para.join(' ')), list: null });
    para = [];
  };
  for (const raw of markdown.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith('|')) {
      flush();
      continue;
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flush();
      out.push({ text: clean((bullet ?? numbered)![1]!), list: bullet ? 'bullet' : 'number' });
    } else if (/^\*\*[^*]+\*\*$/.test(line)) {
      flush();
      out.push({ text: clean(line), list: null });
    } else para.push(line);
  }
  flush();
  return out.filter((p) => p.text !== '');
}

function clean(s: string): string {
  return s
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])_(.+?)_(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}
