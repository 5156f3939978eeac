import { dataPaths, paymentsConnection, type ServerConfig } from "@digistore/config";
import { systemClock } from "@digistore/core";
import type { Db } from "@digistore/db";
import { createLocalDiskStorage } from "@digistore/domain-catalog";
import type { OrdersDeps } from "@digistore/domain-orders";
import { createSupportOrderHook } from "@digistore/domain-support";
import { createOutbox } from "@digistore/mail";
import { createDodoProvider } from "@digistore/payments-dodo";
import { randomBytes } from "node:crypto";

/** The orders domain as the CLI runs it: same provider, outbox and storage as the server. */
export function cliOrdersDeps(db: Db, config: ServerConfig): OrdersDeps {
  const connection = paymentsConnection(config);
  const emails = createOutbox({
    publicUrl: config.PUBLIC_URL,
    storeName: config.STORE_NAME,
    clock: systemClock,
  });
  return {
    db: db.db,
    dialect: db.dialect,
    clock: systemClock,
    provider: createDodoProvider({ db: db.db, clock: systemClock, ...connection }),
    emails,
    // Replaying a support order's event must move its request, as on the server.
    onOrderChange: [createSupportOrderHook({ clock: systemClock, dialect: db.dialect, emails })],
    storage: createLocalDiskStorage(dataPaths(config).storage),
    publicUrl: config.PUBLIC_URL,
    // The CLI never mints download links.
    downloadSecret: config.DOWNLOAD_SECRET ?? randomBytes(32).toString("hex"),
  };
}
