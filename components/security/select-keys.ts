import type { ApiKeyDto, ApiKeyMode } from '@/lib/api-keys/contract';

const RECENT_INACTIVE_SHOWN = 5;

export const isUsable = (key: ApiKeyDto) => key.status === 'active' || key.status === 'expiring';

/** What the Security step shows, from the app's keys (newest first) and the verified mode. */
export function selectKeys(keys: ApiKeyDto[], mode: ApiKeyMode | null) {
  const publicKey = keys.find((k) => k.kind === 'public' && isUsable(k) && (mode === null || k.mode === mode));
  const secrets = keys.filter((k) => k.kind === 'secret');
  const working = secrets.filter(isUsable);
  const past = secrets.filter((k) => !isUsable(k));
  return {
    publicKey,
    secretKeys: [...working, ...past.slice(0, RECENT_INACTIVE_SHOWN)],
    olderCount: Math.max(0, past.length - RECENT_INACTIVE_SHOWN),
    hasUsableInMode: mode !== null && keys.some((k) => k.mode === mode && isUsable(k)),
  };
}
