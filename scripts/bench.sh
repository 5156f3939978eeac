#!/usr/bin/env bash
# `npm run bench [scenario…]`: builds the web app (cached), then runs load scenarios on loopback.
source "$(dirname "$0")/lib.sh"
"$BIN/turbo" run build --filter=@digistore/web --output-logs=errors-only
cd bench
exec "$BIN/tsx" run.ts "$@"
