import type { App, webApi } from '@slack/bolt';
import { caseNamedIn, proposeMeasurementsFromCsv, type BadRow } from '../app/import-measurements.ts';
import { unexpectedCode } from '../app/unexpected-code.ts';
import { describeError, errorReference } from '../errors/index.ts';
import { postProposal, type SlackTurn, slackThreadKey, stripMention } from './converse.ts';
import { proposalContext, type SlackDeps } from './slack-deps.ts';
import { slackErrorText } from './slack-error-text.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';
import { workspaceForTeam } from './slack-settings.ts';

/** A file as Slack's events carry it (`files[]` of a message or `app_mention`) and `files.info` answers it. */
export interface SlackFile {
  id: string;
  name?: string;
  filetype?: string;
  mimetype?: string;
  size?: number;
  url_private?: string;
  url_private_download?: string;
  /** `check_file_info`: the event carries only the id; `files.info` has the rest. */
  file_access?: string;
}

/** The largest file read (the HTTP door's body limit too): 1 MiB, some 25,000 rows. */
export const MAX_CSV_BYTES = 1024 * 1024;

/** How long a download may take before it is given up. */
const DOWNLOAD_TIMEOUT_MS = 20_000;

/** The most bad rows listed in one reply; the rest are counted. */
const MAX_LISTED_ROWS = 40;

/** Whether a file is a CSV file (by Slack's type, its MIME type or its name). */
function isCsv(f: SlackFile): boolean {
  return f.filetype === 'csv' || f.mimetype === 'text/csv' || /\.csv$/i.test(f.name ?? '');
}

/**
 * The CSV files among an event's `files` (by type, MIME type or name), and those the event
 * names by id only (`file_access: check_file_info`), whose type `files.info` tells.
 */
export function csvFilesOf(files: unknown): SlackFile[] {
  if (!Array.isArray(files)) return [];
  return files.filter(
    (f): f is SlackFile =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as SlackFile).id === 'string' &&
      (isCsv(f as SlackFile) || (f as SlackFile).file_access === 'check_file_info'),
  );
}

/** Origins the bot token may be sent to for a download: Slack's file host, and the Web API's own (the local fake in tests). */
function allowedOrigins(client: webApi.WebClient): Set<string> {
  const origins = new Set(['https://files.slack.com']);
  try {
    origins.add(new URL(client.slackApiUrl).origin);
  } catch {
    // no API URL: Slack's file host only
  }
  return origins;
}

/** Why a download failed, for the person (no token, no internals). */
class DownloadError extends Error {}

/**
 * Downloads a shared file with the bot token (scope `files:read`): its `url_private_download`
 * from the event, or from `files.info` when the event has only the id (`file_access:
 * check_file_info`). The token is sent only to Slack's file host (or the Web API's origin);
 * a file over `MAX_CSV_BYTES`, a failed download, or a web page instead of the file (what
 * Slack answers without the scope) is a `DownloadError`.
 */
export async function downloadSlackFile(client: webApi.WebClient, shared: SlackFile): Promise<{ name: string; bytes: Uint8Array }> {
  let file = shared;
  if (file.file_access === 'check_file_info' || (!file.url_private_download && !file.url_private)) {
    const info = await client.files.info({ file: shared.id });
    if (!info.ok || !info.file) throw new DownloadError(`Slack did not give me the file (${info.error ?? 'no file'})`);
    file = info.file as SlackFile;
    if (!isCsv(file)) throw new DownloadError(`${file.name ?? file.id} is not a CSV file`);
  }
  const name = file.name ?? shared.name ?? file.id;
  if (file.size !== undefined && file.size > MAX_CSV_BYTES) throw new DownloadError(`${name} is larger than ${MAX_CSV_BYTES / 1024} KiB; split it`);
  const url = file.url_private_download ?? file.url_private;
  if (!url) throw new DownloadError('Slack gave no download address for the file');
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    throw new DownloadError('Slack gave a download address I cannot read');
  }
  if (!allowedOrigins(client).has(origin)) throw new DownloadError(`the file is not on Slack's file host (${origin})`);
  let res: Response;
  try {
    res = await fetch(url, { headers: { authorization: `Bearer ${client.token ?? ''}` }, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
  } catch (e) {
    throw new DownloadError(
      `the download failed (${e instanceof Error && e.name === 'TimeoutError' ? `no answer within ${DOWNLOAD_TIMEOUT_MS / 1000} s` : 'no connection'})`,
    );
  }
  if (!res.ok) throw new DownloadError(`the download failed (HTTP ${res.status})`);
  if ((res.headers.get('content-type') ?? '').includes('text/html')) {
    throw new DownloadError('Slack answered with a web page instead of the file: the app needs the files:read scope');
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if (bytes.length > MAX_CSV_BYTES) throw new DownloadError(`${name} is larger than ${MAX_CSV_BYTES / 1024} KiB; split it`);
  return { name, bytes };
}

/** The bad rows of a refused file as a thread reply: each row's line, column and reason (and candidates). */
export function badRowsText(fileName: string, rows: readonly BadRow[]): string {
  const lines = rows.slice(0, MAX_LISTED_ROWS).map((r) => {
    const where = r.line === 0 ? 'the file' : `line ${r.line}${r.column !== undefined ? ` (${r.column})` : ''}`;
    const also = r.candidates?.length ? ` (did you mean: ${r.candidates.join('; ')}?)` : '';
    return `• ${escapeMrkdwn(`${where}: ${r.reason}${also}`)}`;
  });
  if (rows.length > MAX_LISTED_ROWS) lines.push(`…and ${rows.length - MAX_LISTED_ROWS} more`);
  const count = `${rows.length} bad row${rows.length === 1 ? '' : 's'}`;
  return [
    `Nothing proposed from *${escapeMrkdwn(fileName)}*: it has ${count}. Fix ${rows.length === 1 ? 'it' : 'them'} and share the file again.`,
    ...lines,
  ].join('\n');
}

/** A message with files shared with the bot: where it was, who shared it, what it said (it may name the business case). */
export interface CsvShare extends Omit<SlackTurn, 'setStatus'> {
  files: readonly SlackFile[];
}

/**
 * Proposes the measurements of each CSV file shared with the bot, answering in the thread:
 * the proposal as a message with Approve / Reject (`proposalMessage`), a note that the same
 * file is already pending there (no twin), every bad row with its line and reason (nothing
 * proposed), or why the file could not be read or matched to a case. The case is the one the
 * message names (`caseNamedIn`), else the workspace's only case. Unexpected failures are
 * logged with a reference; the person gets the catalogue's wording.
 */
export async function importSharedCsv(deps: SlackDeps, share: CsvShare): Promise<void> {
  const { client, channel, threadTs } = share;
  const say = (text: string) => client.chat.postMessage({ channel, thread_ts: threadTs, text });
  const ctx = proposalContext(deps);
  for (const file of share.files) {
    let name = file.name ?? file.id;
    try {
      const workspaceId = workspaceForTeam(deps.workspaces, share.teamId);
      const found = caseNamedIn(ctx, workspaceId, share.text);
      if (!found.ok) {
        const options = found.error.candidates?.length ? ` Say which when you share it again: ${found.error.candidates.join('; ')}.` : '';
        await say(escapeMrkdwn(`Nothing proposed from ${name}: ${found.error.message}${options}`));
        continue;
      }
      let bytes: Uint8Array;
      try {
        ({ name, bytes } = await downloadSlackFile(client, file));
      } catch (e) {
        if (!(e instanceof DownloadError)) throw e;
        await say(escapeMrkdwn(`I could not read ${name}: ${e.message}. Nothing was proposed.`));
        continue;
      }
      const actor = await deps.names.actor(client, share.userId);
      const result = proposeMeasurementsFromCsv(ctx, {
        workspaceId,
        caseId: found.value.id,
        csv: bytes,
        actor,
        source: name,
        channel: 'slack',
        thread: slackThreadKey(share.teamId, channel, threadTs),
      });
      if (!result.ok) {
        const error = result.error;
        if ('rows' in error) await say(badRowsText(name, error.rows));
        else await say(slackErrorText(error.code, { message: escapeMrkdwn(error.message), lead: `Nothing proposed from ${escapeMrkdwn(name)}` }));
        continue;
      }
      const view = result.value;
      if (view.existing) {
        await say(
          `The measurements of *${escapeMrkdwn(name)}* are already pending in this thread as proposal \`${view.proposalId}\`: approve or reject it there. Nothing new was proposed.`,
        );
        continue;
      }
      await postProposal(deps, client, { channel, threadTs }, view);
    } catch (e) {
      const reference = errorReference();
      deps.logger.error(`slack: a shared CSV file failed (reference ${reference}): ${describeError(e)}`);
      await say(slackErrorText(unexpectedCode(e), { message: '', lead: '', reference })).catch((e2: unknown) =>
        deps.logger.error(`slack: could not post the error reply (reference ${reference}): ${describeError(e2)}`),
      );
    }
  }
}

/**
 * Files shared with the bot in a direct message: Slack's `message` event with `subtype:
 * file_share` and `files` (scope `im:history`). In channels the bot is mentioned with the file,
 * and the `app_mention` handler hands the files here (`importSharedCsv`). Slack's
 * `file_shared` event is not used: it names no thread to answer in, and the message event
 * that comes with it does.
 */
export function registerCsvShare(app: App, deps: SlackDeps): void {
  app.message(async ({ message, client, context }) => {
    if (message.subtype !== 'file_share' || message.channel_type !== 'im') return;
    const m = message as { user?: string; bot_id?: string; files?: unknown; text?: string; ts: string; thread_ts?: string; channel: string };
    if (!m.user || m.bot_id) return;
    const files = csvFilesOf(m.files);
    if (files.length === 0) return;
    await importSharedCsv(deps, {
      client,
      teamId: context.teamId,
      channel: m.channel,
      threadTs: m.thread_ts ?? m.ts,
      userId: m.user,
      text: stripMention(m.text ?? '', context.botUserId),
      files,
    });
  });
}
