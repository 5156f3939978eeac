import { createTransport } from "nodemailer";
import { messageIdHeader, type MailTransport } from "./mail-transport";

/**
 * SMTP via nodemailer, from a URL like `smtps://user:pass@smtp.example.com` or
 * `smtp://127.0.0.1:1025`. Query options in the URL (e.g. `?ignoreTLS=true`) override ours.
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  if (url.protocol !== "smtp:" && url.protocol !== "smtps:") {
    throw new TypeError(`SMTP URL must start with smtp:// or smtps://, got ${url.protocol}`);
  }
  const transporter = createTransport({
    url: smtpUrl,
    // nodemailer waits up to 10 minutes by default; a hung server must fail well within the
    // worker's claim (lockMs) so another worker never sends the same email in parallel.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  if (url.password) url.password = "***";
  const described = `smtp ${url.toString()}`;
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdHeader(mail),
      });
    },
    describe: () => described,
  };
}
