import { equal, ok } from "node:assert/strict";
import { explainUrl } from "../../../src/validate/values/url_check.ts";

// misp-behaviour.md §4.4: link values pass PHP's FILTER_VALIDATE_URL with a required scheme.
const urls: [string, boolean][] = [
  ["https://example.com", true],
  ["http://example.com:8080/path?q=1#frag", true],
  ["http://user:pass@example.com/", true],
  ["http://[2001:db8::1]/", true],
  ["http://192.0.2.1/x", true],
  ["ftp://files.example.com/a.zip", true],
  ["mailto:someone@example.com", true],
  ["file:///etc/hosts", true],
  ["example.com/path", false],
  ["https://", false],
  ["https://exa mple.com/", false],
  ["https://bücher.de/", false],
  ["https://-bad-.example.com/", false],
  ["https://example.com:99999/", false],
  ["http://[2001:db8::zz]/", false],
  ["gopher:nothing", false],
];
for (const [url, valid] of urls) {
  Deno.test(`explainUrl() ${valid ? "accepts" : "refuses"} ${url}`, () => {
    const why = explainUrl(url);
    if (valid) equal(why, undefined);
    else ok(typeof why === "string" && why.length > 0);
  });
}
