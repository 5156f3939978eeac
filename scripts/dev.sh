#!/usr/bin/env bash
# `npm run dev`: the same server with Vite in middleware mode (HMR), no build step.
source "$(dirname "$0")/lib.sh"
export NODE_ENV=development
exec node --import tsx apps/web/server.ts
