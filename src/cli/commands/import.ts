import type { Command } from 'commander';
import { importCase } from '../../proposals/index.ts';
import type { CliIo } from '../cli-io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { currentUser, defaultStoreDeps, proposalFailure, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve import <document.json> [--workspace ID] [--by NAME]`: stores a new business case at version 1. */
export function registerImport(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('import')
    .description('store a business-case document as a new case in the database (VE_DB); later changes go through proposals')
    .argument('<document>', 'business-case document (JSON)')
    .option('--workspace <id>', 'workspace to put it in', 'default')
    .option('--by <name>', 'who imports it (default: the current user)')
    .action((path: string, opts: { workspace: string; by?: string }) => {
      const document = readJsonFile(path, 'document');
      withStore(deps(), io, (ctx) => {
        const result = importCase(ctx, { document, workspaceId: opts.workspace, importedBy: opts.by ?? currentUser() });
        if (!result.ok) throw proposalFailure(result.error);
        const c = result.value;
        io.stdout(`imported ${c.id} (${c.name}) into workspace ${c.workspaceId} at version ${c.version}\n`);
      });
    });
}
