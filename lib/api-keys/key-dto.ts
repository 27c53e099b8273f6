import type { ApiKeyRow } from '@/db/queries/api-keys';
import type { ApiKeyDto, IssuedSecretKeyDto } from './contract';

const iso = (date: Date | null) => date?.toISOString() ?? null;

export function toApiKeyDto(row: ApiKeyRow): ApiKeyDto {
  return {
    id: row.id,
    kind: row.kind,
    mode: row.mode,
    displayPrefix: row.displayPrefix,
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    revokedAt: iso(row.revokedAt),
    expiresAt: iso(row.expiresAt),
  };
}

export function toIssuedSecretKeyDto(row: ApiKeyRow, token: string): IssuedSecretKeyDto {
  return { ...toApiKeyDto(row), kind: 'secret', token };
}
