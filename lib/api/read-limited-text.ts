import { AppError } from '@/lib/errors';

const tooLarge = (maxBytes: number) =>
  new AppError('payload_too_large', `The request body is larger than ${Math.floor(maxBytes / 1024)} KB.`);

/**
 * The body as text, read as a stream and abandoned as soon as it passes `maxBytes`: a body that
 * is huge, endless or chunked without a Content-Length never sits in memory beyond the cap.
 */
export async function readLimitedText(request: Request, maxBytes: number): Promise<string> {
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
