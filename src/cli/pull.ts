/**
 * @module
 * `kura pull [peer…]`: one pull pass from each named peer (default: every configured peer), recorded
 * as a job, with a progress bar on a terminal and one result per event.
 */
import { createPullContext, runPull } from "../sync/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { eventChecksFor } from "./event_checks.ts";
import { configFromFlags, parseFlags, parseFormat } from "./parse_flags.ts";
import { progressReporter } from "./progress_bar.ts";
import { formatPass, formatPassSummary } from "./pull_output.ts";

/** `kura pull`. */
export const pullCommand: Command = {
  name: "pull",
  stopsOnSignal: true,
  summary: "pull events from peers' MISP feeds and merge them with MISP's rules",
  help: `Usage: kura pull [options] [peer…]

Runs one pull pass from each peer named (default: every peer in the configuration): fetches the
peer's manifest.json (a 304 ends the pass), downloads the events that are new or newer, checks
them, merges them with MISP's rules and writes them into the data folder (one git commit per pass
when git.commit is on). Events that fail a check go to the quarantine (see kura quarantine).
Each pass is recorded as a job (see kura jobs).

Options:
  --format <f>      human (default) or json (the reports)
  --verbose         also list unchanged events
  --quiet           print only the summary line of each peer

Exit status: 0 all passes ok, 1 some event was quarantined, 2 a pass failed or was partial.

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      format: { type: "string" },
      verbose: { type: "boolean" },
      quiet: { type: "boolean" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
    const config = await configFromFlags(flags.values, env);
    const checks = await eventChecksFor(config, { strictTags: false });
    const context = await createPullContext(config, {
      getEnv: env.getEnv,
      now: env.now,
      checks,
      signal: env.signal,
    });
    const peers = flags.positionals.length > 0
      ? flags.positionals.map((name) => context.peer(name))
      : config.peers;
    if (peers.length === 0) {
      env.stderr('kura pull: no peers configured; add one to "peers" in kura.json\n');
      return Exit.Error;
    }
    let code: number = Exit.Ok;
    const reports = [];
    for (const peer of peers) {
      const deps = await context.deps(peer, {
        trigger: "cli",
        onProgress: format === "human" ? progressReporter(env.stderr, env.isTerminal) : undefined,
      });
      const { report, job } = await runPull(peer, deps);
      reports.push({ ...report, job: job.id });
      if (report.status === "failed" || report.status === "partial") code = Exit.Error;
      else if (report.counts.quarantined > 0 && code === Exit.Ok) code = Exit.Invalid;
      if (format === "human") {
        env.stdout(
          flags.values.quiet
            ? formatPassSummary(report)
            : formatPass(report, { verbose: flags.values.verbose ?? false }),
        );
      }
    }
    if (format === "json") env.stdout(`${JSON.stringify(reports, null, 2)}\n`);
    return code;
  },
};
