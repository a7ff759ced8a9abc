/** How often, at most, typing tells the server the session is in use. */
const EVERY_MS = 5 * 60 * 1000;

/**
 * Typing counts as using the app. A session ends after 30 minutes without a request
 * (app/models/sessions.server.ts), and someone writing a long form sends none until Save: the
 * save then found the session ended, and sent them to sign in with what they typed gone. While
 * anything is typed in the page, the server is asked for a page of nothing (`ping`) at most every
 * five minutes after the last request, which notes the session's use; a page left alone still
 * ends its session at 30 minutes. Returns what to call on every other request the page makes.
 */
export function countTypingAsUse(ping: () => Promise<unknown>) {
  let lastRequest = Date.now();
  const requested = () => {
    lastRequest = Date.now();
  };
  document.addEventListener(
    "input",
    () => {
      if (Date.now() - lastRequest < EVERY_MS) return;
      requested();
      void ping().catch(() => undefined);
    },
    { capture: true, passive: true },
  );
  return requested;
}
