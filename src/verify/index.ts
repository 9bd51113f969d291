/**
 * `zoom-im-groups/verify`: the contract suite as a function, for a CI job or a TypeScript test runner. It
 * checks a Zoom account, or a server standing in for Zoom (a staging proxy, a mock), against the spec this
 * package is generated from, by calling every IM-group operation it can undo, and leaves the account as it
 * found it. `npx zoom-im-groups verify` runs the same from a shell.
 * @module zoom-im-groups/verify
 */
export type { CheckOutcome, VerifyCheck, VerifyReport } from "./report.js";
export { junitXml } from "./report.js";
export { type Api, VERIFY_PREFIX, type VerifyOptions, verify } from "./verify.js";
