/**
 * @module
 * Peer sync: the safe HTTP client, the PeerClient port and its adapters, one pull pass, single-event
 * fetch and the poller.
 */
export * from "./egress_policy.ts";
export * from "./safe_fetch.ts";
export * from "./peer_ca.ts";
export * from "./peer_secret.ts";
export * from "./peer_client.ts";
export * from "./check_fetched_event.ts";
export * from "./process_event.ts";
export * from "./commit_message.ts";
export * from "./pull_pass.ts";
export * from "./run_pull.ts";
export * from "./pull_context.ts";
export * from "./fetch_one.ts";
export * from "./test_peer.ts";
export * from "./poller.ts";
export * from "./sync_service.ts";
