import { useLocation } from "@remix-run/react";
import { useRef } from "react";

type FlashMessage = { id: string; message: string };

/**
 * The one-time confirmation after a save, announced to screen readers. The root's data is not
 * reloaded on plain navigation, so the message is tied to the page it arrived with.
 */
export function Flash({ flash }: { flash: FlashMessage | null | undefined }) {
  const location = useLocation();
  const arrival = useRef<{ id: string; key: string } | null>(null);
  if (flash && arrival.current?.id !== flash.id) arrival.current = { id: flash.id, key: location.key };
  if (!flash || arrival.current?.key !== location.key) return null;
  return (
    <p
      role="status"
      className="mb-4 rounded border border-emerald-300 bg-emerald-50 px-4 py-2 text-emerald-900 print:hidden"
    >
      {flash.message}
    </p>
  );
}
