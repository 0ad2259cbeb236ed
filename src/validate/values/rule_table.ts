/**
 * @module
 * The value rule of every attribute type, gathered from the rule families into one lookup.
 */
import { AS_RULES } from "./as_rules.ts";
import { COMPOSITE_RULES } from "./composite_rules.ts";
import { DATETIME_RULES } from "./datetime_rule.ts";
import { DOMAIN_RULES } from "./domain_rules.ts";
import { EMAIL_RULES } from "./email_rules.ts";
import { FINANCIAL_RULES } from "./financial_rules.ts";
import { HASH_RULES } from "./hash_rules.ts";
import { IP_RULES } from "./ip_rules.ts";
import { MAC_RULES } from "./mac_rules.ts";
import { MISC_RULES } from "./misc_rules.ts";
import { NUMBER_RULES } from "./number_rules.ts";
import { PHONE_RULES } from "./phone_rules.ts";
import { TEXT_RULES } from "./text_rules.ts";
import { VULNERABILITY_RULES } from "./vulnerability_rules.ts";
import type { ValueRule } from "./value_rule.ts";

/** Every family, for tests that check each type has exactly one rule. */
export const RULE_FAMILIES: Readonly<Record<string, ReadonlyMap<string, ValueRule>>> = {
  hashes: HASH_RULES,
  ips: IP_RULES,
  domains: DOMAIN_RULES,
  email: EMAIL_RULES,
  vulnerability: VULNERABILITY_RULES,
  as: AS_RULES,
  mac: MAC_RULES,
  financial: FINANCIAL_RULES,
  phone: PHONE_RULES,
  numbers: NUMBER_RULES,
  datetime: DATETIME_RULES,
  misc: MISC_RULES,
  text: TEXT_RULES,
  composite: COMPOSITE_RULES,
};

/** The rule of each attribute type. */
export const VALUE_RULES: ReadonlyMap<string, ValueRule> = new Map(
  Object.values(RULE_FAMILIES).flatMap((family) => [...family]),
);
