import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  server: Server;
  /** `http://host:port`, with the port the OS chose when asked for port 0. */
  url: string;
  /** Stops accepting, waits for in-flight requests, then drops idle keep-alive connections. */
  close(): Promise<void>;
}

/** The one place that binds a port; called from the entry points and test helpers only. */
export const listen = (
  handler: RequestListener,
  port: number,
  host = "127.0.0.1",
): Promise<Listening> =>
  new Promise((resolve, reject) => {
    const server = createServer(handler);
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({
        server,
        url: `http://${shownHost}:${address.port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }),
      });
    });
  });
