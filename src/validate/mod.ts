/**
 * @module
 * Validation of MISP data: `(event, options) → Issue[]`. Pure; never throws on bad data.
 */
export { type EventCheck, validateEvent, type ValidateOptions } from "./validate_event.ts";
export { checkValue, normalizeValue, type ValueProblem, type ValueVerdict } from "./check_value.ts";
export {
  type RecordKind,
  type RecordVerdict,
  validateOrgDocument,
  validateProposalDocument,
  validateSharingGroupDocument,
} from "./validate_records.ts";
export { validateBlocklistDocument } from "./validate_blocklist.ts";
