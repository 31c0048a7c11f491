/**
 * An agency's answer body as UTF-8 text, at most `limit` bytes. A declared Content-Length
 * over the limit is refused before a byte is read, and one within it is read in one go
 * (undici's own consumer: much cheaper than iterating the stream); an undeclared length
 * (chunked) is counted as it streams. Over the limit: undefined, and the connection is
 * closed through undici's `dump`, which handles the abort (a bare `destroy()` would emit an
 * unhandled 'error' and take the process down). Every agency client reads through this.
 */
import type { Dispatcher } from 'undici';

/** Stops reading: the socket is closed (undici swallows its own abort error). */
async function abandon(body: Dispatcher.ResponseData['body']): Promise<undefined> {
  await body.dump({ limit: 1 }).catch(() => {});
  return undefined;
}

export async function readText(res: Dispatcher.ResponseData, limit: number): Promise<string | undefined> {
  const declared = res.headers['content-length'];
  const length = typeof declared === 'string' && /^\d+$/.test(declared) ? Number(declared) : undefined;
  if (length !== undefined) {
    if (length > limit) return abandon(res.body);
    return res.body.text();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      over = true;
      break; // leaving the loop destroys the stream, with the iterator's own error handling
    }
    chunks.push(chunk);
  }
  return over ? undefined : Buffer.concat(chunks).toString('utf8');
}
