/** check:package: a consumer of the installed tarball creates a group against the mock and meets the documented 409. */
import { type CreateImGroupBody, createImGroupsClient, GroupNameConflictError } from "zoom-im-groups";
import { startMockZoom } from "zoom-im-groups/testing";

const zoom = await startMockZoom();
try {
  const client = createImGroupsClient({ accessToken: "consumer", baseUrl: zoom.url });
  const body: CreateImGroupBody = { name: "Consumer group", type: "restricted" };
  // @ts-expect-error "public" is not an IM group type
  const wrong: CreateImGroupBody = { name: "x", type: "public" };
  void wrong;
  const group = await client.createImGroup(body);
  const id: string | undefined = group.id;
  try {
    await client.createImGroup(body);
  } catch (error) {
    if (!(error instanceof GroupNameConflictError)) throw error;
    console.log(JSON.stringify({ id, conflict: error.code }));
  }
} finally {
  await zoom.close();
}
