/** A JSON Schema node of the OpenAPI document, as far as the reference page reads it. */
export type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  default?: unknown;
  description?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

export const refName = (ref: string) => ref.split('/').at(-1)!;

/** A schema in a few words: `string (3–40)`, `integer ≥ 100`, `one of PAID, FAILED`, `Order`. */
export function describeType(schema: JsonSchema): string {
  if (schema.$ref) return refName(schema.$ref);
  if (schema.anyOf) return schema.anyOf.map(describeType).join(' or ');
  if (schema.enum) return `one of ${schema.enum.map(String).join(', ')}`;
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : (schema.type ?? 'any');
  if (type === 'array' && schema.items) return `array of ${describeType(schema.items)}`;
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') return `map of ${describeType(schema.additionalProperties)}`;
  const limits = [
    schema.format,
    schema.minLength !== undefined || schema.maxLength !== undefined ? `${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars` : undefined,
    schema.minimum !== undefined ? `≥ ${schema.minimum}` : undefined,
    schema.maximum !== undefined ? `≤ ${schema.maximum}` : undefined,
    schema.pattern && !schema.format ? `/${schema.pattern}/` : undefined,
  ].filter(Boolean);
  return limits.length ? `${type} (${limits.join(', ')})` : type;
}
