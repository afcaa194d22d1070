/** The message renderers the delivery side calls. */
export * from './index';
