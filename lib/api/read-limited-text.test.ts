import { describe, expect, it } from 'vitest';
import { readLimitedText } from './read-limited-text';

const post = (body: BodyInit | null, headers: Record<string, string> = {}) =>
  new Request('http://localhost/x', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('readLimitedText', () => {
  it('reads a body within the cap, unicode included', async () => {
    expect(await readLimitedText(post('{"name":"चाय ☕"}'), 64)).toBe('{"name":"चाय ☕"}');
    expect(await readLimitedText(post(null), 64)).toBe('');
  });

  it('refuses a declared Content-Length over the cap without reading', async () => {
    let pulled = false;
    const body = new ReadableStream({ pull: () => void (pulled = true) }, { highWaterMark: 0 });
    await expect(readLimitedText(post(body, { 'content-length': '2000' }), 1000)).rejects.toMatchObject({ code: 'payload_too_large', status: 413 });
    expect(pulled).toBe(false);
  });

  it('stops an endless chunked body at the cap, having read no more than one chunk past it', async () => {
    let sent = 0;
    const chunk = new Uint8Array(16 * 1024);
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          sent += chunk.byteLength;
          controller.enqueue(chunk);
        },
      },
      { highWaterMark: 0 },
    );
    await expect(readLimitedText(post(endless), 1024 * 1024)).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(sent).toBeLessThanOrEqual(1024 * 1024 + 3 * chunk.byteLength);
  });

  it('a body exactly at the cap is accepted, one byte more is not', async () => {
    expect(await readLimitedText(post('x'.repeat(100)), 100)).toHaveLength(100);
    await expect(readLimitedText(post('x'.repeat(101)), 100)).rejects.toMatchObject({ status: 413 });
  });
});
