/**
 * Two processes serving one database (WEB_CONCURRENCY=2): an import in one holds the file's write
 * lock for seconds. The other process's saves wait for it without blocking that process, and are
 * saved; its pages go on being answered (db/long-write.ts, db/cluster-long-writes.ts). Before,
 * a save there blocked its process's one thread in SQLite's busy wait, every page it served with
 * it, and failed with a 500 once the wait ran out.
 */
import http from "node:http";
import Database from "better-sqlite3";
import { afterAll, beforeAll, expect, test } from "vitest";
import { signIn, startServer, type TestServer } from "./support/server";

let server: TestServer;
let cookie: string;

beforeAll(async () => {
  server = await startServer(4157, { WEB_CONCURRENCY: "2" });
  cookie = await signIn(server);
}, 90_000);

afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; location: string | null; body: string; ms: number };

/**
 * A request on a connection of its own: the cluster's primary hands each new connection to the
 * next worker in turn, so consecutive requests are answered by both processes.
 */
function send(path: string, { method = "GET", body, type }: { method?: string; body?: Buffer; type?: string } = {}) {
  const started = performance.now();
  return new Promise<Answer>((resolve, reject) => {
    const request = http.request(
      `${server.origin}${path}`,
      {
        method,
        agent: false,
        headers: {
          Cookie: cookie,
          "Accept-Language": "en",
          ...(body ? { "Content-Type": type, "Content-Length": body.length, "Sec-Fetch-Site": "same-origin" } : {}),
        },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode!,
            location: response.headers.location ?? null,
            body: text,
            ms: performance.now() - started,
          }),
        );
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  body: Buffer.from(new URLSearchParams(fields).toString()),
  type: "application/x-www-form-urlencoded",
});

async function multipart(fields: FormData) {
  const request = new Request("http://localhost/", { method: "POST", body: fields });
  return {
    method: "POST",
    body: Buffer.from(await request.arrayBuffer()),
    type: request.headers.get("content-type")!,
  };
}

const ROWS = 5_000;

test("while one process imports, the other's saves wait for it, its pages are answered, and nothing fails", async () => {
  const partner = await send(
    "/partners/new",
    form({ kind: "city", countryCode: "TR", nameEn: "Ankara", nameKk: "Анкара", nameRu: "Анкара" }),
  );
  expect(partner.status).toBe(302);
  const partnerId = partner.location!.split("/").at(-1)!;

  const csv = [
    "ID,Date,Partner,Host,Place,Purpose,Country,Our participants,Guests",
    ...Array.from({ length: ROWS }, (_, i) => `,2001-02-${(i % 28) + 1},Largetown,,,Large import ${i},Kazakhstan,,`),
  ].join("\r\n");
  const upload = new FormData();
  upload.append("intent", "preview");
  upload.append("file", new File([csv], "large.csv", { type: "text/csv" }));
  const preview = await send("/import", await multipart(upload));
  expect(preview.status).toBe(200);
  const token = /name="stagedId" value="([^"]+)"/.exec(preview.body)?.[1];
  expect(token).toBeDefined();

  const importing = send("/import", form({ intent: "import", stagedId: token! }));
  // Its form read, the import holds the write lock for the seconds its rows take.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const saves = Array.from({ length: 4 }, (_, i) =>
    send(
      "/meetings/new",
      form({
        language: "en",
        "date.year": "2026",
        "date.month": "11",
        "date.day": "24",
        partnerId,
        purpose: `Saved during the import ${i}`,
      }),
    ),
  );
  const pages: Answer[] = [];
  let importDone = false;
  void importing.then(() => (importDone = true));
  while (!importDone) pages.push(await send("/healthz"));
  const imported = await importing;
  const saved = await Promise.all(saves);

  expect(imported.status).toBe(302);
  expect(imported.location).toBe("/import");
  expect(saved.map((answer) => answer.status)).toEqual([302, 302, 302, 302]);
  // Both processes answered pages all along: none waited for the import's lock.
  expect(pages.length).toBeGreaterThan(4);
  expect(pages.every((page) => page.status === 200)).toBe(true);
  expect(Math.max(...pages.map((page) => page.ms))).toBeLessThan(1_000);

  const db = new Database(server.databasePath, { readonly: true });
  try {
    const purposes = db
      .prepare("SELECT purpose FROM meetings WHERE purpose LIKE 'Saved during the import %' ORDER BY id")
      .pluck()
      .all();
    expect(purposes).toHaveLength(4);
    expect(db.prepare("SELECT count(*) FROM meetings WHERE purpose LIKE 'Large import %'").pluck().get()).toBe(ROWS);
  } finally {
    db.close();
  }
  expect(server.log()).not.toMatch(/SQLITE_BUSY| 500 /);
}, 120_000);
