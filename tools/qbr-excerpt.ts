/** Longest excerpt of a QBR draft the model gets (characters, before the ellipsis). */
export const QBR_EXCERPT_LENGTH = 240;

/**
 * A short excerpt of a QBR draft for the model: its first paragraph of prose (no heading,
 * table or list), whitespace collapsed, cut at a word before `QBR_EXCERPT_LENGTH` characters
 * with an ellipsis. Enough to say what the draft leads with; the draft itself stays saved
 * and is what people are shown.
 */
export function qbrExcerpt(markdown: string): string {
  const paragraphs = markdown.replace(/\r\n/g, '\n').split(/\n\s*\n/);
  const prose = paragraphs.map((p) => p.trim()).find((p) => p !== '' && !/^(#|\||[-*+] |\d+\. |```|>)/.test(p)) ?? '';
  const text = prose.replace(/\s+/g, ' ').trim();
  if (text.length <= QBR_EXCERPT_LENGTH) return text;
  const cut = text.slice(0, QBR_EXCERPT_LENGTH);
  const space = cut.lastIndexOf(' ');
  return `${(space > QBR_EXCERPT_LENGTH / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
