import fs from "node:fs";
import http from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";

/** analytics.js as npm ships it for script tags: the UMD build exposing `window.AnalyticsNext`. */
const ANALYTICS_NEXT_UMD = createRequire(import.meta.url).resolve("@segment/analytics-next/dist/umd/index.js");

export type ShopServer = { origin: string; close: () => Promise<void> };

/**
 * A customer's website on its own origin (another port than Tenure's, so every call to Tenure is cross-origin
 * and goes through real CORS preflights): any path is a page that loads analytics.js from /analytics-next.js.
 * A real server rather than Playwright request routing, because routing makes Playwright answer CORS
 * preflights itself instead of letting them reach Tenure.
 */
export async function startShopServer(): Promise<ShopServer> {
  const server = http.createServer((request, response) => {
    if (request.url === "/analytics-next.js") {
      response.writeHead(200, { "Content-Type": "text/javascript" });
      fs.createReadStream(ANALYTICS_NEXT_UMD).pipe(response);
      return;
    }
    response.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
    response.end(
      '<!doctype html><title>Northwind shop</title><script src="/analytics-next.js"></script><h1>Northwind shop</h1>',
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
