import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

export function ActionLink({ to, children, tone = "primary" }: { to: string; children: ReactNode; tone?: "primary" | "secondary" | "danger" }) {
  const tones = {
    primary: "bg-sky-800 text-white hover:bg-sky-900",
    secondary: "border border-stone-300 bg-white text-stone-800 hover:bg-stone-100",
    danger: "border border-red-300 bg-white text-red-800 hover:bg-red-50",
  };
  return (
    <Link to={to} className={`inline-block rounded px-3 py-1.5 text-sm font-medium print:hidden ${tones[tone]}`}>
      {children}
    </Link>
  );
}
