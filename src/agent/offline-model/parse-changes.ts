import { resolveMonth } from '../../resolve/resolve-month.ts';
import { monthInWords } from '../../resolve/read-month-phrase.ts';
import { scenarioToChange } from './by-vocabulary.ts';
import { matchName } from '../../resolve/match-name.ts';
import { monthIndex, monthText } from '../../engine/index.ts';
import {
  clean,
  findCaseMention,
  findScenarioMention,
  firstMonth,
  isMonthPhrase,
  MONTH_PHRASE,
  monthAfter,
  NUMBER,
  quoted,
  readNumber,
  withoutArticle,
  escapeRegExp,
  withoutScenario,
  withoutThousandsSeparators,
  tidyMonth,
  plausibleCase,
  periodEndIn,
} from './phrases.ts';
import { extractProvenance } from './parse-measurements.ts';
import { readDuration } from '../../resolve/read-duration.ts';
import { plausibleMilestoneName } from './parse-milestone-phrases.ts';
import { call, defined, reply, type ConversationContext, type OfflineRequest, type ToolInput } from './request.ts';

/*
 * The phrasing families that propose changes (each returns null when the message is not of
 * its family): realization scenario, conversion, split, monthly values, set an input,
 * milestone, lock. Every one passes names and month phrases through as the person said them;
 * the tools resolve them.
 */

function caseFor(text: string, ctx: ConversationContext): string | undefined {
  return findCaseMention(text) ?? ctx.businessCase;
}

/**
 * Where an unquoted scenario name ("called Actuals ...") ends: at punctuation, or at the
 * clause that follows it (the plan it copies, its start, its length, the case: `from`,
 * `based on`, `starting`, `beginning`, `as of`, `effective`, `with`, `for`, `over`, `in <month>`).
 * A name holding one of these words is written in quotes.
 */
const SCENARIO_NAME_END = String.raw`\s*(?:[,;:!?()]|\.(?:\s|$)|$)|\s+(?:from|based\s+on|copying|copy\s+of|off\s+the|start(?:ing|s)?|begin(?:ning|s)?|as\s+of|effective|kick(?:ing)?\s+off|with|for|over|lasting|(?:in|on)\s+${MONTH_PHRASE})\b`;

/** "Create a realization scenario for Delta Corp from the Rollout Plan, starting August, for 24 months". */
export function parseRealizationScenario(said: string, ctx: ConversationContext): OfflineRequest | null {
  if (!createsRealization(said)) return null;
  // "the deal was supposed to start june but kicked off in august 2025": the plan is not the start; kicking off is.
  const message = said
    .replace(
      new RegExp(
        String.raw`\b(?:(?:it|the\s+deal|deal|we)\s+)?(?:was|were)\s+(?:supposed|planned|meant|scheduled|expected)\s+to\s+(?:start|begin|kick\s+off)\s+(?:in\s+|on\s+)?(?:${MONTH_PHRASE})\s*(?:,\s*)?(?:but\s+)?`,
        'gi',
      ),
      ' ',
    )
    .replace(/\b(?:it\s+|we\s+)?(?:kicked\s+off|actually\s+started|went\s+live)\s+(?:in\s+|on\s+)?/gi, 'starting ');

  // The name first ("called Actuals", "named \"Actuals from Sept\"", "spin up 'Year 1 Actuals'"): the rest is read without it.
  const named =
    new RegExp(String.raw`\b(?:called|named)\s+(?:["“]([^"”]+)["”]|(.+?)(?=${SCENARIO_NAME_END}))`, 'i').exec(message) ??
    new RegExp(String.raw`\b(?:${CREATE})\s+(?:an?\s+|the\s+)?(?:new\s+)?(?:["“]([^"”]+)["”]|['‘]([^'’]+)['’])`, 'i').exec(message);
  const name = named ? clean(named[1] ?? named[2]!) : undefined;
  const text = named ? `${message.slice(0, named.index)} ${message.slice(named.index + named[0].length)}` : message;

  let from: string | undefined;
  const fromRe = new RegExp(
    String.raw`\b(?:from|based\s+on|copying|copy(?:\s+of)?|off)\s+(?:the\s+)?(.+?)(?=\s*(?:,|;|\?|!|—|–|\s-\s|\.(?:\s|$)|$|\bstart|\bbegin|\bfor\s+\d|\bfor\s+(?:an?|one|two|three|four|five)\b|\bwith\b|\bcalled\b|\bnamed\b|\bas\s+of\b|\beffective\b|\b(?:in|from|on)\s+${MONTH_PHRASE}))`,
    'gi',
  );
  for (const m of text.matchAll(fromRe)) {
    const v = clean(m[1]!.replace(/\s+scenario$/i, ''));
    if (v && !isMonthPhrase(v) && !/^\d/.test(v) && !/^(?:tracking|it|that|this|now|today)$/i.test(v)) {
      from = v;
      break;
    }
  }
  const start =
    monthAfter(
      text,
      String.raw`start(?:ing|s|ed)?|begin(?:ning|s)?|from|as\s+of|effective|kick(?:ed|ing|s)?\s+off|went\s+live|go(?:es)?\s+live|live|signed|in`,
    ) ?? firstMonth(text);
  // A length through the lexicon: "24 months", "12 mo", "2 yrs", "a two-year deal", "for a year".
  const months = readDuration(text)?.months;
  const businessCase = caseFor(text.replace(fromRe, ' '), ctx);
  if (!start) {
    return reply(
      'From which month should the realization scenario start? For example: "Create a realization scenario from the Rollout Plan, starting August, for 24 months".',
      'month',
    );
  }
  return call('proposeRealizationScenario', defined({ businessCase, from, start, months, name }));
}

const CREATE = String.raw`create|set\s*up|start|add|make|open|begin|build|new|spin\s+up|kick\s+off|launch`;

/**
 * Whether a message asks for a realization scenario: a create verb and "realization" ("new
 * VR scenario", "set up value realization"); or tracking realized value ("start tracking
 * realized value", "set up value tracking for delta", "set up tracking for northwind
 * starting feb 2026") but not tracking an input ("start tracking tickets directly"); or a
 * new scenario copied from a plan ("spin up 'Year 1 Actuals' from the rollout plan").
 */
function createsRealization(text: string): boolean {
  const create = new RegExp(String.raw`\b(?:${CREATE})\b`, 'i').test(text);
  if (create && /\b(?:reali[sz]ation|vr\s+scenario)\b/i.test(text)) return true;
  // "realisation scenario for delta pls (rollout plan, jan 2026, 18mo)": the scenario named with its terms.
  if (/^\s*(?:a\s+|the\s+|new\s+)?(?:value\s+)?reali[sz]ation\s+scenario\b/i.test(text) && /\b\d{1,3}\s*(?:mo|mos|months?|yrs?|years?)\b/i.test(text))
    return true;
  // "can we start tracking actuals for delta? … kicked off in august 2025. 24 months"
  if (/\b(?:start|begin)\s+tracking\s+(?:the\s+)?actuals\b/i.test(text)) return true;
  if (
    new RegExp(
      String.raw`\b(?:${CREATE})\s+(?:(?:the|our)\s+)?(?:value\s+)?tracking(?:\s+(?:of\s+)?(?:the\s+)?reali[sz]ed\s+value|\s+value)?(?=\s*$|\s*[,.;:!?—–]|\s+(?:for|off|from|based|starting|beginning|as\s+of)\b)`,
      'i',
    ).test(text)
  )
    return true;
  if (new RegExp(String.raw`\b(?:${CREATE})\s+tracking\s+(?:the\s+)?reali[sz]ed\s+value\b`, 'i').test(text)) return true;
  // "Start tracking the Rollout Plan from October 2025": tracking a plan is its realization.
  if (/\bstart\s+tracking\b/i.test(text) && /\b(?:plan|scenario)\b/i.test(text)) return true;
  return (
    create &&
    /\b(?:from|off|copy(?:ing)?|based\s+on)\s+(?:the\s+)?[\w' -]*\b(?:plan|scenario|deal|case)\b/i.test(text) &&
    /\b(?:actuals|scenario|tracking|start|starting)\b/i.test(text)
  );
}
const CONVERT_MODIFIER = /^(?:with\s+)?(?:a\s+)?(?:baseline|direction|decreas|increas|lower|higher|fewer|less|more|down|up|unit)/i;

/** "Convert the efficiency calculation to track Avg. Tickets per Day, baseline 100" (one or several). */
export function parseConversions(said: string, ctx: ConversationContext): OfflineRequest | null {
  return readConversions(said, ctx, true);
}

function readConversions(said: string, ctx: ConversationContext, lookUp: boolean): OfflineRequest | null {
  const ready = parseReadyConversions(said, ctx, lookUp);
  if (ready) return ready;
  // "for delta, turn …": a leading case is the business case.
  const lead = /^\s*(?:for|on|in)\s+([\w&.'’-]+(?:\s+[\w&.'’-]+)?)\s*,\s*/i.exec(said);
  const leadCase = lead && plausibleCase(lead[1]!) ? clean(lead[1]!) : undefined;
  const text = rephraseConversion(leadCase ? said.slice(lead![0].length) : said);
  if (leadCase) ctx = { ...ctx, businessCase: leadCase };
  // "(baseline is the 100/day we had)": a value the case holds, to be found before it is used.
  const held = new RegExp(
    String.raw`\(?\s*,?\s*(?:with\s+)?(?:the\s+)?baseline\s+(?:is|was|=|of)\s+the\s+(${NUMBER})\s*(?:\/\s*[a-z]+|[a-z/ ]{0,20}?)?\s+(?:(?:we|they|it)\s+(?:had|have|were\s+at|was|started\s+(?:at|from|with))|(?:from|in|of)\s+the\s+(?:business\s+case|case|deal|plan|contract|model))\s*\)?`,
    'i',
  ).exec(text);
  if (held) {
    const request = readConversions(`${text.slice(0, held.index)} ${text.slice(held.index + held[0].length)}`, ctx, false);
    const baseline = readNumber(held[1]!);
    if (request?.kind !== 'tools' || baseline === undefined) return request;
    return baselineHeld(request, baseline, held[1]!);
  }
  let body: string | undefined;
  const convert = /\bconvert\s+(.+)$/is.exec(text);
  const trackCalc = /\b(?:track|switch|move)\s+(.+?\bcalc(?:ulation)?s?\b.*)$/is.exec(text);
  if (convert) body = convert[1]!;
  else if (trackCalc) body = trackCalc[1]!.replace(/\b(?:monthly|every month|each month)\b(?!\s+tracking)/i, ' ');
  if (body === undefined) return null;
  // "convert the efficency calc -> tickets/day": an arrow says what it tracks.
  body = body.replace(/\s*(?:->|→|=>)\s*/g, ' to track ');
  // "a baseline of 3,000": a thousands separator is not a list separator.
  body = withoutThousandsSeparators(body);

  const scenario = findScenarioMention(body);
  if (scenario) body = withoutScenario(body, scenario);
  const mention = findCaseMention(body);
  const businessCase = mention ?? ctx.businessCase;
  if (mention) body = body.replace(new RegExp(String.raw`\bfor\s+(?:the\s+)?${escapeRegExp(mention)}(?:[’']s)?\b`), ' ');
  body = body.replace(/[.!?]+\s*$/, '').replace(/\b(avg|no|vs|approx|est)\.\s/gi, '$1.\u00a0');

  const items: string[][] = [];
  for (const part of body.split(/\s*(?:;|,\s*(?:and\s+)?|\s+and\s+)\s*/i)) {
    const p = part.replace(/\u00a0/g, ' ').trim();
    if (!p) continue;
    if (CONVERT_MODIFIER.test(p) && items.length > 0) items[items.length - 1]!.push(p);
    else items.push([p]);
  }
  const conversions = items.map((parts) => readConversion(parts)).filter((c) => c !== null);
  if (conversions.length === 0)
    return reply('Which calculation should I convert? For example: "Convert the efficiency calculation to track Avg. Tickets per Day".');
  // "the conversion on the support efficiency use case": the calculation of that use case that can be converted.
  if (lookUp && conversions.length === 1 && /\buse\s*case$/i.test(conversions[0]!.calculation)) {
    return convertInUseCase(defined({ businessCase, scenario }), conversions[0]!);
  }
  return call('proposeConversions', defined({ businessCase, scenario, conversions }));
}

type Conversion = ToolInput<'proposeConversions'>['conversions'][number];
/** What `suggestConversions` says, as these decisions read it. */
interface SuggestionsView {
  scenario: string;
  suggestions: Array<{
    calculation: string;
    useCase: string;
    status: 'ready' | 'needs-input' | 'tracked' | 'not-applicable';
    baselineInput: string | null;
    missing: string[];
  }>;
}

/**
 * "run the conversion on the support efficiency use case, metric = avg tickets per day": a use
 * case named where a calculation goes. The suggestions are looked up first; the one
 * calculation of that use case that can be converted (ready or needing input) is converted,
 * else it asks naming them. Never one that cannot be converted, never a guess between two.
 */
function convertInUseCase(where: { businessCase?: string; scenario?: string }, conversion: Conversion): OfflineRequest {
  const named = clean(conversion.calculation.replace(/\s*\buse\s*case$/i, ''));
  return lookUpFirst([call('suggestConversions', defined(where))], ([out]) => {
    const view = out as unknown as SuggestionsView;
    const useCases = [...new Set(view.suggestions.map((x) => x.useCase))];
    const found = matchName(useCases, named, (id) => [id]);
    const convertible = view.suggestions.filter((x) => x.status === 'ready' || x.status === 'needs-input');
    const inUseCase = found.kind === 'match' ? convertible.filter((x) => x.useCase === found.item) : [];
    if (inUseCase.length !== 1) {
      const list = (inUseCase.length > 1 ? inUseCase : convertible).map((x) => `${x.calculation} (${x.useCase})`);
      return reply(
        `Which calculation should I convert? ${list.length > 0 ? `These can be: ${list.join(', ')}.` : 'None of this scenario can be.'} Say e.g. "convert the ${list[0]?.replace(/ \(.*$/, '') ?? 'efficiency'} calculation".`,
      );
    }
    return call('proposeConversions', defined({ ...where, scenario: view.scenario, conversions: [{ ...conversion, calculation: inUseCase[0]!.calculation }] }));
  });
}

/**
 * "convert everything that's ready on delta", "convert all the ready ones", "convert all
 * calculations that can be converted": the suggestions are looked up first, and the
 * calculations they mark ready are converted as suggested, in one proposal. None ready: it
 * says what each needs. ("convert everything" without "ready" converts only when every
 * convertible calculation is ready, else it asks.)
 */
function parseReadyConversions(text: string, ctx: ConversationContext, lookUp: boolean): OfflineRequest | null {
  const m =
    /^\s*(?:(?:pls|please|can\s+you|could\s+you|let'?s|go\s+ahead\s+and|now)\s+)*convert\s+((?:all\s+)?(?:the\s+)?(?:ready|convertible)\s+(?:ones|calc(?:ulation)?s)|everything|all(?:\s+(?:of\s+)?(?:the\s+)?(?:calc(?:ulation)?s|ones|of\s+them))?|every\s+calc(?:ulation)?)(?=\s|$|[.!?,])(.*)$/is.exec(
      text,
    );
  if (!m) return null;
  const tail = m[2]!.replace(/[.!?]+\s*$/, '');
  const readyOnly = /\b(?:ready|convertible|can\s+be\s+converted)\b/i.test(`${m[1]} ${tail}`);
  // What else the tail says must be only which ones and where: "that's ready", "on delta", "in the rollout plan".
  const scenario = findScenarioMention(tail);
  const rest = withoutScenario(tail, scenario)
    .replace(
      /\b(?:that|which)(?:'s|\s+is|\s+are|'re)?\s+(?:ready|convertible)(?:\s+to\s+(?:go|convert))?|\b(?:that|which)\s+can\s+be\s+converted|\bready\b/gi,
      ' ',
    )
    .trim();
  const where = /^(?:(?:on|for|in|of)\s+)?(?:the\s+)?([\w&.'’ -]{1,40}?)(?:\s+case)?$/i.exec(rest);
  if (rest !== '' && !(where && plausibleCase(where[1]!))) return null;
  const businessCase = rest !== '' ? clean(where![1]!) : ctx.businessCase;
  const suggest = call('suggestConversions', defined({ businessCase, scenario }));
  if (!lookUp) return suggest;
  return lookUpFirst([suggest], ([out]) => {
    const view = out as unknown as SuggestionsView;
    const ready = view.suggestions.filter((x) => x.status === 'ready');
    const waiting = view.suggestions.filter((x) => x.status === 'needs-input');
    const needs = waiting.map((x) => `${x.calculation} needs ${x.missing.join(', ') || 'input'}`);
    if (ready.length === 0)
      return reply(`Nothing is ready to convert${needs.length > 0 ? `: ${needs.join('; ')}` : ''}. Which calculation should I convert, with what?`);
    if (!readyOnly && waiting.length > 0) {
      return reply(
        `Ready to convert: ${ready.map((x) => x.calculation).join(', ')}; not yet: ${needs.join('; ')}. Convert the ready ones only? Say "convert everything that's ready".`,
      );
    }
    return call('proposeConversions', defined({ businessCase, scenario: view.scenario, conversions: ready.map((x) => ({ calculation: x.calculation })) }));
  });
}

/**
 * "turn the expected rep efficiency gain into tickets per day tracking", "run the conversion on
 * the X use case, metric = Y": other ways to say "convert X to track Y".
 */
function rephraseConversion(text: string): string {
  const turn =
    /\b(?:turn|make|change)\s+(.+?)\s+into\s+(?:a\s+)?(?:monthly\s+)?(?:tracking\s+(?:of\s+)?(.+?)|(.+?)\s+(?:tracking|metric))(?=\s*(?:[,;(]|$|\.(?:\s|$)))(.*)$/is.exec(
      text,
    );
  if (turn && !/^(?:tracked|measured|improvement)$/i.test((turn[3] ?? '').trim())) return `convert ${turn[1]} to track ${turn[2] ?? turn[3]}${turn[4]}`;
  // "convert efficiency gain: measure avg tickets/day monthly, …", "convert the X calc: track Y (…), …"
  const colon =
    /^(.*?\bconvert\s+[^:]+?)\s*:\s*(?:we'?ll\s+|we\s+will\s+)?(?:measure|track)\s+(.+?)(?:\s+(?:monthly|each\s+month|every\s+month))?(?=\s*(?:[,;(]|$))(.*)$/is.exec(
      text,
    );
  if (colon) return `${colon[1]} to track ${colon[2]}${colon[3]}`;
  // "switch rep efficiency gain over to measuring tickets per day instead of the % gain"
  const switched = /\b(?:switch|move|change)\s+(.+?)\s+(?:over\s+)?to\s+(?:measuring|tracking)\s+(.+?)(?:\s+instead\s+of\s+.+)?$/is.exec(text);
  if (switched && !/\bcalc(?:ulation)?s?\b/i.test(switched[1]!)) return `convert ${switched[1]} to track ${switched[2]}`;
  const run =
    /\b(?:run|do|apply|make)\s+(?:the|a)\s+conversion\s+(?:on|for|of|in)\s+(.+?)(?:\s*,\s*|\s+)(?:(?:with\s+)?(?:the\s+)?metric\s*(?:=|:|is|as)?\s*|(?:to\s+)?track(?:ing)?\s+(?:of\s+)?)(.+)$/is.exec(
      text,
    ) ?? /\b(?:run|do|apply|make)\s+(?:the|a)\s+conversion\s+(?:on|for|of|in)\s+()(.+)$/is.exec(text);
  if (run) return run[1] ? `convert ${run[1]} to track ${run[2]}` : `convert ${run[2]}`;
  return text;
}

/**
 * A baseline said as a value the case holds ("baseline is the 100/day we had"): used only once
 * found. The suggestions and the case are looked up first; when the suggested baseline input
 * holds that value, the conversion uses that input; when it holds another, it asks which;
 * with no baseline input suggested, the value said is the baseline.
 */
function baselineHeld(request: Extract<OfflineRequest, { kind: 'tools' }>, baseline: number, said: string): OfflineRequest {
  const input = request.calls[0]!.input as ToolInput<'proposeConversions'>;
  const [conversion, ...others] = input.conversions;
  if (!conversion || others.length > 0 || conversion.baseline !== undefined || conversion.baselineInput !== undefined) {
    return reply(`Which calculation is the baseline of ${said} for? Convert one calculation at a time, with "baseline ${said}" or "baseline from <input>".`);
  }
  const where = defined({ businessCase: input.businessCase, scenario: input.scenario });
  return lookUpFirst([call('suggestConversions', where), call('showBusinessCase', defined({ businessCase: input.businessCase }))], ([out, caseOut]) => {
    const suggestions = out as unknown as SuggestionsView;
    const view = caseOut as unknown as CaseView;
    // The calculation by its name, or by its use case's when that has one ("the error reduction calc").
    const found = matchName(suggestions.suggestions, conversion.calculation, (x) => [x.calculation, x.useCase]);
    if (found.kind !== 'match') {
      const names = (found.kind === 'ambiguous' ? found.candidates : suggestions.suggestions).map((x) => x.calculation);
      return reply(`Which calculation should track it with the baseline ${said}? ${names.join(', ')}?`);
    }
    const label = found.item.baselineInput;
    const scenarioView = view.scenarios.find((x) => x.id === suggestions.scenario);
    if (label === null) {
      // No baseline input suggested: the value said is the baseline. (An input that happens to hold the same
      // number is no baseline of the metric: "the 12 we had" is not Cost per Ticket's 12 USD.)
      return call('proposeConversions', { ...input, scenario: suggestions.scenario, conversions: [{ ...conversion, baseline }] });
    }
    const held = scenarioView?.useCases.find((u) => u.id === found.item.useCase)?.inputs.find((i) => i.label === label);
    if (held?.value !== baseline) {
      return reply(
        `The baseline the case holds for ${found.item.calculation}, ${label}, is ${held?.value ?? 'unknown'}, not ${said}. Which should the conversion use: "baseline ${said}" (a new value) or "baseline from ${label}"?`,
      );
    }
    return call('proposeConversions', { ...input, scenario: suggestions.scenario, conversions: [{ ...conversion, baselineInput: label }] });
  });
}

function readConversion(parts: string[]): ToolInput<'proposeConversions'>['conversions'][number] | null {
  let text = parts.join(', ');
  let baseline: number | undefined;
  let baselineInput: string | undefined;
  let direction: 'increase' | 'decrease' | undefined;
  text = text.replace(new RegExp(String.raw`,?\s*(?:with\s+)?(?:a\s+)?baseline\s+(?:of\s+|is\s+|=\s*|at\s+|value\s+)?(${NUMBER})`, 'i'), (_, n: string) => {
    baseline = readNumber(n);
    return ' ';
  });
  text = text.replace(/,?\s*(?:with\s+)?(?:the\s+)?baseline\s+(?:from|input|in|is)\s+(?:the\s+)?([^,;]+)/i, (_, n: string) => {
    baselineInput = clean(n);
    return ' ';
  });
  text = text.replace(/,?\s*(?:direction\s+)?(?:decreas(?:e|ing)|(?:lower|fewer|less) is better|down is (?:good|better))\b/i, () => {
    direction = 'decrease';
    return ' ';
  });
  text = text.replace(/,?\s*(?:direction\s+)?(?:increas(?:e|ing)|higher is better|up is (?:good|better))\b/i, () => {
    direction = 'increase';
    return ' ';
  });
  const split =
    /\s+(?:to\s+(?:be\s+)?track(?:ed|ing)?(?:\s+(?:monthly\s+)?(?:with|using|by|via|as|of))?|to\s+monthly\s+tracking(?:\s+(?:of|with))?|into\s+(?:monthly\s+)?tracking(?:\s+of)?|by\s+tracking|tracking(?:\s+of)?|with|using|via|to)\s+/i.exec(
      ` ${text} `,
    );
  let calcText = text;
  let metric: string | undefined;
  if (split) {
    const at = split.index - 1;
    calcText = text.slice(0, Math.max(0, at));
    metric = clean(text.slice(at + split[0].length));
  }
  const calculation = clean(
    withoutArticle(clean(calcText))
      .replace(/\s+calc(?:ulation)?s?$/i, '')
      .replace(/\s+monthly$/i, ''),
  );
  if (metric !== undefined) {
    metric = clean(withoutArticle(metric).replace(/\s+(?:monthly|each month|every month|instead|as (?:the )?metric)$/i, ''));
    if (!metric || /^(?:monthly|monthly tracking|tracking|a metric|the metric)$/i.test(metric)) metric = undefined;
  }
  if (!calculation || /^(?:it|that|this|them|those)$/i.test(calculation)) return null;
  return defined({ calculation, metric, baseline, baselineInput, direction });
}

/**
 * "Split that calculation into one for handle time and one for tickets per day; keep the
 * total benefit." "That calculation" (or "it", "this one") is the calculation the
 * conversation named last.
 */
export function parseSplit(text: string, ctx: ConversationContext): OfflineRequest | null {
  const m =
    /\bsplit(?:\s+up)?\s+(.*?)\s+(?:(?:up|apart)\s+)?(?:in(?:to)?|by|between|across|along)\s+(.+)$/is.exec(text) ??
    // "split the handle-time calculation: one part for …, one for …"
    /\bsplit(?:\s+up)?\s+([^:]*?\bcalc(?:ulation)?)\s*[:—–]\s*(.+)$/is.exec(text) ??
    breakDown(text, ctx);
  if (!m) {
    if (/^\s*(?:please\s+)?split\b/i.test(text)) {
      return reply('How should I split it? For example: "Split the handle time calculation into one for handle time and one for tickets per day".', 'parts');
    }
    return null;
  }
  let calcText = clean(m[1]!);
  const scenario = findScenarioMention(text);
  if (scenario) calcText = clean(withoutScenario(calcText, scenario));
  let businessCase = caseFor(calcText, ctx);
  // "the handle time calc for delta": what follows the calculation is the case.
  const forCase = /^(.*?\bcalc(?:ulation)?)\s+(?:for|of|in)\s+(?:the\s+)?([\w&.'’ -]+)$/i.exec(calcText);
  if (forCase && plausibleCase(forCase[2]!)) {
    calcText = forCase[1]!;
    businessCase = findCaseMention(forCase[2]!) ?? clean(forCase[2]!);
  }
  let calculation: string | undefined;
  if (/^(?:that|this|it|the same|that one|this one)(?:\s+(?:one|calc(?:ulation)?))?$/i.test(calcText) || calcText === '') {
    calculation = ctx.calculation;
  } else {
    calculation = clean(withoutArticle(calcText).replace(/\s+calc(?:ulation)?$/i, ''));
  }
  if (!calculation) {
    return reply('Which calculation should I split? For example: "Split the handle time calculation into one for handle time and one for tickets per day".');
  }
  const partsText = m[2]!
    .replace(/^\s*(?:two|2|three|3|four|4)(?:\s+(?:parts|pieces|calc(?:ulation)?s))?\s*[:—–-]?\s*/i, '')
    .replace(/[,\s]*(?:using|with|by)?\s*(?:the\s+)?shapley(?:\s+(?:strategy|method|values?))?/i, ' ')
    .split(
      /\s*(?:;|(?<!\b(?:avg|no|vs|approx|est))\.(?:\s|$)|,\s*(?:keep|keeping|so that|while|preserving|and keep)\b|\s+(?:keeping|so that|while|preserving)\b|\s+and\s+keep\b)/i,
    )[0]!;
  const parts = partsText
    .split(/\s*,\s*(?:and\s+)?|\s+and\s+|\s*[+&]\s*/i)
    .map((p) => readPart(p))
    .filter((p): p is { metric: string; name?: string } => p !== null);
  if (parts.length < 2) {
    return reply(
      'A split needs at least two parts, one per metric. For example: "Split that calculation into one for handle time and one for tickets per day".',
    );
  }
  const strategy = /\bshapley\b/i.test(text) ? ('shapley' as const) : undefined;
  return call('proposeSplit', defined({ businessCase, scenario, calculation, parts, strategy }));
}

/**
 * "break the handle time calculation down into …", "break down that calculation into …",
 * "break it up into …": a split, but only of a calculation. One named as such ("the handle
 * time calculation", split into, by, between or across parts), or "it" / "that calculation"
 * when the conversation named one, and then only "into" parts: "break it down by month" and
 * "break down the value by use case" ask for figures. Returns what a split's pattern would:
 * [, calculation, parts].
 */
function breakDown(text: string, ctx: ConversationContext): [string, string, string] | null {
  const m =
    /\b(?:break|broken)\s+(?:(?:down|up|apart|out)\s+(.*?)|(.*?)\s+(?:down|up|apart|out))\s+(in(?:to)?|by|between|across)\s+(.+)$/is.exec(text) ??
    // "break the handle time calc into two: …"
    /\b(?:break|broken)\s+()(.*?\bcalc(?:ulation)?)\s+(into)\s+(.+)$/is.exec(text);
  if (!m) return null;
  const what = clean(m[1] || m[2]!);
  const pronoun = /^(?:it|that|this|the same|that one|this one|(?:that|this|the same)\s+calc(?:ulation)?)$/i.test(what);
  const splits = pronoun ? ctx.calculation !== undefined && /^in/i.test(m[3]!) : /\bcalc(?:ulation)?\b/i.test(what);
  return splits ? [m[0], what, m[4]!] : null;
}

function readPart(text: string): { metric: string; name?: string } | null {
  let t = clean(text);
  let name: string | undefined;
  t = t.replace(/\s+(?:called|named)\s+["“]?([^"”]+)["”]?$/i, (_, n: string) => {
    name = clean(n);
    return '';
  });
  t = clean(
    t
      .replace(
        /^(?:one(?:\s+(?:part|calc(?:ulation)?))?|a\s+part|a\s+calc(?:ulation)?|a\s+new\s+one|another(?:\s+one)?|part|the\s+other(?:\s+one)?)\s+(?:for|per|on|driven by|by|that\s+isolates)\s+/i,
        '',
      )
      .replace(/^(?:for|per|by)\s+/i, ''),
  );
  t = clean(withoutArticle(t).replace(/\s+(?:part|calc(?:ulation)?|one)$/i, ''));
  if (!t) return null;
  return name ? { metric: t, name } : { metric: t };
}

/** "track deflection rate monthly", "enable monthly values for deflection rate". */
export function parseMonthlyValues(text: string, ctx: ConversationContext): OfflineRequest | null {
  const patterns = [
    /\benable\s+monthly\s+(?:values|tracking|measurements?)\s+(?:for|on|of)\s+(.+)$/i,
    /\b(?:track|measure|record)\s+(.+?)\s+(?:monthly|every month|each month|month by month)\s*[.!]?$/i,
    /\bmake\s+(.+?)\s+(?:monthly|a time[- ]series|time[- ]series)\b/i,
    /\bstart\s+tracking\s+(.+?)(?:\s+monthly)?\s*[.!]?$/i,
  ];
  for (const [i, re] of patterns.entries()) {
    // Only "enable monthly values for X" may hold a number (an input named with one); a
    // number elsewhere means a measurement ("record tickets per month 1200 for October").
    if (i > 0 && /\d/.test(text)) break;
    const m = re.exec(text);
    if (!m) continue;
    let input = m[1]!;
    const scenario = findScenarioMention(input);
    if (scenario) input = withoutScenario(input, scenario);
    const mention = findCaseMention(input);
    if (mention) input = input.replace(new RegExp(String.raw`\bfor\s+(?:the\s+)?${escapeRegExp(mention)}\b`), ' ');
    input = clean(withoutArticle(clean(input.replace(/^(?:values?\s+(?:of|for)\s+)/i, ''))).replace(/\s+input$/i, ''));
    input = clean(input.replace(/^(?:please|let'?s|we should|can you)\s+/i, ''));
    if (!input) continue;
    return call('proposeMonthlyValues', defined({ businessCase: mention ?? ctx.businessCase, scenario, input }));
  }
  return null;
}

/** "set # of reps to 15", "change the cost per ticket to $14", "# of reps is now 15". No month: with a month it is a measurement. */
export function parseSetInput(text: string, ctx: ConversationContext): OfflineRequest | null {
  const scenario = findScenarioMention(text);
  const t = withoutScenario(text, scenario)
    .replace(/[.!]+\s*$/, '')
    .replace(/^[\s,;:]+/, '')
    .trim();
  const re = [
    new RegExp(
      String.raw`^\s*(?:please\s+|can you\s+|could you\s+)?(?:set|change|update|make|put|bump|raise|increase|lower|reduce)\s+(.+?)\s+(?:up\s+|down\s+)?(?:to|=|at)\s+(${NUMBER})(?:\s+[a-z/ ]{1,20})?\s*\??$`,
      'i',
    ),
    new RegExp(String.raw`^\s*(?:the\s+)?(.+?)\s+(?:is|are)\s+now\s+(${NUMBER})(?:\s+[a-z/ ]{1,20})?\s*$`, 'i'),
  ];
  // "discount-eligible spend is 550k a month now": from this month on (earlier months keep theirs).
  const now = new RegExp(String.raw`^\s*(?:the\s+)?(.+?)\s+(?:is|are)\s+(${NUMBER})(?:\s*\/\s*[a-z]+|\s+(?:a|per|an)\s+[a-z]+)?\s+now$`, 'i').exec(t);
  if (now) {
    const value = readNumber(now[2]!);
    const input = clean(withoutArticle(clean(now[1]!)));
    if (value !== undefined && input) return call('proposeInputValue', defined({ businessCase: ctx.businessCase, scenario, input, value, from: 'this month' }));
  }
  for (const [i, r] of re.entries()) {
    const m = r.exec(t);
    if (!m) continue;
    // "# of reps is now 15": from this month on, as "… is 550k a month now" (earlier months keep theirs).
    const from = i === 1 ? 'this month' : undefined;
    const value = readNumber(m[2]!);
    if (value === undefined) continue;
    let input = m[1]!;
    const mention = findCaseMention(input);
    if (mention) input = input.replace(new RegExp(String.raw`\bfor\s+(?:the\s+)?${escapeRegExp(mention)}(?:[’']s)?\b|\b${escapeRegExp(mention)}[’']s\b`), ' ');
    input = clean(withoutArticle(clean(input)));
    if (!input) continue;
    return call('proposeInputValue', defined({ businessCase: mention ?? ctx.businessCase, scenario, input, value, from }));
  }
  return null;
}

const ACHIEVED = String.raw`achieved|reached|hit|completed|done|met|finished|happened|accomplished|delivered`;
const TARGETED = String.raw`target(?:ed)?|planned|due|expected|scheduled|aimed|targeting`;

/**
 * Whether a milestone message says it was achieved: an achieved verb ("we reached", "was
 * completed") that is not about the future ("will reach", "should be completed", "plan to
 * hit") and no target word.
 */
function saysAchieved(text: string): boolean {
  return !new RegExp(String.raw`\b(?:${TARGETED})\b`, 'i').test(text) && achievedInPast(text);
}

/** Whether the text has an achieved verb that is not about the future ("will reach", "to be done"). */
function achievedInPast(text: string): boolean {
  for (const m of text.matchAll(new RegExp(String.raw`\b(?:${ACHIEVED})\b`, 'gi'))) {
    const before = text.slice(0, m.index);
    if (!/(?:\b(?:will|shall|should|must|would|could|might|can|to|gonna)|'ll)\s+(?:(?:not|never|be|have|been|get|finally|soon)\s+)*$/i.test(before))
      return true;
  }
  return false;
}

/** Where one milestone of a list ends: `+`, `;`, a new line (strong), or `and` (only between two dated milestones). */
const MILESTONE_LIST_STRONG = /\s+\+\s+|\s*;\s*|\s*\n+\s*/;
const MILESTONE_LIST_AND = /,?\s+and\s+(?:also\s+)?/i;
/** What starts a clause that is no milestone's name: a pronoun or a verb ("and note it in the QBR …", "and we hit …"). */
const NOT_A_MILESTONE_START =
  /^\s*(?:it|its|it's|we|we're|they|i|you|he|she|this|that|there|note|mark|log|add|set|move|put|include|record|then|please|pls|so|but|also|too|is|was|will|should)\b/i;

/**
 * Several milestones in one message: "log milestone sso rollout done aug 2025 + training
 * complete sep 2025" (also `;`, a new line, or `and` between two dated milestones). A list
 * only when its first milestone has its month ("SSO + MFA rollout done aug 2025" is one
 * name). Every milestone needs its own name and month, or nothing is proposed and it asks
 * (a month without a name is never a milestone of its own, a name without a month never
 * takes the other's). One `proposeMilestone` call per milestone. Null: not a list.
 */
function parseMilestoneList(text: string, ctx: ConversationContext): OfflineRequest | null {
  const { rest, note } = extractNote(text);
  const head = /^(.*?\bmilestones?\b\s*(?:[:—–-]\s*)?)([\s\S]+)$/i.exec(rest);
  if (!head || quoted(rest)) return null;
  const dated = (part: string): boolean => firstMonth(part) !== undefined;
  const parts = head[2]!
    .split(MILESTONE_LIST_STRONG)
    .flatMap((strong) => {
      // "X done aug 2025 and Y complete sep 2025": "and" separates only two dated milestones ("Billing and Payments live in March" is one).
      const pieces = strong.split(MILESTONE_LIST_AND);
      // "… achieved March and note it in the QBR for April": a clause of its own (a pronoun, a verb) is no milestone.
      const named = pieces.slice(1).every((p) => !NOT_A_MILESTONE_START.test(p));
      return pieces.length > 1 && pieces.every(dated) && named ? pieces : [strong];
    })
    .map((p) => p.trim().replace(/[.!]+$/, ''))
    .filter((p) => p !== '');
  if (parts.length < 2 || !dated(parts[0]!)) return null;
  if (note)
    return reply('Which of these milestones is the note for? Say each milestone with its own note, e.g. "add milestone Go-Live achieved March, note: …".');
  const calls: OfflineRequest[] = [];
  for (const [i, part] of parts.entries()) {
    const one = parseOneMilestone(`milestone ${part}`, ctx);
    const nth = ['first', 'second', 'third', 'fourth', 'fifth'][i] ?? `${i + 1}th`;
    if (one?.kind !== 'tools') {
      return reply(
        `What is the ${nth} milestone called? I read "${part}" without a name. Say each milestone with its name and month, e.g. "log milestone SSO Rollout done aug 2025 + Training Complete sep 2025".`,
      );
    }
    if (!dated(part)) {
      return reply(
        `In which month was or is "${part}"? Each milestone of a list needs its own month, e.g. "log milestone SSO Rollout done aug 2025 + Training Complete sep 2025".`,
      );
    }
    calls.push(one);
  }
  return { kind: 'tools', calls: calls.flatMap((c) => (c.kind === 'tools' ? c.calls : [])) };
}

/** "add milestone All Teams Onboarded achieved October", "add a milestone "Portal Relaunch" target December"; several, see `parseMilestoneList`. */
export function parseMilestone(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (!/\bmilestones?\b/i.test(text)) return null;
  return parseMilestoneList(text, ctx) ?? parseOneMilestone(text, ctx);
}

/** One milestone added (or an existing one named again: the tool changes it). */
function parseOneMilestone(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (!/\bmilestones?\b/i.test(text)) return null;
  const { rest, note } = extractNote(text);
  let achievedMonth = monthAfter(rest, ACHIEVED);
  let targetMonth = monthAfter(rest, TARGETED);
  // "should be completed in March", "expected to be done in June": a plan, not an achievement.
  if (achievedMonth && !achievedInPast(rest)) {
    targetMonth ??= achievedMonth;
    achievedMonth = undefined;
  }
  let name = quoted(rest);
  if (!name) {
    const m = /\bmilestones?\s*(?:called|named|:)?\s*(.+)$/i.exec(rest);
    if (m) {
      const cut = m[1]!.split(
        /\s*(?:,|;|\.(?:\s|$)|\s(?:was|is|has been|got|were|will|shall|should|must|would|could|might)\s|\s(?:achieved|reached|hit|completed|done|met|finished|happened|accomplished|delivered|target(?:ed)?|planned|due|expected|scheduled|aimed|targeting)\b|\s(?:in|on|by|for)\s+(?=\S*\d|\S+\s*$))/i,
      )[0]!;
      name = clean(withoutArticle(clean(cut.replace(/^(?:for|called|named)\s+/i, ''))));
      // "a milestone for delta": one unquoted word after "for" may be the business case.
      if (/^for\s+\S+\s*$/i.test(cut.trim())) name = undefined;
    }
  }
  // A month is never part of a milestone's name ("billing articles launch (jan 2026)",
  // "All Teams Onboarded oct 2025"): it is the milestone's month.
  if (name) {
    const dated = new RegExp(String.raw`\s*\(?\s*(?:in\s+|on\s+|by\s+)?(${MONTH_PHRASE})\s*\)?\s*`, 'i').exec(name);
    const undated = dated ? clean(`${name.slice(0, dated.index)} ${name.slice(dated.index + dated[0].length)}`) : name;
    if (dated && undated) name = undated;
  }
  const scenario = findScenarioMention(rest);
  if (!achievedMonth && !targetMonth) {
    // A bare month ("add milestone Go-Live in March") is the month it is planned for, unless
    // the message says the milestone was achieved ("we reached the milestone X in February")
    // or dates it with its year before the current month ("launch (jan 2026)" in December 2026).
    const unnamed = rest.replace(name ?? '\u0000', ' ');
    const bare = firstMonth(unnamed);
    const dated = bare !== undefined && /\b(?:19|20)\d{2}\b/.test(bare) && ctx.currentMonth !== undefined ? resolveMonth(bare, ctx.currentMonth) : null;
    const past = dated?.ok === true && dated.value < ctx.currentMonth!;
    if (bare && (saysAchieved(unnamed) || past)) achievedMonth = bare;
    else if (bare) targetMonth = bare;
  }
  // Never a milestone named after a stray word ("pls", "is") or the business case ("delta").
  if (!plausibleMilestoneName(name, [ctx.businessCase, findCaseMention(text)])) {
    return reply('What is the milestone called? For example: "add milestone All Teams Onboarded achieved October".', 'name');
  }
  return call('proposeMilestone', defined({ businessCase: ctx.businessCase, scenario, name, targetMonth, achievedMonth, note }));
}

/** "lock months through December", "lock through 2025-12", "close the books through March". */
export function parseLock(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (
    !/\block(?:ing)?\b/i.test(text) &&
    !/\bclose\s+(?:out\s+)?(?:the\s+)?(?:books|months)\b/i.test(text) &&
    !/\bfreeze\s+(?:them|it|those|these|the\s+(?:numbers|months|figures|books|values)|(?:[\w'’-]+\s+){0,2}(?:through|thru|until|up\s+to)\b)/i.test(text)
  )
    return null;
  // A month said; else a quarter or half-year ("lock H1 2026", "the q2 numbers ... freeze them"): through its end.
  const through =
    monthAfter(text, String.raw`through|thru|until|till|up\s+to(?:\s+and\s+including)?|to|including|lock(?:ing)?|close`) ??
    firstMonth(text) ??
    periodEndIn(text, null)?.phrase;
  if (!through) return reply('Up to which month should I lock? For example: "lock months through December".', 'month');
  const businessCase = findCaseMention(text) ?? ctx.businessCase;
  return call('proposeLockMonths', defined({ businessCase, scenario: findScenarioMention(text), through }));
}

function extractNote(text: string): { rest: string; note?: string } {
  const p = extractProvenance(text);
  // A milestone keeps only a note; "from ..." in a milestone is part of its wording.
  const noted = /\b(?:notes?|comments?)\s*[:=\-–]|\bbecause\b/i.exec(text);
  if (!noted || !p.note) return { rest: text };
  return { rest: text.slice(0, noted.index), note: p.note };
}

/** A calculation named after an input ("… for the deflection calculation"): the text before it and the name. */
function splitCalculation(text: string): { rest: string; calculation?: string } {
  const m = /\s+(?:of|for|in|on)\s+(?:the\s+)?(.+?)\s+calc(?:ulation)?\s*$/i.exec(text);
  return m ? { rest: text.slice(0, m.index), calculation: clean(m[1]!) } : { rest: text };
}

/**
 * "track the deflection rate directly", "start measuring deflection rate monthly", "make
 * deflection rate the metric of the deflection calculation", "use deflection rate as its
 * metric": an input measured directly as its calculation's metric (no conversion).
 */
export function parseTrackMetric(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (/\bconvert\b/i.test(text) || /\d/.test(text)) return null;
  // "deflection %: we'll measure it monthly as-is": the input is named before the colon.
  const lead = /^\s*([^:]{1,60}?)\s*:\s*(.*\b(?:it|that|this)\b.*)$/i.exec(text);
  const said = lead ? lead[2]!.replace(/\b(?:it|that|this)\b/i, lead[1]!.replace(/\s*%\s*$/, ' rate')) : text;
  const t = said
    .replace(/[.!]+\s*$/, '')
    .replace(/,?\s*no\s+conversion(?:\s+needed)?\b/i, '')
    .trim();
  // `after`: what follows the input, holding a calculation only when it says "calculation".
  const patterns: Array<{ re: RegExp; after?: true; metricOf?: true }> = [
    { re: /\b(?:track(?:ing)?|measur(?:e|ing)|record(?:ing)?)\s+(.+?)\s+directly\b(.*)$/i, after: true },
    // "we want to measure the legacy help desk licence cost monthly": measuring is a metric, not a changing assumption.
    { re: /\b(?:measure|measuring)\s+(.+?)((?:\s+(?:monthly|every\s+month|each\s+month|month\s+by\s+month|as[- ]is|from\s+now\s+on))+)$/i, after: true },
    { re: /\b(?:make|turn)\s+(.+?)\s+(?:into\s+)?an?\s+(?:tracked|measured|improvement)\s+metric\b(.*)$/i, after: true },
    // "track deflection rate monthly for delta", "start tracking deflection for the self-service use case": tracking a
    // calculation's input is measuring it (a metric); monthly values are "enable monthly values" / "make X monthly".
    { re: /\btrack\s+(.+?)((?:\s+(?:monthly|every\s+month|each\s+month|month\s+by\s+month))+)(?:\s+(for\s+.+))?$/i, after: true },
    // "track tickets per month for the self service calc", "start tracking deflection for the self-service use case"
    { re: /\b(?:track|start(?:s|ing)?\s+tracking)\s+(.+?)\s+(?:for|in|on)\s+(?:the\s+)?(.+?)\s+(?:calc(?:ulation)?|use\s+case)\s*$/i, metricOf: true },
    { re: /\bstart(?:s|ing)?\s+tracking\s+(.+?)((?:\s+(?:monthly|every\s+month|each\s+month|directly))*)$/i, after: true },
    { re: /\bset\s+up\s+(.+?)\s+as\s+(?:an?|the|its)\s+(?:tracked\s+|improvement\s+)?metric\b(.*)$/i, after: true },
    {
      re: /\b(?:start(?:s|ing)?|begin(?:s|ning)?)\s+(?:to\s+measure|measuring)\s+(.+?)((?:\s+(?:monthly|every\s+month|each\s+month|directly|from\s+now\s+on))*)$/i,
      after: true,
    },
    { re: /\b(?:make|use|set)\s+(.+?)\s+(?:as\s+)?(?:the|its)\s+(?:improvement\s+)?metric(?:\s+(?:of|for)\s+(.+))?$/i, metricOf: true },
    { re: /\b(?:track|measure)\s+(.+?)\s+as\s+(?:the|its)\s+(?:improvement\s+)?metric(?:\s+(?:of|for)\s+(.+))?$/i, metricOf: true },
    { re: /^(?:the\s+)?(.+?)\s+should\s+be\s+measured\s+directly\b(.*)$/i, after: true },
    // "deflection rate should be tracked (measured, recorded) monthly": said of the input, as "track deflection rate monthly" is.
    { re: /^(?:the\s+)?(.+?)\s+should\s+be\s+(?:tracked|measured|recorded)((?:\s+(?:monthly|every\s+month|each\s+month|month\s+by\s+month))+)$/i, after: true },
  ];
  for (const { re, after, metricOf } of patterns) {
    const m = re.exec(t);
    if (!m) continue;
    const tail = m[2] ?? '';
    let input = `${m[1]!}${after ? ` ${tail}` : ''}${m[3] ? ` ${m[3]}` : ''}`;
    let calculation: string | undefined;
    if (metricOf && tail.trim()) calculation = clean(withoutArticle(clean(tail)).replace(/\s+calc(?:ulation)?$/i, ''));
    // What follows the input that is no calculation: "with monthly values", ", we'll report the % each month".
    input = input.replace(/\s*(?:,|;|\bwith\s+monthly\s+values\b|\bwe'?ll\b|\bwe\s+will\b).*$/i, '');
    input = input.replace(/\s+(?:monthly|every\s+month|each\s+month|month\s+by\s+month|as[- ]is|directly|from\s+now\s+on)(?=\s|$)/gi, ' ');
    const named = splitCalculation(clean(input));
    input = named.rest;
    calculation ??= named.calculation;
    const scenario = findScenarioMention(input);
    if (scenario) input = withoutScenario(input, scenario);
    const mention = findCaseMention(input);
    if (mention) input = input.replace(new RegExp(String.raw`\bfor\s+(?:the\s+)?${escapeRegExp(mention)}\b`), ' ');
    input = clean(
      withoutArticle(clean(input.replace(/^(?:please|let'?s|we\s+(?:should|want\s+to|will)|can\s+you|i\s+want\s+to)\s+/i, ''))).replace(/\s+input$/i, ''),
    );
    if (!input) continue;
    return call('proposeTrackMetric', defined({ businessCase: mention ?? ctx.businessCase, scenario, input, calculation: calculation || undefined }));
  }
  return null;
}

/** "from June on", "starting July", "as of June 2026", "beginning in March, onwards". */
const FROM_MONTH = new RegExp(
  String.raw`[,;]?\s*\b(?:from|since|starting(?:\s+(?:in|from|with))?|beginning(?:\s+(?:in|from|with))?|effective(?:\s+from)?|as\s+of)\s+(${MONTH_PHRASE})(?:\s+(?:on(?:wards?)?|onwards?|forward|going\s+forward|and\s+after|and\s+later))?[,;]?`,
  'i',
);

/** A verb that says a value changed ("grew to", "dropped to"). */
const CHANGED = /\b(?:grew|grown|dropped|rose|risen|fell|fallen|increased|decreased|shrank|shrunk|climbed|went\s+(?:up|down))\s+to\b/i;
/** Who or what a change is said of when it is not the input: the team, the headcount, we. */
const GENERIC_SUBJECT = /^(?:the\s+|our\s+)?(?:team(?:\s+size)?|headcount|head\s+count|staff(?:ing)?|we|we'?re|we\s+are|they|they'?re|it|it'?s)$/i;

/**
 * "15 reps from June 2026", "we have 15 reps from June on", "set # of reps to 15 from June",
 * "# of reps is 15 starting July", "from June on we have 15 reps": an assumption changes
 * from a month on (`proposeInputValue` with `from`). One number besides the month, and no
 * milestone.
 */
export function parseSetInputFrom(said: string, ctx: ConversationContext): OfflineRequest | null {
  // Several values, each from its month ("reps: 10 until may, 15 from june 2026, 17 from oct 2026").
  const stepped = parseSteppedValues(said, ctx);
  if (stepped) return stepped;
  // "headcount dropped to 12 reps in nov 2026": a change said with its month holds from that month.
  const text = !FROM_MONTH.test(said) && CHANGED.test(said) ? said.replace(new RegExp(String.raw`\bin\s+(${MONTH_PHRASE})`, 'i'), 'from $1') : said;
  const fromMatch = FROM_MONTH.exec(text);
  // A dictation ("record deflection rate 22% from September") is a measurement, not this.
  if (!fromMatch || /\bmilestones?\b/i.test(text) || /^\s*(?:please\s+)?(?:record|log|enter|measured?)\b/i.test(text)) return null;
  const from = tidyMonth(fromMatch[1]!);
  const scenario = findScenarioMention(text);
  // The clause the month is said in ("delta hired 3 more reps, 18 reps from september": "18
  // reps"); what follows a comma ("…, per the HR plan") is not the input's name.
  const CLAUSE_END = /\s*;\s*|\s*(?:(?<!\d),|,(?!\d))\s*|\s+(?:per\s+the|according\s+to|as\s+per|because|since)\s+/i;
  const before = text.slice(0, fromMatch.index).split(CLAUSE_END);
  const after = text.slice(fromMatch.index + fromMatch[0].length).split(CLAUSE_END);
  const leading = /^\s*([A-Za-z#][\w#&.'’ -]{0,40}?)\s*:/.exec(before.length > 1 ? before[0]! : '');
  let rest = withoutScenario(`${before[before.length - 1]!} ${after[0]!}`, scenario);
  rest = clean(rest.replace(/[.!?]+\s*$/, '').replace(/\s+/g, ' '));
  // "reps: 10 until may 2026, 15 from june 2026": the clause is only the number; the input is the lead.
  if (leading && new RegExp(`^${NUMBER}$`, 'i').test(rest)) rest = `${leading[1]!} ${rest}`;
  // "Delta: we have 15 reps from June on": a leading name and a colon is the case.
  let named: string | undefined;
  const prefix = /^([A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s*:\s*(.+)$/.exec(rest);
  if (prefix && plausibleCase(prefix[1]!)) {
    named = clean(prefix[1]!);
    rest = prefix[2]!;
  }
  rest = clean(rest);
  if ((rest.match(new RegExp(NUMBER, 'g')) ?? []).length !== 1) return null;
  const unit = String.raw`(?:\s*\/\s*[a-z]{1,10}|\s+[a-z/ ]{1,20})?`;
  const patterns: Array<{ re: RegExp; input: number; value: number }> = [
    {
      re: new RegExp(
        String.raw`^(?:please\s+|can you\s+|could you\s+)?(?:set|change|update|make|put|raise|increase|lower|reduce|bump)\s+(.+?)\s+(?:to|=|at)\s+(${NUMBER})${unit}$`,
        'i',
      ),
      input: 1,
      value: 2,
    },
    {
      re: new RegExp(
        String.raw`^(?:the\s+)?(.+?)\s+(?:is|are|was|were|becomes?|become|(?:goes|go|went|has\s+gone|rose|rises|fell|falls|dropped|drops|increased|decreased|grew|grown|shrank|climbed)\s+(?:up\s+|down\s+)?to|will\s+be|(?:is|are|'re|'s)\s+(?:now\s+)?at|=)\s+(${NUMBER})${unit}$`,
        'i',
      ),
      input: 1,
      value: 2,
    },
    // "we're at 20 reps", "the team is now at 18 reps"
    {
      re: new RegExp(String.raw`^(?:we'?re|we\s+are|they'?re|they\s+are|(?:the\s+)?team(?:'s|\s+is))\s+(?:now\s+)?at\s+(${NUMBER})\s+(.+)$`, 'i'),
      input: 2,
      value: 1,
    },
    {
      re: new RegExp(
        String.raw`^(?:(?:we|they)\s+(?:have|had|will\s+have|'ll\s+have|got|get)\s+|there\s+(?:are|is|will\s+be)\s+|it'?s\s+)?(${NUMBER})\s+(.+)$`,
        'i',
      ),
      input: 2,
      value: 1,
    },
    { re: new RegExp(String.raw`^(.+?)\s+(${NUMBER})$`, 'i'), input: 1, value: 2 },
  ];
  for (const { re, input: i, value: v } of patterns) {
    const m = re.exec(rest);
    if (!m) continue;
    const value = readNumber(m[v]!);
    if (value === undefined) continue;
    let input = m[i]!;
    const mention = findCaseMention(input);
    if (mention) input = input.replace(new RegExp(String.raw`\bfor\s+(?:the\s+)?${escapeRegExp(mention)}(?:[’']s)?\b|\b${escapeRegExp(mention)}[’']s\b`), ' ');
    input = clean(withoutArticle(clean(input.replace(/^(?:we\s+have|there\s+are)\s+/i, ''))));
    // "team grew to 18 reps", "we're at 20 reps": the thing counted after the value is the input.
    const counted = clean(rest.slice(rest.lastIndexOf(m[v]!) + m[v]!.length).replace(/^\s*(?:\/\s*)?/, ''));
    if (GENERIC_SUBJECT.test(input) && counted && !isMonthPhrase(counted)) input = counted;
    if (!input || isMonthPhrase(input)) continue;
    // "reps -3 from november", "reps +2": a change by that much or the value itself? Ask.
    if (/^\s*[-+\u2212]/.test(m[v]!) && !/\b(?:to|=|is|are|was|were|be|at)\s*$/i.test(rest.slice(0, rest.lastIndexOf(m[v]!)))) {
      const n = Math.abs(value);
      return reply(
        `Do you mean ${input} = ${value} from ${from}, or ${n} ${value < 0 ? 'fewer' : 'more'} than before? Say the new value, e.g. "${input} 12 from ${from}".`,
        'input',
      );
    }
    return call('proposeInputValue', defined({ businessCase: named ?? mention ?? ctx.businessCase, scenario, input, value, from }));
  }
  return null;
}

const DONE = String.raw`achieved|reached|done|complete|completed|finished|met|hit|delivered|live`;

/**
 * "mark the go-live milestone achieved in March", "move the portal relaunch milestone to
 * January", "rename the go-live milestone to Go-Live EMEA", "mark milestone Go-Live as not
 * achieved", "add a note to the go-live milestone: delayed by IT": an existing milestone changes (`proposeMilestone` with `milestone`). Null when
 * the message does not start with such a verb.
 */
export function parseMilestoneUpdate(text: string, ctx: ConversationContext): OfflineRequest | null {
  // "add a note to the go-live milestone: delayed by IT": the note of an existing milestone.
  const noted =
    /^\s*(?:(?:please|can\s+you|could\s+you)\s+)*(?:(?:add|attach|put|leave|write|set)\s+(?:a\s+|the\s+)?)?(?:note|comment)\s+(?:to|on|for)\s+(?:the\s+)?(?:milestone\s+(.+?)|(.+?)\s+milestone)\s*(?::|\s(?:saying|that\s+says|reading)\b)\s*([\s\S]+)$/i.exec(
      text,
    );
  if (noted) {
    const milestone = quoted(noted[1] ?? noted[2]!) ?? clean(withoutArticle(clean(noted[1] ?? noted[2]!)));
    return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, note: noted[3]!.trim() }));
  }
  const { rest, note } = extractNote(text);
  const verb =
    /^\s*(?:please\s+|can\s+you\s+|could\s+you\s+|let'?s\s+)?(mark|flag|set|update|change|move|reschedule|postpone|push(?:\s+back)?|delay|bring\s+forward|rename)\s+/i.exec(
      rest,
    );
  if (!verb || !/\bmilestones?\b/i.test(rest)) return null;
  const body = rest.slice(verb[0].length).replace(/[.!]+\s*$/, '');
  const stop = String.raw`(?=\s+(?:as\s+|to\s+|not\s+|un-?achieved|(?:${DONE})\b|(?:in|on|by|for|until|till)\s+${MONTH_PHRASE})|\s*[,;:]|$)`;
  const m = new RegExp(String.raw`^(?:the\s+)?(?:milestone\s+(?:called\s+|named\s+)?(.+?)${stop}|(.+?)\s+milestone\b)`, 'i').exec(body);
  if (!m) return null;
  const milestone = quoted(m[0]) ?? clean(withoutArticle(clean(m[1] ?? m[2]!)));
  if (!milestone) return null;
  const after = body.slice(m[0].length);
  const action = verb[1]!.toLowerCase();
  const month = firstMonth(after);
  const fields: Record<string, string> = {};
  if (action === 'rename') {
    const to = /^\s*(?:to|as)\s+(.+)$/i.exec(after);
    if (!to) return reply('What should the milestone be called? For example: "rename the go-live milestone to Go-Live EMEA".');
    fields.name = quoted(to[1]!) ?? clean(to[1]!);
  } else if (/\b(?:not|un-?)\s*(?:achieved|reached|done|complete|completed|finished|met)\b/i.test(after)) {
    fields.achievedMonth = '';
  } else if (new RegExp(String.raw`\b(?:${DONE})\b`, 'i').test(after) || /^(?:mark|flag)$/.test(action)) {
    fields.achievedMonth = month ?? 'this month';
  } else if (month) {
    fields.targetMonth = month;
  }
  if (Object.keys(fields).length === 0 && !note)
    return reply(`What should change about the milestone ${milestone}? For example: "mark the ${milestone} milestone achieved in March".`);
  // "" is kept: it clears the field ("not achieved").
  return call('proposeMilestone', { ...defined({ businessCase: ctx.businessCase, scenario: findScenarioMention(after), milestone, note }), ...fields });
}

/**
 * "we reached All teams onboarded in May 2026", "All Teams Onboarded was achieved in May":
 * something was reached in a month, said without the word "milestone" and without another
 * number (a number is a measurement: "we hit 150 tickets per day in May"). The tool finds
 * the milestone by name, or asks with the candidates.
 */
export function parseMilestoneReached(text: string, ctx: ConversationContext): OfflineRequest | null {
  const month = new RegExp(MONTH_PHRASE, 'gi');
  if (/\d/.test(text.replace(month, ' '))) return null;
  const t = text.replace(/[.!]+\s*$/, '').trim();
  const patterns = [
    new RegExp(
      String.raw`^(?:(?:so|and|great|good\s+news|fyi|update)[,:!]?\s+)*(?:we|they|the\s+team|the\s+customer)\s+(?:have\s+|has\s+|just\s+|finally\s+|now\s+)*(?:reached|hit|achieved|completed|finished|delivered|met)\s+(.+?)\s+(?:in|on|by|during|as\s+of)\s+(${MONTH_PHRASE})$`,
      'i',
    ),
    new RegExp(
      String.raw`^(?:the\s+)?(.+?)\s+(?:was|were|got|has\s+been|have\s+been|is)\s+(?:finally\s+|fully\s+)?(?:reached|achieved|completed|done|finished|delivered|met|hit)\s+(?:in|on|by|during|as\s+of)\s+(${MONTH_PHRASE})$`,
      'i',
    ),
  ];
  for (const re of patterns) {
    const m = re.exec(t);
    if (!m) continue;
    const milestone = quoted(m[1]!) ?? clean(withoutArticle(clean(m[1]!)));
    if (!milestone || isMonthPhrase(milestone)) continue;
    return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, achievedMonth: tidyMonth(m[2]!) }));
  }
  // "portal relaunch went live this month!", "mark the self-service portal relaunch as achieved
  // in july": achieved (no month: this month). "all entities are onboarded as of may": what
  // happened names it. "portal relaunch slipped to feb 2027": its target.
  const live = new RegExp(
    String.raw`^(?:the\s+|our\s+)?(.+?)\s+(?:went|goes|has\s+gone|is|was)\s+(?:finally\s+)?live(?:\s+(?:in|on|by|during|as\s+of))?(?:\s+(${MONTH_PHRASE}))?$`,
    'i',
  ).exec(t);
  const marked = new RegExp(
    String.raw`^(?:(?:please|pls|can\s+you)\s+)?mark\s+(?:the\s+)?(.+?)\s+as\s+(?:achieved|done|complete|completed|reached|live|hit|met)(?:\s+(?:in|on|as\s+of|for)\s+(${MONTH_PHRASE}))?$`,
    'i',
  ).exec(t);
  const happened = new RegExp(
    String.raw`^(?:the\s+)?(.+?)\s+(?:are|is|were|was|got|have\s+been|has\s+been)\s+(?:all\s+|fully\s+|now\s+|finally\s+)*(onboarded|launched|rolled\s+out|deployed|migrated|trained|integrated)\s+(?:as\s+of|in|by|on|since|during)\s+(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const slipped = new RegExp(
    String.raw`^(?:the\s+|our\s+)?(.+?)\s+(?:has\s+|was\s+|got\s+|is\s+)?(?:slipped|moved|pushed(?:\s+(?:back|out))?|delayed|postponed|rescheduled)\s+(?:to|until|till|into)\s+(${MONTH_PHRASE})$`,
    'i',
  ).exec(t);
  const name = (raw: string): string | undefined => {
    const n = quoted(raw) ?? clean(withoutArticle(clean(raw)));
    return plausibleMilestoneName(n, [ctx.businessCase]) ? n : undefined;
  };
  if (live ?? marked) {
    const m = (live ?? marked)!;
    const milestone = name(m[1]!);
    if (milestone)
      return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, achievedMonth: m[2] ? tidyMonth(m[2]) : 'this month' }));
  }
  if (happened) {
    const milestone = name(`${happened[1]!} ${happened[2]!}`);
    if (milestone) return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, achievedMonth: tidyMonth(happened[3]!) }));
  }
  if (slipped) {
    const milestone = name(slipped[1]!);
    if (milestone) return call('proposeMilestone', defined({ businessCase: ctx.businessCase, milestone, targetMonth: tidyMonth(slipped[2]!) }));
  }
  return null;
}

/*
 * Look up first. Some messages can be proposed right only after a read-only look-up: which
 * of several values said for one input already hold, which conversions are ready, which input
 * holds the baseline a person refers to ("the 100/day we had"). Such a request is the look-up
 * call(s) with `decide` (`request.ts`), which decides from their results in the next step: the
 * calls to make, or a question.
 */

/** The look-up `calls` (read-only tools), and what to make of their results. */
export function lookUpFirst(calls: readonly OfflineRequest[], fromOutputs: (outputs: readonly Record<string, unknown>[]) => OfflineRequest): OfflineRequest {
  const made = calls.flatMap((c) => (c.kind === 'tools' ? c.calls : []));
  return {
    kind: 'tools',
    calls: made,
    decide: (results) => {
      // Only the look-up's own results, each answered: a later step (after the proposal) is answered from its results.
      if (results.length !== made.length || results.some((r, i) => r.toolName !== made[i]!.toolName || r.failed)) return null;
      const outputs = results.map((r) => r.output as Record<string, unknown> | null);
      if (outputs.some((o) => o === null || typeof o !== 'object' || 'error' in o)) return null;
      return fromOutputs(outputs as Record<string, unknown>[]);
    },
  };
}

/** What `showBusinessCase` says of a scenario, as far as these decisions read it. */
interface CaseView {
  scenarios: Array<{
    id: string;
    name: string;
    kind: 'future' | 'realization';
    useCases: Array<{
      id: string;
      name: string;
      inputs: Array<{ key: string; label: string; value: number; measured: Array<{ month: string; value: number }> }>;
    }>;
  }>;
}

/** The scenario the tools take: the one named, else the realization scenario, else the only future one. */
function scenarioOf(view: CaseView, named: string | undefined): CaseView['scenarios'][number] | undefined {
  if (named) {
    if (/^(?:the\s+)?(?:value\s+)?reali[sz]ation(?:\s+scenario)?$/i.test(named.trim())) return view.scenarios.find((s) => s.kind === 'realization');
    const m = matchName(view.scenarios, named, (s) => [s.id, s.name]);
    return m.kind === 'match' ? m.item : undefined;
  }
  return scenarioToChange(view.scenarios);
}

/** One value of several said for one input: "10 until may", "15 from june 2026". */
interface StepValue {
  value: number;
  /** The month as said. */
  month: string;
  holds: 'from' | 'until';
  /** The clause it was said in, and whether its number has a sign (a change by that much?). */
  said: string;
  signed: boolean;
}

const STEP_FROM = String.raw`from|since|starting(?:\s+(?:in|from|with))?|beginning(?:\s+(?:in|from|with))?|effective(?:\s+from)?|as\s+of`;
const STEP_UNTIL = String.raw`until|till|til|through|thru|up\s+to`;

/**
 * Several values for one input, each with the month it holds from (or until): "reps: 10 until
 * may, 15 from june 2026, 17 from oct 2026", "15 reps from june and 17 from oct". Null when the
 * message is not such a list (fewer than two values from a month: one is `parseSetInputFrom`'s).
 * A value of the list without its month, or with a sign (a change by that much?), asks.
 */
function readSteppedValues(text: string): { input: string; steps: StepValue[] } | { ask: string } | null {
  if (/\bmilestones?\b/i.test(text) || /^\s*(?:please\s+)?(?:record|log|enter|measured?)\b/i.test(text)) return null;
  const lead = /^\s*([A-Za-z#][\w#&.'’ -]{0,40}?)\s*:\s*(.+)$/s.exec(text);
  let input = lead ? clean(withoutArticle(clean(lead[1]!))) : undefined;
  const body = (lead ? lead[2]! : text).replace(/[.!]+\s*$/, '');
  const clauses = body
    .split(/\s*;\s*|\s*(?:(?<!\d),|,(?!\d))\s*(?:and\s+)?(?:then\s+)?|\s+and\s+(?:then\s+)?/i)
    .map((c) => c.trim())
    .filter((c) => c !== '');
  const step = new RegExp(
    String.raw`^(?:(.*?)\s+)?(${NUMBER})(?:\s+([a-z#/][a-z#/ ]{0,20}?))?\s+(?:(${STEP_FROM})|(${STEP_UNTIL}))\s+(${MONTH_PHRASE})(?:\s+(?:on(?:wards?)?|onwards?|forward))?$`,
    'i',
  );
  const bare = new RegExp(String.raw`^(${NUMBER})(?:\s+[a-z#/][a-z#/ ]{0,20})?$`, 'i');
  const steps: StepValue[] = [];
  const unmonthed: string[] = [];
  for (const [i, clause] of clauses.entries()) {
    const m = step.exec(clause);
    if (!m) {
      if (bare.test(clause)) {
        unmonthed.push(clause);
        continue;
      }
      return null;
    }
    const [, before, raw, unit, , until, month] = m;
    // Words before a value name the input, in the first clause only ("reps 10 until may, 15 from june").
    if (before) {
      if (i > 0 || input) return null;
      input = clean(withoutArticle(clean(before)));
    }
    if (!input && unit) input = clean(unit);
    const value = readNumber(raw!);
    if (value === undefined) return null;
    steps.push({ value, month: tidyMonth(month!), holds: until ? 'until' : 'from', said: clause, signed: /^\s*[-+\u2212]/.test(raw!) });
  }
  if (steps.filter((s) => s.holds === 'from').length + unmonthed.length < 2 || steps.length === 0 || !input) return null;
  const signed = steps.find((s) => s.signed);
  if (signed)
    return {
      ask: `Is ${signed.value} in "${signed.said}" the value itself, or a change by that much? Say the new value, e.g. "${input}: 12 from ${signed.month}".`,
    };
  if (unmonthed.length > 0) {
    return {
      ask: `From which month does ${unmonthed.map((u) => `"${u}"`).join(' and ')} hold? Each value needs its month, e.g. "${input}: 15 from june 2026, 17 from oct 2026".`,
    };
  }
  return { input, steps };
}

/** The value an input has in a month: its latest monthly value up to it, else its constant. */
function valueIn(inp: CaseView['scenarios'][number]['useCases'][number]['inputs'][number], month: string): number {
  return inp.measured.filter((e) => e.month <= month).at(-1)?.value ?? inp.value;
}

/** A month said, as the tools read it for a change from a month on: the nearer of the past and the coming one (the past on a tie). */
function nearestMonth(said: string, current: string): string | undefined {
  const past = resolveMonth(said, current);
  const later = resolveMonth(said, current, undefined, 'future');
  if (!past.ok) return undefined;
  const distance = (m: string): number => Math.abs(monthIndex(m) - monthIndex(current));
  return later.ok && distance(later.value) < distance(past.value) ? later.value : past.value;
}

/**
 * Several values for one input in one message (`readSteppedValues`). A person often says the
 * whole schedule, what already holds with what changes ("10 until may, 15 from june 2026, 17
 * from oct 2026" where 10 and 15 from June are already so): the case is looked up first
 * (`showBusinessCase`), and only a value that changes something is proposed, one
 * `proposeInputValue` with its own `from` each. It asks, proposing nothing, when a value said
 * "until" a month is not what the input has then (a change until a month has no `from`), when a
 * monthly value in between says otherwise, or when the months are not in order.
 */
function parseSteppedValues(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (ctx.currentMonth) return lookUpSteppedValues(text, ctx);
  const read = readSteppedValues(text);
  if (!read) return null;
  if ('ask' in read) return reply(read.ask);
  // Without the current month the values that already hold cannot be told: a question, never a value that may already hold proposed again.
  const last = read.steps.at(-1)!;
  return reply(
    `I read several values for ${read.input}: ${read.steps.map((s) => `${s.value} ${s.holds} ${s.month}`).join(', ')}. Which should I propose? Say each change from its month on its own, e.g. "${read.input} ${last.value} from ${last.month}".`,
  );
}

/** `parseSteppedValues` with the look-up: the case first, then only the values that change something (or a question). */
export function lookUpSteppedValues(text: string, ctx: ConversationContext): OfflineRequest | null {
  const read = readSteppedValues(text);
  if (!read || !ctx.currentMonth) return null;
  if ('ask' in read) return reply(read.ask);
  const { input, steps } = read;
  const scenario = findScenarioMention(text);
  const businessCase = findCaseMention(text) ?? ctx.businessCase;
  const list = steps.map((s) => `${s.value} ${s.holds} ${s.month}`).join(', ');
  const current = ctx.currentMonth;
  return lookUpFirst([call('showBusinessCase', defined({ businessCase }))], ([out]) => {
    const view = out as unknown as CaseView;
    const s = scenarioOf(view, scenario);
    if (!s) return reply(`Which scenario should ${input} change in? ${view.scenarios.map((x) => x.name).join(', ')}?`);
    const inputs = s.useCases.flatMap((u) => u.inputs);
    const found = matchName(inputs, input, (i) => [i.key, i.label]);
    if (found.kind !== 'match') {
      const names = (found.kind === 'ambiguous' ? found.candidates : inputs).map((i) => i.label);
      return reply(`Which input do you mean by "${input}"? ${names.join(', ')}?`);
    }
    const inp = found.item;
    // Each value's month: "until may" before "15 from june 2026" is May 2026, the month before the next value's.
    const months: Array<string | undefined> = steps.map((st) => nearestMonth(st.month, current));
    steps.forEach((st, i) => {
      const next = steps[i + 1];
      const nextMonth = next ? nearestMonth(next.month, current) : undefined;
      if (st.holds === 'until' && nextMonth && !/\d{4}/.test(st.month)) {
        const before = monthText(monthIndex(nextMonth) - 1);
        const same = resolveMonth(st.month, before);
        if (same.ok && same.value === before) months[i] = before;
      }
    });
    if (months.some((m) => m === undefined)) return reply(`Which months do you mean? I read ${list}.`);
    const at = months as string[];
    if (at.some((m, i) => i > 0 && m <= at[i - 1]!)) return reply(`The months of ${list} are not in order: which value holds from which month?`);
    const calls: OfflineRequest[] = [];
    for (const [i, st] of steps.entries()) {
      const month = at[i]!;
      if (st.holds === 'until') {
        if (valueIn(inp, month) !== st.value) {
          return reply(
            `${inp.label} is ${valueIn(inp, month)} in ${monthInWords(month)}, not ${st.value}: from which month should ${st.value} hold (e.g. "${input} ${st.value} from ${monthInWords(monthText(monthIndex(month) - 1)).toLowerCase()}")? Nothing is proposed yet.`,
          );
        }
        continue;
      }
      // A monthly value between this month and the next value's that says otherwise: ask, never leave it silently.
      const end = at[i + 1];
      const other = inp.measured.find((e) => e.month > month && (end === undefined || e.month < end) && e.value !== st.value);
      if (other) {
        return reply(
          `${inp.label} is ${other.value} from ${monthInWords(other.month)}, between ${monthInWords(month)} and ${end ? monthInWords(end) : 'the end'}: should ${st.value} hold from ${monthInWords(month)} until then? Say each change on its own. Nothing is proposed yet.`,
        );
      }
      if (valueIn(inp, month) === st.value) continue; // already so
      calls.push(call('proposeInputValue', defined({ businessCase, scenario: s.id, input: inp.key, value: st.value, from: month })));
    }
    if (calls.length === 0) return reply(`Nothing to change: ${inp.label} already is ${list}.`);
    return { kind: 'tools', calls: calls.flatMap((c) => (c.kind === 'tools' ? c.calls : [])) };
  });
}
