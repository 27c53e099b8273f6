'use client';

/** This tab's hand-off for an order: kept across reloads and the back button, not across tabs' sessions. */
export type Attempt = { token: string; attempts: number };

const keyOf = (orderId: string) => `kspay:checkout:${orderId}`;

export function readAttempt(orderId: string): Attempt | null {
  try {
    const value = JSON.parse(sessionStorage.getItem(keyOf(orderId)) ?? 'null') as Attempt | null;
    return value && typeof value.token === 'string' && typeof value.attempts === 'number' ? value : null;
  } catch {
    return null;
  }
}

export function startAttempt(orderId: string, attempts: number): Attempt {
  const attempt = { token: crypto.randomUUID().replaceAll('-', ''), attempts };
  sessionStorage.setItem(keyOf(orderId), JSON.stringify(attempt));
  return attempt;
}

export function clearAttempt(orderId: string) {
  sessionStorage.removeItem(keyOf(orderId));
}
