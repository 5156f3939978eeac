import {
  ZActivateLicenseInput,
  ZDeactivateLicenseInput,
  ZValidateLicenseInput,
} from "@digistore/domain-licenses";
import { z } from "zod";

const check = {
  type: "object",
  required: ["valid", "status", "message", "productId", "activationCount", "token"],
  properties: {
    valid: { type: "boolean" },
    status: { enum: ["active", "suspended", "revoked", "disabled", "expired"] },
    message: { type: "string" },
    productId: { type: "string" },
    expiresAt: { type: ["string", "null"], format: "date-time" },
    activationLimit: { type: ["integer", "null"], description: "null: unlimited" },
    activationCount: { type: "integer" },
    instance: {
      type: ["object", "null"],
      properties: { id: { type: "string" }, name: { type: "string" } },
    },
    token: {
      type: ["string", "null"],
      description:
        "Offline token: base64url(JSON claims) '.' base64url(Ed25519 signature of the first part), " +
        "verifiable with the store's public key; trust it until its `exp` (at most 30 days).",
    },
  },
} as const;

const error = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
} as const;

const json = (schema: object) => ({ "application/json": { schema } });
const requestBody = (schema: z.ZodType) => {
  const { $schema: _, ...body } = z.toJSONSchema(schema, { io: "input" });
  return { required: true, content: json(body) };
};
const failures = {
  "400": { description: "The body is not a valid call", content: json(error) },
  "404": {
    description:
      "No licence with this key for this product (another product's key answers the same)",
    content: json(error),
  },
  "429": { description: "Too many calls for this key or from this address", content: json(error) },
};

/** The OpenAPI 3.1 description of the public licence API, served at /api/v1/openapi.json. */
export function licenseApiDocument(publicUrl: string) {
  const operation = (summary: string, input: z.ZodType, ok: object, extra: object = {}) => ({
    post: {
      summary,
      requestBody: requestBody(input),
      responses: { "200": { description: "OK", content: json(ok) }, ...failures, ...extra },
    },
  });
  return {
    openapi: "3.1.0",
    info: {
      title: "DigiStore licence API",
      version: "1",
      description:
        "Check, activate and release licence keys from your own software. The key is the " +
        "credential: send no cookie. Calls are limited to 60 a minute per key and 300 per address.",
    },
    servers: [{ url: `${publicUrl}/api/v1` }],
    paths: {
      "/licenses/validate": operation(
        "Is this key good for this product (and on this machine, with instanceId)?",
        ZValidateLicenseInput,
        check,
      ),
      "/licenses/activate": operation(
        "Take one of the key's machine slots",
        ZActivateLicenseInput,
        check,
        {
          "403": { description: "The licence is not active", content: json(error) },
          "409": { description: "Every machine slot is taken", content: json(error) },
        },
      ),
      "/licenses/deactivate": operation("Free a machine's slot", ZDeactivateLicenseInput, {
        type: "object",
        properties: { deactivated: { const: true } },
      }),
    },
  };
}
