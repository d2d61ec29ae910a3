// Preloaded into a `ve` process with `node --import`: every module URL the process resolves
// through `import` is appended to the file named by VE_IMPORT_LOG (hooks in log-imports-hooks.mjs).
import { register } from 'node:module';

register('./log-imports-hooks.mjs', import.meta.url);
