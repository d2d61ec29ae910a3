import { Command, CommanderError, Help } from 'commander';
import { describeError, ERROR_CATALOGUE, errorReference } from '../errors/index.ts';
import { CliError, EXIT, processIo, type CliIo } from './cli-io.ts';
import { COMMANDS, type CommandEntry } from './command-list.ts';

/**
 * The command `argv` runs (`ve help <command>` counts as that command), or undefined when it
 * names none (`ve`, `ve --help`, `ve --help summary`, a mistyped name): then all are listed.
 */
function requestedCommand(argv: readonly string[]): CommandEntry | undefined {
  const first = argv.findIndex((a) => !a.startsWith('-'));
  // Options before the command are the program's own, and its only one is help.
  if (first < 0 || argv.slice(0, first).some((a) => a === '-h' || a === '--help')) return undefined;
  const words = argv.slice(first).filter((a) => !a.startsWith('-'));
  const name = words[0] === 'help' ? words[1] : words[0];
  return COMMANDS.find((c) => c.name === name);
}

/**
 * The `ve` command line. Each command lives in `commands/` and is loaded only when it runs
 * (`command-list.ts`); otherwise each is listed by name, usage and description. This file
 * owns the one mapping from failures to messages and exit codes.
 */
export async function main(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command('ve')
    .description('value-engineer: track and prove the value delivered after the deal closed')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .showHelpAfterError(false);
  const requested = requestedCommand(argv);
  if (requested) {
    (await requested.load())(program, io);
  } else {
    for (const c of COMMANDS) program.command(c.name).description(c.description);
    const usage = new Map(COMMANDS.map((c) => [c.name, c.usage]));
    program.configureHelp({
      subcommandTerm(cmd) {
        const listed = usage.get(cmd.name());
        return listed === undefined ? Help.prototype.subcommandTerm.call(this, cmd) : `${cmd.name()} ${listed}`.trimEnd();
      },
    });
  }
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
    // Unexpected (a failing or locked database, a bug): the one error path of every door. The
    // details are logged with a reference (standard error is the CLI's log), then the
    // catalogue's wording with that reference; the exit code is the catalogue's.
    // Loaded only here: it knows the ai SDK's errors, and `ve --help` must not load the SDK.
    const { unexpectedCode } = await import('../app/unexpected-code.ts');
    const code = unexpectedCode(e);
    const reference = errorReference();
    io.stderr(`ve: failed (reference ${reference}): ${describeError(e, secretsOf(process.env))}\n`);
    io.stderr(`ve: ${ERROR_CATALOGUE[code].hidden!(reference)}\n`);
    return ERROR_CATALOGUE[code].exit;
  }
}

/** The secrets a log line must never show (the ones `ve serve` and `ve chat` redact). */
function secretsOf(env: NodeJS.ProcessEnv): string[] {
  return [env.OPENAI_API_KEY, env.SLACK_BOT_TOKEN, env.SLACK_SIGNING_SECRET, env.SLACK_APP_TOKEN].map((s) => s?.trim()).filter((s): s is string => Boolean(s));
}
