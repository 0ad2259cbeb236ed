/**
 * @module
 * The registry of `kura` commands, in the order `kura --help` lists them.
 */
import type { Command } from "./command.ts";
import { catalogCommand } from "./catalog.ts";
import { exportCommand } from "./export.ts";
import { feedCommand } from "./feed.ts";
import { fmtCommand } from "./fmt.ts";
import { serveCommand } from "./serve.ts";
import { validateCommand } from "./validate.ts";
import { pullCommand } from "./pull.ts";
import { peersCommand } from "./peers.ts";
import { quarantineCommand } from "./quarantine.ts";
import { jobsCommand } from "./jobs.ts";
import { tokenCommand } from "./token.ts";
import { blocklistCommand } from "./blocklist.ts";
import { mergeFileCommand } from "./merge_file.ts";

/** Every command. */
export const COMMANDS: readonly Command[] = [
  validateCommand,
  fmtCommand,
  mergeFileCommand,
  catalogCommand,
  serveCommand,
  feedCommand,
  exportCommand,
  pullCommand,
  peersCommand,
  quarantineCommand,
  blocklistCommand,
  jobsCommand,
  tokenCommand,
];
