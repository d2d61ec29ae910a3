import { loadPrompt } from '../prompts/load-prompt.ts';

/**
 * The system prompt for a chat turn: `prompts/system.md` plus the turn's facts (today's
 * month, who is asking). All prompt text lives in `prompts/`; this only assembles it.
 */
export function composeSystemPrompt(facts: { currentMonth: string; actor: string }): string {
  return `${loadPrompt('system')}\n\n# This conversation\nThe current month is ${facts.currentMonth}. You are talking to ${facts.actor}.`;
}
