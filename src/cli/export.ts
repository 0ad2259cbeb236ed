/**
 * @module
 * `kura export <feed> <folder>`: the feed as static files (`manifest.json`, `hashes.csv`,
 * `<uuid>.json`, each with a `.gz` sibling), built aside and swapped in atomically, for nginx, a CDN
 * or an object store. Events are rendered one at a time, so memory holds only the manifest entries
 * and hash lines.
 */
import { createHash } from "node:crypto";
import {
  formatHashes,
  formatManifest,
  type RenderedFeedEvent,
  renderFeedEvent,
  SIGNATURE_FILE,
  signManifest,
} from "../feed/mod.ts";
import type { Issue } from "../model/mod.ts";
import {
  FsEventStore,
  loadFeedDefinition,
  loadRecordRegistry,
  loadSigner,
  writeFeedFolder,
} from "../store/mod.ts";
import { UsageError } from "../errors.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { displayPath } from "./display_path.ts";
import { configFromFlags, parseFlags } from "./parse_flags.ts";
import { humanLine } from "./report_issues.ts";

/** `kura export`. */
export const exportCommand: Command = {
  name: "export",
  summary: "write a feed as static files for a web server, CDN or object store",
  help: `Usage: kura export [options] <feed> <folder>

Renders the feed defined in <feeds>/<feed>.json from the data folder and writes it to <folder>:
manifest.json, hashes.csv and one <uuid>.json per event, each with a .gz sibling for nginx's
gzip_static. The files are built in a new folder beside it and swapped in with one atomic rename
of a link, so readers never see half an export: <folder> becomes a link to
.<name>.builds/<build>. Unchanged files keep their modification time. Event files that cannot be
read are reported and left out.

Options:
  --allow-token-feed   export a feed whose access is "token": the files then hold data meant for
                       token holders only, and the web server must enforce that (README)
  --no-gzip            do not write .gz siblings

Exit status: 0 exported, 1 exported but some event files were skipped, or the definition is
invalid (nothing written), 2 usage or I/O error.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      "allow-token-feed": { type: "boolean" },
      "no-gzip": { type: "boolean" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    if (flags.positionals.length !== 2) {
      throw new UsageError("give the feed name and the folder: kura export <feed> <folder>");
    }
    const [name, folderArg] = flags.positionals as [string, string];
    const config = await configFromFlags(flags.values, env);
    const folder = folderArg.startsWith("/") ? folderArg : `${env.cwd}/${folderArg}`;
    const registry = await loadRecordRegistry(config.data, {
      hostOrg: config.org,
      maxBytes: config.limits.maxEventBytes,
    });
    for (const rejected of registry.rejected) {
      for (const issue of rejected.issues) {
        env.stderr(`${humanLine(displayPath(rejected.file, env.cwd), issue)} (not used)\n`);
      }
    }
    const path = `${config.feeds}/${name}.json`;
    const file = await loadFeedDefinition(path, { context: registry });
    for (const issue of file.issues) {
      env.stderr(`${humanLine(displayPath(path, env.cwd), issue)}\n`);
    }
    const definition = file.definition;
    if (!definition) {
      env.stderr(`kura export: feed "${name}" is not valid; nothing written\n`);
      return Exit.Invalid;
    }
    if (definition.access === "token" && !flags.values["allow-token-feed"]) {
      throw new UsageError(
        `feed "${name}" is for token holders only (access "token"); static files have no access ` +
          `control of their own. Protect the folder in the web server, then pass --allow-token-feed`,
      );
    }
    // node:crypto's SHA-256 is about 3x faster than the pure one on large event files.
    const context = {
      ...registry,
      sha256Hex: (text: string) => createHash("sha256").update(text).digest("hex"),
    };
    const store = new FsEventStore(config.data, { maxEventBytes: config.limits.maxEventBytes });
    const signer = await loadSigner(config.state);
    const entries: RenderedFeedEvent[] = [];
    let skipped = 0;
    async function* files(): AsyncGenerator<[string, string]> {
      for await (const stored of store.scan()) {
        const problems = stored.issues.filter((issue: Issue) => issue.severity === "error");
        if (!stored.event || problems.length > 0) {
          skipped++;
          const shown = displayPath(stored.location, env.cwd);
          for (const issue of problems) env.stderr(`${humanLine(shown, issue)} (skipped)\n`);
          continue;
        }
        const rendered = renderFeedEvent(stored.event, definition!, context);
        if (!rendered) continue;
        // Keep only what manifest.json and hashes.csv need; the file text is written now.
        entries.push({ ...rendered, eventJson: "" });
        yield [`${rendered.uuid}.json`, rendered.eventJson];
      }
      const manifest = formatManifest(entries.map((e) => [e.uuid, e.manifestEntry] as const));
      yield ["manifest.json", manifest];
      if (signer) {
        yield [SIGNATURE_FILE, await signManifest(signer, new TextEncoder().encode(manifest))];
      }
      yield ["hashes.csv", formatHashes(entries)];
    }
    const result = await writeFeedFolder(folder, files(), { gzip: !flags.values["no-gzip"] });
    const lines = entries.reduce((sum, entry) => sum + entry.hashLines.length, 0);
    env.stderr(
      `feed "${name}": ${entries.length} event(s), ${lines} hash line(s) written to ` +
        `${
          displayPath(folder, env.cwd)
        } (${result.unchanged} of ${result.files} file(s) unchanged)` +
        `${skipped > 0 ? `; ${skipped} unreadable event file(s) skipped` : ""}\n`,
    );
    return skipped > 0 ? Exit.Invalid : Exit.Ok;
  },
};
