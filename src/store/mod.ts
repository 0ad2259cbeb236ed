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
export * from "./record_registry.ts";
export * from "./feed_definitions.ts";
export * from "./feed_folder.ts";
