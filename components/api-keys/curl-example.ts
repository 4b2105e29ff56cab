/** The request the page suggests trying first: the KPI read endpoint, with the key as a Bearer token. */
export function curlExample(origin: string, key: string): string {
  return [`curl -H "Authorization: Bearer ${key}" \\`, `  ${origin}/api/v1/metrics/kpis`].join("\n");
}
