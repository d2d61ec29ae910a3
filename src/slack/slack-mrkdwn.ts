/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts escaped mrkdwn to at most `max` characters, ending with `…`, and only between
 * entities and markup (issue 14): never inside `&amp;`, `&lt;`, `&gt;` (a cut `&am` shows as
 * garbage), inside a `<@U123>` mention or `<url|label>` link, or between the halves of a
 * surrogate pair. Text within `max` is returned as it is.
 */
export function capMrkdwn(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = Math.max(0, max - 1);
  // A partial entity at the cut (`&`, `&a`, `&am`, `&amp`, `&l`, `&lt`, `&g`, `&gt`): cut before it.
  const partial = /&(?:a|am|amp|l|lt|g|gt)?$/.exec(text.slice(Math.max(0, cut - 4), cut));
  if (partial) cut -= partial[0].length;
  // An unclosed `<...` markup token before the cut: cut before it.
  const open = text.lastIndexOf('<', cut - 1);
  if (open >= 0 && text.lastIndexOf('>', cut - 1) < open) cut = open;
  if (cut > 0 && /[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
  return `${text.slice(0, cut)}…`;
}

/** The longest text we post in one message (Slack truncates at 40,000 characters). */
export const MAX_MESSAGE_TEXT = 39_000;

/**
 * Turns the model's Markdown into Slack mrkdwn: `**bold**` and headings become `*bold*`,
 * `[text](url)` becomes `<url|text>`, Markdown tables go into a code block (Slack has no
 * tables), and `&`, `<`, `>` are escaped so model text cannot mention @channel or forge links.
 * Cut at `MAX_MESSAGE_TEXT` characters (one message's text).
 */
export function toSlackMrkdwn(markdown: string): string {
  const text = markdownToMrkdwn(markdown);
  return text.length > MAX_MESSAGE_TEXT ? `${text.slice(0, MAX_MESSAGE_TEXT)}…` : text;
}

/**
 * The conversion of `toSlackMrkdwn`, whole (no cut: split it with `splitMrkdwn`). With
 * `bullets`, list items (`- `, `* `, `+ `) start with `•` as Slack's own lists do.
 */
export function markdownToMrkdwn(markdown: string, options: { bullets?: boolean } = {}): string {
  const lines = escapeMrkdwn(markdown.replace(/\r\n/g, '\n')).split('\n');
  const out: string[] = [];
  let inFence = false;
  let inTable = false;
  for (const line of lines) {
    if (/^\s*```/.test(line)) {
      if (inTable) {
        out.push('```');
        inTable = false;
      }
      inFence = !inFence;
      out.push(line.trim());
      continue;
    }
    if (inFence) {
      out.push(line);
      continue;
    }
    const isTableRow = /^\s*\|.*\|\s*$/.test(line);
    if (isTableRow && !inTable) {
      out.push('```');
      inTable = true;
    } else if (!isTableRow && inTable) {
      out.push('```');
      inTable = false;
    }
    if (isTableRow) {
      if (/^\s*\|[\s:|-]+\|\s*$/.test(line)) continue; // the |---|---| separator row
      out.push(line);
      continue;
    }
    const item = options.bullets ? line.replace(/^(\s*)[-*+]\s+(?=\S)/, '$1• ') : line;
    out.push(
      item
        .replace(/^\s{0,3}#{1,6}\s+(.*)$/, '*$1*')
        .replace(/\*\*(.+?)\*\*/g, '*$1*')
        .replace(/__(.+?)__/g, '*$1*')
        .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<$2|$1>'),
    );
  }
  if (inTable || inFence) out.push('```');
  return out.join('\n').trim();
}

/** The longest text of a section block (Slack refuses longer ones). */
export const MAX_SECTION_TEXT = 3000;

const FENCE = '```';

/**
 * Splits mrkdwn into pieces of at most `limit` characters for section blocks: at blank
 * lines where it can, else at line ends, a longer line cut where it must. A code block cut in
 * two is closed at the end of one piece and opened again at the start of the next, so every
 * piece renders on its own.
 */
export function splitMrkdwn(text: string, limit = MAX_SECTION_TEXT): string[] {
  if (limit < 32) throw new RangeError('splitMrkdwn: limit must be at least 32 characters');
  if (text.length <= limit) return text.trim() ? [text] : [];
  const room = limit - FENCE.length * 2 - 2; // reserve space to close and reopen a code block
  const lines = text.split('\n').flatMap((line) => {
    if (line.length <= room) return [line];
    const parts: string[] = [];
    for (let i = 0; i < line.length; i += room) parts.push(line.slice(i, i + room));
    return parts;
  });
  const pieces: string[] = [];
  let current: string[] = [];
  let length = 0;
  let inFence = false;
  // The last blank line outside a code block in `current`: the preferred place to cut.
  let lastBreak = -1;
  const flush = (upTo: number) => {
    const head = current.slice(0, upTo);
    const tail = current.slice(upTo);
    const fenceOpen = head.filter((l) => l.trim().startsWith(FENCE)).length % 2 === 1;
    const piece = (fenceOpen ? [...head, FENCE] : head).join('\n').trim();
    if (piece) pieces.push(piece);
    current = fenceOpen ? [FENCE, ...tail] : tail;
    length = current.reduce((n, l) => n + l.length + 1, 0);
    lastBreak = -1;
  };
  for (const line of lines) {
    const closesFence = inFence && line.trim().startsWith(FENCE); // fits: room was kept for it
    if (length + line.length + 1 > room && current.length > 0 && !closesFence) {
      flush(lastBreak > 0 && !inFence ? lastBreak : current.length);
      if (length + line.length + 1 > room && current.length > 0) flush(current.length);
    }
    current.push(line);
    length += line.length + 1;
    if (line.trim().startsWith(FENCE)) inFence = !inFence;
    else if (!inFence && line.trim() === '') lastBreak = current.length;
  }
  flush(current.length);
  return pieces;
}
