'use client';

import { useState } from 'react';
import { Controller, type Resolver, useForm, useWatch } from 'react-hook-form';
import { toast } from '@/components/ui/toast';
import { submitCredentialsAction } from '@/app/(dashboard)/apps/[appId]/settings/payment-gateway/actions';
import { FormError } from '@/components/form-error';
import { TextField } from '@/components/text-field';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Checkbox } from '@/components/ui/checkbox';
import { FieldError, FieldLegend, FieldSet } from '@/components/ui/field';
import { Label } from '@/components/ui/label';
import { RadioGroup, RadioGroupItem } from '@/components/ui/radio-group';
import { fieldErrorsOf } from '@/lib/actions/field-errors';
import { applyActionErrors } from '@/lib/actions/apply-result';
import type { WizardView } from '@/lib/gateway-connections/view';
import { GATEWAY_IDS, type GatewayId, GATEWAYS, isSameKey, modeOf } from '@/lib/gateways/descriptors';
import { credentialsSchema, PAYMENT_MODES, type PaymentMode } from '@/lib/validations/gateway';

type Values = {
  gateway: GatewayId;
  keyId: string;
  keySecret: string;
  environment: 'sandbox' | 'production';
  paymentModes: PaymentMode[];
};

type Props = { appId: string; saved: WizardView['credentials']; mustReenter: boolean; locked: boolean };

const toCredentials = (v: Values) =>
  v.gateway === 'razorpay'
    ? { gateway: v.gateway, keyId: v.keyId, keySecret: v.keySecret, paymentModes: v.paymentModes }
    : { gateway: v.gateway, keyId: v.keyId, keySecret: v.keySecret, environment: v.environment, paymentModes: v.paymentModes };

export function CredentialsStep({ appId, saved, mustReenter, locked }: Props) {
  const [formError, setFormError] = useState<string>();
  const [replacing, setReplacing] = useState(!saved || mustReenter);

  const resolver: Resolver<Values> = async (values) => {
    const parsed = credentialsSchema.safeParse(toCredentials(values));
    const errors: Record<string, string[]> = parsed.success ? {} : fieldErrorsOf(parsed.error);
    if (secretNeeded && !values.keySecret.trim()) errors.keySecret ??= [`Enter the ${GATEWAYS[values.gateway].secretLabel}`];
    if (Object.keys(errors).length === 0) return { values, errors: {} };
    return {
      values: {},
      errors: Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, { type: 'validation', message: m[0] }])),
    };
  };

  const form = useForm<Values>({
    resolver,
    defaultValues: {
      gateway: saved?.gateway ?? 'razorpay',
      keyId: saved?.keyId ?? '',
      keySecret: '',
      environment: saved?.environment ?? 'sandbox',
      paymentModes: (saved?.paymentModes as PaymentMode[] | undefined) ?? [],
    },
  });
  const { errors, isSubmitting } = form.formState;
  const [gateway, keyId, environment] = useWatch({ control: form.control, name: ['gateway', 'keyId', 'environment'] });
  // A different key needs its own secret: the saved one only goes with the saved key.
  const secretNeeded = replacing || !saved || !isSameKey(saved, { gateway, keyId, environment });
  const mode = modeOf({ gateway, keyId, environment });
  const descriptor = GATEWAYS[gateway];

  const submit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const result = await submitCredentialsAction({ appId, credentials: toCredentials(values) });
    setFormError(applyActionErrors(result, form.setError));
    if (result?.ok) {
      toast.success('Credentials saved');
      form.reset({ ...values, keySecret: '' });
      setReplacing(false);
    }
  });

  return (
    <form onSubmit={submit} noValidate className="grid gap-5" aria-label="Gateway credentials">
      <FormError message={formError} />
      <Controller
        control={form.control}
        name="gateway"
        render={({ field }) => (
          <FieldSet>
            <FieldLegend>Payment gateway</FieldLegend>
            <RadioGroup value={field.value} onValueChange={field.onChange} className="flex flex-wrap gap-4" disabled={locked}>
              {GATEWAY_IDS.map((g) => (
                <div key={g} className="flex items-center gap-2">
                  <RadioGroupItem value={g} id={`gateway-${g}`} />
                  <Label htmlFor={`gateway-${g}`}>{GATEWAYS[g].label}</Label>
                </div>
              ))}
            </RadioGroup>
          </FieldSet>
        )}
      />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={descriptor.keyIdLabel}
          autoComplete="off"
          spellCheck={false}
          disabled={locked}
          description={descriptor.keyIdHint}
          error={errors.keyId?.message}
          {...form.register('keyId')}
        />
        {secretNeeded ? (
          <TextField
            label={descriptor.secretLabel}
            type="password"
            autoComplete="off"
            spellCheck={false}
            disabled={locked}
            description="Stored encrypted. We never show it again."
            error={errors.keySecret?.message}
            {...form.register('keySecret')}
          />
        ) : (
          <div className="grid content-start gap-2">
            <span className="text-sm font-medium">{descriptor.secretLabel}</span>
            <div className="flex items-center gap-2">
              <span className="font-mono text-sm" aria-label={`Saved secret ending in ${saved?.secretHint}`}>
                •••• {saved?.secretHint}
              </span>
              <Button type="button" variant="outline" size="sm" onClick={() => setReplacing(true)} disabled={locked}>
                Replace secret
              </Button>
            </div>
          </div>
        )}
      </div>
      {gateway === 'cashfree' && (
        <Controller
          control={form.control}
          name="environment"
          render={({ field }) => (
            <FieldSet>
              <FieldLegend>Environment</FieldLegend>
              <RadioGroup value={field.value} onValueChange={field.onChange} className="flex flex-wrap gap-4" disabled={locked}>
                {(['sandbox', 'production'] as const).map((env) => (
                  <div key={env} className="flex items-center gap-2">
                    <RadioGroupItem value={env} id={`environment-${env}`} />
                    <Label htmlFor={`environment-${env}`}>{env === 'sandbox' ? 'Sandbox' : 'Production'}</Label>
                  </div>
                ))}
              </RadioGroup>
            </FieldSet>
          )}
        />
      )}
      <Controller
        control={form.control}
        name="paymentModes"
        render={({ field, fieldState }) => (
          <FieldSet aria-describedby={fieldState.error ? 'payment-modes-error' : undefined}>
            <FieldLegend>Payment modes</FieldLegend>
            <div className="flex flex-wrap gap-x-5 gap-y-3">
              {PAYMENT_MODES.map((m) => (
                <div key={m.value} className="flex items-center gap-2">
                  <Checkbox
                    id={`mode-${m.value}`}
                    disabled={locked}
                    checked={field.value.includes(m.value)}
                    aria-invalid={!!fieldState.error || undefined}
                    onCheckedChange={(checked) =>
                      field.onChange(checked ? [...field.value, m.value] : field.value.filter((v) => v !== m.value))
                    }
                  />
                  <Label htmlFor={`mode-${m.value}`}>{m.label}</Label>
                </div>
              ))}
            </div>
            {fieldState.error && <FieldError id="payment-modes-error">{fieldState.error.message}</FieldError>}
          </FieldSet>
        )}
      />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Mode: {mode ? <Badge variant={mode === 'live' ? 'warning' : 'secondary'}>{mode === 'live' ? 'Live' : 'Test'}</Badge> : '—'}
        </p>
        <Button type="submit" disabled={isSubmitting || locked}>
          {isSubmitting ? 'Saving…' : 'Submit'}
        </Button>
      </div>
    </form>
  );
}
