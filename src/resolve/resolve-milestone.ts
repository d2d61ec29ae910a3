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

/**
 * Resolves a milestone of a scenario by id or name ("go-live", "the All Teams Onboarded
 * milestone"): the same name or id first (case and surrounding spaces aside, as the engine
 * compares milestone names), then the same words, then the best word overlap, unless another
 * milestone shares a word's stem with the name ("onboarding" fits two). Ambiguous or
 * unknown: an error with the candidates, so the agent asks instead of guessing.
 */
export function resolveMilestone(scenario: Scenario, name: string): Resolved<Milestone> {
  const milestones = scenario.milestones ?? [];
  if (milestones.length === 0) return unresolved(`scenario '${scenario.name}' has no milestones yet`);
  const query = name
    .trim()
    .replace(/\s+milestone$/i, '')
    .replace(/^(?:the|a|an|our)\s+/i, '');
  const m = matchName(milestones, query, (x) => [x.id, x.name]);
  if (m.kind === 'match') {
    // A fuzzy match is not enough when another milestone shares a word's stem with the name
    // ("onboarding": "All Entities Onboarded" and "Vendor Onboarding Complete"): ask.
    const same = nameScore(query, [m.item.id, m.item.name]) >= 90;
    const alike = same ? [] : milestones.filter((x) => sharesStem(query, x.name));
    if (alike.length > 1) return unresolved(`'${name}' could be several milestones`, alike.map(describeMilestone));
    return { ok: true, value: m.item };
  }
  if (m.kind === 'ambiguous') return unresolved(`'${name}' could be several milestones`, m.candidates.map(describeMilestone));
  return unresolved(`no milestone called '${name}' in scenario '${scenario.name}'`, milestones.map(describeMilestone));
}

/**
 * The milestone of a scenario that has the same name as `name` (as the engine compares
 * them: without case and surrounding spaces), else one whose name has exactly the same
 * words ("All-Teams Onboarded" for "All Teams Onboarded"); undefined when there is none.
 * Adding a milestone by that name would add a twin: the existing one is meant.
 */
export function sameNamedMilestone(scenario: Scenario, name: string): Milestone | undefined {
  const milestones = scenario.milestones ?? [];
  const exact = milestones.find((m) => m.name.trim().toLowerCase() === name.trim().toLowerCase());
  if (exact) return exact;
  const words = (t: string): string =>
    t
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
  const same = milestones.filter((m) => words(m.name) === words(name));
  return same.length === 1 ? same[0] : undefined;
}
