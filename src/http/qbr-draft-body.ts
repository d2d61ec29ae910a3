import type { z } from 'zod';
import type { QbrDraftView } from '../app/qbr-draft.ts';
import type { qbrDraftReplySchema } from './response-schemas.ts';

/** A saved QBR draft as the HTTP door answers it (the QBR routes, and the drafts of a chat turn): the draft, how it was obtained, its grounding. */
export function qbrDraftBody({ record, outcome }: QbrDraftView): z.infer<typeof qbrDraftReplySchema> {
  const d = outcome.draft;
  return {
    caseId: record.id,
    businessCase: record.name,
    quarter: d.quarter,
    audience: d.audience,
    version: d.version,
    created: outcome.created,
    stale: outcome.stale,
    grounded: d.grounded,
    unverified: d.unverified,
    missingSections: outcome.missingSections,
    asOf: d.asOf,
    caseVersion: d.caseVersion,
    writer: d.writer,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    markdown: d.markdown,
  };
}
