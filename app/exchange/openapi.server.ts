/**
 * The API's OpenAPI 3.1 description, generated from the zod schemas its endpoints parse their
 * answers with (./api-schemas.ts), and the collections it serves (./api.server.ts).
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { ApiError, ApiGone, oneOf, PAGE, pageOf } from "./api-schemas";
import { COLLECTIONS } from "./api.server";

let document: ReturnType<OpenApiGeneratorV31["generateDocument"]> | null = null;

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: ApiError } },
});

function build() {
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token made on the account's API tokens page (/account/api).",
  });
  const security = [{ [bearer.name]: [] }];
  const denied = {
    401: errorResponse("No token, or a token that is not valid or was revoked."),
    405: errorResponse("Only GET and HEAD."),
  };
  for (const [name, collection] of Object.entries(COLLECTIONS)) {
    registry.registerPath({
      method: "get",
      path: `/api/v1/${name}`,
      operationId: `list_${name}`,
      summary: collection.title,
      security,
      request: {
        query: z.object({
          limit: z
            .string()
            .regex(/^\d+$/)
            .optional()
            .openapi({ description: `Rows per page, 1 to ${PAGE.maxLimit}; ${PAGE.defaultLimit} if not given.` }),
          cursor: z
            .string()
            .regex(/^\d+$/)
            .optional()
            .openapi({ description: "Where the page starts: as given in the previous page's `next`." }),
        }),
      },
      responses: {
        200: {
          description: "A page, in id order; `next` is the address of the following page, or null on the last.",
          content: { "application/json": { schema: pageOf(collection.schema) } },
        },
        400: errorResponse("A bad `limit` or `cursor`."),
        ...denied,
      },
    });
    registry.registerPath({
      method: "get",
      path: `/api/v1/${name}/{id}`,
      operationId: `get_${name}`,
      summary: `One of: ${collection.title.toLowerCase()}`,
      security,
      request: { params: z.object({ id: z.string().regex(/^\d+$/) }) },
      responses: {
        200: { description: "The record.", content: { "application/json": { schema: oneOf(collection.schema) } } },
        404: errorResponse("No such record."),
        410: {
          description: "The record was deleted (an administrator can restore it): `deletedAt` says when.",
          content: { "application/json": { schema: ApiGone } },
        },
        ...denied,
      },
    });
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Kezdesu API",
      version: "1.0.0",
      description:
        "Read-only access to the Astana city maslikhat's record of its international relations. Names come in every language recorded (kk, ru, en and the original script); dates carry their precision.",
    },
    servers: [{ url: "/" }],
  });
}

/** Built once: it depends on the code only. */
export function openApiDocument() {
  document ??= build();
  return document;
}
