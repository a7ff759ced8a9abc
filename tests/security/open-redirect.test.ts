/**
 * Issue 12.2: every redirect to a target the request chose stays on this site, whatever the
 * spelling, and a target that cannot be a header value is never a 500.
 */
import { describe, expect, test } from "vitest";
import { languageCookie } from "~/i18n/i18n.server";
import { safeRedirect } from "~/utils/safe-redirect";
import { action as languageAction } from "~/routes/language";
import { action as signInAction, loader as signInLoader } from "~/routes/sign-in";
import { accountFor, cookieFor, TEST_PASSWORD } from "../support/accounts";
import { formRequest } from "../support/forms";

const ORIGIN = "http://localhost";

/** Where a browser on this site goes when it follows a Location header. */
const landsOn = (location: string | null) => new URL(location ?? "", `${ORIGIN}/sign-in`).origin;

const ATTACKS = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  "/\t\t//evil.example",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "/\\/evil.example",
  "\\/evil.example",
  "/.//evil.example",
  "/a/..//evil.example",
  "/%2F/evil.example",
  "/%2F%2Fevil.example",
  "/%5Cevil.example",
  "/%09/evil.example",
  "/%0A/evil.example",
  "/x\u0000",
  "/x\u0085",
  "/%E0%A4%A",
  "https://evil.example",
  "http:/evil.example",
  "javascript:alert(1)",
  " /evil",
  "evil.example",
  "",
];

describe("safeRedirect", () => {
  test.each(ATTACKS)("refuses %j", (target) => {
    expect(safeRedirect(target)).toBe("/");
    expect(safeRedirect(target, "/meetings")).toBe("/meetings");
  });

  test("refuses what is not text", () => {
    expect(safeRedirect(null)).toBe("/");
    expect(safeRedirect(undefined)).toBe("/");
    expect(safeRedirect(new File(["/x"], "x"))).toBe("/");
  });

  test("keeps real paths, with their queries and fragments", () => {
    expect(safeRedirect("/")).toBe("/");
    expect(safeRedirect("/meetings/12/edit")).toBe("/meetings/12/edit");
    expect(safeRedirect("/partners?page=2&sort=name#list")).toBe("/partners?page=2&sort=name#list");
    expect(safeRedirect("/search?q=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0")).toBe(
      "/search?q=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0",
    );
  });

  test("keeps non-Latin paths and queries, percent-encoded so they can be a Location header", () => {
    for (const target of ["/search?q=Астана", "/search?q=Қазақстан әкімдігі", "/people?q=黑龙江"]) {
      const kept = safeRedirect(target);
      expect(decodeURIComponent(kept.replaceAll("+", " "))).toBe(target);
      expect(() => new Headers({ Location: kept })).not.toThrow();
      expect(landsOn(kept)).toBe(ORIGIN);
    }
    expect(safeRedirect("/Астана")).toBe("/%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0");
  });

  test("a target longer than the sign-in form takes, once encoded, is not kept", () => {
    // "ә" is six characters encoded: 10 + 6 × 331 = 1996, 10 + 6 × 332 = 2002.
    expect(safeRedirect(`/search?q=${"ә".repeat(331)}`)).toHaveLength(1996);
    expect(safeRedirect(`/search?q=${"ә".repeat(332)}`)).toBe("/");
  });

  test("what it gives back is always a valid header that leads to this site", () => {
    for (const target of [...ATTACKS, "/a/./b/../c?x=1"]) {
      const kept = safeRedirect(target);
      expect(() => new Headers({ Location: kept })).not.toThrow();
      expect(landsOn(kept)).toBe(ORIGIN);
    }
  });
});

/** Calls a loader or an action as Remix would, and returns the Response it answered with. */
async function answer(call: () => Promise<unknown>) {
  try {
    const outcome = await call();
    if (outcome instanceof Response) return outcome;
    throw new Error(`expected a Response, got ${JSON.stringify(outcome)}`);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const TARGETS = [
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r/evil.example",
  "//evil.example",
  "/\\evil.example",
  "/.//evil.example",
];

describe("sign-in", () => {
  test.each(TARGETS)("signed in already, ?redirectTo=%j stays on this site", async (target) => {
    const cookie = await cookieFor("editor");
    const request = new Request(`${ORIGIN}/sign-in?${new URLSearchParams({ redirectTo: target })}`, {
      headers: { Cookie: cookie },
    });
    const response = await answer(() => signInLoader({ request, params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  test.each(TARGETS)("signing in with redirectTo %j lands on this site", async (target) => {
    const { email } = await accountFor("viewer");
    const request = formRequest("/sign-in", {
      email,
      password: TEST_PASSWORD,
      redirectTo: target,
    });
    const response = await answer(() => signInAction({ request, params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
    expect(response.headers.get("Set-Cookie")).toBeTruthy();
  });

  test("a real page to go back to, non-Latin query and all, is kept", async () => {
    const { email } = await accountFor("viewer");
    const request = formRequest("/sign-in", {
      email,
      password: TEST_PASSWORD,
      redirectTo: "/search?q=Астана",
    });
    const response = await answer(() => signInAction({ request, params: {}, context: {} }));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/search?q=%D0%90%D1%81%D1%82%D0%B0%D0%BD%D0%B0");
  });
});

describe("the language switch", () => {
  test.each(TARGETS)("redirectTo %j goes back to this site", async (target) => {
    const response = await answer(() =>
      languageAction({
        request: formRequest("/language", { lng: "kk", redirectTo: target }),
        params: {},
        context: {},
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toBe("/");
  });

  test("goes back to the page it was chosen on", async () => {
    const response = await answer(() =>
      languageAction({
        request: formRequest("/language", {
          lng: "ru",
          redirectTo: "/partners/3?tab=meetings",
        }),
        params: {},
        context: {},
      }),
    );
    expect(response.headers.get("Location")).toBe("/partners/3?tab=meetings");
    expect(await languageCookie.parse(response.headers.get("Set-Cookie"))).toBe("ru");
  });
});
