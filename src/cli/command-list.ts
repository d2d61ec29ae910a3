import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';

/** Adds one command, with its options and action, to the `ve` program. */
export type RegisterCommand = (program: Command, io: CliIo) => void;

/** A `ve` command as the top-level help lists it, and how to load it. */
export interface CommandEntry {
  name: string;
  /** What the top-level help shows after the name, e.g. `[options] <document>`. */
  usage: string;
  description: string;
  /** Imports the command's module (only when that command runs) and returns its `register`. */
  load: () => Promise<RegisterCommand>;
}

/**
 * Every `ve` command, in help order. Each module is imported only when its command runs, so
 * `ve summary` loads the engine and not the HTTP server, Slack, the ai SDK or the slide
 * renderer. The usage and description repeat what the module declares so `ve --help` can list
 * them all without loading any (test/cli/command-list.test.ts holds the two the same).
 */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'summary',
    usage: '[options] <document>',
    description: 'print the value summary of a business-case document',
    load: async () => (await import('./commands/summary.ts')).registerSummary,
  },
  {
    name: 'apply',
    usage: '[options] <document> <operations>',
    description: 'apply a JSON array of operations to a document and print the result (nothing is written if one is refused)',
    load: async () => (await import('./commands/apply.ts')).registerApply,
  },
  {
    name: 'import',
    usage: '[options] <document>',
    description: 'store a business-case document as a new case in the database (VE_DB); later changes go through proposals',
    load: async () => (await import('./commands/import.ts')).registerImport,
  },
  {
    name: 'export',
    usage: '<case>',
    description: "print a business case's current document as JSON",
    load: async () => (await import('./commands/export.ts')).registerExport,
  },
  {
    name: 'propose',
    usage: '[options] <case> <operations>',
    description: 'propose operations on a business case: the engine previews them, nothing changes until someone approves',
    load: async () => (await import('./commands/propose.ts')).registerPropose,
  },
  {
    name: 'approve',
    usage: '[options] <id>',
    description: 'approve a proposal and apply it to its business case (approving twice applies once)',
    load: async () => (await import('./commands/approve.ts')).registerApprove,
  },
  {
    name: 'reject',
    usage: '[options] <id>',
    description: 'reject a pending proposal (nothing is applied)',
    load: async () => (await import('./commands/reject.ts')).registerReject,
  },
  {
    name: 'proposals',
    usage: '[options]',
    description: 'list pending proposals (old ones are expired first)',
    load: async () => (await import('./commands/proposals.ts')).registerProposals,
  },
  {
    name: 'audit',
    usage: '[options] <case>',
    description: "a business case's audit log: every applied operation, who proposed and approved it, figures before and after",
    load: async () => (await import('./commands/audit.ts')).registerAudit,
  },
  {
    name: 'history',
    usage: '[options] <case> <scenario> <use-case> <input>',
    description: 'every value ever recorded for a time-series input, including replaced and removed ones (with who removed them)',
    load: async () => (await import('./commands/history.ts')).registerHistory,
  },
  {
    name: 'measurements',
    usage: '',
    description: 'measurements in bulk: import a CSV file of them as one proposal',
    load: async () => (await import('./commands/measurements.ts')).registerMeasurements,
  },
  {
    name: 'qbr',
    usage: '[options] <case>',
    description:
      'print or write the QBR draft of a business case for a quarter and audience (drafts and saves a new version when there is none, or with --new)',
    // `ve qbr check DRAFT.md --case ID --quarter Q` is a subcommand of `ve qbr`, in its own module.
    load: async () => {
      const [{ registerQbr }, { registerQbrCheck }] = await Promise.all([import('./commands/qbr.ts'), import('./commands/qbr-check.ts')]);
      return (program, io) => {
        registerQbr(program, io);
        registerQbrCheck(program, io);
      };
    },
  },
  {
    name: 'serve',
    usage: '[options]',
    description: 'serve the HTTP API and the chat endpoint (PORT, HOST, VE_DB, OPENAI_* from the environment)',
    load: async () => (await import('./commands/serve.ts')).registerServe,
  },
  {
    name: 'token',
    usage: '',
    description: 'bearer tokens for the HTTP API (one workspace each)',
    load: async () => (await import('./commands/token.ts')).registerToken,
  },
  {
    name: 'chat',
    usage: '[options]',
    description: 'chat with the value engineer in the terminal (stdin lines; approve N / reject N to decide proposals)',
    load: async () => (await import('./commands/chat.ts')).registerChat,
  },
];
