import { createContext, useContext } from "react";

/**
 * The id server.ts gives every request (X-Request-Id), which its log writes beside every 500:
 * the error page shows it, so a user's report can be found in the log. The server render knows
 * its own request's; in the browser it is the last request that failed (entry.client.tsx).
 */
export const RequestIdContext = createContext<() => string | undefined>(() => undefined);
export const useRequestId = () => useContext(RequestIdContext)();
