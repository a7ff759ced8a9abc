import path from "node:path";
import { expect, type Page } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3123);

/** The server with the demo history. */
export const DEMO_APP = `http://localhost:${PORT}`;
/**
 * The server started on an empty database (see playwright.config.ts). On 127.0.0.1, not
 * localhost: cookies ignore ports, and each server has its own sessions.
 */
export const EMPTY_APP = `http://127.0.0.1:${PORT + 1}`;
/** The server with more partners than a form's select offers (e2e/seed-many-partners.ts): its own address again. */
export const MANY_APP = `http://127.0.0.2:${PORT + 2}`;
/** The server whose database a test locks (e2e/busy-database.spec.ts): its own address and database. */
export const LOCKED_APP = `http://127.0.0.3:${PORT + 3}`;
/** That server's database file, for the test that locks it. */
export const LOCKED_DATABASE = () => path.join(process.env.E2E_RUN_DIR!, "locked.db");

/** The first administrator both servers make at start-up (playwright.config.ts passes these). */
export const ADMIN = { email: "admin@e2e.kezdesu", password: "Әкімші-пароль-2026" };

export type Role = "admin" | "editor" | "viewer";

/** Signed-in browser state per role, written by e2e/accounts.setup.ts. */
export const stateFile = (role: Role) => path.join(process.env.E2E_RUN_DIR!, `${role}.json`);

export const PASSWORDS: Record<Role, string> = {
  admin: ADMIN.password,
  editor: "Редактор құпиясөзі 2026",
  viewer: "Оқырман құпиясөзі 2026",
};

export const NAMES: Record<Exclude<Role, "admin">, string> = { editor: "Aigerim Editor", viewer: "Bolat Viewer" };

/**
 * An import in the imports list, found by its file and its count of rows rather than by its place:
 * other tests, run at the same time, import into the same database.
 */
export const listedImport = (page: Page, file: string, rows: string) =>
  page
    .getByRole("list", { name: "Imports" })
    .getByRole("listitem")
    .filter({ hasText: file })
    .filter({ hasText: rows })
    .first();

/** Signs in as the first administrator on `app`, one of the servers with a database of its own. */
export async function signInAsAdmin(page: Page, app: string) {
  await page.goto(`${app}/sign-in`);
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill(ADMIN.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}
