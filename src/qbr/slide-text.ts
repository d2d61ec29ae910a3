/** One paragraph of slide text. */
export interface SlideParagraph {
  text: string;
  /** `bullet` for `- item`, `number` for `1. item`, else a plain paragraph. */
  list: 'bullet' | 'number' | null;
  /** A line that was all bold, or a `###` subheading: set in bold. */
  strong?: boolean;
}

/** One `##` section of a draft: its heading and the Markdown under it. */
export interface MarkdownSection {
  title: string;
  body: string;
}

/**
 * The `##` sections of a draft, in its order (text before the first one, the `#` title and
 * header lines, is left out). The deck follows the draft's own sections, so a hand-edited
 * draft or a template with other sections still becomes slides.
 */
export function markdownSections(markdown: string): MarkdownSection[] {
  const out: MarkdownSection[] = [];
  let current: { title: string; lines: string[] } | null = null;
  let fence = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    const h = fence ? null : /^##\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      if (current) out.push({ title: current.title, body: current.lines.join('\n').trim() });
      current = { title: clean(h[1]!), lines: [] };
    } else current?.lines.push(line);
  }
  if (current) out.push({ title: current.title, body: current.lines.join('\n').trim() });
  return out;
}

/**
 * Markdown section text as slide paragraphs: tables are left out (the deck draws its own
 * tables), `###` subheadings and all-bold lines become bold paragraphs, emphasis marks,
 * escapes and picture emoji are removed, list items keep their kind.
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
    const sub = /^#{3,6}\s+(.*)$/.exec(line);
    if (sub) {
      flush();
      out.push({ text: clean(sub[1]!), list: null, strong: true });
      continue;
    }
    if (line === '' || line.startsWith('#') || line.startsWith('|') || /^(-{3,}|\*{3,}|_{3,})$/.test(line)) {
      flush();
      continue;
    }
    const bullet = /^[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\d+[.)]\s+(.*)$/.exec(line);
    if (bullet || numbered) {
      flush();
      out.push({ text: clean((bullet ?? numbered)![1]!), list: bullet ? 'bullet' : 'number' });
    } else if (/^\*\*[^*]+\*\*:?$/.test(line)) {
      flush();
      out.push({ text: clean(line), list: null, strong: true });
    } else para.push(line);
  }
  flush();
  return out.filter((p) => p.text !== '');
}

/**
 * Emoji drawn as pictures (✅ 🔄 ❌) and the variation selector that asks for one: slide fonts
 * lack them and viewers without an emoji font draw empty boxes; the words beside them stay.
 * Text-style symbols such as ⚠ (the unverified mark) are kept.
 */
const EMOJI = /\p{Emoji_Presentation}|\uFE0F/gu;

function clean(s: string): string {
  return s
    .replace(EMOJI, '')
    .replace(/[ \t]{2,}/g, ' ')
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/__(.+?)__/g, '$1')
    .replace(/(^|[\s(])_(.+?)_(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/(^|[\s(])\*([^*\s][^*]*?)\*(?=[\s).,;:]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|])/g, '$1')
    .trim();
}
