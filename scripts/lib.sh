# Shared by the project's scripts: run from the repo root, with the toolchain settings this
# machine needs (node-gyp builds native addons against local Node headers) and no telemetry.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export npm_config_nodedir="${npm_config_nodedir:-/usr}"
export TURBO_TELEMETRY_DISABLED=1
export TZ=UTC
BIN="$PWD/node_modules/.bin"
