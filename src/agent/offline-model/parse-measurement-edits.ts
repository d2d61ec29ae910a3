import { NUMBER_TOKEN, readNumber } from '../../resolve/read-number.ts';
import { clean, escapeRegExp, findCaseMention, findScenarioMention, hasMonth, MONTH_PHRASE, tidyMonth, withoutScenario } from './phrases.ts';
import { call, defined, reply, type ConversationContext, type OfflineRequest } from './request.ts';

/** Words that say which recorded value, not which input: left out of the input's name. */
const NOT_THE_INPUT = new Set(
  (
    'the a an this that these those wrong bad incorrect duplicate duplicated mistaken erroneous old stale bogus typo ' +
    'measurement measurements value values entry entries reading readings number numbers figure figures data point points ' +
    'recorded measured logged of for in on from please our my we it its both all each and ' +
    'explain spike dip jump drop rise fall increase decrease change'
  ).split(' '),
);

/** What a phrase naming recorded values says: their months, the input (if named), the case and scenario. */
export interface MeasurementReference {
  months: string[];
  input?: string;
  businessCase?: string;
  scenario?: string;
  /** The values it names ("the 158 from march"), read exactly; a removal checks them. */
  values?: number[];
}

/**
 * Reads a phrase naming recorded values ("the October measurement of tickets per day", "the
 * wrong March value", "tickets per day for Oct and Nov 2025"): every month in it, and what
 * is left once the months and the words that only point at a value are taken out, as the
 * input's name (none: the tool finds the month's only value). No month: null.
 */
export function readMeasurementReference(phrase: string): MeasurementReference | null {
  let text = ` ${phrase} `;
  const scenario = findScenarioMention(text);
  if (scenario) text = withoutScenario(text, scenario);
  // "for January and February" names months, not a case.
  const found = findCaseMention(text);
  const mention = found && !hasMonth(found) ? found : undefined;
  const forCase = mention ? new RegExp(String.raw`\b(?:for|of)\s+(?:the\s+)?${escapeRegExp(mention)}(?:[’']s)?\b|\b${escapeRegExp(mention)}[’']s\b`) : null;
  const businessCase = forCase?.test(text) ? mention : undefined;
  if (forCase && businessCase) text = text.replace(forCase, ' ');
  // "july's deflection value": the month, not a word "s".
  text = text.replace(new RegExp(String.raw`(${MONTH_PHRASE})['’]s\b`, 'gi'), '$1');
  const months = [...text.matchAll(new RegExp(MONTH_PHRASE, 'gi'))].map((m) => tidyMonth(m[0]));
  if (months.length === 0) return null;
  text = text.replace(new RegExp(MONTH_PHRASE, 'gi'), ' ');
  const values = [...text.matchAll(new RegExp(NUMBER_TOKEN, 'gi'))].map((m) => readNumber(m[0]));
  const words = text
    .replace(/[,;:!?()"“”]+/g, ' ')
    .replace(/(?<!\w)[-+]?\d[\d,.]*%?(?!\w)/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !NOT_THE_INPUT.has(w.toLowerCase()));
  const input = clean(words.join(' ').replace(/[’']s$/, ''));
  const read = values.flatMap((v) => (v?.ok ? [v.value] : []));
  return {
    months,
    ...(input ? { input } : {}),
    ...(businessCase ? { businessCase } : {}),
    ...(scenario ? { scenario } : {}),
    ...(read.length > 0 ? { values: read } : {}),
  };
}

const LEAD = String.raw`^\s*(?:(?:please|pls|plz|can\s+you|can\s+u|could\s+you|would\s+you|let'?s|kindly|just)\s+)*`;
const FIELD = String.raw`(notes?|comments?|evidence|proof|links?|sources?)`;

/** The operation field a word names: a comment is a note, proof or a link is evidence. */
function fieldOf(word: string): 'note' | 'evidence' | 'source' {
  const w = word.toLowerCase();
  if (w.startsWith('note') || w.startsWith('comment')) return 'note';
  if (w.startsWith('source')) return 'source';
  return 'evidence';
}

/** The `proposeMeasurements` call for these values, each with `extra` (a removal or a field). */
function edit(ref: MeasurementReference, extra: Record<string, unknown>, ctx: ConversationContext): OfflineRequest {
  const measurements = ref.months.map((month) => ({ ...(ref.input ? { input: ref.input } : {}), month, ...extra }));
  return call('proposeMeasurements', defined({ businessCase: ref.businessCase ?? ctx.businessCase, scenario: ref.scenario, measurements }));
}

/**
 * Corrections to recorded values, each named by month (and input, unless the month has only
 * one value):
 * - removal: "remove the October measurement of tickets per day", "delete the wrong March
 *   value" (`remove: true`);
 * - a note, evidence or source set without restating the value: "the evidence for October is
 *   https://…", "set the source of the March tickets per day value to the ops review",
 *   "attach evidence https://… to the October measurement";
 * - one taken away: "remove the note from the March measurement" (the field as "").
 * Null when the message is none of these, or is about a milestone, a lock, a QBR, a proposal,
 * a scenario or a case (a milestone's note is not a measurement's).
 */
export function parseMeasurementEdit(text: string, ctx: ConversationContext): OfflineRequest | null {
  if (/\b(?:milestones?|lock(?:ed|s)?|qbrs?|proposals?|scenarios?|business\s+cases?)\b/i.test(text)) return null;
  const t = text.trim().replace(/[.!]+$/, '');

  const clear = new RegExp(
    String.raw`${LEAD}(?:remove|delete|drop|clear|erase|take\s+out)\s+(?:the\s+|its\s+)?${FIELD}\s+(?:from|on|of|for|in)\s+(.+)$`,
    'i',
  ).exec(t);
  if (clear) {
    const ref = readMeasurementReference(clear[2]!);
    return ref ? edit(ref, { [fieldOf(clear[1]!)]: '' }, ctx) : null;
  }

  const remove = new RegExp(
    String.raw`${LEAD}(?:remove|delete|drop|erase|undo|scrap|discard|withdraw|take\s+out|throw\s+out|get\s+rid\s+of|clear(?!\s+(?:the\s+|its\s+)?(?:notes?|comments?|evidence|proof|links?|sources?)\b))\s+(.+)$`,
    'i',
  ).exec(t);
  if (remove) {
    // "remove 2 of the march values": how many, not which; every value is named by its input.
    if (/\b\d+\s+(?:of\s+(?:the\s+)?)?(?:[a-z]+\s+){0,2}(?:values|entries|measurements|numbers|readings)\b/i.test(remove[1]!)) {
      return reply(
        'Which values should I remove? Name each by its input and month, e.g. "remove the March tickets per day value and the March deflection rate".',
      );
    }
    // Why it goes is not which value: "…, it was a test entry", "… because …".
    const ref = readMeasurementReference(remove[1]!.split(/\s*[,;]\s+|\s+(?:because|since|as)\s+|\s+[—–-]\s+/i)[0]!);
    if (!ref) return null;
    // "scrap the 158 from march": the tool checks the value said is the one recorded.
    const said = ref.months.length === 1 && ref.values?.length === 1 ? { value: ref.values[0] } : {};
    return edit(ref, { remove: true, ...said }, ctx);
  }

  const setting = [
    // "attach evidence to oct 2025 tickets/day: zendesk-oct-final.csv", "add evidence for march capture rate: report.pdf"
    {
      re: new RegExp(
        String.raw`${LEAD}(?:add|attach|put|link|give|record)\s+(?:the\s+|this\s+|an?\s+)?(evidence|proof|links?|sources?)\s+(?:to|on|for)\s+([^:]+?)\s*:\s*(.+)$`,
        'i',
      ),
      field: 1,
      what: 2,
      value: 3,
    },
    // "the evidence for October is https://…", "the source of the March value: ops review"
    {
      re: new RegExp(String.raw`${LEAD}(?:the\s+)?${FIELD}\s+(?:for|of|on|to|behind)\s+(.+?)(?:\s*[:=]\s*|\s+(?:is|are|should\s+be|was)\s+)(.+)$`, 'i'),
      field: 1,
      what: 2,
      value: 3,
    },
    // "set the source of the March tickets per day value to the ops review"
    {
      re: new RegExp(String.raw`${LEAD}(?:set|change|update|make)\s+(?:the\s+)?${FIELD}\s+(?:for|of|on)\s+(.+?)\s+to\s+(.+)$`, 'i'),
      field: 1,
      what: 2,
      value: 3,
    },
    // "attach evidence https://… to the October tickets per day measurement"
    {
      re: new RegExp(
        String.raw`${LEAD}(?:add|attach|put|link|give|record)\s+(?:the\s+|this\s+|an?\s+)?(evidence|proof|links?|sources?)\s+(.+?)\s+(?:to|on|for)\s+(.+)$`,
        'i',
      ),
      field: 1,
      what: 3,
      value: 2,
    },
  ];
  // "the jan deflection number came from the help center dashboard, link: https://…": its
  // source, and its evidence when a link is given.
  const cameFrom = new RegExp(
    String.raw`${LEAD}(?:the\s+)?(.+?)\s+(?:came|comes|is|was|were)\s+(?:taken\s+|pulled\s+)?from\s+(?:the\s+|our\s+)?(.+?)(?:\s*[,;]\s*(?:link|evidence|proof|see)\s*[:=]?\s*(\S+))?$`,
    'i',
  ).exec(t);
  if (cameFrom && !/\d/.test(cameFrom[2]!)) {
    const ref = readMeasurementReference(cameFrom[1]!);
    if (ref) return edit(ref, defined({ source: clean(cameFrom[2]!), evidence: cameFrom[3] }), ctx);
  }
  for (const { re, field, what, value } of setting) {
    const m = re.exec(t);
    if (!m) continue;
    const ref = readMeasurementReference(m[what]!);
    if (!ref) continue;
    const name = fieldOf(m[field]!);
    let v = m[value]!.trim().replace(/^["“]|["”]$/g, '');
    if (name === 'source') v = v.replace(/^(?:the|our)\s+/i, '');
    v = name === 'note' ? v : clean(v);
    if (!v) continue;
    return edit(ref, { [name]: v }, ctx);
  }
  return null;
}
