// What other packages' tests may use of the emulator's test helpers.
export { startWebhookReceiver } from "./webhook-receiver";
export type { ReceivedWebhook, WebhookReceiver } from "./webhook-receiver";
