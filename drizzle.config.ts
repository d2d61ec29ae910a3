import { defineConfig } from 'drizzle-kit';

/**
 * drizzle-kit configuration: `npm run db:generate` turns `db/schema.ts` into SQL migrations in
 * `db/migrations/` (committed; applied by `db/client.ts` at start-up).
 */
export default defineConfig({
  dialect: 'sqlite',
  schema: './db/schema.ts',
  out: './db/migrations',
});
