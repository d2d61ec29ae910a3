import { DEFAULT_WORKSPACE } from '../proposals/default-workspace.ts';

/**
 * Who may approve or reject proposals from Slack. Both lists empty: any member of the Slack
 * workspace who can see the proposal message. Otherwise a person may decide when their user id
 * is listed, or when they click in a listed channel (e.g. a private #value-approvals channel,
 * whose members are the approvers).
 */
export interface ApproverPolicy {
  users: readonly string[];
  channels: readonly string[];
}

/**
 * Which value-engineer workspace a Slack workspace (team id) works in: `byTeam[teamId]` when
 * mapped, else `fallback`. With one bot token the app is installed in one Slack workspace, so
 * the fallback (default `default`, where the demo case is imported) is usually all there is.
 */
export interface WorkspaceMapping {
  fallback: string;
  byTeam: Readonly<Record<string, string>>;
}

/** The Slack door's configuration, as read from the environment by `slackSettingsFromEnv`. */
export interface SlackSettings {
  botToken: string;
  /** Required for HTTP mode (request signatures); unused in Socket Mode. */
  signingSecret: string | null;
  /** Set: Socket Mode (no public URL needed). */
  appToken: string | null;
  /** Web API base URL; only for pointing the app at a local fake Slack. */
  slackApiUrl: string | null;
  approvers: ApproverPolicy;
  workspaces: WorkspaceMapping;
}

/** What reading the environment found: nothing configured, settings, or a configuration mistake. */
export type SlackSettingsResult = { kind: 'off' } | { kind: 'on'; settings: SlackSettings } | { kind: 'invalid'; message: string };

const WORKSPACE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const SLACK_ID_PATTERN = /^[A-Z0-9]+$/;

const list = (value: string | undefined): string[] =>
  (value ?? '')
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The value-engineer workspace of a Slack team. */
export function workspaceForTeam(mapping: WorkspaceMapping, teamId: string | undefined): string {
  return (teamId !== undefined ? mapping.byTeam[teamId] : undefined) ?? mapping.fallback;
}

/** The policy that lets every member of the Slack workspace decide (nothing configured). */
export function defaultApprovers(): ApproverPolicy {
  return { users: [], channels: [] };
}

/**
 * Reads the Slack settings from the environment (see `docs/slack.md`):
 * `SLACK_BOT_TOKEN` (off when unset), `SLACK_SIGNING_SECRET` (HTTP mode), `SLACK_APP_TOKEN`
 * (Socket Mode), `VE_SLACK_APPROVERS` and `VE_SLACK_APPROVER_CHANNELS` (comma-separated
 * ids), `VE_SLACK_WORKSPACE` (default `default`), `VE_SLACK_WORKSPACES` (`T0123=acme,...`),
 * `SLACK_API_URL` (tests against a fake Slack only). Messages never include a secret.
 */
export function slackSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): SlackSettingsResult {
  const botToken = env.SLACK_BOT_TOKEN?.trim();
  if (!botToken) return { kind: 'off' };
  if (!botToken.startsWith('xoxb-')) return { kind: 'invalid', message: 'SLACK_BOT_TOKEN must be a bot token (it starts with xoxb-)' };
  const appToken = env.SLACK_APP_TOKEN?.trim() || null;
  if (appToken && !appToken.startsWith('xapp-')) return { kind: 'invalid', message: 'SLACK_APP_TOKEN must be an app-level token (it starts with xapp-)' };
  const signingSecret = env.SLACK_SIGNING_SECRET?.trim() || null;
  if (!appToken && !signingSecret) {
    return { kind: 'invalid', message: 'SLACK_SIGNING_SECRET is required to receive Slack events over HTTP (or set SLACK_APP_TOKEN for Socket Mode)' };
  }
  const users = list(env.VE_SLACK_APPROVERS);
  const channels = list(env.VE_SLACK_APPROVER_CHANNELS);
  const badId = [...users, ...channels].find((id) => !SLACK_ID_PATTERN.test(id));
  if (badId)
    return { kind: 'invalid', message: `'${badId}' in VE_SLACK_APPROVERS / VE_SLACK_APPROVER_CHANNELS is not a Slack id (like U012AB3CD or C012AB3CD)` };
  const fallback = env.VE_SLACK_WORKSPACE?.trim() || DEFAULT_WORKSPACE;
  if (!WORKSPACE_PATTERN.test(fallback)) return { kind: 'invalid', message: `VE_SLACK_WORKSPACE '${fallback}' must match ^[a-z0-9][a-z0-9-]*$` };
  const byTeam: Record<string, string> = {};
  for (const pair of list(env.VE_SLACK_WORKSPACES)) {
    const [team, workspace, extra] = pair.split('=');
    if (!team || !workspace || extra !== undefined || !SLACK_ID_PATTERN.test(team) || !WORKSPACE_PATTERN.test(workspace)) {
      return { kind: 'invalid', message: `VE_SLACK_WORKSPACES entry '${pair}' must look like T0123ABCD=workspace-id` };
    }
    byTeam[team] = workspace;
  }
  const slackApiUrl = env.SLACK_API_URL?.trim() || null;
  return { kind: 'on', settings: { botToken, signingSecret, appToken, slackApiUrl, approvers: { users, channels }, workspaces: { fallback, byTeam } } };
}
