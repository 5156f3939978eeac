import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { ConflictError, NotFoundError, RateLimitedError, ValidationError } from "@digistore/core";
import { createTestApi, type TestApi } from "./testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { createContext } from "./context";
import { createCallerFactory, publicProcedure, router } from "./procedures";

// A router made only for this test: each procedure throws one kind of failure.
const testRouter = router({
  missing: publicProcedure.query(() => {
    throw new NotFoundError("No such product");
  }),
  clash: publicProcedure.mutation(() => {
    throw new ConflictError("That slug is taken");
  }),
  invalid: publicProcedure.mutation(() => {
    throw new ValidationError("Title is required", { title: ["Title is required"] });
  }),
  limited: publicProcedure.mutation(() => {
    throw new RateLimitedError("Too many attempts", 42);
  }),
  crash: publicProcedure.query(() => {
    throw new Error("database password is hunter2");
  }),
  echo: publicProcedure
    .input(z.object({ email: z.email("Enter a valid email address") }))
    .mutation(({ input }) => input.email),
});

let api: TestApi;
beforeAll(async () => {
  api = await createTestApi("sqlite");
});
afterAll(() => api.close());

function ctx() {
  return createContext(api.services, { requestId: "req-1" });
}

async function call(path: string, body?: unknown) {
  const request = new Request(`http://test/api/trpc/${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const response = await fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: testRouter,
    createContext: ctx,
  });
  const json = (await response.json()) as {
    error: { message: string; data: Record<string, unknown> };
  };
  return { status: response.status, error: json.error };
}

describe("domain error mapping", () => {
  it("maps each domain error to its tRPC code and HTTP status", async () => {
    expect(await call("missing")).toMatchObject({
      status: 404,
      error: { message: "No such product", data: { code: "NOT_FOUND" } },
    });
    expect((await call("clash", {})).status).toBe(409);
    expect((await call("limited", {})).error.data).toMatchObject({
      code: "TOO_MANY_REQUESTS",
      retryAfterSeconds: 42,
    });
  });

  it("carries per-field messages for validation errors, from the domain or from zod", async () => {
    const domain = await call("invalid", {});
    expect(domain.status).toBe(400);
    expect(domain.error.data.fieldErrors).toEqual({ title: ["Title is required"] });

    const zod = await call("echo", { email: "not-an-email" });
    expect(zod.status).toBe(400);
    expect(zod.error.message).toBe("email: Enter a valid email address");
    expect(zod.error.data.fieldErrors).toEqual({ email: ["Enter a valid email address"] });
  });

  it("never leaks an internal error's message or stack", async () => {
    const { status, error } = await call("crash");
    expect(status).toBe(500);
    expect(error.message).not.toMatch(/hunter2/);
    expect(JSON.stringify(error)).not.toMatch(/hunter2|at .*\.ts/);
  });

  it("gives server-side callers the mapped code too", async () => {
    const caller = createCallerFactory(testRouter)(ctx);
    await expect(caller.missing()).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
