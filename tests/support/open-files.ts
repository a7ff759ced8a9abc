import fs from "node:fs";

/** The files this process holds open whose path contains `part` (Linux: /proc/self/fd). */
export function filesHeldOpen(part: string): string[] {
  return fs
    .readdirSync("/proc/self/fd")
    .map((fd) => {
      try {
        return fs.readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return "";
      }
    })
    .filter((target) => target.includes(part));
}
