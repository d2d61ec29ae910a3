/**
 * Finds the thing a person means by a name ("the efficiency calculation", "Avg. Tickets per
 * Day", "delta"): exact id or key first, then the label ignoring case and punctuation, then
 * the best word overlap. Returns the one match, or the candidates when it is ambiguous, so
 * the agent can ask instead of guessing.
 */
export type NameMatch<T> = { kind: 'match'; item: T } | { kind: 'ambiguous'; candidates: T[] } | { kind: 'none' };

const FILLER = new Set([
  'the',
  'a',
  'an',
  'of',
  'for',
  'calculation',
  'calc',
  'use',
  'case',
  'input',
  'scenario',
  'metric',
  'to',
  'and',
  'with',
  'on',
  'our',
  'my',
  'one',
]);
const SYNONYMS: Record<string, string> = {
  avg: 'average',
  no: 'number',
  num: 'number',
  '#': 'number',
  pct: 'percent',
  '%': 'percent',
  qty: 'quantity',
  rep: 'reps',
  tix: 'ticket',
  tkt: 'ticket',
  tkts: 'ticket',
};

/** Whether two words differ by one letter typed wrong, left out, added or swapped ("deflecton", "efficency"); both of 5 letters or more. */
function oneSlip(a: string, b: string): boolean {
  if (a.length < 5 || b.length < 5 || Math.abs(a.length - b.length) > 1 || a === b) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    if (a.slice(i + 1) === b.slice(i + 1)) return true;
    return a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
  }
  const [long, short] = a.length > b.length ? [a, b] : [b, a];
  return long.slice(i + 1) === short.slice(i);
}

/** Lower-case words of a name, punctuation and filler words dropped, abbreviations expanded. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/#/g, ' number ')
    .replace(/[_\-./()'’:,]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0)
    .map((w) => SYNONYMS[w] ?? w)
    .map((w) => (w.length > 3 && w.endsWith('s') ? w.slice(0, -1) : w))
    .filter((w) => !FILLER.has(w));
}

function normalized(text: string): string {
  return words(text).join(' ');
}

/** Scores how well `query` names something called `names` (0 = not at all, 100 = exactly). */
export function nameScore(query: string, names: readonly string[]): number {
  const q = query.trim().toLowerCase();
  let best = 0;
  for (const name of names) {
    if (name.toLowerCase() === q) return 100;
    const nq = normalized(query);
    const nn = normalized(name);
    if (nq.length > 0 && nq === nn) best = Math.max(best, 90);
    const qw = new Set(words(query));
    const nw = new Set(words(name));
    if (qw.size === 0 || nw.size === 0) continue;
    let shared = 0;
    for (const w of qw)
      if (nw.has(w) || [...nw].some((x) => (x.length >= 4 && w.length >= 4 && (x.startsWith(w) || w.startsWith(x))) || oneSlip(w, x))) shared++;
    if (shared === 0) continue;
    // All of the query's words found in the name is a strong match ("efficiency" -> "Rep Efficiency Gain").
    const coverage = shared / qw.size;
    const precision = shared / nw.size;
    best = Math.max(best, Math.round(40 * coverage + 30 * precision + (coverage === 1 ? 10 : 0)));
  }
  return best;
}

/** Resolves a name among items; `namesOf` gives the id/key and labels of an item. */
export function matchName<T>(items: readonly T[], query: string, namesOf: (item: T) => string[]): NameMatch<T> {
  const scored = items.map((item) => ({ item, score: nameScore(query, namesOf(item)) })).filter((s) => s.score >= 40);
  if (scored.length === 0) return { kind: 'none' };
  scored.sort((a, b) => b.score - a.score);
  const top = scored[0]!;
  const ties = scored.filter((s) => s.score >= top.score - (top.score >= 90 ? 0 : 5));
  if (ties.length === 1) return { kind: 'match', item: top.item };
  return { kind: 'ambiguous', candidates: ties.map((s) => s.item) };
}
