/**
 * The built assets under /build/, served by server.ts with their precompressed copies. A copy
 * listed when the server started and gone since (a build replaced under a running server) was
 * answered 500, with a stack in the log, to every browser asking for it: the copy's coding was
 * set, the file was not there, and the request went on to Remix with it.
 */
import fs from "node:fs";
import http from "node:http";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startServer, type TestServer } from "./support/server";

const NAME = `_gone-${process.pid}.js`;
const FILE = `public/build/${NAME}`;
let server: TestServer;

beforeAll(async () => {
  fs.writeFileSync(FILE, "export const gone = true;\n");
  fs.writeFileSync(`${FILE}.br`, "not read");
  fs.writeFileSync(`${FILE}.gz`, "not read");
  try {
    server = await startServer(4125);
  } finally {
    for (const file of [FILE, `${FILE}.br`, `${FILE}.gz`]) fs.rmSync(file, { force: true });
  }
}, 90_000);
afterAll(() => server?.stop());

function get(path: string, acceptEncoding: string) {
  return new Promise<{ status: number; encoding?: string; type?: string }>((resolve, reject) => {
    http
      .get(`${server.origin}${path}`, { headers: { "Accept-Encoding": acceptEncoding } }, (response) => {
        response.resume();
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            encoding: response.headers["content-encoding"],
            type: response.headers["content-type"],
          }),
        );
      })
      .on("error", reject);
  });
}

test.each(["br", "gzip", "identity"])(
  "an asset gone since the server started is a 404 without a coding, asked for as %s, and nothing is logged",
  async (coding) => {
    const before = server.log().length;
    const answer = await get(`/build/${NAME}`, coding);
    expect(answer.status).toBe(404);
    expect(answer.encoding).toBeUndefined();
    expect(server.log().slice(before)).toBe("");
  },
);

test("an asset that is there is served from its precompressed copy", async () => {
  const [script] = fs.readdirSync("public/build").filter((name) => /^entry\.client-.*\.js$/.test(name));
  const answer = await get(`/build/${script}`, "gzip, deflate, br");
  expect(answer).toMatchObject({ status: 200, encoding: "br" });
  expect(answer.type).toMatch(/javascript/);
});
