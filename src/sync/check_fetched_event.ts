/**
 * @module
 * The checks an event file from a peer must pass before it may touch `data/` (the sync issue's
 * "check each event"): the integrity digest when the manifest gives one, UTF-8 JSON in one of the
 * shapes MISP accepts (misp-behaviour.md §3.1), the uuid equal to the manifest key and a creator org
 * the peer may speak for; then, on the event as it would be stored (feeds omit distribution, which
 * the pull fills in), validation without errors and no timestamp from the future (a forged future
 * timestamp would win every later merge, field-survey.md §2.2 MISP#4911).
 */
import { refusedAuthority } from "../merge/mod.ts";
import { hasErrors, type Issue, type MispEvent, parseEventDocument } from "../model/mod.ts";
import { type EventCheck, validateEvent } from "../validate/mod.ts";

/** Options of {@link checkFetchedEvent}. */
export interface FetchCheckOptions {
  readonly peer: string;
  readonly orgs: readonly string[];
  readonly hostOrg?: string;
  readonly internal: boolean;
}

/** The verdict: the parsed event, or why it is refused. */
export type FetchVerdict =
  | { readonly ok: true; readonly event: MispEvent }
  | { readonly ok: false; readonly reason: string };

/** Checks `bytes` fetched for `expected.uuid`. Never throws for bad data. */
export async function checkFetchedEvent(
  bytes: Uint8Array,
  expected: { uuid: string; sha256?: string },
  options: FetchCheckOptions,
): Promise<FetchVerdict> {
  const refuse = (reason: string): FetchVerdict => ({ ok: false, reason });
  if (expected.sha256 !== undefined) {
    const actual = await sha256Hex(bytes);
    if (actual !== expected.sha256) {
      return refuse(
        `integrity:sha256 mismatch: manifest says ${expected.sha256}, file is ${actual}`,
      );
    }
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return refuse("the event file is not valid UTF-8");
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (cause) {
    return refuse(`the event file is not valid JSON: ${(cause as Error).message}`);
  }
  const parsed = parseEventDocument(unwrap(json));
  if (!parsed.event || hasErrors(parsed.issues)) {
    return refuse(`the event file has the wrong shape: ${summarise(parsed.issues)}`);
  }
  const event = parsed.event;
  if (event.uuid !== expected.uuid) {
    return refuse(`uuid mismatch: fetched for ${expected.uuid}, the file holds "${event.uuid}"`);
  }
  const refused = refusedAuthority(event.Orgc, options.peer, options);
  if (refused) return refuse(refused);
  return { ok: true, event };
}

/**
 * Why `event` (as it would be stored) may not be stored: validation errors, or a timestamp from the
 * future; undefined when it may.
 */
export function refusedByValidation(
  event: MispEvent,
  options: { checks?: readonly EventCheck[]; now: number },
): string | undefined {
  const issues = validateEvent(event, { now: options.now, checks: options.checks });
  const blocking = issues.filter((issue) =>
    issue.severity === "error" || issue.code.endsWith(".future")
  );
  return blocking.length > 0 ? `validation failed: ${summarise(blocking)}` : undefined;
}

/** Accepts `{"Event":…}`, `{"response":[{"Event":…}]}` and `[{"Event":…}]`, and `orgc` for `Orgc`. */
function unwrap(json: unknown): unknown {
  let value = json;
  if (Array.isArray(value) && value.length === 1) value = value[0];
  const response = (value as { response?: unknown } | null)?.response;
  if (Array.isArray(response) && response.length === 1) value = response[0];
  const event = (value as { Event?: Record<string, unknown> } | null)?.Event;
  if (event && typeof event === "object" && event.Orgc === undefined && event.orgc !== undefined) {
    const { orgc, ...rest } = event;
    return { ...(value as object), Event: { ...rest, Orgc: orgc } };
  }
  return value;
}

function summarise(issues: readonly Issue[]): string {
  const shown = issues.slice(0, 3).map((issue) =>
    `${issue.path || "(root)"}: ${issue.message} [${issue.code}]`
  );
  const more = issues.length > 3 ? ` (and ${issues.length - 3} more)` : "";
  return `${shown.join("; ")}${more}`;
}

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}
