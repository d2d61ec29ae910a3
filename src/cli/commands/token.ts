import type { Command } from 'commander';
import { createToken, listTokens, revokeToken } from '../../app/workspace-tokens.ts';
import { cliFailure } from '../cli-failure.ts';
import type { CliIo } from '../cli-io.ts';
import { currentUser, defaultStoreDeps, withStore, type StoreCommandDeps } from './store-command.ts';

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
      withStore(deps(), io, (ctx) => {
        const created = createToken(ctx, { workspaceId: opts.workspace, name: opts.name ?? currentUser() });
        if (!created.ok) throw cliFailure(created.error);
        const { token: secret, record, workspaceCreated } = created.value;
        if (workspaceCreated)
          io.stderr(`created workspace '${opts.workspace}' (it had no business cases; import some with POST /api/business-cases or ve import)\n`);
        io.stdout(`${secret}\n`);
        io.stderr(`token '${record.name}' (id ${record.id}) for workspace '${opts.workspace}': shown this once, only its hash is stored\n`);
      });
    });
  token
    .command('list')
    .description("list a workspace's tokens (never their secrets)")
    .option('--workspace <id>', 'workspace', 'default')
    .action((opts: { workspace: string }) => {
      withStore(deps(), io, (ctx) => {
        const rows = listTokens(ctx, opts.workspace);
        if (!rows.ok) throw cliFailure(rows.error);
        io.stdout(
          rows.value.length
            ? `${rows.value.map((t) => `${t.id}  ${t.name}  created ${t.createdAt}${t.revokedAt ? `  revoked ${t.revokedAt}` : ''}`).join('\n')}\n`
            : `no tokens in workspace '${opts.workspace}'\n`,
        );
      });
    });
  token
    .command('revoke')
    .description('revoke a token by its id (see `ve token list`)')
    .argument('<id>', 'token id')
    .action((id: string) => {
      withStore(deps(), io, (ctx) => {
        const revoked = revokeToken(ctx, id);
        if (!revoked.ok) throw cliFailure(revoked.error);
        io.stdout(`revoked token ${id}\n`);
      });
    });
}
