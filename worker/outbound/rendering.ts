/** The message renderers the delivery side calls (one import to point elsewhere). */
export * from './interim-rendering';
