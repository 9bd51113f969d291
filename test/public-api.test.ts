/**
 * The main entry is what an application calls or catches; what tools need of the spec sits behind
 * `zoom-im-groups/spec`. Each name here is a semver promise, so the list is pinned.
 */
import { expect, test } from "vitest";
import * as main from "../src/index.ts";
import * as spec from "../src/spec.ts";

test("the main entry exports at most 24 runtime names: the client factory, the error classes and their guard", () => {
  const names = Object.keys(main);
  expect(names.length).toBeLessThanOrEqual(24);
  for (const name of names) {
    const value = (main as Record<string, unknown>)[name];
    expect(typeof value, name).toBe("function");
    const isErrorClass =
      value === main.ZoomImGroupsError ||
      (value as { prototype?: unknown }).prototype instanceof main.ZoomImGroupsError;
    const isFactoryOrGuard = /^(create[A-Z]\w*|is[A-Z]\w*)$/.test(name);
    expect(isErrorClass || isFactoryOrGuard, `${name} is neither an error class nor a factory or guard`).toBe(true);
  }
});

test("every error class a caller catches is exported, each named as it is", () => {
  const classes = Object.entries(main).filter(
    ([, value]) =>
      value === main.ZoomImGroupsError ||
      (value as { prototype?: unknown }).prototype instanceof main.ZoomImGroupsError,
  );
  expect(classes.length).toBeGreaterThanOrEqual(17);
  for (const [name, ErrorClass] of classes) expect((ErrorClass as { prototype: Error }).prototype.name).toBe(name);
});

test("zoom-im-groups/spec carries the spec's data and validator, and nothing of the client", () => {
  expect(Object.keys(spec).sort()).toEqual(
    [
      "createImGroupRequestSchema",
      "documentedMessage",
      "encodings",
      "mediaTypes",
      "operation",
      "operations",
      "rateLimitLabels",
      "rateLimitsByPlan",
      "serverUrl",
      "validateCreateImGroupBody",
      "validateRequest",
      "zoomErrorCodes",
    ].sort(),
  );
  expect(spec.validateCreateImGroupBody({ name: "" }).map((issue) => issue.field)).toEqual(["name"]);
  // The eight IM-group operations and the six of the Groups API.
  expect(Object.keys(spec.operations).filter((id) => id.startsWith("imGroup"))).toHaveLength(8);
  expect(Object.keys(spec.operations)).toHaveLength(14);
  const tooMany = Array.from({ length: 11 }, (_, i) => ({ email: `u${i}@example.com` }));
  expect(
    spec.validateRequest("imGroupMembersCreate", { params: { groupId: "g" }, body: { members: tooMany } }),
  ).toEqual([{ field: "members", rule: "maxItems", message: "members must have at most 10 items (got 11)" }]);
});
