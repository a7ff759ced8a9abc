/** The server started on an empty database (see playwright.config.ts). */
export const EMPTY_APP = `http://localhost:${Number(process.env.E2E_PORT ?? 3123) + 1}`;
