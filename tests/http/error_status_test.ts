import { deepEqual, equal } from "node:assert/strict";
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import {
  ConfigError,
  ConflictError,
  InvalidDataError,
  NotFoundError,
  UnauthorizedError,
  UsageError,
} from "../../src/errors.ts";
import { errorResponse, statusOf } from "../../src/http/mod.ts";

const cases: [string, unknown, number][] = [
  ["NotFoundError", new NotFoundError("x"), 404],
  ["UnauthorizedError", new UnauthorizedError("x"), 401],
  ["ConflictError", new ConflictError("x"), 409],
  ["UsageError", new UsageError("x"), 400],
  ["InvalidDataError", new InvalidDataError("x"), 422],
  ["ConfigError", new ConfigError("x"), 500],
  ["an HTTPException", new HTTPException(431), 431],
  ["a TypeError", new TypeError("x"), 500],
  ["a thrown string", "x", 500],
];
for (const [what, error, status] of cases) {
  Deno.test(`statusOf() maps ${what} to ${status}`, () => {
    equal(statusOf(error), status);
  });
}

async function responseFor(error: unknown): Promise<Response> {
  const app = new Hono();
  app.get("/", () => {
    throw error;
  });
  app.onError((cause, c) => errorResponse(c, cause));
  return await app.request("/");
}

Deno.test("errorResponse() sends the message of a client error as JSON", async () => {
  const response = await responseFor(new NotFoundError("No such feed"));
  equal(response.status, 404);
  deepEqual(await response.json(), { error: "No such feed" });
  equal(response.headers.get("Cache-Control"), "no-store");
});

Deno.test("errorResponse() hides the message of a server error", async () => {
  const response = await responseFor(new Error("cannot read /srv/data/events/secret.json"));
  equal(response.status, 500);
  deepEqual(await response.json(), { error: "Internal server error; see the daemon's log" });
});

Deno.test("errorResponse() asks for a bearer token on 401", async () => {
  const response = await responseFor(new UnauthorizedError("no"));
  equal(response.headers.get("WWW-Authenticate"), 'Bearer realm="kura"');
});
