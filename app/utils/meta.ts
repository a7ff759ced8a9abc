import type { MetaDescriptor } from "@remix-run/node";

/** Page titles come translated from each loader: meta functions cannot use hooks. */
export function titled(data: { title?: string } | undefined): MetaDescriptor[] {
  return [{ title: data?.title ? `${data.title} · Kezdesu` : "Kezdesu" }];
}
