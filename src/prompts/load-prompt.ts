import { readFileSync } from 'node:fs';
import { projectPath } from '../project-root.ts';

const cache = new Map<string, string>();

/**
 * Reads one Markdown prompt from `prompts/` (cached: prompts do not change while running).
 * The one loader for every prompt: the agent's system prompt and the QBR writer's template,
 * so neither `src/agent` nor `src/qbr` reaches into the other for it.
 */
export function loadPrompt(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(projectPath('prompts', `${name}.md`), 'utf8').trim();
    cache.set(name, text);
  }
  return text;
}
