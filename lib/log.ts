import { env } from './env';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level | 'silent', number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

function write(level: Level, entry: { event: string } & Record<string, unknown>) {
  if (order[level] < order[env.LOG_LEVEL]) return;
  const line = JSON.stringify({ level, time: new Date().toISOString(), ...entry });
  (level === 'error' || level === 'warn' ? console.error : console.log)(line);
}

/** Structured logs, one JSON object a line. Never pass a secret. */
export const log = {
  debug: (entry: { event: string } & Record<string, unknown>) => write('debug', entry),
  info: (entry: { event: string } & Record<string, unknown>) => write('info', entry),
  warn: (entry: { event: string } & Record<string, unknown>) => write('warn', entry),
  error: (entry: { event: string } & Record<string, unknown>) => write('error', entry),
};
