import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from './client';

type Journal = { entries: { idx: number; tag: string }[] };

/** A copy of the migrations folder that stops before the migration tagged `tag`. */
function migrationsBefore(tag: string) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ks-migrations-'));
  cpSync(migrationsFolder, dir, { recursive: true });
  const journalFile = path.join(dir, 'meta', '_journal.json');
  const journal: Journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  const at = journal.entries.findIndex((e) => e.tag.endsWith(tag));
  if (at < 0) throw new Error(`no migration ${tag}`);
  writeFileSync(journalFile, JSON.stringify({ ...journal, entries: journal.entries.slice(0, at) }));
  return dir;
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('migrations on a database with data', () => {
  it('audit_outlives_app gives existing audit entries their owner, app id and name', async () => {
    const client = await PGlite.create('memory://');
    const db = drizzle(client);
    const before = migrationsBefore('audit_outlives_app');
    dirs.push(before);
    await migrate(db, { migrationsFolder: before });
    await client.exec(`
      insert into merchants (id, email, password_hash) values ('00000000-0000-4000-8000-000000000001', 'old@example.com', 'x');
      insert into apps (id, public_id, merchant_id, name, email, country)
        values ('00000000-0000-4000-8000-000000000002', 'app_0123456789abcdef', '00000000-0000-4000-8000-000000000001', 'Old Shop', 'o@example.com', 'IN');
      insert into audit_log (app_id, merchant_id, action) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 'npm.marked_done');
    `);
    await migrate(db, { migrationsFolder });
    await client.exec(`delete from apps`);
    const { rows } = await client.query(`select owner_id, app_id, app_public_id, app_name, action from audit_log`);
    expect(rows).toEqual([
      {
        owner_id: '00000000-0000-4000-8000-000000000001',
        app_id: null,
        app_public_id: 'app_0123456789abcdef',
        app_name: 'Old Shop',
        action: 'npm.marked_done',
      },
    ]);
    await client.close();
  });
});
