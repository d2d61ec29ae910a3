import type { types, webApi } from '@slack/bolt';
import type { QbrDraftOutcome } from '../app/qbr-draft.ts';
import { qbrFileName } from '../app/qbr-file-name.ts';
import { renderQbrDeck } from '../app/render-qbr-deck.ts';
import type { CaseRecord } from '../app/store.ts';
import { monthName, quarterName } from '../qbr/format-qbr-figures.ts';
import { AUDIENCE_LABELS, parseQbrAudience, type QbrAudience } from '../qbr/qbr-audience.ts';
import { resolveQuarter } from '../qbr/resolve-quarter.ts';
import type { SlackMessage } from './proposal-blocks.ts';
import { escapeMrkdwn, markdownToMrkdwn, MAX_MESSAGE_TEXT, MAX_SECTION_TEXT, splitMrkdwn } from './slack-mrkdwn.ts';

/** What `/ve qbr <case> [quarter] [audience] [new]` asks for. */
export interface QbrArgs {
  /** The business case as typed (empty: the workspace's only case). */
  caseText: string;
  /** `YYYY-Qn`. */
  quarter: string;
  audience: QbrAudience;
  /** Draft a new version even when one is saved. */
  fresh: boolean;
}

const REDRAFT_WORDS = new Set(['new', '--new', 'redraft']);

/**
 * Reads `/ve qbr` arguments: the business case first (several words allowed), then optionally
 * the quarter (`2026-Q1`, `Q1 2026`, `Q1`, `last quarter`), the audience (`finance`, `CFO`,
 * `executive sponsor`, `champion`) and `new` to redraft, recognised from the end. Defaults:
 * the last completed quarter, the executive sponsor.
 */
export function parseQbrArgs(text: string, currentMonth: string): QbrArgs {
  const words = text.trim().split(/\s+/).filter(Boolean);
  let fresh = false;
  if (words.length > 0 && REDRAFT_WORDS.has(words[words.length - 1]!.toLowerCase())) {
    fresh = true;
    words.pop();
  }
  let audience: QbrAudience | null = null;
  for (const n of [2, 1]) {
    if (words.length < n) continue;
    const found = parseQbrAudience(words.slice(-n).join(' '));
    if (found) {
      audience = found;
      words.splice(-n);
      break;
    }
  }
  let quarter: string | null = null;
  for (const n of [3, 2, 1]) {
    if (words.length < n) continue;
    const found = resolveQuarter(words.slice(-n).join(' '), currentMonth);
    if (found.ok) {
      quarter = found.value;
      words.splice(-n);
      break;
    }
  }
  if (quarter === null) {
    const last = resolveQuarter(undefined, currentMonth);
    quarter = last.ok ? last.value : '';
  }
  return { caseText: words.join(' '), quarter, audience: audience ?? 'executive-sponsor', fresh };
}

/** How to ask for the same draft again, redrafted: `/ve qbr <case id> 2026-Q1 finance new`. */
export function redraftCommand(draft: QbrDraftOutcome['draft']): string {
  return `/ve qbr ${draft.caseId} ${draft.quarter} ${draft.audience} new`;
}

const context = (text: string): types.KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text }] });
const section = (text: string): types.KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text } });

/** Most blocks Slack takes in one message. */
export const MAX_BLOCKS = 50;
/** The fallback (notification) text of a draft message is cut at this length. */
const FALLBACK_TEXT = 3000;

/** The lines above the draft: who asked, which version, who wrote it, whether every number is grounded, whether it is stale. */
function draftHeading(record: CaseRecord, outcome: QbrDraftOutcome, intro: string | undefined): string {
  const d = outcome.draft;
  const how = outcome.created ? `new, written by ${escapeMrkdwn(d.writer)}` : `saved ${d.createdAt.slice(0, 10)}, written by ${escapeMrkdwn(d.writer)}`;
  const lines = [
    ...(intro ? [intro] : []),
    `*QBR draft v${d.version}*: ${escapeMrkdwn(record.name)}, ${quarterName(d.quarter)}, for ${AUDIENCE_LABELS[d.audience]} (${how}; figures as of ${monthName(d.asOf)})`,
    d.grounded
      ? ":white_check_mark: Every number matches the engine's facts."
      : `:warning: ${d.unverified.length} ${d.unverified.length === 1 ? 'number matches' : 'numbers match'} no engine figure (marked ⚠ in the text): ${d.unverified.map(escapeMrkdwn).join(', ')}`,
  ];
  if (outcome.stale)
    lines.push(`:warning: The figures changed since this draft was written: \`${redraftCommand({ ...d, caseId: record.id })}\` writes a new version.`);
  return lines.join('\n');
}

/**
 * A saved QBR draft as Slack messages: a heading (version, writer, grounding, staleness), then
 * the draft's Markdown converted to mrkdwn (`markdownToMrkdwn`: headings bold, tables in code
 * blocks, `•` lists), one section block per heading and more where a section is longer than a
 * block holds. Everything fits Slack's limits: 3,000 characters per section, 50 blocks and
 * `MAX_MESSAGE_TEXT` characters per message; a longer draft continues in further messages
 * (post them in the first one's thread). The first message's text is the notification fallback:
 * the heading and the start of the draft.
 */
export function qbrMessages(record: CaseRecord, outcome: QbrDraftOutcome, intro?: string): SlackMessage[] {
  const heading = draftHeading(record, outcome, intro);
  const pieces = draftSections(outcome.draft.markdown).flatMap((s) => splitMrkdwn(markdownToMrkdwn(s, { bullets: true }), MAX_SECTION_TEXT));
  const messages: SlackMessage[] = [];
  let blocks: types.KnownBlock[] = [context(heading.length > MAX_SECTION_TEXT ? `${heading.slice(0, MAX_SECTION_TEXT - 1)}…` : heading)];
  let length = heading.length;
  let texts: string[] = [];
  const close = () => {
    const body = texts.join('\n\n');
    const head = messages.length === 0 ? `${heading}\n\n` : `QBR draft v${outcome.draft.version} (continued)\n\n`;
    const text = `${head}${body}`;
    messages.push({ text: text.length > FALLBACK_TEXT ? `${text.slice(0, FALLBACK_TEXT - 1)}…` : text, blocks });
    blocks = [];
    texts = [];
    length = 0;
  };
  for (const piece of pieces) {
    if (blocks.length >= MAX_BLOCKS || length + piece.length > MAX_MESSAGE_TEXT) close();
    blocks.push(section(piece));
    texts.push(piece);
    length += piece.length;
  }
  if (blocks.length > 0 || messages.length === 0) close();
  return messages;
}

/** The draft's Markdown cut before each heading (outside code blocks). */
function draftSections(markdown: string): string[] {
  const sections: string[][] = [[]];
  let inFence = false;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    if (/^\s*```/.test(line)) inFence = !inFence;
    else if (!inFence && /^\s{0,3}#{1,6}\s/.test(line) && sections[sections.length - 1]!.some((l) => l.trim())) sections.push([]);
    sections[sections.length - 1]!.push(line);
  }
  return sections.map((s) => s.join('\n')).filter((s) => s.trim());
}

/** Where a QBR draft goes. */
export interface QbrDraftPost {
  client: webApi.WebClient;
  channel: string;
  /** The thread to post in; omitted for a new message in the channel. */
  threadTs?: string;
  record: CaseRecord;
  outcome: QbrDraftOutcome;
  /** Text before the heading (e.g. who asked). */
  intro?: string;
}

/**
 * Posts a QBR draft (`qbrMessages`): the first message in the channel (or the thread), any
 * continuation in its thread. Resolves to the thread the deck should go in: the first
 * message's own thread.
 */
export async function postQbrDraft(post: QbrDraftPost): Promise<string> {
  const [first, ...rest] = qbrMessages(post.record, post.outcome, post.intro);
  const posted = await post.client.chat.postMessage({
    channel: post.channel,
    text: first!.text,
    blocks: first!.blocks,
    unfurl_links: false,
    ...(post.threadTs ? { thread_ts: post.threadTs } : {}),
  });
  const thread = post.threadTs ?? posted.ts!;
  for (const m of rest) await post.client.chat.postMessage({ channel: post.channel, thread_ts: thread, text: m.text, blocks: m.blocks, unfurl_links: false });
  return thread;
}

/**
 * Renders the draft's slide deck (`renderQbrDeck`: the narrative, the chart of cumulative
 * realized vs estimated benefit and the outcomes table) and uploads it with `files.uploadV2`
 * in the thread, under the same file name as at every door (`qbrFileName`).
 */
export async function uploadQbrDeck(post: {
  client: webApi.WebClient;
  channel: string;
  threadTs: string;
  record: CaseRecord;
  outcome: QbrDraftOutcome;
}): Promise<void> {
  const d = post.outcome.draft;
  const deck = await renderQbrDeck(post.record, d);
  await post.client.files.uploadV2({
    channel_id: post.channel,
    thread_ts: post.threadTs,
    file: deck,
    filename: qbrFileName(post.record, d, 'pptx'),
    title: `QBR ${quarterName(d.quarter)}: ${post.record.name} (${AUDIENCE_LABELS[d.audience]}, v${d.version})`,
    initial_comment: `The slide deck of draft v${d.version}: the narrative, the chart of cumulative realized vs estimated benefit and the outcomes table.`,
  });
}
