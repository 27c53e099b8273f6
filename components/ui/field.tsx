'use client';

import * as React from 'react';
import { Slot } from 'radix-ui';

import { cn } from '@/lib/utils';
import { Label } from '@/components/ui/label';

/**
 * Form field wrapper. Two ways to wire the control:
 *
 * 1. Automatic — wrap the control in <FieldControl>; it receives `id`, `aria-invalid` and an
 *    `aria-describedby` listing only the description/error that are actually rendered:
 *
 *    <Field>
 *      <FieldLabel>Business name</FieldLabel>
 *      <FieldControl><Input {...register('name')} /></FieldControl>
 *      <FieldDescription>Shown on receipts.</FieldDescription>
 *      <FieldError errors={[errors.name]} />
 *    </Field>
 *
 * 2. Manual — give the Field a `controlId`; ids are `${controlId}-description` / `${controlId}-error`
 *    (see `fieldIds`):
 *
 *    <Field controlId="name" invalid={!!errors.name}>
 *      <FieldLabel>Business name</FieldLabel>
 *      <Input id="name" {...register('name')} aria-invalid={!!errors.name}
 *        aria-describedby={errors.name ? 'name-error' : undefined} />
 *      <FieldError>{errors.name?.message}</FieldError>
 *    </Field>
 *
 * `invalid` defaults to "a FieldError with content is rendered".
 */

function fieldIds(controlId: string) {
  return { controlId, descriptionId: `${controlId}-description`, errorId: `${controlId}-error` };
}

type FieldContextValue = ReturnType<typeof fieldIds> & {
  invalid: boolean;
  hasDescription: boolean;
  hasError: boolean;
  setHasDescription: (value: boolean) => void;
  setHasError: (value: boolean) => void;
};

const FieldContext = React.createContext<FieldContextValue | null>(null);

/** Ids/state of the enclosing <Field>, plus props to spread on a custom control. */
function useField() {
  const ctx = React.useContext(FieldContext);
  if (!ctx) throw new Error('useField must be used within <Field>');
  const describedBy =
    [ctx.hasDescription && ctx.descriptionId, ctx.hasError && ctx.errorId].filter(Boolean).join(' ') || undefined;
  return {
    ...ctx,
    controlProps: {
      id: ctx.controlId,
      'aria-invalid': ctx.invalid || undefined,
      'aria-describedby': describedBy,
    },
  };
}

function Field({
  className,
  orientation = 'vertical',
  invalid,
  controlId,
  children,
  ...props
}: React.ComponentProps<'div'> & {
  orientation?: 'vertical' | 'horizontal';
  invalid?: boolean;
  controlId?: string;
}) {
  const generatedId = React.useId();
  const id = controlId ?? `field-${generatedId.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [hasDescription, setHasDescription] = React.useState(false);
  const [hasError, setHasError] = React.useState(false);
  const isInvalid = invalid ?? hasError;

  const value = React.useMemo<FieldContextValue>(
    () => ({ ...fieldIds(id), invalid: isInvalid, hasDescription, hasError, setHasDescription, setHasError }),
    [id, isInvalid, hasDescription, hasError],
  );

  return (
    <FieldContext.Provider value={value}>
      <div
        role="group"
        data-slot="field"
        data-orientation={orientation}
        data-invalid={isInvalid || undefined}
        className={cn(
          'group/field flex w-full gap-2',
          orientation === 'vertical' ? 'flex-col [&>*]:w-full' : 'flex-row items-center [&>[data-slot=field-label]]:flex-auto',
          className,
        )}
        {...props}
      >
        {children}
      </div>
    </FieldContext.Provider>
  );
}

function FieldLabel({ className, htmlFor, ...props }: React.ComponentProps<typeof Label>) {
  const ctx = React.useContext(FieldContext);
  return (
    <Label
      data-slot="field-label"
      htmlFor={htmlFor ?? ctx?.controlId}
      className={cn(
        'w-fit leading-snug group-data-[disabled=true]/field:opacity-50 group-data-[invalid=true]/field:text-destructive',
        className,
      )}
      {...props}
    />
  );
}

/** Passes `id`, `aria-invalid` and `aria-describedby` to its single child (props on the child win). */
function FieldControl(props: React.ComponentProps<typeof Slot.Root>) {
  const { controlProps } = useField();
  return <Slot.Root data-slot="field-control" {...controlProps} {...props} />;
}

function FieldDescription({ className, id, ...props }: React.ComponentProps<'p'>) {
  const ctx = React.useContext(FieldContext);
  const setHasDescription = ctx?.setHasDescription;

  React.useLayoutEffect(() => {
    if (!setHasDescription) return;
    setHasDescription(true);
    return () => setHasDescription(false);
  }, [setHasDescription]);

  return (
    <p
      data-slot="field-description"
      id={id ?? ctx?.descriptionId}
      className={cn('text-sm leading-normal font-normal text-muted-foreground', className)}
      {...props}
    />
  );
}

function FieldError({
  className,
  children,
  errors,
  id,
  ...props
}: React.ComponentProps<'div'> & {
  /** e.g. `[errors.name]` from react-hook-form; duplicate messages are collapsed. */
  errors?: Array<{ message?: string } | undefined>;
}) {
  const ctx = React.useContext(FieldContext);
  const setHasError = ctx?.setHasError;

  let content: React.ReactNode = children;
  if (!content && errors?.length) {
    const messages = [...new Set(errors.map((error) => error?.message).filter(Boolean))];
    content =
      messages.length > 1 ? (
        <ul className="ml-4 flex list-disc flex-col gap-1">
          {messages.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : (
        messages[0]
      );
  }
  const hasContent = content != null && content !== false && content !== '';

  React.useLayoutEffect(() => {
    if (!setHasError || !hasContent) return;
    setHasError(true);
    return () => setHasError(false);
  }, [setHasError, hasContent]);

  if (!hasContent) return null;

  return (
    <div
      role="alert"
      data-slot="field-error"
      id={id ?? ctx?.errorId}
      className={cn('text-sm font-normal text-destructive', className)}
      {...props}
    >
      {content}
    </div>
  );
}

function FieldGroup({ className, ...props }: React.ComponentProps<'div'>) {
  return <div data-slot="field-group" className={cn('flex w-full flex-col gap-6', className)} {...props} />;
}

function FieldSet({ className, ...props }: React.ComponentProps<'fieldset'>) {
  return <fieldset data-slot="field-set" className={cn('flex flex-col gap-4', className)} {...props} />;
}

function FieldLegend({ className, ...props }: React.ComponentProps<'legend'>) {
  return <legend data-slot="field-legend" className={cn('mb-1 text-base font-medium', className)} {...props} />;
}

export {
  Field,
  FieldLabel,
  FieldControl,
  FieldDescription,
  FieldError,
  FieldGroup,
  FieldSet,
  FieldLegend,
  fieldIds,
  useField,
};
