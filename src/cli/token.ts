/**
 * @module
 * `kura token add|list|revoke`: admin tokens for the daemon's admin endpoints, and a view of every
 * token (feed tokens are created with `kura feed token add`, which checks the feed). Secrets are
 * shown once and stored only as hashes in the state folder.
 */
import { UsageError } from "../errors.ts";
import { type TokenScope, TokenStore } from "../store/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";

/** `kura token`. */
export const tokenCommand: Command = {
  name: "token",
  summary: "create admin tokens; list and revoke every API token",
  help: `Usage: kura token <add|list|revoke> [options]

  add --admin [--label <text>]   a token for the admin endpoints (/jobs, /peers, pulls)
  list                           id, scope, label and creation time of every token
  revoke <id>                    delete a token (admin or feed) by its id

Feed tokens are created with "kura feed token add <feed>", which checks that the feed exists and
uses tokens.

The secret is printed once by add; only its SHA-256 is kept, in <state>/tokens.json.
Send it as "Authorization: Bearer <token>".

Options:
  --format <f>      human (default) or json (list)

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      admin: { type: "boolean" },
      label: { type: "string" },
      format: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, ...rest] = flags.positionals;
    const config = await configFromFlags(flags.values, env);
    const tokens = new TokenStore(config.state);
    switch (action) {
      case "add": {
        if (!flags.values.admin) {
          throw new UsageError('add needs --admin (feed tokens: "kura feed token add <feed>")');
        }
        const scope: TokenScope = "admin";
        const { token, record } = await tokens.add(scope, flags.values.label ?? "", env.now());
        env.stdout(`${token}\n`);
        env.stderr(`Token ${record.id} (${scope}) created; it is shown only this once.\n`);
        return Exit.Ok;
      }
      case "list": {
        const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
        const records = await tokens.list();
        if (format === "json") {
          env.stdout(`${JSON.stringify(records.map(({ sha256: _, ...r }) => r), null, 2)}\n`);
        } else if (records.length === 0) env.stdout("No tokens.\n");
        else {
          for (const r of records) env.stdout(`${r.id}  ${r.scope}  ${r.created}  ${r.label}\n`);
        }
        return Exit.Ok;
      }
      case "revoke": {
        if (rest.length !== 1) throw new UsageError("revoke needs exactly one token id");
        if (await tokens.revoke(rest[0]!)) {
          env.stdout(`revoked ${rest[0]}\n`);
          return Exit.Ok;
        }
        env.stderr(`kura token: no token with id "${rest[0]}"\n`);
        return Exit.Error;
      }
      default:
        throw new UsageError(`expected add, list or revoke; got "${action ?? ""}"`);
    }
  },
};
