// `npm run docs`: the HTML reference of the public API. Every export must be documented and every warning
// fails the build. openapi-typescript writes `@description` in the generated types: a known tag here.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "zoom-im-groups",
  // Each entry file names itself for users (`@module zoom-im-groups/testing`), not "index".
  entryPoints: ["src/index.ts", "src/spec.ts", "src/testing/index.ts", "src/testing/fetch.ts", "src/verify/index.ts"],
  tsconfig: "tsconfig.build.json",
  out: "docs-site/api",
  // The landing page: what the package is, then the client, its options and the errors a caller handles.
  readme: "docs/api-readme.md",
  // The client and its options first (`@group Client`), then the errors (every class is one).
  groupOrder: ["Client", "Classes", "Functions", "Interfaces", "Type Aliases", "Variables", "*"],
  // Within a group, the function first: `createImGroupsClient` opens the Client group.
  kindSortOrder: ["Function", "Class", "Interface", "TypeAlias", "Variable"],
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  // notExported: a type that a public signature names must be exported by the entry that uses it (or not be
  // named there). The two exceptions are openapi-typescript's generated containers, reached only through the
  // named aliases (CreateImGroupBody, ImGroup, ZoomErrorBody, paths…), which are documented.
  validation: { notExported: true, invalidLink: true, notDocumented: true },
  intentionallyNotExported: ["components", "paths"],
  blockTags: [...OptionDefaults.blockTags, "@description"],
  disableSources: true,
};
