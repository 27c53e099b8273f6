import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The `npm pack` of sdk/, as a merchant gets it. */
    tarball: string;
  }
}

// Global setup: one `npm pack` for every test file. It rebuilds dist/, so two at once would race.
export default async function packOnce(project: TestProject) {
  const dir = await mkdtemp(path.join(tmpdir(), 'kspay-pack-'));
  const { stdout } = await promisify(execFile)('npm', ['pack', '--json', '--pack-destination', dir], { cwd: path.resolve(import.meta.dirname, '..') });
  project.provide('tarball', path.join(dir, JSON.parse(stdout)[0].filename));
  return () => rm(dir, { recursive: true, force: true });
}
