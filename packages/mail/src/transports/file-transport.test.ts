import { ManualClock, SECOND } from "@digistore/core";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listDevMail, readDevMail } from "./dev-mailbox";
import { createFileTransport } from "./file-transport";
import type { OutgoingMail } from "./mail-transport";

const ID_A = "01900000-0000-7000-8000-00000000000a";
const ID_B = "01900000-0000-7000-8000-00000000000b";

function mail(messageId: string, subject: string): OutgoingMail {
  return {
    from: "no-reply@shop.example.com",
    to: "alice@example.com",
    subject,
    text: "Hello Alice",
    html: "<p>Hello Alice</p>",
    messageId,
  };
}

describe("file transport and dev mailbox", () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "digistore-mail-"));
    dir = join(root, "var", "mail");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("writes the RFC 822 message and its JSON record, creating the directory", async () => {
    const clock = new ManualClock("2026-11-21T10:00:00.000Z");
    const transport = createFileTransport(dir, { clock });
    expect(transport.describe()).toBe(`file ${dir}`);
    await transport.send(mail(ID_A, "Welcome to Pixel Shop"));

    const eml = readFileSync(join(dir, `${ID_A}.eml`), "utf8");
    expect(eml).toMatch(/^Subject: Welcome to Pixel Shop$/m);
    expect(eml).toMatch(/^To: alice@example\.com$/m);
    expect(eml).toContain(`Message-ID: <${ID_A}@shop.example.com>`);
    expect(eml).toContain("Hello Alice");
    expect(JSON.parse(readFileSync(join(dir, `${ID_A}.json`), "utf8"))).toEqual({
      id: ID_A,
      from: "no-reply@shop.example.com",
      to: "alice@example.com",
      subject: "Welcome to Pixel Shop",
      text: "Hello Alice",
      html: "<p>Hello Alice</p>",
      sentAt: "2026-11-21T10:00:00.000Z",
    });
  });

  it("names the files with a fresh id when the message id is not file-safe", async () => {
    await createFileTransport(dir).send(mail("../../escape", "S"));
    const [entry] = await listDevMail(dir);
    expect(entry?.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(existsSync(join(root, "escape.json"))).toBe(false);
  });

  it("lists newest first with a limit and reads one email back", async () => {
    const clock = new ManualClock("2026-11-21T10:00:00.000Z");
    const transport = createFileTransport(dir, { clock });
    await transport.send(mail(ID_A, "First"));
    clock.advance(SECOND);
    await transport.send(mail(ID_B, "Second"));
    writeFileSync(join(dir, "broken.json"), "{not json");

    expect(await listDevMail(dir)).toEqual([
      { id: ID_B, to: "alice@example.com", subject: "Second", sentAt: "2026-11-21T10:00:01.000Z" },
      { id: ID_A, to: "alice@example.com", subject: "First", sentAt: "2026-11-21T10:00:00.000Z" },
    ]);
    expect((await listDevMail(dir, { limit: 1 })).map((m) => m.id)).toEqual([ID_B]);
    expect(await readDevMail(dir, ID_A)).toMatchObject({ id: ID_A, html: "<p>Hello Alice</p>" });
    expect(await readDevMail(dir, "01900000-0000-7000-8000-0000000000ff")).toBeNull();
  });

  it("treats a missing directory as an empty mailbox", async () => {
    expect(await listDevMail(join(root, "nowhere"))).toEqual([]);
    expect(await readDevMail(join(root, "nowhere"), ID_A)).toBeNull();
  });

  it("returns null for ids that could leave the directory", async () => {
    // A readable JSON file outside the mailbox that a traversal would reach.
    const secret = { id: "x", from: "f", to: "t", subject: "s", text: "t", html: "h", sentAt: "" };
    rmSync(dir, { recursive: true, force: true });
    await createFileTransport(dir).send(mail(ID_A, "S"));
    writeFileSync(join(dir, "..", "secret.json"), JSON.stringify(secret));
    for (const id of ["../../etc/passwd", "../secret", "..%2fsecret", "", ID_A.toUpperCase()]) {
      expect(await readDevMail(dir, id)).toBeNull();
    }
  });
});
