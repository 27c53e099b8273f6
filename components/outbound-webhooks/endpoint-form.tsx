'use client';

import { Controller } from 'react-hook-form';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError, FieldLegend, FieldSet } from '@/components/ui/field';
import { Label } from '@/components/ui/label';
import { useActionForm } from '@/components/use-action-form';
import type { ActionResult } from '@/lib/actions/action';
import { type EndpointInput, endpointInputSchema } from '@/lib/outbound-webhooks/endpoint-input';
import { EVENT_DESCRIPTIONS, SUBSCRIBABLE_EVENTS, type SubscribableEvent } from '@/lib/outbound-webhooks/event-types';

export type EndpointFields = Required<EndpointInput>;

type Props = {
  defaultValues: EndpointFields;
  submitLabel: string;
  onSubmit(values: EndpointInput): Promise<ActionResult<unknown> | undefined>;
  onSaved(): void;
};

/** The form fields of an endpoint whose stored events are `events` (every event reads as "all"). */
export const endpointFields = (endpoint: { url: string; events: readonly string[]; description: string | null }): EndpointFields => ({
  url: endpoint.url,
  events: SUBSCRIBABLE_EVENTS.every((type) => endpoint.events.includes(type)) ? ['*'] : SUBSCRIBABLE_EVENTS.filter((type) => endpoint.events.includes(type)),
  description: endpoint.description ?? '',
});

/** URL, events and description: the same zod schema as the service and the API check. */
export function EndpointForm({ defaultValues, submitLabel, onSubmit, onSaved }: Props) {
  const { form, formError, onSubmit: submit } = useActionForm({
    schema: endpointInputSchema,
    defaultValues,
    action: onSubmit,
    onSuccess: () => onSaved(),
  });
  const { errors, isSubmitting } = form.formState;
  return (
    <form onSubmit={submit} noValidate className="grid gap-4">
      <FormError message={formError} />
      <TextField
        label="Endpoint URL"
        type="url"
        inputMode="url"
        autoComplete="off"
        placeholder="https://example.com/webhooks/kspay"
        description="Your server’s route that receives KS Pay’s events. Live endpoints must use https."
        error={errors.url?.message}
        {...form.register('url')}
      />
      <Controller
        control={form.control}
        name="events"
        render={({ field, fieldState }) => {
          const all = field.value.includes('*');
          const toggle = (type: SubscribableEvent, checked: boolean) =>
            field.onChange(checked ? [...field.value.filter((v) => v !== type), type] : field.value.filter((v) => v !== type));
          return (
            <FieldSet aria-describedby={fieldState.error ? 'endpoint-events-error' : undefined}>
              <FieldLegend>Events to send</FieldLegend>
              <div className="flex items-start gap-2">
                <Checkbox
                  id="event-all"
                  checked={all}
                  aria-invalid={!!fieldState.error || undefined}
                  aria-describedby="event-all-description"
                  onCheckedChange={(checked) => field.onChange(checked ? ['*'] : [])}
                />
                <div className="grid gap-0.5">
                  <Label htmlFor="event-all">All events</Label>
                  <p id="event-all-description" className="text-xs text-muted-foreground">
                    Every event below, and those KS Pay adds later.
                  </p>
                </div>
              </div>
              <div className="grid gap-3 sm:grid-cols-2">
                {SUBSCRIBABLE_EVENTS.map((type) => (
                  <div key={type} className="flex items-start gap-2">
                    <Checkbox
                      id={`event-${type}`}
                      checked={all || field.value.includes(type)}
                      disabled={all}
                      aria-invalid={!!fieldState.error || undefined}
                      aria-describedby={`event-${type}-description`}
                      onCheckedChange={(checked) => toggle(type, checked === true)}
                    />
                    <div className="grid gap-0.5">
                      <Label htmlFor={`event-${type}`} className="font-mono text-xs">
                        {type}
                      </Label>
                      <p id={`event-${type}-description`} className="text-xs text-muted-foreground">
                        {EVENT_DESCRIPTIONS[type]}
                      </p>
                    </div>
                  </div>
                ))}
              </div>
              {fieldState.error && <FieldError id="endpoint-events-error">{fieldState.error.message ?? fieldState.error.root?.message}</FieldError>}
            </FieldSet>
          );
        }}
      />
      <TextField
        label="Description (optional)"
        autoComplete="off"
        maxLength={200}
        placeholder="Order fulfilment server"
        error={errors.description?.message}
        {...form.register('description')}
      />
      <div className="flex justify-end">
        <Button type="submit" disabled={isSubmitting}>
          {isSubmitting ? 'Saving…' : submitLabel}
        </Button>
      </div>
    </form>
  );
}
