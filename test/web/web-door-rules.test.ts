/**
 * The web door calls the application layer and never the store itself: the layer test
 * (test/architecture) checks its imports; this checks its code never calls a store method
 * (it may only hand the store to an app function, as `findCase(ctx.store, ...)`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const DIR = new URL('../../src/web/', import.meta.url);

describe('the web door', () => {
  it('calls no store method directly', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThan(5);
    const calls = files.flatMap((f) =>
      readFileSync(new URL(f, DIR), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bstore\.[A-Za-z]+\s*\(/.test(line) ? [`src/web/${f}:${i + 1}: ${line.trim()}`] : [])),
    );
    expect(calls).toEqual([]);
  });
});
