import { readFileSync } from 'node:fs';
import { CliError, EXIT } from './cli-io.ts';

/**
 * Reads and parses a JSON file; a missing file or bad JSON is a usage error (exit 2) naming
 * the file. A leading byte-order mark (what some Windows editors and Excel exports write) is
 * skipped: `readFileSync(..., 'utf8')` keeps it and `JSON.parse` refuses it (issue 14).
 */
export function readJsonFile(path: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new CliError(`cannot read ${what} ${path}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`, EXIT.usage);
  }
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as unknown;
  } catch (e) {
    throw new CliError(`${what} ${path} is not valid JSON: ${(e as Error).message}`, EXIT.usage);
  }
}
