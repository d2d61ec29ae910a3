import type { webApi } from '@slack/bolt';
import type { CaseRecord } from '../app/store.ts';
import type { Summary } from '../engine/index.ts';
import { renderBenefitChart } from '../chart/benefit-chart.ts';
import { estimateName, summaryHeadline } from './summary-headline.ts';
import { uploadFile } from './upload-file.ts';

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
 * Renders the cumulative-benefit chart (PNG, in-process) and shares it (`uploadFile`, with
 * its alt text as `alt_txt`), the engine's headline numbers as the message beside it.
 */
export async function postSummaryChart(post: SummaryChartPost): Promise<void> {
  const { record, summary } = post;
  const doc = record.document;
  const estimate = estimateName(doc, summary);
  const chart = renderBenefitChart(summary, { title: doc.name, ...(estimate ? { estimateName: estimate } : {}) });
  const headline = summaryHeadline(doc, summary);
  await uploadFile(post.client, {
    bytes: chart.png,
    filename: `${record.id}-benefit-${summary.asOf}.png`.replace(/[^A-Za-z0-9._-]/g, '_'),
    title: `Cumulative benefit: ${doc.name} (as of ${summary.asOf})`,
    altText: `Chart of cumulative realized benefit against the estimate for ${doc.name}, as of ${summary.asOf}`,
    channel: post.channel,
    ...(post.threadTs ? { threadTs: post.threadTs } : {}),
    initialComment: post.intro ? `${post.intro}\n${headline}` : headline,
  });
}
