import { parseDocument, type BusinessCase } from '../engine/index.ts';
import { CliError, EXIT } from './cli-io.ts';
import { readJsonFile } from './read-json-file.ts';

/** Reads a business-case document file; an invalid document exits 2 with the JSON path of the first problem. */
export function loadDocument(path: string): BusinessCase {
  const parsed = parseDocument(readJsonFile(path, 'document'));
  if (!parsed.ok) throw new CliError(`invalid document ${path}: ${parsed.error.message}`, EXIT.usage);
  return parsed.value;
}
