import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import type { ActionResult } from './action';

/** Puts an action's field errors on the form's fields; returns the form-level message, if any. */
export function applyActionErrors<F extends FieldValues>(
  result: ActionResult<unknown> | undefined,
  setError: UseFormSetError<F>,
): string | undefined {
  // An action that redirected resolves to nothing.
  if (!result || result.ok) return undefined;
  let focused = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    // Actions take `{ appId, fields: {...} }`-shaped input; our forms' fields are flat.
    const name = field.split('.').pop() as Path<F>;
    setError(name, { type: 'server', message: messages[0] }, { shouldFocus: !focused });
    focused = true;
  }
  return focused ? undefined : result.message;
}
