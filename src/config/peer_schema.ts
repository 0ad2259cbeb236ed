/**
 * @module
 * valibot schema of one peer in `kura.json` (`peers[]`) and its resolution into a {@link PeerConfig}
 * with every default applied. Secrets are never literals: a peer's token names an environment
 * variable (`KURA_` prefix, so the Deno permission can stay `--allow-env=KURA_*`) or a file in the
 * state folder.
 */
import * as v from "valibot";
import { ConfigError } from "../errors.ts";
import { PEER_DEFAULTS, type PeerConfig, type PeerRules } from "./peer_config.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const uuid = v.pipe(v.string(), v.regex(UUID, "must be a lower-case uuid"));
const positiveInt = (min: number) => v.pipe(v.number(), v.integer(), v.minValue(min));
const names = v.array(v.pipe(v.string(), v.minLength(1, "must not be empty")));

/** `{"OR": [...], "NOT": [...]}` as in MISP's pull rules (misp-behaviour.md §2.1, §3.3). */
const orNot = v.strictObject({ OR: v.optional(names), NOT: v.optional(names) });

/** Where a peer's secret comes from; a plain string is refused with a message saying why. */
const TokenSchema = v.union(
  [
    v.strictObject({
      env: v.pipe(
        v.string(),
        v.regex(/^KURA_[A-Z0-9_]+$/, "must be an upper-case variable name starting with KURA_"),
      ),
      header: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/, "must be a header name"))),
      scheme: v.optional(v.picklist(["bearer", "raw"])),
    }),
    v.strictObject({
      file: v.pipe(
        v.string(),
        v.regex(
          /^(?!\/)(?!.*(?:^|\/)\.\.(?:\/|$)).+$/,
          "must be a relative path inside the state folder",
        ),
      ),
      header: v.optional(v.pipe(v.string(), v.regex(/^[A-Za-z0-9-]+$/, "must be a header name"))),
      scheme: v.optional(v.picklist(["bearer", "raw"])),
    }),
  ],
  'must be {"env": "KURA_…"} or {"file": "<path in the state folder>"}; secrets are never written in kura.json',
);

/** Schema of a peer entry in `kura.json`. */
export const PeerEntrySchema = v.strictObject({
  name: v.pipe(
    v.string(),
    v.regex(/^[a-z0-9][a-z0-9_-]{0,62}$/, "must be lower-case letters, digits, - or _"),
  ),
  url: v.pipe(
    v.string(),
    v.check((text) => /^https?:\/\/[^/?#]+/i.test(text), "must be an http:// or https:// URL"),
    v.check((text) => !/^https?:\/\/[^/?#]*@/i.test(text), "must not embed credentials"),
  ),
  token: v.optional(TokenSchema),
  orgs: v.pipe(
    v.array(v.union([uuid, v.literal("*")], 'must be org uuids or "*"')),
    v.minLength(1, 'must name at least one org uuid the peer may speak for (or "*")'),
  ),
  interval: v.optional(positiveInt(10)),
  rules: v.optional(
    v.strictObject({
      tags: v.optional(orNot),
      orgs: v.optional(orNot),
      minTimestamp: v.optional(
        v.union([
          positiveInt(0),
          v.pipe(v.string(), v.regex(/^[0-9]+[smhdw]$/, "must be a number or like 30d, 12h")),
        ]),
      ),
      excludeTypes: v.optional(names),
    }),
  ),
  distribution: v.optional(v.union([v.literal("keep"), v.picklist([0, 1, 2, 3])])),
  internal: v.optional(v.boolean()),
  allowPrivateNetwork: v.optional(v.boolean()),
  // The publisher's feed signing key, as `kura feed key show` prints it (feed/manifest_signature.ts).
  publicKey: v.optional(
    v.pipe(
      v.string(),
      v.regex(/^ed25519:[A-Za-z0-9+/]{43}=$/, 'must be "ed25519:" and 44 base64 characters'),
    ),
  ),
  tls: v.optional(
    v.strictObject({
      ca: v.optional(v.pipe(v.string(), v.minLength(1, "must name a PEM file"))),
    }),
  ),
  concurrency: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(32))),
  limits: v.optional(
    v.strictObject({
      maxManifestBytes: v.optional(positiveInt(1024)),
      maxEventBytes: v.optional(positiveInt(1024)),
      connectTimeout: v.optional(positiveInt(1)),
      timeout: v.optional(positiveInt(1)),
    }),
  ),
});

/** A peer entry as written in the config file. */
export type PeerEntry = v.InferOutput<typeof PeerEntrySchema>;

/**
 * Applies the documented defaults to a checked peer entry. `maxEventBytes` defaults to the config's
 * `limits.maxEventBytes`. Throws ConfigError for a token given as a literal string.
 */
export function resolvePeer(
  entry: PeerEntry,
  options: { maxEventBytes: number; resolvePath?: (path: string) => string },
): PeerConfig {
  const rules: PeerRules = {
    tags: { OR: entry.rules?.tags?.OR ?? [], NOT: entry.rules?.tags?.NOT ?? [] },
    orgs: { OR: entry.rules?.orgs?.OR ?? [], NOT: entry.rules?.orgs?.NOT ?? [] },
    minTimestamp: entry.rules?.minTimestamp,
    excludeTypes: entry.rules?.excludeTypes ?? [],
  };
  const token = entry.token === undefined ? undefined : {
    source: "env" in entry.token
      ? { env: entry.token.env }
      : { file: (entry.token as { file: string }).file },
    header: entry.token.header ?? PEER_DEFAULTS.tokenHeader,
    scheme: entry.token.scheme ?? PEER_DEFAULTS.tokenScheme,
  };
  return {
    name: entry.name,
    url: entry.url.endsWith("/") ? entry.url : `${entry.url}/`,
    token,
    orgs: entry.orgs,
    interval: entry.interval ?? PEER_DEFAULTS.interval,
    rules,
    distribution: entry.distribution ?? PEER_DEFAULTS.distribution,
    internal: entry.internal ?? false,
    allowPrivateNetwork: entry.allowPrivateNetwork ?? false,
    publicKey: entry.publicKey,
    caFile: entry.tls?.ca === undefined
      ? undefined
      : (options.resolvePath ?? ((path) => path))(entry.tls.ca),
    concurrency: entry.concurrency ?? PEER_DEFAULTS.concurrency,
    limits: {
      maxManifestBytes: entry.limits?.maxManifestBytes ?? PEER_DEFAULTS.maxManifestBytes,
      maxEventBytes: entry.limits?.maxEventBytes ?? options.maxEventBytes,
      connectTimeout: entry.limits?.connectTimeout ?? PEER_DEFAULTS.connectTimeout,
      timeout: entry.limits?.timeout ?? PEER_DEFAULTS.timeout,
    },
  };
}

/** Explains why a peer's token is invalid, catching the common mistake of a literal secret. */
export function checkPeerTokenShape(raw: unknown, where: string): void {
  if (
    raw === null || typeof raw !== "object" || !Array.isArray((raw as { peers?: unknown }).peers)
  ) {
    return;
  }
  for (const [index, peer] of (raw as { peers: unknown[] }).peers.entries()) {
    const token = (peer as { token?: unknown } | null)?.token;
    if (typeof token === "string") {
      throw new ConfigError(
        `Invalid ${where}: field "peers.${index}.token": a secret must not be written in the config; ` +
          'use {"env": "KURA_PEER_…_TOKEN"} or {"file": "<path in the state folder>"}',
      );
    }
  }
}
