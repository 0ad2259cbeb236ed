/**
 * @module
 * The admin endpoints of the daemon, all behind an admin token (`kura token add --admin`, sent as
 * `Authorization: Bearer <token>`): `GET /jobs` (recorded pull passes), `GET /jobs/<id>`,
 * `GET /peers` (each peer's status, last success, last error) and `POST /peers/<name>/pull` (start a
 * pass now: 202 with the job, 409 while one runs).
 */
import { Hono } from "hono";
import type { PeerConfig } from "../config/mod.ts";
import type { JobStore, PeerStateStore, TokenStore } from "../store/mod.ts";
import type { Poller } from "../sync/mod.ts";

/** What the admin routes use. */
export interface AdminDeps {
  readonly tokens: Pick<TokenStore, "verify">;
  readonly jobs: Pick<JobStore, "list" | "get">;
  readonly peers: readonly PeerConfig[];
  readonly peerState: Pick<PeerStateStore, "get">;
  /** The daemon's poller; without one, `POST /peers/<name>/pull` answers 503. */
  readonly poller?: Pick<Poller, "status" | "pullNow">;
}

/** The admin routes, to be mounted at the root of the daemon's app. */
export function adminRoutes(deps: AdminDeps): Hono {
  const app = new Hono();
  const guard = async (authorization: string | undefined): Promise<boolean> => {
    const match = /^Bearer +([A-Za-z0-9._~+/-]+=*) *$/i.exec(authorization ?? "");
    return match !== null && (await deps.tokens.verify(match[1]!, "admin")) !== undefined;
  };
  for (const path of ["/jobs", "/jobs/*", "/peers", "/peers/*"]) {
    app.use(path, async (c, next) => {
      if (!(await guard(c.req.header("Authorization")))) {
        c.header("WWW-Authenticate", 'Bearer realm="kura"');
        c.header("Cache-Control", "no-store");
        return c.json({ error: "An admin token is required (Authorization: Bearer <token>)" }, 401);
      }
      c.header("Cache-Control", "no-store");
      await next();
      return undefined;
    });
  }

  app.get("/jobs", async (c) => {
    const peer = c.req.query("peer");
    const limitText = c.req.query("limit") ?? "50";
    if (!/^[1-9][0-9]{0,3}$/.test(limitText)) {
      return c.json(
        { error: `limit must be a whole number from 1 to 9999; got "${limitText}"` },
        400,
      );
    }
    return c.json({ jobs: await deps.jobs.list({ peer, limit: Number(limitText) }) });
  });

  app.get("/jobs/:id", async (c) => {
    const job = await deps.jobs.get(c.req.param("id"));
    return job ? c.json(job) : c.json({ error: `no job "${c.req.param("id")}"` }, 404);
  });

  app.get("/peers", async (c) => {
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
    const name = c.req.param("name");
    if (!deps.peers.some((peer) => peer.name === name)) {
      return c.json({ error: `no peer named "${name}"` }, 404);
    }
    if (!deps.poller) return c.json({ error: "the poller is not running" }, 503);
    const job = await deps.poller.pullNow(name, "api");
    if (!job) return c.json({ error: `a pass of peer "${name}" is already running` }, 409);
    c.header("Location", `/jobs/${job.id}`);
    return c.json({ job }, 202);
  });

  return app;
}
