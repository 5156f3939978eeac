import { createServer } from "node:http";

// The baseline: no framework, no middleware, the same response shape as health.ping.
const server = createServer((_req, res) => {
  const body = JSON.stringify({
    result: { data: { status: "ok", time: new Date().toISOString() } },
  });
  res.writeHead(200, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
  });
  res.end(body);
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
