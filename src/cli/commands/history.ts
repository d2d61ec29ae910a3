import type { Command } from 'commander';
import { measurementHistory } from '../../app/case-activity.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { formatMeasurement } from './format-store.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** `ve history <case> <scenario> <use-case> <input> [--json]`: every value ever recorded for an input, replaced and removed ones too. */
export function registerHistory(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  program
    .command('history')
    .description('every value ever recorded for a time-series input, including replaced and removed ones (with who removed them)')
    .argument('<case>', 'business case id')
    .argument('<scenario>', 'scenario id')
    .argument('<use-case>', 'use case id')
    .argument('<input>', 'input key')
    .option('--json', 'print the rows as JSON')
    .action((caseId: string, scenario: string, useCase: string, input: string, opts: { json?: boolean }) => {
      withStore(deps(), io, (ctx) => {
        const history = measurementHistory(ctx, { caseId, scenario, useCase, input });
        if (!history.ok) throw cliFailure(history.error);
        const { rows } = history.value;
        if (opts.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        else io.stdout(rows.length ? `${rows.map((r) => formatMeasurement(r, rows)).join('\n')}\n` : `no values recorded for ${input} yet\n`);
      });
    });
}
