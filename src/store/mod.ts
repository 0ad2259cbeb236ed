/**
 * @module
 * Storage: the EventStore port with its file and memory adapters, safe file reading, atomic writes and
 * the write lock.
 */
export * from "./event_store.ts";
export * from "./fs_event_store.ts";
export * from "./memory_event_store.ts";
export * from "./atomic_write.ts";
export * from "./write_lock.ts";
export * from "./read_json_file.ts";
export * from "./read_event_file.ts";
export * from "./data_files.ts";
export * from "./check_data_file.ts";
export * from "./token_store.ts";
export * from "./signing_key.ts";
export * from "./record_registry.ts";
export * from "./blocklist_file.ts";
export * from "./state_files.ts";
export * from "./quarantine_store.ts";
export * from "./job_store.ts";
export * from "./peer_state_store.ts";
export * from "./git_repo.ts";
export * from "./stale_temp_files.ts";
export * from "./feed_definitions.ts";
export * from "./feed_folder.ts";
export * from "./library_files.ts";
export * from "./load_catalog.ts";
export * from "./event_uuid_reader.ts";
export * from "./check_library.ts";
