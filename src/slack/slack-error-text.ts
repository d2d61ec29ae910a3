import { ERROR_CATALOGUE, type ErrorCode, type SlackWording } from '../errors/index.ts';
import { escapeMrkdwn } from './slack-mrkdwn.ts';

/**
 * What the Slack door posts for a failure: the error catalogue's Slack wording for the code,
 * with the message escaped for mrkdwn (it may quote people's text). `lead` says what did not
 * happen ("Not applied"); `subject` what was looked for ("proposal `1f2e`"); `reference` ties
 * a logged failure to its log line.
 */
export function slackErrorText(code: ErrorCode, wording: Omit<SlackWording, 'reference'> & { reference?: string }): string {
  return ERROR_CATALOGUE[code].slack({ ...wording, message: escapeMrkdwn(wording.message), reference: wording.reference ?? '' });
}
