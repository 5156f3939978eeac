#!/usr/bin/env bash
# `npm start`: build the web app (cached), then run the store in production mode. The server
# migrates the database itself on boot.
source "$(dirname "$0")/lib.sh"
export NODE_ENV=production
"$BIN/turbo" run build --filter=@digistore/web --output-logs=errors-only
exec node --import tsx apps/web/server.ts
