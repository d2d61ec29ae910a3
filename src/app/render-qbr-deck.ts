import type { CaseRecord, QbrDraftRecord } from '../../db/store.ts';
import { factsForQuarter } from '../qbr/get-or-draft-qbr.ts';
import { renderQbrChart } from '../qbr/qbr-chart.ts';
import { withStory } from '../qbr/qbr-story.ts';
import { renderQbrPptx, type DeckStaleness } from '../qbr/render-qbr-pptx.ts';

/** How to draw a deck. */
export interface QbrDeckOptions {
  /** Draw the estimate on the chart (default true); seed 000: it can be hidden for the customer. */
  showEstimate?: boolean;
}

/**
 * Whether a saved draft's figures are still the case's: the facts (and the story beside them,
 * when the draft was saved with one) computed again from today's document for the draft's
 * quarter and as-of month, compared with the stored ones. Null when they are the same; the
 * versions when they differ (or the case can no longer be reported on).
 */
export function deckStaleness(record: CaseRecord, draft: QbrDraftRecord): Omit<DeckStaleness, 'chartFromToday'> | null {
  if (record.version === draft.caseVersion) return null;
  const now = factsForQuarter(record.document, draft.quarter, draft.asOf);
  let same = false;
  if (now.ok) {
    const stored = draft.facts as typeof draft.facts & { story?: unknown };
    try {
      // Today's facts with their story (factsForQuarter adds it); a draft saved before stories
      // is compared on the engine's facts alone.
      const withIt = (now.value as { story?: unknown }).story === undefined ? withStory(record.document, now.value) : now.value;
      const { story: _story, ...bare } = withIt;
      same = JSON.stringify(stored.story === undefined ? bare : withIt) === JSON.stringify(stored);
    } catch {
      same = false;
    }
  }
  return same ? null : { draftCaseVersion: draft.caseVersion, currentCaseVersion: record.version };
}

/**
 * The slide deck of a saved QBR draft, the same at every door (the HTTP `format=pptx`, the
 * Slack upload, `ve qbr --format pptx`): the narrative and the tables from the draft's stored
 * facts, and the chart of cumulative benefit drawn from the case's document as of the draft's
 * as-of month. When the case is still at the draft's version, or its figures for that quarter
 * and month are unchanged, the chart is the draft's picture. When they changed, the deck is
 * marked stale on every slide and says the chart is drawn from today's figures: a deck never
 * shows old figures beside a chart redrawn from new data without saying so.
 */
export async function renderQbrDeck(record: CaseRecord, draft: QbrDraftRecord, options: QbrDeckOptions = {}): Promise<Buffer> {
  const showEstimate = options.showEstimate !== false;
  const changed = deckStaleness(record, draft);
  const chart = renderQbrChart(record.document, draft.facts, { showEstimate });
  return renderQbrPptx({
    facts: draft.facts,
    markdown: draft.markdown,
    audience: draft.audience,
    version: draft.version,
    caseVersion: draft.caseVersion,
    preparedBy: draft.createdBy,
    createdAt: draft.createdAt,
    grounded: draft.grounded,
    chart,
    estimateHidden: !showEstimate,
    stale: changed ? { ...changed, chartFromToday: chart !== null } : null,
  });
}
