/** `ve token create|list|revoke` through `main` on a file database (`VE_DB` in a temp dir). */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/open-store.ts';
import { openDatabase } from '../../db/client.ts';
import { hashApiToken } from '../../db/sqlite-store.ts';
import { runVe } from '../support/run-ve.ts';
import { tempDir } from '../support/test-store.ts';

const tmp = tempDir('ve-token-');
afterAll(tmp.cleanup);
let n = 0;
const freshDb = () => join(tmp.dir, `db${n++}`, 've.db');

describe('ve token', () => {
  it('create prints the token alone on stdout; only its hash is stored; it names the person', async () => {
    const db = freshDb();
    const r = await runVe(db, ['token', 'create', '--name', 'ana']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^ve_[A-Za-z0-9_-]{40,}\n$/);
    const token = r.out.trim();
    expect(r.err).toMatch(/^token 'ana' \(id \S+\) for workspace 'default': shown this once, only its hash is stored\n$/);
    const store = openStore({ path: db });
    expect(store.findApiToken(token)).toMatchObject({ workspaceId: 'default', name: 'ana', revokedAt: null });
    const raw = store.listApiTokens('default');
    expect(JSON.stringify(raw)).not.toContain(token);
    store.close();
    const handle = openDatabase({ path: db });
    const hashes = handle.sqlite.prepare('select token_hash from api_tokens').pluck().all();
    handle.close();
    expect(hashes).toEqual([hashApiToken(token)]);
  });

  it('a new workspace is created (and said so); list shows no secrets; revoke ends a token', async () => {
    const db = freshDb();
    const r = await runVe(db, ['token', 'create', '--workspace', 'acme', '--name', 'olga']);
    expect(r.err).toContain("created workspace 'acme'");
    const token = r.out.trim();
    const list = await runVe(db, ['token', 'list', '--workspace', 'acme']);
    expect(list.out).toMatch(/^\S+ {2}olga {2}created \S+\n$/);
    expect(list.out).not.toContain(token);
    const id = list.out.split(' ')[0]!;
    expect(await runVe(db, ['token', 'revoke', id])).toEqual({ code: 0, out: `revoked token ${id}\n`, err: '' });
    expect((await runVe(db, ['token', 'revoke', id])).code).toBe(2);
    const store = openStore({ path: db });
    expect(store.findApiToken(token)).toBeNull();
    store.close();
  });

  it('refuses a bad workspace id or an empty name', async () => {
    const db = freshDb();
    expect(await runVe(db, ['token', 'create', '--workspace', 'Not OK'])).toMatchObject({ code: 2, err: expect.stringContaining('must match') });
    expect(await runVe(db, ['token', 'create', '--name', '  '])).toMatchObject({
      code: 2,
      err: expect.stringContaining("the token's name must be 1 to 100 characters"),
    });
  });
});
