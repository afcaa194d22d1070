// Made by extension/build/wire-schemas.ts when the extension is built or tested.
declare module 'virtual:wire-schemas' {
  const schemas: Record<string, import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/stream' {
  const schemas: Record<'StreamMessage' | 'Notification' | 'StreamTicket' | 'MarkReadResult', import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/admin' {
  const schemas: Record<string, import('./json-schema').JsonSchema>;
  export default schemas;
}
