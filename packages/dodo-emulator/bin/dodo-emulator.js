#!/usr/bin/env node
// Workspace packages ship TypeScript source; tsx lets the installed command run it directly.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/main.ts");
process.exitCode = await main(process.env);
// Stop once the emulator has closed, even if a client left a connection behind.
process.exit();
