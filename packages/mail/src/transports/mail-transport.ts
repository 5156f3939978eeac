/** One rendered email on its way out. */
export interface OutgoingMail {
  readonly from: string;
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** The outbox id: stable across retries, safe in a file name. */
  readonly messageId: string;
}

/** Where mail goes: SMTP in production, files in development. `send` throws on failure. */
export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  /** For logs and `digistore doctor`; never contains a password. */
  describe(): string;
}

/** `<id@domain>` from the sender's domain, so receivers can de-duplicate retried messages. */
export function messageIdHeader(mail: OutgoingMail): string {
  const domain = /@([^\s>]+)/.exec(mail.from)?.[1] ?? "digistore.invalid";
  return `<${mail.messageId}@${domain}>`;
}
