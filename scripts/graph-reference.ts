import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import {
  buildASTSchema,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  parse,
  print,
} from "graphql";
import { writeAtomically } from "./write-atomically.js";

/**
 * docs/graph-reference.md from schema.graphql: every query, mutation and type with its
 * description, so the reference a client developer reads is the schema's own words and cannot
 * drift (test/graph-reference.test.ts compares the file with this script's output; schema.graphql
 * is itself checked against the code). `npm run schema` runs it after printing the schema.
 * Without an argument it prints to stdout; with one it replaces that file atomically.
 */
const SOURCE = "schema.graphql";
const schema = buildASTSchema(parse(readFileSync(SOURCE, "utf8")), { assumeValidSDL: true });

/** A description on one line (the reference is read as prose, not as SDL). */
const oneLine = (text: string | null | undefined): string =>
  (text ?? "").replace(/\s*\n\s*/g, " ").trim();

const withDescription = (head: string, description: string | null | undefined): string =>
  description ? `${head}: ${oneLine(description)}` : head;

const argument = (arg: GraphQLArgument | GraphQLInputField): string => {
  const value = arg.astNode?.defaultValue;
  const fallback = value ? ` = ${print(value)}` : "";
  return withDescription(`\`${arg.name}: ${String(arg.type)}${fallback}\``, arg.description);
};

/** A root field: its signature as a heading, its description, its arguments. */
const rootField = (field: GraphQLField<unknown, unknown>): string[] => {
  const args = field.args.map((a) => a.name).join(", ");
  return [
    `### \`${field.name}${args ? `(${args})` : ""}: ${String(field.type)}\``,
    "",
    ...(field.description ? [oneLine(field.description), ""] : []),
    ...field.args.map((a) => `- ${argument(a)}`),
    ...(field.args.length > 0 ? [""] : []),
  ];
};

const fieldLine = (field: GraphQLField<unknown, unknown>): string => {
  const args = field.args.length > 0 ? `(${field.args.map((a) => a.name).join(", ")})` : "";
  const line = withDescription(
    `\`${field.name}${args}: ${String(field.type)}\``,
    field.description,
  );
  const nested = field.args.map((a) => `  - ${argument(a)}`);
  return [`- ${line}`, ...nested].join("\n");
};

/** What kind of type, and its key when it is a Federation entity. */
const kindOf = (type: GraphQLNamedType): string => {
  const key = type.astNode?.directives?.find((d) => d.name.value === "key");
  const keyed = key ? `, entity keyed by ${print(key.arguments?.[0]?.value ?? key)}` : "";
  if (isObjectType(type)) return `object${keyed}`;
  if (isInputObjectType(type)) return "input";
  if (isEnumType(type)) return "enum";
  if (isInterfaceType(type)) return "interface";
  if (isUnionType(type)) return "union";
  return "scalar";
};

const members = (type: GraphQLNamedType): string[] => {
  if (isObjectType(type) || isInterfaceType(type))
    return Object.values(type.getFields()).map(fieldLine);
  if (isInputObjectType(type))
    return Object.values(type.getFields()).map((f) => `- ${argument(f)}`);
  if (isEnumType(type))
    return type.getValues().map((v) => `- ${withDescription(`\`${v.name}\``, v.description)}`);
  if (isUnionType(type))
    return [
      `One of ${type
        .getTypes()
        .map((t) => `\`${t.name}\``)
        .join(", ")}.`,
    ];
  return [];
};

const namedType = (type: GraphQLNamedType): string[] => [
  `### \`${type.name}\` (${kindOf(type)})`,
  "",
  ...(type.description ? [oneLine(type.description), ""] : []),
  ...members(type),
  ...(members(type).length > 0 ? [""] : []),
];

const render = (): string => {
  const query = schema.getQueryType();
  const mutation = schema.getMutationType();
  const roots = new Set([query?.name, mutation?.name]);
  const types = Object.values(schema.getTypeMap())
    .filter((t) => !t.name.startsWith("__") && !roots.has(t.name))
    .filter((t) => !(isScalarType(t) && t.astNode === undefined))
    .sort((a, b) => a.name.localeCompare(b.name));
  return [
    "# Graph reference",
    "",
    `Generated from [${SOURCE}](../${SOURCE}) by \`scripts/graph-reference.ts\` (\`npm run schema\`);`,
    "do not edit: change the descriptions in the code. How to use the graph: [graph.md](graph.md).",
    "",
    "## Queries",
    "",
    ...Object.values(query?.getFields() ?? {}).flatMap(rootField),
    "## Mutations",
    "",
    ...Object.values(mutation?.getFields() ?? {}).flatMap(rootField),
    "## Types",
    "",
    ...types.flatMap(namedType),
  ].join("\n");
};

/** The text as `biome format` leaves it, so the file stays stable under `npm run format`. */
const formatted = (text: string): string => {
  const biome = spawnSync("npx", ["biome", "format", "--stdin-file-path=docs/graph-reference.md"], {
    input: text,
    encoding: "utf8",
  });
  if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
  return biome.stdout;
};

const target = process.argv[2];
const text = formatted(render());
if (target === undefined) process.stdout.write(text);
else writeAtomically(target, text);
