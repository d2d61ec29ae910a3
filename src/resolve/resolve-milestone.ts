import type { Milestone, Scenario } from '../engine/index.ts';
import { matchName, nameScore, words } from './match-name.ts';
import { unresolved, type Resolved } from './resolution.ts';

/** How a milestone is shown among candidates: name, id and its months. */
export function describeMilestone(m: Milestone): string {
  const when = [m.targetMonth ? `target ${m.targetMonth}` : '', m.achievedMonth ? `achieved ${m.achievedMonth}` : ''].filter(Boolean).join(', ');
  return `${m.name} (${m.id}${when ? `, ${when}` : ''})`;
}

/** A word's stem for comparing milestone names: "onboarding", "onboarded" and "onboard" are one. */
function stem(word: string): string {
  return word.replace(/(?:ings?|ed|es|s)$/, '');
}

/** Whether a name and a milestone's name share a word's stem (of at least four letters). */
function sharesStem(query: string, milestoneName: string): boolean {
  const mine = new Set(
    words(milestoneName)
      .map(stem)
      .filter((w) => w.length >= 4),
  );
  return words(query).some((w) => mine.has(stem(w)));
}

/** The milestone a name finds: one, several that fit as well (the candidates), or none. */
type MilestoneFit = { kind: 'match'; item: Milestone } | { kind: 'ambiguous'; candidates: Milestone[] } | { kind: 'none' };

/**
 * How a name fits a scenario's milestones: the same name or id first (case and surrounding
 * spaces aside, as the engine compares milestone names), then the same words, then the best
 * word overlap, unless another milestone shares a word's stem with the name ("onboarding"
 * fits two).
 */
function fitMilestone(milestones: readonly Milestone[], name: string): MilestoneFit {
  const query = name
    .trim()
    .replace(/\s+milestone$/i, '')
    .replace(/^(?:the|a|an|our)\s+/i, '');
  const m = matchName(milestones, query, (x) => [x.id, x.name]);
  if (m.kind !== 'match') return m;
  // A fuzzy match is not enough when another milestone shares a word's stem with the name
  // ("onboarding": "All Entities Onboarded" and "Vendor Onboarding Complete"): ask.
  const same = nameScore(query, [m.item.id, m.item.name]) >= 90;
  const alike = same ? [] : milestones.filter((x) => sharesStem(query, x.name));
  return alike.length > 1 ? { kind: 'ambiguous', candidates: alike } : m;
}

/**
 * Resolves a milestone of a scenario by id or name ("go-live", "the All Teams Onboarded
 * milestone") as `fitMilestone` finds it. Ambiguous or unknown: an error with the
 * candidates, so the agent asks instead of guessing.
 */
export function resolveMilestone(scenario: Scenario, name: string): Resolved<Milestone> {
  const milestones = scenario.milestones ?? [];
  if (milestones.length === 0) return unresolved(`scenario '${scenario.name}' has no milestones yet`);
  const m = fitMilestone(milestones, name);
  if (m.kind === 'match') return { ok: true, value: m.item };
  if (m.kind === 'ambiguous') return unresolved(`'${name}' could be several milestones`, m.candidates.map(describeMilestone));
  return unresolved(`no milestone called '${name}' in scenario '${scenario.name}'`, milestones.map(describeMilestone));
}

/**
 * The existing milestones a new milestone's name fits, as `resolveMilestone` would find them
 * by that name ("Macros live" fits "Automation Macros Live"), when the name has no word of its
 * own: each of its words is a word of one of them (the same word or stem, or one the resolver
 * takes for it). Adding a milestone by such a name would add a twin. Empty when it fits none,
 * or when it says something they don't ("Portal Relaunch Phase 2": "phase", "2"): a new one.
 */
export function milestonesLike(scenario: Scenario, name: string): Milestone[] {
  const m = fitMilestone(scenario.milestones ?? [], name);
  const fits = m.kind === 'match' ? [m.item] : m.kind === 'ambiguous' ? m.candidates : [];
  const theirs = (w: string): boolean => fits.some((x) => nameScore(w, [x.id, x.name]) > 0 || words(x.name).some((o) => stem(o) === stem(w)));
  return words(name).every(theirs) ? fits : [];
}

/**
 * The milestone of a scenario that has the same name as `name` (as the engine compares
 * them: without case and surrounding spaces), else the one whose id it is ("macros-live",
 * as a candidate picked from a question names it), else one whose name has exactly the same
 * words ("All-Teams Onboarded" for "All Teams Onboarded"); undefined when there is none.
 * Adding a milestone by that name would add a twin: the existing one is meant.
 */
export function sameNamedMilestone(scenario: Scenario, name: string): Milestone | undefined {
  const milestones = scenario.milestones ?? [];
  const said = name.trim().toLowerCase();
  const exact = milestones.find((m) => m.name.trim().toLowerCase() === said) ?? milestones.find((m) => m.id.toLowerCase() === said);
  if (exact) return exact;
  const words = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const same = milestones.filter((m) => words(m.name) === words(name));
  return same.length === 1 ? same[0] : undefined;
}
