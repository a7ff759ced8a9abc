import http from "node:http";

const megabyte = Buffer.alloc(1024 * 1024, "A");

export type Outcome = {
  status: number | null;
  connection: string | undefined;
  page: string;
  error: string | null;
  writtenMb: number;
};

/**
 * A form post of `megabytes`, written a megabyte at a time as fast as the server takes it, until
 * it answers or hangs up: how much a server reads of a body it refuses. Its length is declared,
 * or it is chunked (no length the server could refuse early).
 */
export function oversizedPost(
  url: string,
  megabytes: number,
  options: { framing?: "chunked" | "declared"; headers?: Record<string, string> } = {},
): Promise<Outcome> {
  const { framing = "chunked", headers = {} } = options;
  return new Promise((resolve) => {
    const outcome: Outcome = { status: null, connection: undefined, page: "", error: null, writtenMb: 0 };
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      request.destroy();
      resolve(outcome);
    };
    const request = http.request(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Sec-Fetch-Site": "same-origin",
        ...(framing === "chunked"
          ? { "Transfer-Encoding": "chunked" }
          : { "Content-Length": String(5 + megabytes * megabyte.length) }),
        ...headers,
      },
    });
    request.on("response", (response) => {
      outcome.status = response.statusCode ?? null;
      outcome.connection = response.headers.connection;
      response.on("data", (chunk: Buffer) => (outcome.page += chunk.toString()));
      response.on("end", settle);
      response.on("error", settle);
      response.on("close", settle);
    });
    request.on("error", (error: NodeJS.ErrnoException) => {
      outcome.error = error.code ?? error.message;
      settle();
    });
    request.write("name=");
    const write = () => {
      while (outcome.writtenMb < megabytes && outcome.status === null && !request.destroyed) {
        outcome.writtenMb++;
        if (!request.write(megabyte)) return void request.once("drain", write);
      }
      if (outcome.writtenMb >= megabytes && !request.destroyed) request.end();
    };
    write();
  });
}
