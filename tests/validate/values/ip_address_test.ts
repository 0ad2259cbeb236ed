import { deepEqual, equal } from "node:assert/strict";
import {
  formatIPv6,
  isIp,
  isIPv4,
  normalizeIp,
  parseIPv6,
} from "../../../src/validate/values/ip_address.ts";

// PHP FILTER_VALIDATE_IP (misp-behaviour.md §4.4).
const ipv4: [string, boolean][] = [
  ["0.0.0.0", true],
  ["192.0.2.1", true],
  ["255.255.255.255", true],
  ["256.0.0.1", false],
  ["192.168.01.1", false],
  ["1.2.3", false],
  ["1.2.3.4.5", false],
  [" 1.2.3.4", false],
];
for (const [text, valid] of ipv4) {
  Deno.test(`isIPv4() is ${valid} for ${JSON.stringify(text)}`, () => equal(isIPv4(text), valid));
}

const ipv6: [string, number[] | undefined][] = [
  ["::", [0, 0, 0, 0, 0, 0, 0, 0]],
  ["::1", [0, 0, 0, 0, 0, 0, 0, 1]],
  ["2001:db8::1", [0x2001, 0xdb8, 0, 0, 0, 0, 0, 1]],
  ["2001:DB8:0:0:1:0:0:1", [0x2001, 0xdb8, 0, 0, 1, 0, 0, 1]],
  ["::ffff:192.0.2.1", [0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201]],
  ["1:2:3:4:5:6:7::", [1, 2, 3, 4, 5, 6, 7, 0]],
  ["1:2:3:4:5:6:7:8", [1, 2, 3, 4, 5, 6, 7, 8]],
  ["1:2:3:4:5:6:7:8:9", undefined],
  ["1::2::3", undefined],
  ["12345::", undefined],
  ["fe80::1%eth0", undefined],
  [":1:2:3:4:5:6:7", undefined],
  ["1.2.3.4::", undefined],
  ["::ffff:1.2.3", undefined],
];
for (const [text, words] of ipv6) {
  Deno.test(`parseIPv6() reads ${JSON.stringify(text)} as ${JSON.stringify(words)}`, () => {
    deepEqual(parseIPv6(text), words);
  });
}

// glibc inet_ntop, which PHP uses (§4.3 normalizeIp).
const formatted: [number[], string][] = [
  [[0x2001, 0xdb8, 0, 0, 0, 0, 0, 1], "2001:db8::1"],
  [[0x2001, 0xdb8, 0, 1, 0, 0, 0, 1], "2001:db8:0:1::1"],
  [[0x2001, 0xdb8, 0, 0, 1, 0, 0, 1], "2001:db8::1:0:0:1"],
  [[1, 0, 2, 3, 4, 5, 6, 7], "1:0:2:3:4:5:6:7"],
  [[0, 0, 0, 0, 0, 0, 0, 0], "::"],
  [[0, 0, 0, 0, 0, 0, 0, 1], "::1"],
  [[1, 0, 0, 0, 0, 0, 0, 0], "1::"],
  [[0, 0, 0, 0, 0, 0xffff, 0xc000, 0x0201], "::ffff:192.0.2.1"],
  [[0, 0, 0, 0, 0, 0, 0xc000, 0x0201], "::192.0.2.1"],
];
for (const [words, text] of formatted) {
  Deno.test(`formatIPv6() prints ${text} as inet_ntop does`, () => equal(formatIPv6(words), text));
}

const normalised: [string, string][] = [
  ["2001:0db8:0000:0000:0000:0000:0000:0001", "2001:db8::1"],
  ["192.0.2.1/32", "192.0.2.1"],
  ["2001:db8::1/128", "2001:db8::1"],
  ["2001:DB8:0::/48", "2001:db8::/48"],
  ["192.0.2.0/24", "192.0.2.0/24"],
  ["not an ip", "not an ip"],
  ["2001:db8::zz", "2001:db8::zz"],
];
for (const [input, output] of normalised) {
  Deno.test(`normalizeIp() turns ${input} into ${output}`, () => equal(normalizeIp(input), output));
}

Deno.test("isIp() accepts v4 and v6 addresses but not CIDRs", () => {
  equal(isIp("192.0.2.1"), true);
  equal(isIp("::1"), true);
  equal(isIp("192.0.2.0/24"), false);
});
