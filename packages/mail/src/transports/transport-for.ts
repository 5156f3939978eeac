import type { MailTransport } from "./mail-transport";
import { createFileTransport } from "./file-transport";
import { createSmtpTransport } from "./smtp-transport";

/** SMTP when a URL is configured, otherwise the dev mailbox folder: one rule for every app. */
export function createMailTransport(options: {
  smtpUrl?: string | undefined;
  devMailDir: string;
}): MailTransport {
  return options.smtpUrl
    ? createSmtpTransport(options.smtpUrl)
    : createFileTransport(options.devMailDir);
}
