/**
 * @module
 * `kura feed list` and `kura feed token add|list|revoke`: the feed definitions with their problems,
 * and the bearer tokens of feeds whose access is `token` (hashes kept in the state folder).
 */
import { describeAudience } from "../access/mod.ts";
import { UsageError } from "../errors.ts";
import {
  createSigningKey,
  loadFeedDefinitions,
  loadRecordRegistry,
  loadSigner,
  signingKeyPath,
  TokenStore,
} from "../store/mod.ts";
import { type CliEnv, type Command, COMMON_HELP, type Config, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";
import { humanLine } from "./report_issues.ts";

/** `kura feed`. */
export const feedCommand: Command = {
  name: "feed",
  summary: "list feed definitions; add, list and revoke feed tokens; the signing key",
  help: `Usage: kura feed list [--format human|json]
       kura feed token add <feed> [--label <text>]
       kura feed token list [<feed>]
       kura feed token revoke <id>
       kura feed key init | key show

list          every definition in the feeds folder: name, audience, access, tokens, and the
              problems of broken definitions (a broken feed is not served; the others are)
token add     creates a bearer token for a feed whose access is "token" and prints it once on
              stdout; only its SHA-256 is kept (<state>/tokens.json). Readers send it as
              "Authorization: Bearer <token>"
token list    the tokens (id, feed, creation time, label) of one feed or of all feeds; never secrets
token revoke  removes the token with that id; it stops working at once
key init      creates this instance's Ed25519 feed signing key (<state>/signing-key.json, owner
              only) and prints its public key; from the next start the daemon serves
              manifest.json.sig beside every manifest, and kura export writes it. Peers pin the
              public key ("publicKey" in their peer entry). Never replaces an existing key
key show      prints the public key

Options:
  --label <text>    who the token is for (token add)
  --format <f>      human (default) or json (list)

Exit status: 0 done, 1 a definition is broken (list) or no such token (revoke), 2 usage or I/O
error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, { label: { type: "string" }, format: { type: "string" } });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const [action, sub, ...rest] = flags.positionals;
    const config = await configFromFlags(flags.values, env);
    if (action === "list" && sub === undefined) {
      const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
      return await listFeeds(config, env, format);
    }
    if (action === "token" && sub === "add" && rest.length === 1) {
      return await addToken(config, env, rest[0]!, flags.values.label ?? "");
    }
    if (action === "token" && sub === "list" && rest.length <= 1) {
      return await listTokens(config, env, rest[0]);
    }
    if (action === "token" && sub === "revoke" && rest.length === 1) {
      return await revokeToken(config, env, rest[0]!);
    }
    if (action === "key" && sub === "init" && rest.length === 0) {
      const publicKey = await createSigningKey(config.state, env.now());
      env.stdout(`${publicKey}\n`);
      env.stderr(
        `Signing key created in ${
          displayPath(signingKeyPath(config.state), env.cwd)
        } (keep it; back it up). Give peers the public key above; restart the daemon to sign.\n`,
      );
      return Exit.Ok;
    }
    if (action === "key" && sub === "show" && rest.length === 0) {
      const signer = await loadSigner(config.state);
      if (!signer) {
        env.stderr('kura feed: no signing key; create one with "kura feed key init"\n');
        return Exit.Invalid;
      }
      env.stdout(`${signer.publicKey}\n`);
      return Exit.Ok;
    }
    throw new UsageError(
      action === undefined
        ? "name an action: list, token add, token list, token revoke, key init or key show"
        : `unknown or incomplete action "${flags.positionals.join(" ")}"`,
    );
  },
};

async function listFeeds(config: Config, env: CliEnv, format: "human" | "json"): Promise<number> {
  const registry = await loadRecordRegistry(config.data, {
    hostOrg: config.org,
    maxBytes: config.limits.maxEventBytes,
  });
  const files = await loadFeedDefinitions(config.feeds, { context: registry });
  const tokens = await new TokenStore(config.state).list();
  const tokenCount = (name: string) => tokens.filter((t) => t.scope === `feed:${name}`).length;
  const broken = files.filter((file) => !file.definition).length;
  if (format === "json") {
    const feeds = files.map((file) => ({
      name: file.name,
      file: displayPath(file.path, env.cwd),
      served: file.definition !== undefined,
      ...(file.definition ?? {}),
      tokens: tokenCount(file.name),
      issues: file.issues,
    }));
    env.stdout(`${JSON.stringify({ feeds }, null, 2)}\n`);
  } else {
    for (const file of files) {
      const definition = file.definition;
      const line = definition
        ? `${file.name}: ${describeAudience(definition.audience)}; access ${definition.access}${
          definition.access === "token" ? ` (${tokenCount(file.name)} token(s))` : ""
        }${definition.description ? ` — ${definition.description}` : ""}`
        : `${file.name}: NOT SERVED (invalid definition)`;
      env.stdout(`${line}\n`);
      for (const issue of file.issues) {
        env.stdout(`  ${humanLine(displayPath(file.path, env.cwd), issue)}\n`);
      }
    }
    if (files.length === 0) {
      env.stderr(`no feed definitions in ${displayPath(config.feeds, env.cwd)}\n`);
    } else env.stderr(`${files.length} feed(s), ${broken} not served\n`);
  }
  return broken > 0 ? Exit.Invalid : Exit.Ok;
}

async function addToken(config: Config, env: CliEnv, name: string, label: string): Promise<number> {
  const files = await loadFeedDefinitions(config.feeds);
  const file = files.find((candidate) => candidate.name === name);
  if (!file) {
    throw new UsageError(
      `no feed "${name}": there is no ${displayPath(`${config.feeds}/${name}.json`, env.cwd)}`,
    );
  }
  if (!file.definition) {
    throw new UsageError(`feed "${name}" has an invalid definition; see "kura feed list"`);
  }
  if (file.definition.access !== "token") {
    throw new UsageError(`feed "${name}" has access "public": it takes no tokens`);
  }
  const { token, record } = await new TokenStore(config.state).add(
    `feed:${name}`,
    label,
    env.now(),
  );
  env.stdout(`${token}\n`);
  env.stderr(
    `Token ${record.id} for feed "${name}"${label ? ` (${label})` : ""}. It is shown only now; ` +
      `kura keeps only its hash. Readers send "Authorization: Bearer <token>".\n`,
  );
  return Exit.Ok;
}

async function listTokens(config: Config, env: CliEnv, name?: string): Promise<number> {
  const store = new TokenStore(config.state);
  const records = (await store.list(name === undefined ? undefined : `feed:${name}`))
    .filter((record) => record.scope.startsWith("feed:"));
  for (const record of records) {
    const feed = record.scope.slice("feed:".length);
    env.stdout(`${record.id}  ${feed}  ${record.created}  ${record.label}`.trimEnd() + "\n");
  }
  env.stderr(`${records.length} token(s)\n`);
  return Exit.Ok;
}

async function revokeToken(config: Config, env: CliEnv, id: string): Promise<number> {
  const store = new TokenStore(config.state);
  const record = (await store.list()).find((candidate) => candidate.id === id);
  if (!record || !record.scope.startsWith("feed:")) {
    env.stderr(`kura feed: no feed token with id "${id}"\n`);
    return Exit.Invalid;
  }
  await store.revoke(id);
  env.stderr(`Revoked token ${id} of feed "${record.scope.slice("feed:".length)}"\n`);
  return Exit.Ok;
}
