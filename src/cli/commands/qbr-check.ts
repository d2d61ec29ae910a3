import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { isMonth } from '../../engine/index.ts';
import { checkQbrDraft, type ClaimProblem } from '../../app/check-qbr-draft.ts';
import { monthOf } from '../../proposals/proposal-context.ts';
import { resolveQuarter } from '../../qbr/resolve-quarter.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

/** One problem as the command prints it: `FILE:LINE:COLUMN: TEXT: claims WHAT: WHY` (the compiler's shape, so editors can jump to it). */
export function formatProblem(file: string, p: ClaimProblem): string {
  return `${file}:${p.line}:${p.column}: ${p.text}: claims ${p.claims}: ${p.problem}`;
}

function readDraft(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.usage);
  }
}

/**
 * `ve qbr check DRAFT.md --case ID --quarter Q [--as-of YYYY-MM]`: reads a QBR draft (e.g. one
 * edited by hand) back and checks every figure, date, percentage and status word against the
 * engine's facts for the case's quarter (`checkQbrDraft`). Prints each problem with its line
 * and column on stdout and a summary on stderr; exits 1 when there is a problem, 0 when there
 * is none, 2 for bad input (an unreadable file, an unknown case, a quarter with nothing to
 * report). Added under `ve qbr` (the `qbr` command must be registered first).
 */
export function registerQbrCheck(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  const qbr = program.commands.find((c) => c.name() === 'qbr');
  if (!qbr) throw new Error('registerQbrCheck: register the qbr command first');
  qbr
    .command('check')
    .description("check a QBR draft's figures, dates and status words against the engine's facts (exit 1 when there is a problem)")
    .argument('<draft>', 'the draft, a Markdown file')
    .requiredOption('--case <case>', 'business case id')
    .option('--quarter <quarter>', 'YYYY-Qn, "Q1 2026" or "last quarter" (default: the last completed quarter)')
    .option('--as-of <month>', 'YYYY-MM the figures are as of (default: this month; a past quarter is reported to its end)')
    .action((draftPath: string, _opts: unknown, command: Command) => {
      // `ve qbr` declares --quarter and --as-of too, and commander gives them to it: read both levels.
      const opts = command.optsWithGlobals<{ case: string; quarter?: string; asOf?: string }>();
      const d = deps();
      const quarter = resolveQuarter(opts.quarter, monthOf(d.now()));
      if (!quarter.ok) throw cliFailure(quarter.error);
      if (opts.asOf !== undefined && !isMonth(opts.asOf)) throw new CliError(`--as-of '${opts.asOf}' is not a month YYYY-MM`, EXIT.usage);
      const markdown = readDraft(draftPath);
      withStore(d, io, (ctx) => {
        const r = checkQbrDraft(ctx, { caseId: opts.case, quarter: quarter.value, markdown, ...(opts.asOf ? { asOf: opts.asOf } : {}) });
        if (!r.ok) throw new CliError(cliFailure(r.error).message, EXIT.usage);
        const { problems } = r.value;
        for (const p of problems) io.stdout(`${formatProblem(draftPath, p)}\n`);
        const against = `against ${r.value.caseId}, ${r.value.quarter}, as of ${r.value.asOf}`;
        if (problems.length === 0) {
          io.stderr(`ve: ${draftPath}: no problems (every figure checked ${against})\n`);
          return;
        }
        throw new CliError(`${draftPath}: ${problems.length} problem${problems.length === 1 ? '' : 's'} (checked ${against})`, EXIT.refused);
      });
    });
}
