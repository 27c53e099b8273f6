'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { toast } from 'sonner';
import type { ActionResult } from '@/lib/actions/action';

/** Runs a wizard action, toasts its outcome and re-renders the page from the server. */
export function useStepAction() {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const run = <T,>(action: () => Promise<ActionResult<T>>, success?: string | ((data: T) => void)) =>
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        toast.error(result.message);
        return;
      }
      if (typeof success === 'string') toast.success(success);
      else success?.(result.data);
      router.refresh();
    });
  return { pending, run };
}
