// `npm run docs`: the HTML reference of the public API. Every export must be documented and every warning
// fails the build. openapi-typescript writes `@description` in the generated types: a known tag here.
import { OptionDefaults } from "typedoc";

/** @type {Partial<import("typedoc").TypeDocOptions>} */
export default {
  name: "zoom-im-groups",
  entryPoints: ["src/index.ts", "src/testing/index.ts", "src/testing/fetch.ts"],
  tsconfig: "tsconfig.build.json",
  out: "docs-site/api",
  readme: "none",
  excludePrivate: true,
  excludeInternal: true,
  treatWarningsAsErrors: true,
  // openapi-typescript's structural types (`paths`, `components`) are referenced by name, not rendered: they
  // mirror the spec, which has its own HTML rendering (docs/decisions.md, "The API reference").
  validation: { notExported: false, invalidLink: true, notDocumented: true },
  blockTags: [...OptionDefaults.blockTags, "@description"],
  disableSources: true,
};
