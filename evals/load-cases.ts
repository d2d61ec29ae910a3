import { readdir, readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * Loads and validates every `*.json` case of a directory, sorted by file name. Throws on the
 * first malformed file, naming it (as `label/file`) and the problem, or a file not named
 * `<id>.json` (which also keeps ids unique). Shared by every suite whose cases are data.
 */
export async function loadCases<S extends z.ZodType<{ id: string }>>(dir: URL, schema: S, label: string): Promise<Array<z.infer<S>>> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const cases: Array<z.infer<S>> = [];
  for (const file of files) {
    const text = await readFile(new URL(file, dir), 'utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (e) {
      throw new Error(`${label}/${file}: not JSON (${(e as Error).message})`);
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${label}/${file}: ${issue.path.join('.') || '(case)'}: ${issue.message}`);
    }
    if (`${parsed.data.id}.json` !== file) throw new Error(`${label}/${file}: id '${parsed.data.id}' does not match the file name`);
    cases.push(parsed.data);
  }
  return cases;
}
