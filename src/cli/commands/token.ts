import type { Command } from 'commander';
import type { CliIo } from '../cli-io.ts';
import { CliError, EXIT } from '../cli-io.ts';
import { currentUser, defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

const WORKSPACE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;

/**
 * `ve token create [--workspace ID] [--name NAME]`, `ve token list`, `ve token revoke <id>`:
 * bearer tokens for the HTTP API, one workspace each. The name is the person (or
 * integration) the token is for: the HTTP door records it as the proposer in chat and as the
 * approver of proposals. `create` prints the token alone on stdout (so
 * `TOKEN=$(ve token create --name ana)` works) and the rest on stderr; the token is shown
 * this once, the database keeps only its SHA-256.
 */
export function registerToken(program: Command, io: CliIo, deps: () => StoreCommandDeps = defaultStoreDeps): void {
  const token = program.command('token').description('bearer tokens for the HTTP API (one workspace each)');
  token
    .command('create')
    .description('create a token; printed once, only its hash is stored')
    .option('--workspace <id>', 'workspace the token may see', 'default')
    .option('--name <name>', 'who the token is for: recorded as proposer and approver (default: the current user)')
    .action((opts: { workspace: string; name?: string }) => {
      const name = (opts.name ?? currentUser()).trim();
      if (!name || name.length > 100) throw new CliError('--name must be 1 to 100 characters', EXIT.usage);
      if (!WORKSPACE_PATTERN.test(opts.workspace)) throw new CliError(`--workspace '${opts.workspace}' must match ^[a-z0-9][a-z0-9-]*$`, EXIT.usage);
      const d = deps();
      withStore(d, io, (ctx) => {
        const now = d.now().toISOString();
        const created = ctx.store.transaction(() => {
          const existed = ctx.store.getWorkspace(opts.workspace) !== null;
          ctx.store.ensureWorkspace(opts.workspace, opts.workspace, now);
          return { existed, ...ctx.store.createApiToken({ workspaceId: opts.workspace, name, now }) };
        });
        if (!created.existed)
          io.stderr(`created workspace '${opts.workspace}' (it had no business cases; import some with POST /api/business-cases or ve import)\n`);
        io.stdout(`${created.token}\n`);
        io.stderr(`token '${name}' (id ${created.record.id}) for workspace '${opts.workspace}': shown this once, only its hash is stored\n`);
      });
    });
  token
    .command('list')
    .description("list a workspace's tokens (never their secrets)")
    .option('--workspace <id>', 'workspace', 'default')
    .action((opts: { workspace: string }) => {
      withStore(deps(), io, (ctx) => {
        const rows = ctx.store.listApiTokens(opts.workspace);
        io.stdout(
          rows.length
            ? `${rows.map((t) => `${t.id}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`).join('\n')}\n`
            : `no tokens in workspace '${opts.workspace}'\n`,
        );
      });
    });
  token
    .command('revoke')
    .description('revoke a token by its id (see `ve token list`)')
    .argument('<id>', 'token id')
    .action((id: string) => {
      const d = deps();
      withStore(d, io, (ctx) => {
        if (!ctx.store.revokeApiToken(id, d.now().toISOString())) throw new CliError(`no live token with id '${id}'`, EXIT.usage);
        io.stdout(`revoked token ${id}\n`);
      });
    });
}
