// C0 controls (NUL included), DEL and C1 controls: no field of ours takes them, PostgreSQL refuses
// NUL in text, and none is something a person typed. Lone UTF-16 surrogates are not text either.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/;
const MESSAGE = 'Remove the control or invalid characters from this field';

const isBadText = (text: string) => CONTROL.test(text) || !text.isWellFormed();

/**
 * Field errors for every string in `input` (nested objects and arrays included) that holds control
 * characters, keyed like zod's paths; null when there are none. Checked before any schema, so no
 * field can forget it.
 */
export function controlCharacterErrors(input: unknown): Record<string, string[]> | null {
  const errors: Record<string, string[]> = {};
  const visit = (value: unknown, path: string, depth: number) => {
    if (typeof value === 'string') {
      if (isBadText(value)) errors[path || '_form'] = [MESSAGE];
    } else if (value && typeof value === 'object' && depth < 16) {
      for (const [key, child] of Object.entries(value)) visit(child, path ? `${path}.${key}` : key, depth + 1);
    }
  };
  visit(input, '', 0);
  return Object.keys(errors).length ? errors : null;
}
