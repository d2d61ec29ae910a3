import type { CaseRecord } from '../../db/store.ts';
import { succeed, type Outcome } from '../errors/outcome.ts';
import { factsForQuarter } from '../qbr/get-or-draft-qbr.ts';

/**
 * Whether the engine can report on a case's quarter as of a month (some month of it realized,
 * a realization scenario to report from): the check `qbrDraft` makes before drafting, for a
 * door that must answer at once (Slack acknowledges within 3 seconds) before it drafts.
 */
export function checkQbrQuarter(record: CaseRecord, quarter: string, asOf: string): Outcome<null> {
  const facts = factsForQuarter(record.document, quarter, asOf);
  return facts.ok ? succeed(null) : facts;
}
