import type { ConnectorPut } from '../../../shared/connector';
import type { SettingsPatch } from '../../../shared/settings';
import type { KeyCreate } from '../../../shared/tenant';
import { checkAdminWire } from '../wire/admin-schemas';
import type { AdminWire, AdminWireName } from '../wire/schemas';
import type { Endpoint } from '../state/storage';
import {
  createApi,
  request,
  workerClient,
  type Api,
  type ApiOptions,
  type ApiResult,
  type JsonResponse,
  type WorkerClient,
} from './api-client';

/** The worker's whole API as the options use it: the read calls and the admin ones. */
export type AdminApi = ReturnType<typeof adminCalls>;

/**
 * The options' client: the read API plus the tenant's settings, members, keys, connector and
 * e-mail address. A module of its own, with its answers' schemas, so that the popup loads neither.
 */
export function createAdminApi(
  connection: Endpoint | null | undefined,
  options: ApiOptions = {},
): ApiResult<AdminApi> {
  const read = createApi(connection, options);
  const worker = workerClient(connection, options);
  if (!read.ok) return read;
  if (!worker.ok) return worker;
  return { ok: true, value: adminCalls(read.value, worker.value.client) };
}

function call<N extends AdminWireName>(send: () => Promise<JsonResponse>, schema: N): Promise<ApiResult<AdminWire[N]>> {
  return request(send, (body) => checkAdminWire(schema, body));
}

function adminCalls(read: Api, client: WorkerClient) {
  return {
    ...read,
    settings: () => call(() => client.v1.settings.$get(), 'Settings'),
    updateSettings: (patch: SettingsPatch) => call(() => client.v1.settings.$put({ json: patch }), 'Settings'),
    members: () => call(() => client.v1.members.$get(), 'MemberList'),
    createKey: (tenant: string, body: KeyCreate) =>
      call(() => client.v1.tenants[':id'].keys.$post({ param: { id: tenant }, json: body }), 'KeyCreated'),
    /** With an enroll key as the connection's key: a personal read key for `member`. */
    enroll: (member: string) => call(() => client.v1.enroll.$post({ json: { member } }), 'Enrolled'),
    connector: () => call(() => client.v1.connector.$get(), 'ConnectorView'),
    putConnector: (body: ConnectorPut) => call(() => client.v1.connector.$put({ json: body }), 'ConnectorView'),
    pollConnector: () => call(() => client.v1.connector.poll.$post(), 'ConnectorStatus'),
    emailAddress: () => call(() => client.v1['email-address'].$get(), 'EmailAddress'),
    rotateEmailAddress: () => call(() => client.v1['email-address'].$post(), 'EmailAddress'),
    /** The tenant's keys (admin keys only), never a secret. */
    keys: (tenant: string) => call(() => client.v1.tenants[':id'].keys.$get({ param: { id: tenant } }), 'KeyList'),
    revokeKey: (tenant: string, keyId: string) =>
      request(
        () => client.v1.tenants[':id'].keys[':keyId'].$delete({ param: { id: tenant, keyId } }),
        (): { success: true; data: undefined } => ({ success: true, data: undefined }),
      ),
  };
}
