import type { Tool } from 'ai';
import { strictInputSchema } from './strict-input-schema.ts';

/**
 * The same tools with strict-mode-ready input schemas (`strictInputSchema`): every field
 * required, optional ones nullable, no extra fields, no `$schema`. Types are unchanged: a
 * tool receives what its own schema says.
 */
export function strictTools<T extends Record<string, Tool>>(tools: T): T {
  return Object.fromEntries(Object.entries(tools).map(([name, t]) => [name, { ...t, inputSchema: strictInputSchema(t.inputSchema) }])) as T;
}
