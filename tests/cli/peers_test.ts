// Connection-test statuses of misp-behaviour.md §2.2; explore filters of §2.8.
import { equal, match } from "node:assert/strict";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { syncWorkspace } from "../support/sync_workspace.ts";

const events = [
  sampleEvent({
    uuid: uuidN(1, "eeeeeeee"),
    info: "Ransomware wave",
    date: "2024-01-10",
    timestamp: "1700000001",
  }),
  sampleEvent({
    uuid: uuidN(2, "eeeeeeee"),
    info: "Phishing kit",
    date: "2024-02-10",
    timestamp: "1700000002",
    Tag: [{ name: "tlp:amber" }],
  }),
  sampleEvent({
    uuid: uuidN(3, "eeeeeeee"),
    info: "Another phishing",
    date: "2024-03-10",
    timestamp: "1700000003",
  }),
];

const statuses: [string, (s: ReturnType<typeof startFeedServer>) => void, number, RegExp][] = [
  [
    "1 OK for a parsing manifest",
    () => {},
    0,
    /status 1 \(OK\): manifest.json parses: 3 events\n {2}reachable ok, TLS -, auth ok, manifest ok/,
  ],
  [
    "4 when the credentials are refused",
    (s) => s.behaviours.set("/manifest.json", { status: 403 }),
    2,
    /status 4 \(Authentication failed\): HTTP 403/,
  ],
  [
    "3 for an unexpected answer",
    (s) => s.behaviours.set("/manifest.json", { status: 500 }),
    2,
    /status 3 \(Unexpected response\): HTTP 500/,
  ],
  [
    "3 for a manifest that does not parse",
    (s) => s.put("/manifest.json", "[1,2]"),
    2,
    /status 3 .*does not parse: the manifest must be a JSON object/,
  ],
];
for (const [what, setup, code, output] of statuses) {
  Deno.test(`kura peers test reports status ${what}`, async () => {
    await using dir = await tempDir();
    await using server = startFeedServer(feedFiles(events));
    setup(server);
    await syncWorkspace(dir.path, server.url);
    const run = await runKura(["peers", "test", "peer-a"], dir.path);
    equal(run.code, code, run.stderr);
    match(run.stdout, output);
  });
}

Deno.test("kura peers test reports status 2 for a peer that is down", async () => {
  await using dir = await tempDir();
  const listener = Deno.listen({ hostname: "127.0.0.1", port: 0 });
  const port = listener.addr.port;
  listener.close();
  await syncWorkspace(dir.path, `http://127.0.0.1:${port}/`);
  const run = await runKura(["peers", "test", "peer-a"], dir.path);
  equal(run.code, 2);
  match(run.stdout, /status 2 \(Unreachable\): cannot connect/);
});

Deno.test("kura peers explore filters by text, tag and date, newest first, paged", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles(events));
  await syncWorkspace(dir.path, server.url);
  const text = await runKura(["peers", "explore", "peer-a", "--search", "PHISHING"], dir.path);
  match(
    text.stdout,
    /2024-03-10 .*Another phishing\n2024-02-10 .*Phishing kit\npage 1\/1, 2 matching of 3 events/,
  );
  const tag = await runKura([
    "peers",
    "explore",
    "peer-a",
    "--tag",
    "tlp:amber",
    "--format",
    "json",
  ], dir.path);
  equal(JSON.parse(tag.stdout).entries[0].info, "Phishing kit");
  const dates = await runKura([
    "peers",
    "explore",
    "peer-a",
    "--since",
    "2024-01-01",
    "--until",
    "2024-02-01",
  ], dir.path);
  match(dates.stdout, /Ransomware wave\npage 1\/1, 1 matching/);
  const paged = await runKura(
    ["peers", "explore", "peer-a", "--limit", "1", "--page", "2"],
    dir.path,
  );
  match(paged.stdout, /Phishing kit\npage 2\/3, 3 matching/);
});

Deno.test("kura peers fetch pulls one event through the checks and peers list shows status", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles(events));
  await syncWorkspace(dir.path, server.url, { commit: false });
  const run = await runKura(["peers", "fetch", "peer-a", events[1]!.uuid!], dir.path);
  equal(run.code, 0, run.stdout + run.stderr);
  match(run.stdout, /new +eeeeeeee-0000-4000-8000-000000000002 "Phishing kit"/);
  const bad = await runKura(["peers", "fetch", "peer-a", "../../x"], dir.path);
  equal(bad.code, 2);
  match(bad.stdout, /not a lower-case uuid/);
  await runKura(["pull"], dir.path);
  const list = await runKura(["peers", "list"], dir.path);
  match(
    list.stdout,
    /peer-a {2}http:\/\/127\.0\.0\.1:\d+\/ {2}every 3600s {2}last success: 2026-01-01T00:00:00.000Z/,
  );
});
