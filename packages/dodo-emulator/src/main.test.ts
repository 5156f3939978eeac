import DodoPayments from "dodopayments";
import { describe, expect, it } from "vitest";
import { main, type MainRuntime } from "./main";
import { newWebhookSecret } from "./testing/fixtures";

function runtime(stop: Promise<void>) {
  const out: string[] = [];
  const err: string[] = [];
  const value: MainRuntime = {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    stopSignal: stop,
  };
  return { value, out, err };
}

describe("dodo-emulator command", () => {
  it("needs the API key and the webhook secret", async () => {
    const { value, err } = runtime(Promise.resolve());
    expect(await main({}, value)).toBe(2);
    expect(err.join("")).toContain("DODO_PAYMENTS_API_KEY");
    expect(
      await main(
        { DODO_PAYMENTS_API_KEY: "k", DODO_PAYMENTS_WEBHOOK_KEY: "x", PORT: "abc" },
        value,
      ),
    ).toBe(2);
    expect(err.join("")).toContain("PORT must be a number");
  });

  it("serves on PORT, prints its URL and stops on the signal", async () => {
    let stop!: () => void;
    const { value, out } = runtime(new Promise<void>((resolve) => (stop = resolve)));
    const exit = main(
      {
        DODO_PAYMENTS_API_KEY: "cli_key",
        DODO_PAYMENTS_WEBHOOK_KEY: newWebhookSecret(),
        PORT: "0",
        DODO_WEBHOOK_URL: "http://127.0.0.1:9/webhooks/dodo",
      },
      value,
    );
    await expect.poll(() => out.join("")).toContain("listening on");
    const url = /listening on (\S+)/.exec(out.join(""))![1]!;
    const client = new DodoPayments({ bearerToken: "cli_key", baseURL: url });
    expect((await client.products.list()).items).toEqual([]);
    expect(out.join("")).toContain("webhooks: http://127.0.0.1:9/webhooks/dodo");
    stop();
    expect(await exit).toBe(0);
  });
});
