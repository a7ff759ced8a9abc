/**
 * A rendered document's Response, its bytes carried beside it to server.ts, which writes them
 * to the socket as they are. Given the bytes, undici copied them (it slices a Buffer body),
 * wrapped the copy in a ReadableStream, and @remix-run/express read it back through a reader,
 * written and flushed chunk by chunk: for one buffer already compressed (issue 17).
 *
 * The Response itself has no body: only server.ts's handler (remixHandler) sends documents,
 * and a HEAD's Response, which Remix makes anew, has none to send.
 */
const bodies = new WeakMap<Response, Buffer>();

export function documentResponse(body: Buffer, headers: Headers, status: number): Response {
  const response = new Response(null, { headers, status });
  bodies.set(response, body);
  return response;
}

/** The bytes of a document's Response, for server.ts to write (build.entry.module.documentBody). */
export function documentBody(response: Response): Buffer | undefined {
  return bodies.get(response);
}
