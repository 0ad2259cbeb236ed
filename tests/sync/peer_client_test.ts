import { HttpPeerClient, MemoryPeerClient } from "../../src/sync/mod.ts";
import { CONTRACT_FILES, peerClientContract } from "../contract/peer_client_contract.ts";
import { startFeedServer } from "../support/feed_server.ts";
import { testPeer } from "../support/pull_fixture.ts";

peerClientContract("HttpPeerClient", () => {
  const server = startFeedServer(
    Object.fromEntries(Object.entries(CONTRACT_FILES).map(([name, text]) => [`/${name}`, text])),
  );
  return Promise.resolve({
    client: new HttpPeerClient(testPeer(server.url)),
    change: (file: string, text: string) => server.put(`/${file}`, text),
    [Symbol.asyncDispose]: () => server.close(),
  });
});

peerClientContract("MemoryPeerClient", () => {
  const encoder = new TextEncoder();
  const files = new Map(
    Object.entries(CONTRACT_FILES).map(([name, text]) => [name, encoder.encode(text)]),
  );
  return Promise.resolve({
    client: new MemoryPeerClient(files),
    change: (file: string, text: string) => files.set(file, encoder.encode(text)),
    [Symbol.asyncDispose]: () => Promise.resolve(),
  });
});
