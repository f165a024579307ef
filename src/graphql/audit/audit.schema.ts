import {
  defaultFieldResolver,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  isObjectType,
} from "graphql";
import { type SpanScope, tracedStep } from "../../tracing/tracing.js";
import type { Caller } from "../caller.js";
import { reasonOf, type SubjectPlan, subjectOf, subjectPlanOf } from "./audit.subject.js";
import type { AuditTrail } from "./audit.trail.js";

/** What the audited resolvers read of a request's context. */
export interface AuditedContext {
  requestId: string;
  clientRequestId?: string;
  caller: Caller;
  /** Absent: no audit trail configured (in-process tests); the field resolves unaudited. */
  audit?: AuditTrail;
  /** The request's span when traced: the intent line is written as its `audit` child. */
  trace?: SpanScope;
}

type Resolver = GraphQLFieldResolver<unknown, AuditedContext, Record<string, unknown>>;

const isThenable = (value: unknown): value is PromiseLike<unknown> =>
  typeof (value as { then?: unknown } | null)?.then === "function";

/**
 * The field's resolver behind its audit: the intent line stored first (a failure throws
 * AUDIT_UNAVAILABLE and the resolver never runs), the outcome line when it settles. Wrapping the
 * whole resolver puts the intent before type-graphql's scope check and argument validation too,
 * so a FORBIDDEN or invalid attempt is on record like a performed one.
 */
const audited =
  (field: string, plan: SubjectPlan, resolve: Resolver): Resolver =>
  (source, args, context, info) => {
    const trail = context?.audit;
    if (!trail) return resolve(source, args, context, info);
    const alias = info.path.key;
    const parentUid = (source as { uid?: unknown } | null | undefined)?.uid;
    const record = tracedStep(context.trace, "audit", { "account_graph.audit.field": field }, () =>
      trail.begin({
        requestId: context.requestId,
        ...(context.clientRequestId ? { clientRequestId: context.clientRequestId } : {}),
        caller: context.caller.name,
        callerKind: context.caller.kind,
        operationName: info.operation.name?.value ?? null,
        field,
        ...(alias !== info.fieldName ? { alias: String(alias) } : {}),
        // A secret read (`Account.passwordHash`) names the account it is read from.
        ...(typeof parentUid === "string" ? { uid: parentUid } : {}),
        ...subjectOf(plan, args),
        ...reasonOf(args),
      }),
    );
    let result: unknown;
    try {
      result = resolve(source, args, context, info);
    } catch (error) {
      record.failed(error);
      throw error;
    }
    if (!isThenable(result)) {
      record.ok(result);
      return result;
    }
    return Promise.resolve(result).then(
      (value) => {
        record.ok(value);
        return value;
      },
      (error: unknown) => {
        record.failed(error);
        throw error;
      },
    );
  };

const wrapped = new WeakSet<GraphQLField<unknown, unknown>>();

/**
 * Puts `fields` (every mutation field and every field whose `@Policy` says it is a secret read,
 * `Account.passwordHash`: src/graphql/policy/ `auditedFieldsOf`) behind the audit
 * trail, in the schema itself, so no resolver can be reached around it: not through an alias, a
 * fragment or `_entities`. Why here and not elsewhere: an Apollo plugin's `willResolveField`
 * runs before the resolver but cannot stop it, and a type-graphql global middleware runs after
 * the scope check. The trail itself comes with each request's context, so one schema can serve
 * servers with different sinks; wrapping twice is a no-op.
 */
export const withAuditTrail = (
  schema: GraphQLSchema,
  fields: ReadonlySet<string>,
): GraphQLSchema => {
  const mutation = schema.getMutationType();
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith("__")) continue;
    for (const field of Object.values(type.getFields())) {
      const name = `${type.name}.${field.name}`;
      if (type !== mutation && !fields.has(name)) continue;
      if (wrapped.has(field)) continue;
      field.resolve = audited(
        name,
        subjectPlanOf(field),
        (field.resolve ?? defaultFieldResolver) as Resolver,
      ) as GraphQLFieldResolver<unknown, unknown>;
      wrapped.add(field);
    }
  }
  return schema;
};
