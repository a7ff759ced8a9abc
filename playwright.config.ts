import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { ADMIN, stateFile } from "./e2e/support";

const PORT = Number(process.env.E2E_PORT ?? 3123);
/** A second server on an empty database (the home city only), for starting from nothing. */
const EMPTY_PORT = PORT + 1;
/** A third, with more partners than a form's select offers (e2e/seed-many-partners.ts). */
const MANY_PORT = PORT + 2;
/** A fourth, whose database e2e/busy-database.spec.ts locks as another program would: no other test uses it. */
const LOCKED_PORT = PORT + 3;
// Fresh databases per run: one with the demo history, one empty. Set once here and inherited
// by the workers, which evaluate this file again; removed as the run's own process exits, after
// its servers have stopped (each run left 3-4 MB behind).
if (!process.env.E2E_RUN_DIR) {
  const runDir = path.join(os.tmpdir(), `kezdesu-e2e-${process.pid}-${Date.now()}`);
  process.env.E2E_RUN_DIR = runDir;
  process.on("exit", () => fs.rmSync(runDir, { recursive: true, force: true }));
}
const server = (port: number, host: string, database: string, demo: "load" | "skip", seed?: string) => ({
  // The binary itself, not through npx, so no stray child outlives the run; the server as
  // `npm run serve` runs it, compiled by `npm run build` (scripts/build-server.ts).
  command: seed ? `node --import tsx ${seed} && node build/server.js` : "node build/server.js",
  url: `http://${host}:${port}/sign-in`,
  reuseExistingServer: false,
  timeout: 60_000,
  env: {
    NODE_ENV: "production",
    PORT: String(port),
    DATABASE_PATH: path.join(process.env.E2E_RUN_DIR!, database),
    DEMO_DATA: demo,
    ADMIN_EMAIL: ADMIN.email,
    ADMIN_PASSWORD: ADMIN.password,
  },
});

/** The full browser: its PDF viewer is part of what some tests check. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/**
 * Chromium's headless shell (Debian's chromium-headless-shell; Playwright's own headless
 * Chromium is the same build): the same Blink and V8 without the full browser's window, tab
 * strip and GPU process, in some 60% of the time on two cores. It has no PDF viewer, so the
 * tests tagged @pdf-viewer run in the full browser. Without it every test does.
 */
const HEADLESS_SHELL = [process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? "/usr/bin/chromium-headless-shell", CHROMIUM].find(
  (binary) => fs.existsSync(binary),
)!;
const launchWith = (executablePath: string) => ({
  executablePath,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
});

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  forbidOnly: Boolean(process.env.CI),
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "retain-on-failure",
    launchOptions: launchWith(HEADLESS_SHELL),
  },
  projects: [
    { name: "accounts", testMatch: /accounts\.setup\.ts/, use: { ...devices["Desktop Chrome"] } },
    // Signed in as an editor unless a test says otherwise (test.use({ storageState })).
    {
      name: "chromium",
      dependencies: ["accounts"],
      grepInvert: /@pdf-viewer/,
      use: { ...devices["Desktop Chrome"], storageState: stateFile("editor") },
    },
    {
      name: "full chromium",
      dependencies: ["accounts"],
      grep: /@pdf-viewer/,
      use: { ...devices["Desktop Chrome"], storageState: stateFile("editor"), launchOptions: launchWith(CHROMIUM) },
    },
  ],
  webServer: [
    server(PORT, "localhost", "demo.db", "load"),
    server(EMPTY_PORT, "127.0.0.1", "empty.db", "skip"),
    server(MANY_PORT, "127.0.0.2", "many.db", "skip", "e2e/seed-many-partners.ts"),
    server(LOCKED_PORT, "127.0.0.3", "locked.db", "skip"),
  ],
});
