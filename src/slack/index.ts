/**
 * The Slack door: a Bolt app on the same agent and proposal workflow as the other doors
 * (`docs/slack.md`). `ve serve` calls `slackSettingsFromEnv` then `startSlack`, and in HTTP
 * mode mounts the handler with `mountSlack`.
 */
export { createSlackApp } from './create-slack-app.ts';
export type { SlackApp, SlackAppOptions } from './create-slack-app.ts';
export { startSlack } from './start-slack.ts';
export type { RunningSlack, StartSlackOptions } from './start-slack.ts';
export { mountSlack, SLACK_EVENTS_PATH } from './mount-slack.ts';
export { slackSettingsFromEnv, workspaceForTeam } from './slack-settings.ts';
export type { ApproverPolicy, SlackSettings, SlackSettingsResult, WorkspaceMapping } from './slack-settings.ts';
export { WebReceiver } from './web-receiver.ts';
export { slackLogger } from './slack-logger.ts';
export { verifySlackSignature, signSlackRequest } from './verify-slack-signature.ts';
export { APPROVE_ACTION, REJECT_ACTION } from './proposal-blocks.ts';
export { REJECT_MODAL } from './proposal-actions.ts';
export { renderBenefitChart, benefitChartSvg, CHART_WIDTH, CHART_HEIGHT } from '../chart/benefit-chart.ts';
export type { SlackState } from './start-slack.ts';
