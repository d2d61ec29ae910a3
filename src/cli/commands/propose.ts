import type { Command } from 'commander';
import { proposeChange } from '../../app/propose-change.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { readJsonFile } from '../read-json-file.ts';
import { formatProposal } from './format-store.ts';
import { currentUser, defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve propose <case> <operations.json> [--by NAME] [--json]`: stores a proposal and prints its id and preview. */
export function registerPropose(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('propose')
    .description('propose operations on a business case: the engine previews them, nothing changes until someone approves')
    .argument('<case>', 'business case id')
    .argument('<operations>', 'JSON file: an operation, or an array of operations applied together')
    .option('--by <name>', 'who proposes it (default: the current user)')
    .option('--json', 'print the stored proposal as JSON')
    .action((caseId: string, opsPath: string, opts: { by?: string; json?: boolean }) => {
      const raw = readJsonFile(opsPath, 'operations file');
      const operations = Array.isArray(raw) ? raw : typeof raw === 'object' && raw !== null ? [raw] : null;
      if (!operations) throw new CliError(`operations file ${opsPath} must hold an operation or a JSON array of operations`, EXIT.usage);
      withStore(deps(), io, (ctx) => {
        const result = proposeChange(ctx, { caseId, operations, proposedBy: opts.by ?? currentUser(), channel: 'cli' });
        if (!result.ok) throw cliFailure(result.error);
        const p = result.value.proposal;
        if (opts.json) io.stdout(`${JSON.stringify(p, null, 2)}\n`);
        else io.stdout(`${formatProposal(p)}\napprove with: ve approve ${p.id} --by NAME\n`);
      });
    });
}
