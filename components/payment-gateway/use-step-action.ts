'use client';

import { useTransition } from 'react';
import { toast } from '@/components/ui/toast';
import type { ActionResult } from '@/lib/actions/action';

/** Runs a wizard action and toasts its outcome; the action's revalidatePath re-renders the page. */
export function useStepAction() {
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
    });
  return { pending, run };
}
