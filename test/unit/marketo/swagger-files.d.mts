export function loadSwagger(file: 'swagger-identity.json' | 'swagger-mapi.json' | 'swagger-asset.json'): {
  definitions: Record<string, Record<string, unknown>>;
};
