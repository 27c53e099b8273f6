// `create <admin-url>` prints the URL of a new empty database; `drop <url>` drops it.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';

const [command, url] = process.argv.slice(2);
const target = new URL(url);
const admin = new URL(url);
admin.pathname = '/postgres';
const sql = postgres(admin.toString(), { max: 1, onnotice: () => {} });
try {
  if (command === 'create') {
    const name = `ks_e2e_${randomBytes(6).toString('hex')}`;
    await sql.unsafe(`create database ${name}`);
    target.pathname = `/${name}`;
    console.log(target.toString());
  } else if (command === 'drop') {
    await sql.unsafe(`drop database if exists ${target.pathname.slice(1)} with (force)`);
  } else {
    throw new Error('usage: pg-database.mjs create|drop <url>');
  }
} finally {
  await sql.end();
}
