import { deepEqual, equal, ok } from "node:assert/strict";
import type { PeerConfig } from "../../src/config/mod.ts";
import type { JobRecord } from "../../src/store/mod.ts";
import { type PassRunner, Poller } from "../../src/sync/mod.ts";
import { testPeer } from "../support/pull_fixture.ts";

const UNIT = 10; // 1 s of interval = 10 ms of test time
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function peer(name: string, interval: number): PeerConfig {
  return { ...testPeer("http://127.0.0.1:1/"), name, interval };
}

function job(peer: string): JobRecord {
  return { id: `job-${peer}`, peer, trigger: "t", started: "", status: "running", counts: {} };
}

Deno.test("Poller runs each peer on its own interval; a hanging peer never delays the others", async () => {
  const runs: string[] = [];
  const run: PassRunner = async (p, { signal, onStart }) => {
    runs.push(p.name);
    onStart(job(p.name));
    if (p.name === "slow") {
      await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
      return { status: "failed" };
    }
    return { status: "ok" };
  };
  const poller = new Poller({
    peers: [peer("fast", 5), peer("slow", 5)],
    run,
    unitMs: UNIT,
    random: () => 0.5,
    startDelay: 0,
  });
  poller.start();
  await sleep(230);
  await poller.stop();
  const fast = runs.filter((name) => name === "fast").length;
  equal(runs.filter((name) => name === "slow").length, 1, "one pass at a time for the slow peer");
  ok(fast >= 3, `fast peer polled ${fast} times`);
});

Deno.test("Poller backs off exponentially after failures and resets after a success", async () => {
  const times: number[] = [];
  let calls = 0;
  const run: PassRunner = () => {
    times.push(Date.now());
    calls++;
    return Promise.resolve({ status: calls <= 3 ? "failed" : "ok" });
  };
  const poller = new Poller({
    peers: [peer("p", 2)],
    run,
    unitMs: UNIT,
    random: () => 0.5,
    startDelay: 0,
  });
  poller.start();
  await sleep(400);
  await poller.stop();
  const gaps = times.slice(1).map((t, i) => t - times[i]!);
  // Intervals of 2 s doubled per failure: 40, 80, 160 ms, then back to 20 ms after the success.
  ok(gaps[0]! >= 35 && gaps[1]! >= 75 && gaps[2]! >= 150, `gaps ${gaps}`);
  ok(gaps[3]! < 60, `reset after success: ${gaps}`);
});

Deno.test("Poller.pullNow starts a pass at once, and refuses a second while one runs", async () => {
  let release!: () => void;
  const run: PassRunner = async (p, { onStart, trigger }) => {
    onStart({ ...job(p.name), trigger });
    await new Promise<void>((resolve) => (release = resolve));
    return { status: "ok" };
  };
  const poller = new Poller({ peers: [peer("p", 3600)], run, unitMs: UNIT, startDelay: 3600 });
  poller.start();
  const started = await poller.pullNow("p");
  equal(started?.trigger, "api");
  equal(await poller.pullNow("p"), undefined);
  deepEqual(poller.status().map((s) => [s.name, s.running]), [["p", true]]);
  release();
  await sleep(5);
  equal(poller.status()[0]?.running, false);
  ok(poller.status()[0]?.nextRun, "the next pass is scheduled");
  await poller.stop();
});

Deno.test("Poller.stop cancels in-flight passes and waits for them", async () => {
  let ended = false;
  const run: PassRunner = async (_, { signal }) => {
    await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
    ended = true;
    return { status: "failed" };
  };
  const poller = new Poller({ peers: [peer("p", 10)], run, unitMs: UNIT, startDelay: 0 });
  poller.start();
  await sleep(20);
  await poller.stop();
  ok(ended);
  equal(poller.status()[0]?.nextRun, undefined);
});
