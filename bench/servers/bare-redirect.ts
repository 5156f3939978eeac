import { createServer } from "node:http";

// The redirect's baseline: no framework, no lookup, no click — a fixed 302 to the destination
// the store's link answers with (passed as the first argument), uncached like the store's.
const location = process.argv[2] ?? "https://example.com/";
const server = createServer((_req, res) => {
  res.writeHead(302, { location, "cache-control": "no-store", "content-length": 0 });
  res.end();
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
