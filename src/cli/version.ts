/**
 * @module
 * kura's version, in one place for `kura --version` and the daemon's /status.
 */

/** kura's version. */
export const VERSION = "0.1.0";
