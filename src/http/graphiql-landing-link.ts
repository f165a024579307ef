import type { ApolloServerPlugin, LandingPage } from "@apollo/server";

const OFFLINE_TEXT = "it appears that you might be offline.</p>";
const FALLBACK_LINK =
  '\n  <p>GraphiQL, served by this service with no CDN, works offline: <a href="/graphiql">/graphiql</a>.</p>';

/**
 * Adds links to `/graphiql` to Apollo's landing-page HTML: one in its "cannot be loaded" fallback
 * (what an offline browser shows) and a small one in a corner over Sandbox. Apollo's options
 * have no footer for the embedded Sandbox, hence this. The corner link's style uses the page's
 * own CSP nonce; with none found, only the fallback link is added.
 */
export const addGraphiqlLinks = (html: string): string => {
  const withFallback = html.includes(OFFLINE_TEXT)
    ? html.replace(OFFLINE_TEXT, `${OFFLINE_TEXT}${FALLBACK_LINK}`)
    : html;
  const nonce = /<style nonce="?([0-9a-f]+)"?>/.exec(html)?.[1];
  if (!nonce || !withFallback.includes("</body>")) return withFallback;
  const corner = `<style nonce="${nonce}">
  #graphiql-link { position: fixed; right: 12px; bottom: 8px; z-index: 10; padding: 2px 8px;
    font: 12px sans-serif; color: #fff; background: #3f20ba; border-radius: 4px; }
</style>
<a id="graphiql-link" href="/graphiql" title="GraphiQL, bundled: works offline">GraphiQL (offline)</a>
`;
  return withFallback.replace("</body>", `${corner}</body>`);
};

/** `plugin` (a landing-page plugin) with its HTML passed through addGraphiqlLinks. */
export const withGraphiqlLinks = <T extends object>(
  plugin: ApolloServerPlugin<T>,
): ApolloServerPlugin<T> => ({
  ...plugin,
  async serverWillStart(service) {
    const listener = await plugin.serverWillStart?.(service);
    const render = listener?.renderLandingPage?.bind(listener);
    if (!listener || !render) return listener;
    return {
      ...listener,
      async renderLandingPage(): Promise<LandingPage> {
        const page = await render();
        const html = page.html;
        return {
          html: async () => addGraphiqlLinks(typeof html === "string" ? html : await html()),
        };
      },
    };
  },
});
