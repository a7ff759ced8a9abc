import { useLoaderData } from "@remix-run/react";
import { newestPartners } from "../partners.server";

export function loader() {
  return { partners: newestPartners() };
}

export default function Index() {
  const { partners } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Partners</h1>
      <ul>
        {partners.map((p) => (
          <li key={p.id}>{p.name}</li>
        ))}
      </ul>
    </main>
  );
}
