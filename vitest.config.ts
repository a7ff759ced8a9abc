import os from "node:os";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "~": fileURLToPath(new URL("./app", import.meta.url)),
      "~db": fileURLToPath(new URL("./db", import.meta.url)),
    },
  },
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    setupFiles: ["tests/setup/database.ts"],
    pool: "forks",
    // Vitest runs one file at a time on two cores (it keeps one for itself): most files wait on a
    // server or the disk part of the time, and two at once took the unit tests 178 -> 110 s.
    maxWorkers: Math.max(2, os.availableParallelism() - 1),
  },
});
