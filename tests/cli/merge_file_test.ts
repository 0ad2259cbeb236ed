// `kura merge-file` as git's merge driver, in a real repository: two branches that each edit one
// event (and so each move its timestamp) merge cleanly; a real clash stops the merge with a report.
import { deepEqual, equal, match, notEqual } from "node:assert/strict";
import { formatEventDocument, parseEventDocument } from "../../src/model/mod.ts";
import { runKura } from "../support/run_cli.ts";
import { sampleAttribute, sampleEvent, tempDir } from "../support/sample_events.ts";
import { git } from "../support/sync_workspace.ts";

const EVENT = sampleEvent({}, 2);
const FILE = `events/${EVENT.uuid}.json`;

async function repoWithEvent(root: string): Promise<string> {
  const data = `${root}/data`;
  await Deno.mkdir(`${data}/events`, { recursive: true });
  await git(data, "init", "--quiet", "--initial-branch=main");
  await git(data, "config", "user.email", "test@example.org");
  await git(data, "config", "user.name", "Test");
  await Deno.writeTextFile(`${data}/${FILE}`, formatEventDocument(EVENT));
  await git(data, "add", ".");
  await git(data, "commit", "--quiet", "-m", "event");
  return data;
}

/** Commits `change` of the event on a new branch `name` made from main. */
async function branch(
  data: string,
  name: string,
  change: (event: typeof EVENT) => typeof EVENT,
): Promise<void> {
  await git(data, "checkout", "--quiet", "-b", name, "main");
  const event = parseEventDocument(JSON.parse(await Deno.readTextFile(`${data}/${FILE}`))).event!;
  await Deno.writeTextFile(`${data}/${FILE}`, formatEventDocument(change(event)));
  await git(data, "commit", "--quiet", "-am", name);
}

async function tryMerge(data: string, other: string): Promise<Deno.CommandOutput> {
  return await new Deno.Command("git", {
    args: ["merge", "--no-edit", other],
    cwd: data,
    stdout: "piped",
    stderr: "piped",
  }).output();
}

Deno.test("with kura merge-file installed, two branches adding attributes to one event merge cleanly", async () => {
  await using dir = await tempDir();
  const data = await repoWithEvent(dir.path);
  const added = (n: number, timestamp: string) => (event: typeof EVENT) => ({
    ...event,
    timestamp,
    Attribute: [...event.Attribute!, sampleAttribute(n, { timestamp })],
  });
  await branch(data, "alice", added(7, "1700000700"));
  await branch(data, "bob", added(8, "1700000800"));

  // Without the driver git's line merge stops at the timestamps both branches moved.
  await git(data, "checkout", "--quiet", "alice");
  const plain = await tryMerge(data, "bob");
  notEqual(plain.code, 0);
  await git(data, "merge", "--abort");

  const install = await runKura(["merge-file", "--install"], dir.path);
  equal(install.code, 0, install.stderr);
  equal(await Deno.readTextFile(`${data}/.gitattributes`), "*.json merge=kura\n");
  const merged = await tryMerge(data, "bob");
  equal(merged.code, 0, new TextDecoder().decode(merged.stderr));
  const text = await Deno.readTextFile(`${data}/${FILE}`);
  const event = parseEventDocument(JSON.parse(text)).event!;
  equal(text, formatEventDocument(event), "canonical");
  equal(event.timestamp, "1700000800");
  equal(event.Attribute!.length, 4);
  const validate = await runKura(["validate", "data"], dir.path);
  equal(validate.code, 0, validate.stdout);
  // --install is idempotent.
  equal((await runKura(["merge-file", "--install"], dir.path)).code, 0);
  equal(await Deno.readTextFile(`${data}/.gitattributes`), "*.json merge=kura\n");
});

Deno.test("kura merge-file reports a value both sides changed, keeps ours, and fails the merge", async () => {
  await using dir = await tempDir();
  const data = await repoWithEvent(dir.path);
  const first = EVENT.Attribute![0]!;
  const setValue = (value: string) => (event: typeof EVENT) => ({
    ...event,
    timestamp: "1700000900",
    Attribute: event.Attribute!.map((a) => a.uuid === first.uuid ? { ...a, value } : a),
  });
  await branch(data, "alice", setValue("198.51.100.77"));
  await branch(data, "bob", setValue("198.51.100.88"));
  await git(data, "checkout", "--quiet", "alice");
  equal((await runKura(["merge-file", "--install"], dir.path)).code, 0);
  const merged = await tryMerge(data, "bob");
  notEqual(merged.code, 0);
  const output = new TextDecoder().decode(merged.stderr) + new TextDecoder().decode(merged.stdout);
  match(
    output,
    new RegExp(
      `conflict at Event\\.Attribute\\[uuid=${first.uuid}\\]\\.value: kept ours \\(base "${
        first.value!.replaceAll(".", "\\.")
      }", ours "198\\.51\\.100\\.77", theirs "198\\.51\\.100\\.88"\\)`,
    ),
  );
  const event = parseEventDocument(JSON.parse(await Deno.readTextFile(`${data}/${FILE}`))).event!;
  equal(event.Attribute!.find((a) => a.uuid === first.uuid)?.value, "198.51.100.77");
  match(await git(data, "status", "--porcelain"), /^UU events\//m);
});

Deno.test("kura merge-file falls back to a line merge for files that are not JSON, and checks its arguments", async () => {
  await using dir = await tempDir();
  const base = `${dir.path}/base`;
  const ours = `${dir.path}/ours`;
  const theirs = `${dir.path}/theirs`;
  await Deno.writeTextFile(base, "a\nb\nc\n");
  await Deno.writeTextFile(ours, "A\nb\nc\n");
  await Deno.writeTextFile(theirs, "a\nb\nC\n");
  const run = await runKura(["merge-file", base, ours, theirs, "notes.txt"], dir.path);
  equal(run.code, 0);
  match(run.stderr, /not JSON on every side; merging lines instead/);
  equal(await Deno.readTextFile(ours), "A\nb\nC\n");
  equal((await runKura(["merge-file", base, ours], dir.path)).code, 2);
  // A merged event that does not validate needs a person as much as a conflict does.
  const bad = sampleEvent({}, 1);
  await Deno.writeTextFile(base, formatEventDocument(bad));
  await Deno.writeTextFile(ours, formatEventDocument({ ...bad, threat_level_id: "9" }));
  await Deno.writeTextFile(theirs, formatEventDocument({ ...bad, info: "other" }));
  const invalid = await runKura(["merge-file", base, ours, theirs, FILE], dir.path);
  equal(invalid.code, 1);
  match(invalid.stderr, /the merge is not valid: Event\.threat_level_id/);
  const result = parseEventDocument(JSON.parse(await Deno.readTextFile(ours))).event!;
  deepEqual([result.info, result.threat_level_id], ["other", "9"]);
});
