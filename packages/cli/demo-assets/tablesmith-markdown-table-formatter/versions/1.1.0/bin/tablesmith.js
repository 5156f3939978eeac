#!/usr/bin/env node
import { readFileSync, writeFileSync } from "node:fs";
import { formatTables } from "../src/index.js";

for (const file of process.argv.slice(2)) {
  writeFileSync(file, formatTables(readFileSync(file, "utf8")));
  console.log(`formatted ${file}`);
}
