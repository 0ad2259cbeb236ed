/**
 * @module
 * The few error classes callers catch. Built-in classes (TypeError, …) are used for programmer errors;
 * these say what went wrong with the world: missing things, conflicts, bad configuration, bad files.
 * HTTP status codes for them live in `http/` only.
 */

/** Something asked for does not exist (an event, a feed, a peer). */
export class NotFoundError extends Error {
  override name = "NotFoundError";
}

/** A write conflicts with what is there (a peer updating an event it does not own, a held lock). */
export class ConflictError extends Error {
  override name = "ConflictError";
}

/** The configuration (kura.json, flags, a feed or peer definition) is invalid. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** A command was called wrongly: unknown option, missing argument. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** Stored or received data cannot be used: not JSON, wrong shape, too large, outside the data folder. */
export class InvalidDataError extends Error {
  override name = "InvalidDataError";
}

/** Access was refused: missing or bad credentials. */
export class UnauthorizedError extends Error {
  override name = "UnauthorizedError";
}

/** What went wrong talking to a peer over the network. */
export type TransferProblem =
  | "unreachable"
  | "tls"
  | "timeout"
  | "address-refused"
  | "too-large"
  | "bad-response"
  | "http-status"
  | "redirect"
  | "aborted";

/** A transfer from a peer failed: network, TLS, limits, or an HTTP status other than 200/304. */
export class TransferError extends Error {
  override name = "TransferError";
  /** Which kind of failure, for status mapping and retry decisions. */
  readonly problem: TransferProblem;
  /** HTTP status, when the peer answered. */
  readonly status?: number;
  /** Builds the error; `status` is the peer's HTTP status when there was one. */
  constructor(problem: TransferProblem, message: string, status?: number) {
    super(message);
    this.problem = problem;
    this.status = status;
  }
}
