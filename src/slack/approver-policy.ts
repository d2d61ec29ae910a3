import type { ApproverPolicy } from './slack-settings.ts';

/** Who clicked, and where. */
export interface Decider {
  userId: string;
  channelId: string | undefined;
}

/**
 * Whether a person may approve or reject a proposal from Slack under the policy: anyone when
 * nothing is configured, else a listed user, or anyone clicking in a listed channel.
 */
export function mayDecide(policy: ApproverPolicy, who: Decider): boolean {
  if (policy.users.length === 0 && policy.channels.length === 0) return true;
  if (policy.users.includes(who.userId)) return true;
  return who.channelId !== undefined && policy.channels.includes(who.channelId);
}

/** The explanation a refused person gets (ephemeral): who can decide instead. */
export function refusalText(policy: ApproverPolicy): string {
  const who: string[] = [];
  if (policy.users.length > 0) who.push(policy.users.map((u) => `<@${u}>`).join(', '));
  if (policy.channels.length > 0) who.push(`anyone in ${policy.channels.map((c) => `<#${c}>`).join(', ')}`);
  return `Only approvers can approve or reject proposals here: ${who.join(', or ')}. Nothing was changed; ask one of them to decide.`;
}
