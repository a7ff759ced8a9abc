// A module of their own: the list pages' export links need these, not the column tables beside
// them in ./columns.ts (1.3 KB of the page's JavaScript; issue 17).
export const EXPORT_LISTS = ["partners", "meetings", "initiatives", "people", "organisations", "search"] as const;
export type ExportList = (typeof EXPORT_LISTS)[number];

/** The most rows an export holds (app/exchange/export.server.ts); the list pages say so. */
export const EXPORT_LIMIT = 5000;
