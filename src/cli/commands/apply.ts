import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { applyOperations } from '../../engine/index.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { loadDocument } from '../load-document.ts';
import { readJsonFile } from '../read-json-file.ts';

/** `ve apply <document.json> <operations.json>`: applies operations in order, all or nothing. */
export function registerApply(program: Command, io: CliIo): void {
  program
    .command('apply')
    .description('apply a JSON array of operations to a document and print the result (nothing is written if one is refused)')
    .argument('<document>', 'business-case document (JSON)')
    .argument('<operations>', 'JSON array of operations')
    .option('--out <file>', 'write the resulting document to this file instead of stdout')
    .action((docPath: string, opsPath: string, opts: { out?: string }) => {
      const doc = loadDocument(docPath);
      const ops = readJsonFile(opsPath, 'operations file');
      if (!Array.isArray(ops)) throw new CliError(`operations file ${opsPath} must hold a JSON array of operations`, EXIT.usage);
      const result = applyOperations(doc, ops, { asOf: io.currentMonth() });
      // The command line contract: any operation the engine does not apply is a refusal (exit 1), malformed ones too.
      if (!result.ok) {
        const where = result.error.path ? ` at ${result.error.path}` : '';
        throw cliFailure({ code: 'refused', message: `operation ${result.index} (${describe(ops[result.index])}) refused${where}: ${result.error.message}` });
      }
      const text = `${JSON.stringify(result.document, null, 2)}\n`;
      if (!opts.out) return io.stdout(text);
      try {
        writeFileSync(opts.out, text);
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code ?? String(e);
        throw new CliError(`cannot write --out ${opts.out}: ${code}`, EXIT.usage);
      }
    });
}

function describe(op: unknown): string {
  const name = typeof op === 'object' && op !== null ? (op as { op?: unknown }).op : undefined;
  return typeof name === 'string' ? name : 'not an operation';
}
