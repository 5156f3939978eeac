#!/usr/bin/env bash
# `npm start`: build the web app (cached), then run the store in production mode. The server
# migrates the database itself on boot.
#
# By default this is the demo store (DEMO=on): the Dodo payment emulator, the dev mailbox,
# loopback only, and — when the store has no users yet — the demo accounts and products
# (`digistore seed --demo --if-empty`), so a fresh clone opens on a full store. `DEMO=off`
# is a production configuration: no emulator, no mailbox, no demo data; it refuses to start
# without real payment settings (see "Running in production" in the README).
source "$(dirname "$0")/lib.sh"
export NODE_ENV=production
export DEMO="${DEMO:-on}"
"$BIN/turbo" run build --filter=@digistore/web --output-logs=errors-only
if [[ "$DEMO" == "on" ]]; then
  node packages/cli/bin/digistore.js migrate
  node packages/cli/bin/digistore.js seed --demo --if-empty
fi
# The bundled server (apps/web/scripts/build-server.mjs): plain node, no TypeScript loader.
exec node --enable-source-maps apps/web/build/server.mjs
