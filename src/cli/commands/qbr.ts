import { writeFileSync } from 'node:fs';
import type { LanguageModel } from 'ai';
import type { Command } from 'commander';
import { isMonth } from '../../engine/index.ts';
import { configuredQbrModel } from '../../agent/qbr-writer-model.ts';
import { qbrDraft, type QbrDraftOutcome } from '../../app/qbr-draft.ts';
import { qbrFileName } from '../../app/qbr-file-name.ts';
import { renderQbrDeck } from '../../app/render-qbr-deck.ts';
import type { QbrDraftRecord } from '../../app/store.ts';
import { monthOf } from '../../proposals/proposal-context.ts';
import { parseQbrAudience } from '../../qbr/qbr-audience.ts';
import { resolveQuarter } from '../../qbr/resolve-quarter.ts';
import { cliFailure } from '../cli-failure.ts';
import { CliError, EXIT, type CliIo } from '../cli-io.ts';
import { currentUser, defaultStoreDeps, withStoreAsync, type StoreCommandDeps } from './store-command.ts';

/** What `ve qbr` needs besides the store: the writer of new drafts. */
export interface QbrCommandDeps extends StoreCommandDeps {
  /** A language model, or null for the offline template writer. Default: as configured by the environment. */
  model: () => LanguageModel | null;
}

/** The real thing: the store at `VE_DB`, the system clock, the model the environment configures. */
export function defaultQbrDeps(): QbrCommandDeps {
  return { ...defaultStoreDeps(), model: () => configuredQbrModel() };
}

function write(path: string, data: string | Buffer): void {
  try {
    writeFileSync(path, data);
  } catch (e) {
    throw new CliError(`cannot write --out ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`, EXIT.usage);
  }
}

function status(d: QbrDraftRecord, outcome: Pick<QbrDraftOutcome, 'created' | 'stale' | 'attempts'>): string {
  const head = `QBR draft v${d.version} for ${d.caseId}, ${d.quarter}, ${d.audience} (${outcome.created ? `new, written by ${d.writer}${outcome.attempts > 1 ? ' on the second attempt' : ''}` : `saved ${d.createdAt} by ${d.createdBy}`})`;
  const grounding = d.grounded
    ? "every number matches the engine's facts"
    : `⚠ ${d.unverified.length} unverified number${d.unverified.length === 1 ? '' : 's'} (marked in the text): ${d.unverified.join(', ')}`;
  const stale = outcome.stale ? '\nve: note: the figures changed since this draft was written; run with --new to redraft it' : '';
  return `ve: ${head}; ${grounding}${stale}\n`;
}

/**
 * `ve qbr <case> [--quarter 2026-Q1] [--audience finance] [--format md|pptx] [--out FILE] [--new]`:
 * prints (or writes) the latest QBR draft for the quarter and audience, drafting and saving a
 * new version when there is none or with `--new`. The Markdown goes to stdout (or the file);
 * the draft's version and grounding go to stderr. A deck is always written to a file.
 */
export function registerQbr(program: Command, io: CliIo, deps: () => QbrCommandDeps = defaultQbrDeps): void {
  program
    .command('qbr')
    .description(
      'print or write the QBR draft of a business case for a quarter and audience (drafts and saves a new version when there is none, or with --new)',
    )
    .argument('<case>', 'business case id')
    .option('--quarter <quarter>', 'YYYY-Qn, "Q1 2026" or "last quarter" (default: the last completed quarter)')
    .option('--audience <audience>', 'executive-sponsor, finance or champion', 'executive-sponsor')
    .option('--format <format>', 'md or pptx (default: pptx when --out ends in .pptx, else md)')
    .option('--out <file>', 'write to this file instead of stdout (a deck defaults to <case>-<quarter>-<audience>-v<n>.pptx)')
    .option('--new', 'draft and save a new version even when one exists')
    .option('--hide-estimate', "leave the business case's estimate off the deck's chart (realized and projected only)")
    .option('--draft <version>', 'show this saved version instead of the latest')
    .option('--as-of <month>', 'YYYY-MM the figures are as of (default: this month; a past quarter is reported to its end)')
    .option('--by <name>', 'who asks, recorded on a new draft (default: the current user)')
    .action(
      async (
        caseId: string,
        opts: {
          quarter?: string;
          audience: string;
          format?: string;
          out?: string;
          new?: boolean;
          hideEstimate?: boolean;
          draft?: string;
          asOf?: string;
          by?: string;
        },
      ) => {
        const d = deps();
        const quarter = resolveQuarter(opts.quarter, monthOf(d.now()));
        if (!quarter.ok) throw cliFailure(quarter.error);
        const audience = parseQbrAudience(opts.audience);
        if (!audience) throw new CliError(`--audience '${opts.audience}' is not one of executive-sponsor, finance, champion`, EXIT.usage);
        const format = opts.format ?? (opts.out?.toLowerCase().endsWith('.pptx') ? 'pptx' : 'md');
        if (format !== 'md' && format !== 'pptx') throw new CliError(`--format '${format}' is not md or pptx`, EXIT.usage);
        if (opts.hideEstimate && format !== 'pptx') throw new CliError('--hide-estimate is about the deck: use it with --format pptx', EXIT.usage);
        if (opts.asOf !== undefined && !isMonth(opts.asOf)) throw new CliError(`--as-of '${opts.asOf}' is not a month YYYY-MM`, EXIT.usage);
        const version = opts.draft === undefined ? undefined : Number(opts.draft);
        if (version !== undefined && !(Number.isInteger(version) && version >= 1))
          throw new CliError(`--draft '${opts.draft}' is not a version number`, EXIT.usage);
        if (version !== undefined && opts.new) throw new CliError('--draft shows a saved version; it cannot be combined with --new', EXIT.usage);

        await withStoreAsync(d, io, async (ctx) => {
          const r = await qbrDraft(ctx, {
            caseId,
            quarter: quarter.value,
            audience,
            ...(version !== undefined ? { version } : {}),
            ...(opts.asOf ? { asOf: opts.asOf } : {}),
            fresh: opts.new === true,
            // A saved version needs no writer: the model is only set up to draft.
            model: version === undefined ? d.model() : null,
            requestedBy: opts.by ?? currentUser(),
          });
          if (!r.ok) throw cliFailure(r.error);
          const { record, outcome } = r.value;
          const draft = outcome.draft;
          io.stderr(status({ ...draft, caseId: record.id }, outcome));
          if (format === 'md') {
            if (opts.out) write(opts.out, draft.markdown);
            else io.stdout(draft.markdown.endsWith('\n') ? draft.markdown : `${draft.markdown}\n`);
            return;
          }
          const deck = await renderQbrDeck(record, draft, { showEstimate: opts.hideEstimate !== true });
          const path = opts.out ?? qbrFileName(record, draft, 'pptx');
          write(path, deck);
          io.stdout(`wrote ${path}\n`);
        });
      },
    );
}
