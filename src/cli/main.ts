import { Command, CommanderError } from 'commander';
import { CliError, EXIT, processIo, type CliIo } from './cli-io.ts';
import { registerSummary } from './commands/summary.ts';
import { registerApply } from './commands/apply.ts';
import { registerImport } from './commands/import.ts';
import { registerExport } from './commands/export.ts';
import { registerPropose } from './commands/propose.ts';
import { registerApprove } from './commands/approve.ts';
import { registerReject } from './commands/reject.ts';
import { registerProposals } from './commands/proposals.ts';
import { registerAudit } from './commands/audit.ts';
import { registerHistory } from './commands/history.ts';
import { registerQbr } from './commands/qbr.ts';
import { registerServe } from './commands/serve.ts';
import { registerToken } from './commands/token.ts';
import { registerChat } from './commands/chat.ts';

/**
 * The `ve` command line. Each command lives in `commands/` and registers itself here; this
 * file owns the one mapping from failures to messages and exit codes.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('ve')
    .description('value-engineer: track and prove the value delivered after the deal closed')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);
  registerSummary(program, io);
  registerApply(program, io);
  registerImport(program, io);
  registerExport(program, io);
  registerPropose(program, io);
  registerApprove(program, io);
  registerReject(program, io);
  registerProposals(program, io);
  registerAudit(program, io);
  registerHistory(program, io);
  registerQbr(program, io);
  registerServe(program, io);
  registerToken(program, io);
  registerChat(program, io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return EXIT.ok;
  } catch (e) {
    if (e instanceof CliError) {
      io.stderr(`ve: ${e.message}\n`);
      return e.exitCode;
    }
    if (e instanceof CommanderError) {
      // Help and version are not failures; anything else commander rejects is a usage error.
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version' ? EXIT.ok : EXIT.usage;
    }
    throw e;
  }
}
