import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";

export const meta: MetaFunction = () => [{ title: "Kezdesu" }];

/**
 * A page that shows nothing of the records: for load balancers and uptime checks, and the
 * benchmark's floor (what the framework costs with one trivial loader).
 */
export function loader() {
  return { status: "ok" as const };
}

export default function Health() {
  const { status } = useLoaderData<typeof loader>();
  return <h1 className="text-2xl font-semibold">{status}</h1>;
}
