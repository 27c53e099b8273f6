import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';

export function loadStateFile(file: string): Record<string, unknown> | null {
  if (!existsSync(file)) return null;
  try {
    const data: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof data === 'object' && data !== null && !Array.isArray(data)) return data as Record<string, unknown>;
  } catch {
    // reported below
  }
  // Refuse to start rather than overwrite a file someone may want to inspect.
  throw new Error(`sandbox state file ${file} is not a JSON object; move it away to start fresh`);
}

/** Debounced, atomic (write to a temp file, then rename) and serialised writes of a snapshot. */
export class StateWriter {
  private timer: NodeJS.Timeout | null = null;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly file: string,
    private readonly snapshot: () => unknown,
    private readonly debounceMs = 50,
  ) {}

  schedule(): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.write();
    }, this.debounceMs);
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      await this.write();
    }
    await this.chain;
  }

  private write(): Promise<void> {
    const text = JSON.stringify(this.snapshot());
    const tmp = `${this.file}.${process.pid}.tmp`;
    this.chain = this.chain
      .then(async () => {
        await mkdir(path.dirname(path.resolve(this.file)), { recursive: true });
        await writeFile(tmp, text, 'utf8');
        await rename(tmp, this.file);
      })
      .catch((error: unknown) => {
        console.error(`sandbox: could not save state: ${(error as Error).message}`);
      });
    return this.chain;
  }
}
