import { normalizeDigits } from '../../resolve/read-number.ts';
import { unreadableNumbers } from '../../resolve/tokenize-text.ts';
import { answerUnfinished } from './answer-unfinished.ts';
import { answerPending, lookUpVocabulary } from './by-vocabulary.ts';
import { parseSlip } from './parse-slip.ts';
import { parseFollowUp } from './follow-up.ts';
import { helpText, notUnderstood } from './examples.ts';
import { explainTerm } from './glossary.ts';
import { HELP_UNIT, recognizeIntent } from './intents.ts';
import { noteToMeasurement } from './parse-measurements.ts';
import { MONTH_PHRASE } from './phrases.ts';
import { reply, type ConversationContext, type OfflineRequest } from './request.ts';

const APPROVAL =
  /^\s*(?:(?:please|ok(?:ay)?|yes|sure|go\s+ahead(?:\s+and)?|can\s+you|could\s+you|would\s+you|just|now|then|i|we|i'?ll|let'?s)[\s,!.]+)*(approve|accept|apply|reject|decline|deny|confirm|merge|commit)\b(.*)$/is;
const YES = /^\s*(?:yes|yep|yeah|ok(?:ay)?|sure|go\s+ahead|do\s+it|ship\s+it|lgtm|looks\s+good)(?:\s*,?\s*(?:please|thanks))?[\s.!]*$/i;

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
      `To ${act}${id ? ` proposal \`${id}\`` : ' a proposal'}: press ${rejecting ? 'Reject' : 'Approve'} on it (in Slack or the web workspace), type \`${act} ${target}\` in \`ve chat\`, or call \`POST /api/proposals/${target}/${act}\`.`,
      id ? '' : 'Ask me for "pending proposals" to see their ids.',
    ]
      .filter((l) => l)
      .join('\n\n'),
  );
}

/**
 * Words an answer to "which month?" may hold besides the month: how it starts or ends
 * ("starting July", "as of 2025-07", "through December"), a length ("for 24 months",
 * "for 2 years") and courtesy ("ok, let's say July then, thanks").
 */
const MONTH_ANSWER_WORDS = new RegExp(
  [
    String.raw`\b(?:for\s+|over\s+|lasting\s+)?(?:\d{1,3}|one|two|three|four|five|six|ten)[\s-]*(?:months?|mos?|years?)\b`,
    String.raw`\b(?:start(?:ing|s)?|begin(?:ning|s)?|from|as\s+of|effective|in|on|for|of|through|thru|until|till|up\s+to|and|it|it'?s|let'?s|say|make|should|would|will|be|is|was|the|month|please|thanks|thank\s+you|ok(?:ay)?|sure|yes|yeah|then|with|a|length|run|running)\b`,
  ].join('|'),
  'gi',
);

/** Whether a message is only a month (with the words an answer to "which month?" may have around it). */
function isMonthAnswer(text: string): boolean {
  const month = new RegExp(MONTH_PHRASE, 'gi');
  if (!month.test(text)) return false;
  return (
    text
      .replace(month, ' ')
      .replace(MONTH_ANSWER_WORDS, ' ')
      .replace(/[\s.,;:!?'"()\-–—]+/g, '') === ''
  );
}

/**
 * The answer to the offline model's own question: when the latest turn was a request it
 * answered by asking for a month ("From which month should the realization scenario
 * start?") and this message is only that month ("Starting July, for 24 months"), the request
 * is read again with the answer added. The reply must be exactly the question the earlier
 * message gets (so it was this model's question, about that message).
 */
function answerToQuestion(text: string, ctx: ConversationContext): OfflineRequest | null {
  const previous = ctx.previousTurn;
  if (!previous) return null;
  const { previousTurn: _, ...rest } = ctx;
  let asked = parseRequest(previous.user, rest);
  // A question asked after a look-up is asked again from the same look-up's results.
  if (previous.lookUp) {
    const first = lookUpVocabulary(previous.user, rest, asked) ?? asked;
    if (first.kind === 'tools' && first.decide) asked = first.decide(previous.lookUp) ?? asked;
  }
  if (asked.kind !== 'reply' || asked.text.trim() !== previous.reply.trim()) return answerMetricsAsked(text, previous.reply, rest);
  if (asked.pending && previous.lookUp) return answerPending(text, asked.pending, previous.lookUp);
  if (asked.asks === undefined) return null;
  const said = previous.user.trim().replace(/[.!?,;:\s]+$/, '');
  const answer = text.trim().replace(/[.!?\s]+$/, '');
  let again: string | null = null;
  // "record 150 tickets/day for Febtober" → "ok november then": the month answered replaces the word that was no month.
  if (asked.asks === 'month' && isMonthAnswer(text)) {
    const unknown = /\s+(?:for|in)\s+([A-Za-z]+)$/.exec(said);
    const base = unknown && !new RegExp(`^${MONTH_PHRASE}$`, 'i').test(unknown[1]!) ? said.slice(0, unknown.index) : said;
    again = `${base}, ${answer}`;
  }
  // A request of its own ("what's pending?") or a question is not the answer.
  else if (/\?/.test(answer) || parseRequest(text, rest).kind === 'tools') return null;
  // "log 150 for may" → "Which input is the value 150 for?" → "tickets per day": the input leads.
  if (asked.asks === 'input' && /^[^\d:]{2,60}$/.test(answer) && answer.split(/\s+/).length <= 6) again = `${answer}: ${said}`;
  // "add a milestone" → "What is the milestone called?" → "billing integration, target nov 2026".
  if (asked.asks === 'name' && answer.length <= 120 && !/\bmilestones?\b/i.test(answer)) again = `add milestone ${answer}`;
  // "split the handle time calc" → "How should I split it?" → "handle time saved and tickets per day".
  if (asked.asks === 'parts' && answer.length <= 200) again = `${said} into ${answer}`;
  if (again === null) return null;
  const answered = parseRequest(again, rest);
  return answered.kind === 'tools' ? answered : null;
}

/**
 * The question for a split's metrics once its calculation was picked (`answerPending`: "Into which
 * metrics should I split Faster Ticket Handling? Its formula uses …"): asked from a look-up two
 * turns back, so it cannot be asked again here; the answer names the metrics of the calculation
 * the question names ("handle time and tickets per day"), read as the whole request.
 */
const METRICS_ASKED = /^Into which metrics should I split (.+?)\? Its formula uses /;

function answerMetricsAsked(text: string, reply: string, ctx: ConversationContext): OfflineRequest | null {
  const asked = METRICS_ASKED.exec(reply);
  const answer = text.trim().replace(/[.!\s]+$/, '');
  if (!asked || answer === '' || answer.length > 200 || /\?/.test(answer)) return null;
  const whole = parseRequest(`split ${asked[1]} into ${answer}`, ctx);
  return whole.kind === 'tools' ? whole : null;
}

/** Drops a note ("note: ...", "because ...") so words inside it are not read as a request. */
function withoutNote(text: string): string {
  const marker = /\b(?:notes?|comments?)\s*[:=\-–]|\bbecause\b/i.exec(text);
  return marker ? text.slice(0, marker.index) : text;
}

/**
 * A number that cannot be read exactly is refused, never read as another number ("0x10" is
 * not 0, "1e308" not 1): the reply names it and why. Links and quoted names are not numbers.
 */
function unreadableNumber(text: string): OfflineRequest | null {
  const bare = text.replace(/\bhttps?:\/\/\S+/gi, ' ').replace(/["“][^"”]*["”]|(?:^|\s)'[^']*'(?=\s|$|[.,;:!?])|‘[^’]*’/g, ' ');
  const bad = unreadableNumbers(bare);
  if (bad.length === 0) return null;
  const list = bad.map((b) => `"${b.text}" (${b.reason})`).join(', ');
  return reply(`I can't read ${list} as an exact number, so I haven't done anything with it. Please write it in plain digits, e.g. 1,250, 3.2k, 12.5% or 0.5.`);
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
  // Digits of other scripts read as the digits they are ("٣٢" is 32), never as something else.
  const message = normalizeDigits(text.trim());
  if (!message) return reply(helpText());
  if (message.length > MAX_MESSAGE_LENGTH) {
    return reply(
      `That message is ${message.length} characters long; I read messages of up to ${MAX_MESSAGE_LENGTH}. Please send one request at a time, e.g. a month or two of measurements.`,
    );
  }
  // "add a note to the March … measurement: …" is read as the measurement with "note: …".
  const full = noteToMeasurement(message);
  // An answer to the question a tool asked last turn ("which of these?", "did you mean 22%?").
  const completed = answerUnfinished(full, ctx) ?? parseSlip(full, ctx) ?? parseFollowUp(full, ctx);
  if (completed) return completed;
  const approval = parseApproval(full, ctx);
  if (approval) return approval;
  const help = HELP_UNIT.recognize({ head: full, full }, ctx);
  if (help) return help;
  const meaning = explainTerm(full);
  if (meaning) return reply(meaning);
  const answer = answerToQuestion(full, ctx);
  if (answer) return answer;

  const head = withoutNote(full);
  const unreadable = unreadableNumber(head);
  if (unreadable) return unreadable;
  // The declared intents, in their order of recognition (`intents.ts`).
  const recognized = recognizeIntent({ head, full }, ctx);
  return recognized ? recognized.request : reply(notUnderstood());
}
