/**
 * @module
 * Small library checkouts for tests, as `path → JSON value` maps, and a runner for the pure checker.
 */
import {
  formatJq,
  jqStyleOf,
  LibraryCheck,
  libraryFileRole,
  type LibraryKind,
  orderForCheck,
} from "../../src/catalog/mod.ts";
import {
  ADMIRALTY_JSON,
  DOMAIN_IP_TEMPLATE,
  FILE_TEMPLATE,
  THREAT_ACTOR_CLUSTER,
  THREAT_ACTOR_GALAXY,
} from "./sample_catalog.ts";

/** A file's content: a JSON value (written in the repository's canonical form) or raw text. */
export type FileContent = unknown | { readonly raw: string | Uint8Array };

/** The canonical bytes of a file of a checkout. */
export function fileBytes(kind: LibraryKind, path: string, content: FileContent): Uint8Array {
  if (typeof content === "object" && content !== null && "raw" in content) {
    const raw = (content as { raw: string | Uint8Array }).raw;
    return typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
  }
  const role = libraryFileRole(kind, path);
  const style = role ? jqStyleOf(kind, role) : undefined;
  const text = style
    ? formatJq(JSON.stringify(content), content, style)
    : `${JSON.stringify(content, null, 2)}\n`;
  return new TextEncoder().encode(text);
}

/** Runs the checker over in-memory files; findings as `file path severity code`. */
export function checkFiles(
  kind: LibraryKind,
  files: Readonly<Record<string, FileContent>>,
  options: { topFolders?: string[]; executable?: string[] } = {},
): string[] {
  const check = new LibraryCheck(kind, { topFolders: options.topFolders });
  for (const path of orderForCheck(kind, Object.keys(files).sort())) {
    check.add(path, fileBytes(kind, path, files[path]), {
      executable: options.executable?.includes(path),
    });
  }
  return check.finish().map(({ file, issue }) =>
    `${file} ${issue.path} ${issue.severity} ${issue.code}`
  );
}

/** A minimal valid misp-taxonomies checkout. */
export function taxonomyCheckout(): Record<string, FileContent> {
  return {
    "admiralty-scale/machinetag.json": ADMIRALTY_JSON,
    "MANIFEST.json": {
      description: "Manifest file of MISP taxonomies available.",
      license: "CC-0",
      path: "machinetag.json",
      taxonomies: [{
        description: ADMIRALTY_JSON.description,
        name: "admiralty-scale",
        version: ADMIRALTY_JSON.version,
      }],
      url: "https://example.org/",
      version: "20260101",
    },
  };
}

/** A minimal valid misp-galaxy checkout. */
export function galaxyCheckout(): Record<string, FileContent> {
  return {
    "galaxies/threat-actor.json": THREAT_ACTOR_GALAXY,
    "clusters/threat-actor.json": THREAT_ACTOR_CLUSTER,
  };
}

/** A minimal valid misp-objects checkout. */
export function objectsCheckout(): Record<string, FileContent> {
  return {
    "objects/domain-ip/definition.json": DOMAIN_IP_TEMPLATE,
    "objects/file/definition.json": FILE_TEMPLATE,
    "relationships/definition.json": {
      name: "Object relationships",
      description: "Relationships between objects",
      version: 1,
      uuid: "7f1fa2e0-3cd9-4b5a-9a1e-2f3b4c5d6e7f",
      values: [
        { name: "uses", description: "uses", format: ["misp"], opposite: "used-by" },
        { name: "used-by", description: "used by", format: ["misp"] },
      ],
    },
  };
}
