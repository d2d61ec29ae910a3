/** Escapes the three characters Slack's mrkdwn treats as control characters. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** The longest text we post in one message (Slack truncates at 40,000 characters). */
export const MAX_MESSAGE_TEXT = 39_000;

/**
 * Turns the model's Markdown into Slack mrkdwn: `**bold**` and headings become `*bold*`,
 * `[text](url)` becomes `<url|text>`, Markdown tables go into a code block (Slack has no
 * tables), and `&`, `<`, `>` are escaped so model text cannot mention @channel or forge links.
 */
export function toSlackMrkdwn(markdown: string): string {
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
    out.push(
      line
        .replace(/^\s{0,3}#{1,6}\s+(.*)$/, '*$1*')
        .replace(/\*\*(.+?)\*\*/g, '*$1*')
        .replace(/__(.+?)__/g, '*$1*')
        .replace(/\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g, '<$2|$1>'),
    );
  }
  if (inTable || inFence) out.push('```');
  const text = out.join('\n').trim();
  return text.length > MAX_MESSAGE_TEXT ? `${text.slice(0, MAX_MESSAGE_TEXT)}…` : text;
}
