/**
 * The forms' schemas and parser (and the import's columns), as the routes' actions take them. A route imports them from
 * here, never from their own modules: an import in a route module, even one only its action
 * uses, makes the browser load the module with the route (esbuild follows it), and zod, conform
 * and the schemas are left out of every page's first load (./deferred.tsx, issue 17). Remix
 * gives the browser an empty module for a `.server` file.
 */
export { parseWithZod } from "./parse-with-zod";
export {
  AcceptInvitationSchema,
  AccountChangeSchema,
  InviteSchema,
  PasswordChangeSchema,
  SignInSchema,
} from "./account";
export { SECRET_FIELDS } from "./account";
export { ApiTokenCreateSchema, ApiTokenSchema } from "./api-token";
export { CalendarFeedSchema } from "./calendar-feed";
export { DelegationSchema } from "./delegation";
export { documentSchema } from "./document";
export { formErrorMap } from "./error-map";
export { RestoreSchema, RevertSchema } from "./history";
export { ImportSchema, MAPPING_IGNORE, MAX_MAPPED_COLUMNS } from "./import";
export { MEETING_COLUMNS } from "~/exchange/columns";
export { PasteSchema } from "~/intake/paste-form";
export { InitiativeSchema, InitiativeStepSchema } from "./initiative";
export { MeetingSchema } from "./meeting";
export { OrganisationSchema } from "./organisation";
export { PartnerSchema } from "./partner";
export { PersonSchema } from "./person";
export { RelationFieldsSchema, RelationSchema, RelationStepSchema } from "./relation";
