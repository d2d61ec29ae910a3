import { MONTH_PHRASE } from './phrases.ts';
import { callAgain, type ConversationContext, type OfflineRequest } from './request.ts';

/*
 * A follow-up to the latest answer that only says what is different, read as that call again
 * with the difference in place: after a value summary, "as of end of Q2?" (another as-of
 * month); after a measurement history, "and tickets per day?" (another input). Anything more
 * than that is a request of its own. "and last quarter?" and "what about march?" say only the
 * as-of too.
 */

const PERIOD = String.raw`(?:(?:the\s+)?end\s+of\s+)?(?:q[1-4]|h[12]|(?:last|this|previous)\s+(?:quarter|year)|(?:19|20)\d{2})(?:\s+(?:19|20)\d{2})?`;
const AS_OF = new RegExp(
  String.raw`^\s*(?:(?:and\s+|what\s+about\s+|how\s+about\s+)?(?:as\s+of|as\s+at|at\s+(?:the\s+)?end\s+of|by|through|for)|and|what\s+about|how\s+about)\s+((?:${MONTH_PHRASE})|${PERIOD})\s*[?.!]*\s*$`,
  'i',
);
const ANOTHER = /^\s*(?:and|what\s+about|how\s+about)\s+(?:the\s+|for\s+(?:the\s+)?)?([a-z#][a-z#/ .%-]{1,40}?)\s*[?.!]*\s*$/i;

/** The latest call again with the one thing the message changes, or null. */
export function parseFollowUp(text: string, ctx: ConversationContext): OfflineRequest | null {
  const last = ctx.lastCall;
  if (!last) return null;
  const input = Object.fromEntries(Object.entries(last.input).filter(([, v]) => v !== null));
  if (last.toolName === 'valueSummary') {
    const m = AS_OF.exec(text);
    if (!m) return null;
    const said = m[1]!.trim();
    // "end of Q2" and "Q2" are the period's last month, as the tool reads "end of …".
    const asOf = /^(?:the\s+)?end\s+of\b/i.test(said) || new RegExp(`^${MONTH_PHRASE}$`, 'i').test(said) ? said.replace(/^the\s+/i, '') : `end of ${said}`;
    return callAgain('valueSummary', { ...input, asOf });
  }
  if (last.toolName === 'measurementHistory') {
    const m = ANOTHER.exec(text);
    if (!m || /\d/.test(m[1]!)) return null;
    return callAgain('measurementHistory', { ...input, input: m[1]!.trim() });
  }
  return null;
}
