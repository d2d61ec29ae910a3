import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The project's root directory: the nearest directory above this module that holds a
 * `package.json`. The same from the TypeScript sources (`src/`) and from the built bundle
 * (`dist/` and `dist/chunks/`, where esbuild has merged this module into a chunk), so files
 * read at run time (`db/migrations`, `prompts`, `examples`) are found from both.
 */
export function projectRoot(): string {
  if (root !== undefined) return root;
  const start = dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) {
      root = dir;
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}: cannot find the project's files (prompts, migrations, examples)`);
  }
}

/** A path inside the project: `projectPath('prompts', 'system.md')`. */
export function projectPath(...segments: string[]): string {
  return join(projectRoot(), ...segments);
}
