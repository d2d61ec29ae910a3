import { entryValue, type SeriesEntry } from '../engine/index.ts';
import { words } from './match-name.ts';
import { tokenizeText } from './tokenize-text.ts';

/*
 * The business case's own vocabulary, and the things a message names in it. Where the phrase
 * readers cut a name out of a message by its shape ("the X calculation", "X for <month>"), this
 * finds names by matching what the case calls things: its name, customer and id; its
 * scenarios', use cases', calculations' and milestones' names and ids; its inputs' labels, keys
 * and units; and the values it has recorded (for "the 158 should be 185"). Words are compared
 * as `match-name.ts` compares them: case and punctuation aside, plurals folded, the
 * abbreviations it knows expanded ("avg", "#", "tix", "pct", "no."), filler words dropped.
 */

/** What a name in a message refers to. */
export type EntityKind = 'case' | 'scenario' | 'use-case' | 'calculation' | 'input' | 'milestone' | 'unit' | 'measurement';

/**
 * One thing of the case a span may name. The same use case, calculation, input or milestone in
 * several scenarios is one target, with every scenario it is in (`scenarios`).
 */
export interface EntityTarget {
  kind: EntityKind;
  /** The id (case, scenario, use case, calculation, milestone), key (input, measurement) or the unit itself. */
  id: string;
  /** How the case writes it: the name or label (the unit itself for a unit). */
  name: string;
  /** The scenarios it is in (ids), in the document's order; empty for the case and units. */
  scenarios: string[];
  /** The use case it belongs to (calculations, inputs, measurements). */
  useCase?: string;
  /** A measurement's month and value. */
  month?: string;
  value?: number;
  /** A unit's inputs (keys). */
  inputs?: string[];
}

/** One way the case names a target: the words of a name, label, id, key or unit. */
export interface VocabularyTerm {
  words: string[];
  /** The name as the case writes it, lower-cased (a span written exactly so wins: "Avg. Tickets per Day" is that label, not the key avg_tickets_per_day). */
  written: string;
  target: EntityTarget;
}

/** The vocabulary of one business case (`caseVocabulary`). */
export interface CaseVocabulary {
  terms: VocabularyTerm[];
  /** Every recorded value, as a target of kind 'measurement'. */
  measurements: EntityTarget[];
}

/** A candidate of a span: its target, and whether the span is all of a term's words (`exact`) or some of them in order. */
export interface EntityCandidate {
  target: EntityTarget;
  exact: boolean;
  /** The span is the name as the case writes it (case aside). */
  verbatim: boolean;
}

/**
 * A span of a message that names something of the case. `candidates`: every target it may be,
 * the best first; `ambiguous` when more than one target is in the best tier (written as the case
 * writes it, else all of a name's words, else in part). A reader that wants one kind asks `bestOfKind`.
 */
export interface EntitySpan {
  start: number;
  end: number;
  text: string;
  candidates: EntityCandidate[];
  ambiguous: boolean;
}

function targetKey(t: EntityTarget): string {
  return t.kind === 'measurement' ? `${t.kind}:${t.useCase}:${t.id}:${t.month}` : `${t.kind}:${t.useCase ?? ''}:${t.id}`;
}

/** The words a term is compared by: `words()` of match-name, with "/" read as "per" ("tickets/day"). */
function termWords(text: string): string[] {
  return words(text.replace(/\//g, ' per '));
}

/**
 * What a vocabulary is read from: a business-case document, or what `showBusinessCase` says of
 * one (the same names, with every month's value as `measured` and the latest as `latest`).
 */
export interface VocabularySource {
  id: string;
  name: string;
  customer: string;
  scenarios: ReadonlyArray<{
    id: string;
    name: string;
    milestones?: ReadonlyArray<{ id: string; name: string }> | null;
    useCases: ReadonlyArray<{
      id: string;
      name: string;
      calculations: ReadonlyArray<{ id: string; name: string }>;
      inputs: ReadonlyArray<{
        key: string;
        label: string;
        unit: string;
        series?: Readonly<Record<string, SeriesEntry>> | undefined;
        latest?: { month: string; value: number } | null;
        measured?: ReadonlyArray<{ month: string; value: number }>;
      }>;
    }>;
  }>;
}

/** The vocabulary of a business case. Pure: the same document gives the same vocabulary. */
export function caseVocabulary(document: VocabularySource): CaseVocabulary {
  const targets = new Map<string, EntityTarget>();
  const names = new Map<string, Set<string>>();
  const measurements = new Map<string, EntityTarget>();
  const add = (target: EntityTarget, scenario: string | undefined, ...texts: string[]): void => {
    const key = targetKey(target);
    let t = targets.get(key);
    if (!t) {
      t = target;
      targets.set(key, t);
      names.set(key, new Set());
    }
    if (scenario !== undefined && !t.scenarios.includes(scenario)) t.scenarios.push(scenario);
    for (const x of texts) names.get(key)!.add(x);
  };
  add({ kind: 'case', id: document.id, name: document.name, scenarios: [] }, undefined, document.id, document.name, document.customer);
  const units = new Map<string, EntityTarget>();
  for (const s of document.scenarios) {
    add({ kind: 'scenario', id: s.id, name: s.name, scenarios: [] }, s.id, s.id, s.name);
    for (const m of s.milestones ?? []) add({ kind: 'milestone', id: m.id, name: m.name, scenarios: [] }, s.id, m.id, m.name);
    for (const u of s.useCases) {
      add({ kind: 'use-case', id: u.id, name: u.name, scenarios: [] }, s.id, u.id, u.name);
      for (const c of u.calculations) add({ kind: 'calculation', id: c.id, name: c.name, scenarios: [], useCase: u.id }, s.id, c.id, c.name);
      for (const i of u.inputs) {
        add({ kind: 'input', id: i.key, name: i.label, scenarios: [], useCase: u.id }, s.id, i.key, i.label);
        if (i.unit.trim() !== '') {
          const unit = units.get(i.unit) ?? { kind: 'unit' as const, id: i.unit, name: i.unit, scenarios: [], inputs: [] };
          if (!unit.inputs!.includes(i.key)) unit.inputs!.push(i.key);
          units.set(i.unit, unit);
        }
        const recorded = i.series ? Object.entries(i.series).map(([month, e]) => [month, entryValue(e)] as const) : [];
        for (const m of i.measured ?? []) if (!recorded.some(([month]) => month === m.month)) recorded.push([m.month, m.value]);
        if (i.latest && !recorded.some(([month]) => month === i.latest!.month)) recorded.push([i.latest.month, i.latest.value]);
        for (const [month, value] of recorded) {
          const m: EntityTarget = { kind: 'measurement', id: i.key, name: i.label, scenarios: [s.id], useCase: u.id, month, value };
          measurements.set(`${s.id}:${targetKey(m)}`, m);
        }
      }
    }
  }
  for (const unit of units.values()) add(unit, undefined, unit.id);
  const terms: VocabularyTerm[] = [];
  for (const [key, target] of targets) {
    const seen = new Set<string>();
    for (const text of names.get(key)!) {
      const w = termWords(text);
      if (w.length === 0 || seen.has(w.join(' '))) continue;
      seen.add(w.join(' '));
      terms.push({ words: w, written: text.trim().toLowerCase(), target });
    }
  }
  return { terms, measurements: [...measurements.values()] };
}

/** Words too common to name something on their own ("per", "cost", "day"); with others they may. */
const GENERIC = new Set([
  'per',
  'day',
  'week',
  'month',
  'year',
  'cost',
  'rate',
  'time',
  'value',
  'total',
  'target',
  'number',
  'average',
  'annual',
  'hourly',
  'monthly',
  'expected',
  'gain',
  'saving',
  'increase',
  'team',
  'plan',
  'support',
  'working',
  'new',
]);

/** Words that join two names ("handle time and tickets per day", "efficiency to tickets per day"): a name never runs across one. */
const JOINS = new Set([
  'and',
  'or',
  'vs',
  'versus',
  'to',
  'into',
  'with',
  'for',
  'from',
  'by',
  'on',
  'in',
  'at',
  'as',
  'not',
  'than',
  'should',
  'be',
  'was',
  'is',
]);

interface Word {
  start: number;
  end: number;
  word: string;
}

/** The message's words with their offsets; null marks a break a name does not run across. */
function messageWords(text: string): Array<Word | null> {
  const out: Array<Word | null> = [];
  for (const m of text.matchAll(/[\p{L}\p{Nd}]+(?:['’][\p{L}]+)?|#|\/|[,;!?+&—–\n]|\s-\s/gu)) {
    const raw = m[0];
    const at = { start: m.index, end: m.index + raw.length };
    if (raw === '/') {
      out.push({ ...at, word: 'per' });
      continue;
    }
    if (/^[,;!?+&—–\n]$|^\s-\s$/.test(raw) || JOINS.has(raw.toLowerCase())) {
      out.push(null);
      continue;
    }
    const w = words(raw);
    // A filler word ("the", "of", "calculation") is skipped: "# of reps", "the efficiency calculation".
    if (w.length > 0) out.push({ ...at, word: w.join(' ') });
  }
  return out;
}

/** Whether `part` is `whole`'s words in order, possibly with words between them. */
function inOrder(part: readonly string[], whole: readonly string[]): boolean {
  let j = 0;
  for (const w of whole) if (j < part.length && w === part[j]) j++;
  return j === part.length;
}

const rank = (c: EntityCandidate): number => (c.verbatim ? 2 : c.exact ? 1 : 0);

function candidatesFor(span: readonly string[], written: string, vocabulary: CaseVocabulary): EntityCandidate[] {
  // A single generic word names nothing; generic words only, only a name exactly ("cost per" is no name).
  const generic = span.every((w) => GENERIC.has(w));
  if (generic && span.length === 1) return [];
  const joined = span.join(' ');
  const found = new Map<EntityTarget, EntityCandidate>();
  for (const term of vocabulary.terms) {
    const had = found.get(term.target);
    let c: EntityCandidate | null = null;
    if (term.words.join(' ') === joined) c = { target: term.target, exact: true, verbatim: term.written === written };
    else if (!generic && span.length < term.words.length && inOrder(span, term.words)) c = { target: term.target, exact: false, verbatim: false };
    if (c && (!had || rank(c) > rank(had))) found.set(term.target, c);
  }
  return [...found.values()].sort((a, b) => rank(b) - rank(a));
}

/** The best tier of candidates: written exactly as the case writes it, else all of a name's words, else in part. */
function bestTier(candidates: readonly EntityCandidate[]): EntityCandidate[] {
  const top = Math.max(-1, ...candidates.map(rank));
  return candidates.filter((c) => rank(c) === top);
}

/** Whether a span's best tier holds several targets; a unit counts only when nothing named is a candidate ("tix/day" is the input, not its unit). */
function isAmbiguous(candidates: readonly EntityCandidate[]): boolean {
  const named = candidates.filter((c) => c.target.kind !== 'unit');
  return bestTier(named.length > 0 ? named : candidates).length > 1;
}

/**
 * The spans of a message that name something of the case, left to right, longest first: at
 * each word the longest run of words that names something, exactly (all of a term's words) or
 * in part (some of them in order: "support efficiency" for "Increase Support Team
 * Efficiency"; a single word only when it is not a generic one like "per" or "cost"). A name
 * never runs across a join ("and", "to", "for", ",", "+"). Numbers the case has recorded are
 * spans of kind 'measurement' ("the 158", "the 22%"), with every input and month holding that
 * value. Pure.
 */
export function findEntities(text: string, vocabulary: CaseVocabulary): EntitySpan[] {
  const spans: EntitySpan[] = [];
  const ws = messageWords(text);
  const longest = Math.max(0, ...vocabulary.terms.map((t) => t.words.length));
  let i = 0;
  while (i < ws.length) {
    if (ws[i] === null) {
      i++;
      continue;
    }
    let run = 0;
    while (i + run < ws.length && ws[i + run] !== null && run < longest) run++;
    let taken = 0;
    for (let n = run; n > 0; n--) {
      const part = ws.slice(i, i + n) as Word[];
      const start = part[0]!.start;
      const end = part[n - 1]!.end;
      const candidates = candidatesFor(
        part.flatMap((w) => w.word.split(' ')),
        text.slice(start, end).trim().toLowerCase(),
        vocabulary,
      );
      if (candidates.length === 0) continue;
      spans.push({ start, end, text: text.slice(start, end), candidates, ambiguous: isAmbiguous(candidates) });
      taken = n;
      break;
    }
    i += Math.max(1, taken);
  }
  for (const t of tokenizeText(text)) {
    if (t.kind !== 'number') continue;
    const held = vocabulary.measurements.filter((m) => m.value === t.value);
    if (held.length === 0) continue;
    if (spans.some((s) => s.start < t.end && t.start < s.end)) continue;
    spans.push({
      start: t.start,
      end: t.end,
      text: t.text,
      candidates: held.map((target) => ({ target, exact: true, verbatim: true })),
      ambiguous: held.length > 1,
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/**
 * The best candidates of a span among targets of the given kinds: the ones written as the case
 * writes them, else the exact ones, else all of them. One means the span names that target;
 * several, ask naming them.
 */
export function bestOfKind(span: EntitySpan, ...kinds: EntityKind[]): EntityTarget[] {
  return bestTier(span.candidates.filter((c) => kinds.includes(c.target.kind))).map((c) => c.target);
}

/**
 * The one target among `among` a phrase names by its words, when no span of it names one
 * outright ("tickets processed per day" for Avg. Tickets per Day, "average handle time" for
 * Handle Time Saved per Ticket): each target scores the phrase's words its names hold, a
 * generic word ("per", "day") counting only beside a word that is not. The best score wins when
 * no other target has it; null when none or several do. Pure.
 */
export function targetByWords(phrase: string, among: readonly EntityTarget[], vocabulary: CaseVocabulary): EntityTarget | null {
  const said = new Set(termWords(phrase));
  let best: { target: EntityTarget; score: number } | null = null;
  let tie = false;
  for (const target of among) {
    let score = 0;
    for (const term of vocabulary.terms) {
      if (term.target !== target) continue;
      const held = term.words.filter((w) => said.has(w));
      if (held.some((w) => !GENERIC.has(w))) score = Math.max(score, held.length);
    }
    if (score === 0) continue;
    if (!best || score > best.score) {
      best = { target, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.target : null;
}
