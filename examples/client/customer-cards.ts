import { GraphQLClient } from "graphql-request";
import { CustomerCardsDocument, type CustomerCardsQuery } from "./generated/graphql.js";

/** One customer as the tool shows it; `null` for a UID Account Graph does not know. */
export type CustomerCard = CustomerCardsQuery["accountsByUids"][number];

/**
 * A graphql-request client for Account Graph: `url` is its `/graphql`, `token` the bearer
 * token issued to this tool (sent in the Authorization header, never in the URL).
 */
export const accountGraphClient = (url: string, token?: string): GraphQLClient =>
  new GraphQLClient(url, { headers: token ? { authorization: `Bearer ${token}` } : {} });

/** Cards for up to 100 UIDs in one request; Account Graph reads each distinct UID once. */
export const customerCards = async (
  client: GraphQLClient,
  uids: readonly string[],
): Promise<CustomerCard[]> => {
  const data = await client.request(CustomerCardsDocument, { uids: [...uids] });
  return data.accountsByUids;
};
