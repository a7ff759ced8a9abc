/** Starting, signing in to and stopping the production server, for the benchmark and the soak. */
import { spawn, type ChildProcess } from "node:child_process";

export const PORT = Number(process.env.BENCH_PORT ?? 3400);
const ADMIN = { email: "bench@kezdesu.local", password: "bench-password-2026" };

export async function startServer(file: string, workers = 1): Promise<ChildProcess> {
  const server = spawn("node", ["--import", "tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(PORT),
      DATABASE_PATH: file,
      DEMO_DATA: "skip",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      WEB_CONCURRENCY: String(workers),
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  for (let i = 0; i < 240; i++) {
    try {
      if ((await fetch(`http://localhost:${PORT}/healthz`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  server.kill("SIGKILL");
  throw new Error("The server did not start within 2 minutes");
}

export async function stopServer(server: ChildProcess) {
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await exited;
}

export async function signIn() {
  const response = await fetch(`http://localhost:${PORT}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "Sec-Fetch-Site": "same-origin" },
    body: new URLSearchParams({ email: ADMIN.email, password: ADMIN.password, redirectTo: "/" }),
  });
  const cookie = response.headers.get("set-cookie")?.split(";")[0];
  if (response.status !== 302 || !cookie) throw new Error(`Sign-in failed: ${response.status}`);
  return cookie;
}
