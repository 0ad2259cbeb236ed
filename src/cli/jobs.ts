/**
 * @module
 * `kura jobs`: the recorded pull passes, newest first (the same records as `GET /jobs`).
 */
import { JobStore } from "../store/mod.ts";
import { type Command, COMMON_HELP, Exit } from "./command.ts";
import { configFromFlags, parseCount, parseFlags, parseFormat } from "./parse_flags.ts";

/** `kura jobs`. */
export const jobsCommand: Command = {
  name: "jobs",
  summary: "list recorded pull passes (id, peer, start, end, counts, error)",
  help: `Usage: kura jobs [options]

Lists pull passes recorded in <state>/jobs/, newest first. A pass still running, or one whose
process died, shows status "running" and no end.

Options:
  --peer <name>     only this peer's passes
  --limit <n>       at most n passes (default 20)
  --format <f>      human (default) or json

${COMMON_HELP}`,

  async run(args, env) {
    const flags = parseFlags(args, {
      peer: { type: "string" },
      limit: { type: "string" },
      format: { type: "string" },
    });
    if (flags.values.help) {
      env.stdout(this.help + "\n");
      return Exit.Ok;
    }
    const format = parseFormat(flags.values.format, ["human", "json"] as const, "human");
    const limit = parseCount("limit", flags.values.limit) ?? 20;
    const config = await configFromFlags(flags.values, env);
    const jobs = await new JobStore(config.state).list({ peer: flags.values.peer, limit });
    if (format === "json") {
      env.stdout(`${JSON.stringify(jobs, null, 2)}\n`);
      return Exit.Ok;
    }
    if (jobs.length === 0) env.stdout("No pull passes recorded yet.\n");
    for (const job of jobs) {
      const counts = Object.entries(job.counts).filter(([, n]) => n > 0)
        .map(([status, n]) => `${n} ${status}`).join(", ") || "-";
      env.stdout(
        `${job.id}  ${job.peer}  ${job.trigger}  ${job.started} → ${
          job.finished ?? "…"
        }  ${job.status}  ${counts}${job.error ? `  error: ${job.error}` : ""}\n`,
      );
    }
    return Exit.Ok;
  },
};
