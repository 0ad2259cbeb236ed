import { testValueCases } from "../../support/value_cases.ts";

// misp-behaviour.md §4.3 (IBAN/BIC upper-case alphanumerics, card numbers digits only) and §4.4.
testValueCases([
  ["btc", "1BoatSLRHtKNngkdXEeobR76b53LETtpyT", "valid"],
  ["btc", "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", "valid"],
  ["btc", "1Boat-SLRH", { error: "value.btc" }],
  ["dash", "XpESxaUmonkq8RaLLp46Brx2K39ggQe226", "valid"],
  ["xmr", "4AdUndXHHZ6cfufTMvppY6JwXNouMBzSkbLYfpAV5Usx", "valid"],
  ["xmr", "4AdU ndX", { error: "value.xmr" }],
  ["iban", "CH9300762011623852957", "valid"],
  ["iban", "ch93 0076 2011 6238 5295 7", { stored: "CH9300762011623852957" }],
  ["iban", "---", { error: "value.iban" }],
  ["bic", "ubswchzh80a", { stored: "UBSWCHZH80A" }],
  ["bank-account-nr", "123456789", "valid"],
  ["bank-account-nr", "12-34", { error: "value.bank-account-nr" }],
  ["aba-rtn", "011000015", "valid"],
  ["aba-rtn", "A11000015", { error: "value.aba-rtn" }],
  ["cc-number", "4111111111111111", "valid"],
  ["cc-number", "4111 1111 1111 1111", { stored: "4111111111111111" }],
  ["cc-number", "XXXX", { error: "value.cc-number" }],
  ["bin", "411111", "valid"],
  ["bin", "4111-11", { stored: "411111" }],
]);
