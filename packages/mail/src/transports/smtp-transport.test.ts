import { createServer, type AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startSmtpSink, type SmtpSink } from "../testing/smtp-sink";
import { createSmtpTransport } from "./smtp-transport";

const mail = {
  from: "no-reply@shop.example.com",
  to: "bob@example.com",
  subject: "Hello",
  text: "Plain body",
  html: "<p>HTML body</p>",
  messageId: "01900000-0000-7000-8000-000000000001",
};

describe("SMTP transport", () => {
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await sink?.close();
    sink = undefined;
  });

  it("sends through a real SMTP server with a stable Message-ID", async () => {
    sink = await startSmtpSink();
    await createSmtpTransport(sink.url).send(mail);
    expect(sink.received).toHaveLength(1);
    expect(sink.received[0]!.rcptTo).toEqual(["bob@example.com"]);
    expect(sink.received[0]!.decoded).toContain(`<${mail.messageId}@shop.example.com>`);
    expect(sink.received[0]!.decoded).toContain("Plain body");
    expect(sink.received[0]!.decoded).toContain("<p>HTML body</p>");
  });

  it("rejects when no server is listening", async () => {
    const port = await freePort();
    await expect(createSmtpTransport(`smtp://127.0.0.1:${port}`).send(mail)).rejects.toThrow();
  });

  it("never shows the password and refuses non-SMTP URLs", () => {
    const described = createSmtpTransport("smtps://user:s3cret@smtp.example.com:465").describe();
    expect(described).not.toContain("s3cret");
    expect(described).toContain("smtp.example.com:465");
    expect(() => createSmtpTransport("http://smtp.example.com")).toThrow(/smtp/);
  });
});

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
