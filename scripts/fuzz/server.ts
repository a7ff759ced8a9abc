/** The production server as a child process on a fresh database, and plain HTTP to it. */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import path from "node:path";
import {
  ADMIN,
  BASE_URL,
  EDITOR,
  INVITEE,
  PORT,
  READY_TIMEOUT_MS,
  REQUEST_TIMEOUT_MS,
  ROOT,
  SESSION_COOKIE,
} from "./config";
import { encodeForm, FORM_CONTENT_TYPE } from "./generators";
import type { Field } from "./targets";

export class ServerGone extends Error {}

export type Server = { child: ChildProcess; logFile: string };

export function assertBuilt() {
  if (!fs.existsSync(path.join(ROOT, "build/index.js"))) {
    console.error("build/index.js is missing: run `npm run build` first (the fuzz run uses the production build).");
    process.exit(1);
  }
}

/** Refuses to start on a busy port: polling would otherwise test whatever else answers there. */
export async function assertPortFree(port: number) {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", () => reject(new Error(`Port ${port} is in use: choose another with FUZZ_PORT.`)));
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

export function startServer(workDir: string): Server {
  const logFile = path.join(workDir, "server.log");
  const log = fs.openSync(logFile, "a");
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_PATH: path.join(workDir, "fuzz.db"),
      DEMO_DATA: "load",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // One process: stopping it leaves no cluster workers behind.
      WEB_CONCURRENCY: "1",
    },
    stdio: ["ignore", log, log],
  });
  fs.closeSync(log);
  // Whatever happens to this process, the server goes with it.
  process.once("exit", () => {
    if (isRunning(child)) child.kill("SIGKILL");
  });
  return { child, logFile };
}

export const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

export function logTail(server: Server, lines = 30): string {
  try {
    return fs.readFileSync(server.logFile, "utf8").split("\n").slice(-lines).join("\n");
  } catch {
    return "(no server log)";
  }
}

export async function waitUntilReady(server: Server) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (!isRunning(server.child)) throw new Error(`The server stopped while starting:\n${logTail(server)}`);
    try {
      const response = await fetch(`${BASE_URL}/sign-in`, { redirect: "manual", signal: AbortSignal.timeout(5_000) });
      await response.body?.cancel();
      if (response.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`GET /sign-in did not answer 200 within ${READY_TIMEOUT_MS / 1000} s:\n${logTail(server)}`);
}

export async function stopServer(server: Server) {
  if (!isRunning(server.child)) return;
  const exited = new Promise<void>((resolve) => server.child.once("exit", () => resolve()));
  server.child.kill("SIGTERM");
  const timer = setTimeout(() => server.child.kill("SIGKILL"), 5_000);
  await exited;
  clearTimeout(timer);
}

export async function post(pathname: string, body: string | Buffer, contentType: string | null, cookie: string | null) {
  const headers: Record<string, string> = { "Sec-Fetch-Site": "same-origin" };
  if (contentType !== null) headers["Content-Type"] = contentType;
  if (cookie !== null) headers.Cookie = cookie;
  return fetch(`${BASE_URL}${pathname}`, {
    method: "POST",
    headers,
    // The DOM typings do not take a Node Buffer (its ArrayBuffer may be shared): the same bytes.
    body: typeof body === "string" ? body : new Uint8Array(body),
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
}

export const postForm = (pathname: string, fields: readonly Field[], cookie: string | null = null) =>
  post(pathname, encodeForm(fields), FORM_CONTENT_TYPE, cookie);

function sessionCookieOf(response: Response, what: string): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith(`${SESSION_COOKIE}=`));
  if (!cookie) throw new Error(`${what}: no ${SESSION_COOKIE} cookie in the answer (status ${response.status}).`);
  return cookie.split(";")[0];
}

/**
 * Signs in as the administrator, invites an editor and accepts the invitation, then invites one
 * more person and leaves that invitation open: the editor's cookie, and the open invitation's token.
 */
export async function signInAsNewEditor(): Promise<{ editorCookie: string; openInvitation: string }> {
  const adminAnswer = await postForm("/sign-in", [
    ["email", ADMIN.email],
    ["password", ADMIN.password],
    ["redirectTo", "/"],
  ]);
  const adminCookie = sessionCookieOf(adminAnswer, "Signing in as the administrator");

  const inviteAnswer = await postForm(
    "/admin/users",
    [
      ["email", EDITOR.email],
      ["name", EDITOR.name],
      ["role", "editor"],
    ],
    adminCookie,
  );
  const token = await invitationIn(inviteAnswer, "Inviting the editor");

  const acceptAnswer = await postForm(`/invite/${token}`, [
    ["name", EDITOR.name],
    ["password", EDITOR.password],
    ["confirm", EDITOR.password],
  ]);
  const editorCookie = sessionCookieOf(acceptAnswer, "Accepting the editor's invitation");

  const openAnswer = await postForm(
    "/admin/users",
    [
      ["email", INVITEE.email],
      ["name", INVITEE.name],
      ["role", "viewer"],
    ],
    adminCookie,
  );
  return { editorCookie, openInvitation: await invitationIn(openAnswer, "Inviting a second person") };
}

async function invitationIn(answer: Response, what: string): Promise<string> {
  const token = /\/invite\/([A-Za-z0-9_-]{20,})/.exec(await answer.text())?.[1];
  if (!token) throw new Error(`${what}: no invitation link in the answer (status ${answer.status}).`);
  return token;
}

/**
 * A PDF attached to the first meeting, as the editor attaches one: the demo data has no document,
 * and the routes that take a document's id need one to be fuzzed.
 */
export async function attachADocument(editorCookie: string, meetingId: number) {
  const body = new FormData();
  body.append("intent", "attach");
  body.append("parent", "meeting");
  body.append("parentId", String(meetingId));
  body.append("file", new File(["%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"], "fuzz.pdf"));
  const response = await fetch(`${BASE_URL}/documents`, {
    method: "POST",
    headers: { "Sec-Fetch-Site": "same-origin", Cookie: editorCookie },
    body,
    redirect: "manual",
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  if (response.status !== 302) throw new Error(`Attaching a document: status ${response.status}`);
}
