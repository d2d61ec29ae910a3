import type { CaseRecord, QbrDraftRecord } from '../../db/store.ts';

/**
 * The file name of a QBR draft, the same at every door: `<case>-<quarter>-<audience>-v<n>.<ext>`
 * (`delta-corp-2026-Q1-finance-v2.pptx`), named by the business case's id (`CaseRecord.id`; a
 * draft's own `caseId` is the storage key, which differs for an id two workspaces share). Derived safely whatever the id holds (ids are checked on
 * import, but a case stored before that check may hold anything): every character but
 * letters, digits, `.`, `_` and `-` becomes `_` (so no `/`, `\`, CR/LF, NUL or invisible
 * characters), a leading `.` or `-` becomes `_` (no hidden file, no option-like name), and the
 * case part is cut to 128 characters. Safe in a path and inside a quoted Content-Disposition
 * filename.
 */
export function qbrFileName(record: Pick<CaseRecord, 'id'>, draft: Pick<QbrDraftRecord, 'quarter' | 'audience' | 'version'>, extension: 'md' | 'pptx'): string {
  const safe = (s: string) => s.replace(/[^A-Za-z0-9._-]/g, '_');
  const stem = safe(record.id).slice(0, 128).replace(/^[.-]/, '_');
  return `${stem}-${safe(draft.quarter)}-${safe(draft.audience)}-v${draft.version}.${extension}`;
}
