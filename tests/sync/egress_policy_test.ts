// Egress rules from field-survey.md §4.3 point 2 (CVE-2026-86419: ::1 and numeric encodings missed).
import { equal, match, throws } from "node:assert/strict";
import { classifyAddress, refusedAddress } from "../../src/sync/egress_policy.ts";

const cases: [string, string][] = [
  ["8.8.8.8", "public"],
  ["127.0.0.1", "loopback"],
  ["127.1.2.3", "loopback"],
  ["10.1.2.3", "private"],
  ["172.16.0.1", "private"],
  ["172.32.0.1", "public"],
  ["192.168.1.1", "private"],
  ["100.64.0.1", "private"],
  ["169.254.169.254", "link-local"],
  ["0.0.0.0", "unspecified"],
  ["224.0.0.1", "multicast"],
  ["255.255.255.255", "reserved"],
  ["::1", "loopback"],
  ["[::1]", "loopback"],
  ["::", "unspecified"],
  ["::ffff:127.0.0.1", "loopback"],
  ["::ffff:7f00:1", "loopback"],
  ["0:0:0:0:0:ffff:10.0.0.1", "private"],
  ["fd00::1", "private"],
  ["fe80::1", "link-local"],
  ["ff02::1", "multicast"],
  ["2001:4860:4860::8888", "public"],
];
for (const [address, kind] of cases) {
  Deno.test(`classifyAddress() classifies ${address} as ${kind}`, () => {
    equal(classifyAddress(address), kind);
  });
}

Deno.test("classifyAddress() throws for a host name", () => {
  throws(() => classifyAddress("example.com"), /not an IP address/);
});

Deno.test("refusedAddress() refuses loopback unless the peer allows the private network", () => {
  match(refusedAddress("127.0.0.1", { allowPrivateNetwork: false }) ?? "", /allowPrivateNetwork/);
  equal(refusedAddress("127.0.0.1", { allowPrivateNetwork: true }), undefined);
  equal(refusedAddress("93.184.216.34", { allowPrivateNetwork: false }), undefined);
});

Deno.test("refusedAddress() always refuses the unspecified address", () => {
  match(refusedAddress("0.0.0.0", { allowPrivateNetwork: true }) ?? "", /never reachable/);
});

Deno.test("new URL() already turns numeric host encodings into dotted IPv4, so they are classified", () => {
  equal(classifyAddress(new URL("http://0x7f000001/").hostname), "loopback");
  equal(classifyAddress(new URL("http://2130706433/").hostname), "loopback");
});
