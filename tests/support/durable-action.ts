import type { ActionFunction, ActionFunctionArgs, ServerBuild } from "@remix-run/node";
import { answersAfterTheDisk } from "~db/durable-answers";
import { busyAnswer } from "~/forms/parse.server";

/**
 * Runs `action` as the one action of a build wrapped as server.ts wraps it: answered once what
 * `start` gives (called as the action starts) has resolved.
 */
export function runDurableAction(action: () => Promise<unknown>, start: () => () => Promise<void>) {
  const build = { routes: { notes: { id: "notes", path: "notes", module: { action } } } } as unknown as ServerBuild;
  const route = answersAfterTheDisk(build, start).routes.notes;
  return (route.module.action as (args: ActionFunctionArgs) => Promise<unknown>)({
    request: new Request("http://localhost/notes", { method: "POST" }),
    params: {},
    context: {},
  });
}

/**
 * A route's action as server.ts serves it (answersAfterTheDisk, with the build's busyAnswer),
 * answered at once: nothing here waits for a disk.
 */
export function servedAction(action: ActionFunction): ActionFunction {
  const build = {
    entry: { module: { busyAnswer } },
    routes: { route: { id: "route", path: "route", module: { action } } },
  } as unknown as ServerBuild;
  return answersAfterTheDisk(build, () => async () => {}).routes.route.module.action!;
}
