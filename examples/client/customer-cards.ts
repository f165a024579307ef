import { GraphQLClient, type RequestMiddleware } from "graphql-request";
import { CustomerCardsDocument, type CustomerCardsQuery } from "./generated/graphql.js";

/** One customer as the tool shows it; `null` for a UID Account Graph does not know. */
export type CustomerCard = NonNullable<CustomerCardsQuery["accountsByUids"]>[number];

/** The id codegen gave each operation (`persistedDocuments`), by operation name. */
const REGISTERED: Record<string, string | undefined> = {
  CustomerCards: (CustomerCardsDocument as { __meta__?: { hash?: string } }).__meta__?.hash,
};

/**
 * Sends a registered operation by its id instead of its text (`documentId`, GraphQL over HTTP's
 * persisted documents), as a tool held to trusted documents must: the text never leaves the tool,
 * and Account Graph runs only what `generated/persisted-documents.json` registered.
 */
const byRegisteredId: RequestMiddleware = (request) => {
  const id = request.operationName ? REGISTERED[request.operationName] : undefined;
  if (id === undefined || typeof request.body !== "string") return request;
  const { query: _, ...rest } = JSON.parse(request.body) as Record<string, unknown>;
  return { ...request, body: JSON.stringify({ ...rest, documentId: id }) };
};

/**
 * A graphql-request client for Account Graph: `url` is its `/graphql`, `token` the bearer
 * token issued to this tool (sent in the Authorization header, never in the URL).
 */
export const accountGraphClient = (url: string, token?: string): GraphQLClient =>
  new GraphQLClient(url, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    requestMiddleware: byRegisteredId,
  });

/** Cards for up to 100 UIDs in one request; Account Graph reads each distinct UID once. */
export const customerCards = async (
  client: GraphQLClient,
  uids: readonly string[],
): Promise<CustomerCard[]> => {
  // graphql-request throws on any GraphQL error, so a null root (refused, failed) never gets here.
  const data = await client.request(CustomerCardsDocument, { uids: [...uids] });
  return data.accountsByUids ?? [];
};
