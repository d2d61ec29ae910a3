import type { Command } from 'commander';
import { findCase } from '../../app/find-case.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
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
        const found = findCase(ctx.store, caseId);
        if (!found.ok) throw cliFailure(found.error);
        const rows = ctx.store.listMeasurements({ caseId: found.value.key, scenario, useCase, input });
        if (rows.length === 0) {
          const s = found.value.document.scenarios.find((x) => x.id === scenario);
          const u = s?.useCases.find((x) => x.id === useCase);
          const i = u?.inputs.find((x) => x.key === input);
          if (!s)
            throw new CliError(`no scenario '${scenario}' in ${caseId} (scenarios: ${found.value.document.scenarios.map((x) => x.id).join(', ')})`, EXIT.usage);
          if (!u) throw new CliError(`no use case '${useCase}' in scenario '${scenario}' (use cases: ${s.useCases.map((x) => x.id).join(', ')})`, EXIT.usage);
          if (!i) throw new CliError(`no input '${input}' in use case '${useCase}' (inputs: ${u.inputs.map((x) => x.key).join(', ')})`, EXIT.usage);
        }
        if (opts.json) io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        else io.stdout(rows.length ? `${rows.map((r) => formatMeasurement(r, rows)).join('\n')}\n` : `no values recorded for ${input} yet\n`);
      });
    });
}
