/**
 * @module
 * Bearer-token authentication (`Authorization: Bearer <token>`), for feeds now and admin routes later.
 * Tokens are never taken from the URL (it ends up in logs and proxies). A missing token and a wrong
 * one get the same 401 and the same message, so the answer tells nothing about the token store;
 * the comparison itself is constant-time (TokenStore.verify).
 */
import type { Context, MiddlewareHandler } from "hono";
import { UnauthorizedError } from "../errors.ts";
import type { TokenRecord, TokenScope, TokenStore } from "../store/mod.ts";
import type { AppEnv } from "./app_env.ts";

/** What authentication needs of the token store. */
export type TokenVerifier = Pick<TokenStore, "verify">;

/** The token of an `Authorization: Bearer <token>` header value, or undefined. */
export function bearerToken(header: string | undefined | null): string | undefined {
  if (header === undefined || header === null) return undefined;
  const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(header);
  return match?.[1];
}

/** Where {@link tokenOf} looks a token up, and for what. */
export interface TokenCheck {
  readonly tokens: TokenVerifier;
  readonly scope: TokenScope;
}

/**
 * The record of the token in `header` (an Authorization header value) when it is valid for
 * `check.scope`; throws UnauthorizedError otherwise. Synchronous while the token store answers so.
 */
export function tokenOf(
  header: string | null,
  check: TokenCheck,
): TokenRecord | Promise<TokenRecord> {
  const token = bearerToken(header);
  const record = token === undefined ? undefined : check.tokens.verify(token, check.scope);
  return record instanceof Promise ? record.then(accepted) : accepted(record);
}

function accepted(record: TokenRecord | undefined): TokenRecord {
  if (!record) {
    throw new UnauthorizedError("Missing or invalid bearer token (Authorization: Bearer <token>)");
  }
  return record;
}

/**
 * The record of the request's token when it is valid for `scope`; throws UnauthorizedError
 * otherwise. Sets the `token` variable for the request log.
 */
export async function authenticate(
  c: Context<AppEnv>,
  tokens: TokenVerifier,
  scope: TokenScope,
): Promise<TokenRecord> {
  const record = await tokenOf(c.req.raw.headers.get("Authorization"), { tokens, scope });
  c.set("token", record);
  return record;
}

/** Middleware refusing requests without a valid token for the scope `scopeOf(c)` gives. */
export function requireToken(
  tokens: TokenVerifier,
  scopeOf: (c: Context<AppEnv>) => TokenScope,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await authenticate(c, tokens, scopeOf(c));
    await next();
  };
}
