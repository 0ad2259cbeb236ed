/**
 * @module
 * valibot schema of `kura.json`. Unknown keys are refused so a typo never silently falls back to a
 * default.
 */
import * as v from "valibot";
import { PeerEntrySchema } from "./peer_schema.ts";

const path = v.pipe(v.string(), v.minLength(1, "must not be empty"));

/** Schema of the config file. */
export const ConfigFileSchema = v.strictObject({
  $schema: v.optional(v.string()),
  org: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
        "must be a lower-case uuid",
      ),
    ),
  ),
  data: v.optional(path),
  feeds: v.optional(path),
  state: v.optional(path),
  libraries: v.optional(
    v.strictObject({
      taxonomies: v.optional(path),
      galaxy: v.optional(path),
      objects: v.optional(path),
    }),
  ),
  taxonomies: v.optional(
    v.strictObject({
      enabled: v.optional(v.array(v.string())),
      disabled: v.optional(v.array(v.string())),
    }),
  ),
  server: v.optional(
    v.strictObject({
      host: v.optional(v.pipe(v.string(), v.minLength(1))),
      port: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(65535))),
    }),
  ),
  limits: v.optional(
    v.strictObject({
      maxEventBytes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1024))),
    }),
  ),
  git: v.optional(v.strictObject({ commit: v.optional(v.boolean()) })),
  peers: v.optional(v.array(PeerEntrySchema)),
});

/** The config file's content once checked. */
export type ConfigFile = v.InferOutput<typeof ConfigFileSchema>;
