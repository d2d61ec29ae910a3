import { MONTH_PHRASE, PERIOD, PERIOD_END } from '../../resolve/read-month-phrase.ts';
import { NUMBER_TOKEN, readNumber as readExactNumber } from '../../resolve/read-number.ts';

/**
 * The offline model's vocabulary: the regular expressions and small helpers every phrasing
 * family shares (months, numbers, business-case and scenario mentions, quoted names).
 * Pure functions of the text: no clock, no store. Month phrases are never resolved here;
 * they go to the tools as the person said them ("October", "Oct 2025", "last month").
 */

/**
 * The month phrases and numbers of the one lexicon (`src/resolve`: `read-month-phrase.ts`,
 * `read-number.ts`): the offline model finds them with the same patterns the tools read them
 * with, so what it passes on is what they resolve.
 */
export { MONTH_NAME, MONTH_PHRASE, PERIOD, PERIOD_END } from '../../resolve/read-month-phrase.ts';

const MONTH_ONLY = new RegExp(`^${MONTH_PHRASE}$`, 'i');
const MONTH_ANYWHERE = new RegExp(MONTH_PHRASE, 'i');

/** Whether the whole text is a month phrase. */
export function isMonthPhrase(text: string): boolean {
  return MONTH_ONLY.test(text.trim());
}

/** Whether the text mentions a month anywhere. */
export function hasMonth(text: string): boolean {
  return MONTH_ANYWHERE.test(text);
}

/** The first month phrase after one of `lead` (a regex source of words), as written. */
export function monthAfter(text: string, lead: string): string | undefined {
  const m = new RegExp(String.raw`\b(?:${lead})\s+(?:in\s+|on\s+|from\s+|for\s+|of\s+)?(${MONTH_PHRASE})`, 'i').exec(text);
  return m ? tidyMonth(m[1]!) : undefined;
}

/** The first month phrase in the text, as written. */
export function firstMonth(text: string): string | undefined {
  const m = MONTH_ANYWHERE.exec(text);
  return m ? tidyMonth(m[0]) : undefined;
}

/**
 * The end of a period a text names, as a month phrase the tools resolve: "end of Q1" as it
 * is, "end of 2025"; a quarter or half-year after one of `lead` ("as of Q1", "through H1
 * 2026"), or anywhere when `lead` is null ("the q2 numbers"), as "end of Q1". `matched` is
 * the text it was read from.
 */
export function periodEndIn(text: string, lead: string | null): { phrase: string; matched: string } | undefined {
  const end = new RegExp(PERIOD_END, 'i').exec(text);
  if (end) return { phrase: tidyMonth(end[0]).replace(/^(?:at\s+)?(?:the\s+)?/i, ''), matched: end[0] };
  const period = new RegExp(lead === null ? `(${PERIOD})` : String.raw`\b(?:${lead})\s+(?:the\s+)?(${PERIOD})`, 'i').exec(text);
  if (!period) return undefined;
  return { phrase: `end of ${tidyMonth(period[1]!)}`, matched: period[0] };
}

/** A month phrase without trailing punctuation or extra spaces. */
export function tidyMonth(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/[.,]+$/, '')
    .trim();
}

/**
 * A number as people write it (`115`, `1,250`, `3.2k`, `$14`, `22%`, `12,5%`, `22 percent`),
 * read exactly by the lexicon (`src/resolve/read-number.ts`); percentages become fractions
 * (22% is 0.22), as every tool expects. Undefined when the text is no number, or one that
 * cannot be read exactly (`0x10`, `1e308`): never another number.
 */
export function readNumber(raw: string): number | undefined {
  const r = readExactNumber(raw);
  return r?.ok ? r.value : undefined;
}

/** A number pattern (source, `i` flag) matching what `readNumber` reads, as a whole ("3.2k", not "3.2"). */
export const NUMBER = NUMBER_TOKEN;

/** The text with thousands separators taken out of its numbers ("3,000" -> "3000", "1,250,000" -> "1250000"). */
export function withoutThousandsSeparators(text: string): string {
  return text.replace(/(?<![\d,.])\d{1,3}(?:,\d{3})+(?!\d|,\d)/g, (n) => n.replace(/,/g, ''));
}

/** Trims spaces, quotes and trailing punctuation off a phrase. */
export function clean(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["“”'‘’`]+|["“”'‘’`]+$/g, '')
    .replace(/[\s.,;:!?]+$/, '')
    .replace(/^[\s,;:]+/, '')
    .trim();
}

/** A phrase without a leading article ("the efficiency calculation" -> "efficiency calculation"). */
export function withoutArticle(text: string): string {
  return text.replace(/^(?:the|a|an|our|my)\s+/i, '');
}

/** Words that are never a business case name, however they are capitalised. */
const NOT_A_CASE = new Set([
  'i',
  'me',
  'us',
  'we',
  'you',
  'it',
  'this',
  'that',
  'these',
  'those',
  'them',
  'all',
  'everything',
  'each',
  'every',
  'now',
  'today',
  'the',
  'a',
  'an',
  'our',
  'my',
  'roi',
  'value',
  'summary',
  'payback',
  'business',
  'vp',
  'svp',
  'evp',
  'cfo',
  'ceo',
  'cto',
  'coo',
  'cio',
  'head',
  'director',
  'manager',
  'champion',
  'sponsor',
  'exec',
  'finance',
  'same',
  'whole',
  'please',
  'help',
  'q1',
  'q2',
  'q3',
  'q4',
  'qbr',
]);

/** First words that start a question or a command, never a business case name. */
const NOT_A_CASE_START =
  /^(?:what|what's|whats|who|how|where|when|which|why|is|are|can|could|would|should|do|does|did|show|list|find|give|tell|please|set|add|create|record|track|convert|split|lock)\b/i;

/** Whether a phrase can be a business case name (not a month, scenario, number or pronoun). */
export function plausibleCase(name: string): boolean {
  const n = clean(name);
  if (!n || n.length > 60) return false;
  if (/^\d/.test(n) || isMonthPhrase(n)) return false;
  if (NOT_A_CASE.has(n.toLowerCase()) || NOT_A_CASE_START.test(n)) return false;
  if (
    /\b(?:plan|scenario|reali[sz]ation|forecast|projection|estimate|calculation|calculations|month|months|year|years|input|inputs|metric|use case)\b/i.test(n)
  )
    return false;
  return true;
}

const PREFIX_WORDS = /^(?:note|notes|evidence|source|proof|re|fyi|ps|update|comment|comments|question|q|a|help|todo|summary|roi)$/i;

const CAPITALISED = String.raw`[A-Z][\w&.-]*(?:\s+(?:[A-Z][\w&.-]*|&|of|and))*`;

/**
 * Finds a business case a person names in a message: "for Delta Corp", "Delta's ROI",
 * "the Delta case", "has Delta realized", "case Delta". Capitalised names only after "for"
 * (so "for tickets per day" is not a case); any case after "the ... case". Returns the
 * name as written, or undefined.
 */
export function findCaseMention(text: string): string | undefined {
  const candidates: Array<{ at: number; name: string }> = [];
  const add = (re: RegExp, group = 1) => {
    for (const m of text.matchAll(re)) {
      const name = clean(m[group]!.replace(/[’']s$/, ''));
      if (plausibleCase(name) && plausibleCase(trimCaseName(name))) candidates.push({ at: m.index, name: trimCaseName(name) });
    }
  };
  add(new RegExp(String.raw`\bfor\s+(?:the\s+)?(${CAPITALISED})`, 'g'));
  add(new RegExp(String.raw`(?:^|\s)(${CAPITALISED})[’']s\b`, 'g'));
  add(/\bthe\s+([\w&.'’ -]+?)\s+(?:business\s+)?case\b/gi);
  add(/\b(?:has|have|did|does)\s+([\w&.'’ -]+?)\s+(?:reali[sz]ed?|achieved|delivered|saved)\b/gi);
  add(new RegExp(String.raw`\b(?:business\s+case|customer|account)\s+(${CAPITALISED})`, 'g'));
  add(new RegExp(String.raw`\b(?:does|do|did|has|is)\s+(${CAPITALISED})\s+(?:have|has|look|stand|show)\b`, 'g'));
  // "Delta: how much value ...?" / "Delta Corp: tickets per day Oct 115": a leading capitalised name and a colon.
  const prefix = /^\s*([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*:/.exec(text);
  if (prefix && !PREFIX_WORDS.test(prefix[1]!) && plausibleCase(prefix[1]!)) candidates.push({ at: -1, name: clean(prefix[1]!) });
  const filtered = candidates.filter((c) => !/\buse$/i.test(c.name) && !/^use\b/i.test(c.name));
  filtered.sort((a, b) => a.at - b.at);
  return filtered[0]?.name;
}

function trimCaseName(name: string): string {
  // "Delta Corp from the Rollout Plan" never reaches here (lower-case words stop the match),
  // but a trailing connector can: "Delta and" -> "Delta".
  return name.replace(/\s+(?:and|of|&)$/i, '').trim();
}

/**
 * A scenario named in a message: "in the Rollout Plan", "for the realization scenario",
 * "of the Pilot scenario". Returns its name ("Rollout Plan", "realization").
 */
export function findScenarioMention(text: string, lead = 'in|for|of|on|using|within'): string | undefined {
  const m = new RegExp(String.raw`\b(?:${lead})\s+(?:the\s+)?((?:[\w'’.&-]+\s+){0,4}?(?:plan|scenario|forecast|projection))\b`, 'i').exec(text);
  if (!m) return undefined;
  const name = clean(m[1]!.replace(/\s+scenario$/i, ''));
  if (!name || /^(?:this|that|the|a)$/i.test(name)) return undefined;
  return name;
}

/** A quoted name ("All Teams Onboarded", 'Go-Live', “Portal”), if the text has one. */
export function quoted(text: string): string | undefined {
  const m = /["“]([^"”]+)["”]|(?:^|\s)'([^']+)'(?=\s|$|[.,;:!?])|‘([^’]+)’/.exec(text);
  const v = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  return v ? clean(v) : undefined;
}

/** Text as a literal inside a regular expression. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The text without a scenario mention ("... in the Rollout Plan" -> "..."). */
export function withoutScenario(text: string, scenario: string | undefined): string {
  if (!scenario) return text;
  return text.replace(new RegExp(String.raw`\b(?:in|for|of|on|using|within|from)\s+(?:the\s+)?${escapeRegExp(scenario)}(?:\s+scenario)?\b`, 'i'), ' ');
}
