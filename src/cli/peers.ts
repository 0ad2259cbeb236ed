/**
 * @module
 * `kura peers list|test|explore|fetch`: the configured peers and their status, a connection test with
 * MISP's status codes, browsing a peer's manifest before pulling, and pulling one event by uuid.
 */
import { UsageError } from "../errors.ts";
import { exploreManifest, parseManifest } from "../merge/mod.ts";
import {
  createPullContext,
  fetchOne,
  PEER_TEST_STATUS,
  peerCredential,
  testPeerConnection,
} from "../sync/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { eventChecksFor } from "./event_checks.ts";
import { configFromFlags, parseCount, parseFlags, parseFormat } from "./parse_flags.ts";
import { formatResult } from "./pull_output.ts";

/** `kura peers`. */
export const peersCommand: Command = {
  name: "peers",
  summary: "list, test and explore peers, or fetch one event from a peer",
  help: `Usage: kura peers <list|test|explore|fetch> [options]

  list                      every configured peer: URL, interval, last success, last error
  test <peer>               reachable, TLS ok, credentials accepted, manifest parses; prints
                            MISP's status: 1 OK, 2 Unreachable, 3 Unexpected response,
                            4 Authentication failed (exit 0 for 1, else 2)
  explore <peer>            the peer's manifest, newest first, 60 a page
      --org <uuid|name>     creator org (uuid, or part of the name)
      --tag <name>          a tag (exact, or part of a name)
      --since <date>        event date from (YYYY-MM-DD)
      --until <date>        event date until (YYYY-MM-DD)
      --search <text>       text in the event info
      --page <n>            page number (default 1)   --limit <n>  entries a page (default 60)
  fetch <peer> <uuid>       pull one event through every check and the merge rules (pull
                            rules are bypassed, as in MISP)

Options:
  --format <f>      human (default) or json

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      format: { type: "string" },
      org: { type: "string" },
      tag: { type: "string" },
      since: { type: "string" },
      until: { type: "string" },
      search: { type: "string" },
      page: { type: "string" },
      limit: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, name, uuid] = flags.positionals;
    const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
    const config = await configFromFlags(flags.values, env);
    const context = await createPullContext(config, { getEnv: env.getEnv, now: env.now });
    const out = (value: unknown, human: string) =>
      env.stdout(format === "json" ? `${JSON.stringify(value, null, 2)}\n` : human);
    if (action === "list") {
      const rows = [];
      for (const peer of config.peers) {
        const state = await context.peerState.get(peer.name);
        rows.push({
          name: peer.name,
          url: peer.url,
          interval: peer.interval,
          lastSuccess: state.lastSuccess,
          lastError: state.lastError,
        });
      }
      out(
        rows,
        rows.length === 0
          ? "No peers configured.\n"
          : rows.map((row) =>
            `${row.name}  ${row.url}  every ${row.interval}s  last success: ${
              row.lastSuccess ?? "never"
            }${
              row.lastError ? `  last error (${row.lastError.time}): ${row.lastError.message}` : ""
            }\n`
          ).join(""),
      );
      return Exit.Ok;
    }
    if (name === undefined) throw new UsageError(`${action ?? "a subcommand"} needs a peer name`);
    const peer = context.peer(name);
    switch (action) {
      case "test": {
        const credential = await peerCredential(peer, {
          stateDir: config.state,
          getEnv: env.getEnv,
        });
        const result = await testPeerConnection(peer, {
          credential,
          now: () => env.now().getTime(),
        });
        const mark = (value: boolean | undefined) =>
          value === undefined ? "-" : value ? "ok" : "FAILED";
        out(
          { ...result, statusName: PEER_TEST_STATUS[result.status] },
          `${peer.name}: status ${result.status} (${
            PEER_TEST_STATUS[result.status]
          }): ${result.message}\n` +
            `  reachable ${mark(result.checks.reachable)}, TLS ${mark(result.checks.tls)}, ` +
            `auth ${mark(result.checks.auth)}, manifest ${mark(result.checks.manifest)}` +
            `${peer.publicKey ? `, signature ${mark(result.checks.signature)}` : ""} ` +
            `(${result.elapsedMs} ms)\n`,
        );
        return result.status === 1 ? Exit.Ok : Exit.Error;
      }
      case "explore": {
        const client = await context.client(peer);
        const manifest = await client.manifest().finally(() => client.closeIdle());
        if (manifest.notModified) throw new Error("the peer answered 304 without a condition");
        const parsed = parseManifest(
          JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(manifest.bytes)),
        );
        const page = exploreManifest(parsed.entries, {
          org: flags.values.org,
          tag: flags.values.tag,
          since: flags.values.since,
          until: flags.values.until,
          text: flags.values.search,
          page: parseCount("page", flags.values.page),
          limit: parseCount("limit", flags.values.limit),
        });
        const known = new Set(await context.store.list());
        out(
          { ...page, invalid: parsed.invalid.map(({ key, reason }) => ({ key, reason })) },
          page.entries.map((entry) =>
            `${entry.date}  ${entry.uuid}  ${known.has(entry.uuid) ? "known" : "new  "}  ${
              (entry.orgc.name ?? "").slice(0, 20).padEnd(20)
            }  ${entry.info.replace(/\s+/g, " ").slice(0, 70)}\n`
          ).join("") +
            `page ${page.page}/${page.pages}, ${page.total} matching of ${parsed.entries.length} events` +
            `${parsed.invalid.length > 0 ? `, ${parsed.invalid.length} invalid entries` : ""}\n`,
        );
        return Exit.Ok;
      }
      case "fetch": {
        if (uuid === undefined) throw new UsageError("fetch needs a peer name and an event uuid");
        const deps = await context.deps(peer, { trigger: "cli" });
        const result = await fetchOne(peer, uuid, {
          ...deps,
          checks: await eventChecksFor(config, { strictTags: false }),
          now: Math.floor(env.now().getTime() / 1000),
        });
        out(result, formatResult(result));
        if (result.status === "quarantined") return Exit.Invalid;
        return result.status === "rejected" ? Exit.Error : Exit.Ok;
      }
      default:
        throw new UsageError(`expected list, test, explore or fetch; got "${action ?? ""}"`);
    }
  },
};
