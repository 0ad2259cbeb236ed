import { deepEqual, equal } from "node:assert/strict";
import fc from "fast-check";
import {
  formatMachineTag,
  type MachineTag,
  parseMachineTag,
  taxonomyFromJson,
} from "../../src/catalog/mod.ts";
import { MISP_DATA, sharedJsonFiles, sharedTest } from "../support/shared_data.ts";

// Real tag shapes from misp-formats.md §1.4–1.5 and §2.5.
const cases: [string, MachineTag | undefined][] = [
  ["tlp:amber", { namespace: "tlp", predicate: "amber" }],
  ["tlp:ex:chr", { namespace: "tlp", predicate: "ex:chr" }],
  [
    'admiralty-scale:information-credibility="1"',
    { namespace: "admiralty-scale", predicate: "information-credibility", value: "1" },
  ],
  [
    'aviation:target-sub-systems="CNS:SUR:ADS-B"',
    { namespace: "aviation", predicate: "target-sub-systems", value: "CNS:SUR:ADS-B" },
  ],
  [
    'ransomware:infection="phishing-e=mails"',
    { namespace: "ransomware", predicate: "infection", value: "phishing-e=mails" },
  ],
  ['drugs:" allocolchicine-alkaloids"', {
    namespace: "drugs",
    predicate: '" allocolchicine-alkaloids"',
  }],
  [
    'misp-galaxy:ransomware=""prepending (enc) ransomware" (Not an official name)"',
    {
      namespace: "misp-galaxy",
      predicate: "ransomware",
      value: '"prepending (enc) ransomware" (Not an official name)',
    },
  ],
  ["cryptocurrency-threat:Datacenter-Scale Crypto Jacking: ", {
    namespace: "cryptocurrency-threat",
    predicate: "Datacenter-Scale Crypto Jacking: ",
  }],
  ['cnsd:"Fuga de información"', { namespace: "cnsd", predicate: '"Fuga de información"' }],
  ['ns:p=""', { namespace: "ns", predicate: "p", value: "" }],
  ['ns:p="', { namespace: "ns", predicate: 'p="' }],
  ["osint", undefined],
  [":x", undefined],
  ["ns:", undefined],
];

for (const [name, expected] of cases) {
  Deno.test(`parseMachineTag() splits ${JSON.stringify(name)} exactly`, () => {
    deepEqual(parseMachineTag(name), expected);
    if (expected) equal(formatMachineTag(expected), name);
  });
}

Deno.test("formatMachineTag() inverts parseMachineTag() for any namespace, predicate and value", () => {
  const namespace = fc.string({ minLength: 1 }).filter((s) => !s.includes(":"));
  const predicate = fc.string({ minLength: 1 }).filter((s) => !s.includes('="'));
  fc.assert(
    fc.property(namespace, predicate, fc.option(fc.string(), { nil: undefined }), (n, p, v) => {
      const tag: MachineTag = v === undefined
        ? { namespace: n, predicate: p }
        : { namespace: n, predicate: p, value: v };
      deepEqual(parseMachineTag(formatMachineTag(tag)), tag);
    }),
  );
});

sharedTest(
  "parseMachineTag() round-trips every tag of the real taxonomies byte for byte",
  async () => {
    let count = 0;
    for (const file of await sharedJsonFiles("taxonomies")) {
      if (!file.endsWith("/machinetag.json")) continue;
      const taxonomy = taxonomyFromJson(JSON.parse(await Deno.readTextFile(file)))!;
      for (const predicate of taxonomy.predicates) {
        const tags = predicate.entries
          ? predicate.entries.map((entry) =>
            `${taxonomy.namespace}:${predicate.value}="${entry.value}"`
          )
          : [`${taxonomy.namespace}:${predicate.value}`];
        for (const tag of tags) {
          const parsed = parseMachineTag(tag)!;
          equal(parsed.namespace, taxonomy.namespace, tag);
          equal(formatMachineTag(parsed), tag);
          count++;
        }
      }
    }
    // misp-formats.md §1: 13,215 distinct machine tags in the snapshot.
    equal(count, 13215, `${MISP_DATA}/taxonomies`);
  },
);
