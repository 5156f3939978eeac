#!/usr/bin/env bash
# The README test command: lint, typecheck and build (cached by turbo), format and unused-code
# checks, then every test.
source "$(dirname "$0")/lib.sh"
bash scripts/ensure-chromium.sh
"$BIN/turbo" run lint typecheck build --output-logs=errors-only
# One format for every file, and no export, file or dependency that nothing uses.
"$BIN/prettier" --check --log-level warn .
"$BIN/knip"
exec "$BIN/vitest" run "$@"
