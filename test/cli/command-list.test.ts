/**
 * `ve` loads only the command that runs (src/cli/command-list.ts); the top-level help lists
 * every command from the list without loading them, and must read exactly as if every command
 * module had been loaded and registered.
 */
import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/command-list.ts';
import { main } from '../../src/cli/main.ts';
import { captureIo } from '../support/capture-io.ts';

/** The "Commands:" section of a help text. */
const commandsSection = (help: string): string => help.slice(help.indexOf('\nCommands:\n'));

describe('ve --help without loading the commands', () => {
  it('lists every command with the usage and description its module declares', async () => {
    const eager = new Command('ve');
    const { io } = captureIo();
    for (const c of COMMANDS) (await c.load())(eager, io);
    expect(eager.commands.map((c) => c.name())).toEqual(COMMANDS.map((c) => c.name));

    const lazy = captureIo();
    expect(await main(['--help'], lazy.io)).toBe(0);
    expect(lazy.out()).toMatch(/^Usage: ve \[options\] \[command\]\n/);
    expect(commandsSection(lazy.out())).toBe(commandsSection(eager.helpInformation()));
    expect(lazy.out()).toContain('\n  summary [options] <document>  ');
    expect(lazy.out()).toContain('\n  token  ');
    expect(lazy.out()).toContain('\n  help [command]  ');
  });

  it("ve help <command> and <command> --help show that command's own help", async () => {
    for (const argv of [
      ['help', 'summary'],
      ['summary', '--help'],
    ]) {
      const { io, out } = captureIo();
      expect(await main(argv, io)).toBe(0);
      expect(out()).toMatch(/^Usage: ve summary \[options\] <document>\n/);
      expect(out()).toContain('--as-of <month>');
    }
  });

  it("a help flag before a command name is the program's: every command is listed", async () => {
    const { io, out } = captureIo();
    expect(await main(['--help', 'summary'], io)).toBe(0);
    expect(out()).toMatch(/^Usage: ve \[options\] \[command\]\n/);
    expect(out()).toContain('\n  chat [options]  ');
  });

  it('an unknown command is a usage error that names it and suggests the nearest', async () => {
    const { io, err } = captureIo();
    expect(await main(['summry', 'x.json'], io)).toBe(2);
    expect(err()).toBe("error: unknown command 'summry'\n(Did you mean summary?)\n");
  });
});
