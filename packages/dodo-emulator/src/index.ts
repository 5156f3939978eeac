export { createDodoEmulator } from "./emulator";
export type { DodoEmulator, DodoEmulatorOptions } from "./emulator";
export type { DodoEmulatorControl } from "./control";
export type { DisputeOutcome } from "./disputes";
export type { DisputeRecord } from "./state";
export type {
  WebhookAttempt,
  WebhookEventRecord,
  WebhookEventStatus,
  WebhookPayload,
  WebhookRunKind,
} from "./webhooks/dispatcher";
export type { NodeRequestListener } from "./http/handler";
