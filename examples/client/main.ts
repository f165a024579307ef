import { accountGraphClient, customerCards } from "./customer-cards.js";

/**
 * `ACCOUNT_GRAPH_URL=http://127.0.0.1:4000/graphql ACCOUNT_GRAPH_TOKEN=… npx tsx
 * examples/client/main.ts <uid>…` prints one JSON line per UID (null for an unknown one).
 */
const url = process.env.ACCOUNT_GRAPH_URL ?? "http://127.0.0.1:4000/graphql";
const uids = process.argv.slice(2);
if (uids.length === 0) {
  console.error("usage: main.ts <uid> [<uid>...]");
  process.exit(2);
}
const client = accountGraphClient(url, process.env.ACCOUNT_GRAPH_TOKEN);
for (const card of await customerCards(client, uids)) console.log(JSON.stringify(card));
