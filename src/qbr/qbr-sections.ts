/**
 * The sections every QBR draft has, in order: the seeds' quarterly value realization report
 * (002) and value report (004). The template in `prompts/qbr.md` names the same ones. Headings
 * are `## <title>`; the audience changes what each section leads with and how much it shows,
 * never which sections there are.
 */
export const QBR_SECTIONS = [
  'Executive summary',
  'Outcomes per objective',
  'Financial summary',
  'What drove the results',
  'Success stories',
  'Milestones',
  'Risks and their causes',
  'Next steps',
  'Confidence',
  'Appendix: assumptions and data sources',
  'Sign-off',
] as const;

/** One section title. */
export type QbrSection = (typeof QBR_SECTIONS)[number];

const normalize = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/^\d+[.)]?\s+/, '')
    .replace(/[^a-z0-9' ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The `##`/`###` headings of a Markdown text, normalized for comparison. */
function headings(markdown: string): string[] {
  return markdown
    .split('\n')
    .map((l) => /^#{2,3}\s+(.*)$/.exec(l.trim())?.[1])
    .filter((h): h is string => h !== undefined)
    .map(normalize);
}

/** The sections a draft lacks (compared by heading, case and punctuation aside). */
export function missingSections(markdown: string): QbrSection[] {
  const present = new Set(headings(markdown));
  return QBR_SECTIONS.filter((s) => !present.has(normalize(s)));
}

/**
 * The body of one section (the text under its heading up to the next heading of the same or
 * a higher level), trimmed; null when the draft has no such section.
 */
export function sectionBody(markdown: string, title: string): string | null {
  const lines = markdown.split('\n');
  const want = normalize(title);
  let level = 0;
  const body: string[] = [];
  for (const line of lines) {
    const h = /^(#{1,6})\s+(.*)$/.exec(line.trim());
    if (level > 0) {
      if (h && h[1]!.length <= level) break;
      body.push(line);
    } else if (h && normalize(h[2]!) === want) {
      level = h[1]!.length;
    }
  }
  return level > 0 ? body.join('\n').trim() : null;
}
