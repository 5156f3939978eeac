#!/usr/bin/env node
// Workspace packages ship TypeScript source; tsx lets the installed command run it directly.
import { register } from "tsx/esm/api";

register();
const { main, processRuntime } = await import("../src/main.ts");
process.exitCode = await main(process.argv.slice(2), process.env, processRuntime);
// Long-running commands leave listeners behind; exit once the command is done.
process.exit();
