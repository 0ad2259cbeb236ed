// A real MISP-format feed written by PyMISP's generator (misp-behaviour.md §3.2), served as static
// files: every event is imported or quarantined with a stated reason, never dropped.
import { deepEqual, equal, ok } from "node:assert/strict";
import { pullPass } from "../../src/sync/mod.ts";
import { validateEvent } from "../../src/validate/mod.ts";
import { serveFolder } from "../support/feed_server.ts";
import { pullDeps, testPeer } from "../support/pull_fixture.ts";
import { tempDir } from "../support/sample_events.ts";
import { MISP_DATA, sharedTest } from "../support/shared_data.ts";

sharedTest(
  "pullPass() imports every event of PyMISP's sample feed or quarantines it with a reason",
  async () => {
    await using dir = await tempDir();
    await using server = await serveFolder(`${MISP_DATA}/derived/pymisp-feed-sample`);
    const manifest = JSON.parse(new TextDecoder().decode(server.files.get("/manifest.json")));
    const peer = testPeer(server.url, { orgs: ["*"] });
    const deps = pullDeps(dir.path, peer);
    const report = await pullPass(peer, deps);
    equal(report.status, "ok", report.error);
    deepEqual(report.results.map((r) => r.uuid).sort(), Object.keys(manifest).sort());
    for (const result of report.results) {
      ok(
        ["new", "quarantined"].includes(result.status),
        `${result.uuid}: ${result.status} ${result.reason}`,
      );
      ok(result.reason.length > 0);
    }
    const quarantined = report.results.filter((r) => r.status === "quarantined");
    equal((await deps.quarantine.list()).length, quarantined.length);
    for await (const stored of deps.store.scan()) {
      ok(stored.event, `${stored.uuid} loads`);
      const errors = validateEvent(stored.event!).filter((issue) => issue.severity === "error");
      deepEqual(errors, [], `${stored.uuid} validates`);
      equal(stored.event!.locked, true);
    }
    console.log(
      `  ${report.counts.new} imported, ${quarantined.length} quarantined:` +
        quarantined.map((r) => `\n    ${r.uuid}: ${r.reason}`).join(""),
    );
  },
);
