import type { FakeSlackApi } from '../support/fake-slack-api.ts';

/**
 * Slack's documented Block Kit and message limits (docs.slack.dev, "Blocks" and
 * chat.postMessage): at most 50 blocks in a message; a section's text at most 3,000
 * characters; a context block at most 10 elements; a button's text at most 75; a header's 150;
 * a message's `text` at most 40,000 (Slack answers `msg_too_long` beyond). Above any of them
 * Slack refuses the whole call with `invalid_blocks`, which is what this check answers with.
 */
export function blockProblem(body: { text?: unknown; blocks?: unknown }): string | null {
  if (typeof body.text === 'string' && body.text.length > 40_000) return 'msg_too_long';
  const blocks = body.blocks === undefined ? [] : typeof body.blocks === 'string' ? JSON.parse(body.blocks) : body.blocks;
  if (!Array.isArray(blocks)) return 'invalid_blocks';
  if (blocks.length > 50) return 'invalid_blocks';
  for (const b of blocks as Array<Record<string, any>>) {
    if (b.type === 'section' && typeof b.text?.text === 'string' && b.text.text.length > 3000) return 'invalid_blocks';
    if (b.type === 'header' && typeof b.text?.text === 'string' && b.text.text.length > 150) return 'invalid_blocks';
    if (b.type === 'context' && (b.elements?.length ?? 0) > 10) return 'invalid_blocks';
    if (b.type === 'context' && (b.elements ?? []).some((e: any) => typeof e.text === 'string' && e.text.length > 3000)) return 'invalid_blocks';
    if (b.type === 'actions' && (b.elements ?? []).some((e: any) => typeof e.text?.text === 'string' && e.text.text.length > 75)) return 'invalid_blocks';
  }
  return null;
}

/** Makes the fake Web API refuse, as Slack does, any message or update above Slack's limits. */
export function refuseAboveSlackLimits(api: FakeSlackApi): void {
  for (const method of ['chat.postMessage', 'chat.update', 'chat.postEphemeral']) {
    // Within the limits: undefined, so the fake answers as it always does.
    api.on(method, (body) => {
      const problem = blockProblem(body);
      return problem ? { ok: false, error: problem } : undefined;
    });
  }
}
