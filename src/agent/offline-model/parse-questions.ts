import {
  clean,
  findCaseMention,
  findScenarioMention,
  MONTH_PHRASE,
  periodEndIn,
  plausibleCase,
  tidyMonth,
  withoutArticle,
  withoutScenario,
} from './phrases.ts';
import { tokenizeText } from '../../resolve/tokenize-text.ts';
import { call, callAgain, defined, reply, type ConversationContext, type OfflineRequest, type ToolInput } from './request.ts';

/*
 * The phrasing families that only read: find cases, show a case, value summary, measurement
 * history, conversion suggestions, pending proposals. Each returns null when the message is
 * not of its family.
 */

const GENERIC =
  /^(?:all|every(?:thing)?|cases?|business\s+cases?|the\s+cases?|them|it|me|us|everything|details?|structure|overview|calculations?|inputs?|use\s+cases?|scenarios?|formulas?|milestones?|the\s+(?:calculations?|inputs?|use\s+cases?|scenarios?|formulas?|structure|details?|milestones?))$/i;

/** "find Delta", "search for Acme", "list business cases", "which business cases are there?". */
export function parseFindCases(text: string): OfflineRequest | null {
  const find = /^\s*(?:please\s+|can you\s+|could you\s+)?(?:find|search(?:\s+for)?|look\s+(?:up|for)|lookup)\s+(.+?)\s*[.?!]*$/i.exec(text);
  if (find) {
    let q = clean(
      find[1]!
        .replace(/\b(?:business\s+)?cases?\b/gi, ' ')
        .replace(/\b(?:customer|account)\b/gi, ' ')
        .replace(/\b(?:for|of|called|named)\b\s*$/i, ' '),
    );
    q = clean(withoutArticle(q).replace(/^(?:for|called|named|of)\s+/i, ''));
    if (!q || /^(?:all|every|any)$/i.test(q)) return call('findBusinessCases', {});
    return call('findBusinessCases', { query: q });
  }
  if (/\b(?:list|show|which|what|all|any|our|my)\b.*\bcases\b|\bbusiness\s+cases\b|^\s*cases\s*\??$/i.test(text)) {
    const mention = findCaseMention(text);
    return call('findBusinessCases', defined({ query: mention }));
  }
  return null;
}

/** "show Delta", "describe the Delta case", "what inputs does Delta have?", "show me the calculations". */
export function parseShowCase(text: string, ctx: ConversationContext): OfflineRequest | null {
  const verb =
    /^\s*(?:please\s+|can you\s+|could you\s+)?(?:show|describe|display|open|explain|walk\s+me\s+through|tell\s+me\s+about|give\s+me\s+an\s+overview\s+of|what(?:'s|\s+is)\s+in)\s+(?:me\s+)?(.*?)\s*[.?!]*$/i.exec(
      text,
    );
  // "is delta locked? through when?", "what are we tracking for northwind?": the case shows its lock and its metrics.
  const structure =
    /\b(?:what|which)\s+(?:calculations|inputs|use\s+cases|scenarios|formulas|milestones)\b|^\s*(?:please\s+)?list\s+(?:the\s+|all\s+(?:the\s+)?)?(?:calcs|calculations|inputs|use\s+cases|scenarios|formulas|milestones)\b|\bwhat(?:'s|\s+is)\s+the\s+formula\s+(?:for|of)\b|\bstructure\b|\bwhat\s+does\s+.+\s+look\s+like\b|\bhow\s+is\s+.+\s+(?:calculated|built)\b|^\s*(?:is|are)\s+.{0,40}\blocked\b.*\?|\b(?:locked|lock)\s+(?:through|thru|until)\s+when\b|\bwhat\s+(?:are|do)\s+we\s+(?:tracking|measuring|track|measure)\b|\bwhat(?:'s|\s+is)\s+(?:being\s+)?(?:tracked|measured)\b/i.test(
      text,
    );
  if (!verb && !structure) return null;
  let businessCase = findCaseMention(text);
  if (!businessCase && verb) {
    const rest = clean(withoutArticle(clean(verb[1]!)));
    const bare = clean(rest.replace(/\s+(?:business\s+)?case$/i, ''));
    if (bare && !GENERIC.test(bare) && !/\bcalc(?:ulation)?s?\b|\binputs?\b|\bscenarios?\b|\bplan\b/i.test(bare) && plausibleCase(bare) && /^[A-Z]/.test(bare))
      businessCase = bare;
  }
  return call('showBusinessCase', defined({ businessCase: businessCase ?? ctx.businessCase }));
}

const SUMMARY =
  /\b(?:summary|summari[sz]e|reali[sz]ed|reali[sz]e|roi|payback|pay\s+back|how\s+much\s+value|value\s+(?:so\s+far|to\s+date|delivered|report|summary)|how(?:\s+(?:are|is)|'s|’s)\b.*\b(?:doing|tracking|going)|ahead\s+(?:or|of)\b|behind\s+(?:the\s+)?(?:plan|schedule|target|estimate)|on\s+track\b|variance|(?:vs\.?|versus|against)\s+(?:the\s+)?(?:estimate|plan|forecast)|measured\s+vs|benefits?|total\s+value|investment|break[-\s]?even|projected\s+total|(?:numbers|figures)\s+(?:as\s+of|through|to\s+date))\b/i;

/** "delta value as of 2025-08": "value" with an as-of phrase asks for the summary too (a message with a number is a dictation). */
const VALUE_AS_OF = /\bvalue\s+(?:as\s+of|as\s+at|through|thru|until|up\s+to)\b/i;

/** Words that start an as-of phrase: the figures to date up to that month. */
const AS_OF_LEAD = String.raw`as\s+of|as\s+at|by|through|thru|until|till|up\s+to`;

/**
 * Time said in words the lexicon has no month for ("yesterday", "two weeks ago", "this
 * quarter", "YTD"): a summary question holding one is asked about, never answered as of today.
 * ("since go-live" alone is to date, as the summary is.)
 */
const TIME_WORDS =
  /\b(?:yesterday|tomorrow|ago|weeks?|fortnight|ytd|qtd|mtd|(?:year|quarter|month)[-\s]to[-\s]date|fy\s?\d{2,4}|(?:this|current|next|coming|past|last|previous|prior)\s+(?:\d+\s+|few\s+|couple\s+(?:of\s+)?)?(?:weeks?|quarters?|years?|months|days?))\b/i;

/**
 * The time phrase of a summary question the lexicon cannot read as one as-of month, if any:
 * a month, quarter, period end, length or year token (`tokenizeText`) or a time word left
 * once the as-of month was read ("since March", "between March and June", "last week",
 * "2025"). Undefined when nothing about time is left.
 */
function unreadTime(text: string): string | undefined {
  const token = tokenizeText(text).find(
    (t) =>
      t.kind === 'month' ||
      t.kind === 'period' ||
      t.kind === 'period-end' ||
      // "over the 3 years": the window's length, which the summary's totals cover; "over 12 months" is asked.
      (t.kind === 'duration' && !/\b(?:over|across|for|in|during)\s+the\s+(?:whole\s+|full\s+|entire\s+)?$/i.test(text.slice(0, t.start))) ||
      (t.kind === 'number' && t.plain && /^(?:19|20)\d{2}$/.test(t.text)),
  );
  // "may I see the ROI?": the verb, not the month.
  if (token && !(token.kind === 'month' && /^may$/i.test(token.text) && /^may\s+(?:i|we|you)\b/i.test(text.slice(token.start)))) {
    const span = /\b(?:since|from|after|before|between|starting|beginning)\s+(?:the\s+)?$/i.exec(text.slice(0, token.start));
    return span ? `${span[0]}${token.text}` : token.text;
  }
  const word = TIME_WORDS.exec(text);
  return word ? clean(text.slice(word.index, word.index + 40).split(/[?!.,;]/)[0]!) : undefined;
}

/** "how much value has Delta realized?", "summary for Delta as of March", "ROI", "month by month". */
export function parseSummary(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (!SUMMARY.test(text) && !(VALUE_AS_OF.test(text) && !tokenizeText(text).some((t) => t.kind === 'number'))) return null;
  let t = text;
  let compare: string | undefined;
  const cmp = /\b(?:compared?|vs\.?|versus|against)\s+(?:with\s+|to\s+)?(?:the\s+)?((?:[\w'’.&-]+\s+){0,4}?(?:plan|scenario|forecast|projection))\b/i.exec(t);
  if (cmp && !/^(?:the\s+)?(?:plan|forecast|estimate)$/i.test(cmp[1]!.trim())) {
    compare = clean(cmp[1]!.replace(/\s+scenario$/i, ''));
    t = t.replace(cmp[0], ' ');
  }
  const asOfMatch = new RegExp(
    String.raw`\b(?:as\s+of|as\s+at|by|through|thru|until|up\s+to|at\s+(?:the\s+)?end\s+of|end\s+of|for|in)\s+(${MONTH_PHRASE})`,
    'i',
  ).exec(t);
  let asOf = asOfMatch ? tidyMonth(asOfMatch[1]!) : undefined;
  if (asOfMatch) t = t.replace(asOfMatch[0], ' ');
  // "as of end of Q1", "by end of 2025", "as of Q1", "through H1 2026": the period's last month.
  const period = asOf === undefined ? periodEndIn(t, String.raw`as\s+of|as\s+at|by|through|thru|until|up\s+to`) : undefined;
  if (period) {
    asOf = period.phrase;
    t = t.replace(period.matched, ' ');
  }
  // "as of last quarter", "roi last year": the end of that period, as the lexicon reads it.
  const lastPeriod =
    asOf === undefined ? new RegExp(String.raw`\b(?:(?:${AS_OF_LEAD}|for|in)\s+)?(?:the\s+)?(last|previous)\s+(quarter|year)\b`, 'i').exec(t) : null;
  if (lastPeriod) {
    asOf = `end of ${lastPeriod[1]!.toLowerCase()} ${lastPeriod[2]!.toLowerCase()}`;
    t = t.replace(lastPeriod[0], ' ');
  }
  // "delta roi last month?": the one month said without a lead word is the as-of month, unless
  // a word before it says it starts or bounds a span ("since March", "between March and June").
  if (asOf === undefined) {
    const months = [...t.matchAll(new RegExp(MONTH_PHRASE, 'gi'))];
    const only = months.length === 1 ? months[0]! : undefined;
    if (only && !/\b(?:since|from|after|before|between|and|starting|beginning|to)\s+(?:the\s+)?$/i.test(t.slice(0, only.index)) && !/^may$/i.test(only[0])) {
      asOf = tidyMonth(only[0]);
      t = t.slice(0, only.index) + ' ' + t.slice(only.index + only[0].length);
    }
  }
  const scenario = findScenarioMention(t, 'in|for|of|on|using|within|from');
  const includeMonths =
    /\b(?:month[-\s]by[-\s]month|monthly\s+(?:figures|breakdown|detail|numbers|values)|per\s+month|each\s+month|by\s+month|every\s+month)\b/i.test(t)
      ? true
      : undefined;
  // "how is acme doing": the one named is the business case, even in lower case.
  const howIs = /\bhow(?:\s+is|'s|’s)\s+([a-z][\w&.'’-]*(?:\s+[a-z][\w&.'’-]*)?)\s+(?:doing|tracking|going)\b/i.exec(t)?.[1];
  const named = howIs && !/^(?:it|that|this|we|things|everything|the\s+\w+|our\s+\w+)$/i.test(howIs) ? howIs : undefined;
  const businessCase = findCaseMention(t) ?? named ?? ctx.businessCase;
  // A time phrase not read as the as-of month: asked, never answered as of today.
  const unread = unreadTime(withoutScenario(t, scenario));
  if (unread !== undefined) {
    return reply(
      `I can't read "${unread}" as the month to give the figures as of, so I haven't answered as of today. The summary gives value to date as of one month: say, for example, "as of 2025-08", "as of last month", "as of end of Q3 2026" or "as of last quarter".`,
      'month',
    );
  }
  return call('valueSummary', defined({ businessCase, scenario, compare, asOf, includeMonths }));
}

/** "history of tickets per day", "show the measurement history for deflection rate", "what was recorded for tickets per day?". */
export function parseHistory(text: string, ctx: ConversationContext): OfflineRequest | null {
  const patterns = [
    /^\s*(?:please\s+)?(?:show\s+(?:me\s+)?)?(?:the\s+)?(.+?)\s+(?:measurement\s+)?history\b/i,
    /\bhistory\s+(?:of|for|on)\s+(.+?)\s*[.?!]*$/i,
    // "show me all the tix/day measurements", "what was deflection in jan?"
    /^\s*(?:please\s+)?(?:show|list|give)\s+(?:me\s+)?all\s+(?:the\s+|of\s+the\s+)?(.+?)\s+(?:measurements|values|readings|numbers|entries)\s*[.?!]*$/i,
    /^\s*what\s+(?:was|were)\s+(?:the\s+)?(?!the\b)([a-z][\w/ #.%-]{1,40}?)\s+(?:in|for|on)\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)(?:\s+\d{4})?\s*\?*\s*$/i,
    /\bwhat\s+(?:was|were|has\s+been|have\s+been|got)\s+(?:recorded|measured|logged)\s+(?:for|of|on)\s+(.+?)\s*[.?!]*$/i,
    /\b(?:past|previous|earlier|all)\s+(?:values|measurements)\s+(?:of|for)\s+(.+?)\s*[.?!]*$/i,
    /^\s*(?:show\s+(?:me\s+)?)?(?:the\s+)?measurements\s+(?:of|for)\s+(.+?)\s*[.?!]*$/i,
    // "what did we record for tickets per day so far?"
    /\bwhat\s+(?:did|have)\s+(?:we|you|they)\s+(?:record(?:ed)?|log(?:ged)?|measur(?:e|ed)|enter(?:ed)?)\s+(?:for|of|on)\s+(.+?)(?:\s+so\s+far)?\s*[.?!]*$/i,
    // "what capture rates have we logged for northwind"
    /\bwhat\s+(.+?)\s+(?:have|did)\s+(?:we|you|they)\s+(?:record(?:ed)?|log(?:ged)?|measur(?:e|ed)|enter(?:ed)?)\b(.*?)\s*[.?!]*$/i,
    // "who entered the march tickets/day number?", "where did the oct 2025 tickets per day number come from?"
    /\b(?:who|when)\s+(?:entered|recorded|logged|added|measured|changed)\s+(?:the\s+)?(.+?)\s*[.?!]*$/i,
    // "any notes on the jan deflection value?"
    /^\s*(?:(?:are\s+there|is\s+there|any)\s+)(?:notes?|comments?|evidence|sources?)\s+(?:on|for|about)\s+(?:the\s+)?(.+?)\s*[.?!]*$/i,
  ];
  if (
    !/\bhistory\b|\brecorded\b|\bmeasured\b|\blogged\b|\bmeasurements\b|\bvalues\b|\brecord\b|\blog\b|\bentered\b|\bnotes?\b|^\s*what\s+(?:was|were)\b/i.test(
      text,
    )
  )
    return null;
  for (const re of patterns) {
    const m = re.exec(text);
    if (!m) continue;
    // A month or the word for a value only says which entry: the history shows them all.
    // "… have we logged for northwind": what follows the verb names the case.
    const tail = /^\s*(?:for|at|of)\s+(?:the\s+)?([\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s*$/i.exec(m[2] ?? '');
    let input = m[1]!
      .replace(new RegExp(MONTH_PHRASE, 'gi'), ' ')
      .replace(/\b(?:number|value|figure|entry|measurement|reading|numbers|values|figures|entries|so\s+far|to\s+date)\b/gi, ' ');
    const scenario = findScenarioMention(input);
    if (scenario) input = withoutScenario(input, scenario);
    let businessCase: string | undefined;
    const forCase = /\s+(?:for|in|of)\s+(?:the\s+)?([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*)*)(?:\s+(?:business\s+)?case)?\s*$/.exec(input);
    if (forCase && plausibleCase(forCase[1]!)) {
      businessCase = clean(forCase[1]!);
      input = input.slice(0, forCase.index);
    }
    input = clean(withoutArticle(clean(input.replace(/^(?:the\s+)?measurement\s+/i, ''))).replace(/^(?:measurement\s+)?history\s+(?:of|for)\s+/i, ''));
    input = clean(withoutArticle(input));
    if (!input || /^(?:measurement|measurements|it|that|this)$/i.test(input)) continue;
    const mentioned = findCaseMention(text.slice(m.index + m[0].length)) ?? (tail ? clean(tail[1]!) : undefined);
    return call('measurementHistory', defined({ businessCase: businessCase ?? mentioned ?? ctx.businessCase, scenario, input }));
  }
  return null;
}

/** "what can I convert?", "suggest conversions", "which calculations can be tracked monthly?". */
export function parseSuggestions(text: string, ctx: ConversationContext): OfflineRequest | null {
  const asks =
    /\bwhat\s+(?:can|could|should)\s+(?:i|we)\s+convert\b|\bsuggest(?:ed)?\s+(?:a\s+)?conversions?\b|\bconversion\s+suggestions?\b|\bconversion\s+candidates?\b/i.test(
      text,
    ) ||
    /\b(?:which|what)\s+calc(?:ulation)?s?\s+(?:can|could|should)\s+(?:i\s+|we\s+)?(?:be\s+)?(?:convert|track)/i.test(text) ||
    /\bwhat\s+(?:can|could|should)\s+(?:be|i|we)\s+(?:convert|track)/i.test(text) ||
    (/\bconvert/i.test(text) && /^\s*(?:what|which|anything|any|is\s+there|are\s+there)\b/i.test(text)) ||
    /\b(?:can|could|should)\s+(?:i|we)\s+convert\b|\bconvert(?:ed|ible)\b[^.]*\?\s*$/i.test(text);
  if (!asks) return null;
  const businessCase = findCaseMention(text) ?? ctx.businessCase;
  return call('suggestConversions', defined({ businessCase, scenario: findScenarioMention(text) }));
}

/** "pending proposals", "what's waiting for approval?", "anything to approve?". */
export function parsePending(text: string, ctx: ConversationContext): OfflineRequest | null {
  const asks =
    /\bproposals?\b/i.test(text) ||
    /\b(?:pending|awaiting|waiting\s+(?:for|on))\s+(?:my\s+|your\s+|an?\s+|for\s+)?approvals?\b/i.test(text) ||
    /\bwhat\s+needs\s+(?:my\s+|an?\s+)?approv/i.test(text) ||
    /\b(?:needs?|waiting\s+for|awaiting)\s+(?:my\s+|an?\s+|your\s+)?sign[-\s]?off\b/i.test(text) ||
    /\b(?:anything|something|what(?:'s|\s+is)?)\s+(?:to|left to|waiting to)\s+approve\b/i.test(text) ||
    /^\s*(?:what(?:'s|\s+is|\s+are)|anything|is\s+anything|show(?:\s+me)?)\s+(?:still\s+)?(?:pending|waiting|open)\b/i.test(text);
  if (!asks) return null;
  const businessCase = findCaseMention(text) ?? ctx.businessCase;
  return call('listPendingProposals', defined({ businessCase }));
}

const AUDIENCES: Array<[RegExp, NonNullable<ToolInput<'draftQbr'>['audience']>]> = [
  [/\b(?:cfo|finance|financial|procurement|controller)\b/i, 'finance'],
  [/\b(?:champions?|admins?|power\s+users?|team\s+leads?|ops|operations)\b/i, 'champion'],
  [/\b(?:exec|execs|executives?|sponsors?|ceo|coo|cio|leadership|c-level)\b/i, 'executive-sponsor'],
];

/**
 * "draft the QBR for Q3 2026 for finance", "QBR for Delta last quarter", "redraft the QBR for
 * the executive sponsor". Quarter as said ("Q3 2026", "2026-Q3", "Q3", "last quarter"),
 * audience as the tool names it, `redraft` when a new version is asked for.
 */
export function parseQbr(text: string, ctx: ConversationContext): OfflineRequest | null {
  // "draft northwind's q1 review for finance", "an exec summary for delta's Q1 business review"
  if (!/\bqbrs?\b|\b(?:quarterly|business|q[1-4](?:\s+\d{4})?)\s+(?:business\s+)?reviews?\b/i.test(text)) return parseQbrFollowUp(text, ctx);
  let quarter: string | undefined;
  const q = /\b(\d{4})\s*[-/ ]?\s*q([1-4])\b|\bq([1-4])(?:\s*[-/ ]?\s*('\d{2}|fy\d{2,4}|\d{4}))?\b|\b((?:last|previous|this|current)\s+quarter)\b/i.exec(text);
  if (q) quarter = q[1] ? `${q[1]}-Q${q[2]}` : q[3] ? `Q${q[3]}${q[4] ? ` ${q[4]}` : ''}` : q[5]!.toLowerCase().replace(/\s+/g, ' ');
  const audience = AUDIENCES.find(([re]) => re.test(text))?.[1];
  const redraft = /\b(?:redraft|re-draft|rewrite|regenerate|new\s+version|fresh|again)\b/i.test(text) ? true : undefined;
  const withoutAudience = text.replace(
    /\bfor\s+(?:the\s+|our\s+)?(?:cfo|finance|financial|procurement|controller|champions?|admins?|exec|execs|executives?|executive\s+sponsor|sponsors?|ceo|coo|cio|leadership)\b(?:\s+team)?/gi,
    ' ',
  );
  const businessCase = findCaseMention(withoutAudience) ?? ctx.businessCase;
  return call('draftQbr', defined({ businessCase, quarter, audience, redraft }));
}

/**
 * Right after a QBR draft, "for finance, q2" or "the champion one" asks for the same draft
 * for another audience or quarter: the last call again with what is said in place.
 */
function parseQbrFollowUp(text: string, ctx: ConversationContext): OfflineRequest | null {
  const last = ctx.lastCall;
  if (last?.toolName !== 'draftQbr') return null;
  const audience = AUDIENCES.find(([re]) => re.test(text))?.[1];
  const q = /\b(\d{4})\s*[-/ ]?\s*q([1-4])\b|\bq([1-4])(?:\s*[-/ ]?\s*('\d{2}|\d{4}))?\b|\b((?:last|previous|this|current)\s+quarter)\b/i.exec(text);
  const quarter = q ? (q[1] ? `${q[1]}-Q${q[2]}` : q[3] ? `Q${q[3]}${q[4] ? ` ${q[4]}` : ''}` : q[5]!.toLowerCase()) : undefined;
  // Only an audience, a quarter and small words: anything more is a request of its own.
  const rest = text
    .replace(q?.[0] ?? '\u0000', ' ')
    .replace(
      /\b(?:for|the|our|a|an|and|please|pls|instead|then|one|version|make\s+it|it|to|team|cfo|finance|financial|procurement|controller|champions?|admins?|ops|exec|execs|executives?|sponsors?|ceo|coo|cio|leadership|executive)\b/gi,
      ' ',
    )
    .replace(/[\s,.;:!?()'’-]+/g, '');
  if (rest !== '' || (audience === undefined && quarter === undefined)) return null;
  const input = Object.fromEntries(Object.entries(last.input).filter(([, v]) => v !== null));
  return callAgain('draftQbr', defined({ ...input, ...(audience ? { audience } : {}), ...(quarter ? { quarter } : {}) }));
}
