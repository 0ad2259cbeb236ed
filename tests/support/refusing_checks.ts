/**
 * @module
 * A check builder for tests of check sources: loaded by module URL, as render threads load theirs.
 */
import type { Issue, MispEvent } from "../../src/model/mod.ts";

/** Checks refusing events whose `info` contains `word`. */
export function refuseInfoContaining(word: string): ((event: MispEvent) => Issue[])[] {
  return [
    (event) =>
      event.info?.includes(word)
        ? [{
          code: "test.refused",
          severity: "error",
          path: "Event.info",
          message: `contains ${word}`,
        }]
        : [],
  ];
}

/** This module's URL, for a CheckSource. */
export const REFUSING_CHECKS = import.meta.url;
