/**
 * @module
 * `kura blocklist list|add|remove`: the events and organisations this instance never takes from a
 * peer (`data/blocklist.json`, reviewed in git like the events). MISP blocklists an event when it is
 * deleted so that sync does not bring it back; `add --delete` does both.
 */
import { UsageError } from "../errors.ts";
import {
  type BlockedEvent,
  type BlockedOrg,
  type Blocklist,
  blocklistDocument,
  isUuid,
} from "../model/mod.ts";
import { blocklistPath, FsEventStore, readBlocklist, updateBlocklist } from "../store/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";

/** `kura blocklist`. */
export const blocklistCommand: Command = {
  name: "blocklist",
  summary: "list, add and remove events and organisations never pulled from peers",
  help: `Usage: kura blocklist <list|add|remove> [options]

  list                              every blocked event and organisation
  add <uuid>… [--comment <text>]    block events: pulls and fetches never take them again
  add --org <uuid>… [--comment <text>]
                                    block every event created by these organisations
  remove [--org] <uuid>…            unblock

The blocklist is data/blocklist.json: commit it with the events. Pulls read it at every pass; a
blocked event or organisation is refused before any download, with the reason in the results. An
event file already in data/ is not touched unless add --delete removes it (MISP deletes and
blocklists together).

Options:
  --org             the uuids are organisations (creator orgs), not events
  --comment <text>  why (kept in the file)
  --delete          add: also delete the events' files from data/events/
  --format <f>      human (default) or json (list)

Exit status: 0 done, 1 remove named a uuid that is not blocked, 2 usage or I/O error (a broken
blocklist file included).

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      org: { type: "boolean" },
      comment: { type: "string" },
      delete: { type: "boolean" },
      format: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, ...names] = flags.positionals;
    const config = await configFromFlags(flags.values, env);
    const file = displayPath(blocklistPath(config.data), env.cwd);
    const kind = flags.values.org ? "orgs" : "events";
    const uuids = () => {
      if (names.length === 0) throw new UsageError(`${action} needs at least one uuid`);
      return names.map((name) => {
        if (!isUuid(name)) throw new UsageError(`"${name}" is not a uuid`);
        return name.toLowerCase();
      });
    };
    switch (action) {
      case "list": {
        const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
        const blocklist = await readBlocklist(config.data);
        if (format === "json") {
          env.stdout(`${JSON.stringify(blocklistDocument(blocklist), null, 2)}\n`);
        } else env.stdout(listText(blocklist));
        return Exit.Ok;
      }
      case "add": {
        if (flags.values.delete && flags.values.org) {
          throw new UsageError("--delete removes event files; it does not go with --org");
        }
        const wanted = uuids();
        const store = new FsEventStore(config.data);
        const created = env.now().toISOString();
        const comment = flags.values.comment;
        const added: string[] = [];
        const entries = new Map<string, BlockedEvent | BlockedOrg>();
        const present = new Set<string>();
        for (const uuid of wanted) {
          if (kind === "events") {
            // What the event was, as MISP's blocklist keeps it, while its file is still here (an
            // unreadable file counts as present: it is there all the same).
            const local = await store.get(uuid).catch(() => (present.add(uuid), undefined));
            if (local) present.add(uuid);
            entries.set(uuid, {
              uuid,
              ...(local?.info ? { info: local.info } : {}),
              ...(local?.Orgc?.uuid ? { orgc: local.Orgc.uuid.toLowerCase() } : {}),
              ...(comment ? { comment } : {}),
              created,
            });
          } else entries.set(uuid, { uuid, ...(comment ? { comment } : {}), created });
        }
        await updateBlocklist(config.data, (current) => {
          const list = new Map<string, BlockedEvent | BlockedOrg>(current[kind]);
          for (const [uuid, entry] of entries) {
            if (list.has(uuid)) continue; // kept as first blocked
            list.set(uuid, entry);
            added.push(uuid);
          }
          return { ...current, [kind]: list } as Blocklist;
        });
        const what = kind === "events" ? "event" : "organisation";
        for (const uuid of wanted) {
          env.stdout(`${added.includes(uuid) ? "blocked" : "already blocked"}: ${what} ${uuid}\n`);
        }
        if (kind === "events") {
          for (const uuid of wanted) {
            const path = displayPath(store.pathOf(uuid), env.cwd);
            if (flags.values.delete) {
              if (await store.delete(uuid)) env.stdout(`deleted ${path}\n`);
            } else if (present.has(uuid)) {
              env.stderr(
                `note: ${path} is still there; the blocklist only keeps peers from bringing it back (remove it with git rm, or add --delete)\n`,
              );
            }
          }
        }
        env.stderr(`${file}: commit it with your events\n`);
        return Exit.Ok;
      }
      case "remove": {
        const wanted = uuids();
        let missing: string[] = [];
        await updateBlocklist(config.data, (current) => {
          const list = new Map<string, BlockedEvent | BlockedOrg>(current[kind]);
          missing = wanted.filter((uuid) => !list.delete(uuid));
          return { ...current, [kind]: list } as Blocklist;
        });
        for (const uuid of wanted) {
          if (missing.includes(uuid)) {
            env.stderr(`kura blocklist: ${uuid} is not in the ${kind} of ${file}\n`);
          } else env.stdout(`unblocked: ${uuid}\n`);
        }
        return missing.length > 0 ? Exit.Invalid : Exit.Ok;
      }
      default:
        throw new UsageError(`expected list, add or remove; got "${action ?? ""}"`);
    }
  },
};

function listText(blocklist: Blocklist): string {
  if (blocklist.events.size === 0 && blocklist.orgs.size === 0) return "The blocklist is empty.\n";
  const lines: string[] = [];
  const document = blocklistDocument(blocklist);
  for (const entry of document.events ?? []) {
    lines.push(
      `event  ${entry.uuid}  ${entry.created ?? "-"}  ${entry.info ?? "-"}${
        entry.comment ? `  (${entry.comment})` : ""
      }`,
    );
  }
  for (const entry of document.orgs ?? []) {
    lines.push(
      `org    ${entry.uuid}  ${entry.created ?? "-"}  ${entry.name ?? "-"}${
        entry.comment ? `  (${entry.comment})` : ""
      }`,
    );
  }
  return `${lines.join("\n")}\n`;
}
