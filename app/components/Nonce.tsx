import { createContext, useContext } from "react";

/**
 * This request's Content-Security-Policy nonce (server.ts), for the inline scripts Remix writes.
 * Only the server render needs it: the browser hides nonces from scripts, so it is "" there.
 */
export const NonceContext = createContext("");
export const useNonce = () => useContext(NonceContext);
