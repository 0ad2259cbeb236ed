/**
 * @module
 * Composition root: `deno task kura <command>` and `deno task start` enter here. The only place that
 * calls Deno.exit.
 */
import { COMMANDS, runCli } from "./cli/mod.ts";

const encoder = new TextEncoder();
const controller = new AbortController();
// Commands that stop cleanly on a signal (serve, pull) get it as an AbortSignal; a second signal
// exits at once. Every other command keeps the default: a signal ends the process.
if (COMMANDS.find((command) => command.name === Deno.args[0])?.stopsOnSignal) {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    Deno.addSignalListener(signal, () => {
      if (controller.signal.aborted) Deno.exit(130);
      controller.abort(signal);
    });
  }
}

const code = await runCli(Deno.args, {
  stdout: (text) => writeAll(Deno.stdout, text),
  stderr: (text) => writeAll(Deno.stderr, text),
  cwd: Deno.cwd(),
  now: () => new Date(),
  getEnv: (name) => {
    try {
      return Deno.env.get(name);
    } catch {
      return undefined; // not permitted: treat as unset
    }
  },
  isTerminal: Deno.stdout.isTerminal(),
  signal: controller.signal,
});
Deno.exit(code);

function writeAll(stream: typeof Deno.stdout, text: string): void {
  const bytes = encoder.encode(text);
  let written = 0;
  while (written < bytes.length) written += stream.writeSync(bytes.subarray(written));
}
