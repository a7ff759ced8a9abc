/**
 * Issue 16.1: attached documents against the real server (npm run build first). Uploads are
 * streamed with the UPLOAD_MAX_MB limit and leave nothing half-written on any failure; files
 * are served only to signed-in accounts and in a way a browser never runs.
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { aPdf } from "../support/documents";
import { residentMb, signIn, startServer, type TestServer } from "../support/server";

let server: TestServer;
let cookie: string;
let meetingId: number;
const filesDir = () => path.join(path.dirname(server.databasePath), "files");
const inFiles = () => (fs.existsSync(filesDir()) ? fs.readdirSync(filesDir()).sort() : []);

beforeAll(async () => {
  server = await startServer(3401);
  cookie = await signIn(server);
  // A meeting to attach to, written as another program would (the app records it as such).
  const sqlite = new Database(server.databasePath);
  meetingId = Number(sqlite.prepare("INSERT INTO meetings (language) VALUES ('en')").run().lastInsertRowid);
  sqlite.close();
}, 90_000);
afterAll(() => server?.stop());

function attach(file: Blob, name: string, headers: Record<string, string> = {}) {
  const body = new FormData();
  body.append("intent", "attach");
  body.append("parent", "meeting");
  body.append("parentId", String(meetingId));
  body.append("file", file, name);
  return fetch(`${server.origin}/documents`, {
    method: "POST",
    redirect: "manual",
    headers: { Cookie: cookie, "Sec-Fetch-Site": "same-origin", "Accept-Language": "kk", ...headers },
    body,
  });
}

const documentIds = () => {
  const sqlite = new Database(server.databasePath, { readonly: true });
  try {
    return sqlite.prepare("SELECT id FROM documents ORDER BY id").pluck().all() as number[];
  } finally {
    sqlite.close();
  }
};

describe("downloads", () => {
  let id: number;
  const bytes = aPdf("security");

  beforeAll(async () => {
    const response = await attach(new Blob([bytes]), "Келісім.pdf");
    expect(response.status).toBe(302);
    id = documentIds().at(-1)!;
  });

  test("signed out, a document is not served: the answer is the way to sign in", async () => {
    for (const url of [`/documents/${id}`, `/documents/${id}/preview`]) {
      const response = await fetch(`${server.origin}${url}`, { redirect: "manual" });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
      expect(await response.text()).not.toContain("%PDF");
    }
  });

  test("signed in, it is a download never sniffed, run or stored, byte for byte", async () => {
    const response = await fetch(`${server.origin}/documents/${id}`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_______.pdf"; filename*=UTF-8''${encodeURIComponent("Келісім.pdf")}`,
    );
    expect(response.headers.get("x-content-type-options")).toMatch(/^nosniff/);
    expect(response.headers.get("content-security-policy")).toMatch(/(^|[,;]\s*)sandbox(\s*[,;]|$)/);
    expect(response.headers.get("cache-control")).toBe("private, no-store, no-transform");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(bytes);
  });

  test("the preview is inline, with the same protections", async () => {
    const response = await fetch(`${server.origin}/documents/${id}/preview`, { headers: { Cookie: cookie } });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; /);
    expect(response.headers.get("content-security-policy")).toMatch(/(^|[,;]\s*)sandbox(\s*[,;]|$)/);
    expect(response.headers.get("x-content-type-options")).toMatch(/^nosniff/);
    expect(response.headers.get("cache-control")).toBe("private, no-store, no-transform");
    await response.arrayBuffer();
  });

  test("a post from another site cannot delete it", async () => {
    const response = await fetch(`${server.origin}/documents`, {
      method: "POST",
      redirect: "manual",
      headers: {
        Cookie: cookie,
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: "https://evil.example",
        "Sec-Fetch-Site": "cross-site",
      },
      body: new URLSearchParams({ intent: "delete", documentId: String(id) }),
    });
    expect(response.status).toBe(403);
    expect(documentIds()).toContain(id);
  });
});

describe("uploads", () => {
  test("an HTML page renamed .pdf is refused by its content, in the reader's language", async () => {
    const before = inFiles();
    const response = await attach(new Blob(["<html><script>alert(1)</script></html>"]), "scan.pdf");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Тек PDF, JPEG, PNG, WebP, DOCX, ODT, XLSX және ODS");
    expect(inFiles()).toEqual(before);
  });

  test("an SVG renamed .pdf is refused too", async () => {
    const response = await attach(
      new Blob(['<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>']),
      "scan.pdf",
    );
    expect(response.status).toBe(400);
  });

  test("a file just over UPLOAD_MAX_MB (25) is refused with 413 and its message, and nothing stays", async () => {
    const before = inFiles();
    const big = Buffer.alloc(25 * 1024 * 1024 + 4096, 0x20);
    big.write("%PDF-1.4\n");
    const response = await attach(new Blob([big]), "big.pdf");
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("Файл 25 МБ-тан үлкен.");
    expect(inFiles()).toEqual(before);
  });

  test("a 25 MB upload is streamed to disk, not held in memory", async () => {
    const before = residentMb(server);
    const file = Buffer.alloc(24 * 1024 * 1024, 0x41);
    file.write("%PDF-1.4\n");
    const response = await attach(new Blob([file]), "scan of 24 MB.pdf");
    expect(response.status).toBe(302);
    expect(residentMb(server) - before).toBeLessThan(20);
  });

  test("a 60 MB chunked upload is cut at the limit; no part of it stays on disk", async () => {
    const before = inFiles();
    const boundary = "----kezdesu-documents";
    const outcome = await new Promise<{ status: number | null; error: string | null }>((resolve) => {
      const result = { status: null as number | null, error: null as string | null };
      const request = http.request(`${server.origin}/documents`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Transfer-Encoding": "chunked",
        },
      });
      request.on("response", (response) => {
        result.status = response.statusCode ?? null;
        response.resume();
        response.on("close", () => resolve(result));
      });
      request.on("error", (error: NodeJS.ErrnoException) => {
        result.error = error.code ?? error.message;
        resolve(result);
      });
      const field = (name: string, value: string) =>
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      request.write(
        field("intent", "attach") +
          field("parent", "meeting") +
          field("parentId", String(meetingId)) +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="huge.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
      );
      const megabyte = Buffer.alloc(1024 * 1024, 0x20);
      let written = 0;
      const write = () => {
        while (written < 60 && result.status === null && !request.destroyed) {
          written++;
          if (!request.write(megabyte)) return void request.once("drain", write);
        }
        if (written >= 60 && !request.destroyed) request.end(`\r\n--${boundary}--\r\n`);
      };
      write();
    });
    if (outcome.status !== null) expect(outcome.status).toBe(413);
    else expect(outcome.error).toMatch(/ECONNRESET|EPIPE/);
    // The stream's end reaches the handler a moment after the answer.
    for (let tries = 0; tries < 20 && inFiles().join() !== before.join(); tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inFiles()).toEqual(before);
  });

  test("a client that goes away mid-upload leaves nothing behind", async () => {
    const before = inFiles();
    const boundary = "----kezdesu-abort";
    await new Promise<void>((resolve) => {
      const request = http.request(`${server.origin}/documents`, {
        method: "POST",
        headers: {
          Cookie: cookie,
          "Sec-Fetch-Site": "same-origin",
          "Content-Type": `multipart/form-data; boundary=${boundary}`,
          "Content-Length": String(20 * 1024 * 1024),
        },
      });
      request.on("error", () => resolve());
      request.write(
        `--${boundary}\r\nContent-Disposition: form-data; name="intent"\r\n\r\nattach\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="cut.pdf"\r\n\r\n%PDF-1.4\n`,
      );
      request.write(Buffer.alloc(2 * 1024 * 1024, 0x20), () => {
        // Half a second for the server to start writing the file, then the client is gone.
        setTimeout(() => {
          request.destroy();
          resolve();
        }, 500);
      });
    });
    for (let tries = 0; tries < 30 && inFiles().join() !== before.join(); tries++)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(inFiles()).toEqual(before);
    expect((await fetch(`${server.origin}/healthz`)).status).toBe(200);
  });
});
