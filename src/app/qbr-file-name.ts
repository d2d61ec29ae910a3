import type { QbrDraftRecord } from '../../db/store.ts';

/**
 * The file name of a QBR draft, the same at every door: `<case>-<quarter>-<audience>-v<n>.<ext>`
 * (`delta-corp-2026-Q1-finance-v2.pptx`), anything but letters, digits, `.`, `_` and `-`
 * replaced by `_` so it is safe in a path and inside a quoted Content-Disposition filename.
 */
export function qbrFileName(draft: Pick<QbrDraftRecord, 'caseId' | 'quarter' | 'audience' | 'version'>, extension: 'md' | 'pptx'): string {
  return `${draft.caseId}-${draft.quarter}-${draft.audience}-v${draft.version}.${extension}`.replace(/[^A-Za-z0-9._-]/g, '_');
}
