/**
 * A server of node:http and node:cluster and nothing else, for `npm run bench:scaling`: what this
 * machine gives a second Node process when no framework, template or database is in the request.
 * Each request is pure JavaScript work of about the app's CPU on its meeting page (1,000 objects
 * made, their dates formatted, written as JSON: 0.8-0.9 ms on the benchmark's machine), so the
 * load generator's share of the machine is alike for both. Run by bench/scaling.ts:
 *   PORT=... WEB_CONCURRENCY=2 node --import tsx bench/node-only-server.ts
 */
import cluster from "node:cluster";
import http from "node:http";

const workers = Number(process.env.WEB_CONCURRENCY ?? 1);
const ROWS = 1000;

if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill();
    process.exit(0);
  });
} else {
  http
    .createServer((_request, response) => {
      const rows = [];
      for (let i = 0; i < ROWS; i++) rows.push({ id: i, name: `Астана ${i}`, date: new Date(i * 1e9).toISOString() });
      response.writeHead(200, { "Content-Type": "application/json" });
      response.end(JSON.stringify(rows));
    })
    .listen(Number(process.env.PORT ?? 3000));
}
