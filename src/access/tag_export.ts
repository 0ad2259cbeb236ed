/**
 * @module
 * Which tags leave the instance: never a non-exportable tag (`exportable: false`), and a local tag
 * (`local: true`, or a tag marked `local_only`) only towards this organisation (misp-behaviour.md
 * §2.5 "Tags with exportable=0 … removed", "Local tags … removed unless internal"). Tags never change
 * what else is visible (§13.1).
 */
import type { Tag } from "../model/mod.ts";
import type { Audience } from "./audience.ts";

/** Whether `tag` may be shown to `audience`. */
export function isTagExportable(tag: Tag, audience: Audience): boolean {
  if (tag.exportable === false) return false;
  if (audience.kind === "internal") return true;
  return tag.local !== true && tag.local_only !== true;
}
