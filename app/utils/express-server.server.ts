/**
 * The HTTP server for an Express app, making each request and response of Express's own kind
 * from the start, where app.listen() makes Node's and Express then changes their prototype.
 *
 * Express gives every request and response its methods with Object.setPrototypeOf (its
 * expressInit), and V8 pays for an object whose prototype changes: a bare Express app with one
 * route answered 10,300 requests a second on app.listen()'s server and 19,700 on this one, and
 * on the first every request's objects outlived V8's young generation (4 MB promoted a
 * collection, against none). Kezdesu's POST costs 0.89 of the CPU it did, its shell 0.77
 * (bench/RESULTS.md, the twenty-sixth stop). Node makes its requests and responses with the
 * constructors given here, whose prototypes are the app's (app.request, app.response): Express
 * still sets them, to what they already are, which costs nothing.
 */
import http from "node:http";
import type { Socket } from "node:net";
import type { Express } from "express";

export function serverFor(app: Express): http.Server {
  // Constructor functions, not classes: a class's prototype cannot be made the app's own object.
  // Node's IncomingMessage and ServerResponse are functions too, and are called as such.
  function AppRequest(this: http.IncomingMessage, socket: Socket) {
    Reflect.apply(http.IncomingMessage, this, [socket]);
  }
  AppRequest.prototype = app.request;
  function AppResponse(this: http.ServerResponse, req: http.IncomingMessage, options?: unknown) {
    Reflect.apply(http.ServerResponse, this, [req, options]);
  }
  AppResponse.prototype = app.response;
  return http.createServer(
    {
      IncomingMessage: AppRequest as unknown as typeof http.IncomingMessage,
      ServerResponse: AppResponse as unknown as typeof http.ServerResponse,
    },
    app,
  );
}
