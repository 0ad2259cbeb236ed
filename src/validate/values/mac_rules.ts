/**
 * @module
 * MAC addresses (misp-behaviour.md §4.3–4.4): lower-cased, separators `.:- ` removed and `:` put back
 * every two characters; then 6 (`mac-address`) or 8 (`mac-eui-64`) hex pairs.
 */
import { patternRule, type ValueRule } from "./value_rule.ts";

const SEPARATORS = /[.:\- ]/g;

/** MISP's MAC normalisation: `AA-BB-CC-DD-EE-FF` → `aa:bb:cc:dd:ee:ff`. */
export function normalizeMac(value: string): string {
  const bare = value.toLowerCase().replace(SEPARATORS, "");
  let text = "";
  for (let i = 0; i < bare.length; i += 2) text += (i === 0 ? "" : ":") + bare.slice(i, i + 2);
  return text;
}

/** Rules of `mac-address` and `mac-eui-64`. */
export const MAC_RULES: ReadonlyMap<string, ValueRule> = new Map([
  [
    "mac-address",
    patternRule({
      code: "value.mac",
      noun: "a mac-address",
      normalize: normalizeMac,
      pattern: /^(?:[a-fA-F0-9]{2}:?){6}$/,
      expected: "expected 6 pairs of hex digits such as 00:1a:2b:3c:4d:5e",
    }),
  ],
  [
    "mac-eui-64",
    patternRule({
      code: "value.mac",
      noun: "a mac-eui-64",
      normalize: normalizeMac,
      pattern: /^(?:[a-fA-F0-9]{2}:?){8}$/,
      expected: "expected 8 pairs of hex digits such as 00:1a:2b:ff:fe:3c:4d:5e",
    }),
  ],
]);
