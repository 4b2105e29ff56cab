/**
 * What analytics.js (@segment/analytics-next) needs from its settings CDN: the Segment.io destination with
 * the API host to send to, a tracking plan that allows everything, and no other integrations or remote
 * plugins (so the browser loads nothing from third parties).
 */
export function analyticsJsSettings(writeKey: string, url: URL, headers: Headers) {
  const proto = (headers.get("x-forwarded-proto") ?? url.protocol.replace(":", "")).split(",")[0]!.trim();
  const host = headers.get("x-forwarded-host") ?? headers.get("host") ?? url.host;
  return {
    integrations: {
      "Segment.io": {
        apiKey: writeKey,
        apiHost: `${host}/v1`,
        protocol: proto,
        unbundledIntegrations: [],
        addBundledMetadata: false,
        maybeBundledConfigIds: {},
      },
    },
    plan: {
      track: { __default: { enabled: true, integrations: {} } },
      identify: { __default: { enabled: true } },
      group: { __default: { enabled: true } },
    },
    edgeFunction: {},
    analyticsNextEnabled: true,
    middlewareSettings: {},
    enabledMiddleware: {},
    metrics: { sampleRate: 0 },
    legacyVideoPluginsEnabled: false,
    remotePlugins: [],
  };
}
