import type { ToolName } from '../../../tools/index.ts';
import { MONTH_PHRASE } from './phrases.ts';
import { callAgain, type ConversationContext, type OfflineRequest } from './request.ts';

/*
 * Follow-up answers complete the request the tool could not do (docs/offline-model.md,
 * "Context"): the tool named candidates ("'onboarding' could be several milestones", "which
 * scenario?") and the person picks one ("vendor onboarding", "the signed deal one", "the
 * second one"); or the tool asked "did you mean 22%?" and the person says "yes". The call is
 * made again with the answer in place of what was unclear. Anything else is read on its own.
 */

const ORDINALS: Record<string, number> = {
  first: 1,
  '1st': 1,
  one: 1,
  second: 2,
  '2nd': 2,
  two: 2,
  third: 3,
  '3rd': 3,
  three: 3,
  fourth: 4,
  '4th': 4,
  four: 4,
  fifth: 5,
  '5th': 5,
  five: 5,
};
const FILLER = new Set(
  "the a an one that this it i mean meant yes yeah yep ok okay please pls sure go with use take pick option number no its it's is was".split(' '),
);
const YES = /^\s*(?:yes|yep|yeah|yup|y|correct|right|exactly|that'?s\s+right|i\s+did|i\s+do|sure|ok(?:ay)?)\b[\s\S]{0,30}$/i;

/** An answer that is a month and little else ("from jan 2027", "starting March", "2027-01"). */
const MONTH_ALONE = new RegExp(
  String.raw`^\s*(?:ok(?:ay)?[\s,]+)?(?:from|starting|as\s+of|since|beginning)?\s*(${MONTH_PHRASE})\s*(?:on(?:wards?)?)?[\s.!]*$`,
  'i',
);

/** The words a candidate or an answer is made of, lower case, punctuation aside. */
function wordsOf(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}%]+/u)
    .filter((w) => w.length > 0);
}

/** A word's stem: "onboarding", "onboarded" and "onboard" are one. */
function stem(word: string): string {
  return word.replace(/(?:ings?|ed|es|s)$/, '');
}

/** The id a candidate carries: "Vendor Onboarding Complete (vendor-onboarding, target 2026-07)" -> "vendor-onboarding". */
function idOf(candidate: string): string {
  const inside = /\(([^,()]+)[,)]/.exec(candidate);
  return (inside ? inside[1]! : candidate).trim();
}

/**
 * The candidate an answer picks: by position ("the second one", "2", "#2", "the last one"),
 * else the one candidate that holds every word of the answer (fillers aside). Undefined when
 * none or several fit.
 */
export function pickCandidate(answer: string, candidates: readonly string[]): string | undefined {
  const t = answer
    .trim()
    .toLowerCase()
    .replace(/[.!?]+$/, '');
  const position =
    /^(?:(?:yes|ok|okay)[,\s]+)?(?:the\s+)?(?:#|no\.?\s*|number\s+|option\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|last|\d)(?:\s+one)?$/.exec(
      t,
    );
  if (position) {
    const p = position[1]!;
    const index = p === 'last' ? candidates.length : /^\d$/.test(p) ? Number(p) : ORDINALS[p]!;
    return candidates[index - 1];
  }
  const said = wordsOf(t).filter((w) => !FILLER.has(w));
  if (said.length === 0 || said.length > 8) return undefined;
  // A word fits a candidate's word of the same stem ("onboarding" fits "Onboarded" too, so
  // repeating the ambiguous name picks nothing) or one it begins ("vend" fits "Vendor").
  const fits = candidates.filter((c) => {
    const own = wordsOf(c);
    return said.every((w) => own.some((o) => stem(o) === stem(w) || (o.length >= 4 && w.length >= 4 && (o.startsWith(w) || w.startsWith(o)))));
  });
  return fits.length === 1 ? fits[0] : undefined;
}

/** The input without the nulls a strict schema made it carry (they mean "not given"). */
function withoutNulls(input: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(input).filter(([, v]) => v !== null));
}

/** Where in a call's input a field is: a top-level key, or a key of one entry of a list ("measurements", 0, "input"). */
type FieldPath = readonly [string] | readonly [string, number, string];

/** The path of the field whose value is `name` (as said), top level first, then inside the call's lists. */
function fieldNamed(input: Record<string, unknown>, name: string): FieldPath | null {
  const same = (v: unknown): boolean => typeof v === 'string' && v.trim().toLowerCase() === name.trim().toLowerCase();
  const top = Object.entries(input).find(([, v]) => same(v));
  if (top) return [top[0]];
  for (const [key, list] of Object.entries(input)) {
    if (!Array.isArray(list)) continue;
    for (const [i, entry] of list.entries()) {
      if (typeof entry !== 'object' || entry === null) continue;
      const inner = Object.entries(entry as Record<string, unknown>).find(([, v]) => same(v));
      if (inner) return [key, i, inner[0]];
    }
  }
  return null;
}

/**
 * Which field of the unfinished call the tool's question is about: the first name the error
 * quotes that is a value of the call ("'support efficiency' is the use case …, which has several
 * calculations", "'onboarding' could be several milestones", "no input called 'tix'"); null when
 * it cannot be told.
 */
function fieldAsked(toolName: string, input: Record<string, unknown>, error: string): FieldPath | null {
  for (const quoted of error.matchAll(/'([^']+)'/g)) {
    const path = fieldNamed(input, quoted[1]!);
    if (path) return path;
  }
  if (/^which scenario\b/i.test(error)) return [toolName === 'proposeRealizationScenario' ? 'from' : 'scenario'];
  if (/^which business case\b/i.test(error) || /no business case called/i.test(error)) return ['businessCase'];
  return null;
}

/** The input with the field at `path` set to `value` (the lists copied, not changed). */
function withField(input: Record<string, unknown>, path: FieldPath, value: string): Record<string, unknown> {
  if (path.length === 1) return { ...input, [path[0]]: value };
  const [key, index, inner] = path;
  const list = (input[key] as unknown[]).map((entry, i) =>
    i === index ? { ...withoutNulls(entry as Record<string, unknown>), [inner]: value } : withoutNulls(entry as Record<string, unknown>),
  );
  return { ...input, [key]: list };
}

/**
 * The unfinished call completed by this message, or null: a candidate picked for the field
 * the tool asked about, or "yes" to the tool's "did you mean N%?" (the value N of the call
 * becomes the fraction N/100).
 */
export function answerUnfinished(text: string, ctx: ConversationContext): OfflineRequest | null {
  const u = ctx.unfinished;
  if (!u) return null;
  const input = withoutNulls(u.input);
  const percent = /did you mean (-?\d+(?:\.\d+)?)%/i.exec(u.error);
  if (percent && YES.test(text)) {
    const said = Number(percent[1]);
    const fraction = Number((said / 100).toPrecision(12));
    if (Array.isArray(input.measurements)) {
      let changed = false;
      const measurements = input.measurements.map((m) => {
        const entry = withoutNulls(m as Record<string, unknown>);
        if (!changed && entry.value === said) {
          changed = true;
          return { ...entry, value: fraction };
        }
        return entry;
      });
      return changed ? callAgain(u.toolName as ToolName, { ...input, measurements }) : null;
    }
    return input.value === said ? callAgain(u.toolName as ToolName, { ...input, value: fraction }) : null;
  }
  // "'# of Reps' changes by month: from which month does 15 hold?" → "from jan 2027".
  const fromWhich = /from which month does/i.test(u.error) && u.toolName === 'proposeInputValue' ? MONTH_ALONE.exec(text) : null;
  if (fromWhich) return callAgain('proposeInputValue', { ...input, from: fromWhich[1]!.trim() });
  // "… is 158, not 150: nothing removed. Remove the 158?" → "yes", "yes the 158".
  const recorded = /\bis (-?[\d.]+)(%?), not [^:]+: nothing removed\. Remove the [^?]+\?/.exec(u.error);
  if (recorded && YES.test(text) && Array.isArray(input.measurements) && input.measurements.length === 1) {
    const value = recorded[2] ? Number((Number(recorded[1]) / 100).toPrecision(12)) : Number(recorded[1]);
    const m = withoutNulls(input.measurements[0] as Record<string, unknown>);
    if (m.remove === true) return callAgain(u.toolName as ToolName, { ...input, measurements: [{ ...m, value }] });
  }
  if (u.candidates.length === 0) return null;
  const field = fieldAsked(u.toolName, input, u.error);
  if (!field) return null;
  const picked = pickCandidate(text, u.candidates);
  if (!picked) return null;
  return callAgain(u.toolName as ToolName, withField(input, field, idOf(picked)));
}
