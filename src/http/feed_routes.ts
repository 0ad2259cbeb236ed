/**
 * @module
 * The feed route: `GET`/`HEAD /feeds/<name>/manifest.json`, `/hashes.csv` and `/<uuid>.json`, the
 * layout MISP and kura peers poll (misp-behaviour.md §3.1). Feeds with access "token" need a bearer
 * token of scope `feed:<name>`, checked before anything about the feed's content is revealed; an
 * event that is not in the feed, whether it does not exist or the audience may not see it, is the
 * same 404. A plain function rather than a Hono route: it is on the feed path (feed_requests.ts),
 * which answers feed reads without Hono's routing and middleware.
 */
import { HTTPException } from "hono/http-exception";
import { NotFoundError } from "../errors.ts";
import { type ManifestSigner, SIGNATURE_FILE, signManifest } from "../feed/mod.ts";
import {
  artefactBytes,
  type FeedArtefact,
  JSON_TYPE,
  type PublishedFeed,
  textArtefact,
} from "../publish/mod.ts";
import type { TokenRecord } from "../store/mod.ts";
import { artefactResponse, type SentFile } from "./artefact_response.ts";
import { tokenOf, type TokenVerifier } from "./bearer_auth.ts";
import type { FeedSource } from "./feed_source.ts";
import { eventUuidOfFile, isFeedName } from "./path_rules.ts";
import { SECURITY_HEADERS } from "./security_headers.ts";

/** What the feed route needs. */
export interface FeedRouteDeps {
  readonly feeds: FeedSource;
  readonly tokens: TokenVerifier;
  /** Signs manifests (`manifest.json.sig`); absent = the feeds are not signed. */
  readonly signer?: ManifestSigner;
}

/** A request for a feed file, and what answering it learnt, for the request log and metrics. */
export interface FeedFileRequest extends SentFile {
  /** The feed name in the URL (decoded, not yet checked). */
  readonly name: string;
  /** The file name in the URL (decoded, not yet checked). */
  readonly file: string;
  /** The route pattern, set first. */
  route?: string;
  /** The feed, once it is known to be served. */
  feed?: string;
  /** The token that authenticated the request. */
  token?: TokenRecord;
}

const NOT_ALLOWED = new Response(null, { headers: { Allow: "GET, HEAD" } });
const PUBLIC = "public, no-cache";
const PRIVATE = "private, no-cache";

/**
 * The response to `request` for feed file `target` (sets its route, feed, token, and the bytes and
 * coding of the file sent). Throws
 * HTTPException 405 for methods other than GET and HEAD, NotFoundError for an unknown feed or file,
 * UnauthorizedError for a token feed without a valid token. Synchronous, unless the token store or
 * a compressed copy must be waited for.
 */
export function feedFileResponse(
  request: Request,
  target: FeedFileRequest,
  deps: FeedRouteDeps,
): Response | Promise<Response> {
  target.route = routeOf(target.file);
  const method = request.method;
  if (method !== "GET" && method !== "HEAD") {
    throw new HTTPException(405, { message: "Feeds are read with GET or HEAD", res: NOT_ALLOWED });
  }
  const name = target.name;
  const feed = isFeedName(name) ? deps.feeds.feed(name) : undefined;
  if (!feed) throw new NotFoundError("No such feed");
  target.feed = name;
  if (feed.definition.access === "public") {
    return answer(request, target, feed, deps, PUBLIC);
  }
  const token = tokenOf(request.headers.get("Authorization"), {
    tokens: deps.tokens,
    scope: `feed:${name}`,
  });
  const authorised = (record: TokenRecord) => {
    target.token = record;
    return answer(request, target, feed, deps, PRIVATE);
  };
  return token instanceof Promise ? token.then(authorised) : authorised(token);
}

/** The response for the file of an allowed request. */
function answer(
  request: Request,
  target: FeedFileRequest,
  feed: PublishedFeed,
  deps: FeedRouteDeps,
  cacheControl: string,
): Response | Promise<Response> {
  const options = { cacheControl, headers: SECURITY_HEADERS, sent: target };
  if (target.file !== SIGNATURE_FILE) {
    return artefactResponse(request, fileOf(feed, target.file), options);
  }
  if (!deps.signer) throw new NotFoundError("This instance does not sign its feeds");
  return signatureOf(feed.manifest(), deps.signer).then((signature) =>
    artefactResponse(request, signature, options)
  );
}

/** Signatures made, by manifest version: a manifest is signed once, when first asked for. */
const signatures = new WeakMap<FeedArtefact, Promise<FeedArtefact>>();

function signatureOf(manifest: FeedArtefact, signer: ManifestSigner): Promise<FeedArtefact> {
  let signature = signatures.get(manifest);
  if (signature === undefined) {
    signature = signManifest(signer, artefactBytes(manifest)).then((text) =>
      textArtefact(text, JSON_TYPE)
    );
    signatures.set(manifest, signature);
  }
  return signature;
}

function fileOf(feed: PublishedFeed, file: string): FeedArtefact {
  const uuid = eventUuidOfFile(file);
  const artefact = file === "manifest.json"
    ? feed.manifest()
    : file === "hashes.csv"
    ? feed.hashes()
    : uuid !== undefined
    ? feed.event(uuid)
    : undefined;
  if (!artefact) throw new NotFoundError("No such file in this feed");
  return artefact;
}

function routeOf(file: string): string {
  if (file === "manifest.json") return "/feeds/{name}/manifest.json";
  if (file === SIGNATURE_FILE) return "/feeds/{name}/manifest.json.sig";
  if (file === "hashes.csv") return "/feeds/{name}/hashes.csv";
  return "/feeds/{name}/{uuid}.json";
}
