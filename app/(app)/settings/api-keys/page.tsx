import type { Metadata } from "next";
import { headers } from "next/headers";
import { ApiKeysIntro } from "@/components/api-keys/api-keys-intro";
import { ApiKeysTable } from "@/components/api-keys/api-keys-table";
import { CreateApiKeyForm } from "@/components/api-keys/create-api-key-form";
import { Card, PageHeader } from "@/components/ui/card";
import { listApiKeys } from "@/lib/auth/api-keys";
import { requirePageRole } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { originFromHeaders } from "@/lib/sources/snippets";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const viewer = await requirePageRole("settings:manage");
  const [apiKeys, requestHeaders] = await Promise.all([listApiKeys(await getDb(), viewer.workspace.id), headers()]);
  const { protocol, host } = originFromHeaders(requestHeaders);
  const origin = `${protocol}://${host}`;
  return (
    <>
      <PageHeader
        title="API keys"
        description="Keys for the read API: other programs use them to read analytics, customers and support data. Give each program its own key, so you can revoke one without breaking the others."
      />
      <Card title={`API keys (${apiKeys.length})`}>
        {apiKeys.length === 0 ? (
          <ApiKeysIntro origin={origin} />
        ) : (
          <ApiKeysTable apiKeys={apiKeys} timeZone={viewer.workspace.timeZone} />
        )}
      </Card>
      <Card title="Create an API key" className="mt-6">
        <CreateApiKeyForm origin={origin} />
      </Card>
    </>
  );
}
