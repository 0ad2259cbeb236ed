import { deepEqual, equal } from "node:assert/strict";
import { eventTagCheck, type TagCheckOptions } from "../../src/catalog/mod.ts";
import type { Issue, Tag } from "../../src/model/mod.ts";
import { sampleAttribute, sampleEvent, sampleObject } from "../support/sample_events.ts";
import { sampleCatalog } from "../support/sample_catalog.ts";

function tagIssues(names: string[], options: TagCheckOptions = {}): string[] {
  const event = sampleEvent({ Tag: names.map((name): Tag => ({ name })) });
  return eventTagCheck(sampleCatalog(), options)(event).map(
    (issue: Issue) => `${issue.severity} ${issue.code} ${issue.path}`,
  );
}

// Exclusivity and tag rules: misp-behaviour.md §8.
const cases: [string, string[], TagCheckOptions, string[]][] = [
  ["known tags", ["tlp:green", "PAP:AMBER", 'workflow:state="draft"'], {}, []],
  ["an unknown predicate", ["tlp:purple"], {}, ["warning tag.taxonomy.unknown Event.Tag[0].name"]],
  ["an unknown value under --strict-tags", ['workflow:state="x"'], { strictTags: true }, [
    "error tag.taxonomy.unknown Event.Tag[0].name",
  ]],
  ["a free-form tag", ["osint"], {}, []],
  ["a free-form tag under --strict-tags", ["osint"], { strictTags: true }, [
    "error tag.free-form Event.Tag[0].name",
  ]],
  ["a tag differing only in case", ["TLP:GREEN"], {}, ["warning tag.case Event.Tag[0].name"]],
  ["two tags of an exclusive taxonomy", ["tlp:green", "tlp:red"], {}, [
    "error tag.taxonomy.exclusive Event.Tag[1].name",
  ]],
  ["tlp:white with tlp:clear (same label)", ["tlp:white", "tlp:clear"], {}, []],
  ["tlp:white with tlp:green", ["tlp:white", "tlp:green"], {}, [
    "error tag.taxonomy.exclusive Event.Tag[1].name",
  ]],
  ["the same tag twice (reported by the core rules)", ["tlp:red", "tlp:red"], {}, []],
  [
    "two values of an exclusive predicate",
    ['admiralty-scale:source-reliability="a"', 'admiralty-scale:source-reliability="b"'],
    {},
    ["error tag.taxonomy.exclusive Event.Tag[1].name"],
  ],
  [
    "values of two exclusive predicates of a non-exclusive taxonomy",
    ['admiralty-scale:source-reliability="a"', 'admiralty-scale:information-credibility="1"'],
    {},
    [],
  ],
  [
    "two values of a non-exclusive predicate",
    ['workflow:state="draft"', 'workflow:state="complete"'],
    {},
    [],
  ],
  ["a disabled taxonomy", ["PAP:RED"], { disabled: ["pap"] }, [
    "warning tag.taxonomy.disabled Event.Tag[0].name",
  ]],
  ["a taxonomy outside the enabled list", ["tlp:red", "PAP:RED"], { enabled: ["t*"] }, [
    "warning tag.taxonomy.disabled Event.Tag[1].name",
  ]],
  ["a known galaxy cluster", ['misp-galaxy:threat-actor="APT28"'], {}, []],
  ["an unknown galaxy cluster", ['misp-galaxy:threat-actor="APT 28"'], {}, [
    "warning tag.galaxy.unknown Event.Tag[0].name",
  ]],
  ["an unknown galaxy under --strict-tags", ['misp-galaxy:nope="x"'], { strictTags: true }, [
    "error tag.galaxy.unknown Event.Tag[0].name",
  ]],
  ["a revoked galaxy cluster", ['misp-galaxy:threat-actor="Old Name"'], { strictTags: true }, [
    "warning tag.galaxy.revoked Event.Tag[0].name",
  ]],
];

for (const [what, names, options, expected] of cases) {
  Deno.test(`eventTagCheck() reports ${what}`, () => {
    deepEqual(tagIssues(names, options), expected);
  });
}

Deno.test("eventTagCheck() checks attribute, object and object attribute tags with their own paths", () => {
  const object = sampleObject(1, { Tag: [{ name: "tlp:nope" }] });
  object.Attribute![0]!.Tag = [{ name: "tlp:red" }, { name: "tlp:green" }];
  const event = sampleEvent({
    Tag: [{ name: "tlp:red" }],
    Attribute: [sampleAttribute(1, { Tag: [{ name: "tlp:green" }, { name: "PAP:nope" }] })],
    Object: [object],
  });
  deepEqual(eventTagCheck(sampleCatalog())(event).map((i) => `${i.code} ${i.path}`), [
    "tag.taxonomy.unknown Event.Attribute[0].Tag[1].name",
    "tag.taxonomy.unknown Event.Object[0].Tag[0].name",
    "tag.taxonomy.exclusive Event.Object[0].Attribute[0].Tag[1].name",
  ]);
});

Deno.test("eventTagCheck() names the tag and the rule in its messages", () => {
  const [issue] = eventTagCheck(sampleCatalog())(
    sampleEvent({ Tag: [{ name: "tlp:red" }, { name: "tlp:amber" }] }),
  );
  equal(
    issue?.message,
    'Tag tlp:amber may not go with tlp:red (Event.Tag[0].name): taxonomy "tlp" is exclusive',
  );
});
