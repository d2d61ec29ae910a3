/**
 * The ratchet's baseline (`evals/phrasings/baseline.json`): the ids of the cases on which
 * the offline model made a wrong proposal when the suite was first scored. Shrunk by hand
 * as the agent improves, never grown (see `conclude-phrasings.ts`).
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** Where the committed baseline is. */
export const PHRASING_BASELINE = new URL('./baseline.json', import.meta.url);

const baselineSchema = z.strictObject({
  /** Why the file exists and how to change it. */
  about: z.string().min(1),
  /** The model the baseline was recorded with (the ratchet applies to that model only). */
  model: z.literal('offline'),
  /** Case ids, sorted, each once. */
  wrong: z.array(z.string().min(1)),
});

/**
 * Reads and checks the baseline: every id must be a case of the suite, listed once, in
 * sorted order (so a diff shows exactly what was removed). Throws naming the file and entry.
 */
export async function loadPhrasingBaseline(url: URL, caseIds: ReadonlySet<string>, label = 'evals/phrasings/baseline.json'): Promise<string[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(url, 'utf8'));
  } catch (e) {
    throw new Error(`${label}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not JSON (${(e as Error).message})`}`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${label}: ${issue.path.join('.') || '(file)'}: ${issue.message}`);
  }
  const ids = parsed.data.wrong;
  ids.forEach((id, i) => {
    if (!caseIds.has(id)) throw new Error(`${label}: wrong[${i}]: no case '${id}' (remove it from the baseline)`);
    if (i > 0 && ids[i - 1]! >= id)
      throw new Error(`${label}: wrong[${i}]: '${id}' is ${ids[i - 1] === id ? 'listed twice' : 'out of order (keep the ids sorted)'}`);
  });
  return ids;
}
