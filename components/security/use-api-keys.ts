'use client';

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '@/lib/api/fetch-json';
import type {
  ApiKeyListResponse,
  GenerateApiKeysResponse,
  IssuedSecretKeyDto,
  Overlap,
  RevokeSecretKeyResponse,
  RollSecretKeyResponse,
} from '@/lib/api-keys/contract';

const apiKeysQueryKey = (appId: string) => ['apps', appId, 'api-keys'] as const;
const apiKeysUrl = (appId: string) => `/api/apps/${encodeURIComponent(appId)}/api-keys`;

/** Called with a newly issued secret key: the only place its value goes. */
export type OnSecretIssued = (secret: IssuedSecretKeyDto) => void;

/** `verified` is part of the key: when the test order verifies the gateway, the mode is refetched. */
export function useApiKeys(appId: string, { verified }: { verified: boolean }) {
  return useQuery({
    queryKey: [...apiKeysQueryKey(appId), { verified }],
    queryFn: () => fetchJson<ApiKeyListResponse>(apiKeysUrl(appId)),
    placeholderData: keepPreviousData,
  });
}

/**
 * Key changes refresh the list (and with it the step's status badge), whether they succeeded or
 * not: a refusal such as "keys already exist" means what is on screen is stale.
 */
function useKeyChange<Vars, Data>(appId: string, mutationFn: (vars: Vars) => Promise<Data>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    gcTime: 0,
    onSettled: () => queryClient.invalidateQueries({ queryKey: apiKeysQueryKey(appId) }),
  });
}

// The secret is handed to `onIssued` and stripped from what the mutation keeps, so the query
// client never holds it.
export function useGenerateApiKeys(appId: string, onIssued: OnSecretIssued) {
  return useKeyChange(appId, async () => {
    const { secretKey, publicKey } = await fetchJson<GenerateApiKeysResponse>(apiKeysUrl(appId), {
      method: 'POST',
      json: {},
    });
    onIssued(secretKey);
    return { secretKeyId: secretKey.id, publicKeyId: publicKey.id };
  });
}

export function useRollSecretKey(appId: string, onIssued: OnSecretIssued) {
  return useKeyChange(appId, async (overlap: Overlap) => {
    const { secretKey, previousKeys } = await fetchJson<RollSecretKeyResponse>(`${apiKeysUrl(appId)}/roll`, {
      method: 'POST',
      json: { overlap },
    });
    onIssued(secretKey);
    return { secretKeyId: secretKey.id, previousKeys };
  });
}

export function useRevokeSecretKey(appId: string) {
  return useKeyChange(appId, (keyId: string) =>
    fetchJson<RevokeSecretKeyResponse>(`${apiKeysUrl(appId)}/${encodeURIComponent(keyId)}/revoke`, { method: 'POST' }),
  );
}
