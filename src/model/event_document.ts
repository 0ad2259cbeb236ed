/**
 * @module
 * Turning parsed JSON into an event and an event back into file text. Parsing never throws on bad data:
 * it returns the issues it found, with JSON paths.
 */
import * as v from "valibot";
import { canonicalEvent } from "./canonical_event.ts";
import { stringifyCanonical } from "./canonical_json.ts";
import { type EventDocument, EventSchema, type MispEvent } from "./event.ts";
import { error, type Issue } from "./issue.ts";
import { childPath } from "./json_path.ts";

/** Result of {@link parseEventDocument}: the event when its shape is sound, and every issue found. */
export interface ParsedEvent {
  readonly event?: MispEvent;
  readonly issues: Issue[];
}

/** Options of {@link parseEventDocument}. */
export interface ParseEventOptions {
  /**
   * Also accept a bare event object (PyMISP's unwrapped form) and report it as an error rather than
   * refusing to read it; default false.
   */
  acceptUnwrapped?: boolean;
}

/**
 * Checks that `json` is `{"Event": {...}}` and that every known field has MISP's scalar shape, coercing
 * numbers to MISP's strings and 0/1 to booleans. Semantic rules (ranges, types, values) belong to
 * `validate/`.
 */
export function parseEventDocument(json: unknown, options: ParseEventOptions = {}): ParsedEvent {
  if (json === null || typeof json !== "object" || Array.isArray(json)) {
    return {
      issues: [
        error(
          "document.root",
          "",
          `The root must be an object {"Event": {...}}, got ${describe(json)}`,
        ),
      ],
    };
  }
  const root = json as Record<string, unknown>;
  const issues: Issue[] = [];
  let body: unknown = root.Event;
  let base = "Event";
  if (!("Event" in root)) {
    if (options.acceptUnwrapped && ("uuid" in root || "info" in root || "Attribute" in root)) {
      issues.push(
        error(
          "document.unwrapped",
          "",
          'The event is not wrapped: the root must be {"Event": {...}}',
        ),
      );
      body = root;
      base = "";
    } else {
      return {
        issues: [
          error("document.root", "", 'The root must be {"Event": {...}}; no "Event" key found'),
        ],
      };
    }
  } else {
    const extra = Object.keys(root).filter((key) => key !== "Event");
    if (extra.length > 0) {
      issues.push(
        error(
          "document.root",
          "",
          `The root must hold only "Event"; also found ${extra.map((k) => `"${k}"`).join(", ")}`,
        ),
      );
    }
  }
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    issues.push(error("document.event", base, `"Event" must be an object, got ${describe(body)}`));
    return { issues };
  }
  const result = v.safeParse(EventSchema, body);
  if (!result.success) {
    for (const problem of result.issues) issues.push(shapeIssue(problem, base));
    return { issues };
  }
  return { event: result.output, issues };
}

/** The canonical file text of an event: `{"Event": ...}`, children ordered, in canonical JSON. */
export function formatEventDocument(event: MispEvent): string {
  const document: EventDocument = { Event: canonicalEvent(event) };
  return stringifyCanonical(document);
}

function shapeIssue(problem: v.BaseIssue<unknown>, base: string): Issue {
  let path = base;
  for (const item of problem.path ?? []) {
    const key = item.key;
    path = childPath(path, typeof key === "number" ? key : String(key));
  }
  const field = problem.path?.at(-1)?.key;
  const name = field === undefined ? "value" : `"${String(field)}"`;
  return error(
    "shape",
    path,
    `${name} has the wrong JSON type: ${problem.message}, got ${describe(problem.input)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "string") {
    return value.length > 40 ? `a string "${value.slice(0, 40)}…"` : `the string "${value}"`;
  }
  if (typeof value === "object") return "an object";
  if (value === undefined) return "nothing";
  return `${typeof value} ${String(value)}`;
}
