import { equal, match } from "node:assert/strict";
import { feedFiles } from "../support/feed_files.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";
import { syncWorkspace } from "../support/sync_workspace.ts";

const E1 = sampleEvent({ uuid: uuidN(1, "eeeeeeee"), info: "first" });

Deno.test("kura quarantine lists, shows, retries and drops receipts", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  server.put(`/${E1.uuid}.json`, '{"Event": "nope"}');
  await syncWorkspace(dir.path, server.url, { commit: false });
  equal((await runKura(["pull"], dir.path)).code, 1);

  const list = await runKura(["quarantine", "list", "--format", "json"], dir.path);
  const [receipt] = JSON.parse(list.stdout);
  equal(receipt.peer, "peer-a");
  equal(receipt.uuid, E1.uuid);
  match(receipt.reason, /wrong shape/);
  const show = await runKura(["quarantine", "show", receipt.id], dir.path);
  match(show.stdout, /reason: +the event file has the wrong shape/);
  match(show.stdout, /\{"Event": "nope"\}/);
  const raw = await runKura(["quarantine", "show", receipt.id, "--raw"], dir.path);
  equal(raw.stdout, '{"Event": "nope"}');

  // The peer fixes its file; retry fetches it again through every check.
  server.put(`/${E1.uuid}.json`, JSON.stringify({ Event: E1 }));
  const retry = await runKura(["quarantine", "retry", receipt.id], dir.path);
  equal(retry.code, 0, retry.stdout + retry.stderr);
  match(retry.stdout, /new +eeeeeeee-0000-4000-8000-000000000001/);
  equal((await runKura(["quarantine", "list"], dir.path)).stdout, "The quarantine is empty.\n");

  server.put(`/${uuidN(5, "eeeeeeee")}.json`, "{");
  await runKura(["peers", "fetch", "peer-a", uuidN(5, "eeeeeeee")], dir.path);
  const dropped = await runKura(["quarantine", "drop", "--all"], dir.path);
  match(dropped.stdout, /^dropped eeeeeeee-0000-4000-8000-000000000005-/);
  const missing = await runKura(["quarantine", "show", "nope"], dir.path);
  equal(missing.code, 2);
});

Deno.test("kura quarantine retry refuses a receipt whose manifest key is not a uuid", async () => {
  await using dir = await tempDir();
  await using server = startFeedServer(feedFiles([E1]));
  const manifest = JSON.parse(new TextDecoder().decode(server.files.get("/manifest.json")));
  server.put("/manifest.json", JSON.stringify({ "../../x": manifest[E1.uuid!] }));
  await syncWorkspace(dir.path, server.url, { commit: false });
  await runKura(["pull"], dir.path);
  const [receipt] = JSON.parse(
    (await runKura(["quarantine", "list", "--format", "json"], dir.path)).stdout,
  );
  const retry = await runKura(["quarantine", "retry", receipt.id], dir.path);
  equal(retry.code, 2);
  match(retry.stderr, /cannot be fetched again \(drop it\)/);
  equal(
    JSON.parse((await runKura(["quarantine", "list", "--format", "json"], dir.path)).stdout).length,
    1,
  );
});
