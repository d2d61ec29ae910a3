import type { webApi } from '@slack/bolt';
import type { CaseRecord } from '../app/store.ts';
import type { Summary } from '../engine/index.ts';
import { renderBenefitChart } from '../chart/benefit-chart.ts';
import { estimateName, summaryHeadline } from './summary-headline.ts';

/** Where a summary chart goes. */
export interface SummaryChartPost {
  client: webApi.WebClient;
  channel: string;
  /** The thread to post in; omitted for a new message in the channel. */
  threadTs?: string;
  record: CaseRecord;
  summary: Summary;
  /** Text before the headline numbers (e.g. who asked). */
  intro?: string;
}

/**
 * Renders the cumulative-benefit chart (PNG, in-process) and uploads it with
 * `files.uploadV2`, the engine's headline numbers as the message beside it.
 */
export async function postSummaryChart(post: SummaryChartPost): Promise<void> {
  const { record, summary } = post;
  const doc = record.document;
  const estimate = estimateName(doc, summary);
  const chart = renderBenefitChart(summary, { title: doc.name, ...(estimate ? { estimateName: estimate } : {}) });
  const headline = summaryHeadline(doc, summary);
  const upload = {
    file: chart.png,
    filename: `${record.id}-benefit-${summary.asOf}.png`,
    title: `Cumulative benefit: ${doc.name} (as of ${summary.asOf})`,
    alt_text: `Chart of cumulative realized benefit against the estimate for ${doc.name}, as of ${summary.asOf}`,
    initial_comment: post.intro ? `${post.intro}\n${headline}` : headline,
  };
  if (post.threadTs) await post.client.files.uploadV2({ ...upload, channel_id: post.channel, thread_ts: post.threadTs });
  else await post.client.files.uploadV2({ ...upload, channel_id: post.channel });
}
