import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { pipeline } from "node:stream/promises";

// The download baseline: every request gets the file named on the command line, piped from
// fs.createReadStream with its length, and nothing else (no auth, no logging, no database).
const file = process.argv[2];
if (!file) throw new Error("usage: bare-file.ts <file>");

const server = createServer((_req, res) => {
  const { size } = statSync(file);
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": String(size),
  });
  pipeline(createReadStream(file), res).catch(() => res.destroy());
});
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
