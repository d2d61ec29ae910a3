/**
 * The scripted model of the tool-layer suite, independent of how it is reached: for the
 * person's latest message, the case gives the replies of each model call of that turn, in
 * order (the last one repeats: a model that keeps calling the same tool). A reply is tool
 * calls or text; text may quote the turn's latest tool result: `{{error}}`, `{{candidates}}`
 * (joined with "; "), `{{proposalId}}`, `{{warnings}}` (a proposal's plausibility warnings, joined with " ").
 */

/** One scripted model reply. */
export type ScriptedReply = { toolCalls: Array<{ name: string; arguments: Record<string, unknown> }> } | { content: string };

/** A conversation as both model paths see it: the messages after the system prompt, reduced to what the script needs. */
export type SeenMessage = { role: 'user'; text: string } | { role: 'assistant' } | { role: 'tool'; outputs: unknown[] };

/** Where in the turn a request is: the person's latest message, the model calls already made, the latest tool outputs. */
export interface TurnPosition {
  user: string;
  /** Model calls already answered in this turn (0 for the first). */
  call: number;
  /** The outputs of the latest tool message of this turn (empty before any). */
  outputs: unknown[];
}

/** Reads where a request is in its turn. */
export function turnPosition(messages: readonly SeenMessage[]): TurnPosition {
  let last = -1;
  messages.forEach((m, i) => {
    if (m.role === 'user') last = i;
  });
  const since = messages.slice(last + 1);
  const tools = since.filter((m): m is Extract<SeenMessage, { role: 'tool' }> => m.role === 'tool');
  const user = last >= 0 ? (messages[last] as Extract<SeenMessage, { role: 'user' }>).text : '';
  return { user, call: since.filter((m) => m.role === 'assistant').length, outputs: tools.length ? tools[tools.length - 1]!.outputs : [] };
}

function fill(text: string, outputs: readonly unknown[]): string {
  const last = [...outputs].reverse().find((o) => typeof o === 'object' && o !== null) as Record<string, unknown> | undefined;
  const candidates = Array.isArray(last?.['candidates']) ? (last!['candidates'] as unknown[]).map(String).join('; ') : '';
  return text
    .replaceAll('{{error}}', typeof last?.['error'] === 'string' ? last['error'] : '')
    .replaceAll('{{candidates}}', candidates)
    .replaceAll('{{proposalId}}', typeof last?.['proposalId'] === 'string' ? last['proposalId'] : '')
    .replaceAll('{{warnings}}', Array.isArray(last?.['warnings']) ? (last!['warnings'] as unknown[]).map(String).join(' ') : '');
}

/** The reply to a request, from the case's script (turn by the person's message); a message the script lacks is an error naming it. */
export function scriptedReply(script: Readonly<Record<string, readonly ScriptedReply[]>>, messages: readonly SeenMessage[]): ScriptedReply {
  const at = turnPosition(messages);
  const replies = script[at.user];
  if (!replies || replies.length === 0) throw new Error(`the script has no replies for the message '${at.user}'`);
  const reply = replies[Math.min(at.call, replies.length - 1)]!;
  return 'content' in reply ? { content: fill(reply.content, at.outputs) } : reply;
}
