import { DocsTable } from '@/components/docs/npm-integration/docs-table';
import { describeType, type JsonSchema, refName } from './schema-type';

/** The fields of one named schema, with their types and limits as the API checks them. */
export function SchemaTable({ name, schema }: { name: string; schema: JsonSchema }) {
  const required = new Set(schema.required ?? []);
  const rows = Object.entries(schema.properties ?? {}).map(([field, property]) => [
    <code key="f">{field}</code>,
    property.$ref ? (
      <a key="t" href={`#schema-${refName(property.$ref)}`}>
        {refName(property.$ref)}
      </a>
    ) : (
      <span key="t" className="font-mono text-xs break-all">
        {describeType(property)}
      </span>
    ),
    required.has(field) ? 'yes' : 'no',
    property.description ?? '',
  ]);
  return <DocsTable label={`${name} fields`} head={['Field', 'Type', 'Required', 'Notes']} rows={rows} />;
}
