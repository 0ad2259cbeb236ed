/**
 * @module
 * The admin endpoints of the daemon, all behind an admin token (`kura token add --admin`, sent as
 * `Authorization: Bearer <token>`): `GET /jobs` (recorded pull passes), `GET /jobs/<id>`,
 * `GET /peers` (each peer's status, last success, last error) and `POST /peers/<name>/pull` (start a
 * pass now: 202 with the job, 409 while one runs). Errors are thrown and mapped by error_status.ts.
 */
import { Hono } from "hono";
import { HTTPException } from "hono/http-exception";
import type { PeerConfig } from "../config/mod.ts";
import { ConflictError, NotFoundError, UsageError } from "../errors.ts";
import type { JobStore, PeerStateStore } from "../store/mod.ts";
import type { Poller } from "../sync/mod.ts";
import type { AppEnv } from "./app_env.ts";
import { requireToken, type TokenVerifier } from "./bearer_auth.ts";

/** What the admin routes use. */
export interface AdminDeps {
  readonly tokens: TokenVerifier;
  readonly jobs: Pick<JobStore, "list" | "get">;
  readonly peers: readonly PeerConfig[];
  readonly peerState: Pick<PeerStateStore, "get">;
  /** The daemon's poller; without one, `POST /peers/<name>/pull` answers 503. */
  readonly poller?: Pick<Poller, "status" | "pullNow">;
}

/** The admin routes, mounted at the root of the daemon's app. */
export function adminRoutes(deps: AdminDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const admin = requireToken(deps.tokens, () => "admin");
  for (const path of ["/jobs", "/jobs/*", "/peers", "/peers/*"]) {
    app.use(path, admin, async (c, next) => {
      await next();
      c.header("Cache-Control", "no-store");
    });
  }

  app.get("/jobs", async (c) => {
    c.set("route", "/jobs");
    const limitText = c.req.query("limit") ?? "50";
    if (!/^[1-9][0-9]{0,3}$/.test(limitText)) {
      throw new UsageError(`limit must be a whole number from 1 to 9999; got "${limitText}"`);
    }
    return c.json({
      jobs: await deps.jobs.list({ peer: c.req.query("peer"), limit: Number(limitText) }),
    });
  });

  app.get("/jobs/:id", async (c) => {
    c.set("route", "/jobs/:id");
    const job = await deps.jobs.get(c.req.param("id"));
    if (!job) throw new NotFoundError(`No job "${c.req.param("id")}"`);
    return c.json(job);
  });

  app.get("/peers", async (c) => {
    c.set("route", "/peers");
    const live = new Map((deps.poller?.status() ?? []).map((status) => [status.name, status]));
    const peers = [];
    for (const peer of deps.peers) {
      const state = await deps.peerState.get(peer.name, { seen: false });
      const status = live.get(peer.name);
      peers.push({
        name: peer.name,
        url: peer.url,
        interval: peer.interval,
        status: status?.running
          ? "running"
          : state.failures > 0
          ? "failing"
          : state.lastSuccess
          ? "ok"
          : "never pulled",
        running: status?.running ?? false,
        nextRun: status?.nextRun,
        failures: state.failures,
        lastAttempt: state.lastAttempt,
        lastSuccess: state.lastSuccess,
        lastError: state.lastError,
      });
    }
    return c.json({ peers });
  });

  app.post("/peers/:name/pull", async (c) => {
    c.set("route", "/peers/:name/pull");
    const name = c.req.param("name");
    if (!deps.peers.some((peer) => peer.name === name)) {
      throw new NotFoundError(`No peer named "${name}"`);
    }
    if (!deps.poller) throw new HTTPException(503, { message: "The poller is not running" });
    const job = await deps.poller.pullNow(name, "api");
    if (!job) throw new ConflictError(`A pass of peer "${name}" is already running`);
    c.header("Location", `/jobs/${job.id}`);
    return c.json({ job }, 202);
  });

  return app;
}
