'use client';

import { X } from 'lucide-react';
import { useState } from 'react';
import { updateAllowedOriginsAction } from '@/app/(dashboard)/apps/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { toast } from '@/components/ui/toast';
import { useActionForm } from '@/components/use-action-form';
import { allowedOriginsSchema, MAX_ALLOWED_ORIGINS, normaliseOrigin } from '@/lib/validations/allowed-origins';

/** The app's allowed domains: add an origin, remove one, save the list. */
export function AllowedOriginsForm({ appId, origins }: { appId: string; origins: string[] }) {
  const [draft, setDraft] = useState('');
  const [draftError, setDraftError] = useState<string>();
  const { form, formError, onSubmit } = useActionForm({
    schema: allowedOriginsSchema,
    defaultValues: { origins },
    action: (fields) => updateAllowedOriginsAction({ appId, fields }),
    onSuccess: (data) => {
      form.reset({ origins: data.origins });
      toast.success('Allowed domains saved');
    },
  });
  const list = form.watch('origins');
  const { isSubmitting, isDirty, errors } = form.formState;

  const add = () => {
    const result = normaliseOrigin(draft);
    if ('error' in result) return setDraftError(result.error);
    if (list.includes(result.origin)) return setDraftError('Already in the list');
    if (list.length >= MAX_ALLOWED_ORIGINS) return setDraftError(`At most ${MAX_ALLOWED_ORIGINS} domains`);
    form.setValue('origins', [...list, result.origin], { shouldDirty: true });
    setDraft('');
    setDraftError(undefined);
  };

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4">
      <FormError message={formError ?? errors.origins?.message} />
      {list.length === 0 ? (
        <p className="text-sm text-muted-foreground">
          No domains yet: the public key works from no website, and orders cannot return customers anywhere.
        </p>
      ) : (
        <ul aria-label="Allowed domains" className="grid gap-2">
          {list.map((origin, index) => (
            <li key={origin} className="flex items-center justify-between gap-2 rounded-md border px-3 py-2">
              <span className="truncate font-mono text-sm">{origin}</span>
              {errors.origins?.[index] && <span className="text-sm text-destructive">{errors.origins[index]?.message}</span>}
              <Button
                type="button"
                variant="ghost"
                size="icon"
                aria-label={`Remove ${origin}`}
                onClick={() => form.setValue('origins', list.filter((o) => o !== origin), { shouldDirty: true })}
              >
                <X className="size-4" aria-hidden />
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-start gap-2">
        <div className="flex-1">
          <TextField
            label="Add a domain"
            placeholder="https://shop.example.com"
            autoComplete="off"
            inputMode="url"
            value={draft}
            error={draftError}
            description="Scheme and host, as your site's address bar shows it. http:// only for localhost."
            onChange={(event) => {
              setDraft(event.target.value);
              setDraftError(undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
          />
        </div>
        <Button type="button" variant="outline" className="mt-[1.375rem]" onClick={add}>
          Add
        </Button>
      </div>
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting || !isDirty}>
          {isSubmitting ? 'Saving…' : 'Save domains'}
        </Button>
      </div>
    </form>
  );
}
