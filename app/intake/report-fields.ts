/**
 * The pasted report's fields, carried by the review's forms as `report.<field>` (see
 * ReportFields). A module of its own, without the paste form's schema: the route's own chunk
 * reads it, and the schema would bring zod into every first load of the page.
 */
export const REPORT_FIELDS = ["text", "url", "outlet", "published"] as const;
