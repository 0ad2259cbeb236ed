/**
 * @module
 * Reading the attribute and object uuids of an event in the data folder, for references that point
 * into the event an event extends. Synchronous because event checks are; each event is read once
 * per reader.
 */
import { uuidKinds } from "../catalog/mod.ts";
import { isUuid, parseEventDocument } from "../model/mod.ts";

/** Options of {@link eventUuidReader}. */
export interface EventUuidReaderOptions {
  /** Largest event file read, in bytes. */
  maxBytes: number;
}

/**
 * A function from an event uuid to the lower-case uuids of its attributes and objects, read from
 * `<data>/events/<uuid>.json`; undefined when that file is absent or not a readable event.
 */
export function eventUuidReader(
  data: string,
  options: EventUuidReaderOptions,
): (eventUuid: string) => ReadonlySet<string> | undefined {
  const read = new Map<string, ReadonlySet<string> | undefined>();
  return (eventUuid) => {
    const uuid = eventUuid.toLowerCase();
    if (!isUuid(uuid)) return undefined;
    if (read.has(uuid)) return read.get(uuid);
    let found: ReadonlySet<string> | undefined;
    try {
      const path = `${data}/events/${uuid}.json`;
      if (Deno.statSync(path).size <= options.maxBytes) {
        const parsed = parseEventDocument(JSON.parse(Deno.readTextFileSync(path)));
        if (parsed.event) found = new Set(uuidKinds(parsed.event).keys());
      }
    } catch {
      found = undefined; // absent or unreadable: the caller reports the reference as unresolved
    }
    read.set(uuid, found);
    return found;
  };
}
