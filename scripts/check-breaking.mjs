// `npm run schema:breaking`: fails when schema.graphql breaks clients of the last released schema
// (schema/released.graphql) and CHANGELOG.md's "Unreleased" section does not declare each break.
//
// A declaration is a list item `- BREAKING: <path> <why>`, where <path> is the schema coordinate
// this script prints for the change (`Query.accountByUid`, `Account.roles`,
// `Query.accountsByUids.uids`, `AccountProvider.GOOGLE`, a type name). Dangerous changes (a new
// enum value, a changed default) are printed and allowed. At a release, copy schema.graphql to
// schema/released.graphql and move "Unreleased" under the version's heading.
//
// Options (for tests and other layouts): --released FILE, --current FILE, --changelog FILE.
import { existsSync, readFileSync } from "node:fs";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";

const DEFAULTS = {
  released: "schema/released.graphql",
  current: "schema.graphql",
  changelog: "CHANGELOG.md",
};

/** `--name value` pairs over the defaults; anything else is a usage error. */
const readArgs = (argv) => {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, "");
    if (!(name in DEFAULTS) || argv[i + 1] === undefined) {
      console.error(`usage: check-breaking [--released FILE] [--current FILE] [--changelog FILE]`);
      process.exit(2);
    }
    options[name] = argv[i + 1];
  }
  return options;
};

/** The paths declared under the changelog's `## Unreleased` heading (up to the next `## `). */
const declaredBreaks = (changelog) => {
  const declared = new Set();
  let inUnreleased = false;
  for (const line of changelog.split(/\r?\n/)) {
    if (/^##\s/.test(line)) inUnreleased = /^##\s+\[?unreleased\]?\s*$/i.test(line);
    const match = inUnreleased
      ? /^\s*[-*]\s+BREAKING:\s+`?([^\s`]+?)`?[:,.]?(\s|$)/.exec(line)
      : null;
    if (match?.[1]) declared.add(match[1]);
  }
  return declared;
};

const load = (label, path) => {
  if (!existsSync(path)) {
    console.error(`check-breaking: the ${label} schema ${path} does not exist.`);
    process.exit(2);
  }
  // Both files are printed by graphql-js from a valid schema (the drift check sees to it); a
  // subgraph's SDL may use directives (`@key`, `@link`) it imports rather than defines.
  return buildSchema(readFileSync(path, "utf8"), { assumeValidSDL: true });
};

const main = async () => {
  const options = readArgs(process.argv.slice(2));
  const changes = await diff(load("released", options.released), load("current", options.current));
  const declared = existsSync(options.changelog)
    ? declaredBreaks(readFileSync(options.changelog, "utf8"))
    : new Set();
  const pathOf = (change) => change.path ?? change.type;
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const dangerous = changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous);
  for (const change of dangerous)
    console.log(`dangerous (allowed): ${pathOf(change)}: ${change.message}`);
  const undeclared = breaking.filter((c) => !declared.has(pathOf(c)));
  for (const change of breaking)
    console.log(
      `${declared.has(pathOf(change)) ? "breaking, declared" : "BREAKING, NOT DECLARED"}: ${pathOf(change)}: ${change.message}`,
    );
  if (undeclared.length > 0) {
    console.error(
      `\ncheck-breaking: ${undeclared.length} breaking change(s) against ${options.released} are not declared.\n` +
        `Declare each under "## Unreleased" in ${options.changelog} (or restore the schema):\n` +
        [...new Set(undeclared.map(pathOf))]
          .map((p) => `- BREAKING: ${p} <why, what clients do>`)
          .join("\n"),
    );
    process.exit(1);
  }
  console.log(
    `check-breaking: ${breaking.length} breaking (all declared), ${dangerous.length} dangerous, ${changes.length} change(s) in all against ${options.released}.`,
  );
};

await main();
