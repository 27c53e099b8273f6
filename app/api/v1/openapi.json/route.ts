import { openApiDocument } from '@/lib/api-v1/openapi';

export function GET() {
  return Response.json(openApiDocument(), { headers: { 'Cache-Control': 'public, max-age=300' } });
}
