// Module resolution hooks (registered by log-imports.mjs): logs each resolved URL, one a line.
import { appendFileSync } from 'node:fs';

const log = process.env.VE_IMPORT_LOG;

export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (log) appendFileSync(log, `${resolved.url}\n`);
  return resolved;
}
