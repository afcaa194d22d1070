// Made by extension/build/wire-schemas.ts when the extension is built or tested.
declare module 'virtual:wire-schemas' {
  const schemas: Record<string, import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/options' {
  const schemas: Record<string, import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/stream' {
  type Name = 'StreamMessage' | import('./schemas').BackgroundWireName;
  const schemas: Record<Name, import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/io-events' {
  type Name = 'IoEventsCreated' | 'IoEventsState' | 'IoEventsDeleted';
  const schemas: Record<Name, import('./json-schema').JsonSchema>;
  export default schemas;
}

declare module 'virtual:wire-schemas/channels' {
  type Name = import('./channels').ChannelWireName;
  const schemas: Record<Name, import('./json-schema').JsonSchema>;
  export default schemas;
}
