/**
 * @module
 * `kura quarantine list|show|retry|drop`: the peer data that failed a check, kept in the state folder
 * with a receipt (peer, uuid, reason, time) and the exact bytes fetched.
 */
import { UsageError } from "../errors.ts";
import { isCanonicalUuid } from "../model/mod.ts";
import { readBlocklist } from "../store/mod.ts";
import { createPullContext, fetchOne } from "../sync/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { eventChecksFor } from "./event_checks.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";
import { formatResult } from "./pull_output.ts";

/** `kura quarantine`. */
export const quarantineCommand: Command = {
  name: "quarantine",
  summary: "list, show, retry or drop peer events that failed a check",
  help: `Usage: kura quarantine <list|show|retry|drop> [options] [id]

  list [--peer <name>]   one line per receipt: id, peer, uuid, time, size, reason
  show <id> [--raw]      the receipt and the start of the fetched bytes (--raw: only the bytes)
  retry <id>             fetch the event from its peer again through every check; on success
                         the receipt is dropped, else a new receipt replaces it
  drop <id>… | --all     delete receipts and their bytes

Receipts live in <state>/quarantine/<peer>/<id>.json beside <id>.body.

Options:
  --format <f>      human (default) or json (list and show)

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      format: { type: "string" },
      peer: { type: "string" },
      raw: { type: "boolean" },
      all: { type: "boolean" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, ...ids] = flags.positionals;
    const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
    const config = await configFromFlags(flags.values, env);
    const context = await createPullContext(config, { getEnv: env.getEnv, now: env.now });
    const quarantine = context.quarantine;
    switch (action) {
      case "list": {
        const receipts = await quarantine.list(flags.values.peer);
        if (format === "json") env.stdout(`${JSON.stringify(receipts, null, 2)}\n`);
        else if (receipts.length === 0) env.stdout("The quarantine is empty.\n");
        else {
          for (const r of receipts) {
            env.stdout(`${r.id}  ${r.peer}  ${r.time}  ${r.bytes} B  ${r.reason}\n`);
          }
        }
        return Exit.Ok;
      }
      case "show": {
        const entry = await quarantine.get(requireOne(ids, "show"));
        if (!entry) return notFound(env, ids[0]!);
        if (flags.values.raw) {
          env.stdout(new TextDecoder().decode(entry.body));
          return Exit.Ok;
        }
        if (format === "json") {
          env.stdout(`${JSON.stringify(entry.receipt, null, 2)}\n`);
          return Exit.Ok;
        }
        const r = entry.receipt;
        const preview = new TextDecoder().decode(entry.body.subarray(0, 600));
        env.stdout(
          `id:      ${r.id}\npeer:    ${r.peer}\nuuid:    ${r.uuid}\ntime:    ${r.time}\n` +
            `reason:  ${r.reason}\nbytes:   ${r.bytes} (sha256 ${r.sha256})\n\n${preview}${
              entry.body.length > 600 ? "\n… (kura quarantine show --raw for all of it)" : ""
            }\n`,
        );
        return Exit.Ok;
      }
      case "retry": {
        const id = requireOne(ids, "retry");
        const entry = await quarantine.get(id);
        if (!entry) return notFound(env, id);
        if (!isCanonicalUuid(entry.receipt.uuid)) {
          env.stderr(
            `kura quarantine: ${id} is a manifest entry whose key is not a uuid; it cannot be fetched again (drop it)\n`,
          );
          return Exit.Error;
        }
        const peer = context.peer(entry.receipt.peer);
        const result = await fetchOne(peer, entry.receipt.uuid, {
          client: await context.client(peer),
          blocklist: await readBlocklist(config.data),
          store: context.store,
          quarantine,
          hostOrg: context.hostOrg,
          checks: await eventChecksFor(config, { strictTags: false }),
          now: Math.floor(env.now().getTime() / 1000),
          pathOf: (uuid) => context.store.pathOf(uuid),
          commit: (await context.deps(peer, { trigger: "cli" })).commit,
        });
        env.stdout(formatResult(result));
        if (result.status === "rejected" && /could not fetch/.test(result.reason)) {
          return Exit.Error;
        }
        await quarantine.drop(id);
        return result.status === "quarantined" ? Exit.Invalid : Exit.Ok;
      }
      case "drop": {
        const targets = flags.values.all
          ? (await quarantine.list(flags.values.peer)).map((r) => r.id)
          : ids;
        if (targets.length === 0) throw new UsageError("drop needs receipt ids or --all");
        let missing = 0;
        for (const id of targets) {
          if (await quarantine.drop(id)) env.stdout(`dropped ${id}\n`);
          else {
            missing++;
            env.stderr(`kura quarantine: no receipt "${id}"\n`);
          }
        }
        return missing > 0 ? Exit.Error : Exit.Ok;
      }
      default:
        throw new UsageError(`expected list, show, retry or drop; got "${action ?? ""}"`);
    }
  },
};

function requireOne(ids: string[], action: string): string {
  if (ids.length !== 1) throw new UsageError(`${action} needs exactly one receipt id`);
  return ids[0]!;
}

function notFound(env: { stderr(text: string): void }, id: string): number {
  env.stderr(`kura quarantine: no receipt "${id}"; see kura quarantine list\n`);
  return Exit.Error;
}
