import type { Clock } from "@digistore/core";
import type { Database } from "@digistore/db";
import type { Kysely } from "kysely";
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
} from "node:crypto";
import { findSigningKeyRow, insertSigningKeyIfAbsent } from "./licenses.repository";

export interface StoreSigningKey {
  readonly privateKey: KeyObject;
  /** SPKI PEM: what a seller pastes into their app to verify tokens offline. */
  readonly publicKeyPem: string;
}

/**
 * The store's Ed25519 pair, made on first use. Two processes racing to make it both insert
 * "if absent" and then read back the one that won, so every token is signed by one key.
 */
export async function storeSigningKey(
  db: Kysely<Database>,
  clock: Clock,
): Promise<StoreSigningKey> {
  let row = await findSigningKeyRow(db);
  if (!row) {
    const pair = generateKeyPairSync("ed25519");
    await insertSigningKeyIfAbsent(db, {
      public_key: pair.publicKey.export({ type: "spki", format: "pem" }).toString(),
      private_key: pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
      created_at: clock.now().toISOString(),
    });
    row = (await findSigningKeyRow(db))!;
  }
  return {
    privateKey: createPrivateKey(row.private_key),
    publicKeyPem: createPublicKey(row.public_key)
      .export({ type: "spki", format: "pem" })
      .toString(),
  };
}
