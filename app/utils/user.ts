import { useRouteLoaderData } from "@remix-run/react";
import type { UserRole } from "~db/enums";

type RootData = { user: { id: number; name: string; email: string; role: UserRole } | null };

const RANK: Record<UserRole, number> = { viewer: 0, editor: 1, admin: 2 };

/** The signed-in account, as the root loader found it. */
export function useUser() {
  return useRouteLoaderData<RootData>("root")?.user ?? null;
}

/** Whether to show a control; the server checks again, whatever is shown. */
export function useCan(role: UserRole) {
  const user = useUser();
  return Boolean(user && RANK[user.role] >= RANK[role]);
}
