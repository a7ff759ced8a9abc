// Playwright cannot download its own browser here: it drives the system's Chromium. Say how to
// get one, instead of a stack trace, when it is missing.
import fs from "node:fs";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!fs.existsSync(chromium)) {
  console.error(
    [
      `No Chromium at ${chromium}: the end-to-end tests need one.`,
      "  On Debian or Ubuntu:  sudo apt-get install -y chromium",
      "  Where downloads are allowed:  npx playwright install chromium, then set",
      "  CHROMIUM_PATH to the chrome binary it prints.",
      "  Or point CHROMIUM_PATH at any Chromium or Chrome you have.",
    ].join("\n"),
  );
  process.exit(1);
}
const shell = process.env.CHROMIUM_HEADLESS_SHELL_PATH ?? "/usr/bin/chromium-headless-shell";
if (!fs.existsSync(shell)) {
  console.warn(
    [
      `No Chromium headless shell at ${shell}: every browser test runs in the full browser, slower.`,
      "  On Debian or Ubuntu:  sudo apt-get install -y chromium-headless-shell",
      "  Or point CHROMIUM_HEADLESS_SHELL_PATH at one.",
    ].join("\n"),
  );
}
