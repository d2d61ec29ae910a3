import { helpText, notUnderstood } from './examples.ts';
import { parseConversions, parseLock, parseMilestone, parseMonthlyValues, parseRealizationScenario, parseSetInput, parseSplit } from './parse-changes.ts';
import { parseMeasurements } from './parse-measurements.ts';
import { parseFindCases, parseHistory, parsePending, parseQbr, parseShowCase, parseSuggestions, parseSummary } from './parse-questions.ts';
import { hasMonth } from './phrases.ts';
import { call, defined, reply, type ConversationContext, type OfflineRequest } from './request.ts';

const APPROVAL =
  /^\s*(?:(?:please|ok(?:ay)?|yes|sure|go\s+ahead(?:\s+and)?|can\s+you|could\s+you|would\s+you|just|now|then|i|we|i'?ll|let'?s)[\s,!.]+)*(approve|accept|apply|reject|decline|deny|confirm|merge|commit)\b(.*)$/is;
const YES = /^\s*(?:yes|yep|yeah|ok(?:ay)?|sure|go\s+ahead|do\s+it|ship\s+it|lgtm|looks\s+good)(?:\s*,?\s*(?:please|thanks))?[\s.!]*$/i;
const HELP = /^\s*(?:help|\?|hi|hello|hey|what\s+can\s+you\s+do|how\s+does\s+this\s+work|commands|examples)\b[\s?!.]*$/i;

/**
 * Approving is a person's act: the offline model (like any model here) has no tool that
 * approves. "approve 3", "please apply it", "yes" after a proposal: explain how a person
 * approves, naming the proposal when the message or the conversation gives its id.
 */
function parseApproval(text: string, ctx: ConversationContext): OfflineRequest | null {
  const m = APPROVAL.exec(text);
  const yes = !m && YES.test(text) && ctx.proposalId !== undefined;
  if (!m && !yes) return null;
  const verb = (m?.[1] ?? 'approve').toLowerCase();
  const rest = m?.[2] ?? '';
  const explicit = /\b([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b|#?\b(\d+)\b|\b(p[-_][\w-]+)\b/i.exec(rest);
  const id = explicit ? (explicit[1] ?? explicit[2] ?? explicit[3])! : ctx.proposalId;
  const rejecting = /^(?:reject|decline|deny)$/.test(verb);
  const act = rejecting ? 'reject' : 'approve';
  const target = id ?? '<id>';
  return reply(
    [
      `I can't ${act} proposals: ${rejecting ? 'rejecting' : 'approving'} a change is a person's decision, recorded with their name, and no model has a tool for it.`,
      `To ${act}${id ? ` proposal \`${id}\`` : ' a proposal'}: press ${rejecting ? 'Reject' : 'Approve'} on it in Slack, call \`POST /api/proposals/${target}/${act}\`, or type \`${act} ${target}\` in the terminal chat.`,
      id ? '' : 'Ask me for "pending proposals" to see their ids.',
    ]
      .filter((l) => l)
      .join('\n\n'),
  );
}

/** Drops a note ("note: ...", "because ...") so words inside it are not read as a request. */
function withoutNote(text: string): string {
  const marker = /\b(?:notes?|comments?)\s*[:=\-–]|\bbecause\b/i.exec(text);
  return marker ? text.slice(0, marker.index) : text;
}

/**
 * The longest message the offline model reads (characters). Its phrase patterns take time
 * that grows with the square of the length on some texts; a request is far shorter than this.
 */
export const MAX_MESSAGE_LENGTH = 2000;

/**
 * Reads a person's message (with what the conversation so far tells) into the tool calls a
 * model would make, or a reply. Pure and deterministic. The families are tried in a fixed
 * order (see `docs/offline-model.md`); text inside a note is never read as a request.
 */
export function parseRequest(text: string, ctx: ConversationContext = {}): OfflineRequest {
  const full = text.trim();
  if (!full) return reply(helpText());
  if (full.length > MAX_MESSAGE_LENGTH) {
    return reply(`That message is ${full.length} characters long; I read messages of up to ${MAX_MESSAGE_LENGTH}. Please send one request at a time, e.g. a month or two of measurements.`);
  }
  const approval = parseApproval(full, ctx);
  if (approval) return approval;
  if (HELP.test(full)) return reply(helpText());

  const head = withoutNote(full);
  const changes = [parseRealizationScenario, parseSplit, parseSuggestions, parseConversions, parseMonthlyValues, parseLock];
  for (const parse of changes) {
    const r = parse(head, ctx);
    if (r) return r;
  }
  if (/\bmilestones?\b/i.test(head)) {
    const r = parseMilestone(full, ctx);
    if (r) return r;
  }
  if (!hasMonth(head)) {
    const r = parseSetInput(head, ctx);
    if (r) return r;
  }
  for (const parse of [parseQbr, parseSummary, parseHistory, parsePending]) {
    const r = parse(head, ctx);
    if (r) return r;
  }
  const dictation = parseMeasurements(full);
  if (dictation) {
    if (dictation.kind === 'ask') return reply(dictation.text);
    return call('proposeMeasurements', defined({ businessCase: dictation.businessCase ?? ctx.businessCase, scenario: dictation.scenario, measurements: dictation.measurements }));
  }
  const found = parseFindCases(head) ?? parseShowCase(head, ctx);
  if (found) return found;
  return reply(notUnderstood());
}
