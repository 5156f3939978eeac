import { newId, systemClock, toTimestamp, type Clock } from "@digistore/core";
import { mkdir, rename, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createTransport } from "nodemailer";
import { isDevMailId, type DevMail } from "./dev-mailbox";
import { messageIdHeader, type MailTransport } from "./mail-transport";

/**
 * Development transport: builds the real RFC 822 message (as SMTP would send it) and writes
 * `<id>.eml` plus `<id>.json` into `dir`, where `listDevMail`/`readDevMail` find them.
 */
export function createFileTransport(dir: string, options: { clock?: Clock } = {}): MailTransport {
  const clock = options.clock ?? systemClock;
  const target = resolve(dir);
  const composer = createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const id = isDevMailId(mail.messageId) ? mail.messageId : newId();
      const info = await composer.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: messageIdHeader({ ...mail, messageId: id }),
      });
      if (!Buffer.isBuffer(info.message)) throw new Error("nodemailer did not buffer the message");
      const stored: DevMail = {
        id,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        sentAt: toTimestamp(clock.now()),
      };
      await mkdir(target, { recursive: true });
      await writeFile(join(target, `${id}.eml`), info.message);
      // The .json marks a complete email for the mailbox listing, so it appears last and whole.
      const temp = join(target, `.${id}.json.tmp`);
      await writeFile(temp, `${JSON.stringify(stored, null, 2)}\n`);
      await rename(temp, join(target, `${id}.json`));
    },
    describe: () => `file ${target}`,
  };
}
