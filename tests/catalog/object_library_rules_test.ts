import { deepEqual } from "node:assert/strict";
import { checkFiles, type FileContent, objectsCheckout } from "../support/sample_libraries.ts";
import { DOMAIN_IP_TEMPLATE, FILE_TEMPLATE } from "../support/sample_catalog.ts";

const DOMAIN_IP = "objects/domain-ip/definition.json";
const RELATIONSHIPS = "relationships/definition.json";

function withTemplate(change: Record<string, unknown>): Record<string, FileContent> {
  return { ...objectsCheckout(), [DOMAIN_IP]: { ...DOMAIN_IP_TEMPLATE, ...change } };
}

function withAttribute(relation: string, definition: Record<string, unknown>) {
  return withTemplate({
    attributes: {
      ...DOMAIN_IP_TEMPLATE.attributes,
      [relation]: { "ui-priority": 0, description: relation, ...definition },
    },
  });
}

// Rules beyond objects:schema_objects.json, misp-formats.md §3.
const cases: [string, Record<string, FileContent>, string[]][] = [
  ["required naming an unknown relation", withTemplate({ required: ["hostname"] }), [
    `${DOMAIN_IP} required[0] error template.required.unknown`,
  ]],
  ["requiredOneOf naming an unknown relation", withTemplate({ requiredOneOf: ["ip", "nope"] }), [
    `${DOMAIN_IP} requiredOneOf[1] error template.required-one-of.unknown`,
  ]],
  [
    "an unknown attribute type (schema enum)",
    withAttribute("x", { "misp-attribute": "ip-address" }),
    [
      `${DOMAIN_IP} attributes.x.misp-attribute error template.schema.enum`,
    ],
  ],
  ["a type the checkout's schema allows but MISP does not know", {
    ...withAttribute("x", { "misp-attribute": "quantum-hash" }),
    "schema_objects.json": {
      defs: {
        attribute: {
          properties: {
            "misp-attribute": {
              enum: ["domain", "ip-dst", "datetime", "text", "filename", "md5", "quantum-hash"],
            },
          },
        },
      },
    },
  }, [`${DOMAIN_IP} attributes.x.misp-attribute error template.type.unknown`]],
  [
    "a category MISP does not allow for the type",
    withAttribute("port", {
      "misp-attribute": "port",
      categories: ["Network activity", "External analysis"],
    }),
    [`${DOMAIN_IP} attributes.port.categories[1] warning template.category.type`],
  ],
  [
    "values_list together with sane_default",
    withAttribute("kind", {
      "misp-attribute": "text",
      values_list: ["a"],
      sane_default: ["b"],
    }),
    [`${DOMAIN_IP} attributes.kind warning template.values-list.sane-default`],
  ],
  ["a uuid shared by two templates", withTemplate({ uuid: FILE_TEMPLATE.uuid }), [
    "objects/file/definition.json uuid error template.uuid.duplicate",
  ]],
  ["a malformed template uuid", withTemplate({ uuid: "domain-ip" }), [
    `${DOMAIN_IP} uuid error template.uuid.invalid`,
  ]],
  ["a name that differs from the folder", withTemplate({ name: "domain-ips" }), [
    `${DOMAIN_IP} name warning template.name.folder`,
  ]],
  ["a wrong meta-category (schema enum)", withTemplate({ "meta-category": "web" }), [
    `${DOMAIN_IP} meta-category error template.schema.enum`,
  ]],
  ["a duplicate relationship name and an unknown opposite", {
    ...objectsCheckout(),
    [RELATIONSHIPS]: {
      ...(objectsCheckout()[RELATIONSHIPS] as object),
      values: [
        { name: "uses", description: "uses", format: ["misp"], opposite: "used-by" },
        { name: "uses", description: "again", format: ["misp"] },
      ],
    },
  }, [
    `${RELATIONSHIPS} values[1].name error relationships.name.duplicate`,
    `${RELATIONSHIPS} values[0].opposite error relationships.opposite.unknown`,
  ]],
  ["a template written with a trailing newline (jq -S -j writes none)", {
    ...objectsCheckout(),
    [DOMAIN_IP]: { raw: `${JSON.stringify(DOMAIN_IP_TEMPLATE)}\n` },
  }, [`${DOMAIN_IP}  error format.not-canonical`]],
];

for (const [what, files, expected] of cases) {
  Deno.test(`LibraryCheck(objects) reports ${what}`, () => {
    deepEqual(checkFiles("objects", files), expected);
  });
}
