/**
 * @module
 * `kura catalog check` without the I/O: files of one library checkout go in one by one (bytes and
 * whether they are executable), findings come out at the end. Each file is parsed (a malformed file
 * is a finding, never a crash), validated against its upstream schema, held to its repository's jq
 * formatting, and checked by the rules upstream CI misses; cross-file rules run in `finish()`.
 */
import { GalaxyLibraryRules } from "./galaxy_library_rules.ts";
import { formatJq, jqCommand, type JqStyle } from "./jq_format.ts";
import { checkSchema, type SchemaNode } from "./json_schema_lite.ts";
import { FindingSink, type LibraryFinding } from "./library_finding.ts";
import { type LibraryFileRole, libraryFileRole, type LibraryKind } from "./library_layout.ts";
import {
  CLUSTER_SCHEMA,
  GALAXY_MISP_SCHEMA,
  GALAXY_SCHEMA,
  MANIFEST_SCHEMA,
  MAPPING_SCHEMA,
  RELATIONSHIPS_SCHEMA,
  TAXONOMY_SCHEMA,
  templateSchema,
  VOCABULARY_SCHEMA,
} from "./library_schemas.ts";
import { ObjectLibraryRules } from "./object_library_rules.ts";
import { TaxonomyLibraryRules } from "./taxonomy_library_rules.ts";

const KEEP_ORDER: JqStyle = { sortKeys: false, trailingNewline: true };
const SORTED: JqStyle = { sortKeys: true, trailingNewline: true };
const SORTED_JOINED: JqStyle = { sortKeys: true, trailingNewline: false };

/** The jq style upstream CI rewrites a file with (misp-formats.md §1.3, §2.4, §3.2); none = not held to one. */
export function jqStyleOf(kind: LibraryKind, role: LibraryFileRole): JqStyle | undefined {
  switch (kind) {
    case "taxonomies":
      return role === "mapping" ? undefined : KEEP_ORDER;
    case "galaxy":
      return role === "galaxy" || role === "cluster" ? SORTED : undefined;
    case "objects":
      return role === "schema" ? KEEP_ORDER : SORTED_JOINED;
  }
}

/** The findings prefix (`cluster.schema.type`, …) of each role. */
const PREFIX: Record<LibraryFileRole, string> = {
  taxonomy: "taxonomy",
  manifest: "manifest",
  mapping: "mapping",
  schema: "schema-file",
  galaxy: "galaxy",
  cluster: "cluster",
  vocabulary: "vocabulary",
  "galaxy-misp": "galaxy-misp",
  template: "template",
  relationships: "relationships",
};

/** What {@link LibraryCheck.add} learnt about one file. */
export interface AddedFile {
  /** The file's canonical text, when it parsed but is not in canonical form (for `--fix`). */
  readonly canonical?: string;
}

/** Options of {@link LibraryCheck}. */
export interface LibraryCheckOptions {
  /** Top-level folders of the checkout (taxonomies: each must hold a taxonomy). */
  readonly topFolders?: readonly string[];
}

const BOM = [0xef, 0xbb, 0xbf];

/** Checks one library checkout, file by file. Add schema files first (see {@link orderForCheck}). */
export class LibraryCheck {
  readonly kind: LibraryKind;
  readonly #sink = new FindingSink();
  readonly #options: LibraryCheckOptions;
  readonly #taxonomies?: TaxonomyLibraryRules;
  readonly #galaxy?: GalaxyLibraryRules;
  readonly #objects?: ObjectLibraryRules;
  readonly #decoder = new TextDecoder("utf-8", { fatal: true });

  constructor(kind: LibraryKind, options: LibraryCheckOptions = {}) {
    this.kind = kind;
    this.#options = options;
    if (kind === "taxonomies") this.#taxonomies = new TaxonomyLibraryRules(this.#sink);
    if (kind === "galaxy") this.#galaxy = new GalaxyLibraryRules(this.#sink);
    if (kind === "objects") this.#objects = new ObjectLibraryRules(this.#sink);
  }

  /** Checks one file (`path` relative to the checkout); files of no known role are ignored. */
  add(path: string, bytes: Uint8Array, info: { executable?: boolean } = {}): AddedFile {
    const role = libraryFileRole(this.kind, path);
    if (!role) return {};
    const sink = this.#sink;
    if (info.executable && this.kind !== "taxonomies") {
      sink.error(
        path,
        "file.executable",
        "",
        "The file is executable; upstream CI requires JSON files without the executable bit",
      );
    }
    const parsed = this.#parse(path, bytes);
    if (!parsed) {
      this.#taxonomies?.broken(path);
      this.#galaxy?.broken(path);
      return {};
    }
    const { text, json } = parsed;
    const schema = this.#schemaOf(role);
    if (schema) {
      checkSchema(json, schema, (at, keyword, message) => {
        sink.error(path, `${PREFIX[role]}.schema.${keyword}`, at, describeAt(at, message));
      });
    }
    this.#rules(path, role, json);
    const style = jqStyleOf(this.kind, role);
    if (!style) return {};
    const canonical = formatJq(text, json, style);
    if (canonical === text) return {};
    sink.error(
      path,
      "format.not-canonical",
      "",
      `Not in the repository's canonical form (\`${jqCommand(style)}\`): first difference on line ${
        firstDifferentLine(text, canonical)
      }`,
    );
    return { canonical };
  }

  /** Runs the cross-file rules and returns every finding, grouped by file in path order. */
  finish(): LibraryFinding[] {
    this.#taxonomies?.finish(this.#options.topFolders ?? []);
    this.#galaxy?.finish();
    const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return this.#sink.findings
      .map((finding, index) => ({ finding, index }))
      .sort((a, b) => order(a.finding.file, b.finding.file) || a.index - b.index)
      .map(({ finding }) => finding);
  }

  #parse(path: string, bytes: Uint8Array): { text: string; json: unknown } | undefined {
    const sink = this.#sink;
    if (bytes.length >= 3 && BOM.every((b, i) => bytes[i] === b)) {
      sink.error(
        path,
        "file.bom",
        "",
        "File starts with a UTF-8 byte order mark; JSON files must not have one",
      );
      return undefined;
    }
    let text: string;
    try {
      text = this.#decoder.decode(bytes);
    } catch {
      sink.error(path, "file.encoding", "", "File is not valid UTF-8");
      return undefined;
    }
    try {
      return { text, json: JSON.parse(text) };
    } catch (cause) {
      sink.error(path, "file.json", "", `Not valid JSON: ${(cause as Error).message}`);
      return undefined;
    }
  }

  #schemaOf(role: LibraryFileRole): SchemaNode | undefined {
    switch (role) {
      case "taxonomy":
        return TAXONOMY_SCHEMA;
      case "manifest":
        return MANIFEST_SCHEMA;
      case "mapping":
        return MAPPING_SCHEMA;
      case "galaxy":
        return GALAXY_SCHEMA;
      case "cluster":
        return CLUSTER_SCHEMA;
      case "vocabulary":
        return VOCABULARY_SCHEMA;
      case "galaxy-misp":
        return GALAXY_MISP_SCHEMA;
      case "template":
        return templateSchema(this.#objects!.enums);
      case "relationships":
        return RELATIONSHIPS_SCHEMA;
      case "schema":
        return undefined;
    }
  }

  #rules(path: string, role: LibraryFileRole, json: unknown): void {
    switch (role) {
      case "taxonomy":
        return this.#taxonomies!.taxonomy(path, json);
      case "manifest":
        return this.#taxonomies!.manifest(path, json);
      case "galaxy":
        return this.#galaxy!.galaxy(path, json);
      case "cluster":
        return this.#galaxy!.cluster(path, json);
      case "template":
        return this.#objects!.template(path, json);
      case "relationships":
        return this.#objects!.relationships(path, json);
      case "schema":
        if (path === "schema_objects.json") this.#objects?.schema(json);
        return;
      default:
        return;
    }
  }
}

/** Orders a checkout's files for {@link LibraryCheck}: schema files first, then the rest as given. */
export function orderForCheck(kind: LibraryKind, paths: readonly string[]): string[] {
  const schemas = paths.filter((path) => libraryFileRole(kind, path) === "schema");
  return [...schemas, ...paths.filter((path) => !schemas.includes(path))];
}

function describeAt(at: string, message: string): string {
  const key = at.match(/(?:\.|^)([A-Za-z_][\w-]*)$|\["([^"]+)"\]$/);
  const name = key?.[1] ?? key?.[2];
  return name && !message.startsWith("key ") && !message.startsWith("required ")
    ? `"${name}" ${message}`
    : message;
}

function firstDifferentLine(a: string, b: string): number {
  let i = 0;
  const n = Math.min(a.length, b.length);
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  let line = 1;
  for (let j = 0; j < i; j++) if (a.charCodeAt(j) === 10) line++;
  return line;
}
