import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root.ts';

const cache = new Map<string, string>();

/** Reads one Markdown prompt from `prompts/` (cached: prompts do not change while running). */
export function loadPrompt(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(projectPath('prompts', `${name}.md`), 'utf8').trim();
    cache.set(name, text);
  }
  return text;
}

/**
 * The system prompt for a chat turn: `prompts/system.md` plus the turn's facts (today's
 * month, who is asking). All prompt text lives in `prompts/`; this only assembles it.
 */
export function composeSystemPrompt(facts: { currentMonth: string; actor: string }): string {
  return `${loadPrompt('system')}\n\n# This conversation\nThe current month is ${facts.currentMonth}. You are talking to ${facts.actor}.`;
}
