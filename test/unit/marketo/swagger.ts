import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

import { loadSwagger as load } from './swagger-files';

type Swagger = ReturnType<typeof load>;

/**
 * The one place this project departs from a definition: Adobe's page on the Usage API (usage.md)
 * documents `date` as `YYYY-MM-DD` and shows it so in every example, while the Swagger file says
 * `date-time`. Marketo answers what the page shows, so these two members are checked as dates.
 */
function withDocumentedDates(mapi: Swagger): Swagger {
  const copy = structuredClone(mapi);
  for (const name of ['UsageData', 'ErrorsData']) {
    const date = (copy.definitions[name]!.properties as Record<string, { format?: string }>).date!;
    date.format = 'date';
  }
  return copy;
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function buildAjv(): Ajv {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  // Swagger's integer formats; on a string (Adobe writes one on `dayOfWeek`) they say nothing.
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) });
  ajv.addFormat('string', () => true);
  ajv.addSchema({ $id: 'identity', definitions: load('swagger-identity.json').definitions });
  ajv.addSchema({ $id: 'mapi', definitions: withDocumentedDates(load('swagger-mapi.json')).definitions });
  ajv.addSchema({ $id: 'asset', definitions: load('swagger-asset.json').definitions });
  return ajv;
}

const ajv = buildAjv();

/** The definition Adobe gives for the 200 answer of each endpoint the simulator serves. */
export const ANSWER_SCHEMAS: Record<string, ValidateFunction> = {
  identity: ajv.compile({ $ref: 'identity#/definitions/ResponseOfIdentity' }),
  usage: ajv.compile({ $ref: 'mapi#/definitions/ResponseOfUsageData' }),
  usage7: ajv.compile({ $ref: 'mapi#/definitions/ResponseOfUsageData' }),
  errors: ajv.compile({ $ref: 'mapi#/definitions/ResponseOfErrorsData' }),
  campaigns: ajv.compile({ $ref: 'asset#/definitions/ResponseOfSmartCampaignResponse' }),
};

/** Each campaign checked on its own too: the list's envelope marks nothing required. */
export const CAMPAIGN_SCHEMA = ajv.compile({ $ref: 'asset#/definitions/SmartCampaignResponse' });

export function conformanceErrors(kind: string, body: unknown): string[] {
  const validate = ANSWER_SCHEMAS[kind];
  if (!validate) return [`no definition for ${kind}`];
  const errors: string[] = [];
  if (!validate(body))
    errors.push(...(validate.errors ?? []).map((e) => `${kind}${e.instancePath} ${e.message}`));
  const result = (body as { result?: unknown[] }).result;
  if (kind === 'campaigns' && Array.isArray(result)) {
    for (const campaign of result) {
      if (!CAMPAIGN_SCHEMA(campaign))
        errors.push(...(CAMPAIGN_SCHEMA.errors ?? []).map((e) => `campaign${e.instancePath} ${e.message}`));
    }
  }
  return errors;
}
