import type { CaseRecord, QbrDraftRecord } from '../../db/store.ts';
import { renderQbrChart } from '../qbr/qbr-chart.ts';
import { renderQbrPptx } from '../qbr/render-qbr-pptx.ts';

/**
 * The slide deck of a saved QBR draft, the same at every door (the HTTP `format=pptx`, the
 * Slack upload, `ve qbr --format pptx`): the narrative, the chart of cumulative realized vs
 * estimated benefit (drawn from the case's document as of the draft's facts) and the
 * outcomes table, as PPTX bytes.
 */
export async function renderQbrDeck(record: CaseRecord, draft: QbrDraftRecord): Promise<Buffer> {
  const chart = renderQbrChart(record.document, draft.facts);
  return renderQbrPptx({ facts: draft.facts, markdown: draft.markdown, audience: draft.audience, version: draft.version, grounded: draft.grounded, chart });
}
