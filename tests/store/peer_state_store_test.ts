import { deepEqual, rejects } from "node:assert/strict";
import { EMPTY_PEER_STATE, PeerStateStore } from "../../src/store/mod.ts";
import { tempDir } from "../support/sample_events.ts";

Deno.test("PeerStateStore returns an empty state for a new peer and keeps what is put", async () => {
  await using dir = await tempDir();
  const states = new PeerStateStore(dir.path);
  deepEqual(await states.get("a"), EMPTY_PEER_STATE);
  const state = { etag: '"x"', seen: { u: 1 }, failures: 2, lastSuccess: "t" };
  await states.put("a", state);
  deepEqual(await states.get("a"), state);
});

Deno.test("PeerStateStore journals pending files until cleared", async () => {
  await using dir = await tempDir();
  const states = new PeerStateStore(dir.path);
  await states.addPending("a", "/d/1.json");
  await states.addPending("a", "/d/2.json");
  await states.addPending("a", "/d/1.json");
  deepEqual(await states.pending("a"), ["/d/1.json", "/d/2.json"]);
  await states.clearPending("a");
  deepEqual(await states.pending("a"), []);
});

Deno.test("PeerStateStore refuses a peer name that could leave its folder", async () => {
  await using dir = await tempDir();
  await rejects(new PeerStateStore(dir.path).put("../x", EMPTY_PEER_STATE), TypeError);
});
