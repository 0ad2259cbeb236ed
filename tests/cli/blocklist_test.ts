// The blocklist of misp-behaviour.md §2.3 step 4, §2.6 and §13 point 8: deleting an event must not
// let the next pull bring it back; blocked creator orgs are refused; a broken list fails closed.
import { deepEqual, equal, match, ok } from "node:assert/strict";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleEvent, tempDir, TEST_ORG, uuidN } from "../support/sample_events.ts";
import { syncWorkspace } from "../support/sync_workspace.ts";

const E1 = sampleEvent({ uuid: uuidN(1, "eeeeeeee"), info: "first" });
const E2 = sampleEvent({ uuid: uuidN(2, "eeeeeeee"), info: "second" });
const OTHER_ORG = { name: "Other CERT", uuid: "22222222-2222-4222-8222-222222222222" };

Deno.test("kura blocklist add --delete removes a pulled event, and the next pull does not bring it back", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1, E2]));
  await syncWorkspace(dir.path, server.url, { commit: false });
  equal((await runKura(["pull"], dir.path)).code, 0);

  const add = await runKura(
    ["blocklist", "add", E1.uuid!, "--comment", "false positive", "--delete"],
    dir.path,
  );
  equal(add.code, 0, add.stderr);
  match(add.stdout, new RegExp(`blocked: event ${E1.uuid}\ndeleted data/events/${E1.uuid}.json\n`));
  const stored = JSON.parse(await Deno.readTextFile(`${dir.path}/data/blocklist.json`));
  deepEqual(stored, {
    events: [{
      uuid: E1.uuid,
      info: "first",
      orgc: TEST_ORG.uuid,
      comment: "false positive",
      created: "2026-01-01T00:00:00.000Z",
    }],
  });
  await Deno.stat(`${dir.path}/data/events/${E1.uuid}.json`).then(
    () => ok(false, "the event file is deleted"),
    () => {},
  );

  // The peer changes the event: a pull would normally take it as new. The blocklist refuses it
  // before any download.
  const changed = sampleEvent({ ...E1, timestamp: "1700000500" });
  for (const [path, text] of Object.entries(feedFiles([changed, E2]))) server.put(path, text);
  server.requests.length = 0;
  const pull = await runKura(["pull", "--format", "json"], dir.path);
  equal(pull.code, 0, pull.stderr);
  const [report] = JSON.parse(pull.stdout);
  const result = report.results.find((r: { uuid: string }) => r.uuid === E1.uuid);
  deepEqual([result.status, result.reason], [
    "rejected",
    "blocked by the event blocklist (blocklist.json): false positive",
  ]);
  equal(server.requests.some((request) => request.path === `/${E1.uuid}.json`), false);
  await Deno.stat(`${dir.path}/data/events/${E1.uuid}.json`).then(
    () => ok(false, "not pulled again"),
    () => {},
  );

  // kura peers fetch bypasses the pull rules but not the blocklist.
  const fetch = await runKura(["peers", "fetch", "peer-a", E1.uuid!], dir.path);
  equal(fetch.code, 2);
  match(fetch.stdout, /blocked by the event blocklist/);

  const list = await runKura(["blocklist", "list"], dir.path);
  equal(list.stdout, `event  ${E1.uuid}  2026-01-01T00:00:00.000Z  first  (false positive)\n`);
  const remove = await runKura(["blocklist", "remove", E1.uuid!], dir.path);
  equal(remove.code, 0);
  await Deno.stat(`${dir.path}/data/blocklist.json`).then(
    () => ok(false, "an empty blocklist leaves no file"),
    () => {},
  );
  equal((await runKura(["blocklist", "remove", E1.uuid!], dir.path)).code, 1);
  equal((await runKura(["blocklist", "list"], dir.path)).stdout, "The blocklist is empty.\n");
});

Deno.test("kura pull refuses the events of a blocked creator org, even when the manifest names another", async () => {
  await using dir = await tempDir();
  const blocked = sampleEvent({ ...E1, Orgc: { ...OTHER_ORG } });
  await using server = startFeedServer(feedFiles([blocked, E2]));
  await syncWorkspace(dir.path, server.url, {
    commit: false,
    peer: { orgs: [TEST_ORG.uuid, OTHER_ORG.uuid] },
  });
  // The manifest claims the allowed org; the file says who created it.
  const manifest = JSON.parse(new TextDecoder().decode(server.files.get("/manifest.json")));
  manifest[E1.uuid!].Orgc = { ...TEST_ORG };
  server.put("/manifest.json", JSON.stringify(manifest));
  const add = await runKura(["blocklist", "add", "--org", OTHER_ORG.uuid], dir.path);
  equal(add.code, 0, add.stderr);
  match(add.stdout, /blocked: organisation 22222222-/);
  const pull = await runKura(["pull", "--format", "json"], dir.path);
  const [report] = JSON.parse(pull.stdout);
  deepEqual(
    report.results.map((r: { uuid: string; status: string }) => [r.uuid, r.status]),
    [[E1.uuid, "rejected"], [E2.uuid, "new"]],
  );
  match(report.results[0].reason, /events of organisation 22222222-.* are blocked/);
  equal((await runKura(["quarantine", "list"], dir.path)).stdout.includes(E1.uuid!), false);
  await Deno.stat(`${dir.path}/data/events/${E1.uuid}.json`).then(
    () => ok(false, "not stored"),
    () => {},
  );
});

Deno.test("a broken blocklist stops pulls (exit 2) and fails kura validate; kura fmt makes it canonical", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  await syncWorkspace(dir.path, server.url, { commit: false });
  const path = `${dir.path}/data/blocklist.json`;
  await Deno.writeTextFile(path, `{"events": [{"uuid": "${E1.uuid}"}, {"uuid": "${E1.uuid}"}]}`);
  const pull = await runKura(["pull"], dir.path);
  equal(pull.code, 2);
  match(pull.stderr, /blocklist\.json cannot be used \(events\[1\]\.uuid: .* listed twice/);
  equal(server.requests.length, 0, "nothing is fetched");
  const validate = await runKura(["validate", "data"], dir.path);
  equal(validate.code, 1);
  match(validate.stdout, /data\/blocklist\.json: events\[1\]\.uuid: .*listed twice/);

  await Deno.writeTextFile(path, `{"orgs":[{"comment":"x","uuid":"${OTHER_ORG.uuid}"}]}`);
  equal((await runKura(["validate", "data"], dir.path)).code, 0);
  equal((await runKura(["fmt", "--check", "data"], dir.path)).code, 1);
  equal((await runKura(["fmt", "data"], dir.path)).code, 0);
  equal(
    await Deno.readTextFile(path),
    `{\n  "orgs": [\n    {\n      "uuid": "${OTHER_ORG.uuid}",\n      "comment": "x"\n    }\n  ]\n}\n`,
  );
});

Deno.test("kura blocklist add notes an event file left in place, and refuses what is not a uuid", async () => {
  await using dir = await tempDir();
  await Deno.mkdir(`${dir.path}/data/events`, { recursive: true });
  await Deno.writeTextFile(
    `${dir.path}/data/events/${E1.uuid}.json`,
    JSON.stringify({ Event: E1 }),
  );
  const add = await runKura(["blocklist", "add", E1.uuid!], dir.path);
  equal(add.code, 0);
  match(add.stderr, /data\/events\/eeeeeeee-.*\.json is still there/);
  const again = await runKura(["blocklist", "add", E1.uuid!], dir.path);
  match(again.stdout, /already blocked: event/);
  for (
    const args of [["blocklist", "add", "../x"], ["blocklist", "add"], ["blocklist"], [
      "blocklist",
      "add",
      "--org",
      "--delete",
      E1.uuid!,
    ]]
  ) {
    equal((await runKura(args, dir.path)).code, 2, args.join(" "));
  }
});
