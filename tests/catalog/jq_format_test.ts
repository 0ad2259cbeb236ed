import { equal, ok } from "node:assert/strict";
import fc from "fast-check";
import { codePointOrder, formatJq, jqCommand, type JqStyle } from "../../src/catalog/mod.ts";
import { MISP_DATA, sharedJsonFiles, sharedTest } from "../support/shared_data.ts";

const KEEP: JqStyle = { sortKeys: false, trailingNewline: true };
const SORTED: JqStyle = { sortKeys: true, trailingNewline: true };
const JOINED: JqStyle = { sortKeys: true, trailingNewline: false };

const format = (text: string, style: JqStyle) => formatJq(text, JSON.parse(text), style);

Deno.test("formatJq() keeps key order, integer-like keys included, for jq .", () => {
  // JSON.parse would move "10" and "9" before "b"; jq . keeps the file's order.
  equal(
    format('{"b":1,"10":{"9":[],"a":{}},"é":"\\u00e9"}', KEEP),
    '{\n  "b": 1,\n  "10": {\n    "9": [],\n    "a": {}\n  },\n  "é": "é"\n}\n',
  );
});

Deno.test("formatJq() sorts keys by code point for --sort-keys and -S -j", () => {
  const text = '{"b":[1,2],"a":{"z":null,"\\ud83d\\ude00":true,"\\uffff":false}}';
  equal(
    format(text, SORTED),
    '{\n  "a": {\n    "z": null,\n    "\uffff": false,\n    "😀": true\n  },\n  "b": [\n    1,\n    2\n  ]\n}\n',
  );
  equal(format(text, JOINED), format(text, SORTED).slice(0, -1));
});

Deno.test("formatJq() escapes quotes, backslashes, control characters and DEL as jq does", () => {
  const text = JSON.stringify({ s: 'a"b\\c\n\t\u0001\u007f/é' });
  const expected = '{\n  "s": "a\\"b\\\\c\\n\\t\\u0001\\u007f/é"\n}\n';
  equal(format(text, SORTED), expected);
  equal(format(text, KEEP), expected);
});

Deno.test("jqCommand() names the upstream command of each style", () => {
  equal(jqCommand(KEEP), "jq .");
  equal(jqCommand(SORTED), "jq --sort-keys .");
  equal(jqCommand(JOINED), "jq -S -j .");
});

Deno.test("codePointOrder() orders astral characters after the rest of the BMP", () => {
  equal(["😀", "\uffff", "a"].sort(codePointOrder).join(","), "a,\uffff,😀");
});

const hasJq = await new Deno.Command("jq", { args: ["--version"], stdout: "null", stderr: "null" })
  .output().then((out) => out.success, () => false);

Deno.test({
  name: `formatJq() writes what jq itself writes for random documents${
    hasJq ? "" : " [skipped: jq is not installed]"
  }`,
  ignore: !hasJq,
  fn: async () => {
    // Library-like documents: containers at the root, integers only (jq 1.6 prints other numbers
    // with 17 digits), any Unicode in keys and strings.
    const text = fc.string({ unit: "binary", maxLength: 8 });
    const { doc } = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
      node: fc.oneof({ depthSize: "small" }, tie("leaf"), tie("doc")),
      doc: fc.oneof(
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(text, tie("node"), { maxKeys: 5 }),
      ),
    }));
    const samples = fc.sample(doc.map((value) => JSON.stringify(value)), { numRuns: 30, seed: 7 });
    let compared = 0;
    for (
      const [style, args] of [[KEEP, ["."]], [SORTED, ["--sort-keys", "."]], [JOINED, [
        "-S",
        "-j",
        ".",
      ]]] as const
    ) {
      for (const json of samples) {
        const child = new Deno.Command("jq", { args: [...args], stdin: "piped", stdout: "piped" })
          .spawn();
        const writer = child.stdin.getWriter();
        await writer.write(new TextEncoder().encode(json));
        await writer.close();
        const out = new TextDecoder().decode((await child.output()).stdout);
        equal(formatJq(json, JSON.parse(json), style), out, `${args.join(" ")} ${json}`);
        compared++;
      }
    }
    ok(compared === 90, `only ${compared} documents compared`);
  },
});

sharedTest(
  "formatJq() reproduces the real library files byte for byte (except threat-actor.json)",
  async () => {
    const styles: [string, RegExp, JqStyle][] = [
      ["taxonomies", /\/(machinetag|MANIFEST|schema|schema_mapping)\.json$/, KEEP],
      ["galaxy", /\/(clusters|galaxies)\/[^/]+\.json$/, SORTED],
      ["objects", /\/definition\.json$/, JOINED],
    ];
    const differing: string[] = [];
    for (const [folder, pattern, style] of styles) {
      for (const file of await sharedJsonFiles(folder)) {
        if (!pattern.test(file)) continue;
        const text = await Deno.readTextFile(file);
        if (format(text, style) !== text) differing.push(file.slice(MISP_DATA.length + 1));
      }
    }
    // misp-formats.md §2.4: at this snapshot clusters/threat-actor.json is not canonical upstream.
    equal(differing.join(","), "galaxy/clusters/threat-actor.json");
  },
);
