import { deepEqual, equal, ok } from "node:assert/strict";
import { formatJq, jqStyleOf, libraryFileRole, type LibraryKind } from "../../src/catalog/mod.ts";
import { checkLibraryFolder } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";

/** Findings grouped as `file|severity|code` → count. */
async function groupedFindings(root: string): Promise<Record<string, number>> {
  const report = (await checkLibraryFolder(root))!;
  const counts: Record<string, number> = {};
  for (const { file, issue } of report.findings) {
    const key = `${file}|${issue.severity}|${issue.code}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

// The real defects of the shared snapshot (misp-data/SOURCES.md, misp-formats.md §1–3), one row per
// file and rule, with how many findings each gives.
const REAL_DEFECTS: Record<LibraryKind, [string, number, string][]> = {
  taxonomies: [
    // §1.5: uuid d60ff0b5-… is the namespace uuid of ai-bias-terminology and is reused by its first
    // predicate and by the first predicate of ai-safety-benchmark; no upstream CI check catches it.
    ["ai-bias-terminology/machinetag.json|warning|taxonomy.uuid.duplicate", 1, "reused uuid"],
    ["ai-safety-benchmark/machinetag.json|warning|taxonomy.uuid.duplicate", 1, "reused uuid"],
  ],
  galaxy: [
    // SOURCES.md: these two cluster files (over 4 MiB) are absent from the snapshot.
    ["galaxies/sigma-rules.json|error|galaxy.cluster.missing", 1, "cluster file not copied"],
    [
      "galaxies/ukhsa-culture-collections.json|error|galaxy.cluster.missing",
      1,
      "cluster file not copied",
    ],
    // §2.4: one value's meta has name-attribution after synonyms; upstream HEAD fails its own jq check.
    ["clusters/threat-actor.json|error|format.not-canonical", 1, "keys not sorted"],
    // Two related entries of one value have "dest-uuid": "" (the schema does not require a uuid).
    [
      "clusters/microsoft-activity-group.json|error|cluster.related.dest-uuid.invalid",
      2,
      "empty dest-uuid",
    ],
    // §2.2: meta keys misplaced inside related entries (ransomware:Booyah, surveillance-vendor:RedLattice,
    // android:RedAlert2).
    ["clusters/android.json|warning|cluster.related.unknown-key", 1, "synonyms in a relation"],
    [
      "clusters/ransomware.json|warning|cluster.related.unknown-key",
      3,
      "payment-method, price, refs",
    ],
    [
      "clusters/surveillance-vendor.json|warning|cluster.related.unknown-key",
      1,
      "refs in a relation",
    ],
    // §2.3: rmm-tool repeats 7 values with the same value and uuid (MISP merges them).
    ["clusters/rmm-tool.json|warning|cluster.value.duplicate", 7, "exact repeats"],
    // §2.2: 2,229 dest-uuids do not resolve in the snapshot; 2 of them are the empty ones above, the
    // other 2,227 point to values absent here (removed upstream, or in the two missing files).
    ["clusters/android.json|warning|cluster.related.unresolved", 1, "dangling"],
    ["clusters/banker.json|warning|cluster.related.unresolved", 1, "dangling"],
    ["clusters/botnet.json|warning|cluster.related.unresolved", 1, "dangling"],
    ["clusters/disarm-actortypes.json|warning|cluster.related.unresolved", 1, "dangling"],
    ["clusters/disarm-countermeasures.json|warning|cluster.related.unresolved", 161, "dangling"],
    ["clusters/disarm-detections.json|warning|cluster.related.unresolved", 158, "dangling"],
    [
      "clusters/mitre-enterprise-attack-intrusion-set.json|warning|cluster.related.unresolved",
      19,
      "dangling",
    ],
    [
      "clusters/mitre-enterprise-attack-malware.json|warning|cluster.related.unresolved",
      12,
      "dangling",
    ],
    [
      "clusters/mitre-enterprise-attack-tool.json|warning|cluster.related.unresolved",
      2,
      "dangling",
    ],
    [
      "clusters/mitre-pre-attack-intrusion-set.json|warning|cluster.related.unresolved",
      2,
      "dangling",
    ],
    ["clusters/nice-framework-work_roles.json|warning|cluster.related.unresolved", 52, "dangling"],
    ["clusters/ransomware.json|warning|cluster.related.unresolved", 4, "dangling"],
    ["clusters/rat.json|warning|cluster.related.unresolved", 2, "dangling"],
    ["clusters/threat-actor.json|warning|cluster.related.unresolved", 16, "dangling"],
    ["clusters/tidal-tactic.json|warning|cluster.related.unresolved", 629, "dangling"],
    ["clusters/tool.json|warning|cluster.related.unresolved", 11, "dangling"],
    ["clusters/uavs.json|warning|cluster.related.unresolved", 1050, "dangling"],
    ["clusters/veris-framework.json|warning|cluster.related.unresolved", 105, "dangling"],
  ],
  objects: [
    // §3.1: 26 `categories` entries name a category describeTypes does not allow for the type
    // (mostly `port` under External analysis).
    [
      "objects/crowdsec-ip-context/definition.json|warning|template.category.type",
      3,
      "port, float",
    ],
    [
      "objects/cytomic-orion-file/definition.json|warning|template.category.type",
      1,
      "filename/Other",
    ],
    [
      "objects/cytomic-orion-machine/definition.json|warning|template.category.type",
      2,
      "target-*/Other",
    ],
    ["objects/ddos/definition.json|warning|template.category.type", 2, "port"],
    ["objects/domain-ip/definition.json|warning|template.category.type", 1, "port"],
    [
      "objects/google-threat-intelligence-report/definition.json|warning|template.category.type",
      1,
      "integer",
    ],
    ["objects/ip-port/definition.json|warning|template.category.type", 2, "port"],
    ["objects/irc/definition.json|warning|template.category.type", 1, "port"],
    ["objects/netflow/definition.json|warning|template.category.type", 2, "port"],
    ["objects/network-connection/definition.json|warning|template.category.type", 2, "port"],
    ["objects/network-data/definition.json|warning|template.category.type", 2, "port"],
    ["objects/network-socket/definition.json|warning|template.category.type", 2, "port"],
    ["objects/network-traffic/definition.json|warning|template.category.type", 2, "port"],
    ["objects/shodan-report/definition.json|warning|template.category.type", 1, "port"],
    [
      "objects/trusted-timestamp/definition.json|warning|template.category.type",
      2,
      "sha512, datetime",
    ],
    // §3.1: two relations of cti-transmute-conversion have both values_list and sane_default.
    [
      "objects/cti-transmute-conversion/definition.json|warning|template.values-list.sane-default",
      2,
      "both lists",
    ],
  ],
};

for (const kind of ["taxonomies", "galaxy", "objects"] as const) {
  sharedTest(
    `checkLibraryFolder() reports exactly the real defects of the shared ${kind} checkout`,
    async () => {
      const expected = Object.fromEntries(REAL_DEFECTS[kind].map(([key, count]) => [key, count]));
      deepEqual(await groupedFindings(`${MISP_DATA}/${kind}`), expected);
    },
  );
}

// Library JSON is walked freely in these tests.
// deno-lint-ignore no-explicit-any
type Json = any;

/** A temp checkout holding copies of some real files. */
async function copyOf(
  kind: LibraryKind,
  paths: string[],
): Promise<{ path: string } & AsyncDisposable> {
  const dir = await tempDir("kura-library-");
  for (const path of paths) {
    const target = `${dir.path}/${path}`;
    await Deno.mkdir(target.slice(0, target.lastIndexOf("/")), { recursive: true });
    await Deno.copyFile(`${MISP_DATA}/${kind}/${path}`, target);
    await Deno.chmod(target, 0o644);
  }
  return dir;
}

/** Rewrites one JSON file of a checkout, canonically, after `change`. */
async function mutate(
  kind: LibraryKind,
  root: string,
  path: string,
  change: (json: Json) => void,
): Promise<void> {
  const json = JSON.parse(await Deno.readTextFile(`${root}/${path}`));
  change(json);
  const style = jqStyleOf(kind, libraryFileRole(kind, path)!)!;
  await Deno.writeTextFile(`${root}/${path}`, formatJq(JSON.stringify(json), json, style));
}

/** The findings a mutation adds to a checkout. */
async function addedBy(root: string, mutation: () => Promise<void>): Promise<string[]> {
  const line = (f: { file: string; issue: { path: string; severity: string; code: string } }) =>
    `${f.file} ${f.issue.path} ${f.issue.severity} ${f.issue.code}`;
  const before = new Set((await checkLibraryFolder(root))!.findings.map(line));
  await mutation();
  return (await checkLibraryFolder(root))!.findings.map(line).filter((l) => !before.has(l));
}

sharedTest(
  "checkLibraryFolder() catches a predicate without value in a copy of misp-taxonomies",
  async () => {
    await using dir = await copyOf("taxonomies", [
      "MANIFEST.json",
      "tlp/machinetag.json",
      "PAP/machinetag.json",
    ]);
    const added = await addedBy(
      dir.path,
      () =>
        mutate("taxonomies", dir.path, "tlp/machinetag.json", (json) => {
          delete json.predicates[0].value;
        }),
    );
    deepEqual(added, ["tlp/machinetag.json predicates[0] error taxonomy.predicate.value-missing"]);
  },
);

sharedTest(
  "checkLibraryFolder() catches a duplicated value uuid and a dangling related in a copy of misp-galaxy",
  async () => {
    const paths = [
      "galaxies/threat-actor.json",
      "clusters/threat-actor.json",
      "galaxies/tool.json",
      "clusters/tool.json",
    ];
    await using dir = await copyOf("galaxy", paths);
    const actors = JSON.parse(await Deno.readTextFile(`${dir.path}/clusters/threat-actor.json`));
    const tools = JSON.parse(await Deno.readTextFile(`${dir.path}/clusters/tool.json`));
    // Reuse a uuid for a tool value nothing points to, so no relation loses its target.
    const targets = new Set(
      [...actors.values, ...tools.values].flatMap((v: Json) =>
        (v.related ?? []).map((r: Json) => r["dest-uuid"])
      ),
    );
    const index = tools.values.findIndex((v: Json) => !targets.has(v.uuid));
    ok(index >= 0);
    const duplicated = await addedBy(
      dir.path,
      () =>
        mutate("galaxy", dir.path, "clusters/tool.json", (json) => {
          json.values[index].uuid = actors.values[0].uuid;
        }),
    );
    deepEqual(duplicated, [
      `clusters/tool.json values[${index}].uuid error cluster.value.uuid.duplicate`,
    ]);
    const related = tools.values[0].related?.length ?? 0;
    const dangling = await addedBy(
      dir.path,
      () =>
        mutate("galaxy", dir.path, "clusters/tool.json", (json) => {
          json.values[0].related = [
            ...(json.values[0].related ?? []),
            { "dest-uuid": "0badc0de-0000-4000-8000-000000000000", type: "similar" },
          ];
        }),
    );
    deepEqual(dangling, [
      `clusters/tool.json values[0].related[${related}].dest-uuid warning cluster.related.unresolved`,
    ]);
  },
);

sharedTest(
  "checkLibraryFolder() reports a broken JSON file as a finding, not a crash",
  async () => {
    await using dir = await copyOf("galaxy", ["galaxies/tool.json", "clusters/tool.json"]);
    const text = await Deno.readTextFile(`${dir.path}/clusters/tool.json`);
    await Deno.writeTextFile(`${dir.path}/clusters/tool.json`, text.slice(0, text.length / 2));
    const report = (await checkLibraryFolder(dir.path))!;
    // The cluster file is broken, not missing: its galaxy is not reported as lacking one.
    deepEqual(report.findings.map((f) => `${f.file} ${f.issue.code}`), [
      "clusters/tool.json file.json",
    ]);
  },
);

sharedTest(
  "checkLibraryFolder() catches a template whose required names an unknown relation",
  async () => {
    const paths = [
      "schema_objects.json",
      "relationships/definition.json",
      "objects/file/definition.json",
    ];
    await using dir = await copyOf("objects", paths);
    const added = await addedBy(
      dir.path,
      () =>
        mutate("objects", dir.path, "objects/file/definition.json", (json) => {
          json.required = ["filename", "file-name"];
        }),
    );
    deepEqual(added, ["objects/file/definition.json required[1] error template.required.unknown"]);
  },
);

sharedTest(
  "checkLibraryFolder() with fix rewrites threat-actor.json into jq --sort-keys form, values unchanged",
  async () => {
    await using dir = await copyOf("galaxy", [
      "galaxies/threat-actor.json",
      "clusters/threat-actor.json",
    ]);
    const file = `${dir.path}/clusters/threat-actor.json`;
    const original = JSON.parse(await Deno.readTextFile(file));
    const fixed = (await checkLibraryFolder(dir.path, { fix: true }))!;
    deepEqual(fixed.fixed, ["clusters/threat-actor.json"]);
    equal(fixed.findings.some((f) => f.issue.code === "format.not-canonical"), false);
    const again = (await checkLibraryFolder(dir.path))!;
    equal(again.findings.some((f) => f.issue.code === "format.not-canonical"), false);
    deepEqual(JSON.parse(await Deno.readTextFile(file)), original);
  },
);

Deno.test("checkLibraryFolder() returns undefined for a folder that is no library checkout", async () => {
  await using dir = await tempDir();
  equal(await checkLibraryFolder(dir.path), undefined);
});

Deno.test("checkLibraryFolder() reports an unreadable file (a dangling symlink) as a finding", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/galaxies`);
  await Deno.symlink(`${dir.path}/nowhere.json`, `${dir.path}/galaxies/a.json`);
  const report = (await checkLibraryFolder(dir.path))!;
  deepEqual(report.findings.map((f) => `${f.file} ${f.issue.code}`), [
    "galaxies/a.json file.unreadable",
  ]);
});
