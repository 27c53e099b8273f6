/**
 * The Transactions page's keyset cursor: a position (an order's created_at in microseconds since
 * the epoch, and its id) and a direction. Opaque to the browser (base64url), checked for shape
 * before any query: a malformed one names nothing. Client-safe.
 */
export type CursorDirection = 'next' | 'prev';
export type Position = { createdAtMicros: string; id: string };
export type Cursor = Position & { direction: CursorDirection };

const DECODED = /^([np])(0|[1-9]\d{0,15})\.(ord_[0-9A-Za-z]{16})$/;
const ENCODED = /^[A-Za-z0-9_-]{1,64}$/;

export function encodeCursor(cursor: Cursor): string {
  const text = `${cursor.direction === 'next' ? 'n' : 'p'}${cursor.createdAtMicros}.${cursor.id}`;
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function decodeCursor(value: string): Cursor | null {
  if (!ENCODED.test(value)) return null;
  let text: string;
  try {
    text = atob(value.replace(/-/g, '+').replace(/_/g, '/'));
  } catch {
    return null;
  }
  const match = DECODED.exec(text);
  if (!match) return null;
  return { direction: match[1] === 'n' ? 'next' : 'prev', createdAtMicros: match[2]!, id: match[3]! };
}
