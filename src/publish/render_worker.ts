/**
 * @module
 * A render thread of a full render: builds its own event checks, then reads, validates and renders
 * the files it is sent and posts the results back, transferring the rendered bytes rather than
 * copying them. Protocol in `render_files.ts`.
 */
import { buildChecks } from "./check_source.ts";
import type { FromRenderThread, ToRenderThread } from "./render_files.ts";
import { type FileResult, renderFile, type RenderSettings } from "./render_file.ts";
import type { EventCheck } from "../validate/mod.ts";

/** The worker-side global scope, typed locally (the project compiles with the window lib). */
const scope = globalThis as unknown as {
  onmessage: ((event: MessageEvent<ToRenderThread>) => void) | null;
  postMessage(message: FromRenderThread, transfer: Transferable[]): void;
};

let settings: RenderSettings | undefined;
let checks: readonly EventCheck[] = [];

scope.onmessage = async (event) => {
  const message = event.data;
  try {
    if (message.type === "init") {
      settings = message.settings;
      checks = await buildChecks(message.checks);
      scope.postMessage({ type: "ready" }, []);
      return;
    }
    const results: FileResult[] = [];
    for (const path of message.paths) results.push(await renderFile(path, settings!, checks));
    scope.postMessage({ type: "results", results }, transferables(results));
  } catch (cause) {
    scope.postMessage({ type: "failed", message: String((cause as Error)?.message ?? cause) }, []);
  }
};

/** The distinct, non-empty buffers of the results (shared files appear once). */
function transferables(results: readonly FileResult[]): Transferable[] {
  const buffers = new Set<ArrayBuffer>();
  for (const result of results) {
    for (const render of result.renders ?? []) {
      if (render === null || "error" in render) continue;
      for (const bytes of [render.file, render.hashChunk]) {
        if (bytes.byteLength > 0) buffers.add(bytes.buffer as ArrayBuffer);
      }
    }
  }
  return [...buffers];
}
