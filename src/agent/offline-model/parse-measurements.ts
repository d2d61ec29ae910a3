import { tokenizeText } from '../../resolve/tokenize-text.ts';
import {
  clean,
  escapeRegExp,
  findCaseMention,
  findScenarioMention,
  hasMonth,
  isMonthPhrase,
  MONTH_NAME,
  MONTH_PHRASE,
  NUMBER,
  plausibleCase,
  tidyMonth,
  withoutScenario,
} from './phrases.ts';
import type { Missing } from './request.ts';
import { readMeasurementReference } from './parse-measurement-edits.ts';

/**
 * One dictated measurement, as the `proposeMeasurements` tool takes it. Without a value it
 * annotates the value recorded that month (its note, evidence or source); without an input,
 * the month's only recorded value.
 */
export interface DictatedMeasurement {
  input?: string;
  month: string;
  value?: number;
  note?: string;
  evidence?: string;
  source?: string;
}

/** What a dictation gives: the measurements (and the case or scenario named), or a question back. */
export type DictationParse =
  | { kind: 'measurements'; businessCase?: string; scenario?: string; measurements: DictatedMeasurement[] }
  | { kind: 'ask'; text: string; asks?: Missing };

/** What a message says about where its values come from. */
export interface Provenance {
  note?: string;
  evidence?: string;
  source?: string;
}

/** A value said right after: what may follow a name in parentheses that is part of the name. */
const LEADS_A_VALUE = /^\s*(?::\s*|=\s*|(?:is|was|of|at)\s+)?[-+−]?[$€£]?\d/i;

/**
 * Words in parentheses that say what kind of value a number is ("(baseline)", "(target)",
 * "(forecast)"), never where it came from: after the value they are asked about.
 */
const KIND_OF_VALUE =
  /^(?:the\s+)?(?:baseline|target|goal|forecast(?:ed)?|estimated?|projected|projection|budget(?:ed)?|plan(?:ned)?|assumed|assumption|expected|benchmark|before)$/i;

/**
 * Words that say a source applies to every value before it ("both from the Zendesk export",
 * "all of them via the ops review", "each taken from …"): part of the source phrase, never
 * an input.
 */
const ALL_VALUES = String.raw`(?:(?:both|all|each)(?:\s+(?:of\s+them|of\s+these|values|numbers|figures|months|ones?|three|four))?\s+(?:(?:are|were|is|was|came|come|comes|taken|pulled)\s+)?)`;

const VERB = /^\s*(?:please\s+)?(?:record|log|add|enter|save|store|measured?|track(?:ed)?)\b/i;
const MARKER_END = String.raw`(?=\s*(?:[;\n]|,\s|\.\s|\.$|$|\b(?:note|notes|evidence|source|because)\b\s*[:=]?))`;

/**
 * Takes note, evidence and source out of a message:
 * - note: "note: ..." / "notes: ..." / "comment: ..." / "because ..." (to the end, or to an
 *   "evidence:" / "source:" that follows; inside parentheses, to the closing one);
 * - evidence: URLs, "evidence: ..." / "proof: ...";
 * - source: "(Zendesk export)", "source: ...", "from the Zendesk export", "via ...",
 *   "according to ...", "per the ...".
 * The note is taken first, so nothing inside it (numbers, months, "apply this now") is read
 * as anything but the note.
 */
export function extractProvenance(text: string): { rest: string; kind?: string } & Provenance {
  let rest = ` ${text} `;
  const out: Provenance & { kind?: string } = {};

  const marker = /\b(?:notes?|comments?)\s*[:=\-–]\s*|\bbecause\s+/i.exec(rest);
  if (marker) {
    const start = marker.index;
    const open = rest.slice(0, start).split('(').length - rest.slice(0, start).split(')').length;
    let end = rest.length;
    if (open > 0) {
      const close = rest.indexOf(')', start);
      if (close >= 0) end = close;
    } else {
      const next = /\b(?:evidence|source|proof)\s*[:=]/i.exec(rest.slice(start + marker[0].length));
      if (next) end = start + marker[0].length + next.index;
    }
    let note = clean(rest.slice(start + marker[0].length, end));
    if (/^because/i.test(marker[0])) note = note.replace(/^of\s+/i, '');
    if (note) out.note = note;
    rest = `${rest.slice(0, start)} ${rest.slice(end)}`;
  }

  rest = rest.replace(/\(([^()]*)\)/g, (whole: string, inner: string, at: number, all: string) => {
    const v = clean(inner);
    // "record Avg. Tickets per Day (baseline) 120": a word in parentheses right after a name
    // and before the value is part of the name (an input's label may hold one); a source comes
    // after the value or is said with "from" / "source:".
    if (
      /^[\p{L}][\p{L}'’-]*(?:\s+[\p{L}][\p{L}'’-]*){0,2}$/u.test(v) &&
      !hasMonth(v) &&
      /[\p{L}.]\s*$/u.test(all.slice(0, at)) &&
      LEADS_A_VALUE.test(all.slice(at + whole.length))
    )
      return ` (${v}) `;
    // "… 120 for nov 2026 (baseline)": a word that names a kind of value (baseline, target,
    // forecast) is no source; whether it is part of the input's name is asked.
    if (KIND_OF_VALUE.test(v)) {
      out.kind ??= v;
      return ' ';
    }
    const labelled = /^(note|notes|evidence|proof|source)\s*[:=]?\s*(.+)$/i.exec(v);
    if (labelled) {
      const field = /^note/i.test(labelled[1]!) ? 'note' : /^source/i.test(labelled[1]!) ? 'source' : 'evidence';
      out[field] ??= clean(labelled[2]!);
    } else if (/^https?:\/\//i.test(v)) {
      out.evidence ??= v;
    } else if (hasMonth(v)) {
      // "(may)", "(that's july)": the month of the values, not a source.
      return ` , ${v} `;
    } else if (v && !/^\d/.test(v)) {
      out.source ??= v.replace(new RegExp(String.raw`^${ALL_VALUES}?(?:from|via|source)\s+(?:the\s+)?`, 'i'), '');
    }
    return ' ';
  });

  const urls: string[] = [];
  rest = rest.replace(/\bhttps?:\/\/[^\s,;)]+/gi, (u) => {
    urls.push(u.replace(/[.]+$/, ''));
    return ' ';
  });
  if (urls.length > 0) out.evidence ??= urls.join(' ');

  // "…, evidence zendesk-tickets-2026-11.csv": after a comma the word alone labels it too.
  rest = rest.replace(
    new RegExp(String.raw`\b(?:evidence|proof)\s*(?:[:=]|\bis\b|(?<=[,;(]\s*(?:evidence|proof))\s)\s*(.+?)${MARKER_END}`, 'i'),
    (_, v: string) => {
      out.evidence ??= clean(v);
      return ' ';
    },
  );
  rest = rest.replace(new RegExp(String.raw`\bsource\s*(?:[:=]|\bis\b|(?<=[,;(]\s*source)\s)\s*(?:the\s+)?(.+?)${MARKER_END}`, 'i'), (_, v: string) => {
    out.source ??= clean(v);
    return ' ';
  });
  rest = rest.replace(
    new RegExp(
      String.raw`\b${ALL_VALUES}?(?:from|via|according to|per the|per(?=\s+(?!(?:a|an|the|each|every|day|days|week|weeks|month|months|year|years|hour|hours|ticket|tickets|invoice|invoices|cent)\b)[A-Za-z]+\s+[A-Za-z]))\s+(?:the\s+|our\s+)?([A-Za-z][^;,\n]*?)${MARKER_END}`,
      'i',
    ),
    (all, v: string) => {
      const s = clean(v);
      if (!s || /\d/.test(s) || isMonthPhrase(s) || /\b(?:plan|scenario)\b/i.test(s)) return all;
      out.source ??= s;
      return ' ';
    },
  );
  return { rest: rest.trim(), ...out };
}

/**
 * "Add a note to the March tickets per day measurement of 158: macros rolled out" is that
 * measurement with "note: macros rolled out": returns the text in that form ("the March
 * tickets per day measurement of 158, note: macros rolled out"), or unchanged. The note
 * follows a colon or "saying"; or the message ends "add it as a note" ("explain the march
 * spike in tickets/day: macros + 2 new hires. add it as a note"). A note to a milestone is
 * left as it is.
 */
export function noteToMeasurement(text: string): string {
  const m =
    /^\s*(?:(?:please|can\s+you|could\s+you|would\s+you|kindly)\s+)*(?:add|attach|put|leave|write|append)\s+(?:(?:a|the|this|one|my|short|quick)\s+)*(?:note|comment)\s+(?:to|on|onto|for)\s+([^:\n]+?)\s*(?::|\s(?:saying|that\s+says|reading)\b)\s*([\s\S]+)$/i.exec(
      text,
    );
  if (m && !/\bmilestones?\b/i.test(m[1]!)) return `${m[1]!.trim()}, note: ${m[2]!.trim()}`;
  // "explain the march spike in tickets/day: macros + 2 new hires. add it as a note": what
  // follows the colon is the note (its numbers are the note's), what precedes it the value.
  const after =
    /^\s*(?:(?:please|pls|can\s+you|could\s+you)\s+)*(?:explain(?:ing)?|about|re|note\s+on|context\s+(?:on|for))?\s*([^:\n]+?)\s*:\s*([\s\S]+?)[\s.;,!—–-]*(?:(?:please|pls|can\s+you|could\s+you)\s+)*(?:add|log|save|put|keep|record|attach|leave|store)\s+(?:it|that|this)\s+(?:as|in)\s+(?:a\s+|the\s+)?(?:note|comment)\b[\s\S]*$/i.exec(
      text,
    );
  if (after && !/\bmilestones?\b/i.test(after[1]!)) return `${after[1]!.trim()}, note: ${after[2]!.trim()}`;
  return text;
}

type Token = { t: 'month'; text: string; name: boolean } | { t: 'num'; value: number; raw: string; maybeYear?: string } | { t: 'word'; text: string };

/**
 * The clause's tokens, read by the one lexicon (`tokenizeText`): months, numbers (read
 * exactly), words. A year right after a month name belongs to it: four digits always ("June
 * 2026, 166": the value is 166, never 2026); two digits ("jan 26: 140") when the clause has
 * another number to be the value, else the number is marked as maybe a year and whoever
 * uses it as a value asks.
 */
function tokenize(clause: string): Token[] {
  const raw = tokenizeText(clause);
  const numbers = raw.filter((t) => t.kind === 'number').length;
  const out: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const t = raw[i]!;
    if (t.kind === 'month' || t.kind === 'period-end') {
      const next = raw[i + 1];
      const adjacent = next?.kind === 'number' && next.plain && /^\s+$/.test(clause.slice(t.end, next.start)) && /^\d{2}$/.test(next.text);
      const named = t.kind === 'month' && t.named && !/\d/.test(t.text);
      if (named && adjacent && numbers > 1) {
        out.push({ t: 'month', text: `${tidyMonth(t.text)} ${next.text}`, name: false });
        i++;
        continue;
      }
      out.push({ t: 'month', text: tidyMonth(t.text), name: named });
      if (named && adjacent) {
        out.push({ t: 'num', value: next.value, raw: next.text, maybeYear: `${tidyMonth(t.text)} 20${next.text}` });
        i++;
      }
    } else if (t.kind === 'punct' && t.text === '(') {
      // "(baseline)" kept by `extractProvenance` as part of a name: one word, parentheses and all.
      const close = raw.findIndex((c, j) => j > i && c.kind === 'punct' && c.text === ')');
      const inside = close > i + 1 && close <= i + 4 ? raw.slice(i + 1, close) : [];
      if (inside.length > 0 && inside.every((c) => c.kind === 'word')) {
        out.push({ t: 'word', text: `(${inside.map((c) => c.text).join(' ')})` });
        i = close;
      }
    } else if (t.kind === 'number') out.push({ t: 'num', value: t.value, raw: t.text });
    else if (t.kind === 'word' || t.kind === 'unreadable') out.push({ t: 'word', text: t.text });
  }
  return out;
}

/** Words that say what to do, not which input: left out of the input's name. */
const STOP = new Set(
  (
    'record records recorded recording log logged logging add added enter entered save store measure measured measurement measurements ' +
    'value values reading readings was were is are be been being came come in at of for on during we had have has saw see got get it ' +
    'its there please also then to set the our a an with new about around approximately roughly so this that now landed hit reached ' +
    'went up down data update updates dictation metric handled processed averaged averaging did reported closed resolved ' +
    "numbers number figures figure stats pls plz backfill should should've shouldve actually correction corrected fix fixed " +
    'overwrite replace wrong typo sorry oops wait need needs gotta want'
  ).split(/\s+/),
);

/**
 * Words that may follow a value without naming something else it counts: units, "per day",
 * "on average", "so far" ("174 tickets/day avg", "7 mins per invoice"). Other words after a
 * value that already has its input before it ("tickets/day: macros + 2 new hires") say the
 * number counts something else: it is not a measurement of that input.
 */
const AFTER_A_VALUE = new Set(
  (
    'per a an the each every day days daily week weeks weekly month months monthly year years yearly annual hour hours hr hrs ' +
    'min mins minute minutes sec secs second seconds avg average averaged on so far total in at of for usd eur gbp dollars euros ' +
    'percent pct approx approximately roughly about around or so'
  ).split(/\s+/),
);

function phrase(words: readonly string[]): string {
  return clean(words.filter((w) => !STOP.has(w.toLowerCase())).join(' '));
}

interface Item {
  input: string | undefined;
  month: string | undefined;
  value: number;
  /** The number as written. */
  raw: string;
  /** What the number counts instead, when words after it name something else ("2 new hires"). */
  counts?: string;
  /** The month it may be the year of ("jan 26" alone: 26, or January 2026?). */
  maybeYear?: string;
}

/** Reads the value items of the clauses; `input` and `month` carry over from clause to clause. */
function readClauses(clauses: readonly string[], initialInput: string | undefined): { items: Item[]; firstHadOwnInput: boolean } {
  let input = initialInput;
  let month: string | undefined;
  let firstHadOwnInput = false;
  const items: Item[] = [];
  for (const clause of clauses) {
    const tokens = tokenize(clause);
    const used = new Set<number>();
    const numberAt = tokens.flatMap((t, i) => (t.t === 'num' ? [i] : []));
    if (numberAt.length === 0) {
      const months = tokens.filter((t) => t.t === 'month');
      if (months.length > 0) {
        month = (months[months.length - 1] as { text: string }).text;
        // "record deflection rate 22%, September": a month of its own right after the one value
        // without a month is that value's. With more values lacking one ("140, 150, 160 for
        // Jan, Feb, Mar"), which is which is not said: they keep none and the person is asked.
        // A month said once after several values none of which has one ("- tickets/day: 175
        // - deflection: 23% (that's july)") is all of theirs.
        const undated = items.filter((item) => item.month === undefined);
        if ((undated.length === 1 && undated[0] === items[items.length - 1]) || (undated.length > 1 && undated.length === items.length)) {
          for (const item of undated) item.month = month;
        }
      }
      const words = phrase(tokens.flatMap((t) => (t.t === 'word' ? [t.text] : [])));
      if (words) input = words;
      continue;
    }
    let previous = -1;
    numberAt.forEach((k, n) => {
      const nextNumber = numberAt[n + 1] ?? tokens.length;
      // The month: the nearest one before this number (after the previous number), else
      // the nearest one after it (before the next number), else the month so far.
      let m: string | undefined;
      for (let i = k - 1; i > previous; i--) {
        const t = tokens[i]!;
        if (t.t === 'month' && !used.has(i)) {
          m = t.text;
          used.add(i);
          break;
        }
      }
      if (m === undefined) {
        for (let i = k + 1; i < nextNumber; i++) {
          const t = tokens[i]!;
          if (t.t === 'month' && !used.has(i)) {
            m = t.text;
            used.add(i);
            break;
          }
        }
      }
      // The input: the words before the number (since the previous one), else the words
      // right after it ("115 tickets a day"), else the input so far.
      const before: string[] = [];
      for (let i = previous + 1; i < k; i++) {
        const t = tokens[i]!;
        if (t.t === 'word' && !used.has(i)) {
          before.push(t.text);
          used.add(i);
        }
      }
      // Words right after it (up to the next number or month): the input when none came
      // before ("115 tickets a day"); with an input before, only units and the like may
      // follow ("174 tix/day avg"), else the number counts something else ("2 new hires").
      const after: Array<{ i: number; text: string }> = [];
      for (let i = k + 1; i < nextNumber; i++) {
        const t = tokens[i]!;
        if (t.t === 'month') break;
        if (t.t === 'word' && !used.has(i)) after.push({ i, text: t.text });
      }
      let own = phrase(before);
      let counts: string | undefined;
      const rate = rateAfter(after.map((a) => a.text));
      // Who says it is not what is measured: "champion at delta says they averaged 164/day".
      if (own && REPORTED.test(before.join(' '))) own = '';
      if (own && rate && !/\bper\b/i.test(own)) {
        // "the delta team handled 172 tickets a day", "AP clerks average 7.2 minutes an
        // invoice": a rate after the value names it; what came before is who or what did it.
        for (const a of after) used.add(a.i);
        own = rate;
      } else if (!own) {
        for (const a of after) used.add(a.i);
        own = rate ?? phrase(after.map((a) => a.text));
        // A unit alone ("6.8 minutes") names no input when one was named before it.
        if (own && input !== undefined && unitOnly(own)) own = '';
      } else {
        const known = new Set(own.toLowerCase().split(/[\s/]+/));
        const other = after.filter(
          (a) =>
            !a.text
              .toLowerCase()
              .split('/')
              .every((w) => AFTER_A_VALUE.has(w) || known.has(w) || STOP.has(w)),
        );
        if (other.length > 0) counts = clean(after.map((a) => a.text).join(' '));
      }
      if (own) {
        input = own;
        if (items.length === 0 && !unitOnly(own)) firstHadOwnInput = true;
      }
      if (m !== undefined) month = m;
      const token = tokens[k] as Extract<Token, { t: 'num' }>;
      items.push({
        input,
        month,
        value: token.value,
        raw: token.raw,
        ...(counts ? { counts } : {}),
        ...(token.maybeYear ? { maybeYear: token.maybeYear } : {}),
      });
      previous = k;
    });
  }
  // "jan 140, feb 146 tickets/day": an input named once, after the last value, is every
  // value's when none of the others named one.
  const named = new Set(items.flatMap((i) => (i.input === undefined ? [] : [i.input])));
  if (named.size === 1 && items[items.length - 1]?.input !== undefined) {
    for (const item of items) item.input ??= [...named][0];
  }
  return { items, firstHadOwnInput };
}

/** Words that make a number a hope, a target or a forecast, not something measured. */
const ASPIRATION =
  /\b(?:hop(?:e|es|ed|ing)|aim(?:s|ed|ing)?|target(?:s|ed|ing)?|goal|objective|forecast(?:s|ed)?|project(?:ed|ion)|expect(?:s|ed|ing)?|plan(?:s|ned|ning)?\s+to|want(?:s|ed)?\s+to|would\s+like|going\s+to|gonna|will\s+(?:be|hit|reach|get)|should\s+(?:hit|reach|get\s+to)|budget(?:ed)?)\b/i;

/** Verbs that say who reports a value ("says", "told us"): the words before them are no input. */
const REPORTED = /\b(?:says|said|say|told(?:\s+us)?|tells|reports?|reported|mentioned|confirmed|according)\b/i;

/** Whether a phrase is only units and the like ("minutes", "per day"): it names no input of its own. */
function unitOnly(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[\s/]+/)
    .every((w) => AFTER_A_VALUE.has(w));
}

/**
 * A rate named right after a value: "tickets per day", "mins per invoice", "per day" (words
 * up to the one after "per", the fillers after it left out). Undefined when the words after
 * the value are no rate.
 */
function rateAfter(words: readonly string[]): string | undefined {
  const text = words.join(' ').replace(/\s*\/\s*/g, ' per ');
  const m = /^((?:[#\p{L}][\p{L}\d'’-]*\s+){0,3}?)per\s+([\p{L}][\p{L}\d'’-]*)/iu.exec(text);
  if (!m) return undefined;
  return clean(`${m[1] ?? ''}per ${m[2]}`);
}

function splitClauses(text: string): string[] {
  return text
    .split(/\s*(?:[;\n]|(?<!\d),|,(?!\d)|(?<!\b(?:avg|no|vs|approx|est))\.(?=\s|$)|\band\b|\bthen\b|\balso\b)\s*/i)
    .map((c) => c.trim())
    .filter((c) => c.length > 0);
}

/** "name: value" in a message: the name (no digits, no colon) right before a colon and a number. */
const PAIR = /(?<![\p{L}\p{N}#])([\p{L}#][^:\n;,\d()]*?)\s*:\s*(?=[-+−]?[$€£]?\d)/gu;

/**
 * A one-line list of "name: value" pairs ("deflection: 23% - tickets/day: 175") as clauses
 * ("; deflection 23% ; tickets/day 175"): two pairs or more whose names are not months. The
 * text is unchanged otherwise ("Delta: tickets per day Oct 115", "October: 115 tickets a day").
 */
function asListOfPairs(text: string): string {
  const pairs = [...text.matchAll(PAIR)].filter((m) => !hasMonth(m[1]!));
  if (pairs.length < 2) return text;
  return text.replace(PAIR, (whole: string, name: string) => (hasMonth(name) ? whole : `; ${name} `)).replace(/\s+[-–—•]\s+(?=;)/g, ' ');
}

function normalise(text: string): string {
  return text
    .replace(new RegExp(String.raw`\b(${MONTH_NAME}),\s+((?:19|20)\d{2})\b`, 'gi'), '$1 $2')
    .replace(/\b(?:a|an|each|every)\s+(day|week|month|year|hour)\b/gi, 'per $1')
    .replace(
      /\b(mins?|minutes?|hours?|hrs?|secs?|seconds?|tickets?|tix|invoices?|calls?)\s+(?:a|an|each|every)\s+(?!(?:on|in|at|of|for|the|avg|average|so|month|year)\b)([a-z]+)\b/gi,
      '$1 per $2',
    )
    .replace(/\s*\/\s*(day|week|month|year|hour)\b/gi, ' per $1')
    .replace(/\b(avg|no|approx|est|vs|nr|num|qty)\./gi, '$1');
}

/**
 * Reads dictated measurements: one or several months and inputs, each with a value
 * ("October: 115 tickets a day, from the Zendesk export.", "Delta: tickets per day Oct 115,
 * Nov 121 (Zendesk export)", "record deflection rate 22% for September"). Note, evidence
 * and source apply to every value of the message. Returns null when the message is not a
 * dictation (no number, or a number without a month and without "record"/"log").
 */
export function parseMeasurements(text: string): DictationParse | null {
  const { rest, kind, ...provenance } = extractProvenance(text);
  // A hope, a target or a forecast is no measurement: "we're hoping to hit 200 tickets/day by december".
  if (ASPIRATION.test(rest)) return null;
  // "153 not 158", "17% not 18%", "117 tickets/day, not 115": the value said is the first;
  // the one it replaces is no measurement.
  let body = normalise(rest)
    .replace(
      new RegExp(String.raw`\s*,?\s*(?:and\s+)?(?:not|instead\s+of|rather\s+than)\s+(?:the\s+)?${NUMBER}(?:\s+(?:tickets?|mins?|minutes?|per\s+\w+))*`, 'gi'),
      ' ',
    )
    // "150, up from 140 in april", "vs 140 last month": the value compared with is context, not a measurement.
    .replace(
      new RegExp(
        String.raw`\s*,?\s*(?:(?:up|down)\s+from|compared\s+(?:to|with)|vs\.?|versus)\s+(?:the\s+)?${NUMBER}(?:\s+(?:in\s+)?(?:${MONTH_PHRASE}))?`,
        'gi',
      ),
      ' ',
    );

  // "deflection: 23% - tickets/day: 175": two or more "name: value" pairs are a list, each
  // name the input of the value right after it (never a case's name); a dash between items
  // separates them like a comma.
  const listed = asListOfPairs(body);
  const isList = listed !== body;
  body = listed;
  let businessCase: string | undefined;
  let prefix: string | undefined;
  const colon = /^\s*([^:\n]{1,60}?)\s*:\s*([\s\S]*)$/.exec(body);
  if (colon && !isMonthPhrase(colon[1]!) && !/\d/.test(colon[1]!)) {
    if (hasMonth(colon[1]!)) body = `${colon[1]!} ${colon[2]!}`;
    else {
      // "backfill pls: jan 140, …": a prefix of fillers names nothing.
      prefix = phrase(colon[1]!.replace(VERB, '').split(/\s+/)) || undefined;
      body = colon[2]!;
    }
  }
  const mention = findCaseMention(body);
  if (mention) {
    const re = new RegExp(String.raw`\b(?:for|of)\s+(?:the\s+)?${escapeRegExp(mention)}(?:[’']s)?\b|\b${escapeRegExp(mention)}[’']s\b`, 'i');
    if (re.test(body)) {
      businessCase = mention;
      body = body.replace(re, ' ');
    }
  }
  const scenario = findScenarioMention(body);
  if (scenario) body = withoutScenario(body, scenario);

  // "tickets per day 160 and deflection 23% for november": one month said last, for every value before it.
  const trailing = new RegExp(String.raw`^([\s\S]*\d[\s\S]*?)\s*,?\s+(?:for|in)\s+(${MONTH_PHRASE})\s*[.!]*\s*$`, 'i').exec(body);
  if (trailing && (body.match(new RegExp(MONTH_PHRASE, 'gi')) ?? []).length === 1 && /\s(?:and|&)\s|,\s/.test(trailing[1]!))
    body = `${trailing[2]!} ${trailing[1]!}`;
  const clauses = splitClauses(body.replace(VERB, ' '));
  let read = readClauses(clauses, undefined);
  if (read.items.length === 0) {
    // "Add a note to the March tickets per day measurement: …": no value is restated, the
    // note annotates the value recorded that month (evidence and source alike).
    const ref = provenance.note !== undefined ? readMeasurementReference(body) : null;
    if (!ref) return null;
    const measurements = ref.months.map((month) => ({ ...(ref.input ? { input: ref.input } : {}), month, ...provenance }));
    return {
      kind: 'measurements',
      ...((businessCase ?? ref.businessCase) ? { businessCase: businessCase ?? ref.businessCase } : {}),
      ...(scenario ? { scenario } : {}),
      measurements,
    };
  }
  if (prefix !== undefined) {
    // "Delta: tickets per day Oct 115": a prefix that can be a case's name is the case ("end of
    // month update for delta:" is not).
    if (read.firstHadOwnInput) {
      if (plausibleCase(prefix)) businessCase ??= prefix;
    } else read = readClauses(clauses, prefix);
  }
  const anyMonth = read.items.some((i) => i.month !== undefined);
  // Without a month it is still a dictation when it asks for one ("need to log tickets per
  // day, it was 171", "deflection rate 23% pls") or is just an input and a percentage
  // ("capture rate 24%"): the person is asked which month. A question is never one.
  const wanted = VERB.test(rest) || /\b(?:log|record|enter|pls|plz|please|can\s+(?:you|u))\b/i.test(rest);
  const bare = read.items.length === 1 && /%|percent/i.test(read.items[0]!.raw) && read.items[0]!.input !== undefined;
  if (!anyMonth && prefix === undefined && (/\?/.test(rest) || !(wanted || bare || isList))) return null;

  // "… 120 for nov 2026 (baseline)": the kind of value, said after it, may be part of the
  // input's name ("Avg. Tickets per Day (baseline)") and is no source: never guessed.
  if (kind !== undefined) {
    const first = read.items[0]!;
    return {
      kind: 'ask',
      asks: 'input',
      text: `Is "(${kind})" part of the input's name, or something about the value ${first.raw}? I haven't proposed anything. If it is the name, put it before the value ("${first.input ?? 'tickets per day'} (${kind}) ${first.raw} for ${first.month ?? 'November'}"); for where the value came from, say "source: …".`,
    };
  }
  const missingInput = read.items.find((i) => i.input === undefined);
  if (missingInput)
    return { kind: 'ask', asks: 'input', text: `Which input is the value ${missingInput.raw} for? For example: "tickets per day October 115".` };
  // Two readings of one number: never guess, ask naming both.
  const yearOrValue = read.items.find((i) => i.maybeYear !== undefined);
  if (yearOrValue) {
    return {
      kind: 'ask',
      text: `Is ${yearOrValue.raw} the ${yearOrValue.input} value, or the year (${yearOrValue.maybeYear})? Say, for example, "${yearOrValue.input} ${yearOrValue.maybeYear}: <value>" or "${yearOrValue.input} ${yearOrValue.month ?? 'May'} ${yearOrValue.raw}".`,
    };
  }
  const stray = read.items.find((i) => i.counts !== undefined);
  if (stray) {
    return {
      kind: 'ask',
      text: `Is ${stray.raw} a measurement of ${stray.input}? I read it as a count of "${stray.counts}", so I haven't proposed it. To record it, say for example "${stray.input} ${stray.month ?? 'May'}: ${stray.raw}"; to keep it as a note, say "add a note to the ${stray.month ?? 'May'} ${stray.input} measurement: …".`,
    };
  }
  const missingMonth = read.items.find((i) => i.month === undefined);
  if (missingMonth)
    return {
      kind: 'ask',
      asks: 'month',
      text: `Which month is the ${missingMonth.input} value ${missingMonth.raw} for? For example: "${missingMonth.input} October ${missingMonth.raw}".`,
    };

  const measurements = read.items.map((i) => ({ input: i.input!, month: i.month!, value: i.value, ...provenance }));
  return { kind: 'measurements', ...(businessCase ? { businessCase } : {}), ...(scenario ? { scenario } : {}), measurements };
}
