import { APIError, NotFoundError, type default as DodoPayments } from "dodopayments";
import { afterEach, describe, expect, it, vi } from "vitest";
import { callDodo, createDodoClient } from "./dodo-client";

describe("createDodoClient", () => {
  afterEach(() => vi.unstubAllEnvs());

  const options = { apiKey: "key", webhookKey: "whsec_c2VjcmV0" };

  it("talks to Dodo's test mode unless told otherwise", () => {
    expect(createDodoClient(options).baseURL).toBe("https://test.dodopayments.com");
    expect(createDodoClient({ ...options, environment: "live_mode" }).baseURL).toBe(
      "https://live.dodopayments.com",
    );
  });

  it("lets a base URL (the emulator) override the environment", () => {
    const client = createDodoClient({
      ...options,
      environment: "live_mode",
      baseUrl: "http://127.0.0.1:9/_dodo",
    });
    expect(client.baseURL).toBe("http://127.0.0.1:9/_dodo");
  });

  it("ignores the SDK's own DODO_PAYMENTS_BASE_URL variable", () => {
    vi.stubEnv("DODO_PAYMENTS_BASE_URL", "http://elsewhere.example");
    expect(createDodoClient(options).baseURL).toBe("https://test.dodopayments.com");
  });

  it("uses the fetch it is given", async () => {
    const fetch = vi.fn(() =>
      Promise.resolve(Response.json({ message: "nope", code: "NOT_FOUND" }, { status: 404 })),
    );
    const client: DodoPayments = createDodoClient({
      ...options,
      baseUrl: "http://dodo.test",
      fetch,
    });
    await expect(client.payments.retrieve("pay_1")).rejects.toBeInstanceOf(NotFoundError);
    expect(fetch).toHaveBeenCalledOnce();
  });

  it("needs an API key", () => {
    expect(() => createDodoClient({ ...options, apiKey: "" })).toThrow(/apiKey/);
  });
});

describe("callDodo", () => {
  it("turns Dodo's errors into plain Errors with Dodo's message, keeping the cause", async () => {
    const apiError = APIError.generate(
      400,
      { code: "X", message: "Payment is already refunded" },
      undefined,
      new Headers(),
    );
    const error: unknown = await callDodo("refund the payment", () =>
      Promise.reject(apiError),
    ).catch((e: unknown) => e);
    expect((error as Error).constructor).toBe(Error);
    expect((error as Error).message).toBe(
      "Dodo Payments could not refund the payment: 400 Payment is already refunded",
    );
    expect((error as Error).cause).toBe(apiError);
  });

  it("passes anything else through unchanged", async () => {
    const bug = new TypeError("bug");
    await expect(callDodo("x", () => Promise.reject(bug))).rejects.toBe(bug);
    await expect(callDodo("x", () => Promise.resolve(7))).resolves.toBe(7);
  });
});
