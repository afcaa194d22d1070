import type { ConnectorPut } from '../../../shared/connector';
import type { SettingsPatch } from '../../../shared/settings';
import type { KeyCreate } from '../../../shared/tenant';
import type { Endpoint } from '../state/storage';
import { checkOptionsWire } from '../wire/options-schemas';
import type { OptionsWireName } from '../wire/schemas';
import { answer, type ApiOptions, type ApiResult, call, connect, pageMethods, type Send } from './page-api';

export type { ApiOptions, ApiResult } from './page-api';

/** The worker's read/admin API: plain fetch, bodies typed by the shared schemas, answers checked by them. */
export type Api = ReturnType<typeof pageMethods> & ReturnType<typeof optionsMethods>;

export function createApi(connection: Endpoint | null | undefined, options: ApiOptions = {}): ApiResult<Api> {
  const reach = connect(connection, options);
  if (!reach.ok) return reach;
  const { baseUrl, send } = reach.value;
  return { ok: true, value: { ...pageMethods(baseUrl, send), ...optionsMethods(send) } };
}

/** Checks a body against one of the answers only the options read. */
const optionsAnswer =
  <N extends OptionsWireName>(name: N) =>
  (body: unknown) =>
    checkOptionsWire(name, body);

/** The part of the API only the options use (and the background, with the popup's part): out of the popup. */
function optionsMethods(send: Send) {
  const get = (path: string) => () => send('GET', path);
  const post = (path: string, body?: unknown) => () => send('POST', path, body);
  const put = (path: string, body: unknown) => () => send('PUT', path, body);
  const tenantKeys = (tenant: string) => `/v1/tenants/${encodeURIComponent(tenant)}/keys`;
  return {
    settings: () => call(get('/v1/settings'), optionsAnswer('Settings')),
    updateSettings: (patch: SettingsPatch) => call(put('/v1/settings', patch), optionsAnswer('Settings')),
    members: () => call(get('/v1/members'), optionsAnswer('MemberList')),
    createKey: (tenant: string, body: KeyCreate) =>
      call(post(tenantKeys(tenant), body), optionsAnswer('KeyCreated')),
    /** With an enroll key as the connection's key: a personal read key for `member`. */
    enroll: (member: string) => call(post('/v1/enroll', { member }), optionsAnswer('Enrolled')),
    connector: () => call(get('/v1/connector'), optionsAnswer('ConnectorView')),
    putConnector: (body: ConnectorPut) => call(put('/v1/connector', body), optionsAnswer('ConnectorView')),
    pollConnector: () => call(post('/v1/connector/poll'), optionsAnswer('ConnectorStatus')),
    emailAddress: () => call(get('/v1/email-address'), optionsAnswer('EmailAddress')),
    rotateEmailAddress: () => call(post('/v1/email-address'), optionsAnswer('EmailAddress')),
    /** The tenant's keys (admin keys only), never a secret. */
    keys: (tenant: string) => call(get(tenantKeys(tenant)), optionsAnswer('KeyList')),
    revokeKey: (tenant: string, keyId: string) =>
      call(() => send('DELETE', `${tenantKeys(tenant)}/${encodeURIComponent(keyId)}`), answer('NoContent')),
  };
}
