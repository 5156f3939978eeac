#!/usr/bin/env bash
# The README test command: lint, typecheck and build (cached by turbo), then every test.
source "$(dirname "$0")/lib.sh"
bash scripts/ensure-chromium.sh
"$BIN/turbo" run lint typecheck build --output-logs=errors-only
exec "$BIN/vitest" run "$@"
