import { deepEqual, equal } from "node:assert/strict";
import { checkFilesInOrder, READ_AHEAD } from "../../src/cli/check_files_in_order.ts";
import { loadConfig } from "../../src/config/mod.ts";
import { formatEventDocument } from "../../src/model/mod.ts";
import { sampleEvent, tempDir, uuidN } from "../support/sample_events.ts";

Deno.test("checkFilesInOrder() yields each file's issues in the order given while reading ahead", async () => {
  await using dir = await tempDir();
  const count = READ_AHEAD * 3 + 1;
  const files = [];
  for (let n = 1; n <= count; n++) {
    const path = `${dir.path}/${uuidN(n)}.json`;
    // Each file holds another event than its name says, so each file has its own message.
    await Deno.writeTextFile(path, formatEventDocument(sampleEvent({ uuid: uuidN(n + 1000) })));
    files.push({ path });
  }
  const config = await loadConfig({ cwd: dir.path });
  const seen: string[] = [];
  for await (
    const issues of checkFilesInOrder(files, { config, strictTags: false, now: 1_700_000_000 })
  ) {
    equal(issues.length, 1);
    seen.push(issues[0]!.message);
  }
  deepEqual(
    seen,
    files.map((_, i) => `File is named ${uuidN(i + 1)} but holds event "${uuidN(i + 1001)}"`),
  );
});
