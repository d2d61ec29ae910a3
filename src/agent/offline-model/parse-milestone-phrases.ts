import { clean, findCaseMention, MONTH_PHRASE, quoted, tidyMonth, withoutArticle } from './phrases.ts';
import { call, defined, reply, type ConversationContext, type OfflineRequest } from './request.ts';

/*
 * Milestone phrasings beyond "add milestone X …" and "mark the X milestone …"
 * (`parse-changes.ts`): questions about milestones, a milestone's state said in a sentence,
 * and "log that as a milestone"; and the rule every milestone name obeys.
 */

/** Words that never name a milestone on their own: fillers, verbs, pronouns, courtesy. */
const NOT_A_NAME = new Set(
  (
    'pls plz please thx thanks ty ok okay yes no is are was were be been it its that this these those them they we us i you ' +
    'a an the of for to in on at by as and or with from log add record mark set new one milestone milestones note done ' +
    'achieved reached hit met live today now also too just here there again'
  ).split(' '),
);

/**
 * Whether a phrase can be a milestone's name: it has a word of its own (not a filler like
 * "pls" or "is", not a month) and is not the business case's name ("delta"). A milestone is
 * never named after a stray word.
 */
export function plausibleMilestoneName(name: string | undefined, caseNames: ReadonlyArray<string | undefined> = []): name is string {
  if (!name) return false;
  const n = clean(name);
  if (!n || new RegExp(`^${MONTH_PHRASE}$`, 'i').test(n)) return false;
  const words = n
    .toLowerCase()
    .split(/[^\p{L}\p{N}%>+]+/u)
    .filter((w) => w);
  const cases = caseNames.filter((c): c is string => Boolean(c)).map((c) => c.toLowerCase());
  if (cases.some((c) => c === n.toLowerCase() || c.split(/\s+/)[0] === n.toLowerCase())) return false;
  return words.some((w) => !NOT_A_NAME.has(w) && !/^\d+$/.test(w));
}

/**
 * "list the milestones for delta", "which milestones do we have?", "show me the milestones":
 * a question, answered with the business case (its milestones), never a milestone added.
 */
export function parseMilestoneQuestion(text: string, ctx: ConversationContext): OfflineRequest | null {
  const asks =
    /^\s*(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:list|show|what|which|any|give\s+me|tell\s+me|see|how\s+many|where)\b/i.test(text) &&
    !/\b(?:add|create|log|record|mark|set|move|rename|new)\b/i.test(text);
  if (!asks) return null;
  const mention = findCaseMention(text) ?? /\b(?:for|of|in)\s+([a-z][\w&.'’-]*)\s*\??\s*$/i.exec(text)?.[1];
  return call('showBusinessCase', defined({ businessCase: mention ?? ctx.businessCase }));
}

const DONE_WORDS = String.raw`done|achieved|reached|complete|completed|finished|met|hit|live|delivered`;
const LINK = String.raw`(?:is|was|has\s+been|got|went|are|were)\s+(?:now\s+|finally\s+|fully\s+|actually\s+|really\s+|already\s+)?`;

/**
 * "the onboarding milestone is done as of may", "the go-live milestone was reached in March":
 * an existing milestone achieved (the tool finds it by name, or asks naming the candidates);
 * "the portal milestone is due in March", "… moved to October": its target.
 */
export function parseMilestoneStatus(text: string, ctx: ConversationContext): OfflineRequest | null {
  const t = text.trim().replace(/[.!]+$/, '');
  const done = new RegExp(
    String.raw`^(?:the\s+|our\s+)?(.+?)\s+milestone\s+${LINK}(?:${DONE_WORDS})(?:\s+(?:in|on|by|during|as\s+of|since))?\s+(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const doneNow = new RegExp(String.raw`^(?:the\s+|our\s+)?(.+?)\s+milestone\s+${LINK}(?:${DONE_WORDS})$`, 'i').exec(t);
  const moved = new RegExp(
    String.raw`^(?:the\s+|our\s+)?(.+?)\s+milestone\s+(?:is|was|has\s+been)?\s*(?:now\s+)?(?:due|planned|expected|scheduled|moved|pushed|slipped|delayed|postponed)(?:\s+(?:back|out))?\s+(?:to|for|in|until|till)\s+(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const m = done ?? doneNow ?? moved;
  if (!m) return null;
  const milestone = quoted(m[1]!) ?? clean(withoutArticle(clean(m[1]!)));
  if (!plausibleMilestoneName(milestone, [ctx.businessCase])) return null;
  if (moved) return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, targetMonth: tidyMonth(moved[2]!) }));
  return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, achievedMonth: done ? tidyMonth(done[2]!) : 'this month' }));
}

/** Auxiliaries between what happened and how: "all teams were onboarded" -> "all teams onboarded". */
const AUXILIARY = /\s+(?:were|was|are|is|have\s+been|has\s+been|got|get|have|has|had|went)\s+(?:all\s+|fully\s+|finally\s+)?/i;

/**
 * "all teams were onboarded by Oct 2025, log that as a milestone pls": the sentence before
 * "log|add|record|mark|save|track that|it|this as a milestone" is the milestone; its month
 * (with "by", "in", "on", "as of", "since") is when it was achieved when the sentence is in
 * the past ("were onboarded", "went live"), else its target. The name is what happened
 * ("All teams onboarded"), without the month and the auxiliary.
 */
export function parseMilestoneLogged(text: string, ctx: ConversationContext): OfflineRequest | null {
  const m =
    /^\s*(.+?)[\s,;.:—–-]+(?:(?:pls|please|can\s+you|could\s+you)\s+)?(?:log|add|record|mark|save|track|note|keep|put)\s+(?:that|it|this)(?:\s+down)?\s+as\s+(?:a\s+|the\s+)?(?:new\s+)?milestone\b([\s\S]*)$/i.exec(
      text,
    );
  if (!m) return null;
  const event = m[1]!.trim();
  const month = new RegExp(String.raw`\s*(?:,\s*)?\b(?:by|in|on|as\s+of|since|during|from|at\s+the\s+end\s+of|end\s+of)?\s*(${MONTH_PHRASE})`, 'i').exec(event);
  // "billing integration live, log it as a milestone, achieved nov 2026": the month said after.
  const after = month
    ? null
    : new RegExp(
        String.raw`^[\s,;:—–-]*(?:(achieved|done|reached|hit|completed|live)|(target(?:ed)?|due|planned|expected))?\s*(?:in|on|by|for|as\s+of)?\s*(${MONTH_PHRASE})[\s.!]*$`,
        'i',
      ).exec(m[2]!);
  const when = month ? tidyMonth(month[1]!) : after ? tidyMonth(after[3]!) : undefined;
  const sentence = month ? `${event.slice(0, month.index)} ${event.slice(month.index + month[0].length)}` : event;
  const past = after?.[1]
    ? true
    : after?.[2]
      ? false
      : /\b(?:were|was|went|got|had|have\s+been|has\s+been|\w+ed)\b/i.test(sentence) && !/\b(?:will|shall|should|going\s+to|gonna)\b/i.test(sentence);
  // What happened names it, without its article: "the portal relaunch went live" is "Portal relaunch live".
  const named = quoted(sentence) ?? withoutArticle(clean(sentence.replace(AUXILIARY, ' ')));
  const name = named.charAt(0).toUpperCase() + named.slice(1);
  if (!plausibleMilestoneName(name, [ctx.businessCase]))
    return reply('What is the milestone called? For example: "add milestone All Teams Onboarded achieved October".', 'name');
  // A name that fits an existing milestone is asked about by the tool (`proposeMilestone`), naming it.
  return call('proposeMilestone', defined({ businessCase: ctx.businessCase, name, ...(when ? (past ? { achievedMonth: when } : { targetMonth: when }) : {}) }));
}

/**
 * An existing milestone's new month said without the word "milestone": "self-service portal
 * relaunch slipped, new target march 2027" (its target), "mark the portal relaunch as done
 * last month" (achieved). The tool finds the milestone by name, or refuses naming the ones
 * there are; nothing is added.
 */
export function parseMilestoneMoved(text: string, ctx: ConversationContext): OfflineRequest | null {
  const t = text.trim().replace(/[.!]+$/, '');
  const moved = new RegExp(
    String.raw`^(?:the\s+|our\s+)?(.+?)\s+(?:slipped|slips|was\s+pushed(?:\s+back|\s+out)?|got\s+pushed(?:\s+back|\s+out)?|is\s+delayed|was\s+delayed|got\s+delayed|moved)\s*[,;:—–-]?\s*(?:(?:the\s+)?new\s+target(?:\s+is)?|now\s+(?:due|targeted\s+for|planned\s+for)|to|until)\s*:?\s+(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const marked = new RegExp(
    String.raw`^(?:please\s+|pls\s+)?mark\s+(?:the\s+)?(.+?)\s+(?:as\s+)?(?:done|achieved|complete|completed|live|reached|hit)\s+(?:in\s+|on\s+|as\s+of\s+)?(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const m = moved ?? marked;
  if (!m) return null;
  const milestone = quoted(m[1]!) ?? clean(withoutArticle(clean(m[1]!)));
  if (!plausibleMilestoneName(milestone, [ctx.businessCase])) return null;
  return call(
    'proposeMilestone',
    defined({ businessCase: ctx.businessCase, milestone, ...(moved ? { targetMonth: tidyMonth(m[2]!) } : { achievedMonth: tidyMonth(m[2]!) }) }),
  );
}
