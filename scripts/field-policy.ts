import { renderFieldPolicy } from "../src/graphql/policy/policy-doc.js";
import { buildAppSchema } from "../src/schema.js";
import { scopesOf } from "../src/sections.js";
import { writeAtomically } from "./write-atomically.js";

/**
 * Writes docs/field-policy.md (or the file given) from the schema the code builds: each field's
 * scope, upstream cost, side effect and audit as declared by its `@Policy`. Like
 * scripts/print-schema.ts it writes a temp file and renames it, so a failed build leaves the old
 * file; test/field-policy-doc.test.ts checks the committed file against the code.
 */
const target = process.argv[2] ?? "docs/field-policy.md";
const text = renderFieldPolicy(await buildAppSchema(), scopesOf());
writeAtomically(target, text);
