#!/usr/bin/env bash
# `npm start`: build the web app (cached), then run the store in production mode. The server
# migrates the database itself on boot; before that, unless DEMO=off, a store with no users
# gets the demo accounts and products (`digistore seed --demo --if-empty`), so a fresh clone
# opens on a full store and a restart keeps whatever is there.
source "$(dirname "$0")/lib.sh"
export NODE_ENV=production
"$BIN/turbo" run build --filter=@digistore/web --output-logs=errors-only
if [[ "${DEMO:-}" != "off" ]]; then
  node packages/cli/bin/digistore.js migrate
  node packages/cli/bin/digistore.js seed --demo --if-empty
fi
# The bundled server (apps/web/scripts/build-server.mjs): plain node, no TypeScript loader.
exec node --enable-source-maps apps/web/build/server.mjs
