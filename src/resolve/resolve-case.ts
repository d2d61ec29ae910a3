import type { CaseRecord, Store } from '../../db/store.ts';
import { matchName } from './match-name.ts';
import { unresolved, type Resolved } from './resolution.ts';

/**
 * Finds the business case a person named among a workspace's cases: its id exactly, else the
 * best match on id, name or customer; nothing named means the workspace's only case. An
 * ambiguous or unknown name comes back with the candidates to offer ("Delta Corp (delta-corp)").
 * The one case resolution: the agent's tools and the doors (through `src/app`) both use it,
 * and it only ever looks at the given workspace.
 */
export function resolveCase(store: Pick<Store, 'listCases' | 'getCase'>, workspaceId: string, name: string | undefined): Resolved<CaseRecord> {
  const cases = store.listCases(workspaceId);
  const show = cases.map((c) => `${c.name} (${c.id})`);
  if (cases.length === 0) return unresolved('there are no business cases in this workspace yet');
  let key: string | undefined;
  if (name === undefined || name.trim() === '') {
    if (cases.length !== 1) return unresolved('which business case?', show);
    key = cases[0]!.key;
  } else {
    const exact = cases.find((c) => c.id === name.trim());
    const m = exact ? ({ kind: 'match', item: exact } as const) : matchName(cases, name, (c) => [c.id, c.name, c.customer]);
    if (m.kind === 'ambiguous')
      return unresolved(
        `'${name}' could be several business cases`,
        m.candidates.map((c) => `${c.name} (${c.id})`),
      );
    if (m.kind === 'none') return unresolved(`no business case called '${name}'`, show);
    key = m.item.key;
  }
  const record = store.getCase(key);
  return record ? { ok: true, value: record } : unresolved(`business case '${name ?? ''}' disappeared`);
}
