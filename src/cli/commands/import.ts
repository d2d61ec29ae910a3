import type { Command } from 'commander';
import { importCase } from '../../proposals/import-case.ts';
import { replaceCase } from '../../proposals/replace-case.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { currentUser, defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/**
 * `ve import <document.json> [--workspace ID] [--by NAME] [--replace]`: stores a new business
 * case at version 1; with `--replace`, repairs the stored case of the same id whose document
 * the engine no longer accepts (see `replaceCase`).
 */
export function registerImport(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('import')
    .description('store a business-case document as a new case in the database (VE_DB); later changes go through proposals')
    .argument('<document>', 'business-case document (JSON)')
    .option('--workspace <id>', 'workspace to put it in', 'default')
    .option('--by <name>', 'who imports it (default: the current user)')
    .option('--replace', 'replace the stored case of the same id, only if its stored document is no longer valid (a repair)')
    .action((path: string, opts: { workspace: string; by?: string; replace?: boolean }) => {
      const document = readJsonFile(path, 'document');
      withStore(deps(), io, (ctx) => {
        if (opts.replace) {
          const replaced = replaceCase(ctx, { document, workspaceId: opts.workspace, replacedBy: opts.by ?? currentUser() });
          if (!replaced.ok) throw cliFailure(replaced.error);
          const c = replaced.value.record;
          io.stdout(
            `replaced ${c.id} (${c.name}) in workspace ${c.workspaceId}: now version ${c.version}; the stored document was refused: ${replaced.value.repaired}\n`,
          );
          return;
        }
        const result = importCase(ctx, { document, workspaceId: opts.workspace, importedBy: opts.by ?? currentUser() });
        if (!result.ok) throw cliFailure(result.error);
        const c = result.value;
        io.stdout(`imported ${c.id} (${c.name}) into workspace ${c.workspaceId} at version ${c.version}\n`);
      });
    });
}
