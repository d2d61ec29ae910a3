/**
 * The business data a phrasing case runs on: a data set of `evals/phrasings/datasets/`, named by
 * its file name without `.json`. A data set is one of
 *
 * - `{ "description", "clock", "example": "delta-corp.json" }`: a document of `examples/`;
 * - `{ "description", "clock", "document": { … } }`: a document written out in the file;
 * - `{ "description", "clock"?, "base": "<data set>", "operations": [ … ] }`: another data
 *   set with operations an admin proposed and approved before the conversation (the
 *   clock defaults to the base's).
 *
 * Every data set is checked when it loads: the document must be one the engine accepts and
 * the operations must apply, so a case never fails for a reason that is not the agent's.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { applyOperations, parseDocument, type BusinessCase } from '../../src/engine/index.ts';

/** The directory of the data sets. */
export const PHRASING_DATA_DIR = new URL('./datasets/', import.meta.url);
const EXAMPLES_DIR = new URL('../../examples/', import.meta.url);

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');
const nameField = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'must be a data set name (kebab-case, no .json)');

const dataFileSchema = z.union([
  z.strictObject({ description: z.string().min(1), clock: month, example: z.string().regex(/^[a-z0-9-]+\.json$/, 'must be a file name of examples/') }),
  z.strictObject({ description: z.string().min(1), clock: month, document: z.record(z.string(), z.unknown()) }),
  z.strictObject({ description: z.string().min(1), clock: month.optional(), base: nameField, operations: z.array(z.record(z.string(), z.unknown())).min(1) }),
]);

/** A data set, resolved: the document to import, the setup to approve first, the clock month. */
export interface PhrasingData {
  name: string;
  description: string;
  /** The month the clock is fixed in unless a case says otherwise. */
  clock: string;
  document: BusinessCase;
  /** Operations approved by an admin before the conversation, in order (bases first). */
  setup: Array<Record<string, unknown>>;
  /** The document after the setup (what the conversation starts from). */
  startingPoint: BusinessCase;
}

const where = (name: string): string => `evals/phrasings/datasets/${name}.json`;

async function readJson(url: URL, label: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(url, 'utf8');
  } catch {
    throw new Error(`${label}: no such file`);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(`${label}: not JSON (${(e as Error).message})`);
  }
}

/**
 * Loads data sets by name, each once (a cache per loader). Throws naming the data file and
 * the problem: a missing file, a field that does not fit, a base that loops, a document the
 * engine refuses, an operation that does not apply.
 */
export function createPhrasingDataLoader(dir: URL = PHRASING_DATA_DIR): (name: string) => Promise<PhrasingData> {
  const cache = new Map<string, Promise<PhrasingData>>();
  const load = (name: string, chain: readonly string[]): Promise<PhrasingData> => {
    if (chain.includes(name)) return Promise.reject(new Error(`${where(chain[0]!)}: base data sets loop (${[...chain, name].join(' -> ')})`));
    const cached = cache.get(name);
    if (cached) return cached;
    const promise = (async (): Promise<PhrasingData> => {
      const label = where(name);
      const parsed = dataFileSchema.safeParse(await readJson(new URL(`${name}.json`, dir), label));
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(`${label}: ${issue.path.join('.') || '(data set)'}: ${issue.message}`);
      }
      const file = parsed.data;
      if ('base' in file) {
        const base = await load(file.base, [...chain, name]);
        const clock = file.clock ?? base.clock;
        const applied = applyOperations(base.startingPoint, file.operations, { asOf: clock });
        if (!applied.ok) throw new Error(`${label}: operations[${applied.index}] does not apply to '${file.base}': ${applied.error.message}`);
        return {
          name,
          description: file.description,
          clock,
          document: base.document,
          setup: [...base.setup, ...file.operations],
          startingPoint: applied.document,
        };
      }
      const raw = 'example' in file ? await readJson(new URL(file.example, EXAMPLES_DIR), `examples/${file.example}`) : file.document;
      const doc = parseDocument(raw);
      if (!doc.ok) throw new Error(`${label}: the document is not one the engine accepts: ${doc.error.message}`);
      return { name, description: file.description, clock: file.clock, document: doc.value, setup: [], startingPoint: doc.value };
    })();
    cache.set(name, promise);
    return promise;
  };
  return (name) => load(name, []);
}
